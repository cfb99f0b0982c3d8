"""Lenient reading of what people type in Indonesian workbooks: numbers, percents, units, targets,
dates and month labels. Lenient where the meaning is certain, an error where it is ambiguous:
"95,5" is 95.5, but "95.5" in a text cell could be 95.5 or 955, so it is refused, never guessed.
Pure functions, no I/O; every failure is a ParseError carrying an Indonesian message and fix hint.
"""

from __future__ import annotations

import datetime
import decimal
import functools
import math
import numbers
import re
import unicodedata
from dataclasses import dataclass

from tasks.problems import UserError

ROMAN = {1: "I", 2: "II", 3: "III", 4: "IV"}  # quarters and chapters
MONTHS_ID = ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober",
             "November", "Desember"]
# "–" (en dash) is here too: Word and Excel autocorrect a typed "-" into it.
MISSING_MARKERS = frozenset({"", "-", "--", "—", "–", "n/a", "na", "tidak ada", "belum ada"})
# Words for zero: "nihil" in a report means none happened (no violations, no complaints), not "not reported".
ZERO_WORDS = frozenset({"nihil", "nol"})
EXCEL_ERRORS = frozenset({"#DIV/0!", "#N/A", "#REF!", "#VALUE!", "#NAME?", "#NUM!", "#NULL!", "#SPILL!", "#CALC!",
                          "#GETTING_DATA"})


class ParseError(UserError, ValueError):
    """A cell value that cannot be read: .message in Indonesian, .hint how to write it."""


# --- text ---------------------------------------------------------------------------------------

_NON_WORD = re.compile(r"[\W_]+")
_SPACES = re.compile(r"\s+")
_AS_SPACE = {"Cc", "Cs", "Zs", "Zl", "Zp"}  # controls, line breaks, NBSP and friends; lone surrogates
_REMOVED = {"Cf"}  # zero-width space/joiners, BOM, soft hyphen, direction marks: invisible, so dropped


def _is_nan(value) -> bool:
    """NaN of any numeric type, and pandas' NA/NaT (whose comparison refuses a truth value)."""
    if value is None or isinstance(value, (str, bytes)):
        return False
    try:
        return bool(value != value)  # noqa: PLR0124 - only NaN differs from itself, in every numeric type
    except TypeError:  # pandas.NA
        return True


def _is_number(value) -> bool:
    """A numeric cell (Python, numpy, Decimal), but not a bool: True is not 1 in a spreadsheet."""
    return isinstance(value, (numbers.Real, decimal.Decimal)) and not isinstance(value, bool)


def _clean_char(ch: str) -> str:
    """One character as it should appear in clean text: itself, a space, or nothing."""
    category = unicodedata.category(ch)
    return " " if category in _AS_SPACE else "" if category in _REMOVED else ch


def normalize_text(value) -> str:
    """Any cell value as clean text: NFC, no zero-width or control characters, single spaces."""
    if isinstance(value, str):
        return _normalize_str(value)
    if value is None or _is_nan(value):
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)  # a whole number read back as 3.0 is written "3"
    return _normalize_str(str(value))


# The same few hundred labels, codes and pelaksana names are normalised over and over while a
# workbook is read; the functions are pure, so their results are kept (bounded).
@functools.lru_cache(maxsize=1 << 15)
def _normalize_str(text: str) -> str:
    if not (text.isascii() and text.isprintable()):  # fast path: plain ASCII needs no per-char work
        # NFC last: removing a zero-width char can bring a letter and its accent together.
        text = unicodedata.normalize("NFC", "".join(map(_clean_char, text)))
    return _SPACES.sub(" ", text).strip()


def normalize_key(value) -> str:
    """Text for matching headers and aliases: lower case, punctuation as spaces."""
    return _key(normalize_text(value))


@functools.lru_cache(maxsize=1 << 15)
def _key(text: str) -> str:
    return _SPACES.sub(" ", _NON_WORD.sub(" ", text.casefold())).strip()


def is_missing(value) -> bool:
    """Empty, NaN, or a marker people type for 'nothing reported' ('-', 'N/A', 'tidak ada')."""
    if value is None or _is_nan(value):
        return True
    return isinstance(value, str) and normalize_text(value).casefold() in MISSING_MARKERS


# --- numbers ------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Number:
    """A parsed number: value None means missing; from_text and percent say how it was written."""

    value: float | None
    from_text: bool
    percent: bool


# Money prefix, one sign, the digits, money suffix ",-", percent sign. Inner spaces are refused:
# "1 2" is not 12.
_NUMBER_TEXT = re.compile(r"^(?:(?P<money>rp|idr)\.?\s*)?(?P<sign>[+\-\u2212])?(?P<body>[0-9][0-9.,]*?)"
                          r"(?P<dash>[.,]-+)?\s*(?P<pct>%)?$", re.IGNORECASE)
_ID_GROUPED = re.compile(r"^[1-9][0-9]{0,2}(\.[0-9]{3})+(,[0-9]+)?$")  # 1.234.567,89
_ID_PLAIN = re.compile(r"^[0-9]+(,[0-9]+)?$")  # 1234,5
_EN_GROUPED = re.compile(r"^[0-9]{1,3}(,[0-9]{3})+(\.[0-9]+)?$")  # 1,234,567.89
_SINGLE_DOT = re.compile(r"^[0-9]+\.[0-9]+$")  # 95.5, 1.234, 0.2
_THOUSANDS_LIKE = re.compile(r"^[1-9][0-9]{0,2}[.,][0-9]{3}$")  # 1.234 or 1,234: could be a thousand
_NUMBER_HINT = "ketik angka saja, misalnya 12 atau 95,5"


def _ambiguous(text: str, hint: str = "tulis dengan koma desimal, misalnya 1234,5") -> ParseError:
    """The error for a number that has two plausible readings."""
    return ParseError(f"format angka meragukan: '{text}'", hint)


def _finite(value, text: str) -> float:
    """float(value), refusing infinities and numbers too large for a float."""
    try:
        number = float(value)
    except OverflowError:
        number = math.inf
    if math.isinf(number):
        raise ParseError(f"angka terlalu besar atau tak hingga: '{text}'", "ketik angka yang wajar")
    return number


def parse_number(raw, *, integral: bool = False) -> Number:
    """Lenient Indonesian number parsing; raises ParseError when ambiguous or not a number."""
    if isinstance(raw, bool):
        raise ParseError(f"bukan angka: '{raw}'", _NUMBER_HINT)
    if _is_number(raw):
        return Number(None if _is_nan(raw) else _finite(raw, str(raw)), False, False)
    text = normalize_text(raw)
    if text.casefold() in MISSING_MARKERS:
        return Number(None, True, False)
    if text.casefold() in ZERO_WORDS:
        return Number(0.0, True, False)
    if text.upper() in EXCEL_ERRORS:
        raise ParseError(f"sel berisi galat Excel {text.upper()}", "perbaiki rumus atau ketik nilainya")
    return _parse_text_number(text, integral)


def _parse_text_number(text: str, integral: bool) -> Number:
    """A number typed as text, with its optional money prefix, sign, ',-' suffix and percent sign."""
    match = _NUMBER_TEXT.match(text)
    if not match:
        raise ParseError(f"bukan angka: '{text}'", _NUMBER_HINT)
    money = bool(match["money"] or match["dash"])  # rupiah amounts have no decimals: a dot is thousands
    percent = bool(match["pct"])
    value = _digits_value(match["body"], text, integral or money, percent)
    return Number(-value if match["sign"] in ("-", "\u2212") else value, True, percent)


def _digits_value(body: str, text: str, integral: bool, percent: bool) -> float:
    """The value of the digits with their dots and commas, refusing every ambiguous layout."""
    if _ID_GROUPED.match(body) and (body.count(".") > 1 or "," in body):  # one dot alone is ambiguous
        return _finite(body.replace(".", "").replace(",", "."), text)
    if _ID_PLAIN.match(body):
        if integral and _THOUSANDS_LIKE.match(body):  # a count of 1,234 is more likely English 1234
            raise _ambiguous(text, f"maksudnya {body} atau {body.replace(',', '')}? tulis tanpa pemisah, "
                                   f"misalnya {body.replace(',', '')}")
        return _finite(body.replace(",", "."), text)
    if _SINGLE_DOT.match(body):
        return _single_dot(body, text, integral, percent)
    if _EN_GROUPED.match(body) or ("," in body and "." in body):
        raise _ambiguous(text)
    raise ParseError(f"bukan angka: '{text}'", _NUMBER_HINT)


def _single_dot(body: str, text: str, integral: bool, percent: bool) -> float:
    """'95.5', '1.234': a decimal point or a thousands dot? Only the context can tell."""
    whole, decimals = body.split(".")
    if percent and len(decimals) != 3:
        return _finite(body, text)  # "0.2%": a dot that cannot be a thousands separator
    if integral and _THOUSANDS_LIKE.match(body):
        return _finite(whole + decimals, text)  # "1.234" in a count column: thousands
    if len(decimals) == 3:
        raise _ambiguous(text, f"maksudnya {whole},{decimals} atau {whole}{decimals}? tulis {whole},{decimals} "
                               f"(koma desimal) atau {whole}{decimals} (tanpa titik)")
    raise _ambiguous(text, f"tulis dengan koma desimal, misalnya {whole},{decimals}")


# --- units and targets --------------------------------------------------------------------------

UNIT_ALIASES: dict[str, str] = {
    "lap": "laporan", "lap.": "laporan", "laporan": "laporan", "lapor": "laporan",
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
DECIMAL_UNITS = frozenset({"%", "indeks", "nilai"})  # every other unit counts whole things


def canonical_unit(text) -> str:
    """'2 Lap' -> 'laporan'; an unknown unit is kept (lower case) for the caller to judge."""
    key = normalize_text(text).casefold().strip(" .()[]")  # "Dok.", "(%)"
    return UNIT_ALIASES.get(key) or UNIT_ALIASES.get(normalize_key(key)) or key  # "Persen (%)" -> persen


@dataclass(frozen=True)
class Target:
    """An indicator's target: a value, a range, a threshold (`arah`: ">=", ">", "<=", "<", the value
    being the threshold: "≥ 75%", "maksimal 2%") or a qualitative label (`kualitatif`: "WTP",
    "Tersedia", "Tepat Waktu"), with its canonical unit."""

    teks: str
    nilai: float | None
    satuan: str
    min: float | None = None
    max: float | None = None
    arah: str | None = None
    kualitatif: str | None = None


# A unit starts with a letter or "%" and holds no digit, so "-5-5" or "laporan 1" never split.
_UNIT = r"(?P<unit>(?:%|[^\W\d_])[^\d]*)"
_QUANTITY = re.compile(rf"^(?P<num>.*?[0-9](?:[.,]-+)?)\s*{_UNIT}?$")
_RANGE = re.compile(rf"^(?P<a>[0-9][0-9.,]*)\s*%?\s*(?:-|–|—|s\.?\s?d\.?|s/d|sampai(?:\s+dengan)?|hingga)\s*"
                    rf"(?P<b>[0-9][0-9.,]*)\s*{_UNIT}?$", re.IGNORECASE)
# Threshold targets: the comparator, then the quantity. "≥ 75%", "minimal 80%", "< 2%", "maksimal 2%".
_COMPARATORS = (
    (r"≥|>=|=>|min(?:imal|imum)?\.?|paling\s+sedikit|sekurang-kurangnya|sekurang\s+kurangnya|tidak\s+kurang\s+dari",
     ">="),
    (r"≤|<=|=<|maks(?:imal|imum)?\.?|max\.?|paling\s+banyak|setinggi-tingginya|tidak\s+lebih\s+dari", "<="),
    (r">|lebih\s+dari|di\s+atas", ">"),
    (r"<|kurang\s+dari|di\s+bawah", "<"),
)
_COMPARATOR = re.compile(r"^(?P<op>" + "|".join(f"(?:{pattern})" for pattern, _ in _COMPARATORS)
                         + r")\s*(?P<rest>[0-9].*)$", re.IGNORECASE)
_TARGET_HINT = "tulis target seperti '1 laporan', '100%' atau '80-90%'"
_QUANTITY_HINT = "tulis angka lalu satuannya, misalnya 2 laporan atau 95%"


def _is_integral(unit: str, default: bool) -> bool:
    """Whether a lone dot means thousands: a written unit decides, else the caller's default."""
    return unit not in DECIMAL_UNITS if unit else default


def _quantity(text: str, integral_default: bool, hint: str) -> tuple[float | None, str]:
    """A number followed by an optional unit; `hint` is the hint when the text has no such shape."""
    match = _QUANTITY.match(text)
    if not match:
        raise ParseError(f"bukan angka dengan satuan: '{text}'", hint)
    unit = canonical_unit(match["unit"] or "")
    number = parse_number(match["num"] + ("%" if unit == "%" else ""),
                          integral=_is_integral(unit, integral_default))
    return number.value, unit


def parse_quantity(raw, *, integral_default: bool = True) -> tuple[float | None, str]:
    """'1 laporan' -> (1.0, 'laporan'); '95%' -> (95.0, '%'); numbers -> (value, '')."""
    if not isinstance(raw, str):
        return parse_number(raw).value, ""
    text = normalize_text(raw)
    if text.casefold() in MISSING_MARKERS:
        return None, ""
    return _quantity(text, integral_default, _QUANTITY_HINT)


def parse_target(raw) -> Target | None:
    """'1 laporan', '2 Lap', '100%', '0,2%', '80-90%', '80 s.d. 90%', '≥ 75%', 'maksimal 2%', 'nihil',
    'WTP' -> Target; missing -> None."""
    if is_missing(raw):
        return None
    text = normalize_text(raw)
    if not isinstance(raw, str):
        return Target(text, parse_number(raw).value, "")
    if text.casefold() in ZERO_WORDS:
        return Target(text, 0.0, "")
    compared = _COMPARATOR.match(text)
    if compared:
        value, unit = _quantity(compared["rest"], False, _TARGET_HINT)
        return Target(text, value, unit, arah=_comparator(compared["op"]))
    if not any(ch.isdigit() for ch in text):  # "WTP", "Opini WTP", "Tersedia": measured on a scale
        return Target(text, None, "", kualitatif=text)
    ranged = _RANGE.match(text)
    if ranged:
        return _range_target(text, ranged)
    # No unit written: "1.234" stays ambiguous, since nothing in the cell says it counts things.
    value, unit = _quantity(text, False, _TARGET_HINT)
    return Target(text, value, unit)


def _comparator(op: str) -> str:
    key = normalize_key(op) or op
    return next(sign for pattern, sign in _COMPARATORS if re.fullmatch(pattern, op, re.IGNORECASE)
                or re.fullmatch(pattern, key, re.IGNORECASE))


def _range_target(text: str, match: re.Match) -> Target:
    """A target written as a range, '80-90%' or '80 s.d. 90%'."""
    unit = canonical_unit(match["unit"] or ("%" if "%" in text else ""))
    suffix = "%" if unit == "%" else ""
    low, high = (parse_number(match[k] + suffix, integral=_is_integral(unit, False)).value for k in "ab")
    if low > high:
        raise ParseError(f"rentang target terbalik: '{text}'", "tulis batas bawah lebih dulu, misalnya 80-90%")
    return Target(text, None, unit, low, high)


# --- dates and months ---------------------------------------------------------------------------

_MONTH_NAMES = {name.casefold(): i for i, name in enumerate(MONTHS_ID, start=1)}
_MONTH_NAMES.update({
    "jan": 1, "feb": 2, "peb": 2, "mar": 3, "apr": 4, "mei": 5, "may": 5, "jun": 6, "jul": 7, "agu": 8, "agt": 8,
    "ags": 8, "agust": 8, "aug": 8, "sep": 9, "sept": 9, "okt": 10, "oct": 10, "nov": 11, "nop": 11, "des": 12,
    "dec": 12, "january": 1, "february": 2, "march": 3, "june": 6, "july": 7, "august": 8, "october": 10,
    "december": 12, "pebruari": 2, "nopember": 11,
})
_EXCEL_1900 = datetime.date(1899, 12, 30)  # serial 61 = 1900-03-01; Excel's fake 1900-02-29 is serial 60
_EXCEL_1904 = datetime.date(1904, 1, 1)  # serial 0 in the Mac 1904 date system
_LAST_DATE = datetime.date(9999, 12, 31)
_YMD_DATE = re.compile(r"^([0-9]{4})([/.-])([0-9]{1,2})\2([0-9]{1,2})"
                       r"(?:[ T][0-9]{1,2}:[0-9]{2}(?::[0-9]{2}(?:\.[0-9]+)?)?)?$")  # str() of a datetime
_DMY_DATE = re.compile(r"^([0-9]{1,2})([/.-])([0-9]{1,2})\2([0-9]+)$")
# "31 Maret 2024", "31-Mar-2024", "Senin, 1 April 2024"
_WORD_DATE = re.compile(r"^(?:[^\W\d_]+,\s*)?([0-9]{1,2})[\s./-]*([^\W\d_]+)[\s.,/-]*([0-9]+)$")
_DATE_HINT = "gunakan format hari/bulan/tahun, misalnya 31/03/2024"


def excel_serial_to_date(serial, date1904: bool = False) -> datetime.date:
    """Excel serial to date, for both the 1900 and the 1904 date systems; the time of day is dropped."""
    epoch = _EXCEL_1904 if date1904 else _EXCEL_1900
    first, last = (0 if date1904 else 1), (_LAST_DATE - epoch).days
    if not first <= serial < last + 1:  # also false for NaN and infinities
        raise ParseError(f"nomor tanggal Excel di luar jangkauan: {serial}", _DATE_HINT)
    day = math.floor(serial)
    if not date1904 and day == 60:
        raise ParseError("tanggal 29 Februari 1900 tidak ada (galat lama Excel)", _DATE_HINT)
    if not date1904 and day < 60:
        day += 1  # before the fake leap day Excel's count is one day behind the real calendar
    return epoch + datetime.timedelta(days=day)


def parse_date(raw, *, date1904: bool = False) -> datetime.date | None:
    """Dates as typed: datetime cells, Excel serials, '31/03/2024', '2024-03-31', '31 Maret 2024'."""
    if is_missing(raw):
        return None
    if isinstance(raw, datetime.datetime):
        return raw.date()
    if isinstance(raw, datetime.date):
        return raw
    if _is_number(raw):
        return excel_serial_to_date(raw, date1904)
    return _parse_date_text(normalize_text(raw))


def _parse_date_text(text: str) -> datetime.date:
    """A typed date: year first (ISO), day first (31/03/2024) or with a month name."""
    if match := _YMD_DATE.match(text):
        year, month, day = int(match[1]), int(match[3]), int(match[4])
    elif match := _DMY_DATE.match(text):
        day, month, year = int(match[1]), int(match[3]), _year(match[4], text)
        if month > 12:  # "03/31/2024": month first, as American Excel writes it
            raise ParseError(f"tanggal tidak valid: '{text}' (bulan {month} tidak ada)", _DATE_HINT)
    elif match := _WORD_DATE.match(text):
        day, year = int(match[1]), _year(match[3], text)
        month = _MONTH_NAMES.get(match[2].casefold())
        if month is None:
            raise ParseError(f"nama bulan tidak dikenal: '{match[2]}'", "tulis nama bulan, misalnya 31 Maret 2024")
    else:
        raise ParseError(f"bukan tanggal: '{text}'", _DATE_HINT)
    try:
        return datetime.date(year, month, day)
    except ValueError as exc:
        raise ParseError(f"tanggal tidak valid: '{text}'", _DATE_HINT) from exc


def _year(digits: str, text: str) -> int:
    """A four-digit year; '24' could be 1924 or 2024, so it is refused."""
    if len(digits) == 2:
        raise ParseError(f"tahun dua angka meragukan: '{text}'", "tulis tahun empat angka, misalnya 31/03/2024")
    if len(digits) != 4:
        raise ParseError(f"tahun tidak valid: '{text}'", "tulis tahun empat angka, misalnya 31/03/2024")
    return int(digits)


# OCR and copy-paste leave Cyrillic/Greek look-alikes in labels: "В3" with a Cyrillic В.
_LOOKALIKES = str.maketrans("ВОСМАЕКРТНХвосаеорхΒΟΜΑΕΚΡΤΝΧ", "BOCMAEKPTHXbocaeopxBOMAEKPTNX")
# "M1" is not accepted: in Indonesian schedules it means week (minggu) 1, not month 1.
_MONTH_NUMBER = re.compile(r"^(?:b|bln|bulan)?\s*(?:ke\s*)?([0-9]{1,2})$")


def parse_month(raw) -> int | None:
    """Month of a header label (B1..B12, 1..12, Jan..Des, Januari..Desember); None when not a month."""
    if isinstance(raw, bool):
        return None
    if _is_number(raw):
        return next((month for month in range(1, 13) if raw == month), None)  # safe for NaN and huge ints
    key = normalize_key(normalize_text(raw).translate(_LOOKALIKES))
    if key in _MONTH_NAMES:
        return _MONTH_NAMES[key]
    match = _MONTH_NUMBER.match(key)
    return int(match[1]) if match and 1 <= int(match[1]) <= 12 else None
