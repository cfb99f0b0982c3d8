"""Reading a quarterly realisation workbook (the form `lkip template` writes) into contracts.

Columns are found by their header words, not by position, so a form whose columns were moved or
whose sheets were renamed in case still reads. Every value keeps the cell it came from.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd
from pandera.typing import DataFrame

from contracts.common import validate_together
from contracts.rak import KODE_AKTIVITAS, KODE_INDIKATOR, KODE_KEGIATAN
from contracts.realisasi import AnggaranBulan, ProgresAktivitas, RealisasiIndikator
from tasks.frames import row_tuples
from tasks.problems import InputError, Problem, Problems
from tasks.reading import form_layout as form
from tasks.reading.form_check import (
    CARRY_HINT,
    META_SHEET,
    RakIndex,
    aktivitas_matches,
    indikator_matches,
    kegiatan_matches,
    read_form_fingerprint,
    report_missing,
)
from tasks.reading.form_sheet import FormSheet, resolve_sheet
from tasks.reading.form_values import as_meant, check_range, check_thousands, on_scale, reference
from tasks.reading.parse import (
    DECIMAL_UNITS,
    ParseError,
    canonical_unit,
    normalize_key,
    normalize_text,
    parse_date,
    parse_number,
)
from tasks.reading.rak import Rak
from tasks.reading.scales import Scale
from tasks.reading.workbook import Grid, Workbook

STATUS_ALIASES = {
    "belum mulai": "Belum Mulai", "belum": "Belum Mulai", "belum dilaksanakan": "Belum Mulai",
    "dalam proses": "Dalam Proses", "proses": "Dalam Proses", "sedang berjalan": "Dalam Proses",
    "on progress": "Dalam Proses", "berjalan": "Dalam Proses",
    "selesai": "Selesai", "sudah selesai": "Selesai", "sudah": "Selesai", "terlaksana": "Selesai",
    "selesai 100": "Selesai", "done": "Selesai",
    "ditunda": "Ditunda", "tunda": "Ditunda", "diundur": "Ditunda", "ditangguhkan": "Ditunda",
    "dibatalkan": "Dibatalkan", "batal": "Dibatalkan",
    "tidak dilaksanakan": "Tidak Dilaksanakan", "tidak terlaksana": "Tidak Dilaksanakan",
    "tidak jadi dilaksanakan": "Tidak Dilaksanakan",
}
_ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4}


@dataclass
class Realisasi:
    """One realisation workbook as read: identity, the three tables, and every problem found."""

    file: str
    satker_kode: str = ""
    tahun: int | None = None
    triwulan: int | None = None
    indikator: DataFrame[RealisasiIndikator] = field(default_factory=pd.DataFrame)
    aktivitas: DataFrame[ProgresAktivitas] = field(default_factory=pd.DataFrame)
    anggaran: DataFrame[AnggaranBulan] = field(default_factory=pd.DataFrame)
    problems: list[Problem] = field(default_factory=list)


def read_identitas(grid: Grid, problems: Problems) -> dict:
    """Key-value pairs of the Identitas sheet: label in one cell, value in the next filled cell."""
    labels = {normalize_key(label): key for key, label in form.IDENTITAS_FIELDS.items()}
    found: dict = {}
    for row, values in sorted(grid.rows.items()):
        for col, value in enumerate(values, start=1):
            key = labels.get(normalize_key(value))
            if key:
                rest = [(c, v) for c, v in enumerate(values[col:], start=col + 1) if normalize_text(v)]
                found[key] = ((rest[0][1], Grid.cell_name(row, rest[0][0])) if rest
                              else ("", Grid.cell_name(row, col + 1)))
    return found


def _int_field(found: dict, key: str, grid: Grid, problems: Problems, roman: bool = False) -> int | None:
    value, cell = found.get(key, ("", ""))
    text = normalize_key(value).removeprefix("tw ").removeprefix("triwulan ").strip()
    if roman and text in _ROMAN:
        return _ROMAN[text]
    try:
        number = parse_number(value, integral=True).value
    except ParseError:
        number = None
    if number is None or number != int(number):
        label = form.IDENTITAS_FIELDS[key]
        problems.error(f"{label} tidak valid atau kosong", sheet=grid.sheet, cell=cell, value=normalize_text(value),
                       header=label, hint=f"isi {label} dengan angka")
        return None
    return int(number)


def parse_identitas(grid: Grid, problems: Problems) -> tuple[str, int | None, int | None]:
    found = read_identitas(grid, problems)
    kode = normalize_text(found.get("kode_satker", ("", ""))[0])
    if not kode:
        problems.error("Kode Satker kosong", sheet=grid.sheet, hint="isi kode satker seperti pada profil.toml")
    tahun = _int_field(found, "tahun", grid, problems)
    if tahun is not None and not 2000 <= tahun <= 2100:
        problems.error(f"Tahun {tahun} tidak masuk akal", sheet=grid.sheet, cell=found["tahun"][1],
                       value=str(tahun), header="Tahun", hint="isi tahun laporan, misalnya 2024")
        tahun = None
    triwulan = _int_field(found, "triwulan", grid, problems, roman=True)
    if triwulan is not None and triwulan not in (1, 2, 3, 4):
        problems.error("Triwulan harus 1, 2, 3 atau 4", sheet=grid.sheet, cell=found["triwulan"][1],
                       value=str(triwulan))
        triwulan = None
    if "tanggal" in found and normalize_text(found["tanggal"][0]):
        try:
            parse_date(found["tanggal"][0], date1904=grid.date1904)
        except ParseError as exc:
            problems.error(exc.message, hint=exc.hint, sheet=grid.sheet, cell=found["tanggal"][1],
                           header="Tanggal Pengisian", value=normalize_text(found["tanggal"][0]))
    return kode, tahun, triwulan


_CODE_SHAPES = {"indikator": KODE_INDIKATOR, "aktivitas": KODE_AKTIVITAS}


def _known(kind: str, kode: str, known: set[str] | None, sheet: FormSheet, row: int, problems: Problems) -> bool:
    if kode and not re.match(_CODE_SHAPES[kind], kode):
        problems.error(f"kode {kind} '{kode}' tidak valid", hint="jangan mengubah kolom Kode; gunakan formulir dari "
                       "'lkip template'", **sheet.where(row, "kode"))
        return False
    if not kode:
        problems.error(f"kode {kind} kosong pada baris yang berisi data", hint="jangan menambah baris baru; "
                       "gunakan formulir dari 'lkip template'", **sheet.where(row, "kode"))
        return False
    if known is not None and kode not in known:
        problems.error(f"kode {kind} '{kode}' tidak ada di RAK", hint="periksa kode; buat ulang formulir dari RAK "
                       "terbaru dengan 'lkip template'", **sheet.where(row, "kode"))
        return False
    return True


def _first_seen(seen: dict, key, sheet: FormSheet, row: int, what: str, problems: Problems) -> bool:
    if key in seen:
        problems.error(f"{what} ganda: baris {seen[key]} dan baris {row}", hint="hapus salah satu baris",
                       **sheet.where(row, "kode"))
        return False
    seen[key] = row
    return True


def _has_input(sheet: FormSheet, row: int) -> bool:
    """Any input cell filled, counting error and formula cells (calamine reads those as empty)."""
    cols = [sheet.cols[s.key] for s in sheet.specs if s.input and s.key in sheet.cols]
    return any(normalize_text(sheet.grid.value(row, c)) or (row, c) in sheet.grid.errors
               or (row, c) in sheet.grid.formulas for c in cols)


def parse_indikator(sheet: FormSheet, rak: Rak | None, problems: Problems, index: RakIndex | None = None,
                    scales: dict[str, Scale] | None = None) -> list[dict]:
    """The indicator rows, each checked against the RAK's text for its code (`index`)."""
    if not sheet.require(["kode", "realisasi", "jenis_nilai"]):
        return []
    targets = {} if rak is None else {r.kode: r for r in row_tuples(rak.indikator)}
    rows, seen = [], {}
    for row in sheet.data_rows():
        kode = sheet.text(row, "kode")
        if not kode and not _has_input(sheet, row):
            continue
        if not _known("indikator", kode, set(targets) if rak is not None else None, sheet, row, problems):
            continue
        if not _first_seen(seen, kode, sheet, row, "indikator", problems):
            continue
        if index is not None and not indikator_matches(sheet, row, kode, index, problems):
            continue
        rows.append(_indikator_row(sheet, row, kode, targets.get(kode), problems, (scales or {}).get(kode)))
    if index is not None:
        report_missing(sheet, "indikator", list(index.indikator), set(seen), index, problems)
    return rows


def _indikator_row(sheet: FormSheet, row: int, kode: str, target, problems: Problems, scale: Scale | None = None
                   ) -> dict:
    satuan = target.target_satuan if target is not None else canonical_unit(sheet.text(row, "satuan"))
    label = ""
    if scale is not None:
        value, label = on_scale(sheet, row, scale, problems)
    else:
        value = sheet.number(row, "realisasi", integral=satuan not in DECIMAL_UNITS, percent_ok=satuan == "%",
                             unit=satuan)
        value = as_meant(sheet, row, value, reference(target), satuan, problems)
    check_range(sheet, row, value, target, problems)
    jenis_text = sheet.text(row, "jenis_nilai")
    jenis = {normalize_key(k): v for k, v in form.JENIS_NILAI.items()}.get(normalize_key(jenis_text))
    if jenis is None and (jenis_text or value is not None):
        problems.error("Jenis Nilai kosong atau tidak dikenal", hint="pilih 'Triwulan ini' atau 'Kumulatif s.d. "
                       "triwulan ini'", **sheet.where(row, "jenis_nilai"))
    return {"indikator_kode": kode, "realisasi": value, "realisasi_teks": label, "satuan": satuan,
            "jenis_nilai": jenis or "periode",
            "kendala": sheet.text(row, "kendala"), "upaya": sheet.text(row, "upaya"),
            "bukti": sheet.text(row, "bukti"), "sumber_sel": sheet.cell(row, "realisasi"),
            "sumber_baris": row}


def parse_aktivitas(sheet: FormSheet, rak: Rak | None, triwulan: int, problems: Problems,
                    index: RakIndex | None = None) -> list[dict]:
    """Each activity's status per month of the quarter, the row checked against the RAK (`index`)."""
    if not sheet.require(["kode"]):
        return []
    known = None if rak is None else set(rak.aktivitas["kode"])
    rows, seen = [], {}
    for row in sheet.data_rows():
        kode = sheet.text(row, "kode")
        if not kode and not _has_input(sheet, row):
            continue
        if not _known("aktivitas", kode, known, sheet, row, problems) or \
                not _first_seen(seen, kode, sheet, row, "aktivitas", problems):
            continue
        if index is not None and not aktivitas_matches(sheet, row, kode, index, problems):
            continue
        for month in form.quarter_months(triwulan):
            rows.append(_status_row(sheet, row, kode, month, problems))
    if index is not None:
        report_missing(sheet, "aktivitas", list(index.aktivitas), set(seen), index, problems)
    return rows


def _status_row(sheet: FormSheet, row: int, kode: str, month: int, problems: Problems) -> dict:
    key = f"status_{month}"
    text = sheet.text(row, key)
    status = STATUS_ALIASES.get(normalize_key(text)) if text else None
    if text and status is None:
        problems.error(f"status '{text}' tidak dikenal", hint="pilih salah satu: " + ", ".join(form.STATUS_CHOICES),
                       **sheet.where(row, key))
    return {"aktivitas_kode": kode, "bulan": month, "status": status, "keterangan": sheet.text(row, "keterangan"),
            "sumber_sel": sheet.cell(row, key), "sumber_baris": row}


def parse_anggaran(sheet: FormSheet, rak: Rak | None, triwulan: int, problems: Problems,
                   index: RakIndex | None = None) -> list[dict]:
    """Each filled budget row, per month of the quarter; its kegiatan checked against the RAK (`index`)."""
    if not sheet.require(["kegiatan_kode", "sumber_dana", "pagu"]):
        return []
    known = None if rak is None else set(rak.kegiatan["kode"])
    rows, seen, listed = [], {}, set()
    for row in sheet.data_rows():
        kode, sumber = sheet.text(row, "kegiatan_kode"), sheet.text(row, "sumber_dana").upper()
        if kode:
            listed.add(kode)
        if not _has_input(sheet, row):
            continue
        if (known is not None and kode not in known) or not re.match(KODE_KEGIATAN, kode):
            problems.error(f"kode kegiatan '{kode}' tidak ada di RAK atau tidak valid",
                           **sheet.where(row, "kegiatan_kode"))
            continue
        if not _first_seen(seen, (kode, sumber), sheet, row, "baris anggaran", problems):
            continue
        if index is not None and not kegiatan_matches(sheet, row, kode, index, problems):
            continue
        rows += _anggaran_rows(sheet, row, kode, sumber, triwulan, problems)
    if index is not None:
        report_missing(sheet, "kegiatan", list(index.kegiatan), listed, index, problems)
    return rows


def _anggaran_rows(sheet: FormSheet, row: int, kode: str, sumber: str, triwulan: int, problems: Problems) -> list:
    money = {"integral": True, "percent_ok": False}
    pagu = sheet.number(row, "pagu", **money)
    out, spent = [], 0.0
    for month in form.quarter_months(triwulan):
        rpd = sheet.number(row, f"rpd_{month}", **money)
        real = sheet.number(row, f"realisasi_{month}", **money)
        for key, value in ((f"rpd_{month}", rpd), (f"realisasi_{month}", real)):
            if value is not None and value < 0:
                problems.error("nilai rupiah negatif", hint="periksa kembali angkanya", **sheet.where(row, key))
        spent += real or 0
        out.append({"kegiatan_kode": kode, "sumber_dana": sumber, "pagu": pagu, "bulan": month,
                    "rpd": rpd if rpd is None or rpd >= 0 else None,
                    "realisasi": real if real is None or real >= 0 else None,
                    "sel_pagu": sheet.cell(row, "pagu"), "sel_rpd": sheet.cell(row, f"rpd_{month}"),
                    "sel_realisasi": sheet.cell(row, f"realisasi_{month}"), "sumber_baris": row})
    if pagu is None and any(item["rpd"] is not None or item["realisasi"] is not None for item in out):
        problems.error("pagu kosong padahal RPD atau realisasi terisi", **sheet.where(row, "pagu"),
                       hint="isi pagu (revisi terakhir) kegiatan dan sumber dana ini")
    if pagu is not None and pagu < 0:
        problems.error("pagu bernilai negatif", **sheet.where(row, "pagu"))
        for item in out:
            item["pagu"] = None
    elif pagu is not None and spent > pagu:
        problems.warn(f"realisasi triwulan ini (Rp{spent:,.0f}) melebihi pagu".replace(",", "."),
                      hint="periksa pagu revisi dan angka realisasi", **sheet.where(row, "pagu"))
    check_thousands(sheet, row, pagu, out, problems)
    return out


TABLES = {"indikator": RealisasiIndikator, "aktivitas": ProgresAktivitas, "anggaran": AnggaranBulan}


def _table(rows: list[dict], model, base: dict) -> pd.DataFrame:
    columns = list(model.to_schema().columns)
    frame = pd.DataFrame([{**base, **r} for r in rows], columns=columns)
    blank = {c: "object" for c in ("realisasi", "rpd", "pagu", "status") if c in frame and frame[c].isna().all()}
    return frame.astype(blank) if blank else frame  # astype({}) still copies every column (~1 ms a table)


def validate_tables(results: list[Realisasi]) -> None:
    """Check the tables of several quarters against their contracts, one validation per table kind
    (a validation has a fixed cost per call; uniqueness still holds within each quarter's table)."""
    for name, model in TABLES.items():
        checked = validate_together(model, {i: getattr(r, name) for i, r in enumerate(results)})
        for i, result in enumerate(results):
            setattr(result, name, checked[i])


def read_realisasi(source: Path | Workbook, rak: Rak | None = None, validate: bool = True,
                   scales: dict[str, Scale] | None = None) -> Realisasi:
    """Read one quarter's realisation workbook (the file, or its Workbook already opened); problems are
    collected, never raised.

    validate=False leaves the contract check to the caller (validate_tables), which checks the
    quarters of one office together. `scales`: the scale of each qualitative indicator, by code.
    """
    name = source.name if isinstance(source, Workbook) else Path(source).name
    problems = Problems(name)
    result = Realisasi(file=name)
    try:
        book = source if isinstance(source, Workbook) else Workbook(Path(source))
        names = {wanted: resolve_sheet(book, wanted, problems) for wanted in form.DATA_SHEETS}
        if names[form.SHEET_IDENTITAS]:
            result.satker_kode, result.tahun, result.triwulan = parse_identitas(
                book.grid(names[form.SHEET_IDENTITAS]), problems)
        if result.triwulan is not None and result.tahun is not None:
            _read_tables(book, names, rak, result, problems, scales)
    except InputError as exc:  # a damaged file or sheet: reported with what was found so far, nothing half-read kept
        result.indikator = result.aktivitas = result.anggaran = pd.DataFrame()
        result.problems = problems.items + exc.problems
        return result
    if validate:
        validate_tables([result])
    result.problems = problems.items
    return result


def _read_tables(book: Workbook, names: dict, rak: Rak | None, result: Realisasi, problems: Problems,
                 scales: dict[str, Scale] | None = None) -> None:
    tw = result.triwulan
    base = {"satker_kode": result.satker_kode, "tahun": result.tahun, "triwulan": tw, "sumber_file": book.name}
    specs = {form.SHEET_INDIKATOR: form.indikator_columns(), form.SHEET_AKTIVITAS: form.aktivitas_columns(tw),
             form.SHEET_ANGGARAN: form.anggaran_columns(tw)}
    sheets = {w: FormSheet(book.grid(n), problems, specs[w]) for w, n in names.items() if n and w in specs}
    for sheet in sheets.values():
        sheet.check_merges()
    index = _rak_index(book, rak, problems)
    empty: list[dict] = []
    ind = (parse_indikator(sheets[form.SHEET_INDIKATOR], rak, problems, index, scales) if form.SHEET_INDIKATOR in sheets
           else empty)
    act = (parse_aktivitas(sheets[form.SHEET_AKTIVITAS], rak, tw, problems, index) if form.SHEET_AKTIVITAS in sheets
           else empty)
    bud = (parse_anggaran(sheets[form.SHEET_ANGGARAN], rak, tw, problems, index) if form.SHEET_ANGGARAN in sheets
           else empty)
    result.indikator = _table(ind, RealisasiIndikator, {**base, "sumber_sheet": names[form.SHEET_INDIKATOR] or ""})
    result.aktivitas = _table(act, ProgresAktivitas, {**base, "sumber_sheet": names[form.SHEET_AKTIVITAS] or ""})
    result.anggaran = _table(bud, AnggaranBulan, {**base, "sumber_sheet": names[form.SHEET_ANGGARAN] or ""})
    if not bud and not any(r["status"] for r in act) and not any(
            r["realisasi"] is not None or r["kendala"] or r["upaya"] or r["bukti"] for r in ind):
        warn_blank(book.name, tw, problems)


def warn_blank(name: str, triwulan: int, problems: Problems) -> None:
    """A form that is there but holds nothing yet: its months are reported as 'belum dilaporkan', and the
    user is told which file it is (a form copied into the folder before it was filled, or saved empty)."""
    quarter = "I II III IV".split()[triwulan - 1] if 1 <= triwulan <= 4 else str(triwulan)
    problems.warn(f"formulir {name} (Triwulan {quarter}) masih kosong: tidak ada realisasi indikator, status "
                  "aktivitas, maupun anggaran yang diisi", value=name,
                  hint="isi sel kuning formulir ini; sampai diisi, laporan bulan-bulan triwulan ini menyatakan "
                       "'belum dilaporkan'")


def _rak_index(book: Workbook, rak: Rak | None, problems: Problems) -> RakIndex | None:
    """The RAK the rows are checked against, with the fingerprint the form carries (its meta sheet)."""
    if rak is None:
        return None
    index = RakIndex.of(rak)
    if META_SHEET in book.sheet_names:
        grid = book.grid(META_SHEET)
        values = {normalize_key(row[0]).replace(" ", "_"): row[1] for row in grid.rows.values() if len(row) >= 2}
        index.form_fingerprint = read_form_fingerprint(values)
    if index.revised:
        problems.warn("formulir ini dibuat dari RAK versi lain (sidik RAK berbeda)", hint=CARRY_HINT)
    return index
