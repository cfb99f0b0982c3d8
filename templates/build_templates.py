"""Generate the Word templates `lkip.docx` and `bulanan.docx` (and the placeholder chart) with python-docx.

The templates are docxtpl templates: Jinja tags are written into the document as plain text. Building
them from code keeps them reproducible and reviewable in a diff; an office that wants its own layout
can still open the generated .docx in Word, restyle it and save it, as long as the tags stay intact.

Tag kinds used (docxtpl):
  {{ x }}            print a value (already formatted by Python, see contracts/context.py)
  {%p ... %}         a paragraph holding only this tag is replaced by the tag (loops over paragraphs)
  {%tr ... %}        a table row holding this tag is replaced by the tag (loops over rows)
  {% vm %}           in a cell: merge the cell down over the rows of the innermost loop

Run:  .venv/bin/python templates/build_templates.py [--out-dir templates]
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from docx import Document
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.table import WD_ALIGN_VERTICAL, WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from tasks.files import save_stable  # noqa: E402  (the repository's writer toolbox)

FONT = "Times New Roman"
BLACK = RGBColor(0, 0, 0)
GREY = RGBColor(0x59, 0x59, 0x59)
HEADER_FILL = "D9D9D9"
LEFT, CENTER, RIGHT, JUSTIFY = (WD_ALIGN_PARAGRAPH.LEFT, WD_ALIGN_PARAGRAPH.CENTER,
                                WD_ALIGN_PARAGRAPH.RIGHT, WD_ALIGN_PARAGRAPH.JUSTIFY)
FIXED_TIME = datetime(2024, 1, 15, 8, 0, 0)  # zip and core dates: reruns give byte-identical files


@dataclass
class Col:
    """A table column: header text, width and alignment of its body cells."""

    title: str
    width: float
    align: int = LEFT


@dataclass
class Cell:
    """A body cell when it needs more than text: a span over columns, bold, its own alignment."""

    text: str
    span: int = 1
    bold: bool = False
    align: int | None = None


# --- document and styles -------------------------------------------------------------------------

def new_document(chapters: bool) -> Document:
    """An empty A4 portrait document with the house styles and a page number in the footer.

    With `chapters` (the LKIP) the first page is a cover: it gets an empty footer of its own.
    """
    doc = Document()
    section = doc.sections[0]
    set_page(section, landscape=False)
    setup_styles(doc, chapters)
    add_page_number(section)
    if chapters:
        section.different_first_page_header_footer = True
        section.first_page_footer.paragraphs[0].text = ""
    core = doc.core_properties
    core.author = core.last_modified_by = "templates/build_templates.py"
    core.comments = "Generated; edit build_templates.py, not this file"
    core.created = core.modified = FIXED_TIME
    core.revision = 1
    return doc


def set_page(section, landscape: bool) -> None:
    """A4, portrait (margins 3/2.5 cm) or landscape (2 cm)."""
    short, long_ = Cm(21), Cm(29.7)
    section.orientation = WD_ORIENT.LANDSCAPE if landscape else WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = (long_, short) if landscape else (short, long_)
    section.top_margin = section.bottom_margin = Cm(2 if landscape else 2.5)
    section.left_margin = Cm(2 if landscape else 3)
    section.right_margin = Cm(2 if landscape else 2.5)


def force_font(rpr, name: str) -> None:
    """Set one font on all scripts; theme fonts (Calibri in the default template) would win otherwise."""
    rfonts = rpr.get_or_add_rFonts()
    for attr in list(rfonts.attrib):
        del rfonts.attrib[attr]
    for attr in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        rfonts.set(qn(attr), name)


def style_font(style, size: float, bold: bool | None = None, color: RGBColor = BLACK) -> None:
    """Font, size, weight and a plain (non-theme) colour for a style."""
    rpr = style.element.get_or_add_rPr()
    force_font(rpr, FONT)
    for old in rpr.findall(qn("w:color")):
        rpr.remove(old)
    style.font.size = Pt(size)
    style.font.color.rgb = color
    if bold is not None:
        style.font.bold = bold


def set_defaults(doc) -> None:
    """Document defaults: Times New Roman, Indonesian proofing language."""
    rpr = doc.styles.element.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr"))
    force_font(rpr, FONT)
    lang = rpr.find(qn("w:lang"))
    if lang is None:
        lang = OxmlElement("w:lang")
        rpr.append(lang)
    lang.set(qn("w:val"), "id-ID")


def setup_styles(doc, chapters: bool) -> None:
    """Normal 12 pt at 1.5 lines; headings in black; the table, analysis and note styles."""
    set_defaults(doc)
    normal = doc.styles["Normal"]
    style_font(normal, 12)
    normal.paragraph_format.line_spacing = 1.5
    normal.paragraph_format.space_after = Pt(6)
    heading_sizes = {"Heading 1": 14 if chapters else 12, "Heading 2": 12, "Heading 3": 12}
    for name, size in heading_sizes.items():
        style = doc.styles[name]
        style_font(style, size, bold=True)
        style.font.italic = False
        style.paragraph_format.space_before = Pt(12)
        style.paragraph_format.space_after = Pt(6)
    h1 = doc.styles["Heading 1"].paragraph_format
    h1.alignment = CENTER if chapters else LEFT
    h1.page_break_before = chapters  # every chapter starts a page; no manual page breaks needed
    for name in ("Title", "TOC Heading", "Caption"):
        style_font(doc.styles[name], 14 if name != "Caption" else 11, bold=name != "Caption")
    title_ppr = doc.styles["Title"].element.pPr
    for border in title_ppr.findall(qn("w:pBdr")) if title_ppr is not None else []:
        title_ppr.remove(border)  # the default Title has a blue rule under it
    add_paragraph_style(doc, "Isi Tabel", size=10, spacing=1.0, after=0)
    add_paragraph_style(doc, "Isi Tabel Kecil", size=8, spacing=1.0, after=0)
    add_paragraph_style(doc, "Judul Indikator", size=12, bold=True, before=12, keep_next=True)
    add_paragraph_style(doc, "Butir Analisis", size=12, left=0.75, hanging=0.75)
    add_paragraph_style(doc, "Butir Aktivitas", size=12, left=1.5, hanging=0.5, after=0)
    add_paragraph_style(doc, "Catatan Sumber", size=9, spacing=1.0, color=GREY)
    add_paragraph_style(doc, "Tanda Tangan", size=12, spacing=1.0, after=0, left=8.5, align=CENTER)


def add_paragraph_style(doc, name: str, *, size: float, bold: bool = False, spacing: float = 1.5,
                        before: float = 0, after: float = 6, left: float = 0, hanging: float = 0,
                        keep_next: bool = False, color: RGBColor = BLACK, align=None) -> None:
    """A paragraph style based on Normal, so offices can restyle it in Word in one place."""
    style = doc.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
    style.base_style = doc.styles["Normal"]
    style.quick_style = True
    style_font(style, size, bold=bold, color=color)
    fmt = style.paragraph_format
    fmt.line_spacing, fmt.space_before, fmt.space_after = spacing, Pt(before), Pt(after)
    fmt.left_indent, fmt.first_line_indent = Cm(left), Cm(-hanging)
    fmt.keep_with_next = keep_next
    if align is not None:
        fmt.alignment = align


# --- fields and settings -------------------------------------------------------------------------

def add_field(paragraph, instruction: str, placeholder: str = "") -> None:
    """A complex field (begin, instruction, separate, shown result, end) that Word updates."""
    def fld_char(kind: str):
        el = OxmlElement("w:fldChar")
        el.set(qn("w:fldCharType"), kind)
        return el

    paragraph.add_run()._r.append(fld_char("begin"))
    instr = OxmlElement("w:instrText")
    instr.set(qn("xml:space"), "preserve")
    instr.text = f" {instruction} "
    paragraph.add_run()._r.append(instr)
    paragraph.add_run()._r.append(fld_char("separate"))
    paragraph.add_run(placeholder)
    paragraph.add_run()._r.append(fld_char("end"))


def add_page_number(section) -> None:
    """Centered PAGE field in the footer (later sections inherit it)."""
    paragraph = section.footer.paragraphs[0]
    paragraph.alignment = CENTER
    add_field(paragraph, "PAGE", "1")


# Children of w:settings that must follow w:updateFields (ECMA-376 order); it goes before the first.
_AFTER_UPDATE_FIELDS = ("hdrShapeDefaults", "footnotePr", "endnotePr", "compat", "docVars", "rsids",
                        "mathPr", "attachedSchema", "themeFontLang", "clrSchemeMapping",
                        "doNotIncludeSubdocsInStats", "doNotAutoCompressPictures", "forceUpgrade", "captions",
                        "readModeInkLockDown", "smartTagType", "schemaLibrary", "shapeDefaults",
                        "doNotEmbedSmartTags", "decimalSymbol", "listSeparator")


def enable_update_fields(doc) -> None:
    """w:updateFields so Word refreshes the TOC and page numbers when the report is opened."""
    settings = doc.settings.element
    flag = OxmlElement("w:updateFields")
    flag.set(qn("w:val"), "true")
    later = [settings.find(qn(f"w:{tag}")) for tag in _AFTER_UPDATE_FIELDS]
    later = [el for el in later if el is not None]
    if later:
        min(later, key=settings.index).addprevious(flag)
    else:
        settings.append(flag)


# --- paragraphs ----------------------------------------------------------------------------------

def para(doc, text: str = "", style: str | None = None, align=None, bold: bool = False,
         size: float | None = None, underline: bool = False):
    """One paragraph holding one run of text."""
    paragraph = doc.add_paragraph(style=style)
    if text:
        run = paragraph.add_run(text)
        run.bold = bold or None
        run.underline = underline or None
        if size:
            run.font.size = Pt(size)
    if align is not None:
        paragraph.alignment = align
    return paragraph


def labelled(doc, label: str, text: str, style: str):
    """A paragraph whose first words are bold: '1)<tab>Label: text'."""
    paragraph = doc.add_paragraph(style=style)
    paragraph.add_run(label).bold = True
    paragraph.add_run(text)
    paragraph.alignment = JUSTIFY
    return paragraph


def tag(doc, text: str) -> None:
    """A paragraph that holds only a {%p ... %} tag; docxtpl removes the paragraph itself."""
    doc.add_paragraph(text)


def loop_paragraphs(doc, items: str, style: str | None = None) -> None:
    """One justified paragraph per string of the list `items`."""
    tag(doc, f"{{%p for p in {items} %}}")
    para(doc, "{{ p }}", style=style, align=JUSTIFY)
    tag(doc, "{%p endfor %}")


def figure(doc, image: str, caption: str) -> None:
    """A chart (the renderer turns the Gambar into an InlineImage) and its fixed caption."""
    para(doc, f"{{{{ {image} }}}}", align=CENTER)
    para(doc, caption, style="Caption", align=CENTER)


def table_title(doc, text: str) -> None:
    para(doc, text, style="Caption", align=CENTER)


def signature(doc) -> None:
    """Place and date, office, three blank lines, name and NIP (NIP only when the signer has one)."""
    para(doc)
    para(doc, "{{ kota_tanggal }}", style="Tanda Tangan")
    para(doc, "{{ penandatangan.jabatan_upper }}", style="Tanda Tangan", bold=True)
    for _ in range(3):
        para(doc, style="Tanda Tangan")
    para(doc, "{{ penandatangan.nama }}", style="Tanda Tangan", bold=True, underline=True)
    tag(doc, "{%p if penandatangan.nip %}")
    para(doc, "{{ penandatangan.nip }}", style="Tanda Tangan")
    tag(doc, "{%p endif %}")


# --- tables --------------------------------------------------------------------------------------

def add_table(doc, cols: list[Col], rows: list, *, header: list[list] | None = None,
              merge_down: tuple[int, ...] = (), small: bool = False):
    """A bordered table: header rows (repeated on every page), then body rows.

    A body row is either a string (a {%tr ... %} tag; docxtpl replaces the whole row with it) or a
    list of cell texts / Cell objects. `merge_down` lists header columns merged over all header rows.
    """
    header = header or [[c.title for c in cols]]
    table = doc.add_table(rows=0, cols=len(cols))
    table.style = doc.styles["Table Grid"]
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    for grid_col, col in zip(table._tbl.tblGrid.gridCol_lst, cols, strict=True):
        grid_col.w = Cm(col.width)  # LibreOffice reads the grid, Word the cell widths: set both
    style = "Isi Tabel Kecil" if small else "Isi Tabel"
    for spec in header:
        row = fill_row(table, cols, spec, style, bold=True, align=CENTER)
        mark_header(row)
    for col in merge_down:
        table.cell(0, col).merge(table.cell(len(header) - 1, col))
    for spec in rows:
        fill_row(table, cols, [spec] if isinstance(spec, str) else spec, style)
    return table


def fill_row(table, cols: list[Col], spec: list, style: str, bold: bool = False, align=None):
    """Add one row: set every column width, merge spans, write the texts."""
    row = table.add_row()
    for cell, col in zip(row.cells, cols, strict=True):
        cell.width = Cm(col.width)
    index = 0
    for item in spec:
        item = item if isinstance(item, Cell) else Cell(item)
        cell = row.cells[index]
        if item.span > 1:
            cell = cell.merge(row.cells[index + item.span - 1])
        paragraph = cell.paragraphs[0]
        paragraph.style = table.part.document.styles[style]
        paragraph.alignment = item.align if item.align is not None else (align or cols[index].align)
        if item.text:
            paragraph.add_run(item.text).bold = (bold or item.bold) or None
        index += item.span
    return row


def mark_header(row) -> None:
    """Repeat the row at the top of every page, shade it, never split it."""
    tr_pr = row._tr.get_or_add_trPr()
    for name in ("w:cantSplit", "w:tblHeader"):
        el = OxmlElement(name)
        el.set(qn("w:val"), "true")
        tr_pr.append(el)
    for cell in row.cells:
        shade(cell, HEADER_FILL)
        cell.vertical_alignment = WD_ALIGN_VERTICAL.CENTER


def shade(cell, fill: str) -> None:
    shd = OxmlElement("w:shd")
    shd.set(qn("w:val"), "clear")
    shd.set(qn("w:color"), "auto")
    shd.set(qn("w:fill"), fill)
    cell._tc.get_or_add_tcPr().append(shd)


# --- the LKIP ------------------------------------------------------------------------------------

def lkip_cover(doc) -> None:
    """Title, office, address and year, centered; the next Heading 1 starts a new page."""
    para(doc, size=12).paragraph_format.space_before = Cm(5)
    para(doc, "{{ judul }}", style="Title", align=CENTER)
    para(doc).paragraph_format.space_before = Cm(6)
    para(doc, "{{ satker.nama_upper }}", align=CENTER, bold=True, size=14)
    para(doc, "{{ satker.alamat }}", align=CENTER)
    para(doc, "{{ tahun }}", align=CENTER, bold=True, size=14)


def lkip_kata_pengantar(doc) -> None:
    doc.add_heading("KATA PENGANTAR", level=1)
    loop_paragraphs(doc, "narasi.kata_pengantar")
    signature(doc)


def lkip_ikhtisar(doc) -> None:
    """The summary sentence, the count per rating band, the capaian chart."""
    doc.add_heading("IKHTISAR EKSEKUTIF", level=1)
    para(doc, "Pada tahun {{ tahun }}, {{ satker.nama }} menetapkan {{ ringkasan.jumlah_indikator }} indikator "
              "kinerja dalam Perjanjian Kinerja. Sebanyak {{ ringkasan.tercapai }} indikator tercapai, "
              "{{ ringkasan.belum_tercapai }} indikator belum tercapai, dan {{ ringkasan.belum_dilaporkan }} "
              "indikator belum dilaporkan, dengan rata-rata capaian {{ ringkasan.rata_capaian }}.", align=JUSTIFY)
    para(doc, "Serapan anggaran mencapai {{ ringkasan.serapan }} dari pagu, dan kepatuhan pelaksanaan jadwal "
              "Rencana Aksi Kinerja sebesar {{ ringkasan.kepatuhan }}.", align=JUSTIFY)
    table_title(doc, "Tabel 1. Jumlah indikator per kategori capaian")
    add_table(doc, [Col("Kategori", 9), Col("Jumlah Indikator", 4, CENTER)], [
        "{%tr for k in ringkasan.kategori %}",
        ["{{ k.label }}", "{{ k.jumlah }}"],
        "{%tr endfor %}",
        [Cell("Jumlah", bold=True), Cell("{{ ringkasan.jumlah_indikator }}", bold=True)],
    ])
    tag(doc, "{%p if dengan_grafik %}")
    figure(doc, "grafik_capaian", "Grafik 1. Capaian kinerja per indikator")
    tag(doc, "{%p endif %}")


def lkip_daftar_isi(doc) -> None:
    """A real TOC field over Heading 1-3; settings.xml asks Word to refresh it on opening."""
    para(doc, "DAFTAR ISI", style="TOC Heading", align=CENTER).paragraph_format.page_break_before = True
    add_field(doc.add_paragraph(), 'TOC \\o "1-3" \\h \\z \\u',
              "Daftar isi diperbarui saat dokumen dibuka di Word (atau klik kanan > Update Field).")


def lkip_bab_1(doc) -> None:
    doc.add_heading("BAB I PENDAHULUAN", level=1)
    for title, items in (("A. Organisasi", "narasi.organisasi"), ("B. Tugas dan Fungsi", "narasi.tugas_fungsi"),
                         ("C. Struktur Organisasi", "narasi.struktur"), ("D. Isu Strategis", "narasi.isu_strategis")):
        doc.add_heading(title, level=2)
        loop_paragraphs(doc, items)


def pk_table(doc, small: bool = False) -> None:
    """The Perjanjian Kinerja: one row per indicator, No and Kegiatan merged down per kegiatan ({% vm %})."""
    widths = (1.0, 5.0, 6.5, 3.0) if not small else (1.2, 8.0, 12.0, 4.5)
    cols = [Col("No", widths[0], CENTER), Col("Sasaran/Kegiatan", widths[1]),
            Col("Indikator Kinerja", widths[2]), Col("Target", widths[3], CENTER)]
    add_table(doc, cols, [
        "{%tr for k in kegiatan %}",
        "{%tr for i in k.indikator %}",
        ["{% vm %}{{ k.no }}", "{% vm %}{{ k.nama }}", "{{ i.nama }}", "{{ i.target }}"],
        "{%tr endfor %}",
        "{%tr endfor %}",
    ], small=small)


def lkip_bab_2(doc) -> None:
    doc.add_heading("BAB II PERENCANAAN KINERJA", level=1)
    doc.add_heading("A. Rencana Strategis", level=2)
    loop_paragraphs(doc, "narasi.renstra")
    doc.add_heading("B. Perjanjian Kinerja", level=2)
    para(doc, "Perjanjian Kinerja {{ satker.nama }} Tahun {{ tahun }} memuat indikator kinerja dan target "
              "sebagai berikut.", align=JUSTIFY)
    table_title(doc, "Tabel 2. Perjanjian Kinerja Tahun {{ tahun }}")
    pk_table(doc)


def capaian_table(doc) -> None:
    cols = [Col("No", 1.0, CENTER), Col("Indikator Kinerja", 6.0), Col("Target", 2.2, CENTER),
            Col("Realisasi", 2.2, CENTER), Col("Capaian", 2.0, CENTER), Col("Kategori", 2.1, CENTER)]
    add_table(doc, cols, [
        "{%tr for i in indikator %}",
        ["{{ i.no }}", "{{ i.nama }}", "{{ i.target }}", "{{ i.realisasi }}", "{{ i.capaian }}", "{{ i.kategori }}"],
        "{%tr endfor %}",
    ])


def indicator_analysis(doc) -> None:
    """Per indicator, the seven points of PermenPAN-RB 53/2014, then where the figures came from."""
    tag(doc, "{%p for i in indikator %}")
    para(doc, "{{ i.no }}. {{ i.nama }}", style="Judul Indikator")
    points = [
        ("1)\tPerbandingan target dan realisasi: ", "{{ i.analisis.target_vs_realisasi }}"),
        ("2)\tPerbandingan dengan tahun lalu dan tahun-tahun sebelumnya: ", "{{ i.analisis.vs_tahun_lalu }}"),
        ("3)\tPerbandingan dengan target jangka menengah (Renstra): ", "{{ i.analisis.vs_renstra }}"),
        ("4)\tPerbandingan dengan standar nasional: ", "{{ i.analisis.vs_standar_nasional }}"),
        ("5)\tPenyebab keberhasilan/kegagalan: ",
         "{{ i.analisis.penyebab }} Upaya yang dilakukan: {{ i.analisis.upaya }}"),
        ("6)\tEfisiensi penggunaan sumber daya: ", "{{ i.analisis.efisiensi }}"),
        ("7)\tKegiatan yang menunjang pencapaian: ", ""),
    ]
    for label, text in points:
        labelled(doc, label, text, "Butir Analisis")
    tag(doc, "{%p for a in i.analisis.aktivitas %}")
    para(doc, "–\t{{ a }}", style="Butir Aktivitas")
    tag(doc, "{%p endfor %}")
    para(doc, "Sumber data: {{ i.sumber }}", style="Catatan Sumber")
    tag(doc, "{%p endfor %}")


def anggaran_table(doc) -> None:
    # Money columns wide enough for "Rp30.050.000.000,00" on one line at 10 pt.
    cols = [Col("Kegiatan", 4.3), Col("Sumber Dana", 1.6, CENTER), Col("Pagu", 3.9, RIGHT),
            Col("Realisasi", 3.9, RIGHT), Col("Serapan", 1.8, CENTER)]
    add_table(doc, cols, [
        "{%tr for a in anggaran %}",
        ["{{ a.kegiatan }}", "{{ a.sumber_dana }}", "{{ a.pagu }}", "{{ a.realisasi }}", "{{ a.serapan }}"],
        "{%tr endfor %}",
        [Cell("Jumlah", span=2, bold=True, align=CENTER), Cell("{{ anggaran_total.pagu }}", bold=True),
         Cell("{{ anggaran_total.realisasi }}", bold=True), Cell("{{ anggaran_total.serapan }}", bold=True)],
    ])


def lkip_bab_3(doc) -> None:
    doc.add_heading("BAB III AKUNTABILITAS KINERJA", level=1)
    doc.add_heading("A. Capaian Kinerja Organisasi", level=2)
    para(doc, "Capaian indikator kinerja {{ satker.nama }} Tahun {{ tahun }} disajikan pada tabel berikut, "
              "kemudian diuraikan per indikator.", align=JUSTIFY)
    table_title(doc, "Tabel 3. Capaian indikator kinerja Tahun {{ tahun }}")
    capaian_table(doc)
    indicator_analysis(doc)
    doc.add_heading("B. Realisasi Anggaran", level=2)
    table_title(doc, "Tabel 4. Realisasi anggaran per kegiatan Tahun {{ tahun }}")
    anggaran_table(doc)
    tag(doc, "{%p if dengan_grafik %}")
    figure(doc, "grafik_anggaran", "Grafik 2. Realisasi anggaran terhadap RPD (kumulatif per bulan)")
    figure(doc, "grafik_jadwal", "Grafik 3. Kepatuhan pelaksanaan jadwal Rencana Aksi per bulan")
    tag(doc, "{%p endif %}")


def lkip_bab_4(doc) -> None:
    doc.add_heading("BAB IV PENUTUP", level=1)
    doc.add_heading("A. Kesimpulan", level=2)
    loop_paragraphs(doc, "narasi.kesimpulan")
    doc.add_heading("B. Langkah ke Depan", level=2)
    loop_paragraphs(doc, "narasi.langkah")


def rak_table(doc) -> None:
    """The RAK as printed: two header rows, "Rencana Pelaksanaan" over the twelve months."""
    month = 0.95  # "Jan".."Des" on one line at 8 pt, cell margins included
    cols = ([Col("Kegiatan", 2.8), Col("Indikator Kinerja", 3.7), Col("Target", 1.5, CENTER),
             Col("Kegiatan yang dilaksanakan", 4.2)]
            + [Col(f"{{{{ bulan_singkat[{m}] }}}}", month, CENTER) for m in range(12)]
            + [Col("Pelaksana", 2.1)])
    first = ["Kegiatan", "Indikator Kinerja", "Target", "Kegiatan yang dilaksanakan",
             Cell("Rencana Pelaksanaan", span=12), "Pelaksana"]
    second = [""] * 4 + [c.title for c in cols[4:16]] + [""]
    add_table(doc, cols, [
        "{%tr for r in rak %}",
        ["{{ r.kegiatan }}", "{{ r.indikator }}", "{{ r.target }}", "{{ r.aktivitas }}"]
        + [f"{{{{ r.bulan[{m}] }}}}" for m in range(12)] + ["{{ r.pelaksana }}"],
        "{%tr endfor %}",
    ], header=[first, second], merge_down=(0, 1, 2, 3, 16), small=True)


def triwulan_table(doc) -> None:
    """Capaian per quarter: one row per indicator and quarter, the indicator merged down ({% vm %})."""
    cols = [Col("No", 1.0, CENTER), Col("Indikator Kinerja", 10.7), Col("Triwulan", 2.0, CENTER),
            Col("Target", 2.8, CENTER), Col("Realisasi s.d. Triwulan", 3.0, CENTER),
            Col("Capaian", 2.4, CENTER), Col("Status", 3.8, CENTER)]
    add_table(doc, cols, [
        "{%tr for i in indikator %}",
        "{%tr for t in i.per_triwulan %}",
        ["{% vm %}{{ i.no }}", "{% vm %}{{ i.nama }}", "TW {{ t.tw }}", "{{ t.target }}", "{{ t.realisasi }}",
         "{{ t.capaian }}", "{{ t.status }}"],
        "{%tr endfor %}",
        "{%tr endfor %}",
    ], small=True)


def lkip_lampiran(doc) -> None:
    """A landscape section: PK, RAK, capaian per quarter, each starting a page."""
    section = doc.add_section(WD_SECTION.NEW_PAGE)
    set_page(section, landscape=True)
    section.different_first_page_header_footer = False  # the copied cover setting would hide page numbers
    doc.add_heading("LAMPIRAN 1 PERJANJIAN KINERJA TAHUN {{ tahun }}", level=1)
    pk_table(doc, small=True)
    doc.add_heading("LAMPIRAN 2 RENCANA AKSI KINERJA TAHUN {{ tahun }}", level=1)
    rak_table(doc)
    doc.add_heading("LAMPIRAN 3 CAPAIAN KINERJA PER TRIWULAN TAHUN {{ tahun }}", level=1)
    triwulan_table(doc)


def build_lkip(path: Path) -> Path:
    """The annual report template (LkipContext)."""
    doc = new_document(chapters=True)
    for part in (lkip_cover, lkip_kata_pengantar, lkip_ikhtisar, lkip_daftar_isi, lkip_bab_1, lkip_bab_2,
                 lkip_bab_3, lkip_bab_4, lkip_lampiran):
        part(doc)
    enable_update_fields(doc)
    return save_stable(path, doc.save, date=FIXED_TIME.timetuple()[:6])


# --- the monthly report --------------------------------------------------------------------------

def bulanan_ringkasan(doc) -> None:
    doc.add_heading("1. Ringkasan", level=1)
    rows = [("Aktivitas yang direncanakan bulan {{ bulan }}", "{{ ringkasan.direncanakan }}"),
            ("Selesai", "{{ ringkasan.selesai }}"),
            ("Dalam proses", "{{ ringkasan.dalam_proses }}"),
            ("Terlambat", "{{ ringkasan.terlambat }}"),
            ("Kepatuhan jadwal s.d. bulan {{ bulan }}", "{{ ringkasan.kepatuhan }}"),
            ("Serapan anggaran terhadap pagu", "{{ ringkasan.serapan }}"),
            ("Realisasi anggaran s.d. bulan {{ bulan }}", "{{ ringkasan.realisasi_sd }}"),
            ("Rencana penarikan dana (RPD) s.d. bulan {{ bulan }}", "{{ ringkasan.rpd_sd }}"),
            ("Deviasi realisasi terhadap RPD", "{{ ringkasan.deviasi }}")]
    add_table(doc, [Col("Uraian", 10), Col("Nilai", 5.5, RIGHT)], [list(r) for r in rows])


def either_table(doc, items: str, build, empty_text: str) -> None:
    """The table when the list has rows, otherwise one sentence saying there are none."""
    tag(doc, f"{{%p if {items} %}}")
    build(doc)
    tag(doc, "{%p else %}")
    para(doc, empty_text)
    tag(doc, "{%p endif %}")


def aktivitas_table(doc, items: str = "aktivitas", with_pelaksana: bool = True) -> None:
    cols = [Col("Kode", 2.4), Col("Aktivitas", 5.6 if with_pelaksana else 8.0),
            Col("Pelaksana", 2.4), Col("Status", 2.2, CENTER), Col("Keterangan", 2.9 if with_pelaksana else 3.0)]
    cells = ["{{ a.kode }}", "{{ a.nama }}", "{{ a.pelaksana }}", "{{ a.status }}", "{{ a.keterangan }}"]
    if not with_pelaksana:
        del cols[2], cells[2]
        cols[1].width += 2.3
    add_table(doc, cols, [f"{{%tr for a in {items} %}}", cells, "{%tr endfor %}"])


def terlambat_table(doc) -> None:
    cols = [Col("Kode", 2.3), Col("Aktivitas", 4.2), Col("Pelaksana", 2.3), Col("Bulan Rencana", 2.2, CENTER),
            Col("Status", 1.9, CENTER), Col("Keterangan", 2.6)]
    add_table(doc, cols, [
        "{%tr for t in terlambat %}",
        ["{{ t.kode }}", "{{ t.nama }}", "{{ t.pelaksana }}", "{{ t.bulan_rencana }}", "{{ t.status }}",
         "{{ t.keterangan }}"],
        "{%tr endfor %}",
    ])


def indikator_bulan_table(doc) -> None:
    cols = [Col("Kode", 2.0), Col("Indikator Kinerja", 5.5), Col("Target", 2.0, CENTER),
            Col("Realisasi", 2.0, CENTER), Col("Capaian", 1.8, CENTER), Col("Status", 2.2, CENTER)]
    add_table(doc, cols, [
        "{%tr for i in indikator %}",
        ["{{ i.kode }}", "{{ i.nama }}", "{{ i.target }}", "{{ i.realisasi }}", "{{ i.capaian }}", "{{ i.status }}"],
        "{%tr endfor %}",
    ])


def anggaran_bulan_table(doc) -> None:
    # Pagu is left out here (serapan already uses it) so the money columns fit one line at 8 pt.
    cols = [Col("Kegiatan", 3.2), Col("Sumber", 1.5, CENTER), Col("RPD s.d.", 3.1, RIGHT),
            Col("Realisasi s.d.", 3.1, RIGHT), Col("Serapan", 1.5, CENTER), Col("Deviasi", 3.1, RIGHT)]
    fields = ("rpd", "realisasi", "serapan", "deviasi")
    add_table(doc, cols, [
        "{%tr for a in anggaran %}",
        ["{{ a.kegiatan }}", "{{ a.sumber_dana }}"] + [f"{{{{ a.{f} }}}}" for f in fields],
        "{%tr endfor %}",
        [Cell("Jumlah", span=2, bold=True, align=CENTER)]
        + [Cell(f"{{{{ anggaran_total.{f} }}}}", bold=True) for f in fields],
    ], small=True)


def kendala_table(doc) -> None:
    cols = [Col("Indikator", 5.0), Col("Kendala", 5.25), Col("Upaya/Tindak Lanjut", 5.25)]
    add_table(doc, cols, [
        "{%tr for k in kendala %}",
        ["{{ k.indikator }}", "{{ k.kendala }}", "{{ k.upaya }}"],
        "{%tr endfor %}",
    ])


def bulanan_per_pelaksana(doc) -> None:
    doc.add_heading("7. Pelaksanaan per Sub Bagian", level=1)
    tag(doc, "{%p for u in per_pelaksana %}")
    doc.add_heading("{{ u.pelaksana }}", level=2)
    para(doc, "Sampai dengan bulan {{ bulan }} direncanakan {{ u.rencana }} jadwal aktivitas; {{ u.selesai }} "
              "selesai dan {{ u.terlambat }} terlambat. Kepatuhan jadwal: {{ u.kepatuhan }}.", align=JUSTIFY)
    either_table(doc, "u.aktivitas", lambda d: aktivitas_table(d, "u.aktivitas", with_pelaksana=False),
                 "Tidak ada aktivitas sub bagian ini yang direncanakan bulan {{ bulan }}.")
    tag(doc, "{%p endfor %}")


def build_bulanan(path: Path) -> Path:
    """The monthly progress report template (BulananContext)."""
    doc = new_document(chapters=False)
    para(doc, "{{ judul }}", style="Title", align=CENTER)
    para(doc, "{{ satker.nama_upper }}", align=CENTER, bold=True)
    para(doc, "{{ satker.alamat }}", align=CENTER)
    bulanan_ringkasan(doc)
    doc.add_heading("2. Aktivitas Bulan {{ bulan }}", level=1)
    either_table(doc, "aktivitas", aktivitas_table, "Tidak ada aktivitas yang direncanakan bulan ini.")
    doc.add_heading("3. Aktivitas Terlambat", level=1)
    either_table(doc, "terlambat", terlambat_table, "Tidak ada aktivitas yang terlambat.")
    doc.add_heading("4. Realisasi Indikator s.d. Bulan {{ bulan }}", level=1)
    para(doc, "{{ sumber_indikator }}")
    indikator_bulan_table(doc)
    doc.add_heading("5. Anggaran", level=1)
    anggaran_bulan_table(doc)
    tag(doc, "{%p if dengan_grafik %}")
    figure(doc, "grafik_anggaran", "Grafik 1. Realisasi anggaran terhadap RPD")
    figure(doc, "grafik_jadwal", "Grafik 2. Kepatuhan pelaksanaan jadwal Rencana Aksi per bulan")
    tag(doc, "{%p endif %}")
    doc.add_heading("6. Kendala dan Tindak Lanjut", level=1)
    either_table(doc, "kendala", kendala_table, "Tidak ada kendala yang dilaporkan.")
    bulanan_per_pelaksana(doc)
    signature(doc)
    return save_stable(path, doc.save, date=FIXED_TIME.timetuple()[:6])


# --- the placeholder chart -----------------------------------------------------------------------

def build_placeholder_chart(path: Path) -> Path:
    """A small bar chart standing in for every Gambar of the sample contexts."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    labels, values = ["K01.I01", "K02.I02", "K05.I01"], [100.0, 90.0, 60.0]
    fig, ax = plt.subplots(figsize=(6, 3), dpi=100)
    ax.bar(labels, values, color=["#2e7d32", "#f9a825", "#c62828"])
    ax.axhline(100, color="grey", linewidth=0.8, linestyle="--")
    ax.set_ylim(0, 110)
    ax.set_ylabel("Capaian (%)")
    ax.set_title("Contoh grafik (placeholder)")
    fig.tight_layout()
    fig.savefig(path, metadata={"Software": None})
    plt.close(fig)
    return path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out-dir", type=Path, default=HERE, help="folder to write into (default: %(default)s)")
    parser.add_argument("--no-chart", action="store_true", help="do not (re)write contoh-grafik.png")
    args = parser.parse_args(argv)
    args.out_dir.mkdir(parents=True, exist_ok=True)
    written = [build_lkip(args.out_dir / "lkip.docx"), build_bulanan(args.out_dir / "bulanan.docx")]
    if not args.no_chart:
        written.append(build_placeholder_chart(args.out_dir / "contoh-grafik.png"))
    for path in written:
        print(path)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
