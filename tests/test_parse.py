"""Parsing what people type: every rule both ways, plus properties over generated input."""

from __future__ import annotations

import datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tasks.parse import (MONTHS_ID, UNIT_ALIASES, ParseError, Target, canonical_unit, is_missing, normalize_key,
                         normalize_text, parse_date, parse_month, parse_number, parse_quantity, parse_target)


@pytest.mark.parametrize("raw, expected", [
    ("95,5", 95.5), ("1.234,5", 1234.5), ("1.234.567", 1234567), ("1.234.567,89", 1234567.89), ("10", 10),
    ("Rp. 1.544.000.000,-", 1544000000), ("Rp30.050.000.000,00", 30050000000), ("IDR 1.000", 1000),
    ("-5", -5), (" 7 ", 7), (12, 12), (2.5, 2.5),
])
def test_numbers(raw, expected):
    assert parse_number(raw, integral=isinstance(raw, str) and raw.startswith(("Rp", "IDR"))).value == expected


@pytest.mark.parametrize("raw", ["95.5", "1,234.5", "1,234,567", "1.5", "0.25", "1.234"])
def test_ambiguous_numbers_are_errors(raw):
    with pytest.raises(ParseError) as info:
        parse_number(raw)
    assert "meragukan" in info.value.pesan and info.value.saran


def test_thousands_dot_is_settled_by_a_count_unit():
    assert parse_number("1.234", integral=True).value == 1234
    with pytest.raises(ParseError):
        parse_number("95.5", integral=True)


@pytest.mark.parametrize("raw, expected", [("95%", 95), ("12,5 %", 12.5), ("0.2%", 0.2), ("100 %", 100)])
def test_percent_strings(raw, expected):
    number = parse_number(raw)
    assert number.percent and number.value == expected


@pytest.mark.parametrize("raw", ["-", "", "N/A", "nihil", "  ", None, "—", "tidak ada"])
def test_missing_markers_are_missing_not_zero(raw):
    assert parse_number(raw).value is None and is_missing(raw)


@pytest.mark.parametrize("raw", ["#DIV/0!", "#N/A", "#REF!", "#value!"])
def test_excel_error_strings(raw):
    with pytest.raises(ParseError, match="galat Excel"):
        parse_number(raw)


@pytest.mark.parametrize("raw", ["sepuluh", "10 laporan", True, float("inf")])
def test_not_numbers(raw):
    with pytest.raises(ParseError):
        parse_number(raw)


def test_text_flag_and_nan():
    assert parse_number("10").from_text and not parse_number(10).from_text
    assert parse_number(float("nan")).value is None


@pytest.mark.parametrize("raw, expected", [
    ("1 laporan", Target("1 laporan", 1, "laporan")), ("2 Lap", Target("2 Lap", 2, "laporan")),
    ("1 layanan", Target("1 layanan", 1, "layanan")), ("100%", Target("100%", 100, "%")),
    ("0,2%", Target("0,2%", 0.2, "%")), ("80-90%", Target("80-90%", None, "%", 80, 90)),
    ("80 - 90 %", Target("80 - 90 %", None, "%", 80, 90)), ("80 s.d. 90%", Target("80 s.d. 90%", None, "%", 80, 90)),
    ("80 s/d 90 %", Target("80 s/d 90 %", None, "%", 80, 90)), ("5", Target("5", 5, "")), (3, Target("3", 3, "")),
    ("2 Dok.", Target("2 Dok.", 2, "dokumen")),
])
def test_targets(raw, expected):
    assert parse_target(raw) == expected


@pytest.mark.parametrize("raw", ["", None, "-"])
def test_missing_target(raw):
    assert parse_target(raw) is None


@pytest.mark.parametrize("raw", ["seluruhnya", "90-80%", "laporan 1"])
def test_bad_targets(raw):
    with pytest.raises(ParseError) as info:
        parse_target(raw)
    assert info.value.saran


def test_quantities():
    assert parse_quantity("1 laporan") == (1.0, "laporan")
    assert parse_quantity("95%") == (95.0, "%")
    assert parse_quantity("12") == (12.0, "")
    assert parse_quantity(4) == (4.0, "")
    assert parse_quantity("-") == (None, "")


def test_unknown_unit_is_kept():
    assert canonical_unit("Naskah") == "naskah" and canonical_unit("") == ""


@pytest.mark.parametrize("raw, expected", [
    ("31/03/2024", datetime.date(2024, 3, 31)), ("31-03-2024", datetime.date(2024, 3, 31)),
    ("31.3.2024", datetime.date(2024, 3, 31)), ("2024-03-31", datetime.date(2024, 3, 31)),
    ("31 Maret 2024", datetime.date(2024, 3, 31)), ("14 Feb 2024", datetime.date(2024, 2, 14)),
    ("17 Agt 2024", datetime.date(2024, 8, 17)), ("27 november 2024", datetime.date(2024, 11, 27)),
    ("03/04/2024", datetime.date(2024, 4, 3)), (45382, datetime.date(2024, 3, 31)),
    (datetime.datetime(2024, 3, 31, 8, 0), datetime.date(2024, 3, 31)), (1, datetime.date(1900, 1, 1)),
    (61, datetime.date(1900, 3, 1)),
])
def test_dates(raw, expected):
    assert parse_date(raw) == expected


def test_1904_date_system():
    assert parse_date(0.0 + 43920, date1904=True) == datetime.date(2024, 3, 31)


@pytest.mark.parametrize("raw", ["03/31/2024", "31/02/2024", "31/03/24", "kemarin", 60, -3, "31 Foo 2024"])
def test_bad_dates(raw):
    with pytest.raises(ParseError) as info:
        parse_date(raw)
    assert info.value.saran


@pytest.mark.parametrize("raw, month", [
    ("B1", 1), ("B12", 12), ("b 3", 3), ("Bln 4", 4), (5, 5), ("6", 6), ("Jan", 1), ("Agu", 8), ("Agt", 8),
    ("Okt", 10), ("Des", 12), ("Januari", 1), ("Desember", 12), ("В3", 3), ("May", 5), ("Bulan 7", 7),
])
def test_month_labels(raw, month):
    assert parse_month(raw) == month


@pytest.mark.parametrize("raw", ["B13", 13, 0, "Target", "", None, "Pelaksana"])
def test_not_month_labels(raw):
    assert parse_month(raw) is None


def test_text_normalisation():
    assert normalize_text("Penyusunan\xa0RKAKL\u200b \x0b dan\tx ") == "Penyusunan RKAKL dan x"
    assert normalize_text(None) == "" and normalize_text(3.0) == "3"
    assert normalize_key("Sasaran Strategis/ Kegiatan") == "sasaran strategis kegiatan"


# --- properties ---------------------------------------------------------------------------------

def indonesian(value: int, decimals: str) -> str:
    grouped = f"{value:,}".replace(",", ".")
    return grouped + ("," + decimals if decimals else "")


@given(st.integers(min_value=0, max_value=10**12), st.text("0123456789", max_size=2))
def test_indonesian_format_round_trips(value, decimals):
    text = indonesian(value, decimals)  # in a count column, where "1.234" can only mean 1234
    assert parse_number(text, integral=True).value == pytest.approx(float(f"{value}.{decimals or 0}"))
    if text.count(".") != 1 or decimals:
        assert parse_number(text).value == pytest.approx(float(f"{value}.{decimals or 0}"))
    else:
        assert outcome(parse_number, text) == "galat"  # "1.234" alone: 1,234 or 1234?


@given(st.integers(min_value=0, max_value=10**6), st.integers(min_value=0, max_value=99), st.booleans())
def test_percent_with_either_decimal_mark(whole, frac, comma):
    text = f"{whole}{',' if comma else '.'}{frac:02d}%"
    number = parse_number(text)
    assert number.percent and number.value == pytest.approx(whole + frac / 100)


@given(st.integers(min_value=1, max_value=999), st.integers(min_value=0, max_value=999),
       st.integers(min_value=1, max_value=9))
def test_english_grouping_is_never_guessed(head, group, decimal):
    with pytest.raises(ParseError):
        parse_number(f"{head},{group:03d}.{decimal}")


@given(st.integers(min_value=0, max_value=100_000), st.sampled_from(sorted(UNIT_ALIASES)))
def test_target_units(value, alias):
    target = parse_target(f"{value} {alias}")
    assert target.nilai == value and target.satuan == UNIT_ALIASES[alias]


EPOCH_1900 = datetime.date(1899, 12, 30)
EPOCH_1904 = datetime.date(1904, 1, 1)


@given(st.dates(min_value=datetime.date(1900, 3, 1), max_value=datetime.date(9999, 12, 31)))
def test_dates_round_trip(day):
    assert parse_date((day - EPOCH_1900).days) == day
    assert parse_date((day - EPOCH_1904).days, date1904=True) == day if day >= EPOCH_1904 else True
    assert parse_date(f"{day.day:02d}/{day.month:02d}/{day.year}") == day
    assert parse_date(f"{day.day} {MONTHS_ID[day.month - 1]} {day.year}") == day


@given(st.text())
def test_normalize_text_is_idempotent_and_clean(text):
    clean = normalize_text(text)
    assert normalize_text(clean) == clean
    assert "  " not in clean and clean == clean.strip()
    assert not any(ch in clean for ch in "\u200b\u200c\u200d\u2060\ufeff\x0b\t\n\xa0")


def outcome(parse, raw) -> str:
    try:
        parse(raw)
    except ParseError as exc:  # the only acceptable failure: a message for the user
        assert exc.pesan
        return "galat"
    return "ok"


@given(st.one_of(st.text(), st.integers(), st.floats()))
def test_parsers_raise_only_parse_errors(raw):
    for parse in (parse_number, parse_target, parse_date, parse_quantity, parse_month):
        assert outcome(parse, raw) in ("ok", "galat")
