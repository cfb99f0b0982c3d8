"""Parsing what people type: every rule both ways, plus properties over generated input."""

from __future__ import annotations

import datetime
import decimal
import math
import unicodedata

import numpy as np
import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from tasks.reading.parse import (
    EXCEL_ERRORS,
    MISSING_MARKERS,
    MONTHS_ID,
    UNIT_ALIASES,
    ZERO_WORDS,
    Number,
    ParseError,
    Target,
    canonical_unit,
    is_missing,
    normalize_key,
    normalize_text,
    parse_date,
    parse_month,
    parse_number,
    parse_quantity,
    parse_target,
)

D = datetime.date


def raises(parse, raw, **kwargs) -> ParseError:
    """The ParseError a parser raises; every one must carry a message and a fix hint."""
    with pytest.raises(ParseError) as info:
        parse(raw, **kwargs)
    assert info.value.message and info.value.hint
    return info.value


# --- ParseError and text ------------------------------------------------------------------------

def test_parse_error_carries_message_and_hint():
    error = ParseError("bukan angka: 'x'", "ketik angka")
    assert isinstance(error, ValueError) and str(error) == error.message == "bukan angka: 'x'"
    assert error.hint == "ketik angka" and ParseError("x").hint == ""


@pytest.mark.parametrize("raw, expected", [
    (None, ""), ("", ""), ("  a  b ", "a b"), ("a\xa0b", "a b"), ("a\u202fb", "a b"), ("a\u2007b", "a b"),
    ("a\tb", "a b"), ("a\x0bb", "a b"), ("a\x0cb", "a b"), ("a\nb", "a b"), ("a\r\nb", "a b"), ("a\u2028b", "a b"),
    ("a\x00b", "a b"), ("a\u200bb", "ab"), ("a\u200cb", "ab"), ("a\u200db", "ab"), ("a\u2060b", "ab"),
    ("\ufeffKegiatan", "Kegiatan"), ("Caf\u0065\u0301", "Café"), ("e\u200b\u0301", "é"),
    ("Penyusunan\xa0RKAKL\u200b \x0b dan\tx ", "Penyusunan RKAKL dan x"), (3.0, "3"), (2.5, "2.5"), (7, "7"),
    (float("nan"), ""), ("A & B <c>", "A & B <c>"),
])
def test_normalize_text(raw, expected):
    assert normalize_text(raw) == expected


@pytest.mark.parametrize("raw, expected", [
    ("Sasaran Strategis/ Kegiatan", "sasaran strategis kegiatan"), ("  Indikator\xa0Kinerja  ", "indikator kinerja"),
    ("PIC", "pic"), ("No.", "no"), ("Target (%)", "target"), ("Penanggung_Jawab", "penanggung jawab"),
    ("Kegiatan yang akan\ndilaksanakan", "kegiatan yang akan dilaksanakan"), ("-", ""), (None, ""),
])
def test_normalize_key(raw, expected):
    assert normalize_key(raw) == expected


@pytest.mark.parametrize("raw", [None, float("nan"), np.float64("nan"), "", "  ", "-", "--", "—", "–", "N/A", "na",
                                 "NA", "tidak ada", "Belum Ada", "\xa0-\u200b"])
def test_missing(raw):
    assert is_missing(raw)


@pytest.mark.parametrize("raw", ["0", 0, 0.0, "x", "belum", "ada", "#N/A", False, "tidak", "nihil", "Nihil "])
def test_not_missing(raw):
    assert not is_missing(raw)


def test_marker_sets_hold_the_documented_values():
    assert {"", "-", "--", "—", "n/a", "na", "tidak ada", "belum ada"} <= MISSING_MARKERS
    assert "nihil" not in MISSING_MARKERS and "nihil" in ZERO_WORDS  # "nihil" is zero: none happened
    assert "#DIV/0!" in EXCEL_ERRORS and "#GETTING_DATA" in EXCEL_ERRORS and len(EXCEL_ERRORS) == 10


# --- numbers ------------------------------------------------------------------------------------

@pytest.mark.parametrize("raw, expected", [
    ("10", Number(10, True, False)), ("95,5", Number(95.5, True, False)), ("1.234,5", Number(1234.5, True, False)),
    ("1.234.567", Number(1234567, True, False)), ("1.234.567,89", Number(1234567.89, True, False)),
    ("1.234,567", Number(1234.567, True, False)), ("0,25", Number(0.25, True, False)),
    ("1,234", Number(1.234, True, False)), (" 7 ", Number(7, True, False)), ("+5", Number(5, True, False)),
    ("-5", Number(-5, True, False)), ("\u22125", Number(-5, True, False)), ("-1.234,5", Number(-1234.5, True, False)),
    ("95%", Number(95, True, True)), ("12,5 %", Number(12.5, True, True)), ("0.2%", Number(0.2, True, True)),
    ("12.5 %", Number(12.5, True, True)), ("100\xa0%", Number(100, True, True)), ("-3%", Number(-3, True, True)),
    ("Rp. 1.544.000.000,-", Number(1544000000, True, False)), ("Rp30.050.000.000,00", Number(30050000000, True, False)),
    ("IDR 1.000", Number(1000, True, False)), ("rp 1.000", Number(1000, True, False)),
    ("Rp. 1.000", Number(1000, True, False)), ("IDR. 25.000", Number(25000, True, False)),
    ("1.000,-", Number(1000, True, False)), ("5.-", Number(5, True, False)),
    (12, Number(12, False, False)), (2.5, Number(2.5, False, False)), (np.int64(3), Number(3, False, False)),
    (np.float32(0.5), Number(0.5, False, False)), (decimal.Decimal("1.5"), Number(1.5, False, False)),
    (float("nan"), Number(None, False, False)), (np.float64("nan"), Number(None, False, False)),
    (None, Number(None, True, False)), ("-", Number(None, True, False)), ("N/A", Number(None, True, False)),
    ("nihil", Number(0.0, True, False)), ("Nihil", Number(0.0, True, False)), ("", Number(None, True, False)),
    ("tidak ada", Number(None, True, False)),
])
def test_numbers(raw, expected):
    assert parse_number(raw) == expected


@pytest.mark.parametrize("raw", ["95.5", "1.5", "0.25", "1.234", "1,234.5", "1,234,567", "1,234,567.89", "1.2.3,4",
                                 "1.000%", "0.250 %", "12,5.5"])
def test_ambiguous_numbers_are_errors(raw):
    assert "meragukan" in raises(parse_number, raw).message


def test_english_format_message():
    error = raises(parse_number, "1,234.5")
    assert error.message == "format angka meragukan: '1,234.5'" and "1234,5" in error.hint


def test_single_dot_hint_names_both_readings():
    assert "1,234 atau 1234" in raises(parse_number, "1.234").hint
    assert "95,5" in raises(parse_number, "95.5").hint


@pytest.mark.parametrize("raw, integral, expected", [
    ("1.234", True, 1234), ("12.345", True, 12345), ("999.000", True, 999000), ("1.234,5", True, 1234.5),
    ("2,5", True, 2.5), ("0,125", True, 0.125), ("1,234", False, 1.234), ("1.234%", True, 1234),
])
def test_integral_settles_a_thousands_dot(raw, integral, expected):
    assert parse_number(raw, integral=integral).value == expected


@pytest.mark.parametrize("raw", ["95.5", "1.5", "0.234", "1234.567", "1,234", "1,234.5", "1.2345"])
def test_integral_still_refuses_what_it_cannot_settle(raw):
    assert "meragukan" in raises(parse_number, raw, integral=True).message


@pytest.mark.parametrize("raw", ["sepuluh", "10 laporan", "1 2", "--5", "+-5", "- 5", "5-", "5.", ",5", ".5", "95%%",
                                 "% 95", "Rp", "Rp.", "1.23.456", "(123)", "1e5", "0x10", "12,34,567", True, False,
                                 np.bool_(True), float("inf"), -math.inf, 10**400, "9" * 400, decimal.Decimal("1e400"),
                                 datetime.date(2024, 3, 31)])
def test_not_numbers(raw):
    raises(parse_number, raw)


def test_not_a_number_message_quotes_the_text():
    assert raises(parse_number, "sepuluh").message == "bukan angka: 'sepuluh'"


@pytest.mark.parametrize("raw", sorted(EXCEL_ERRORS) + ["#div/0!", " #N/A ", "#value!"])
def test_excel_error_strings(raw):
    error = raises(parse_number, raw)
    assert error.message == f"sel berisi galat Excel {raw.strip().upper()}"
    assert error.hint == "perbaiki rumus atau ketik nilainya"


# --- units, quantities and targets --------------------------------------------------------------

@pytest.mark.parametrize("raw, unit", [
    ("lap", "laporan"), ("Lap.", "laporan"), ("LAPORAN", "laporan"), ("lay", "layanan"), ("Layanan", "layanan"),
    ("dok", "dokumen"), ("Dok.", "dokumen"), ("keg", "kegiatan"), ("org", "orang"), ("jiwa", "orang"),
    ("%", "%"), ("persen", "%"), ("Prosen", "%"), ("persentase", "%"), ("Persen (%)", "%"), ("(%)", "%"),
    ("x", "kali"), ("kali", "kali"), ("pkt", "paket"), ("buah", "unit"), ("bh", "unit"), ("unit", "unit"),
    ("rek", "rekomendasi"), ("sk", "keputusan"), ("SK", "keputusan"), ("perkpu", "peraturan"), ("bln", "bulan"),
    ("hr", "hari"), ("index", "indeks"), ("Indeks", "indeks"), ("nilai", "nilai"), ("", ""), (None, ""),
    ("Naskah", "naskah"), ("\xa0Eks.", "eks"),
])
def test_canonical_unit(raw, unit):
    assert canonical_unit(raw) == unit


def test_every_alias_maps_to_a_documented_unit():
    canonical = {"laporan", "layanan", "dokumen", "kegiatan", "orang", "%", "rekomendasi", "keputusan", "peraturan",
                 "paket", "unit", "kali", "bulan", "hari", "indeks", "nilai"}
    assert set(UNIT_ALIASES.values()) == canonical
    assert all(canonical_unit(alias) == unit for alias, unit in UNIT_ALIASES.items())


@pytest.mark.parametrize("raw, expected", [
    ("1 laporan", (1.0, "laporan")), ("2 Lap", (2.0, "laporan")), ("1 layanan", (1.0, "layanan")),
    ("95%", (95.0, "%")), ("12,5 %", (12.5, "%")), ("0.2%", (0.2, "%")), ("90 persen", (90.0, "%")),
    ("12", (12.0, "")), ("3x", (3.0, "kali")), ("1.234 laporan", (1234.0, "laporan")), ("2 naskah", (2.0, "naskah")),
    ("Rp. 1.544.000.000,-", (1544000000.0, "")), (4, (4.0, "")), (2.5, (2.5, "")), ("-", (None, "")),
    ("", (None, "")), (None, (None, "")), (float("nan"), (None, "")),
])
def test_quantities(raw, expected):
    assert parse_quantity(raw) == expected


def test_quantity_default_decides_only_without_a_unit():
    assert parse_quantity("1.234", integral_default=True) == (1234.0, "")
    assert parse_quantity("1.234 laporan", integral_default=False) == (1234.0, "laporan")
    raises(parse_quantity, "1.234", integral_default=False)
    raises(parse_quantity, "1.234 indeks", integral_default=True)


@pytest.mark.parametrize("raw", ["laporan", "laporan 1", "-5-5", "sepuluh laporan", "95.5 laporan", "1,234.5 %",
                                 "#REF!", True])
def test_bad_quantities(raw):
    raises(parse_quantity, raw)


@pytest.mark.parametrize("raw, expected", [
    ("1 laporan", Target("1 laporan", 1, "laporan")), ("2 Lap", Target("2 Lap", 2, "laporan")),
    ("1 layanan", Target("1 layanan", 1, "layanan")), ("100%", Target("100%", 100, "%")),
    ("0,2%", Target("0,2%", 0.2, "%")), ("0.2%", Target("0.2%", 0.2, "%")), ("5", Target("5", 5, "")),
    (3, Target("3", 3, "")), (2.5, Target("2.5", 2.5, "")), ("2 Dok.", Target("2 Dok.", 2, "dokumen")),
    (" 1\xa0Laporan ", Target("1 Laporan", 1, "laporan")), ("1.234 laporan", Target("1.234 laporan", 1234, "laporan")),
    ("80-90%", Target("80-90%", None, "%", 80, 90)), ("80 - 90 %", Target("80 - 90 %", None, "%", 80, 90)),
    ("80 – 90%", Target("80 – 90%", None, "%", 80, 90)), ("80% - 90%", Target("80% - 90%", None, "%", 80, 90)),
    ("80 s.d. 90%", Target("80 s.d. 90%", None, "%", 80, 90)),
    ("80 s/d 90 %", Target("80 s/d 90 %", None, "%", 80, 90)), ("80 sd 90%", Target("80 sd 90%", None, "%", 80, 90)),
    ("80 sampai 90 %", Target("80 sampai 90 %", None, "%", 80, 90)),
    ("80 sampai dengan 90%", Target("80 sampai dengan 90%", None, "%", 80, 90)),
    ("1-2 laporan", Target("1-2 laporan", None, "laporan", 1, 2)), ("90-90%", Target("90-90%", None, "%", 90, 90)),
    ("12,5-17,5%", Target("12,5-17,5%", None, "%", 12.5, 17.5)), ("3 - 5", Target("3 - 5", None, "", 3, 5)),
])
def test_targets(raw, expected):
    assert parse_target(raw) == expected


@pytest.mark.parametrize("raw", ["", None, "-", "N/A", float("nan")])
def test_missing_target(raw):
    assert parse_target(raw) is None


def test_nihil_target_is_zero():
    assert parse_target("nihil") == Target("nihil", 0.0, "")


@pytest.mark.parametrize("raw, nilai, satuan, arah", [
    ("≥ 90%", 90, "%", ">="), (">= 90%", 90, "%", ">="), ("≤5%", 5, "%", "<="), ("minimal 90%", 90, "%", ">="),
    ("maksimal 2 kali", 2, "kali", "<="), ("< 2%", 2, "%", "<"), ("lebih dari 80%", 80, "%", ">"),
])
def test_threshold_targets(raw, nilai, satuan, arah):
    target = parse_target(raw)
    assert (target.nilai, target.satuan, target.arah, target.kualitatif) == (nilai, satuan, arah, None)


@pytest.mark.parametrize("raw", ["WTP", "Opini WTP", "Tersedia", "seluruhnya"])
def test_a_target_without_a_number_is_qualitative(raw):
    target = parse_target(raw)
    assert target.kualitatif == raw and target.nilai is None


@pytest.mark.parametrize("raw", ["laporan 1", "-5-5", "95.5 laporan", "1.234", "90-80%", "minimal 1.234",
                                 "1.234-2.345", "#DIV/0!", True, math.inf])
def test_bad_targets(raw):
    raises(parse_target, raw)


def test_target_messages():
    assert "bukan angka" in raises(parse_target, "laporan 1").message
    assert "terbalik" in raises(parse_target, "90-80%").message


# --- dates --------------------------------------------------------------------------------------

@pytest.mark.parametrize("raw, expected", [
    ("31/03/2024", D(2024, 3, 31)), ("31-03-2024", D(2024, 3, 31)), ("31.03.2024", D(2024, 3, 31)),
    ("31/3/2024", D(2024, 3, 31)), ("1/4/2024", D(2024, 4, 1)), ("03/04/2024", D(2024, 4, 3)),
    ("2024-03-31", D(2024, 3, 31)), ("2024-03-31 00:00:00", D(2024, 3, 31)), ("2024/3/31", D(2024, 3, 31)),
    ("31 Maret 2024", D(2024, 3, 31)), ("31 maret 2024", D(2024, 3, 31)), ("31 Mar 2024", D(2024, 3, 31)),
    ("31 Mar. 2024", D(2024, 3, 31)), ("31-Mar-2024", D(2024, 3, 31)), ("31 March 2024", D(2024, 3, 31)),
    ("14 Februari 2024", D(2024, 2, 14)), ("14 Feb 2024", D(2024, 2, 14)), ("17 Agustus 2024", D(2024, 8, 17)),
    ("17 Agt 2024", D(2024, 8, 17)), ("17 Agu 2024", D(2024, 8, 17)), ("17 Ags 2024", D(2024, 8, 17)),
    ("17 Aug 2024", D(2024, 8, 17)), ("1 Mei 2024", D(2024, 5, 1)), ("1 May 2024", D(2024, 5, 1)),
    ("1 Okt 2024", D(2024, 10, 1)), ("1 Oct 2024", D(2024, 10, 1)), ("27 november 2024", D(2024, 11, 27)),
    ("25 Des 2024", D(2024, 12, 25)), ("25 Dec 2024", D(2024, 12, 25)), ("Senin, 1 April 2024", D(2024, 4, 1)),
    ("\xa031/03/2024\u200b", D(2024, 3, 31)),
    (datetime.datetime(2024, 3, 31, 8, 0), D(2024, 3, 31)), (D(2024, 3, 31), D(2024, 3, 31)),
    (45382, D(2024, 3, 31)), (45382.75, D(2024, 3, 31)), (np.int64(45382), D(2024, 3, 31)),
    (1, D(1900, 1, 1)), (59, D(1900, 2, 28)), (61, D(1900, 3, 1)), (2958465, D(9999, 12, 31)),
    (None, None), ("", None), ("-", None), (float("nan"), None),
])
def test_dates(raw, expected):
    assert parse_date(raw) == expected


@pytest.mark.parametrize("serial, expected", [(0, D(1904, 1, 1)), (1, D(1904, 1, 2)), (43920, D(2024, 3, 31)),
                                              (2957003, D(9999, 12, 31))])
def test_1904_date_system(serial, expected):
    assert parse_date(serial, date1904=True) == expected


@pytest.mark.parametrize("raw, date1904", [(2957004, True), (-1, True), (0, False), (-3, False), (2958466, False),
                                           (60, False), (60.5, False), (math.inf, False), (10**400, False)])
def test_bad_serials(raw, date1904):
    raises(parse_date, raw, date1904=date1904)


@pytest.mark.parametrize("raw", ["03/31/2024", "31/02/2024", "29/02/2023", "32/01/2024", "00/01/2024", "31/03/24",
                                 "31/03/202", "31 Mar 24", "31/03-2024", "kemarin", "31 Foo 2024", "Maret 2024",
                                 "2024-13-01", True, "45382"])
def test_bad_dates(raw):
    raises(parse_date, raw)


def test_month_first_date_message():
    error = raises(parse_date, "03/31/2024")
    assert "tanggal tidak valid" in error.message and "bulan 31" in error.message
    assert error.hint == "gunakan format hari/bulan/tahun, misalnya 31/03/2024"
    assert "dua angka" in raises(parse_date, "31/03/24").message


# --- months -------------------------------------------------------------------------------------

@pytest.mark.parametrize("raw, month", [
    ("B1", 1), ("B12", 12), ("b 3", 3), ("B 1", 1), ("B01", 1), ("Bln 4", 4), ("Bln. 4", 4), ("Bulan 7", 7),
    ("Bulan ke-7", 7), (5, 5), (5.0, 5), (np.int64(11), 11), ("6", 6), ("12", 12), (" 1 ", 1), ("Jan", 1),
    ("Jan.", 1), ("Feb", 2), ("Mar", 3), ("Apr", 4), ("Mei", 5), ("Jun", 6), ("Jul", 7), ("Agu", 8), ("Agt", 8),
    ("Ags", 8), ("Sep", 9), ("Okt", 10), ("Nov", 11), ("Des", 12), ("May", 5), ("Aug", 8), ("Oct", 10),
    ("Dec", 12), ("Januari", 1), ("FEBRUARI", 2), ("agustus", 8), ("Desember", 12), ("March", 3), ("July", 7),
    ("\u04123", 3), ("\u0412ln 4", 4), ("\u0412 1\u200b", 1), ("\u041ekt", 10), ("\u041ect", 10),
    ("\u0392" + "5", 5),
])
def test_month_labels(raw, month):
    assert parse_month(raw) == month


@pytest.mark.parametrize("raw", ["B13", 13, 0, "0", "B0", 1.5, math.nan, math.inf, 10**400, True, "Target", "", None,
                                 "Pelaksana", "M1", "TW1", "Januari 2024", "1.0", "Bulan", "Jumlah"])
def test_not_month_labels(raw):
    assert parse_month(raw) is None


def test_month_names():
    assert MONTHS_ID[0] == "Januari" and MONTHS_ID[11] == "Desember" and len(MONTHS_ID) == 12
    assert [parse_month(name) for name in MONTHS_ID] == list(range(1, 13))


# --- properties ---------------------------------------------------------------------------------

def indonesian(value: int, decimals: str) -> str:
    """value with thousands dots, then a decimal comma and the given decimal digits."""
    grouped = f"{value:,}".replace(",", ".")
    return grouped + ("," + decimals if decimals else "")


@given(st.integers(min_value=-10**15, max_value=10**15), st.text("0123456789", max_size=2))
def test_indonesian_format_round_trips(value, decimals):
    text = indonesian(value, decimals)
    expected = float(decimal.Decimal(f"{value}.{decimals or 0}"))
    assert parse_number(text, integral=True).value == expected  # a count column: "1.234" can only be 1234
    if text.lstrip("-").count(".") == 1 and not decimals:
        raises(parse_number, text)  # "1.234" alone: 1,234 or 1234?
    else:
        assert parse_number(text).value == expected


@given(st.floats(min_value=-1e9, max_value=1e9, allow_nan=False), st.booleans(), st.booleans())
def test_percent_with_either_decimal_mark(x, comma, spaced):
    text = repr(x)
    assume("e" not in text and (comma or len(text.partition(".")[2]) != 3))  # "12.345%" stays ambiguous
    number = parse_number((text.replace(".", ",") if comma else text) + (" %" if spaced else "%"))
    assert number.percent and number.from_text and number.value == x


@given(st.integers(min_value=1, max_value=999), st.lists(st.integers(0, 999), min_size=1, max_size=4),
       st.text("0123456789", max_size=3), st.booleans())
def test_english_grouping_is_never_guessed(head, groups, decimals, integral):
    text = f"{head}," + ",".join(f"{g:03d}" for g in groups) + (f".{decimals}" if decimals else "")
    assume(len(groups) > 1 or decimals)  # "1,234" alone is a decimal comma by the Indonesian rule
    raises(parse_number, text, integral=integral)


@given(st.integers(min_value=-10**12, max_value=10**12), st.sampled_from(sorted(UNIT_ALIASES)),
       st.sampled_from([str.lower, str.upper, str.title]))
def test_target_units(value, alias, case):
    target = parse_target(f"{value} {case(alias)}")
    assert target.nilai == value and target.satuan == UNIT_ALIASES[alias] and target.min is None


EPOCH_1900 = D(1899, 12, 30)  # Excel's day 0 for real dates after its fake 1900-02-29
EPOCH_1904 = D(1904, 1, 1)


@given(st.dates(min_value=D(1900, 3, 1), max_value=D(9999, 12, 31)))
def test_dates_round_trip(day):
    assert parse_date(day.toordinal() - EPOCH_1900.toordinal()) == day
    if day >= EPOCH_1904:
        assert parse_date(day.toordinal() - EPOCH_1904.toordinal(), date1904=True) == day
    assert parse_date(f"{day.day:02d}/{day.month:02d}/{day.year:04d}") == day
    assert parse_date(f"{day.day} {MONTHS_ID[day.month - 1]} {day.year:04d}") == day


def _is_clean(text: str) -> bool:
    return all(ch == " " or unicodedata.category(ch) not in {"Cc", "Cf", "Zs", "Zl", "Zp"} for ch in text)


@given(st.text())
def test_normalize_text_is_idempotent_and_clean(text):
    clean = normalize_text(text)
    assert normalize_text(clean) == clean and clean == unicodedata.normalize("NFC", clean)
    assert "  " not in clean and clean == clean.strip() and _is_clean(clean)
    assert normalize_key(normalize_key(text)) == normalize_key(text)


def outcome(parse, raw, **kwargs) -> str:
    try:
        parse(raw, **kwargs)
    except ParseError as exc:  # the only acceptable failure: a message for the user
        assert exc.message and exc.hint
        return "galat"
    return "ok"


@given(st.one_of(st.text(), st.text("0123456789.,-+% Rp", max_size=12), st.integers(), st.floats(), st.none()))
def test_parsers_raise_only_parse_errors(raw):
    for parse in (parse_number, parse_target, parse_date, parse_quantity):
        assert outcome(parse, raw) in ("ok", "galat")
    assert outcome(parse_number, raw, integral=True) in ("ok", "galat")
    assert outcome(parse_date, raw, date1904=True) in ("ok", "galat")
    assert parse_month(raw) in (None, *range(1, 13))
    assert isinstance(canonical_unit(raw), str) and isinstance(is_missing(raw), bool)


@given(st.text("0123456789.,", min_size=1, max_size=12))
def test_a_number_is_never_misread_by_a_factor_of_a_thousand(text):
    """Whatever parse_number returns for digits with dots and commas, some Indonesian reading gives it."""
    try:
        value = parse_number(text).value
    except ParseError:
        return
    readings = {float(text.replace(".", "").replace(",", "."))} if text.count(",") <= 1 else set()
    assert value in readings
