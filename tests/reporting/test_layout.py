"""The page layout rules every rendered document gets (tasks/reporting/layout.py)."""

from __future__ import annotations

from docx.oxml import parse_xml

from tasks.reporting.layout import W, keep_rows_together

NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def _cell(merge: str | None = None, style: str | None = None) -> str:
    value = f' w:val="{merge}"' if merge else ""
    tc_pr = "" if merge is None else f"<w:tcPr><w:vMerge{value}/></w:tcPr>"
    p_pr = "" if style is None else f'<w:pPr><w:pStyle w:val="{style}"/></w:pPr>'
    return f"<w:tc>{tc_pr}<w:p>{p_pr}<w:r><w:t>x</w:t></w:r></w:p></w:tc>"


def test_no_row_splits_and_a_merged_cell_keeps_its_rows_on_one_page():
    rows = [
        f"<w:tr>{_cell('restart', 'Isi')}{_cell()}</w:tr>",  # an indicator over two activities
        f"<w:tr>{_cell('')}{_cell()}</w:tr>",  # continues the merge (no w:val)
        f"<w:tr>{_cell('continue')}{_cell()}</w:tr>",
        f'<w:tr><w:trPr><w:cantSplit w:val="0"/></w:trPr>{_cell("restart")}{_cell()}</w:tr>',  # the template's
        f"<w:tr>{_cell()}{_cell()}</w:tr>",  # a new indicator, no merge: the row above is not tied to it
    ]
    body = parse_xml(f"<w:body {NS}><w:tbl>{''.join(rows)}</w:tbl><w:p/></w:body>")
    assert keep_rows_together(body) == 2
    trs = body.findall(f"{W}tbl/{W}tr")
    flags = [tr.find(f"{W}trPr/{W}cantSplit") for tr in trs]
    assert all(flag is not None for flag in flags) and flags[3].get(f"{W}val") == "0"  # left as written
    kept = [[p.find(f"{W}pPr/{W}keepNext") is not None for p in tr.iter(f"{W}p")] for tr in trs]
    assert kept == [[True, True], [True, True], [False, False], [False, False], [False, False]]
    first = trs[0].find(f"{W}tc/{W}p/{W}pPr")
    assert [child.tag for child in first] == [f"{W}pStyle", f"{W}keepNext"]  # after the style, as Word orders them
    assert body.find(f"{W}p/{W}pPr") is None  # paragraphs outside tables untouched
