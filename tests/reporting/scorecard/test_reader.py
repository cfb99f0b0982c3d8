"""read_docx: what a reader sees, in document order, whatever the template's internals."""

from __future__ import annotations

from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn

from tasks.reporting.scorecard.reader import read_docx
from tests.reporting.scorecard.docs import build, h, p, table, toc


def test_paragraphs_and_table_cells_are_read_in_document_order(tmp_path):
    path = build([h(1, "BAB I"), p("sebelum"), table([["a", "b"], ["c", "d\ne"]]), p("sesudah")], tmp_path / "d.docx")
    naskah = read_docx(path)
    assert [x.text for x in naskah.paragraf] == ["BAB I", "sebelum", "a", "b", "c", "d", "e", "sesudah"]
    assert [x.table for x in naskah.paragraf] == [None, None, 0, 0, 0, 0, 0, None]
    assert naskah.tabel[0].rows == (("a", "b"), ("c", "d\ne"))
    assert (naskah.tabel[0].first, naskah.tabel[0].last) == (2, 6)


def test_heading_levels_by_name_localised_name_and_outline_level(tmp_path):
    doc = Document()
    doc.add_heading("Satu", level=1)
    doc.add_heading("Dua", level=2)
    judul = doc.styles.add_style("Judul 1", WD_STYLE_TYPE.PARAGRAPH)  # as a localised Word names it
    bab = doc.styles.add_style("Bab Kantor", WD_STYLE_TYPE.PARAGRAPH)  # the office's own, based on Heading 1
    bab.base_style = doc.styles["Heading 1"]
    sub = doc.styles.add_style("Sub Kantor", WD_STYLE_TYPE.PARAGRAPH)  # an outline level of its own
    sub.element.get_or_add_pPr().append(parse_xml(f'<w:outlineLvl {nsdecls("w")} w:val="2"/>'))
    doc.add_paragraph("Tiga", style=judul)
    doc.add_paragraph("Empat", style=bab)
    doc.add_paragraph("Lima", style=sub)
    direct = doc.add_paragraph("Enam")
    direct._p.get_or_add_pPr().append(parse_xml(f'<w:outlineLvl {nsdecls("w")} w:val="1"/>'))
    doc.add_paragraph("Tujuh")
    doc.add_paragraph("DAFTAR ISI", style="TOC Heading")
    doc.save(tmp_path / "d.docx")
    levels = {x.text: (x.style, x.level) for x in read_docx(tmp_path / "d.docx").paragraf}
    assert levels == {"Satu": ("heading 1", 1), "Dua": ("heading 2", 2), "Tiga": ("judul 1", 1),
                      "Empat": ("bab kantor", 1), "Lima": ("sub kantor", 3), "Enam": ("normal", 2),
                      "Tujuh": ("normal", None), "DAFTAR ISI": ("toc heading", None)}


def test_paragraph_properties_written_after_the_runs_are_still_read(tmp_path):
    """Word writes w:pPr first; another program may not: the style and outline level are read wherever
    the properties sit, and a paragraph's first pStyle is the one that counts."""
    doc = Document()
    late = doc.add_paragraph("Bab")
    ppr = parse_xml(f'<w:pPr {nsdecls("w")}><w:outlineLvl w:val="0"/><w:pStyle w:val="Heading2"/>'
                    '<w:pStyle w:val="Heading3"/></w:pPr>')
    late._p.append(ppr)  # after the run
    doc.add_heading("Dua", level=2)
    doc.save(tmp_path / "d.docx")
    read = {x.text: (x.style, x.level) for x in read_docx(tmp_path / "d.docx").paragraf}
    assert read == {"Bab": ("heading 2", 1), "Dua": ("heading 2", 2)}


def test_toc_field_results_are_read_and_marked(tmp_path):
    path = build([h(1, "KATA PENGANTAR"), toc([("BAB I PENDAHULUAN", "1"), ("BAB II PERENCANAAN", "3")]),
                  h(1, "BAB I PENDAHULUAN")], tmp_path / "d.docx")
    paragraphs = read_docx(path).paragraf
    assert [(x.text, x.toc) for x in paragraphs] == [("KATA PENGANTAR", False), ("BAB I PENDAHULUAN\t1", True),
                                                     ("BAB II PERENCANAAN\t3", True), ("BAB I PENDAHULUAN", False)]


def _sdt(inner: str) -> str:
    return f'<w:sdt {nsdecls("w")}><w:sdtPr/><w:sdtContent>{inner}</w:sdtContent></w:sdt>'


def test_content_controls_hyperlinks_and_fields_are_read(tmp_path):
    doc = Document()
    body = doc.element.body
    body.insert(0, parse_xml(_sdt("<w:p><w:r><w:t>dalam kontrol isi</w:t></w:r></w:p>")))
    para = doc.add_paragraph("awal ")
    para._p.append(parse_xml(f'<w:hyperlink {nsdecls("w")}><w:r><w:t>tautan</w:t></w:r></w:hyperlink>'))
    para._p.append(parse_xml(f'<w:fldSimple {nsdecls("w")} w:instr="PAGE"><w:r><w:t> 7</w:t></w:r></w:fldSimple>'))
    para._p.append(parse_xml(f'<w:r {nsdecls("w")}><w:tab/><w:t>sesudah tab</w:t><w:br/><w:t>baris</w:t></w:r>'))
    para._p.append(parse_xml(f'<w:del {nsdecls("w")}><w:r><w:delText>terhapus</w:delText></w:r></w:del>'))
    doc.save(tmp_path / "d.docx")
    texts = [x.text for x in read_docx(tmp_path / "d.docx").paragraf]
    assert texts == ["dalam kontrol isi", "awal tautan 7\tsesudah tab\nbaris"]


def test_a_toc_content_control_marks_its_entries(tmp_path):
    doc = Document()
    gallery = ('<w:sdt {ns}><w:sdtPr><w:docPartObj><w:docPartGallery w:val="Table of Contents"/></w:docPartObj>'
               '</w:sdtPr><w:sdtContent><w:p><w:r><w:t>BAB I PENDAHULUAN</w:t></w:r><w:r><w:tab/></w:r>'
               '<w:r><w:t>1</w:t></w:r></w:p></w:sdtContent></w:sdt>').format(ns=nsdecls("w"))
    doc.element.body.insert(0, parse_xml(gallery))
    doc.add_paragraph("BAB I PENDAHULUAN")
    doc.save(tmp_path / "d.docx")
    assert [(x.text, x.toc) for x in read_docx(tmp_path / "d.docx").paragraf] == [
        ("BAB I PENDAHULUAN\t1", True), ("BAB I PENDAHULUAN", False)]


def test_a_text_box_is_read_once_not_from_its_fallback_copy(tmp_path):
    doc = Document()
    para = doc.add_paragraph("di luar ")
    mc = ('<mc:AlternateContent xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" {ns}>'
          '<mc:Choice Requires="wps"><w:r><w:t>kotak</w:t></w:r></mc:Choice>'
          '<mc:Fallback><w:r><w:t>kotak</w:t></w:r></mc:Fallback></mc:AlternateContent>').format(ns=nsdecls("w"))
    para._p.append(parse_xml(mc))
    doc.save(tmp_path / "d.docx")
    assert [x.text for x in read_docx(tmp_path / "d.docx").paragraf] == ["di luar kotak"]


def test_row_flags_and_nested_tables(tmp_path):
    path = build([table([["h1", "h2"]] + [["a", "b"]] * 2), table([["x"]], cant_split=False, header=False)],
                 tmp_path / "d.docx")
    doc = Document(str(path))
    inner = doc.tables[0].cell(1, 0).add_table(rows=1, cols=1)
    inner.cell(0, 0).text = "bersarang"
    doc.save(str(path))
    naskah = read_docx(path)
    assert [(t.cant_split, t.header) for t in naskah.tabel] == [((True,) * 3, (True, False, False)),
                                                                ((False,), (False,))]
    assert naskah.tabel[0].rows[1] == ("a\nbersarang", "b")  # a nested table reads as its cell's text


def test_update_fields_setting_is_read(tmp_path):
    doc = Document()
    doc.add_paragraph("x")
    flag = OxmlElement("w:updateFields")
    flag.set(qn("w:val"), "true")
    doc.settings.element.append(flag)
    doc.save(tmp_path / "a.docx")
    assert read_docx(tmp_path / "a.docx").update_fields
    assert not read_docx(build([p("x")], tmp_path / "b.docx")).update_fields
