"""Indonesian number formats for what users read (DOMAIN.md "Indonesian conventions")."""

from __future__ import annotations

import math

from babel.numbers import format_decimal

LOCALE = "id_ID"


def format_number(value, decimals: int = 2) -> str:
    """1234567.891 -> '1.234.567,89'; whole numbers without decimals; missing -> '-'."""
    if value is None or (isinstance(value, float) and not math.isfinite(value)):
        return "-"
    pattern = "#,##0" if float(value).is_integer() else "#,##0." + "#" * decimals
    return format_decimal(value, format=pattern, locale=LOCALE)


def format_percent(value, decimals: int = 2) -> str:
    """98.754 -> "98,75%", 100 -> "100,00%"; missing -> "-"."""
    if value is None or (isinstance(value, float) and not math.isfinite(value)):
        return "-"
    return format_decimal(round(value, decimals), format="#,##0." + "0" * decimals, locale=LOCALE) + "%"
