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
