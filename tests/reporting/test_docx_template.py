"""docxtpl's internals as overridden in tasks/reporting/docx_template.py give docxtpl's own results."""

from __future__ import annotations

import pytest

W_NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def test_listing_rewrite_only_where_needed_gives_docxtpls_result():
    """Paragraphs without \\t, \\a, \\n or \\f are skipped; the others are rewritten exactly as docxtpl does."""
    from docxtpl import DocxTemplate

    from tasks.reporting.docx_template import FastTemplate as _Template

    xml = ('<?xml version="1.0"?>\n<w:body><w:p><w:pPr><w:jc w:val="left"/></w:pPr><w:r><w:rPr><w:b/></w:rPr>'
           '<w:t>satu\ndua\ttiga\a empat\flima</w:t></w:r></w:p><w:p><w:r><w:t>biasa</w:t></w:r></w:p>'
           '<w:p>\n  <w:r>\n<w:drawing/></w:r></w:p><w:tbl><w:tr><w:tc><w:p><w:r><w:t>x\ny</w:t></w:r></w:p>'
           '</w:tc></w:tr></w:tbl></w:body>')
    assert _Template.resolve_listing(None, xml) == DocxTemplate.resolve_listing(None, xml)
    assert "<w:br/>" in _Template.resolve_listing(None, xml)


@pytest.mark.parametrize("xml", [
    '<w:body><w:p>\n  <w:r>\n<w:drawing>\n<a:x/>\n</w:drawing></w:r></w:p><w:p><w:r><w:t>a</w:t></w:r></w:p></w:body>',
    '<w:body><w:p><w:r><w:t xml:space="preserve">a\tb</w:t></w:r></w:p>\n<w:p><w:r><w:t/></w:r></w:p></w:body>',
    '<w:body><w:p><w:r><w:t>a</w:t><w:tab/></w:r></w:p>\n<w:p><w:r><w:t>b\nc</w:t></w:r></w:p></w:body>',
    '<w:body><w:p><w:r><w:t>tak ditutup\n</w:r></w:p></w:body>',
    '<w:body><w:p><w:r><w:t w:x="a\nb">teks</w:t></w:r></w:p></w:body>',
    '<w:body><w:p><w:r><w:tbl>\n</w:tbl><w:t>x</w:t>\n</w:r></w:p></w:body>',
    '<w:body><w:p><w:r><w:t xml:space="preserve"/></w:r><w:r><w:drawing>\n<a:x/>\n</w:drawing></w:r>'
    '<w:r><w:t>a</w:t></w:r></w:p></w:body>',  # an empty text, then an image (as docxtpl places one)
    '<w:body><w:p><w:r><w:t xml:space="preserve"/><w:t>a\nb</w:t></w:r></w:p></w:body>',
    '<w:body><w:p><w:r><w:t xml:space="preserve"/>\n<w:t>a</w:t></w:r></w:p></w:body>',
])
def test_listing_characters_outside_every_text_leave_the_document_as_docxtpl_does(xml):
    """A newline between tags (an image's XML) is not rewritten by docxtpl: such a document is left as it is
    without the paragraph pass, and one with a character inside a text (or a text not closed) is rewritten."""
    from docxtpl import DocxTemplate

    from tasks.reporting.docx_template import FastTemplate as _Template

    assert _Template.resolve_listing(None, xml) == DocxTemplate.resolve_listing(None, xml)


def _table(grid: int, *rows: str) -> str:
    cols = "".join('<w:gridCol w:w="1000"/>' for _ in range(grid))
    return f"<w:tbl><w:tblGrid>{cols}</w:tblGrid>{''.join(rows)}</w:tbl>"


@pytest.mark.parametrize("body", [
    _table(2, "<w:tr><w:tc/><w:tc/></w:tr>", "<w:tr><w:tc/><w:tc/></w:tr>"),  # fits: left as is
    _table(2, "<w:tr><w:tc/><w:tc/><w:tc/></w:tr>"),  # a column loop added a cell: the grid widens
    _table(3, "<w:tr><w:tc/><w:tc/></w:tr>"),  # a column loop removed one: the grid narrows
    _table(3, '<w:tr><w:tc><w:tcPr><w:gridSpan w:val="2"/></w:tcPr></w:tc><w:tc/></w:tr>'),  # merged: fits
    _table(2, "<w:tr><w:tc>" + _table(1, "<w:tr><w:tc/><w:tc/><w:tc/></w:tr>") + "</w:tc><w:tc/></w:tr>"),
])
def test_table_fix_up_matches_docxtpl(body):
    from docxtpl import DocxTemplate
    from lxml import etree

    from tasks.reporting.docx_template import FastTemplate as _Template

    xml = f"<w:document {W_NS}><w:body>{body}</w:body></w:document>"
    ours, theirs = _Template.fix_tables(None, xml), DocxTemplate.fix_tables(None, xml)
    assert etree.tostring(ours) == etree.tostring(theirs)
