"""Reading the RAK as printed: the header found by its words (tasks.reading.rak_layout), every row
under it read or listed (tasks.reading.rak_rows), then normalised into kegiatan, indicators with their
targets, activities and planned months, each checked by its contract.

`parse_rak_grid` is pure (a Grid in, tables and problems out); `read_rak` is the I/O edge that turns
an .xlsx/.xls/.docx file into a Grid first.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
from pandera.typing import DataFrame

from contracts.checked import validated
from contracts.rak import Aktivitas, AktivitasBulan, Indikator, Kegiatan, RakRaw
from tasks.frames import row_dicts
from tasks.problems import InputError, Problem, Problems, Severity
from tasks.reading.parse import ParseError, canonical_unit, normalize_key, parse_target
from tasks.reading.profile import DEFAULT_SUB_UNITS, SubUnit, match_sub_unit
from tasks.reading.rak_layout import Layout, RakSheet, check_layout, find_layout, resolve_number_columns
from tasks.reading.rak_rows import check_merges, check_special_cells, scan_rows
from tasks.reading.scales import builtin_scale
from tasks.reading.workbook import DOCUMENT_SUFFIXES, Grid, Workbook

_BUDGET_CODE = re.compile(r"\s*\((\d{4}(?:\.[A-Z0-9]+)*)\)\s*$")
_TITLE_YEAR = re.compile(r"\b(20\d{2})\b")


# --- normalisation ------------------------------------------------------------------------------

@dataclass
class Rak:
    """The RAK as read: raw rows, normalised tables, and every problem found."""

    file: str
    raw: DataFrame[RakRaw]
    kegiatan: DataFrame[Kegiatan]
    indikator: DataFrame[Indikator]
    aktivitas: DataFrame[Aktivitas]
    bulan: DataFrame[AktivitasBulan]
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
            problems.error("aktivitas tanpa kegiatan (Sasaran Strategis/Kegiatan) di atasnya",
                           sheet=first["sumber_sheet"], row=int(first["sumber_baris"]),
                           value=first["indikator"] or first["aktivitas"],
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
            "target_max": getattr(target, "max", None), "target_arah": getattr(target, "arah", None),
            "target_kualitatif": _qualitative_label(target), "target_sel": cell, "pelaksana": "; ".join(names),
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
        elif satuan and not target.satuan and target.kualitatif is None:
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


def _qualitative_label(target) -> str | None:
    """A qualitative target's label, as its built-in scale writes it ('Opini WTP' -> 'WTP') when it has one."""
    if target is None or target.kualitatif is None:
        return None
    scale = builtin_scale(target.kualitatif)
    return scale.canonical(target.kualitatif) if scale else target.kualitatif


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
        "kegiatan": validated(Kegiatan, _frame(kegiatan, Kegiatan)),
        "indikator": validated(Indikator, _frame(indikator, Indikator)),
        "aktivitas": validated(Aktivitas, _frame(pd.DataFrame(aktivitas), Aktivitas)),
        "bulan": validated(AktivitasBulan, _frame(pd.DataFrame(months), AktivitasBulan)),
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
    return Rak(file=grid.file, raw=validated(RakRaw, raw[RAW_COLUMNS]), problems=problems.items,
               tahun=title_year(titles), **tables)


def title_year(titles: list[str]) -> int | None:
    """The year in the title above the table ('... TAHUN 2024')."""
    for text in titles:
        match = _TITLE_YEAR.search(text)
        if match:
            return int(match.group(1))
    return None


def _empty_rak(file: str, problems: Problems) -> Rak:
    raw = validated(RakRaw, pd.DataFrame(columns=RAW_COLUMNS).astype(
        {"sumber_baris": "int64", **{f"bulan_{m}": "bool" for m in range(1, 13)}}))
    tables = normalise(raw.assign(target_sel=pd.Series(dtype="object"), blok=pd.Series(dtype="int64")), problems,
                       DEFAULT_SUB_UNITS, "")
    return Rak(file=file, raw=raw, problems=problems.items, **tables)


# --- I/O edge -----------------------------------------------------------------------------------

def read_rak(source: Path | Workbook | Grid, units: tuple[SubUnit, ...] = DEFAULT_SUB_UNITS) -> Rak:
    """Read a RAK from .xlsx/.xlsm/.xls/.ods (first sheet holding a RAK header) or from a .docx table;
    `source` may be the file, or the Workbook or the Word table's Grid already opened."""
    name = (source.name if isinstance(source, Workbook) else source.file if isinstance(source, Grid)
            else Path(source).name)
    try:
        if isinstance(source, Grid):
            return parse_rak_grid(source, units)
        if isinstance(source, Workbook):
            return _read_rak_workbook(source, units)
        if Path(source).suffix.lower() in DOCUMENT_SUFFIXES:
            from tasks.reading.docx_grid import read_docx_grid

            return parse_rak_grid(read_docx_grid(Path(source)), units)
        return _read_rak_workbook(Workbook(Path(source)), units)
    except InputError as exc:
        problems = Problems(name)
        problems.items.extend(exc.problems)
        return _empty_rak(name, problems)


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
