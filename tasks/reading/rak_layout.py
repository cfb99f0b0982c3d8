"""The RAK table's header: found by its words wherever the table starts, over one or two rows,
each column mapped to a field by alias (BAD_INPUTS 2-3), merged cells read through their range.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field

from tasks.problems import Problems
from tasks.reading.parse import normalize_key, normalize_text, parse_month
from tasks.reading.workbook import Grid

# Header wording seen in KPU RAKs; matched on normalize_key (lower case, punctuation as spaces).
FIELD_ALIASES: dict[str, set[str]] = {
    "no": {"no", "nomor", "no urut"},
    "kegiatan": {"sasaran strategis kegiatan", "sasaran strategis", "kegiatan", "sasaran kegiatan",
                 "program kegiatan", "sasaran program kegiatan", "sasaran", "no sasaran strategis kegiatan",
                 "sasaran strategis program kegiatan", "sub kegiatan"},
    "indikator": {"indikator kinerja kegiatan", "indikator kinerja", "indikator", "indikator kinerja utama",
                  "iku", "indikator kinerja program", "indikator kinerja sub kegiatan", "iki"},
    "target": {"target", "target kinerja", "target tahunan", "target capaian", "volume target"},
    "satuan": {"satuan", "satuan target", "satuan indikator", "satuan kinerja", "satuan ukuran"},
    "aktivitas": {"kegiatan yang akan dilaksanakan", "rencana aksi", "rencana kegiatan", "aktivitas",
                  "uraian kegiatan", "langkah kegiatan", "kegiatan yang dilaksanakan", "uraian rencana aksi",
                  "rincian kegiatan", "tahapan kegiatan"},
    "rencana": {"rencana pelaksanaan", "jadwal pelaksanaan", "waktu pelaksanaan", "bulan", "jadwal",
                "rencana pelaksanaan bulan", "rencana pelaksanaan bulan ke", "bulan pelaksanaan",
                "jadwal pelaksanaan bulan", "rencana waktu pelaksanaan"},
    "pelaksana": {"pelaksana", "penanggung jawab", "penanggungjawab", "pic", "unit pelaksana", "pj",
                  "unit kerja", "penanggung jawab pelaksana", "unit penanggung jawab"},
}
REQUIRED = ("kegiatan", "indikator", "target", "aktivitas", "pelaksana")
FIELD_LABELS = {"kegiatan": "Sasaran Strategis/Kegiatan", "indikator": "Indikator Kinerja Kegiatan",
                "target": "Target", "aktivitas": "Kegiatan yang akan dilaksanakan", "pelaksana": "Pelaksana",
                "rencana": "Rencana Pelaksanaan (B1–B12)"}
BLOCK_FIELDS = ("no", "kegiatan", "indikator", "target", "satuan", "pelaksana")  # may be merged down
NOT_A_MARK = {"-", "–", "—", "0"}

NUMBERING = re.compile(r"^\(?([0-9]+|[ivxlcIVXLC]+)[.)]?$")



# alias -> field; reversed so that where two fields share an alias, the first listed wins
_FIELD_BY_ALIAS = {alias: name for name, aliases in reversed(FIELD_ALIASES.items()) for alias in aliases}


def match_field(text) -> str | None:
    """The RAK column a header label names, by alias."""
    key = normalize_key(text)
    if key in _FIELD_BY_ALIAS:
        return _FIELD_BY_ALIAS[key]
    if re.fullmatch(r"target( \w+)?( \d{4})?", key):
        return "target"
    return None


def month_label(value, allow_digits: bool) -> int | None:
    """Month of a header label; bare digits count only under a 'Rencana Pelaksanaan' group."""
    if isinstance(value, str):  # every cell of every row is asked (a month row repeats after page breaks)
        return _text_month(value, allow_digits)
    if not allow_digits and (isinstance(value, (int, float)) or normalize_text(value).isdigit()):
        return None
    return parse_month(value)


@functools.lru_cache(maxsize=1 << 15)
def _text_month(text: str, allow_digits: bool) -> int | None:
    return None if not allow_digits and normalize_text(text).isdigit() else parse_month(text)


class MergeIndex:
    """Where each merged range sits, clipped to the rows that hold values."""

    def __init__(self, merges: list[tuple[int, int, int, int]], last_row: int):
        self.ranges = [(r1, c1, min(r2, max(last_row, r1)), c2) for r1, c1, r2, c2 in merges]
        self._by_cell: dict[tuple[int, int], tuple[int, int, int, int]] = {}
        for rng in self.ranges:
            r1, c1, r2, c2 = rng
            for r in range(r1, r2 + 1):
                for c in range(c1, c2 + 1):
                    self._by_cell[(r, c)] = rng

    def get(self, row: int, col: int) -> tuple[int, int, int, int] | None:
        return self._by_cell.get((row, col))

    def anchor(self, row: int, col: int) -> tuple[int, int]:
        rng = self._by_cell.get((row, col))
        return (rng[0], rng[1]) if rng else (row, col)


def range_name(rng: tuple[int, int, int, int]) -> str:
    r1, c1, r2, c2 = rng
    return f"{Grid.cell_name(r1, c1)}:{Grid.cell_name(r2, c2)}"


@dataclass
class Layout:
    """Where the RAK table's header is and which column holds what."""

    header_row: int
    depth: int
    spans: dict[str, list[int]]  # field -> the columns under its header, left to right
    months: dict[int, int]  # month (1..12) -> column
    labels: dict[int, str]  # column -> header text of mapped columns, for messages
    seen: list[str] = field(default_factory=list)  # every distinct header text, for "headers found"
    text_col: dict[str, int] = field(default_factory=dict)
    no_col: dict[str, int] = field(default_factory=dict)

    @property
    def first_data_row(self) -> int:
        return self.header_row + self.depth

    def field_of(self, col: int) -> str | None:
        for name, cols in self.spans.items():
            if col in cols:
                return name
        return "rencana" if col in self.months.values() else None


class RakSheet:
    """A Grid seen as a RAK table: merge-aware cell values and the problems found so far."""

    def __init__(self, grid: Grid, problems: Problems):
        self.grid = grid
        self.problems = problems
        self.merges = MergeIndex(grid.merges, grid.last_row)

    def value(self, row: int, col: int):
        """The cell's value, or the value of the merged range it sits in."""
        return self.grid.value(*self.merges.anchor(row, col))

    def text(self, row: int, col: int) -> str:
        return normalize_text(self.value(row, col))

    def where(self, row: int, col: int, layout: Layout | None = None) -> dict:
        header = layout.labels.get(col, "") if layout else ""
        return {"sheet": self.grid.sheet, "cell": Grid.cell_name(row, col), "row": row,
                "column": Grid.cell_name(row, col).rstrip("0123456789"), "header": header}

    def row_texts(self, row: int) -> list[str]:
        """The row's own non-empty texts (merge continuations excluded), left to right."""
        cells = self.grid.rows.get(row, [])
        return [t for t in (normalize_text(v) for v in cells) if t]


def find_layout(sheet: RakSheet) -> Layout | None:
    """Find the header row by its words, wherever the table starts."""
    grid = sheet.grid
    for row in sorted(grid.rows):
        found = {match_field(sheet.value(row, c)) for c in range(1, grid.n_cols + 1)}
        if len(found & set(REQUIRED)) >= 3:
            return _build_layout(sheet, row)
    return None


def _header_depth(sheet: RakSheet, row: int) -> int:
    """2 when the row under the header is a second header row, told by its words only.

    That row is a second header row when a header cell is merged down over it, or when every
    cell of its own is a header word or a month label ("B1".."B12", "Jan".."Des"; bare digits only
    under a "Rencana Pelaksanaan" heading) and its months, if any, are six or more distinct ones.
    A data row never qualifies: its No "1" is not a month label, its activity text is not a
    header word.
    """
    below = row + 1
    for col in range(1, sheet.grid.n_cols + 1):
        rng = sheet.merges.get(row, col)
        if rng and rng[0] == row and rng[2] >= below and normalize_text(sheet.value(row, col)):
            return 2
    return 2 if is_sub_header_row(sheet, row, below) else 1


def is_sub_header_row(sheet: RakSheet, header_row: int, row: int) -> bool:
    """Whether `row` holds only header words and month labels under the header in `header_row`."""
    months, words = [], 0
    for col, value in enumerate(sheet.grid.rows.get(row, []), start=1):
        if not normalize_text(value) or sheet.merges.anchor(row, col) != (row, col):
            continue
        under_rencana = match_field(sheet.value(header_row, col)) == "rencana"
        month = month_label(value, allow_digits=under_rencana)
        if month:
            months.append(month)
        elif match_field(value):
            words += 1
        else:
            return False  # a cell that no header has: this is data
    if months and (len(set(months)) != len(months) or len(months) < 6):
        return False
    return bool(months) or words > 0


def _build_layout(sheet: RakSheet, row: int) -> Layout:
    depth = _header_depth(sheet, row)
    layout = Layout(header_row=row, depth=depth, spans={}, months={}, labels={})
    hidden = []
    for col in range(1, sheet.grid.n_cols + 1):
        top = sheet.value(row, col)
        below = row + 1
        own_cell = sheet.merges.anchor(below, col) != sheet.merges.anchor(row, col)
        sub = sheet.value(below, col) if depth == 2 and own_cell else ""
        label = " ".join(t for t in (normalize_text(top), normalize_text(sub)) if t)
        if label and label not in layout.seen:
            layout.seen.append(label)
        if col in sheet.grid.hidden_cols:
            hidden.append((col, top, sub, label))
            continue
        _assign_column(layout, col, top, sub, label)
    for col, top, sub, label in hidden:  # read a hidden column only for what no visible column holds
        _assign_column(layout, col, top, sub, label, only_new=True)
        if col in layout.labels:
            sheet.problems.warn(f"kolom tersembunyi '{label}' ikut dibaca (tidak ada kolom lain untuknya)",
                                hint="tampilkan (unhide) kolom ini dan periksa isinya", **sheet.where(row, col))
        elif label:
            sheet.problems.info(f"kolom tersembunyi '{label}' diabaikan (kolomnya sudah ada)", **sheet.where(row, col))
    return layout


def _assign_column(layout: Layout, col: int, top, sub, label: str, only_new: bool = False) -> None:
    """Map a column to the field or month its header names (`only_new`: only one not mapped yet)."""
    name = match_field(top)
    month = None
    if name == "rencana" or (name is None and not normalize_text(top)):
        month = month_label(sub, allow_digits=name == "rencana")
    elif name is None:
        month = month_label(top, allow_digits=False) or month_label(sub, allow_digits=False)
    if month and month not in layout.months:
        layout.months[month] = col
        layout.labels[col] = label
        return
    name = name if name not in (None, "rencana") else match_field(sub)
    if name and name != "rencana" and not (only_new and name in layout.spans):
        layout.spans.setdefault(name, []).append(col)
        layout.labels[col] = label


def check_layout(sheet: RakSheet, layout: Layout) -> bool:
    """Every required column present; otherwise one error naming what is missing and what was found."""
    missing = [FIELD_LABELS[f] for f in REQUIRED if f not in layout.spans]
    months = [m for m in range(1, 13) if m not in layout.months]
    if months:
        missing.append("bulan " + ", ".join(f"B{m}" for m in months))
    if not missing:
        return True
    found = ", ".join(f"'{t}'" for t in layout.seen)
    sheet.problems.error(f"kolom wajib tidak ditemukan: {'; '.join(missing)}. "
                         f"Judul kolom yang ditemukan: {found or '-'}",
                         sheet=sheet.grid.sheet, row=layout.header_row,
                         hint="beri judul kolom seperti pada format RAK (Indikator Kinerja, Target, "
                              "Kegiatan yang akan dilaksanakan, B1..B12, Pelaksana)")
    return False


def resolve_number_columns(sheet: RakSheet, layout: Layout) -> None:
    """Within a header that spans several columns, tell the numbering column from the text column."""
    rows = [r for r in sheet.grid.rows if r >= layout.first_data_row]
    for name, cols in layout.spans.items():
        numbering = [c for c in cols if _is_numbering_column(sheet, rows, c)]
        texts = [c for c in cols if c not in numbering]
        layout.text_col[name] = texts[-1] if texts else cols[-1]
        if numbering and texts:
            layout.no_col[name] = numbering[0]
    no_cols = layout.spans.get("no", [])
    if no_cols and "kegiatan" not in layout.no_col and no_cols[0] < layout.text_col["kegiatan"]:
        layout.no_col["kegiatan"] = no_cols[0]


def _is_numbering_column(sheet: RakSheet, rows: list[int], col: int) -> bool:
    values = [normalize_text(sheet.grid.value(r, col)) for r in rows]
    values = [v for v in values if v]
    return bool(values) and sum(bool(NUMBERING.match(v)) for v in values) >= 0.9 * len(values)


