"""Reading the tables of a Word document into a Grid, so a RAK kept in Word reads like a sheet.

All tables of the document are stacked in order (a RAK split over pages is often several tables);
rows are numbered from 1 across them, columns by their grid position (A, B, …). Horizontal merges
(gridSpan) and vertical merges (vMerge) become merged ranges; a cell's shading (w:shd fill) counts
as a mark, as a shaded cell does in Excel.
"""

from __future__ import annotations

from pathlib import Path

from tasks.problems import InputError, Problem
from tasks.reading.parse import normalize_text
from tasks.reading.workbook import Grid, check_zip, sniff

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
SHEET_NAME = "Tabel"


def read_docx_grid(path: Path) -> Grid:
    """All tables of a .docx as one Grid; InputError when the file is not a readable Word document."""
    path = Path(path)
    if sniff(path) != "zip":
        raise InputError([Problem(file=path.name, message="bukan dokumen Word .docx (format lama .doc?)",
                                  hint="buka di Word lalu simpan sebagai .docx")])
    with check_zip(path) as archive:
        if "word/document.xml" not in archive.namelist():
            raise InputError([Problem(file=path.name, message="bukan dokumen Word: word/document.xml tidak ada",
                                      hint="simpan ulang sebagai .docx")])
    import docx  # python-docx parses with lxml, after check_zip refused DTDs and bombs

    try:
        body = docx.Document(str(path)).element.body
    except Exception as exc:  # python-docx raises KeyError/ValueError/lxml errors for damaged parts
        raise InputError([Problem(file=path.name, message=f"dokumen Word rusak ({type(exc).__name__}: {exc})",
                                  hint="buka di Word lalu simpan ulang sebagai .docx")]) from exc
    builder = _GridBuilder(path.name)
    for element in body.iterchildren():
        if element.tag == f"{W}tbl":
            builder.add_table(element)
        elif element.tag == f"{W}p" and not builder.rows:
            builder.preamble.append(_cell_text(element))
    return builder.grid()


class _GridBuilder:
    def __init__(self, file: str):
        self.file = file
        self.rows: dict[int, list] = {}
        self.merges: list[list[int]] = []
        self.shaded: set[tuple[int, int]] = set()
        self.row = 0
        self.n_cols = 0
        self.preamble: list[str] = []

    def add_table(self, table) -> None:
        open_vmerge: dict[int, list[int]] = {}  # column -> merge [r1, c1, r2, c2] still growing
        for tr in table.iter(f"{W}tr"):
            if tr.getparent() is not table:
                continue  # rows of a nested table belong to that table
            self.row += 1
            self._add_row(tr, open_vmerge)

    def _add_row(self, tr, open_vmerge) -> None:
        values, col = [], 1
        for tc in tr.findall(f"{W}tc"):
            span, vmerge = _cell_props(tc)
            if vmerge == "continue" and col in open_vmerge:
                open_vmerge[col][2] = self.row
                values += [""] * span
            else:
                values += [_cell_text(tc)] + [""] * (span - 1)
                open_vmerge.pop(col, None)
                rng = [self.row, col, self.row, col + span - 1]
                if vmerge == "restart":
                    open_vmerge[col] = rng
                if vmerge == "restart" or span > 1:
                    self.merges.append(rng)
            if _is_shaded(tc):
                self.shaded.update((self.row, c) for c in range(col, col + span))
            col += span
        if any(values):
            self.rows[self.row] = values
        self.n_cols = max(self.n_cols, len(values))

    def grid(self) -> Grid:
        merges = [tuple(m) for m in self.merges if m[0] != m[2] or m[1] != m[3]]
        return Grid(file=self.file, sheet=SHEET_NAME, rows=self.rows, n_cols=self.n_cols,
                    merges=merges, shaded_cells=frozenset(self.shaded),
                    preamble=tuple(t for t in self.preamble if t))


def _cell_props(tc) -> tuple[int, str | None]:
    props = tc.find(f"{W}tcPr")
    if props is None:
        return 1, None
    span_el = props.find(f"{W}gridSpan")
    span = int(span_el.get(f"{W}val", "1")) if span_el is not None else 1
    vm = props.find(f"{W}vMerge")
    vmerge = None if vm is None else (vm.get(f"{W}val") or "continue")
    return max(span, 1), vmerge


def _cell_text(tc) -> str:
    paragraphs = ["".join(t.text or "" for t in p.iter(f"{W}t")) for p in tc.iter(f"{W}p")]
    return normalize_text(" ".join(p for p in paragraphs if p))


def _is_shaded(tc) -> bool:
    props = tc.find(f"{W}tcPr")
    shd = props.find(f"{W}shd") if props is not None else None
    if shd is None:
        return False
    fill = (shd.get(f"{W}fill") or "auto").upper()
    return fill not in ("AUTO", "FFFFFF", "NONE")
