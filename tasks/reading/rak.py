"""Reading the RAK as printed: the header found by its words, merged cells filled down, rows that
are not data (title, column numbers, repeated headers, totals, notes, signatures) skipped and listed.

`parse_rak_grid` is pure (a Grid in, tables and problems out); `read_rak` is the I/O edge that turns
an .xlsx/.xls/.docx file into a Grid first.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from contracts.rak import Aktivitas, AktivitasBulan, Indikator, Kegiatan, RakRaw
from tasks.reading.profile import DEFAULT_SUB_UNITS, SubUnit, match_sub_unit
from tasks.frames import row_dicts
from tasks.reading.parse import ParseError, canonical_unit, normalize_key, normalize_text, parse_month, parse_target
from tasks.problems import InputError, Problem, Problems, Severity
from tasks.reading.workbook import DOCUMENT_SUFFIXES, Grid, Workbook

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

_NUMBERING = re.compile(r"^\(?([0-9]+|[ivxlcIVXLC]+)[.)]?$")
_LEADING_NUMBER = re.compile(r"^([0-9]+)[.)]\s+(\S.*)$")
_BUDGET_CODE = re.compile(r"\s*\((\d{4}(?:\.[A-Z0-9]+)*)\)\s*$")
# Notes and the signature block under the table. A note with its colon ("Keterangan:") or a NIP line
# ends the table wherever it stands; the other words may also begin an activity ("Sumber daya …",
# "Ketua KPU melantik …"), so they end the table only outside the indicator and activity columns.
_NOTE_LINE = re.compile(r"^(keterangan|catatan|ket|sumber|nb)\s*:|^nip\b", re.IGNORECASE)
_END_WORDS = re.compile(r"^(keterangan|catatan|sumber|mengetahui|menyetujui|disetujui|ditetapkan|ketua|"
                        r"sekretaris|kepala|plt|plh|an|a n)\b")
_PLACE_DATE = re.compile(r"^[A-Za-z .'-]+,\s*\d{1,2}\s+[A-Za-z]+\s+\d{4}$")
_TITLE_YEAR = re.compile(r"\b(20\d{2})\b")
_TOTAL_WORDS = {"jumlah", "total", "jumlah total", "total keseluruhan", "jumlah keseluruhan", "grand total"}


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
    if not allow_digits and (isinstance(value, (int, float)) or normalize_text(value).isdigit()):
        return None
    return parse_month(value)


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
    for col in range(1, sheet.grid.n_cols + 1):
        top = sheet.value(row, col)
        below = row + 1
        sub = sheet.value(below, col) if depth == 2 and sheet.merges.anchor(below, col) != sheet.merges.anchor(row, col) else ""
        label = " ".join(t for t in (normalize_text(top), normalize_text(sub)) if t)
        if label and label not in layout.seen:
            layout.seen.append(label)
        if col in sheet.grid.hidden_cols:
            if label:
                sheet.problems.info(f"kolom tersembunyi '{label}' diabaikan", **sheet.where(row, col))
            continue
        _assign_column(layout, col, top, sub, label)
    return layout


def _assign_column(layout: Layout, col: int, top, sub, label: str) -> None:
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
    if name and name != "rencana":
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
    sheet.problems.error(f"kolom wajib tidak ditemukan: {'; '.join(missing)}. Judul kolom yang ditemukan: {found or '-'}",
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
    return bool(values) and sum(bool(_NUMBERING.match(v)) for v in values) >= 0.9 * len(values)


# --- row classification -------------------------------------------------------------------------

def is_number_row(texts: list[str]) -> bool:
    """The '1, 2, 3, … 17' row printed under the header."""
    if len(texts) < 4 or not all(t.isdigit() for t in texts):
        return False
    numbers = [int(t) for t in texts]
    return numbers == list(range(numbers[0], numbers[0] + len(numbers)))


def is_header_row(sheet: RakSheet, row: int) -> bool:
    found = {match_field(v) for v in sheet.grid.rows.get(row, [])}
    return len(found & set(REQUIRED)) >= 3


def is_month_label_row(sheet: RakSheet, layout: Layout, row: int) -> bool:
    """The header's month row repeated after a page break: month labels and header words only."""
    months = [v for v in sheet.grid.rows.get(row, []) if month_label(v, allow_digits=True)]
    return len(months) >= 6 and is_sub_header_row(sheet, layout.header_row, row)


DATA_FIELDS = ("kegiatan", "indikator", "target", "satuan", "aktivitas", "pelaksana")


def own_fields(sheet: RakSheet, layout: Layout, row: int) -> dict[str, str]:
    """The RAK fields this row itself fills (merge continuations excluded); 'rencana' when a month is planned."""
    found = {}
    for name in DATA_FIELDS:
        cols = [layout.text_col[name]] if name in layout.text_col else []
        cols += [layout.no_col[name]] if name in layout.no_col else []
        texts = [normalize_text(sheet.grid.value(row, c)) for c in cols if sheet.merges.anchor(row, c) == (row, c)]
        if any(texts):
            found[name] = " ".join(t for t in texts if t)
    if any(_is_planned(sheet, row, col) for col in layout.months.values()):
        found["rencana"] = "bulan ditandai"
    return found


def looks_like_data(own: dict[str, str]) -> bool:
    """An activity with anything of its own beside it, or an indicator with its target or activity."""
    return ("aktivitas" in own and len(own) >= 2) or ("indikator" in own and bool({"target", "aktivitas"} & set(own)))


def is_end_marker(texts: list[str], own: dict[str, str]) -> bool:
    """Notes and signature blocks under the table (never a row that looks like data)."""
    if not texts or looks_like_data(own):
        return False
    in_table_text = {own.get("indikator"), own.get("aktivitas")}
    for text in texts[:2]:
        if _NOTE_LINE.match(text) or _PLACE_DATE.match(text):
            return True
        if _END_WORDS.match(normalize_key(text)) and text not in in_table_text:
            return True
    return False


def is_total_row(texts: list[str]) -> bool:
    return bool(texts) and normalize_key(texts[0]) in _TOTAL_WORDS


@dataclass
class RowState:
    """The block values of the previous data row, carried down when a cell is left blank."""

    kegiatan_no: str = ""
    kegiatan: str = ""
    indikator_no: str = ""
    indikator: str = ""
    target: str = ""
    target_cell: str = ""
    satuan: str = ""
    pelaksana: str = ""
    blok: int = 0  # increments at every new indicator block, so a repeat later is a duplicate
    kegiatan_row: int | None = None  # where the open kegiatan started, until an indicator is read under it
    indikator_row: int | None = None  # where the open indicator started, until an activity is read under it


def _split_number(text: str) -> tuple[str, str]:
    match = _LEADING_NUMBER.match(text)
    return (match.group(1), match.group(2)) if match else ("", text)


def _number_text(value) -> str:
    text = normalize_text(value)
    match = _NUMBERING.match(text)
    return match.group(1) if match else text


def _block_value(sheet: RakSheet, layout: Layout, row: int, name: str) -> tuple[str, str]:
    """(number, text) of a block column in this row, merge-aware."""
    if name not in layout.text_col:
        return "", ""
    text = sheet.text(row, layout.text_col[name])
    number = _number_text(sheet.value(row, layout.no_col[name])) if name in layout.no_col else ""
    if not number and name in ("kegiatan", "indikator"):
        number, text = _split_number(text)
    return number, text


def read_data_row(sheet: RakSheet, layout: Layout, row: int, state: RowState) -> list[dict]:
    """The row's records: its activity with the block values filled down, after the record of an
    indicator left without any activity when this row opens another one."""
    aktivitas = sheet.text(row, layout.text_col["aktivitas"])
    k_no, kegiatan = _block_value(sheet, layout, row, "kegiatan")
    i_no, indikator = _block_value(sheet, layout, row, "indikator")
    new_kegiatan = bool(kegiatan) and (k_no, kegiatan) != (state.kegiatan_no, state.kegiatan)
    new_indikator = (bool(indikator) and (i_no, indikator) != (state.indikator_no, state.indikator)) or new_kegiatan
    records = close_blocks(sheet, state, kegiatan_too=new_kegiatan) if new_indikator else []
    if new_kegiatan:
        state.kegiatan_no, state.kegiatan, state.kegiatan_row = k_no, kegiatan, row
        state.indikator_no = state.indikator = ""
    if new_indikator:
        state.indikator_no, state.indikator = i_no, indikator
        state.target, state.target_cell, state.satuan, state.pelaksana = "", "", "", ""
        state.blok += 1
        if indikator:
            state.indikator_row, state.kegiatan_row = row, None
    target_col = layout.text_col["target"]
    if sheet.text(row, target_col):
        state.target = target_text(sheet, row, target_col)
        state.target_cell = Grid.cell_name(*sheet.merges.anchor(row, target_col))
    elif not state.target_cell:
        state.target_cell = Grid.cell_name(row, target_col)
    if "satuan" in layout.text_col:
        state.satuan = sheet.text(row, layout.text_col["satuan"]) or state.satuan
    pelaksana = sheet.text(row, layout.text_col["pelaksana"]) or state.pelaksana
    state.pelaksana = pelaksana
    if not aktivitas:
        return records
    state.indikator_row = None
    months = {f"bulan_{m}": _is_planned(sheet, row, col) for m, col in layout.months.items()}
    return records + [_record(sheet, state, row, aktivitas, pelaksana, months)]


def _record(sheet: RakSheet, state: RowState, row: int, aktivitas: str, pelaksana: str, months: dict) -> dict:
    return {"sumber_file": sheet.grid.file, "sumber_sheet": sheet.grid.sheet, "sumber_baris": row,
            "kegiatan_no": state.kegiatan_no, "kegiatan": state.kegiatan, "indikator_no": state.indikator_no,
            "indikator": state.indikator, "target": state.target, "satuan": state.satuan,
            "target_sel": state.target_cell, "aktivitas": aktivitas, "pelaksana": pelaksana, "blok": state.blok,
            **months}


def close_blocks(sheet: RakSheet, state: RowState, kegiatan_too: bool) -> list[dict]:
    """Before a new block opens: an indicator with no activity is kept as a record of its own (its
    target still counts); a kegiatan with no indicator is said, since it has nothing to measure."""
    records = []
    if state.indikator_row is not None:
        months = {f"bulan_{m}": False for m in range(1, 13)}
        records.append(_record(sheet, state, state.indikator_row, "", state.pelaksana, months))
        state.indikator_row = None
    if kegiatan_too and state.kegiatan_row is not None:
        sheet.problems.warn("kegiatan tanpa indikator kinerja; tidak ada yang dapat diukur darinya",
                            sheet=sheet.grid.sheet, row=state.kegiatan_row, value=state.kegiatan[:120],
                            hint="isi indikator kinerja dan aktivitas di bawah kegiatan ini, atau hapus barisnya")
        state.kegiatan_row = None
    return records


def target_text(sheet: RakSheet, row: int, col: int) -> str:
    """The target as text; a number formatted as a percentage (Excel keeps 95% as 0.95) gets its % back."""
    anchor = sheet.merges.anchor(row, col)
    value = sheet.grid.value(*anchor)
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        percent = anchor in sheet.grid.percent_cells
        return _exact(value * 100 if percent else value) + ("%" if percent else "")
    return normalize_text(value)


def _exact(value: float) -> str:
    """A number cell as Indonesian text, exactly: no thousands separator, decimal comma."""
    value = round(float(value), 9)
    return str(int(value)) if value.is_integer() else repr(value).replace(".", ",")


def _is_planned(sheet: RakSheet, row: int, col: int) -> bool:
    mark = normalize_text(sheet.grid.value(row, col))
    return (bool(mark) and mark not in NOT_A_MARK) or sheet.grid.is_shaded(row, col)


def scan_rows(sheet: RakSheet, layout: Layout) -> tuple[list[dict], int]:
    """Walk the rows under the header; return the data rows and the last row of the table.

    Every row is accounted for: read as data, or listed with the reason it was skipped. A row
    that fills the RAK's own columns the way data does is never skipped without an error.
    """
    records, state, ended, table_end = [], RowState(), False, layout.first_data_row
    for row in _rows_to_scan(sheet, layout):
        texts = sheet.row_texts(row)
        own = own_fields(sheet, layout, row)
        where = {"sheet": sheet.grid.sheet, "row": row, "value": " | ".join(texts)[:120]}
        reason = _AFTER_END if ended else _skip_reason(sheet, layout, row, texts, own)
        if reason:
            if reason in _DATA_SKIPPED and looks_like_data(own):
                sheet.problems.error(f"baris ini tampak berisi data RAK tetapi tidak dibaca ({_DATA_SKIPPED[reason]})",
                                     hint=_SKIPPED_DATA_HINT, **where)
            else:
                sheet.problems.info(reason, **where)
            ended = ended or reason == _END
            continue
        new = read_data_row(sheet, layout, row, state)
        records += new
        table_end = row
        if any(rec["aktivitas"] and rec["sumber_baris"] == row for rec in new):
            if row in sheet.grid.hidden_rows:
                sheet.problems.warn("baris tersembunyi ikut dibaca sebagai data RAK",
                                    hint="tampilkan (unhide) baris ini dan periksa isinya; hapus bila bukan bagian "
                                         "dari RAK", **where)
        elif "aktivitas" not in own and ("rencana" in own or set(own) == {"pelaksana"}):
            sheet.problems.error("baris berisi bulan rencana atau pelaksana tetapi nama aktivitas (Kegiatan yang "
                                 "akan dilaksanakan) kosong", hint="isi nama aktivitasnya, atau kosongkan baris ini",
                                 **where)
        elif not own:
            sheet.problems.info("baris tanpa isi pada kolom RAK dilewati", **where)
    records += close_blocks(sheet, state, kegiatan_too=True)
    return records, table_end


_END = "akhir tabel: baris catatan/tanda tangan tidak dibaca sebagai data"
_AFTER_END = "baris di bawah tabel (catatan/tanda tangan) tidak dibaca sebagai data"
_TOTAL = "baris JUMLAH/TOTAL dilewati"
_DATA_SKIPPED = {_AFTER_END: "letaknya di bawah catatan/tanda tangan", _TOTAL: "diawali kata JUMLAH/TOTAL"}
_SKIPPED_DATA_HINT = ("pastikan baris data berada di dalam tabel, di atas catatan dan tanda tangan, dan tidak diawali "
                      "kata seperti JUMLAH atau Keterangan")


def _skip_reason(sheet: RakSheet, layout: Layout, row: int, texts: list[str], own: dict) -> str | None:
    """Why a row under the header is not data, or None when it is."""
    if is_number_row(texts):
        return "baris nomor kolom dilewati"
    if is_header_row(sheet, row) or is_month_label_row(sheet, layout, row):
        return "judul kolom berulang (ganti halaman) dilewati"
    if is_end_marker(texts, own):
        return _END
    if is_total_row(texts):
        return _TOTAL
    return None


def _rows_to_scan(sheet: RakSheet, layout: Layout) -> list[int]:
    """Rows under the header that hold a value, or only a shaded month cell (a month planned for an
    activity whose name was deleted is still seen)."""
    month_cols = set(layout.months.values())
    shaded = {r for r, c in (sheet.grid.shaded_cells or ()) if c in month_cols}
    return sorted(r for r in set(sheet.grid.rows) | shaded if r >= layout.first_data_row)


def check_special_cells(sheet: RakSheet, layout: Layout, table_end: int) -> None:
    """Excel error and formula cells inside the table are reported at their cell, never read as values."""
    columns = set(layout.months.values()) | {c for cols in layout.spans.values() for c in cols}
    for (row, col), text in sorted({**sheet.grid.formulas, **sheet.grid.errors}.items()):
        if layout.first_data_row <= row <= table_end and col in columns:
            what = f"galat Excel {text}" if (row, col) in sheet.grid.errors else "rumus"
            sheet.problems.error(f"sel berisi {what}; isinya tidak dipakai", value=text[:80],
                                 hint="ketik nilainya langsung (salin, lalu Paste Values)",
                                 **sheet.where(row, col, layout))


def check_merges(sheet: RakSheet, layout: Layout, table_end: int) -> None:
    """Merged ranges are allowed over block columns and in the header; anywhere else is an error."""
    for rng in sheet.merges.ranges:
        r1, c1, r2, c2 = rng
        if r2 < layout.first_data_row or r1 > table_end or is_header_row(sheet, r1) \
                or is_month_label_row(sheet, layout, r1) or is_number_row(sheet.row_texts(r1)):
            continue
        fields = {layout.field_of(c) for c in range(c1, c2 + 1)}
        if len(fields) == 1 and fields <= set(BLOCK_FIELDS):
            continue
        where = sheet.where(r1, c1, layout)
        where["cell"] = range_name(rng)
        sheet.problems.error(f"sel gabungan (merge) {range_name(rng)} tidak diperbolehkan di kolom ini",
                             hint="pisahkan sel gabungan (Unmerge) dan isi setiap baris/bulan sendiri-sendiri",
                             **where)


# --- normalisation ------------------------------------------------------------------------------

@dataclass
class Rak:
    """The RAK as read: raw rows, normalised tables, and every problem found."""

    file: str
    raw: pd.DataFrame
    kegiatan: pd.DataFrame
    indikator: pd.DataFrame
    aktivitas: pd.DataFrame
    bulan: pd.DataFrame
    problems: list[Problem]
    tahun: int | None = None  # the year printed in the title, when there is one

    @property
    def ok(self) -> bool:
        return not any(p.severity is Severity.ERROR for p in self.problems)


def _to_int(text: str) -> int | None:
    return int(text) if text.isdigit() else None


def _groups(records: list[dict], keys: tuple[str, ...]) -> dict[tuple, list[dict]]:
    """Records grouped by the values of `keys`, groups in order of first appearance."""
    groups: dict[tuple, list[dict]] = {}
    for rec in records:
        groups.setdefault(tuple(rec[k] for k in keys), []).append(rec)
    return groups


def _kegiatan_table(raw: list[dict], problems: Problems) -> pd.DataFrame:
    rows, seen = [], {}
    for (k_no, name), group in _groups(raw, ("kegiatan_no", "kegiatan")).items():
        no = _to_int(k_no) or len(rows) + 1
        first = group[0]
        if not name:
            problems.error("aktivitas tanpa kegiatan (Sasaran Strategis/Kegiatan) di atasnya", sheet=first["sumber_sheet"],
                           row=int(first["sumber_baris"]), value=first["indikator"] or first["aktivitas"],
                           hint="isi nama kegiatan pada baris pertama bloknya, atau gabungkan (merge) sel kegiatan "
                                "ke bawah")
            continue
        if no in seen:
            problems.error(f"nomor kegiatan {no} dipakai dua kali (baris {seen[no]} dan {first['sumber_baris']})",
                           sheet=first["sumber_sheet"], row=int(first["sumber_baris"]), value=name,
                           hint="beri setiap kegiatan nomor sendiri")
            continue
        seen[no] = int(first["sumber_baris"])
        budget = _BUDGET_CODE.search(name)
        rows.append({"kode": f"K{no:02d}", "no": no, "nama": _BUDGET_CODE.sub("", name).strip() or name,
                     "kode_anggaran": budget.group(1) if budget else None,
                     "sumber_file": first["sumber_file"], "sumber_sheet": first["sumber_sheet"],
                     "sumber_baris": int(first["sumber_baris"]), "_key": (k_no, name)})
    return pd.DataFrame(rows)


def _indikator_rows(raw: list[dict], kegiatan, problems: Problems, units) -> list[dict]:
    rows, seen, per_kegiatan = [], {}, {}
    keys = dict(zip(kegiatan["_key"], kegiatan["kode"]))
    for (_, k_no, k_name, i_no, name), group in _groups(
            raw, ("blok", "kegiatan_no", "kegiatan", "indikator_no", "indikator")).items():
        k_kode = keys.get((k_no, k_name))
        if k_kode is None:
            continue
        first = group[0]
        where = {"sheet": first["sumber_sheet"], "row": int(first["sumber_baris"]), "value": name}
        if not name:
            problems.error("indikator kosong pada baris aktivitas", hint="isi Indikator Kinerja", **where)
            continue
        no = _to_int(i_no) or per_kegiatan.get(k_kode, 0) + 1
        key = (k_kode, no) if _to_int(i_no) else (k_kode, normalize_key(name))
        for dup_key in (key, (k_kode, normalize_key(name))):
            if dup_key in seen:
                problems.error(f"indikator ganda: sudah ada pada baris {seen[dup_key]} dan muncul lagi pada baris "
                               f"{where['row']}", hint="hapus salah satu atau beri nomor berbeda", **where)
                break
        else:
            seen[key] = seen[(k_kode, normalize_key(name))] = where["row"]
            rows.append(_indikator_record(group, k_kode, no, name, problems, units))
            per_kegiatan[k_kode] = per_kegiatan.get(k_kode, 0) + 1
    return rows


def _indikator_record(group: list[dict], k_kode, no, name, problems: Problems, units) -> dict:
    first = group[0]
    cell = first["target_sel"]
    where = {"sheet": first["sumber_sheet"], "cell": cell, "row": int(re.sub(r"\D", "", cell) or first["sumber_baris"]),
             "column": re.sub(r"\d", "", cell), "header": "Target", "value": first["target"]}
    if not any(r["aktivitas"] for r in group):
        problems.warn("indikator tanpa aktivitas (Kegiatan yang akan dilaksanakan kosong); indikator "
                      "tetap dihitung", sheet=first["sumber_sheet"], row=int(first["sumber_baris"]), value=name,
                      hint="isi aktivitas yang menunjang indikator ini beserta bulan pelaksanaannya")
    others = list(dict.fromkeys(r["target"] for r in group if r["target"] and r["target"] != first["target"]))
    if others:
        problems.error(f"target indikator '{name}' ditulis berbeda dalam satu blok: '{first['target']}' dan "
                       f"'{others[0]}'", hint="satu indikator hanya punya satu target; samakan atau gabungkan selnya",
                       **where)
    teks, target = _target_with_unit(first, where, problems)
    names = list(dict.fromkeys(_unit_name(r["pelaksana"], units) for r in group if r["pelaksana"]))
    return {"kode": f"{k_kode}.I{no:02d}", "kegiatan_kode": k_kode, "no": no, "nama": name,
            "target_teks": teks, "target_nilai": getattr(target, "nilai", None),
            "target_satuan": getattr(target, "satuan", "") or "", "target_min": getattr(target, "min", None),
            "target_max": getattr(target, "max", None), "target_sel": cell, "pelaksana": "; ".join(names),
            "sumber_file": first["sumber_file"], "sumber_sheet": first["sumber_sheet"],
            "sumber_baris": int(first["sumber_baris"]), "_blok": int(first["blok"])}


def _target_with_unit(first: dict, where: dict, problems: Problems):
    """The target text and its parse; a unit from a separate Satuan column joins a bare number."""
    teks, satuan = first["target"], first["satuan"]
    target = None
    try:
        target = parse_target(teks)
        if target is None:
            problems.error(f"target indikator '{first['indikator']}' kosong",
                           hint="isi target, misalnya '1 laporan' atau '100%'", **where)
        elif satuan and not target.satuan:
            teks = f"{teks}%" if canonical_unit(satuan) == "%" else f"{teks} {satuan}"
            target = parse_target(teks)
        elif satuan and canonical_unit(satuan) != target.satuan:
            problems.error(f"satuan target '{target.satuan}' berbeda dengan kolom Satuan '{satuan}'",
                           hint="samakan satuan pada kolom Target dan kolom Satuan", **where)
    except ParseError as exc:
        problems.error(f"target tidak dapat dibaca: {exc.message}", hint=exc.hint, **where)
    if target is not None and min(v for v in (target.nilai, target.min, 0) if v is not None) < 0:
        problems.error("target bernilai negatif", hint="target harus nol atau lebih", **where)
    return teks, target


def _unit_name(text: str, units) -> str:
    unit = match_sub_unit(text, units)
    return unit.nama if unit else text


def _aktivitas_rows(raw: list[dict], indikator, problems: Problems, units, pelaksana_col: str) -> tuple[list, list]:
    keys = dict(zip(indikator["_blok"], indikator["kode"]))
    rows, months, seen, per_indikator = [], [], {}, {}
    for rec in raw:
        i_kode = keys.get(rec["blok"])
        if i_kode is None or not rec["aktivitas"]:  # not an indicator read, or one with no activity
            continue
        where = {"sheet": rec["sumber_sheet"], "row": int(rec["sumber_baris"]), "value": rec["aktivitas"]}
        dup = (i_kode, normalize_key(rec["aktivitas"]))
        if dup in seen:
            problems.error(f"aktivitas ganda di bawah indikator yang sama (baris {seen[dup]} dan {where['row']})",
                           hint="hapus baris yang berulang", **where)
            continue
        seen[dup] = where["row"]
        per_indikator[i_kode] = per_indikator.get(i_kode, 0) + 1
        kode = f"{i_kode}.A{per_indikator[i_kode]:02d}"
        rows.append(_aktivitas_record(rec, kode, i_kode, problems, units, pelaksana_col))
        planned = [m for m in range(1, 13) if rec[f"bulan_{m}"]]
        months += [{"aktivitas_kode": kode, "bulan": m} for m in planned]
        if not planned:
            problems.warn("aktivitas tanpa bulan pelaksanaan (tidak ada bulan yang ditandai)",
                          hint="tandai bulan rencana pelaksanaan (B1..B12) dengan tanda atau arsiran", **where)
    return rows, months


def _aktivitas_record(rec, kode, i_kode, problems: Problems, units, pelaksana_col: str) -> dict:
    text = rec["pelaksana"]
    unit = match_sub_unit(text, units)
    if text and unit is None:
        problems.warn(f"pelaksana '{text}' tidak dikenal; dipakai apa adanya",
                      hint="tambahkan ejaan ini sebagai alias sub bagian di profil.toml",
                      sheet=rec["sumber_sheet"], row=int(rec["sumber_baris"]), value=text,
                      cell=f"{pelaksana_col}{int(rec['sumber_baris'])}", column=pelaksana_col, header="Pelaksana")
    elif not text:
        problems.warn("pelaksana kosong", sheet=rec["sumber_sheet"], row=int(rec["sumber_baris"]),
                      cell=f"{pelaksana_col}{int(rec['sumber_baris'])}", column=pelaksana_col, header="Pelaksana",
                      hint="isi sub bagian pelaksana")
    return {"kode": kode, "indikator_kode": i_kode, "nama": rec["aktivitas"],
            "pelaksana": unit.nama if unit else text, "pelaksana_kode": unit.kode if unit else None,
            "pelaksana_teks": text, "sumber_file": rec["sumber_file"], "sumber_sheet": rec["sumber_sheet"],
            "sumber_baris": int(rec["sumber_baris"])}


RAW_COLUMNS = ["sumber_file", "sumber_sheet", "sumber_baris", "kegiatan_no", "kegiatan", "indikator_no",
               "indikator", "target", "satuan", "aktivitas", "pelaksana"] + [f"bulan_{m}" for m in range(1, 13)]


def normalise(raw: pd.DataFrame, problems: Problems, units, pelaksana_col: str) -> dict[str, pd.DataFrame]:
    """Kegiatan, indikator, aktivitas and planned months from the raw rows, each checked by its contract."""
    records = row_dicts(raw)  # a RAK has tens of rows: plain loops, not DataFrame groupbys
    kegiatan = _kegiatan_table(records, problems)
    indikator = pd.DataFrame(_indikator_rows(records, kegiatan, problems, units)) if len(kegiatan) else pd.DataFrame()
    aktivitas, months = (_aktivitas_rows(records, indikator, problems, units, pelaksana_col) if len(indikator)
                         else ([], []))
    return {
        "kegiatan": Kegiatan.validate(_frame(kegiatan, Kegiatan)),
        "indikator": Indikator.validate(_frame(indikator, Indikator)),
        "aktivitas": Aktivitas.validate(_frame(pd.DataFrame(aktivitas), Aktivitas)),
        "bulan": AktivitasBulan.validate(_frame(pd.DataFrame(months), AktivitasBulan)),
    }


def _frame(df: pd.DataFrame, model) -> pd.DataFrame:
    """Columns in the contract's order; an empty table still has its columns."""
    columns = list(model.to_schema().columns)
    if df.empty:
        return pd.DataFrame({c: pd.Series(dtype="object") for c in columns}).astype(
            {c: "int64" for c in columns if c in ("no", "bulan", "sumber_baris")})
    return df[columns].reset_index(drop=True)


def parse_rak_grid(grid: Grid, units: tuple[SubUnit, ...] = DEFAULT_SUB_UNITS) -> Rak:
    """Read a RAK table from a Grid: pure, every problem collected."""
    problems = Problems(grid.file)
    sheet = RakSheet(grid, problems)
    layout = find_layout(sheet)
    if layout is None:
        problems.error("judul kolom tabel RAK tidak ditemukan", sheet=grid.sheet,
                       hint="tabel harus memiliki judul kolom Indikator Kinerja, Target, Kegiatan yang akan "
                            "dilaksanakan, B1..B12 dan Pelaksana")
        return _empty_rak(grid.file, problems)
    return _parse_with_layout(sheet, layout, units)


def _parse_with_layout(sheet: RakSheet, layout: Layout, units) -> Rak:
    problems, grid = sheet.problems, sheet.grid
    titles = list(grid.preamble) + [" ".join(sheet.row_texts(row))
                                    for row in sorted(r for r in grid.rows if r < layout.header_row)]
    for row in sorted(r for r in grid.rows if r < layout.header_row):
        problems.info("baris judul di atas tabel dilewati", sheet=grid.sheet, row=row,
                      value=" | ".join(sheet.row_texts(row))[:120])
    if not check_layout(sheet, layout):
        return _empty_rak(grid.file, problems)
    if grid.shaded_cells is None:
        problems.warn("arsiran sel tidak dapat dibaca dari berkas ini; hanya tanda pada sel bulan yang dihitung",
                      sheet=grid.sheet, hint="simpan ulang sebagai .xlsx bila bulan ditandai dengan arsiran")
    resolve_number_columns(sheet, layout)
    records, table_end = scan_rows(sheet, layout)
    check_merges(sheet, layout, table_end)
    check_special_cells(sheet, layout, table_end)
    raw = pd.DataFrame(records, columns=RAW_COLUMNS + ["target_sel", "blok"])
    pelaksana_col = Grid.cell_name(1, layout.text_col["pelaksana"]).rstrip("0123456789")
    tables = normalise(raw, problems, units, pelaksana_col)
    if raw.empty:
        problems.error("tabel RAK tidak berisi satu pun baris aktivitas", sheet=grid.sheet, row=layout.header_row)
    return Rak(file=grid.file, raw=RakRaw.validate(raw[RAW_COLUMNS]), problems=problems.items,
               tahun=title_year(titles), **tables)


def title_year(titles: list[str]) -> int | None:
    """The year in the title above the table ('... TAHUN 2024')."""
    for text in titles:
        match = _TITLE_YEAR.search(text)
        if match:
            return int(match.group(1))
    return None


def _empty_rak(file: str, problems: Problems) -> Rak:
    raw = RakRaw.validate(pd.DataFrame(columns=RAW_COLUMNS).astype(
        {"sumber_baris": "int64", **{f"bulan_{m}": "bool" for m in range(1, 13)}}))
    tables = normalise(raw.assign(target_sel=pd.Series(dtype="object"), blok=pd.Series(dtype="int64")), problems,
                       DEFAULT_SUB_UNITS, "")
    return Rak(file=file, raw=raw, problems=problems.items, **tables)


# --- I/O edge -----------------------------------------------------------------------------------

def read_rak(path: Path, units: tuple[SubUnit, ...] = DEFAULT_SUB_UNITS) -> Rak:
    """Read a RAK from .xlsx/.xlsm/.xls (first sheet holding a RAK header) or from a .docx table."""
    path = Path(path)
    try:
        if path.suffix.lower() in DOCUMENT_SUFFIXES:
            from tasks.reading.docx_grid import read_docx_grid

            return parse_rak_grid(read_docx_grid(path), units)
        return _read_rak_workbook(Workbook(path), units)
    except InputError as exc:
        problems = Problems(path.name)
        problems.items.extend(exc.problems)
        return _empty_rak(path.name, problems)


def _read_rak_workbook(book: Workbook, units) -> Rak:
    ordered = sorted(book.sheet_names, key=lambda s: book.hidden.get(s, False))  # visible sheets first
    for name in ordered:
        grid = book.grid(name)
        sheet = RakSheet(grid, Problems(book.name))
        if find_layout(sheet) is None:
            continue
        rak = parse_rak_grid(grid, units)
        if book.hidden.get(name):
            rak.problems.insert(0, Problem(file=book.name, sheet=name, severity=Severity.WARNING,
                                           message="tabel RAK dibaca dari sheet tersembunyi",
                                           hint="tampilkan (unhide) sheet ini"))
        return rak
    problems = Problems(book.name)
    problems.error(f"tidak ada sheet yang memuat tabel RAK. Sheet yang ada: {', '.join(book.sheet_names)}",
                   hint="pastikan tabel memiliki judul kolom Indikator Kinerja, Target, Kegiatan yang akan "
                        "dilaksanakan, B1..B12 dan Pelaksana")
    return _empty_rak(book.name, problems)
