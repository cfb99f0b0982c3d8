"""Page layout rules applied to every rendered document, whatever template it came from (an office's
own edited template included): no table row splits across pages, and the rows of a vertically
merged cell (an indicator over its activities) stay on one page, so a continuation page never shows
rows without the indicator they belong to."""

from __future__ import annotations

from docx.oxml import OxmlElement
from lxml import etree

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _cant_split(tr) -> None:
    tr_pr = tr.find(f"{W}trPr")
    if tr_pr is None:
        tr_pr = OxmlElement("w:trPr")
        tr.insert(0, tr_pr)
    if tr_pr.find(f"{W}cantSplit") is None:
        tr_pr.append(OxmlElement("w:cantSplit"))


def _keep_with_next(tr) -> None:
    """Every paragraph of the row keeps with the next paragraph: Word and LibreOffice keep the row
    on the page of the row after it."""
    for p in tr.iter(f"{W}p"):
        p_pr = p.find(f"{W}pPr")
        if p_pr is None:
            p_pr = OxmlElement("w:pPr")
            p.insert(0, p_pr)
        if p_pr.find(f"{W}keepNext") is None:
            keep = OxmlElement("w:keepNext")
            style = p_pr.find(f"{W}pStyle")
            (style.addnext(keep) if style is not None else p_pr.insert(0, keep))


_NS = {"w": W[1:-1]}
# The row continues a vertical merge started above (a w:vMerge without 'restart'). XPath: python-docx's
# element classes make a find() per cell cost more than the whole expression.
_CONTINUES = etree.XPath("boolean(w:tc/w:tcPr/w:vMerge[not(@w:val='restart')])", namespaces=_NS)
_ROWS = etree.XPath("w:tr", namespaces=_NS)
_SPLITTABLE = etree.XPath("w:tr[not(w:trPr/w:cantSplit)]", namespaces=_NS)


def keep_rows_together(body) -> int:
    """Apply the rules to every table under `body` (a document's w:body element); returns how many
    rows were tied to the next. Header rows (w:tblHeader) are left as the template made them."""
    tied = 0
    for tbl in body.iter(f"{W}tbl"):
        for tr in _SPLITTABLE(tbl):
            _cant_split(tr)
        rows = _ROWS(tbl)
        for tr, after in zip(rows, rows[1:]):
            if _CONTINUES(after):
                _keep_with_next(tr)
                tied += 1
    return tied
