"""docxtpl, faster: four of its internals overridden, each giving docxtpl's own result (tested
against docxtpl in tests/reporting/test_docx_template.py).

- patch_xml: docxtpl's XML clean-up of a template part, done once per process and part content;
- resolve_listing: the rewrite of tabs and newlines in text, skipped when no text has any (those of
  an image's XML are outside every text) and else applied only to the paragraphs that have any;
- fix_tables: the table fix-up, run only when a table's grid does not fit its rows;
- init_docx: the template opened by tasks.reporting.docx_package (parts a render never changes
  kept as bytes).
"""

from __future__ import annotations

import re

from docxtpl import DocxTemplate
from lxml import etree

from tasks.reporting.docx_package import open_document
from tasks.reporting.sandbox import CACHED_TEMPLATES

_patched: dict[str, str] = {}
_LISTING = re.compile("[\t\a\n\f]")
_DECLARATION = re.compile(r"<\?xml[^>]*\?>\s*")
_PARAGRAPH = re.compile(r"<w:p(?: [^>]*)?>.*?</w:p>", re.DOTALL)  # docxtpl's own paragraph pattern
_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


_NS = {"w": _W[1:-1]}
_CELL_COUNT = etree.XPath("count(w:tc)", namespaces=_NS)
_SPANS = etree.XPath("w:tc/w:tcPr/w:gridSpan/@w:val", namespaces=_NS)


def _cells(row) -> tuple[int, int]:
    """A table row's cells, counted as elements and as grid columns (gridSpan), as docxtpl counts them."""
    cells = int(_CELL_COUNT(row))
    return cells, cells + sum(int(span) - 1 for span in _SPANS(row))


def _grid_fits(tree) -> bool:
    """True when docxtpl's fix_tables would change nothing: every table has a grid, and its widest row
    (in cells) is no wider, and its widest row (in grid columns) no narrower, than the grid."""
    for table in tree.iter(_W + "tbl"):
        grid = table.find(_W + "tblGrid")
        if grid is None:
            return False
        columns = len(grid.findall(_W + "gridCol"))
        counts = [_cells(row) for row in table.iter(_W + "tr")]
        if not counts or max(c for c, _ in counts) > columns or max(s for _, s in counts) < columns:
            return False
    return True



def _in_text(xml: str, at: int) -> bool:
    """Whether xml[at] may be inside a text docxtpl's listing rewrite changes: a match of
    `<w:t(?: [^>]*)?>.*?</w:t>` inside a run (`<w:r …>.*?</w:r>`). Such a match has no </w:t> and no
    </w:r> between its start and xml[at]; it starts at or before the last <w:t> or <w:t …> before
    xml[at] (a self-closing <w:t …/> included). So xml[at] is outside every such text when there is no
    start, or a </w:t> or </w:r> comes between the last one and xml[at]; anything else counts as text."""
    since = xml.rfind("</w:r>", 0, at) + 1  # a start before the last </w:r> is not one (and looked for no further)
    opening = max(xml.rfind("<w:t>", since, at), xml.rfind("<w:t ", since, at))
    return opening >= 0 and xml.find("</w:t>", opening, at) < 0


class FastTemplate(DocxTemplate):
    """docxtpl, with its XML clean-up of each template part done once per process and part content,
    its rewrite of tabs/newlines in text applied only when a text has any, then only to the paragraphs
    that have any, and its table fix-up run only when a table's grid does not fit its rows."""

    def resolve_listing(self, xml):
        # docxtpl turns \t, \a, \n and \f inside <w:t> into tabs, paragraphs, breaks and page breaks by
        # running three nested regular expressions over every paragraph and run. Such a character outside
        # every <w:t> is never rewritten (an image's XML is indented with newlines): a document with none
        # inside a text comes out unchanged. Otherwise only the paragraphs having one go through
        # docxtpl's rewrite, each one exactly as it would there.
        declaration = _DECLARATION.match(xml)
        if not any(_in_text(xml, m.start()) for m in _LISTING.finditer(xml, declaration.end() if declaration else 0)):
            return xml

        def resolve(paragraph: str) -> str:
            return DocxTemplate.resolve_listing(self, paragraph)

        return _PARAGRAPH.sub(lambda m: resolve(m.group(0)) if _LISTING.search(m.group(0)) else m.group(0), xml)

    def fix_tables(self, xml):
        # docxtpl widens or narrows a table's grid when column loops ({%tc %}) changed its rows' cell
        # count, walking every row and cell in Python. The check is the same count, done faster; when a
        # grid does not fit, docxtpl's own fix-up runs on the whole document.
        tree = etree.fromstring(xml, parser=etree.XMLParser(recover=True))
        try:
            fits = _grid_fits(tree)
        except (TypeError, ValueError):  # a gridSpan without a number: docxtpl's fix-up handles it
            fits = False
        return tree if fits else DocxTemplate.fix_tables(self, xml)

    def init_docx(self, reload: bool = True):
        if not self.docx or (self.is_rendered and reload):
            self.docx = open_document(self.template_file)
            self.is_rendered = False

    def patch_xml(self, src_xml):
        patched = _patched.get(src_xml)
        if patched is None:  # shared by threads: a lookup and one store, never a check-then-read
            if len(_patched) >= CACHED_TEMPLATES:
                _patched.clear()
            patched = _patched[src_xml] = super().patch_xml(src_xml)
        return patched
