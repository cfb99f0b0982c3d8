"""What a run tells staff in the shared folder, beside the office's reports: a workbook listing every
problem, annotated copies of the office's own workbooks (problem cells highlighted, a comment on
each) and a status file. Staff never open Prefect; this is where they look.

The office's input files are only ever read here: the annotated copies are new files in the shared
folder. Everything is replaced on every run; the problems workbook and the copies are removed when a
run finds nothing to tell.
"""

from __future__ import annotations

import re
import shutil
from collections.abc import Iterable
from pathlib import Path

from tasks.files import atomic_save, atomic_write, put_text_safe, save_stable
from tasks.problems import Problem, Severity, unique
from tasks.publishing.names import PublishError, safe_name

STATUS_NAME = "STATUS.txt"
ANNOTATED_DIR = "perbaikan"  # the annotated copies of the office's workbooks
ANNOTATED_SUFFIX = "-ditandai"
ANNOTATABLE = {".xlsx", ".xlsm"}
COLUMNS = (("Tingkat", 12), ("Berkas", 26), ("Sheet", 14), ("Sel", 9), ("Kolom", 22), ("Nilai", 18),
           ("Masalah", 60), ("Yang harus dilakukan", 60))
FILL = {Severity.ERROR: "F8CBAD", Severity.WARNING: "FFE699", Severity.INFO: "DDEBF7"}
_CELL = re.compile(r"^\$?([A-Z]{1,3})\$?(\d{1,7})")


def shown(problems: Iterable[Problem]) -> list[Problem]:
    """The problems staff are told about: errors and warnings, each once (notes stay in `lkip validate --rinci`)."""
    return unique([p for p in problems if p.severity is not Severity.INFO])


# --- the problems workbook -------------------------------------------------------------------------

def write_problems_workbook(problems: list[Problem], path: Path, title: str) -> Path:
    """Every problem on one row: where (file, sheet, cell, column), the value, what is wrong, what to do."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill

    book = Workbook()
    ws = book.active
    ws.title = "Daftar Masalah"
    put_text_safe(ws, 1, 1, title).font = Font(bold=True, size=12)
    wrap = Alignment(wrap_text=True, vertical="top")
    for col, (header, width) in enumerate(COLUMNS, 1):
        cell = put_text_safe(ws, 2, col, header)
        cell.font, cell.alignment, cell.fill = Font(bold=True), wrap, PatternFill("solid", fgColor="D9D9D9")
        ws.column_dimensions[cell.column_letter].width = width
    for row, p in enumerate(problems, 3):
        values = (p.severity.label, p.file, p.sheet, p.cell or (f"baris {p.row}" if p.row else ""), p.header,
                  p.value, p.message, p.hint)
        for col, value in enumerate(values, 1):
            put_text_safe(ws, row, col, value).alignment = wrap
        ws.cell(row=row, column=1).fill = PatternFill("solid", fgColor=FILL[p.severity])
        ws.row_dimensions[row].height = _height(values)
    ws.freeze_panes = "A3"
    ws.auto_filter.ref = f"A2:H{len(problems) + 2}"
    _landscape(ws, "2:2")
    return atomic_save(Path(path), lambda tmp: save_stable(tmp, book.save))


def _landscape(ws, title_rows: str) -> None:
    """Printed landscape, one page wide, the header on every page."""
    ws.page_setup.orientation = "landscape"
    ws.page_setup.fitToWidth, ws.page_setup.fitToHeight = 1, 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_title_rows = title_rows


def _height(values: tuple) -> float:
    """Points for a row whose wrapped text fits its column (no spreadsheet program fits it on opening)."""
    lines = max(max(1, -(-len(str(v)) // max(1, int(w * 1.1)))) for v, (_, w) in zip(values, COLUMNS))
    return 15.0 * lines + 2


# --- annotated copies of the office's workbooks ------------------------------------------------------

def annotated_name(source: str) -> str:
    """The copy's name: the office's file name made safe, marked as the annotated copy."""
    stem, suffix = Path(source).stem, Path(source).suffix.lower()
    return f"{safe_name(stem)[:48]}{ANNOTATED_SUFFIX}{suffix if suffix in ANNOTATABLE else '.xlsx'}"


def cell_of(problem: Problem) -> str | None:
    """The first cell a problem names ("F12", "B4:D4" -> "B4"), or None when it names no cell."""
    found = _CELL.match(problem.cell.upper()) if problem.cell else None
    return f"{found.group(1)}{found.group(2)}" if found else None


def _open_workbook(source: Path):
    """The workbook, or None when openpyxl cannot open it (broken, truncated, encrypted: the file itself
    is then the problem, and it is listed as such)."""
    import zipfile

    from openpyxl import load_workbook

    try:
        return load_workbook(source, keep_vba=source.suffix.lower() == ".xlsm")
    except (zipfile.BadZipFile, KeyError, ValueError, OSError):
        return None


def annotate_workbook(source: Path, problems: list[Problem], target: Path) -> int | None:
    """A copy of `source` with each problem's cell filled and commented; returns the cells marked, or
    None when the workbook cannot be opened (nothing written).

    The source is only read, never written; a problem whose sheet or cell is not in the workbook stays
    in the problems workbook only."""
    from openpyxl.comments import Comment
    from openpyxl.styles import PatternFill

    book = _open_workbook(Path(source))
    if book is None:
        return None
    notes: dict[tuple[str, str], list[Problem]] = {}
    for p in problems:
        cell = cell_of(p)
        if cell and p.sheet in book.sheetnames:
            notes.setdefault((p.sheet, cell), []).append(p)
    for (sheet, ref), found in notes.items():
        cell = book[sheet][ref]
        worst = min((p.severity for p in found), key=list(Severity).index)
        cell.fill = PatternFill("solid", fgColor=FILL[worst])
        text = "\n\n".join(f"{p.severity.label}: {p.message}" + (f"\nSaran: {p.hint}" if p.hint else "")
                           for p in found)
        comment = Comment(text, "lkip")
        comment.width, comment.height = 360, min(600, 80 + 18 * text.count("\n") + len(text) // 3)
        cell.comment = comment
    if notes:
        _list_sheet(book, notes)
    atomic_save(Path(target), lambda tmp: save_stable(tmp, book.save))
    return len(notes)


LIST_SHEET = "Masalah (lkip)"


def _list_sheet(book, notes: dict[tuple[str, str], list[Problem]]) -> None:
    """A first sheet listing the marked cells, each a link to its cell; opened first."""
    from openpyxl.styles import Alignment, Font
    from openpyxl.worksheet.hyperlink import Hyperlink

    ws = book.create_sheet(LIST_SHEET, 0)
    put_text_safe(ws, 1, 1, "Sel yang perlu diperbaiki (klik Sel untuk menuju ke sana). Perbaiki di berkas asli "
                            "Anda, bukan di salinan ini.").font = Font(bold=True)
    widths = (("Sheet", 14), ("Sel", 8), ("Tingkat", 12), ("Nilai", 18), ("Masalah", 60), ("Yang harus dilakukan", 60))
    for col, (header, width) in enumerate(widths, 1):
        put_text_safe(ws, 2, col, header).font = Font(bold=True)
        ws.column_dimensions[ws.cell(row=2, column=col).column_letter].width = width
    row = 3
    for (sheet, ref), found in notes.items():
        for p in found:
            for col, value in enumerate((sheet, ref, p.severity.label, p.value, p.message, p.hint), 1):
                put_text_safe(ws, row, col, value).alignment = Alignment(wrap_text=True, vertical="top")
            link = ws.cell(row=row, column=2)
            link.hyperlink = Hyperlink(ref=link.coordinate, location=f"'{sheet}'!{ref}")  # inside the workbook
            link.font = Font(color="0563C1", underline="single")
            ws.row_dimensions[row].height = 15.0 * max(1, -(-max(len(p.message), len(p.hint)) // 62)) + 2
            row += 1
    ws.merge_cells("A1:F1")
    ws.freeze_panes = "A3"
    _landscape(ws, "2:2")
    book.active = 0
    for sheet in book.worksheets:  # only the list is selected, or Excel opens several sheets grouped
        sheet.sheet_view.tabSelected = sheet.title == LIST_SHEET


def annotate_inputs(input_dir: Path, problems: list[Problem], folder: Path) -> tuple[list[Path], list[str]]:
    """Annotated copies of every .xlsx/.xlsm of `input_dir` that a problem points into, under `folder`;
    returns the copies written and the files that could not be copied (their problems stay listed)."""
    by_file: dict[str, list[Problem]] = {}
    for p in problems:
        if cell_of(p) and p.sheet and Path(p.file).suffix.lower() in ANNOTATABLE:
            by_file.setdefault(p.file, []).append(p)
    written, skipped = [], []
    for name, found in sorted(by_file.items()):
        source, target = Path(input_dir) / name, Path(folder) / annotated_name(name)
        if annotate_workbook(source, found, target) is None:
            skipped.append(name)
        else:
            written.append(target)
    return written, skipped


# --- placing and clearing --------------------------------------------------------------------------

def write_status(path: Path, text: str) -> Path:
    """The status file: plain text Notepad opens (UTF-8 with BOM, Windows line ends)."""
    body = ("\ufeff" + text.rstrip("\n").replace("\r\n", "\n").replace("\n", "\r\n") + "\r\n").encode("utf-8")
    try:
        return atomic_write(Path(path), lambda dst: dst.write(body))
    except OSError as exc:
        raise PublishError(f"berkas status tidak dapat ditulis: {path} ({exc.strerror or exc})") from exc


def clear_feedback(folder: Path, workbook: Path) -> list[Path]:
    """Remove the problems workbook and the annotated copies of an earlier run; return what was removed."""
    removed = []
    if workbook.is_file():
        workbook.unlink()
        removed.append(workbook)
    return removed + clear_annotated(folder)


def clear_annotated(folder: Path) -> list[Path]:
    """Remove the annotated copies of an earlier run (the folder as a whole); return what was removed."""
    annotated = Path(folder) / ANNOTATED_DIR
    if not annotated.is_dir():
        return []
    removed = sorted(annotated.iterdir())
    shutil.rmtree(annotated)
    return removed
