"""The bundled templates' larger pieces: two signature blocks side by side (the Perjanjian Kinerja)
and the table of contents field whose shown entries come from the context."""

from __future__ import annotations

from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt

from tasks.reporting.template_builder.docx_kit import CENTER, begin_field, cant_split, fld_char, para, tag


def no_borders(table) -> None:
    """A layout table (signature blocks): no grid lines."""
    tbl_pr = table._tbl.tblPr
    borders = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        el = OxmlElement(f"w:{edge}")
        el.set(qn("w:val"), "nil")
        borders.append(el)
    tbl_pr.append(borders)


def signature_pair(doc, left: str, right: str, width: float = 7.75) -> None:
    """Two signature blocks side by side (`left`, `right`: context names of Pihak entries), each with
    its party's title, office, space to sign, name and NIP."""
    table = doc.add_table(rows=1, cols=2)
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    no_borders(table)
    for grid_col in table._tbl.tblGrid.gridCol_lst:
        grid_col.w = Cm(width)
    for cell, who in zip(table.rows[0].cells, (left, right), strict=True):
        cell.width = Cm(width)
        signature_cell(doc, cell, f"{{{{ {who}.sebutan }}}},", who, first_bold=True)
    cant_split(table.rows[0])


def signature_cell(doc, cell, first: str, who: str, first_bold: bool = False) -> None:
    """One signature block in a table cell: `first` (a title, or place and date), the jabatan of the
    context entry `who`, space to sign, its name underlined and its NIP."""
    lines = [(first, first_bold, False), (f"{{{{ {who}.jabatan_upper }}}}", True, False),
             ("", False, False), ("", False, False), ("", False, False),
             (f"{{{{ {who}.nama }}}}", True, True), (f"{{{{ {who}.nip }}}}", False, False)]
    for n, (text, bold, underline) in enumerate(lines):
        paragraph = cell.paragraphs[0] if n == 0 else cell.add_paragraph()
        paragraph.style = doc.styles["Isi Tabel"]
        paragraph.alignment = CENTER
        if text:
            run = paragraph.add_run(text)
            run.bold = bold or None
            run.underline = underline or None


def toc_field(doc, entries: str) -> None:
    """A real TOC field over Heading 1-2 whose shown result is the context's entries (`entries`: a list
    of EntriDaftarIsi), each 'title<tab>page' in the toc 1/toc 2 style: filled when the report is
    made, and Word can still refresh it (right click > Update Field)."""
    begin = doc.add_paragraph(style="toc 1")
    begin_field(begin, 'TOC \\o "1-2" \\h \\z \\u')
    tag(doc, f"{{%p for e in {entries} %}}")
    tag(doc, '{%p if e.tingkat == "1" %}')
    para(doc, "{{ e.judul }}\t{{ e.halaman }}", style="toc 1")
    tag(doc, "{%p else %}")
    para(doc, "{{ e.judul }}\t{{ e.halaman }}", style="toc 2")
    tag(doc, "{%p endif %}")
    tag(doc, "{%p endfor %}")
    end = doc.add_paragraph(style="toc 1")
    end.add_run()._r.append(fld_char("end"))
    for marker in (begin, end):  # the field's first and last paragraphs hold no text: take no room
        marker.paragraph_format.line_spacing = Pt(1)
        marker.paragraph_format.space_after = Pt(0)
