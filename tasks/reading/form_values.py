"""A form's figures read the way the staffer meant them, or reported (issue 12, item 6): a qualitative
realisation on its scale, a fraction or a percent-formatted whole number in a percentage indicator,
a count that is not whole, a realisation far above its target, money typed in thousands."""

from __future__ import annotations

import pandas as pd

from tasks.problems import Problems
from tasks.reading.form_sheet import FormSheet
from tasks.reading.parse import DECIMAL_UNITS, MISSING_MARKERS
from tasks.reading.scales import Scale

FAR_ABOVE_TARGET = 5  # BAD_INPUTS 20: a realisation above 5x its target is probably a typo


def on_scale(sheet: FormSheet, row: int, scale: Scale, problems: Problems) -> tuple[float | None, str]:
    """A qualitative realisation: its label and its position on the indicator's scale."""
    text = sheet.text(row, "realisasi")
    if not text or text.casefold() in MISSING_MARKERS:
        return None, ""
    position = scale.position(text)
    if position is None:
        problems.error(f"'{text}' tidak ada pada skala indikator ini ({scale.text})",
                       hint="pilih salah satu: " + ", ".join(scale.labels), **sheet.where(row, "realisasi"))
        return None, ""
    return float(position), scale.labels[position]


def reference(target) -> float | None:
    """The figure a realisation is compared with for plausibility: the target value, or a range's top."""
    if target is None:
        return None
    reference = target.target_nilai if pd.notna(target.target_nilai) else target.target_max
    return None if reference is None or pd.isna(reference) else float(reference)


def as_meant(sheet: FormSheet, row: int, value, reference: float | None, satuan: str, problems: Problems):
    """A realisation read the way the staffer meant it, saying how it was read (issue 12, item 6).

    In a percentage indicator a fraction typed in a General cell (0,66 against a target of 80%) means
    66%, and 66 typed into a cell formatted as percent (Excel shows 6600%) means 66%. A count that is
    not whole (0,7 laporan) is read as written, with a warning."""
    if value is None:
        return None
    col = sheet.cols["realisasi"]
    raw, percent_cell = sheet.raw(row, "realisasi"), (row, col) in sheet.grid.percent_cells
    numeric = isinstance(raw, (int, float)) and not isinstance(raw, bool)
    where = sheet.where(row, "realisasi")
    if satuan == "%" and numeric and percent_cell and raw >= 5:
        problems.warn(f"sel berformat persen berisi {raw:g} (tampil {raw * 100:g}%): dibaca {raw:g}%",
                      hint="ketik 66% atau ubah format sel menjadi angka biasa", **where)
        return float(raw)
    if satuan == "%" and numeric and not percent_cell and 0 < raw <= 1 and reference is not None and reference >= 5:
        problems.warn(f"sel berisi pecahan {raw:g} sedangkan target {reference:g}%: dibaca {raw * 100:g}%",
                      hint="tulis persentasenya, misalnya 66 atau 66%; bila memang kurang dari 1%, tulis misalnya "
                           "0,66%", **where)
        return float(raw) * 100
    if satuan and satuan not in DECIMAL_UNITS and not float(value).is_integer():
        problems.warn(f"jumlah {satuan} bukan bilangan bulat ({value:g}); dibaca apa adanya",
                      hint=f"periksa angkanya: jumlah {satuan} biasanya bilangan bulat", **where)
    return value


def check_range(sheet: FormSheet, row: int, value, target, problems: Problems) -> None:
    """A negative realisation is an error; one far above its target a warning."""
    if value is None:
        return
    if value < 0:
        problems.error("realisasi bernilai negatif", hint="periksa kembali angka realisasi",
                       **sheet.where(row, "realisasi"))
        return
    ceiling = reference(target)
    if ceiling is not None and ceiling > 0 and value > FAR_ABOVE_TARGET * ceiling:
        problems.warn(f"realisasi {value:g} lebih dari {FAR_ABOVE_TARGET}x target ({ceiling:g})",
                      hint="periksa apakah ada salah ketik", **sheet.where(row, "realisasi"))


THOUSANDS = (1 / 2000, 1 / 500)  # a figure this share of its counterpart was probably typed in thousands


def check_thousands(sheet: FormSheet, row: int, pagu, months: list[dict], problems: Problems) -> None:
    """Money typed in thousands of rupiah beside money in rupiah: realisations each about 1/1000 of the
    month's RPD (or the reverse), or a pagu a thousandth of what is planned from it, is an error."""
    pairs = [(m, m["realisasi"] / m["rpd"]) for m in months if m["rpd"] and m["realisasi"]]
    low, high = THOUSANDS
    for what, key, ratios in (("realisasi", "realisasi", [r for _, r in pairs]),
                              ("RPD", "rpd", [1 / r for _, r in pairs])):
        if ratios and all(low <= r <= high for r in ratios):
            month = pairs[0][0]["bulan"]
            problems.error(f"angka {what} tampaknya ditulis dalam ribuan rupiah (sekitar 1/1000 dari "
                           f"{'RPD' if what == 'realisasi' else 'realisasi'} bulan yang sama)",
                           hint="tulis semua angka anggaran dalam rupiah penuh, misalnya 5000000 untuk lima juta",
                           **sheet.where(row, f"{key}_{month}"))
            return
    planned = max([m["rpd"] or 0 for m in months] + [m["realisasi"] or 0 for m in months])
    if pagu and planned and planned >= 500 * pagu:
        problems.error("pagu tampaknya ditulis dalam ribuan rupiah (RPD/realisasi satu bulan lebih dari 500 kali "
                       "pagu)", hint="tulis pagu dalam rupiah penuh", **sheet.where(row, "pagu"))
