"""The scorecard for people: an Excel workbook beside the report, and markdown for a Prefect artifact."""

from __future__ import annotations

import math
from collections import Counter
from pathlib import Path

from tasks.files import atomic_save, put_text_safe, save_stable
from tasks.reporting.scorecard.facts import GAGAL, LULUS, PERINGATAN, Kriteria

COLUMNS = (("No. LKE", 10), ("Kriteria", 36), ("Hasil", 12), ("Temuan", 70), ("Saran perbaikan", 60))
LABEL = {LULUS: "Lulus", PERINGATAN: "Peringatan", GAGAL: "Gagal"}
FILL = {LULUS: "E2EFDA", PERINGATAN: "FFF2CC", GAGAL: "F8CBAD"}  # light green, yellow, red: readable in greyscale
MARK = {LULUS: "✅", PERINGATAN: "⚠️", GAGAL: "❌"}


def summary(criteria: list[Kriteria]) -> str:
    """'14 lulus, 5 peringatan, 2 gagal dari 21 kriteria'."""
    counts = Counter(k.hasil for k in criteria)
    return (f"{counts[LULUS]} lulus, {counts[PERINGATAN]} peringatan, {counts[GAGAL]} gagal "
            f"dari {len(criteria)} kriteria")


def scorecard_lines(criteria: list[Kriteria]) -> list[tuple[str, bool]]:
    """The scorecard for a console or a log: the summary, then one line per criterion with what to fix;
    each line with whether it is fine (a criterion not met is worth a warning)."""
    lines = [(f"Penilaian LKIP terhadap LKE: {summary(criteria)}", not any(k.hasil != LULUS for k in criteria))]
    for k in criteria:
        fix = f" Perbaikan: {k.saran}" if k.saran and k.hasil != LULUS else ""
        lines.append((f"  [{LABEL.get(k.hasil, k.hasil)}] {k.nomor} {k.judul}: {k.temuan}{fix}", k.hasil == LULUS))
    return lines


def write_scorecard(criteria: list[Kriteria], path: Path) -> Path:
    """The criteria as an .xlsx staff can open: one row each, wrapped text, header frozen, a summary line."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill

    book = Workbook()
    ws = book.active
    ws.title = "Penilaian LKIP"
    wrap = Alignment(wrap_text=True, vertical="top")
    for col, (title, width) in enumerate(COLUMNS, 1):
        cell = put_text_safe(ws, 1, col, title)
        cell.font, cell.alignment = Font(bold=True), wrap
        cell.fill = PatternFill("solid", fgColor="D9D9D9")
        ws.column_dimensions[cell.column_letter].width = width
    for row, k in enumerate(criteria, 2):
        values = (k.nomor, k.judul, LABEL.get(k.hasil, k.hasil), k.temuan, k.saran)
        for col, value in enumerate(values, 1):
            put_text_safe(ws, row, col, value).alignment = wrap
        ws.cell(row=row, column=3).fill = PatternFill("solid", fgColor=FILL.get(k.hasil, "FFFFFF"))
        ws.row_dimensions[row].height = row_height(values)
    last = len(criteria) + 3
    put_text_safe(ws, last, 1, f"Ringkasan: {summary(criteria)}").font = Font(bold=True)
    ws.freeze_panes = "A2"
    ws.auto_filter.ref = f"A1:E{len(criteria) + 1}"
    ws.page_setup.orientation = "landscape"
    ws.page_setup.fitToWidth, ws.page_setup.fitToHeight = 1, 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_title_rows = "1:1"
    # Byte-stable (fixed zip and document dates): a rerun that judges alike writes the same bytes, so a
    # publisher comparing files leaves the shared copy alone; durable like every file of the shared folder.
    return atomic_save(Path(path), lambda tmp: save_stable(tmp, book.save))


def row_height(values: tuple[str, ...]) -> float:
    """Points for a row whose wrapped text fits its columns: neither Excel nor LibreOffice fits a row
    height to wrapped text on opening a written workbook, so the longest cell's line count sets it."""
    lines = max(sum(math.ceil(max(len(part), 1) / (width * 1.2)) for part in value.split("\n"))
                for value, (_, width) in zip(values, COLUMNS))
    return 15.0 * max(lines, 1)


def scorecard_markdown(criteria: list[Kriteria]) -> str:
    """A markdown table for a Prefect artifact, the summary first."""
    lines = [f"**Penilaian LKIP terhadap LKE: {summary(criteria)}**", "",
             "| No. LKE | Kriteria | Hasil | Temuan | Saran perbaikan |", "|---|---|---|---|---|"]
    for k in criteria:
        cells = (k.nomor, k.judul, f"{MARK.get(k.hasil, '')} {LABEL.get(k.hasil, k.hasil)}", k.temuan, k.saran)
        lines.append("| " + " | ".join(_cell(c) for c in cells) + " |")
    return "\n".join(lines) + "\n"


def _cell(text: str) -> str:
    """Text safe inside a markdown table cell: no pipe ends the cell, no line break ends the row."""
    return " ".join(text.replace("\\", "\\\\").replace("|", "\\|").split())
