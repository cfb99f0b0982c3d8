"""The quarterly measurement report's context (the "dokumen pengukuran kinerja per triwulan", LKE
2.b.4): what its template may print, every value already formatted text."""

from __future__ import annotations

from typing import TypedDict

from contracts.context import (
    BarisAnggaran,
    Gambar,
    IndikatorBulan,
    Kendala,
    Penandatangan,
    PerPelaksana,
    Satker,
    SumberAnggaran,
    Terlambat,
)


class IndikatorTriwulan(IndikatorBulan):
    """An indicator measured at the quarter's end: the quarter's own value beside the value to date."""

    realisasi_triwulan: str  # the quarter alone ("1 laporan", "-" when not reported)


class TriwulanContext(TypedDict):
    satker: Satker
    tahun: str
    triwulan: str  # "II"
    judul: str  # "LAPORAN PENGUKURAN KINERJA"
    subjudul: str  # "Triwulan II Tahun 2024"
    periode: str  # "1 April s.d. 30 Juni 2024"
    kota_tanggal: str
    penandatangan: Penandatangan
    ada_mengetahui: bool
    mengetahui: Penandatangan
    ringkasan: list[str]  # the computed summary
    keputusan: list[str]  # what needs a decision (may be empty)
    indikator: list[IndikatorTriwulan]
    kategori: list[dict]  # {"label", "jumlah"}: indicators per status
    per_pelaksana: list[PerPelaksana]
    terlambat: list[Terlambat]
    anggaran: list[SumberAnggaran]
    anggaran_total: BarisAnggaran
    kendala: list[Kendala]
    grafik_anggaran: Gambar
    grafik_jadwal: Gambar
    dengan_grafik: bool
