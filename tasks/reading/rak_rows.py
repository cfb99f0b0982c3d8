"""The rows under the RAK's header, one by one: read as data (merged block values filled down) or
skipped with the reason said; a row that fills the RAK's columns the way data does is never skipped
without an error (issue 12: every row of the table accounted for).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from tasks.reading.parse import normalize_key, normalize_text
from tasks.reading.rak_layout import (
    BLOCK_FIELDS,
    NUMBERING,
    REQUIRED,
    Layout,
    RakSheet,
    is_sub_header_row,
    match_field,
    month_label,
    range_name,
)
from tasks.reading.workbook import Grid

NOT_A_MARK = {"-", "–", "—", "0"}

_LEADING_NUMBER = re.compile(r"^([0-9]+)[.)]\s+(\S.*)$")
# Notes and the signature block under the table. A note with its colon ("Keterangan:") or a NIP line
# ends the table wherever it stands; the other words may also begin an activity ("Sumber daya …",
# "Ketua KPU melantik …"), so they end the table only outside the indicator and activity columns.
_NOTE_LINE = re.compile(r"^(keterangan|catatan|ket|sumber|nb)\s*:|^nip\b", re.IGNORECASE)
_END_WORDS = re.compile(r"^(keterangan|catatan|sumber|mengetahui|menyetujui|disetujui|ditetapkan|ketua|"
                        r"sekretaris|kepala|plt|plh|an|a n)\b")
_PLACE_DATE = re.compile(r"^[A-Za-z .'-]+,\s*\d{1,2}\s+[A-Za-z]+\s+\d{4}$")
_TOTAL_WORDS = {"jumlah", "total", "jumlah total", "total keseluruhan", "jumlah keseluruhan", "grand total"}


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
    match = NUMBERING.match(text)
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


