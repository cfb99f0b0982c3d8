"""Lenient reading of what people type in Indonesian workbooks: numbers, percents, units, targets,
dates and month labels. Lenient where the meaning is certain, an error where it is ambiguous:
"95,5" is 95.5, but "95.5" in a text cell could be 95.5 or 955, so it is refused, never guessed.
"""

from __future__ import annotations

import datetime
import math
import re
import unicodedata
from dataclasses import dataclass

MONTHS_ID = ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober",
             "November", "Desember"]
MISSING_MARKERS = frozenset({"", "-", "--", "—", "–", "n/a", "na", "nihil", "tidak ada", "belum ada"})
EXCEL_ERRORS = frozenset({"#DIV/0!", "#N/A", "#REF!", "#VALUE!", "#NAME?", "#NUM!", "#NULL!", "#SPILL!", "#CALC!",
                          "#GETTING_DATA"})


class ParseError(ValueError):
    """A cell value that cannot be read; .pesan is the Indonesian message, .saran a fix hint."""

    def __init__(self, pesan: str, saran: str = ""):
        super().__init__(pesan)
        self.pesan = pesan
        self.saran = saran


# --- text ---------------------------------------------------------------------------------------

_ZERO_WIDTH = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"))
_SPACES = re.compile(r"\s+")


def normalize_text(value) -> str:
    """Any cell value as clean text: NFC, no zero-width or control characters, single spaces."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    text = unicodedata.normalize("NFC", str(value)).translate(_ZERO_WIDTH)
    text = "".join(" " if unicodedata.category(ch)[0] in "CZ" else ch for ch in text)
    return _SPACES.sub(" ", text).strip()


def normalize_key(value) -> str:
    """Text for matching headers and aliases: lower case, punctuation as spaces."""
    text = normalize_text(value).casefold()
    return _SPACES.sub(" ", re.sub(r"[^\w]+|_", " ", text)).strip()


def is_missing(value) -> bool:
    """Empty, NaN, or a marker people type for 'nothing' ('-', 'N/A', 'nihil')."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return True
    return isinstance(value, str) and normalize_text(value).casefold() in MISSING_MARKERS


# --- numbers ------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Number:
    """A parsed number: value None means missing; from_text and percent say how it was written."""

    value: float | None
    from_text: bool
    percent: bool


_MONEY_PREFIX = re.compile(r"^(rp\.?|idr)\s*", re.I)
_MONEY_SUFFIX = re.compile(r"[,.]-+$")
_ID_GROUPED = re.compile(r"^\d{1,3}(\.\d{3})+(,\d+)?$")  # 1.234.567,89
_ID_PLAIN = re.compile(r"^\d+(,\d+)?$")  # 1234,5
_EN_GROUPED = re.compile(r"^\d{1,3}(,\d{3})+(\.\d+)?$")  # 1,234,567.89
_SINGLE_DOT = re.compile(r"^\d+\.\d+$")  # 95.5, 1.234, 0.2


def _ambiguous(text: str, saran: str = "") -> ParseError:
    return ParseError(f"format angka meragukan: '{text}'",
                      saran or "tulis dengan koma desimal tanpa pemisah ribuan, misalnya 1234,5")


def parse_number(raw, *, integral: bool = False) -> Number:
    """Lenient Indonesian number parsing; raises ParseError when ambiguous or not a number."""
    if isinstance(raw, bool):
        raise ParseError(f"bukan angka: '{raw}'", "ketik angkanya")
    if isinstance(raw, (int, float)) or hasattr(raw, "dtype"):
        value = float(raw)
        if math.isinf(value):
            raise ParseError("angka tak hingga", "ketik angka yang wajar")
        return Number(None if math.isnan(value) else value, False, False)
    text = normalize_text(raw)
    if text.casefold() in MISSING_MARKERS:
        return Number(None, True, False)
    if text.upper() in EXCEL_ERRORS:
        raise ParseError(f"sel berisi galat Excel {text.upper()}", "perbaiki rumus atau ketik nilainya")
    return _parse_text_number(text, integral)


def _parse_text_number(text: str, integral: bool) -> Number:
    body = _MONEY_SUFFIX.sub("", _MONEY_PREFIX.sub("", text)).strip()
    percent = body.endswith("%")
    body = body.rstrip("%").strip().replace(" ", "")
    sign = -1.0 if body.startswith("-") else 1.0
    body = body.lstrip("+-")
    return Number(sign * _digits_value(body, text, integral, percent), True, percent)


def _digits_value(body: str, text: str, integral: bool, percent: bool) -> float:
    grouped = _ID_GROUPED.match(body) and (body.count(".") > 1 or "," in body)  # "1.234" alone is ambiguous
    if _ID_PLAIN.match(body) or grouped:
        return float(body.replace(".", "").replace(",", "."))
    if _EN_GROUPED.match(body) or ("," in body and "." in body):
        raise _ambiguous(text)
    if _SINGLE_DOT.match(body):
        decimals = body.split(".")[1]
        if percent and len(decimals) != 3:
            return float(body)  # "0.2%": a dot that cannot be a thousands separator
        if integral and len(decimals) == 3:
            return float(body.replace(".", ""))  # "1.234" in a count column: thousands
        alt = f"{body.replace('.', ',')} atau {body.replace('.', '')}"
        raise _ambiguous(text, f"tulis dengan koma desimal: {alt}?")
    raise ParseError(f"bukan angka: '{text}'", "ketik angka saja, misalnya 12 atau 95,5")


# --- units and targets --------------------------------------------------------------------------

UNIT_ALIASES: dict[str, str] = {
    "lap": "laporan", "laporan": "laporan", "lapor": "laporan",
    "lay": "layanan", "layanan": "layanan",
    "dok": "dokumen", "dokumen": "dokumen",
    "keg": "kegiatan", "kegiatan": "kegiatan",
    "org": "orang", "orang": "orang", "jiwa": "orang", "peserta": "orang",
    "%": "%", "persen": "%", "prosen": "%", "persentase": "%",
    "kali": "kali", "x": "kali",
    "pkt": "paket", "paket": "paket",
    "unit": "unit", "buah": "unit", "bh": "unit",
    "rek": "rekomendasi", "rekomendasi": "rekomendasi",
    "sk": "keputusan", "keputusan": "keputusan",
    "perkpu": "peraturan", "peraturan": "peraturan",
    "bln": "bulan", "bulan": "bulan",
    "hr": "hari", "hari": "hari",
    "indeks": "indeks", "index": "indeks", "nilai": "nilai",
}
DECIMAL_UNITS = {"%", "indeks", "nilai"}


def canonical_unit(text) -> str:
    """'2 Lap' -> 'laporan'; an unknown unit is kept (lower case) for the caller to judge."""
    key = normalize_text(text).casefold().rstrip(".")
    return UNIT_ALIASES.get(key, UNIT_ALIASES.get(normalize_key(key), key))


@dataclass(frozen=True)
class Target:
    """An indicator's target: a single value or a range, with its canonical unit."""

    teks: str
    nilai: float | None
    satuan: str
    min: float | None = None
    max: float | None = None


_QUANTITY = re.compile(r"^(?P<num>[+-]?[\d.,]+)\s*(?P<unit>%|[^\d\s].*)?$")
_RANGE = re.compile(r"^(?P<a>[\d.,]+)\s*%?\s*(?:-|–|—|s\.?\s?d\.?|s/d|sampai|hingga)\s*(?P<b>[\d.,]+)\s*(?P<unit>.*)$",
                    re.I)
_TARGET_HINT = "tulis target seperti '1 laporan', '100%' atau '80-90%'"


def parse_quantity(raw, *, integral_default: bool = True) -> tuple[float | None, str]:
    """'1 laporan' -> (1.0, 'laporan'); '95%' -> (95.0, '%'); numbers -> (value, '')."""
    if not isinstance(raw, str):
        return parse_number(raw).value, ""
    text = normalize_text(raw)
    if text.casefold() in MISSING_MARKERS:
        return None, ""
    match = _QUANTITY.match(text)
    if not match:
        raise ParseError(f"bukan angka dengan satuan: '{text}'", "tulis angka lalu satuannya, misalnya 2 laporan")
    unit = canonical_unit(match.group("unit") or "")
    integral = integral_default and unit not in DECIMAL_UNITS
    number = parse_number(match.group("num") + ("%" if unit == "%" else ""), integral=integral)
    return number.value, unit


def parse_target(raw) -> Target | None:
    """'1 laporan', '2 Lap', '100%', '0,2%', '80-90%', '80 s.d. 90%' -> Target; missing -> None."""
    if is_missing(raw):
        return None
    text = normalize_text(raw)
    if not isinstance(raw, str):
        return Target(text, parse_number(raw).value, "")
    ranged = _RANGE.match(text)
    if ranged:
        return _range_target(text, ranged)
    try:
        value, unit = parse_quantity(text)
    except ParseError as exc:
        raise ParseError(f"target tidak dapat dibaca: '{text}' ({exc.pesan})", _TARGET_HINT) from exc
    return Target(text, value, unit)


def _range_target(text: str, match: re.Match) -> Target:
    unit = canonical_unit(match.group("unit")) if match.group("unit") else ("%" if "%" in text else "")
    suffix = "%" if unit == "%" else ""
    low = parse_number(match.group("a") + suffix, integral=unit not in DECIMAL_UNITS).value
    high = parse_number(match.group("b") + suffix, integral=unit not in DECIMAL_UNITS).value
    if low is None or high is None or low > high:
        raise ParseError(f"rentang target tidak valid: '{text}'", "tulis batas bawah lebih dulu, misalnya 80-90%")
    return Target(text, None, unit, low, high)


# --- dates and months ---------------------------------------------------------------------------

_MONTH_NAMES = {name.casefold(): i for i, name in enumerate(MONTHS_ID, start=1)}
_MONTH_NAMES.update({
    "jan": 1, "feb": 2, "peb": 2, "mar": 3, "apr": 4, "mei": 5, "may": 5, "jun": 6, "jul": 7, "agu": 8, "agt": 8,
    "ags": 8, "agust": 8, "aug": 8, "sep": 9, "sept": 9, "okt": 10, "oct": 10, "nov": 11, "nop": 11, "des": 12,
    "dec": 12, "january": 1, "february": 2, "march": 3, "june": 6, "july": 7, "august": 8, "october": 10,
    "december": 12, "pebruari": 2, "nopember": 11,
})
_EXCEL_1900 = datetime.date(1899, 12, 30)  # serial 1 = 1900-01-01 once the fake 1900-02-29 is skipped
_EXCEL_1904 = datetime.date(1904, 1, 1)
_NUMERIC_DATE = re.compile(r"^(\d{1,2})[/.-](\d{1,2})[/.-](\d{2,4})$")
_ISO_DATE = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
_WORD_DATE = re.compile(r"^(\d{1,2})\s+([A-Za-z]+)\.?\s+(\d{4})$")
_DATE_HINT = "gunakan format hari/bulan/tahun, misalnya 31/03/2024"


def excel_serial_to_date(serial: float, date1904: bool = False) -> datetime.date:
    """Excel serial to date, for both the 1900 and the 1904 date systems."""
    if date1904:
        return _EXCEL_1904 + datetime.timedelta(days=int(serial))
    if int(serial) == 60:
        raise ParseError("tanggal 29 Februari 1900 tidak ada", _DATE_HINT)
    if serial < 60:
        return _EXCEL_1900 + datetime.timedelta(days=int(serial) + 1)
    return _EXCEL_1900 + datetime.timedelta(days=int(serial))


def parse_date(raw, *, date1904: bool = False) -> datetime.date | None:
    """Dates as typed: datetime cells, Excel serials, '31/03/2024', '2024-03-31', '31 Maret 2024'."""
    if is_missing(raw):
        return None
    if isinstance(raw, datetime.datetime):
        return raw.date()
    if isinstance(raw, datetime.date):
        return raw
    if isinstance(raw, (int, float)) and not isinstance(raw, bool):
        if not (0 if date1904 else 1) <= raw <= 2_958_465:
            raise ParseError(f"nomor tanggal Excel di luar jangkauan: {raw}", _DATE_HINT)
        return excel_serial_to_date(raw, date1904)
    return _parse_date_text(normalize_text(raw))


def _parse_date_text(text: str) -> datetime.date:
    if match := _ISO_DATE.match(text):
        year, month, day = map(int, match.groups())
    elif match := _NUMERIC_DATE.match(text):
        day, month, year = (int(g) for g in match.groups())
        if len(match.group(3)) != 4:
            raise ParseError(f"tahun dua angka meragukan: '{text}'", "tulis tahun empat angka, misalnya 31/03/2024")
        if month > 12:
            raise ParseError(f"tanggal tidak valid: '{text}' (bulan {month})", _DATE_HINT)
    elif match := _WORD_DATE.match(text):
        day, year = int(match.group(1)), int(match.group(3))
        month = _MONTH_NAMES.get(match.group(2).casefold())
        if month is None:
            raise ParseError(f"nama bulan tidak dikenal: '{match.group(2)}'", _DATE_HINT)
    else:
        raise ParseError(f"bukan tanggal: '{text}'", _DATE_HINT)
    try:
        return datetime.date(year, month, day)
    except ValueError as exc:
        raise ParseError(f"tanggal tidak valid: '{text}'", _DATE_HINT) from exc


_CYRILLIC = str.maketrans("ВОСМКРАЕТНХвосмкраетнх", "BOCMKPAETHXbocmkpaetnx")
_MONTH_NUMBER = re.compile(r"^(?:b|bln|bulan|m)?\s*(\d{1,2})$")


def parse_month(raw) -> int | None:
    """Month of a header label (B1..B12, 1..12, Jan..Des, Januari..Desember); None when not a month."""
    if isinstance(raw, (int, float)) and not isinstance(raw, bool):
        return int(raw) if float(raw).is_integer() and 1 <= raw <= 12 else None
    key = normalize_key(normalize_text(raw).translate(_CYRILLIC))
    if key in _MONTH_NAMES:
        return _MONTH_NAMES[key]
    match = _MONTH_NUMBER.match(key)
    if match and 1 <= int(match.group(1)) <= 12:
        return int(match.group(1))
    return None
