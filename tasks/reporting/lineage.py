"""The LKIP's lineage workbook (LKIP-<tahun>-sumber.xlsx), published beside the report: every figure
the LKIP prints with what it was computed from and the cells it was read from (file!sheet!cell),
so that the evaluator and the office can check any number. The report's prose carries no cell
references; they are here. Text from inputs is written as text (never a live formula)."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from tasks.files import put_text_safe, save_stable
from tasks.frames import row_tuples
from tasks.measuring.figures import Measures
from tasks.reading.office import OfficeInputs
from tasks.reporting.narrative import numbered

HEADER_FILL = PatternFill("solid", fgColor="D9D9D9")
WRAP = Alignment(wrap_text=True, vertical="top")

EXPLANATION = [
    ("Capaian", "realisasi ÷ target × 100 (makin tinggi makin baik); (2 − realisasi ÷ target) × 100, paling "
                "rendah 0 (makin rendah makin baik); target rentang: 100 di dalam rentang"),
    ("Capaian tercetak", "capaian dibatasi sesuai pengaturan (bawaan 100%); capaian sebenarnya ada di kolom Capaian"),
    ("Realisasi tahunan", "dari realisasi triwulan menurut agregasi indikator: SUM dijumlahkan, LAST nilai "
                          "terakhir, AVG rata-rata, MAX nilai tertinggi"),
    ("Serapan anggaran", "realisasi s.d. bulan ÷ pagu revisi terakhir × 100"),
    ("Efisiensi", "kegiatan efisien bila rata-rata capaian indikatornya tidak lebih rendah dari serapan "
                  "anggarannya; indeks = 1 − serapan ÷ capaian"),
    ("Kepatuhan jadwal", "bulan-aktivitas yang selesai ÷ bulan-aktivitas yang direncanakan s.d. bulan itu "
                         "(ditunda, dibatalkan, tidak dilaksanakan tidak dihitung)"),
    ("Sumber", "berkas!sheet!sel tempat angka dibaca; angka dan persentase yang diketik di berkas masukan tidak "
               "dipakai, semua dihitung ulang"),
]


def _value(value):
    """A cell's value: numbers as numbers, missing as empty, lists joined, the rest as text."""
    if value is None or (isinstance(value, float) and pd.isna(value)) or value is pd.NA:
        return None
    if isinstance(value, (list, tuple)):
        return "; ".join(str(v) for v in value if v is not None)
    if isinstance(value, bool):
        return "ya" if value else "tidak"
    return value


def _sheet(book: Workbook, title: str, header: list[tuple[str, float]], rows: list[list]) -> None:
    ws = book.create_sheet(title)
    for col, (label, width) in enumerate(header, start=1):
        cell = put_text_safe(ws, 1, col, label)
        cell.font, cell.fill, cell.alignment = Font(bold=True), HEADER_FILL, WRAP
        ws.column_dimensions[get_column_letter(col)].width = width
    for r, row in enumerate(rows, start=2):
        for col, value in enumerate(row, start=1):
            put_text_safe(ws, r, col, _value(value)).alignment = WRAP
    ws.freeze_panes = "A2"
    ws.auto_filter.ref = f"A1:{get_column_letter(len(header))}{max(len(rows) + 1, 1)}"


def lineage_rows(inputs: OfficeInputs, m: Measures) -> dict[str, list[list]]:
    """The workbook's rows per sheet, as plain values (tested without writing a file)."""
    no = numbered(m)
    targets = {i.kode: f"{i.sumber_file}!{i.sumber_sheet}!{i.target_sel}" for i in row_tuples(inputs.rak.indikator)}
    indicators = [[no[r.kode], r.kode, r.indikator, r.target_teks, r.target, r.satuan, r.polaritas, r.agregasi,
                   r.atribut_asal, r.realisasi_teks or r.realisasi, r.capaian, r.capaian_dicap, r.kategori, r.status,
                   targets.get(r.kode, ""), list(r.sumber)] for r in row_tuples(m.capaian)]
    quarters = [[no.get(q.kode, ""), q.kode, q.triwulan, q.realisasi_triwulan, q.realisasi_teks or q.realisasi_sd,
                 q.target, q.jenis_target, q.capaian, q.capaian_dicap, q.status] for q in row_tuples(m.triwulan)
                if q.triwulan <= m.period.upto_quarter]
    budget = [[r.kegiatan_kode, r.kegiatan, r.sumber_dana, r.bulan, r.pagu, r.realisasi, r.rpd, r.serapan, r.deviasi,
               list(r.sumber)] for r in row_tuples(m.anggaran)] if not m.anggaran.empty else []
    efficiency = [[r.kegiatan_kode, r.capaian_kinerja, r.serapan, r.indeks_efisiensi, r.efisien, r.aturan]
                  for r in row_tuples(m.efisiensi)] if not m.efisiensi.empty else []
    schedule = [[r.bulan, r.direncanakan, r.selesai, r.dalam_proses, r.belum_mulai, r.tidak_dilaporkan, r.ditunda,
                 r.dibatalkan, r.tidak_dilaksanakan, r.terlambat, r.rencana_sd, r.selesai_sd, r.dikecualikan_sd,
                 r.kepatuhan] for r in row_tuples(m.jadwal)]
    activities = [[a.aktivitas_kode, a.indikator_kode, a.aktivitas, a.pelaksana, a.bulan_rencana,
                   [d if d is not None else "-" for d in a.bulan_selesai], a.tepat_waktu, a.terlambat_selesai,
                   a.belum_selesai, a.dikecualikan, a.status_akhir] for a in row_tuples(m.aktivitas)]
    comparisons = []
    for kode, c in m.perbandingan.items():
        for y in c.get("tahun_sebelumnya", []):
            comparisons.append([no.get(kode, ""), kode, "tahun sebelumnya", y["tahun"], y["target"], y["realisasi"],
                                y["capaian"], "riwayat-indikator.csv"])
        renstra = c.get("renstra", {})
        if renstra.get("target") is not None:
            comparisons.append([no.get(kode, ""), kode, "target Renstra", None, renstra["target"], None,
                                renstra["capaian"], "riwayat-indikator.csv"])
        for b in c.get("pembanding", []):
            comparisons.append([no.get(kode, ""), kode, f"pembanding {b['tingkat']}: {b['wilayah']}", b["tahun"], None,
                                b["nilai"], None, b["sumber"]])
    return {"Indikator": indicators, "Triwulan": quarters, "Anggaran": budget, "Efisiensi": efficiency,
            "Jadwal": schedule, "Aktivitas": activities, "Perbandingan": comparisons}


HEADERS = {
    "Indikator": [("No", 5), ("Kode", 10), ("Indikator", 45), ("Target (RAK)", 14), ("Target", 9), ("Satuan", 10),
                  ("Polaritas", 9), ("Agregasi", 9), ("Atribut", 9), ("Realisasi", 11), ("Capaian", 10),
                  ("Capaian tercetak", 10), ("Kategori", 13), ("Status", 16), ("Sel target", 28),
                  ("Sel realisasi", 60)],
    "Triwulan": [("No", 5), ("Kode", 10), ("Triwulan", 9), ("Realisasi triwulan", 11), ("Realisasi s.d.", 11),
                 ("Target", 9), ("Jenis target", 16), ("Capaian", 10), ("Capaian tercetak", 10), ("Status", 16)],
    "Anggaran": [("Kode kegiatan", 9), ("Kegiatan", 40), ("Sumber dana", 10), ("S.d. bulan", 8), ("Pagu", 18),
                 ("Realisasi", 18), ("RPD", 18), ("Serapan (%)", 10), ("Deviasi", 18), ("Sel", 70)],
    "Efisiensi": [("Kode kegiatan", 9), ("Capaian kinerja (%)", 12), ("Serapan (%)", 10), ("Indeks", 10),
                  ("Efisien", 9), ("Aturan", 18)],
    "Jadwal": [("Bulan", 7), ("Direncanakan", 11), ("Selesai", 9), ("Dalam proses", 9), ("Belum mulai", 9),
               ("Tidak dilaporkan", 10), ("Ditunda", 9), ("Dibatalkan", 9), ("Tidak dilaksanakan", 11),
               ("Terlambat", 9), ("Rencana s.d.", 9), ("Selesai s.d.", 9), ("Dikecualikan s.d.", 11),
               ("Kepatuhan (%)", 11)],
    "Aktivitas": [("Kode", 13), ("Indikator", 10), ("Aktivitas", 45), ("Pelaksana", 30), ("Bulan rencana", 14),
                  ("Bulan selesai", 14), ("Tepat waktu", 9), ("Terlambat selesai", 10), ("Belum selesai", 9),
                  ("Dikecualikan", 10), ("Status terakhir", 14)],
    "Perbandingan": [("No", 5), ("Kode", 10), ("Pembanding", 30), ("Tahun", 7), ("Target", 10), ("Nilai", 10),
                     ("Capaian", 10), ("Sumber", 80)],
}


def write_lineage(inputs: OfficeInputs, m: Measures, path: Path, rows: dict[str, list[list]] | None = None) -> Path:
    """Write the lineage workbook of `m`'s period to `path` (atomically, byte-stable); `rows`: its
    lineage_rows when already made."""
    book = Workbook()
    about = book.active
    about.title = "Keterangan"
    put_text_safe(about, 1, 1, f"Asal angka LKIP {inputs.profile.nama} Tahun {m.period.tahun}").font = Font(bold=True)
    for r, (term, text) in enumerate(EXPLANATION, start=3):
        put_text_safe(about, r, 1, term).font = Font(bold=True)
        put_text_safe(about, r, 2, text).alignment = WRAP
    about.column_dimensions["A"].width, about.column_dimensions["B"].width = 20, 100
    for title, sheet_rows in (rows if rows is not None else lineage_rows(inputs, m)).items():
        _sheet(book, title, HEADERS[title], sheet_rows)
    return save_stable(path, book.save)
