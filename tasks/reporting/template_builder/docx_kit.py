"""The building blocks of the bundled templates: an A4 document with the house styles, paragraphs,
docxtpl tags, bordered tables with repeated header rows, the signature block.

Tag kinds used (docxtpl):
  {{ x }}            print a value (already formatted by Python, see contracts/context.py)
  {%p ... %}         a paragraph holding only this tag is replaced by the tag (loops over paragraphs)
  {%tr ... %}        a table row holding this tag is replaced by the tag (loops over rows)
  {% vm %}           in a cell: merge the cell down over the rows of the innermost loop
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.table import WD_ALIGN_VERTICAL, WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_TAB_ALIGNMENT, WD_TAB_LEADER
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor

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
    style: str | None = None  # a paragraph style of its own ("Grup Tabel")


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
    core.author = core.last_modified_by = "tasks/reporting/template_builder"
    core.comments = "Generated; edit tasks/reporting/template_builder, not this file"
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
        style.paragraph_format.keep_with_next = True  # a heading never ends a page
    h1 = doc.styles["Heading 1"].paragraph_format
    h1.alignment = CENTER if chapters else LEFT
    h1.page_break_before = chapters  # every chapter starts a page; no manual page breaks needed
    for name in ("Title", "TOC Heading", "Caption"):
        style_font(doc.styles[name], 14 if name != "Caption" else 11, bold=name != "Caption")
    doc.styles["Caption"].paragraph_format.keep_with_next = True  # a table's title stays with the table
    title_ppr = doc.styles["Title"].element.pPr
    for border in title_ppr.findall(qn("w:pBdr")) if title_ppr is not None else []:
        title_ppr.remove(border)  # the default Title has a blue rule under it
    add_paragraph_style(doc, "Isi Tabel", size=10, spacing=1.0, after=0)
    add_paragraph_style(doc, "Isi Tabel Kecil", size=8, spacing=1.0, after=0)
    # A table's group row (a kegiatan over its indicators) stays on the page of the rows it heads.
    add_paragraph_style(doc, "Grup Tabel", size=10, bold=True, spacing=1.0, after=0, keep_next=True)
    add_paragraph_style(doc, "Grup Tabel Kecil", size=8, bold=True, spacing=1.0, after=0, keep_next=True)
    add_paragraph_style(doc, "Gambar", size=12, spacing=1.0, before=12, after=0, keep_next=True, align=CENTER)
    for level, left in ((1, 0.0), (2, 0.6), (3, 1.2)):
        add_paragraph_style(doc, f"toc {level}", size=12, spacing=1.15, after=2, left=left, bold=level == 1)
        doc.styles[f"toc {level}"].paragraph_format.tab_stops.add_tab_stop(
            Cm(15.5), WD_TAB_ALIGNMENT.RIGHT, WD_TAB_LEADER.DOTS)
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

def fld_char(kind: str):
    """A field character: "begin", "separate" or "end"."""
    el = OxmlElement("w:fldChar")
    el.set(qn("w:fldCharType"), kind)
    return el


def begin_field(paragraph, instruction: str) -> None:
    """A complex field's begin, instruction and separator; its shown result follows, then fld_char("end")."""
    paragraph.add_run()._r.append(fld_char("begin"))
    instr = OxmlElement("w:instrText")
    instr.set(qn("xml:space"), "preserve")
    instr.text = f" {instruction} "
    paragraph.add_run()._r.append(instr)
    paragraph.add_run()._r.append(fld_char("separate"))


def add_field(paragraph, instruction: str, placeholder: str = "") -> None:
    """A complex field (begin, instruction, separate, shown result, end) that Word updates."""
    begin_field(paragraph, instruction)
    paragraph.add_run(placeholder)
    paragraph.add_run()._r.append(fld_char("end"))


def number_pages(section, fmt: str = "decimal", start: int | None = None) -> None:
    """The section's page number format ("lowerRoman" for the front matter, "decimal") and, with
    `start`, the number its first page gets; without it numbering continues."""
    sect_pr = section._sectPr
    for old in sect_pr.findall(qn("w:pgNumType")):
        sect_pr.remove(old)
    el = OxmlElement("w:pgNumType")
    el.set(qn("w:fmt"), fmt)
    if start is not None:
        el.set(qn("w:start"), str(start))
    # CT_SectPr order: footnotePr, endnotePr, type, pgSz, pgMar, paperSrc, pgBorders, lnNumType, pgNumType, cols…
    later = [sect_pr.find(qn(f"w:{t}")) for t in ("cols", "formProt", "vAlign", "noEndnote", "titlePg",
                                                   "textDirection", "bidi", "rtlGutter", "docGrid")]
    later = [e for e in later if e is not None]
    if later:
        min(later, key=sect_pr.index).addprevious(el)
    else:
        sect_pr.append(el)


def add_page_number(section) -> None:
    """Centered PAGE field in the footer (later sections inherit it)."""
    paragraph = section.footer.paragraphs[0]
    paragraph.alignment = CENTER
    add_field(paragraph, "PAGE", "1")


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
    """A chart (the renderer turns the Gambar into an InlineImage) kept with its fixed caption."""
    para(doc, f"{{{{ {image} }}}}", style="Gambar")
    caption_para = para(doc, caption, style="Caption", align=CENTER)
    caption_para.paragraph_format.keep_with_next = False


def optional_figure(doc, image: str, caption: str) -> None:
    """A figure printed only when the run draws charts (`dengan_grafik`)."""
    tag(doc, "{%p if dengan_grafik %}")
    figure(doc, image, caption)
    tag(doc, "{%p endif %}")


def table_title(doc, text: str) -> None:
    para(doc, text, style="Caption", align=CENTER)


def signature(doc, prefix: str = "") -> None:
    """Place and date, office, three blank lines, name and NIP (NIP only when the signer has one);
    `prefix` names the record holding `kota_tanggal` and `penandatangan` ("reviu.")."""
    para(doc)
    para(doc, f"{{{{ {prefix}kota_tanggal }}}}", style="Tanda Tangan")
    para(doc, f"{{{{ {prefix}penandatangan.jabatan_upper }}}}", style="Tanda Tangan", bold=True)
    for _ in range(3):
        para(doc, style="Tanda Tangan")
    para(doc, f"{{{{ {prefix}penandatangan.nama }}}}", style="Tanda Tangan", bold=True, underline=True)
    tag(doc, f"{{%p if {prefix}penandatangan.nip %}}")
    para(doc, f"{{{{ {prefix}penandatangan.nip }}}}", style="Tanda Tangan")
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
        row = fill_row(table, cols, [spec] if isinstance(spec, str) else spec, style)
        if not isinstance(spec, str):
            cant_split(row)
    return table


def cant_split(row) -> None:
    """A row never breaks across pages (the loop rows docxtpl repeats keep the property)."""
    tr_pr = row._tr.get_or_add_trPr()
    if tr_pr.find(qn("w:cantSplit")) is None:
        el = OxmlElement("w:cantSplit")
        el.set(qn("w:val"), "true")
        tr_pr.append(el)


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
        paragraph.style = table.part.document.styles[item.style or style]
        paragraph.alignment = item.align if item.align is not None else (align or cols[index].align)
        if item.text:
            paragraph.add_run(item.text).bold = (bold or item.bold) or None
        index += item.span
    return row


def mark_header(row) -> None:
    """Repeat the row at the top of every page, shade it, never split it."""
    cant_split(row)
    el = OxmlElement("w:tblHeader")
    el.set(qn("w:val"), "true")
    row._tr.get_or_add_trPr().append(el)
    for cell in row.cells:
        shade(cell, HEADER_FILL)
        cell.vertical_alignment = WD_ALIGN_VERTICAL.CENTER


def shade(cell, fill: str) -> None:
    shd = OxmlElement("w:shd")
    shd.set(qn("w:val"), "clear")
    shd.set(qn("w:color"), "auto")
    shd.set(qn("w:fill"), fill)
    cell._tc.get_or_add_tcPr().append(shd)

