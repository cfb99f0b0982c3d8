"""Regenerate the bundled sample office-year from `data/pasaman-barat-2024/sumber/rak-2024.csv`.

The CSV is the source of truth: the RAK 2024 of KPU Kabupaten Pasaman Barat as published (kegiatan,
indicators, targets, activities, pelaksana) plus the planned months and the values we chose where the
published table is blank or unreadable (column `ilustratif` says which). From it this script writes:

- `RAK-2024.xlsx`        the RAK in the printed layout (two-row header, column-number row, merged
                         blocks, shaded/marked months, header typed in again after the page break,
                         notes and a signature block under the table);
- `RAK-2024.docx`        the same RAK as one Word table (repeating header rows instead of typed-in
                         repetition); written outside the office-year folder by default, because the
                         folder may hold only one RAK;
- `profil.toml`          the office profile (identity, signers, sub-units and their spellings, funds);
- `atribut-indikator.csv` polarity and quarter-to-year rules for most indicators (some left out on
                         purpose, so the pipeline has to infer them).

Runs are idempotent: the same CSV gives byte-identical files (fixed timestamps inside the zips).
"""

from __future__ import annotations

import argparse
import csv
import sys
from dataclasses import dataclass
from datetime import datetime
from itertools import groupby
from pathlib import Path

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT, WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt
from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.pagebreak import Break

DATA = Path(__file__).resolve().parent
sys.path.insert(0, str(DATA.parent))

from tasks.files import save_stable  # noqa: E402  (the repository's writer toolbox)

OFFICE_DIR = DATA / "pasaman-barat-2024"
YEAR = 2024
FIXED_TIME = datetime(2024, 1, 15, 8, 0, 0)  # the RAK's signing date; keeps the files byte-stable

TITLE = "RENCANA AKSI KINERJA (RAK)"
SUBTITLE = f"KPU KABUPATEN PASAMAN BARAT TAHUN {YEAR}"
NOTE = "Keterangan: B1–B12 = bulan Januari–Desember; sel berarsir = bulan pelaksanaan"
SIGNATURE = [f"Simpang Empat, 15 Januari {YEAR}", "KETUA KPU KABUPATEN PASAMAN BARAT", "", "",
             "NAMA KETUA", "NIP. -"]
N_COLS = 19  # A..S
MONTH_COL = 7  # G = B1 ... R = B12
PELAKSANA_COL = 19
# Marks typed into some planned months besides the shading: mostly none, some v/√, a few ✓/x.
MARK_CYCLE = ("", "v", "", "", "√", "", "", "x", "", "v", "", "", "", "✓", "√", "", "", "", "", "")


@dataclass(frozen=True)
class Row:
    """One activity row of the RAK, as in the source CSV."""

    kegiatan_no: int
    kegiatan: str
    indikator_no: int
    indikator: str
    target: str
    aktivitas: str
    pelaksana: str
    bulan: tuple[int, ...]
    mark: str

    @property
    def indikator_key(self) -> tuple[int, int]:
        return (self.kegiatan_no, self.indikator_no)

    @property
    def kode(self) -> str:
        return f"K{self.kegiatan_no:02d}.I{self.indikator_no:02d}"


# --- source -------------------------------------------------------------------------------------

def read_source(path: Path) -> list[Row]:
    """The activity rows of the source CSV, checked for the counts the sample promises."""
    with path.open(encoding="utf-8", newline="") as fh:
        records = list(csv.DictReader(fh))
    rows = [_row(rec, i) for i, rec in enumerate(records)]
    _check_counts(rows)
    return rows


def _row(rec: dict, index: int) -> Row:
    months = tuple(int(m) for m in rec["bulan"].split())
    if not months or not all(1 <= m <= 12 for m in months):
        raise SystemExit(f"baris {index + 2}: kolom bulan harus berisi bulan 1..12, bukan '{rec['bulan']}'")
    return Row(int(rec["kegiatan_no"]), rec["kegiatan"].strip(), int(rec["indikator_no"]),
               rec["indikator"].strip(), rec["target"].strip(), rec["aktivitas"].strip(),
               rec["pelaksana"].strip(), months, MARK_CYCLE[index % len(MARK_CYCLE)])


def _check_counts(rows: list[Row]) -> None:
    counts = (len({r.kegiatan_no for r in rows}), len({r.indikator_key for r in rows}), len(rows))
    if counts != (13, 46, 76):
        raise SystemExit(f"sumber tidak lengkap: {counts} (kegiatan, indikator, aktivitas), harus (13, 46, 76)")


def runs(rows: list[Row], key) -> list[tuple[int, int]]:
    """(first, last) index of each run of consecutive rows sharing key(row)."""
    spans, start = [], 0
    for _, group in groupby(rows, key=key):
        size = len(list(group))
        spans.append((start, start + size - 1))
        start += size
    return spans


def same_pelaksana(rows: list[Row], first: int, last: int) -> bool:
    return len({r.pelaksana for r in rows[first:last + 1]}) == 1


# --- xlsx: the printed layout ---------------------------------------------------------------------

THIN = Side(style="thin", color="000000")
BORDER = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
MONTH_FILL = PatternFill("solid", fgColor="A6A6A6")
HEADER_FILL = PatternFill("solid", fgColor="D9D9D9")
FONT = Font(name="Arial", size=9)
BOLD = Font(name="Arial", size=9, bold=True)
TOP_LEFT = Alignment(vertical="top", horizontal="left", wrap_text=True)
TOP_CENTER = Alignment(vertical="top", horizontal="center", wrap_text=True)
CENTER = Alignment(vertical="center", horizontal="center", wrap_text=True)
WIDTHS = {"A": 4.5, "B": 26, "C": 4, "D": 32, "E": 10, "F": 38, "S": 24} | {
    get_column_letter(c): 4.3 for c in range(MONTH_COL, MONTH_COL + 12)}
HEADER_MERGES = ("A{r}:B{s}", "C{r}:D{s}", "E{r}:E{s}", "F{r}:F{s}", "G{r}:R{r}", "S{r}:S{s}")


@dataclass(frozen=True)
class SheetLayout:
    """Where things are in the sheet: the rows a reader of the sample must know."""

    header: int = 4           # rows 4-5 header, 6 column numbers
    first_data: int = 7
    page_break_after: int = 0  # last row of kegiatan 1
    repeat_header: int = 0     # rows repeat_header..+2 repeat the header block
    last_data: int = 0
    note: int = 0
    signature: int = 0


def sheet_layout(rows: list[Row]) -> SheetLayout:
    """Row numbers of every part of the sheet, from the number of rows of kegiatan 1."""
    first_kegiatan = sum(1 for r in rows if r.kegiatan_no == rows[0].kegiatan_no)
    page_break_after = 7 + first_kegiatan - 1
    last_data = page_break_after + 3 + len(rows) - first_kegiatan
    return SheetLayout(page_break_after=page_break_after, repeat_header=page_break_after + 1,
                       last_data=last_data, note=last_data + 2, signature=last_data + 4)


def sheet_row(layout: SheetLayout, index: int) -> int:
    """Sheet row of the index-th activity (the repeated header shifts the rows after the break)."""
    row = layout.first_data + index
    return row + 3 if row > layout.page_break_after else row


def write_xlsx(rows: list[Row], path: Path) -> SheetLayout:
    """The RAK in the printed layout of the published table."""
    layout = sheet_layout(rows)
    book = Workbook()
    ws = book.active
    ws.title = f"RAK {YEAR}"
    write_titles(ws)
    write_header(ws, layout.header)
    write_header(ws, layout.repeat_header)
    for index, row in enumerate(rows):
        write_data_row(ws, sheet_row(layout, index), row)
    merge_blocks(ws, rows, layout)
    set_row_heights(ws, rows, layout)
    write_note_and_signature(ws, layout)
    set_print_setup(ws, layout)
    _set_xlsx_properties(book)
    save_stable(path, book.save, date=FIXED_TIME.timetuple()[:6])
    return layout


def write_titles(ws) -> None:
    for row, text in ((1, TITLE), (2, SUBTITLE)):
        ws.cell(row=row, column=1, value=text).font = Font(name="Arial", size=12, bold=True)
        ws.cell(row=row, column=1).alignment = Alignment(horizontal="center", vertical="center")
        ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=N_COLS)


def write_header(ws, top: int) -> None:
    """The two header rows and the column-number row, with the merges of the printed table."""
    labels = {1: "Sasaran Strategis/Kegiatan", 3: "Indikator Kinerja Kegiatan", 5: "Target",
              6: "Kegiatan yang akan dilaksanakan", MONTH_COL: "Rencana Pelaksanaan", PELAKSANA_COL: "Pelaksana"}
    for col in range(1, N_COLS + 1):
        for row in (top, top + 1, top + 2):
            _style(ws.cell(row=row, column=col), BOLD, CENTER, HEADER_FILL if row < top + 2 else None)
        ws.cell(row=top, column=col, value=labels.get(col))
    for month in range(1, 13):
        ws.cell(row=top + 1, column=MONTH_COL + month - 1, value=f"B{month}")
    for col, number in zip([1, 3] + list(range(5, N_COLS + 1)), range(1, 18)):
        ws.cell(row=top + 2, column=col, value=number)
    for rng in HEADER_MERGES:
        ws.merge_cells(rng.format(r=top, s=top + 1))
    ws.merge_cells(f"A{top + 2}:B{top + 2}")
    ws.merge_cells(f"C{top + 2}:D{top + 2}")


def write_data_row(ws, sheet_r: int, row: Row) -> None:
    values = [f"{row.kegiatan_no}.", row.kegiatan, row.indikator_no, row.indikator, row.target, row.aktivitas]
    for col in range(1, N_COLS + 1):
        _style(ws.cell(row=sheet_r, column=col), FONT, TOP_CENTER if col in (1, 3, 5) else TOP_LEFT)
    for col, value in enumerate(values, start=1):
        ws.cell(row=sheet_r, column=col, value=value)
    ws.cell(row=sheet_r, column=PELAKSANA_COL, value=row.pelaksana)
    for month in row.bulan:
        cell = ws.cell(row=sheet_r, column=MONTH_COL + month - 1, value=row.mark or None)
        cell.fill = MONTH_FILL
        cell.alignment = CENTER


def _style(cell, font, alignment, fill=None) -> None:
    cell.font, cell.alignment, cell.border = font, alignment, BORDER
    if fill is not None:
        cell.fill = fill


def merge_blocks(ws, rows: list[Row], layout: SheetLayout) -> None:
    """Kegiatan (A, B) over its rows; indicator (C, D, E) and a shared pelaksana (S) over theirs."""
    for first, last in runs(rows, key=lambda r: r.kegiatan_no):
        _merge_down(ws, layout, first, last, (1, 2))
    for first, last in runs(rows, key=lambda r: r.indikator_key):
        cols = (3, 4, 5, PELAKSANA_COL) if same_pelaksana(rows, first, last) else (3, 4, 5)
        _merge_down(ws, layout, first, last, cols)


def _merge_down(ws, layout: SheetLayout, first: int, last: int, cols: tuple[int, ...]) -> None:
    top, bottom = sheet_row(layout, first), sheet_row(layout, last)
    if bottom == top:
        return
    for col in cols:
        ws.merge_cells(start_row=top, start_column=col, end_row=bottom, end_column=col)


def _lines(text: str, width: float) -> int:
    """Rough number of wrapped lines of text in a column of the given Excel width (Arial 9)."""
    per_line = max(int(width * 1.15), 1)
    return max(1, -(-len(text) // per_line))


def set_row_heights(ws, rows: list[Row], layout: SheetLayout) -> None:
    """Heights that fit the wrapped text, since Excel does not grow rows under merged cells."""
    heights = {i: 12.0 * max(_lines(r.aktivitas, WIDTHS["F"]), _lines(r.pelaksana, WIDTHS["S"]))
               for i, r in enumerate(rows)}
    for col, text_of in (("B", lambda r: r.kegiatan), ("D", lambda r: r.indikator)):
        key = (lambda r: r.kegiatan_no) if col == "B" else (lambda r: r.indikator_key)
        for first, last in runs(rows, key=key):
            need = 12.0 * _lines(text_of(rows[first]), WIDTHS[col])
            have = sum(heights[i] for i in range(first, last + 1))
            if need > have:
                heights[last] += need - have
    for index, height in heights.items():
        ws.row_dimensions[sheet_row(layout, index)].height = height + 3


def write_note_and_signature(ws, layout: SheetLayout) -> None:
    """One blank row, the notes row, then the signature block in columns O:S."""
    ws.cell(row=layout.note, column=1, value=NOTE).font = Font(name="Arial", size=9, italic=True)
    for offset, text in enumerate(SIGNATURE):
        row = layout.signature + offset
        cell = ws.cell(row=row, column=15, value=text or None)
        bold = text.startswith(("KETUA", "NAMA"))
        cell.font = Font(name="Arial", size=10, bold=bold, underline="single" if text == "NAMA KETUA" else None)
        cell.alignment = Alignment(horizontal="center")
        ws.merge_cells(start_row=row, start_column=15, end_row=row, end_column=N_COLS)


def set_print_setup(ws, layout: SheetLayout) -> None:
    """Column widths, landscape A4 fitted to width, print titles and the manual page break."""
    for letter, width in WIDTHS.items():
        ws.column_dimensions[letter].width = width
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth, ws.page_setup.fitToHeight = 1, 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.page_margins.left = ws.page_margins.right = 0.4
    ws.page_margins.top = ws.page_margins.bottom = 0.5
    ws.print_options.horizontalCentered = True
    ws.print_title_rows = f"{layout.header}:{layout.first_data - 1}"
    ws.print_area = f"A1:S{layout.signature + len(SIGNATURE) - 1}"
    ws.row_breaks.append(Break(id=layout.page_break_after))
    ws.freeze_panes = f"A{layout.first_data}"


def _set_xlsx_properties(book) -> None:
    props = book.properties
    props.creator = props.lastModifiedBy = "Sub Bagian Perencanaan, Data dan Informasi"
    props.title = f"{TITLE} {SUBTITLE}"
    props.created = props.modified = FIXED_TIME


# --- docx: the same RAK as one Word table -------------------------------------------------------

DOCX_WIDTHS_CM = [0.8, 3.4, 0.7, 4.2, 1.6, 5.0] + [0.62] * 12 + [3.5]
DOCX_MONTH_FILL = "A6A6A6"
DOCX_HEADER_FILL = "D9D9D9"
_TCPR_AFTER_SHD = ("w:noWrap", "w:tcMar", "w:textDirection", "w:tcFitText", "w:vAlign", "w:hideMark",
                   "w:headers", "w:cellIns", "w:cellDel", "w:cellMerge", "w:tcPrChange")


def write_docx(rows: list[Row], path: Path) -> None:
    """The RAK as a Word table: same 19 columns, vertical merges, shaded months, repeating header."""
    doc = Document()
    _setup_page(doc)
    for text, size in ((TITLE, 12), (SUBTITLE, 12)):
        _paragraph(doc, text, size=size, bold=True, align=WD_ALIGN_PARAGRAPH.CENTER)
    table = doc.add_table(rows=3 + len(rows), cols=N_COLS)
    _setup_table(table)
    grid = [r.cells for r in table.rows]  # grabbed before merging: merges keep these cells' elements
    for index, row in enumerate(rows):
        _fill_docx_row(grid[3 + index], row)
    _merge_docx_blocks(grid, rows)
    _docx_header(table)
    _paragraph(doc, "")
    _paragraph(doc, NOTE, italic=True)
    for text in SIGNATURE:
        _paragraph(doc, text, bold=text.startswith(("KETUA", "NAMA")), align=WD_ALIGN_PARAGRAPH.CENTER,
                   indent=Cm(18))
    _set_docx_properties(doc)
    save_stable(path, lambda tmp: doc.save(str(tmp)), date=FIXED_TIME.timetuple()[:6])


def _setup_page(doc) -> None:
    section = doc.sections[0]
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = Cm(29.7), Cm(21.0)
    section.left_margin = section.right_margin = Cm(1.5)
    section.top_margin = section.bottom_margin = Cm(1.5)
    normal = doc.styles["Normal"]
    normal.font.name, normal.font.size = "Arial", Pt(8)
    normal.paragraph_format.space_after = Pt(0)


def _paragraph(doc, text: str, size: int = 9, bold=False, italic=False, align=None, indent=None):
    para = doc.add_paragraph()
    run = para.add_run(text)
    run.font.size, run.bold, run.italic = Pt(size), bold, italic
    if align is not None:
        para.alignment = align
    if indent is not None:
        para.paragraph_format.left_indent = indent
    return para


def _setup_table(table) -> None:
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False  # writes w:tblLayout type="fixed"
    for row in table.rows:
        for cell, width in zip(row.cells, DOCX_WIDTHS_CM):
            cell.width = Cm(width)


def _fill_docx_row(cells, row: Row) -> None:
    values = {0: f"{row.kegiatan_no}.", 1: row.kegiatan, 2: str(row.indikator_no), 3: row.indikator,
              4: row.target, 5: row.aktivitas, PELAKSANA_COL - 1: row.pelaksana}
    for col, text in values.items():
        cells[col].text = text
        cells[col].vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.TOP
    for month in row.bulan:
        cell = cells[MONTH_COL - 2 + month]
        _shade(cell, DOCX_MONTH_FILL)
        cell.text = "v" if row.mark else ""
        cell.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.CENTER


def _shade(cell, fill: str) -> None:
    """A w:shd fill on the cell, inserted where the schema wants it inside w:tcPr."""
    shd = OxmlElement("w:shd")
    shd.set(qn("w:val"), "clear")
    shd.set(qn("w:color"), "auto")
    shd.set(qn("w:fill"), fill)
    cell._tc.get_or_add_tcPr().insert_element_before(shd, *_TCPR_AFTER_SHD)


def _merge_docx_blocks(grid, rows: list[Row]) -> None:
    for first, last in runs(rows, key=lambda r: r.kegiatan_no):
        _docx_merge_down(grid, first, last, (0, 1))
    for first, last in runs(rows, key=lambda r: r.indikator_key):
        cols = (2, 3, 4, PELAKSANA_COL - 1) if same_pelaksana(rows, first, last) else (2, 3, 4)
        _docx_merge_down(grid, first, last, cols)


def _docx_merge_down(grid, first: int, last: int, cols: tuple[int, ...]) -> None:
    """Merge cells of rows first..last; only the top cell holds text, so no text is duplicated."""
    if first == last:
        return
    for col in cols:
        for index in range(first + 1, last + 1):
            grid[3 + index][col].text = ""
        grid[3 + first][col].merge(grid[3 + last][col])


def _docx_header(table) -> None:
    """Two header rows and the number row, marked as header rows that repeat on every page."""
    labels = [(0, 0, 1, 1, "Sasaran Strategis/Kegiatan"), (0, 2, 1, 3, "Indikator Kinerja Kegiatan"),
              (0, 4, 1, 4, "Target"), (0, 5, 1, 5, "Kegiatan yang akan dilaksanakan"),
              (0, 6, 0, 17, "Rencana Pelaksanaan"), (0, 18, 1, 18, "Pelaksana")]
    labels += [(1, 5 + m, 1, 5 + m, f"B{m}") for m in range(1, 13)]
    numbers = [(2, 0, 2, 1, "1"), (2, 2, 2, 3, "2")] + [(2, c, 2, c, str(c - 1)) for c in range(4, N_COLS)]
    for r1, c1, r2, c2, text in labels + numbers:
        cell = table.cell(r1, c1) if (r1, c1) == (r2, c2) else table.cell(r1, c1).merge(table.cell(r2, c2))
        _header_cell(cell, text, shaded=r1 < 2)
    for row in table.rows[:3]:
        flag = OxmlElement("w:tblHeader")
        flag.set(qn("w:val"), "true")
        row._tr.get_or_add_trPr().append(flag)


def _header_cell(cell, text: str, shaded: bool) -> None:
    cell.text = text
    cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
    para = cell.paragraphs[0]
    para.alignment = WD_ALIGN_PARAGRAPH.CENTER
    para.runs[0].bold = True
    if shaded:
        _shade(cell, DOCX_HEADER_FILL)


def _set_docx_properties(doc) -> None:
    core = doc.core_properties
    core.author = core.last_modified_by = "Sub Bagian Perencanaan, Data dan Informasi"
    core.title = f"{TITLE} {SUBTITLE}"
    core.comments = "Sampel lkip, dibuat ulang oleh data/build_sample.py"
    core.created = core.modified = FIXED_TIME
    core.revision = 1


# --- profil.toml --------------------------------------------------------------------------------

PROFIL = '''\
# Profil satker: identitas kantor, penanda tangan, sub bagian beserta ejaan lain namanya, sumber dana.
# Berkas ini diisi sekali oleh kantor dan boleh diubah kapan saja. Nilai bertanda "ilustratif" adalah
# contoh dari data sampel; ganti dengan data kantor yang sebenarnya.

[satker]
# Kode wilayah Kemendagri Kabupaten Pasaman Barat (13.12), dipakai sebagai kode kantor dan pada nama
# berkas laporan. Boleh diganti dengan kode satker DIPA bila lebih disukai.
kode = "1312"
nama = "KPU Kabupaten Pasaman Barat"
nama_lengkap = "Komisi Pemilihan Umum Kabupaten Pasaman Barat"
alamat = "Jl. Soekarno-Hatta, Simpang Empat, Kabupaten Pasaman Barat"  # alamat ilustratif
kota = "Simpang Empat"
provinsi = "Sumatera Barat"

# Penanda tangan. Nama dan NIP di bawah ini rekaan (ilustratif), bukan pejabat sebenarnya: ganti dengan
# nama dan NIP pejabat kantor. Nama yang masih tempat isian ("NAMA KETUA") tidak pernah dicetak.
# Ketua: penanda tangan laporan, pihak pertama Perjanjian Kinerja Ketua dan pihak kedua PK Sekretaris.
[penandatangan.ketua]
jabatan = "Ketua KPU Kabupaten Pasaman Barat"
nama = "Andri Saputra"
nip = ""  # anggota KPU bukan PNS: biasanya tanpa NIP

# Pihak pertama Perjanjian Kinerja Sekretaris (pihak keduanya: Ketua).
[penandatangan.sekretaris]
jabatan = "Sekretaris KPU Kabupaten Pasaman Barat"
nama = "Rina Marlina, S.E., M.Si."
nip = "198207142008012005"  # 18 angka

# Pihak kedua Perjanjian Kinerja Ketua KPU Kabupaten (pihak pertamanya: Ketua).
[penandatangan.ketua_provinsi]
jabatan = "Ketua KPU Provinsi Sumatera Barat"
nama = "Hendra Gunawan"
nip = ""  # anggota KPU bukan PNS: biasanya tanpa NIP

# Pereviu LKIP dari APIP (ilustratif). Bila ada, LKIP memuat halaman "Pernyataan Telah Direviu"
# bertanggal [laporan] tanggal_reviu; hapus bagian ini bila LKIP belum direviu.
[penandatangan.reviu]
jabatan = "Inspektur Wilayah I Inspektorat Utama KPU"
nama = "Fajar Ramadhan"
nip = "197611202003121002"

[laporan]
# Siapa yang menandatangani Kata Pengantar dan laporan: "ketua" atau "sekretaris".
penandatangan = "ketua"
# Siapa yang menandatangani laporan bulanan dan laporan pengukuran kinerja triwulan (laporan intern
# sekretariat): bawaannya "sekretaris". "mengetahui_bulanan" (boleh tidak diisi) menambahkan blok
# "Mengetahui" untuk pejabat itu di samping tanda tangan (ilustratif: Ketua).
penandatangan_bulanan = "sekretaris"
mengetahui_bulanan = "ketua"
# Tanggal penandatanganan Perjanjian Kinerja (tahun-bulan-tanggal, ilustratif).
tanggal_pk = 2024-01-15
# Tanggal pernyataan telah direviu (ilustratif).
tanggal_reviu = 2025-01-27

# Sub bagian sekretariat. "singkat" (boleh tidak diisi, ilustratif) dicetak pada kolom tabel yang sempit;
# "alias" memuat ejaan lain yang dipakai di RAK dan formulir; nama pelaksana dicocokkan tanpa membedakan
# huruf besar/kecil, tanda baca, dan kata "Sub Bagian"/"Subbag".
# Tambahkan ejaan baru di sini bila validasi melaporkan pelaksana yang tidak dikenal.
[[sub_bagian]]
kode = "PDI"
nama = "Sub Bagian Perencanaan, Data dan Informasi"
singkat = "Subbag PDI"
alias = ["Subbag Perencanaan, Data dan Informasi", "Sub Bagian Perencanaan Data dan Informasi",
         "Sub Bagian Perencanaan Data Informasi", "Perencanaan, Data dan Informasi",
         "Perencanaan Data dan Informasi", "Subbag Program dan Data", "Subbag PDI", "PDI"]

[[sub_bagian]]
kode = "TPH"
nama = "Sub Bagian Teknis Penyelenggaraan dan Hukum"
singkat = "Subbag TPH"
alias = ["Sub Bagian Teknis Penyelenggaraan Pemilu dan Hukum", "Subbag Teknis Penyelenggaraan dan Hukum",
         "Teknis Penyelenggaraan dan Hukum", "Teknis Penyelenggaraan Pemilu dan Hukum",
         "Subbag Teknis dan Hukum", "Subbag Teknis", "Subbag TPH", "TPH"]

[[sub_bagian]]
kode = "KUL"
nama = "Sub Bagian Keuangan, Umum dan Logistik"
singkat = "Subbag KUL"
alias = ["Sub Bag. Keuangan, Umum dan Logistik", "Subbag Keuangan, Umum dan Logistik",
         "Sub Bagian Keuangan Umum dan Logistik", "Keuangan, Umum dan Logistik",
         "Keuangan Umum dan Logistik", "Subbag KUL", "KUL"]

[[sub_bagian]]
kode = "SDM"
nama = "Sub Bagian SDM dan Parmas"
singkat = "Subbag SDM"
alias = ["SDM dan Parmas", "Subbag SDM dan Parmas", "Sub Bagian SDM dan Partisipasi Masyarakat",
         "Sub Bagian Sumber Daya Manusia dan Partisipasi Masyarakat", "SDM dan Partisipasi Masyarakat",
         "Subbag SDM", "SDM"]

# Bukan sub bagian sungguhan: kegiatan yang dikerjakan bersama oleh semua sub bagian.
[[sub_bagian]]
kode = "SEMUA"
nama = "Semua Sub Bagian"
singkat = "Semua Subbag"
alias = ["Semua Sub Bagian", "Seluruh Sub Bagian", "Semua Subbag"]

# Sumber dana tahun 2024: APBN (DIPA) dan hibah Pilkada dari pemerintah kabupaten.
# pagu_total (boleh tidak diisi): jumlah pagu sumber dana itu; bila diisi, jumlah pagu seluruh kegiatan
# pada formulir triwulan terakhir dibandingkan dengan angka ini.
[[sumber_dana]]
kode = "DIPA"
nama = "DIPA APBN (BA 076)"

[[sumber_dana]]
kode = "HIBAH"
nama = "Hibah Pilkada (NPHD)"
pagu_total = 30050000000  # Rp30.050.000.000 sesuai NPHD
'''


def write_profil(path: Path) -> None:
    """The office profile a person edits (comments in Indonesian)."""
    path.write_text(PROFIL, encoding="utf-8", newline="\n")


# --- atribut-indikator.csv ----------------------------------------------------------------------

ATRIBUT_COLUMNS = ["kode", "indikator", "polaritas", "agregasi", "jenis_nilai", "target_tw1", "target_tw2",
                   "target_tw3", "target_tw4", "catatan"]
# How the sample reads an indicator whose RAK target is a count ("1 laporan", "1 layanan", "2 Lap"),
# whatever its name says ("Persentase …", "Rasio …", "Tingkat …"): the realisation is the count of
# that output, whole. A report the indicator promises is 0 until it is done and 1 from then on (LAST,
# cumulative); a "Jumlah …" count is reported in the quarter the output is finished (SUM, per period).
REPORT = "target '1 laporan': jumlah laporan s.d. triwulan (0 sampai laporannya selesai, lalu 1); nilai terakhir"
COUNT = "jumlah: dihitung pada triwulan keluarannya selesai, dijumlahkan per triwulan"
SERVICE = "1 layanan/laporan setahun: dihitung utuh (1) pada Triwulan IV, saat layanan setahun selesai; bukan 0,25 " \
          "per triwulan"
# kode: (polaritas, agregasi, jenis_nilai, (target_tw1..4) or (), catatan). Ten indicators are left out on
# purpose (K01.I08, K01.I11, K01.I14, K01.I17, K01.I20, K03.I01, K05.I01, K08.I01, K10.I03, K13.I02).
ATRIBUT = {
    "K01.I01": ("+", "LAST", "kumulatif", (), REPORT),
    "K01.I02": ("+", "LAST", "kumulatif", (), REPORT),
    "K01.I03": ("+", "LAST", "kumulatif", (), REPORT),
    "K01.I04": ("+", "SUM", "periode", ("1", "0", "0", "1"),
                "target '2 Lap' ilustratif (kosong di RAK); target triwulan ilustratif: laporan Pemilu (TW I) "
                "dan laporan Pilkada (TW IV)"),
    "K01.I05": ("+", "LAST", "kumulatif", (), REPORT),
    "K01.I06": ("+", "LAST", "kumulatif", (), REPORT + "; laporan disusun setelah penetapan DPT Pilkada"),
    "K01.I07": ("+", "LAST", "kumulatif", ("0", "0", "1", "1"),
                "pasangan calon ditetapkan 22 September 2024: target TW I dan II nol, bukan kosong (ilustratif)"),
    "K01.I09": ("+", "LAST", "kumulatif", (), REPORT),
    "K01.I10": ("+", "LAST", "kumulatif", (), REPORT),
    "K01.I12": ("+", "LAST", "kumulatif", (), REPORT),
    "K01.I13": ("+", "SUM", "periode", (), COUNT),
    "K01.I15": ("+", "LAST", "kumulatif", (), REPORT + "; rekap perjalanan dinas setahun"),
    "K01.I16": ("+", "LAST", "kumulatif", (), REPORT + "; rekap pemeliharaan sarpras setahun"),
    "K01.I18": ("+", "LAST", "kumulatif", (), REPORT + "; rekap layanan administrasi setahun"),
    "K01.I19": ("+", "LAST", "kumulatif", (), REPORT),
    "K01.I21": ("+", "LAST", "kumulatif", (), REPORT),
    "K02.I01": ("+", "LAST", "kumulatif", (), "target '1 layanan': dokumen perencanaan s.d. triwulan (0 sampai "
                "selesai, lalu 1); nilai terakhir"),
    "K02.I02": ("+", "LAST", "kumulatif", ("15", "45", "70", "95"),
                "target 95% ilustratif (kosong di RAK); realisasi = serapan kumulatif seluruh kegiatan dan kedua "
                "sumber dana menurut sheet Anggaran; target triwulan = rencana penyerapan kumulatif (ilustratif)"),
    "K04.I01": ("+", "SUM", "periode", (), COUNT),
    "K06.I01": ("+", "LAST", "kumulatif", (), REPORT + "; laporan pemanfaatan sarana IT setelah rekapitulasi "
                "Pilkada"),
    "K07.I01": ("+", "LAST", "kumulatif", (), REPORT),
    "K07.I02": ("+", "LAST", "kumulatif", (), REPORT),
    "K08.I02": ("+", "LAST", "kumulatif", (), REPORT + "; menghitung pelanggaran yang diselesaikan, jadi makin "
                "tinggi makin baik"),
    "K09.I01": ("+", "LAST", "kumulatif", (), REPORT),
    "K09.I02": ("+", "SUM", "periode", (), COUNT),
    "K09.I03": ("+", "LAST", "kumulatif", (), REPORT),
    "K10.I01": ("+", "LAST", "kumulatif", (), REPORT),
    "K10.I02": ("+", "LAST", "kumulatif", (), REPORT),
    "K11.I01": ("+", "LAST", "kumulatif", (), REPORT),
    "K11.I02": ("+", "SUM", "periode", (), COUNT + "; menghitung sengketa yang selesai, jadi makin tinggi makin baik"),
    "K12.I01": ("+", "SUM", "periode", (), SERVICE),
    "K12.I02": ("+", "SUM", "periode", (), SERVICE),
    "K12.I03": ("+", "SUM", "periode", (), SERVICE),
    "K13.I01": ("+", "SUM", "periode", (), SERVICE),
    "K13.I03": ("+", "SUM", "periode", (), SERVICE),
    "K13.I04": ("+", "SUM", "periode", (), SERVICE),
}


def atribut_rows(rows: list[Row]) -> list[dict]:
    """One row per indicator that has attributes, in RAK order, named as in the RAK."""
    names = {r.kode: r.indikator for r in rows}
    unknown = set(ATRIBUT) - set(names)
    if unknown:
        raise SystemExit(f"kode atribut tidak ada di RAK: {sorted(unknown)}")
    out = []
    for kode in (k for k in names if k in ATRIBUT):
        polaritas, agregasi, jenis, targets, catatan = ATRIBUT[kode]
        tw = dict(zip(["target_tw1", "target_tw2", "target_tw3", "target_tw4"], targets or ("",) * 4))
        out.append({"kode": kode, "indikator": names[kode], "polaritas": polaritas, "agregasi": agregasi,
                    "jenis_nilai": jenis, **tw, "catatan": catatan})
    return out


def write_atribut(rows: list[Row], path: Path) -> None:
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=ATRIBUT_COLUMNS, lineterminator="\n")
        writer.writeheader()
        writer.writerows(atribut_rows(rows))


# --- command line -------------------------------------------------------------------------------

def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0],
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--out", type=Path, default=OFFICE_DIR,
                        help="office-year folder to write (default: %(default)s)")
    parser.add_argument("--source", type=Path, default=None,
                        help="source CSV (default: OUT/sumber/rak-2024.csv)")
    parser.add_argument("--docx", type=Path, default=DATA / "rak-word" / f"RAK-{YEAR}.docx",
                        help="where to write the Word RAK; kept out of OUT, which may hold only one RAK "
                             "(default: %(default)s)")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    """Read the source CSV and write every generated file of the sample."""
    args = parse_args(argv)
    rows = read_source(args.source or args.out / "sumber" / f"rak-{YEAR}.csv")
    args.docx.parent.mkdir(parents=True, exist_ok=True)
    layout = write_xlsx(rows, args.out / f"RAK-{YEAR}.xlsx")
    write_docx(rows, args.docx)
    write_profil(args.out / "profil.toml")
    write_atribut(rows, args.out / "atribut-indikator.csv")
    print(f"{len(rows)} aktivitas; RAK-{YEAR}.xlsx: data {layout.first_data}-{layout.page_break_after} dan "
          f"{layout.repeat_header + 3}-{layout.last_data}, catatan {layout.note}, tanda tangan {layout.signature}; "
          f"docx: {args.docx}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
