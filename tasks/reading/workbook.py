"""Opening input files safely and reading a sheet into a Grid.

Values come from calamine (fast, bounded by the cells that hold values); what calamine cannot tell
(fills: months marked by shading; hidden rows and columns; formula and error cells; percent
formats) is streamed from the sheet XML by tasks.sheet_xml. Nothing here walks the full Excel
rectangle, so a stray formatted cell at row 1,048,576 costs nothing.
"""

from __future__ import annotations

import re
import zipfile
import zlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from xml.etree.ElementTree import ParseError
from xml.parsers.expat import ExpatError

import python_calamine
from openpyxl.utils import get_column_letter

from tasks.problems import InputError, Problem
from tasks.reading.convert import as_xlsx
from tasks.reading.sheet_xml import XlsxFacts, read_xlsx_facts

# A real RAK or realisation workbook is well under 5 MB unpacked; 256 MB leaves room for
# embedded pictures while refusing zip bombs before any XML is parsed.
MAX_UNCOMPRESSED_BYTES = 256 * 1024 * 1024
MAX_COMPRESSION_RATIO = 200
_XML_PROLOG_BYTES = 64 * 1024

IGNORED_PATTERNS = (
    re.compile(r"^~\$"),  # Excel/Word lock file of an open document
    re.compile(r"^\.~lock\..*#$"),  # LibreOffice lock file
    re.compile(r"^\."),  # hidden files, .DS_Store
    re.compile(r"^(desktop\.ini|thumbs\.db)$", re.I),
    re.compile(r"\.(tmp|bak|crdownload|part)$", re.I),
    re.compile(r"^~.*\.tmp$", re.I),
)
SPREADSHEET_SUFFIXES = {".xlsx", ".xlsm", ".xls", ".ods"}
DOCUMENT_SUFFIXES = {".docx"}


def is_ignored(path: Path) -> bool:
    """Lock files, desktop.ini and temporary files that sit beside real inputs."""
    return any(p.search(path.name) for p in IGNORED_PATTERNS)


def _fail(path: Path, message: str, hint: str = "") -> InputError:
    return InputError([Problem(file=path.name, message=message, hint=hint)])


def sniff(path: Path) -> str:
    """Return 'zip' or 'ole' for a readable container; raise InputError naming the cause otherwise."""
    if not path.exists():
        raise _fail(path, "berkas tidak ditemukan")
    if path.is_dir():
        raise _fail(path, "ini sebuah folder, bukan berkas")
    size = path.stat().st_size
    if size == 0:
        raise _fail(path, "berkas kosong (0 byte)", "mungkin penyalinan belum selesai; salin ulang berkasnya")
    with path.open("rb") as fh:
        head = fh.read(2048)
    if head.startswith(b"PK\x03\x04"):
        return "zip"
    if head.startswith(b"\xd0\xcf\x11\xe0"):
        return "ole"
    raise _not_a_workbook(path, head)


def _not_a_workbook(path: Path, head: bytes) -> InputError:
    text = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if text.startswith((b"<!doctype html", b"<html", b"<table", b"<?xml", b"<meta")):
        kind = "halaman HTML/XML yang diberi akhiran " + path.suffix
    elif _looks_like_text(head):
        kind = "teks/CSV yang diberi akhiran " + path.suffix
    else:
        kind = "format yang tidak dikenali"
    return _fail(path, f"bukan berkas {_kind_name(path)} yang sah: isinya {kind}",
                 "buka berkas di Excel/Word lalu simpan ulang (Save As) sebagai " + _wanted_suffix(path))


def _looks_like_text(head: bytes) -> bool:
    try:
        head.decode("utf-8")
    except UnicodeDecodeError:
        return all(b >= 9 for b in head[:512])
    return True


def _kind_name(path: Path) -> str:
    return "Word" if path.suffix.lower() in DOCUMENT_SUFFIXES else "Excel"


def _wanted_suffix(path: Path) -> str:
    return ".docx" if path.suffix.lower() in DOCUMENT_SUFFIXES else ".xlsx"


def check_zip(path: Path) -> zipfile.ZipFile:
    """Refuse truncated archives, zip bombs and XML with DTDs before any parser sees them."""
    try:
        archive = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise _fail(path, f"berkas rusak atau terpotong ({exc})",
                    "mungkin penyalinan belum selesai; salin ulang atau simpan ulang berkasnya") from exc
    infos = archive.infolist()
    total = sum(i.file_size for i in infos)
    if total > MAX_UNCOMPRESSED_BYTES or any(_ratio(i) > MAX_COMPRESSION_RATIO for i in infos):
        raise _fail(path, "berkas ditolak: isinya mengembang jauh melebihi ukuran wajar (dicurigai 'zip bomb')",
                    "simpan ulang berkas dari Excel; jangan gunakan berkas dari sumber yang tidak dikenal")
    for info in infos:
        if info.filename.endswith((".xml", ".rels")) and _has_dtd(archive, info):
            raise _fail(path, f"berkas ditolak: bagian {info.filename} memuat deklarasi DTD/ENTITY",
                        "simpan ulang berkas dari Excel/Word; berkas ini tampaknya sengaja dimodifikasi")
    return archive


def _ratio(info: zipfile.ZipInfo) -> float:
    # Small parts compress very well legitimately (shared strings of repeated text); judge the big ones.
    if info.file_size < 4 * 1024 * 1024:
        return 0.0
    return info.file_size / max(info.compress_size, 1)


def _has_dtd(archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> bool:
    try:
        with archive.open(info) as fh:
            prolog = fh.read(_XML_PROLOG_BYTES)
    except (zipfile.BadZipFile, OSError, EOFError) as exc:
        raise _fail(Path(archive.filename or "?"), f"berkas rusak atau terpotong ({exc})",
                    "salin ulang atau simpan ulang berkasnya") from exc
    prolog = prolog.replace(b"\x00", b"").upper()  # also catches UTF-16 encoded parts
    return b"<!DOCTYPE" in prolog or b"<!ENTITY" in prolog


ODS_MIMETYPE = b"application/vnd.oasis.opendocument.spreadsheet"


def check_workbook_file(path: Path) -> str:
    """Return 'xlsx', 'xls' or 'ods' for a workbook that may be read; raise InputError otherwise."""
    kind = sniff(path)
    if kind == "ole":
        if b"E\x00n\x00c\x00r\x00y\x00p\x00t\x00i\x00o\x00n" in path.read_bytes():
            raise _fail(path, "berkas dilindungi kata sandi sehingga tidak dapat dibaca",
                        "buka di Excel, hapus kata sandi (File > Info > Protect Workbook), lalu simpan ulang")
        return "xls"
    with check_zip(path) as archive:
        names = set(archive.namelist())
        if "mimetype" in names and archive.read("mimetype").strip() == ODS_MIMETYPE:
            return "ods"
    if "xl/workbook.xml" not in names:
        other = "dokumen Word" if "word/document.xml" in names else "arsip zip biasa"
        raise _fail(path, f"bukan buku kerja Excel: isinya {other}", "simpan ulang sebagai .xlsx")
    return "xlsx"


@dataclass
class Grid:
    """The cells of one sheet (or one Word document's tables), addressed like Excel (1-based)."""

    file: str
    sheet: str
    rows: dict[int, list[Any]]
    n_cols: int
    merges: list[tuple[int, int, int, int]] = field(default_factory=list)
    hidden_rows: frozenset[int] = frozenset()
    hidden_cols: frozenset[int] = frozenset()
    shaded_cells: frozenset[tuple[int, int]] | None = None  # None: the format cannot tell
    formulas: dict[tuple[int, int], str] = field(default_factory=dict)
    errors: dict[tuple[int, int], str] = field(default_factory=dict)
    percent_cells: frozenset[tuple[int, int]] = frozenset()  # numbers shown as % (0.955 displays 95,5%)
    date1904: bool = False
    preamble: tuple[str, ...] = ()  # text above the table outside the grid (a Word document's title)

    @property
    def last_row(self) -> int:
        return max(self.rows, default=0)

    def value(self, row: int, col: int) -> Any:
        cells = self.rows.get(row)
        if cells is None or col > len(cells):
            return ""
        return cells[col - 1]

    def is_shaded(self, row: int, col: int) -> bool:
        return bool(self.shaded_cells) and (row, col) in self.shaded_cells

    @staticmethod
    def cell_name(row: int, col: int) -> str:
        return f"{get_column_letter(col)}{row}"


class Workbook:
    """An Excel workbook opened for reading; sheets are read on demand (each once).

    An .ods or .xls is read from its conversion to .xlsx (tasks.reading.convert): every fact the
    readers use (shading, hidden rows, formulas, percent formats, merges) is then there as in an
    .xlsx; problems still name the file staff saved.
    """

    def __init__(self, path: Path):
        self.source = Path(path)
        self.kind = check_workbook_file(self.source)
        self.path = as_xlsx(self.source, self.kind) if self.kind in ("xls", "ods") else self.source
        self._grids: dict[str, Grid] = {}
        try:
            self._calamine = python_calamine.CalamineWorkbook.from_path(str(self.path))
        except Exception as exc:  # calamine raises its own error types for every broken-file case
            raise _damaged(self.source, exc) from exc
        self._facts: XlsxFacts | None = None
        if self.path is not self.source:
            self.kind = "xlsx"
        self.sheet_names = list(self._calamine.sheet_names)
        self.hidden = {m.name: str(m.visible).rsplit(".", 1)[-1] != "Visible"
                       for m in self._calamine.sheets_metadata}

    @property
    def name(self) -> str:
        return self.source.name

    def _styles(self) -> XlsxFacts | None:
        """Fills, number formats, formula/error cells and hidden rows/cols of an .xlsx, read once."""
        if self._facts is None and self.kind == "xlsx":
            try:
                self._facts = read_xlsx_facts(str(self.path))
            except _DAMAGED as exc:
                raise _damaged(self.source, exc) from exc
        return self._facts

    def grid(self, sheet: str) -> Grid:
        """One sheet: values, merges, and (for .xlsx) styles of the cells that exist; read once."""
        if sheet not in self._grids:
            self._grids[sheet] = self._read_grid(sheet)
        return self._grids[sheet]

    def _read_grid(self, sheet: str) -> Grid:
        try:
            values = self._calamine.get_sheet_by_name(sheet)
        except Exception as exc:  # calamine raises its own error types for a damaged sheet part
            raise _damaged(self.source, exc) from exc
        rows, n_cols = _calamine_rows(values)
        merges = [(r0 + 1, c0 + 1, r1 + 1, c1 + 1) for (r0, c0), (r1, c1) in (values.merged_cell_ranges or [])]
        grid = Grid(file=self.name, sheet=sheet, rows=rows, n_cols=n_cols, merges=merges)
        facts = self._styles()
        if facts is not None:
            try:
                cells = facts.sheet(sheet)
            except _DAMAGED as exc:
                raise _damaged(self.source, exc) from exc
            grid.shaded_cells = frozenset(cells.shaded)
            grid.percent_cells = frozenset(cells.percent)
            grid.formulas, grid.errors = cells.formulas, cells.errors
            grid.hidden_rows, grid.hidden_cols = frozenset(cells.hidden_rows), frozenset(cells.hidden_cols)
            grid.date1904 = facts.date1904
        return grid


# What a damaged part of an .xlsx raises while its XML is streamed: malformed XML (ElementTree or
# expat), a truncated or corrupt deflate stream, a missing part, a non-numeric attribute.
_DAMAGED = (ParseError, ExpatError, zlib.error, EOFError, KeyError, ValueError, zipfile.BadZipFile, OSError)


def _damaged(path: Path, exc: Exception) -> InputError:
    return _fail(path, f"berkas tidak dapat dibaca ({type(exc).__name__}: {exc})",
                 "buka di Excel lalu simpan ulang sebagai .xlsx")


def _calamine_rows(sheet) -> tuple[dict[int, list[Any]], int]:
    """Non-blank rows only, keyed by Excel row number; a far-away stray value costs one row."""
    rows: dict[int, list[Any]] = {}
    start_row, start_col = sheet.start or (0, 0)
    n_cols = 0
    for offset, values in enumerate(sheet.iter_rows()):
        if not any(v not in ("", None) for v in values):
            continue
        padded = [""] * start_col + list(values)
        while padded and padded[-1] in ("", None):
            padded.pop()
        rows[start_row + offset + 1] = padded
        n_cols = max(n_cols, len(padded))
    return rows, n_cols
