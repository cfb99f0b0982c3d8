"""Indonesian number formats for what users read (DOMAIN.md "Indonesian conventions")."""

from __future__ import annotations

import math
from functools import lru_cache

from babel import Locale
from babel.numbers import parse_pattern

from tasks.reading.parse import ROMAN

LOCALE = "id_ID"
_LOCALE = Locale.parse(LOCALE)


@lru_cache(maxsize=32)
def _pattern(pattern: str):
    return parse_pattern(pattern)


@lru_cache(maxsize=65536)
def format_decimal(value: float, format: str, locale: str = LOCALE) -> str:  # noqa: A002 (Babel's names)
    """Babel's format_decimal with the locale and patterns parsed once, and repeated figures remembered
    (a report prints the same figures many times)."""
    return _pattern(format).apply(value, _LOCALE if locale == LOCALE else Locale.parse(locale))


def format_number(value, decimals: int = 2) -> str:
    """1234567.891 -> '1.234.567,89'; whole numbers without decimals; missing -> '-'."""
    if value is None or (isinstance(value, float) and not math.isfinite(value)):
        return "-"
    pattern = "#,##0" if float(value).is_integer() else "#,##0." + "#" * decimals
    return format_decimal(float(value), format=pattern, locale=LOCALE)


def format_percent(value, decimals: int = 2) -> str:
    """98.754 -> "98,75%", 100 -> "100,00%"; missing -> "-"."""
    if value is None or (isinstance(value, float) and not math.isfinite(value)):
        return "-"
    return format_decimal(round(float(value), decimals), format="#,##0." + "0" * decimals, locale=LOCALE) + "%"


def format_money(value) -> str:
    """30050000000 -> 'Rp30.050.000.000,00' (no dot after Rp), -5000 -> '-Rp5.000,00'; missing -> '-'."""
    if value is None or (isinstance(value, float) and not math.isfinite(value)):
        return "-"
    sign = "-" if value < 0 else ""
    return sign + "Rp" + format_decimal(abs(float(value)), format="#,##0.00", locale=LOCALE)


def format_rupiah(value) -> str:
    """Whole rupiah, for tables where every column counts: 1234000 -> 'Rp1.234.000', -5000 -> '-Rp5.000'."""
    if value is None or (isinstance(value, float) and not math.isfinite(value)):
        return "-"
    sign = "-" if round(value) < 0 else ""
    return sign + "Rp" + format_decimal(float(abs(round(value))), format="#,##0", locale=LOCALE)


def format_date(day) -> str:
    """date(2024, 2, 14) -> '14 Februari 2024'."""
    from babel.dates import format_date as babel_date

    return babel_date(day, format="d MMMM y", locale=LOCALE)


def roman(number: int) -> str:
    """Triwulan and chapter numbers: 1 -> 'I' … 4 -> 'IV'."""
    return ROMAN[int(number)]
