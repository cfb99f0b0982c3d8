"""The typed report context: what a Word template may print. Every value is already formatted text
(Indonesian numbers, dates, Roman numerals); templates only print, loop and branch.

Images (charts) are given as `Gambar` entries; the renderer turns them into docxtpl InlineImages.
"""

from __future__ import annotations

from typing import TypedDict


class Satker(TypedDict):
    kode: str
    nama: str  # "KPU Kabupaten Pasaman Barat"
    nama_upper: str  # "KPU KABUPATEN PASAMAN BARAT"
    nama_lengkap: str
    alamat: str
    kota: str
    provinsi: str


class Penandatangan(TypedDict):
    jabatan: str
    jabatan_upper: str
    nama: str
    nip: str  # "NIP. 19xxxxxxxxxxxxxxxx" or "" when the signer has none


class Gambar(TypedDict):
    path: str  # PNG file; rendered at `lebar_cm` wide
    lebar_cm: float
    keterangan: str  # caption


class Triwulan(TypedDict):
    tw: str  # "I".."IV"
    realisasi: str
    target: str
    capaian: str
    status: str


class Analisis(TypedDict):
    """The seven points of Bab III A for one indicator; each is a sentence, never empty."""

    target_vs_realisasi: str
    vs_tahun_lalu: str
    vs_renstra: str
    vs_standar_nasional: str
    penyebab: str  # kendala and causes of success/failure
    upaya: str  # remedies taken
    efisiensi: str
    aktivitas: list[str]  # activities that supported it, with their months


class IndikatorLkip(TypedDict):
    no: str  # "1", "2", … over the whole report
    kode: str
    kegiatan: str
    nama: str
    satuan: str
    target: str  # "1 laporan", "80–90%"
    realisasi: str  # "1", "85,50" or "belum dilaporkan"
    capaian: str  # "100,00%" or "-"
    kategori: str  # band label or "-"
    status: str
    analisis: Analisis
    per_triwulan: list[Triwulan]
    sumber: str  # cells the figure came from


class KegiatanPk(TypedDict):
    no: str
    kode: str
    nama: str
    indikator: list[IndikatorLkip]


class BarisAnggaran(TypedDict):
    kegiatan: str
    sumber_dana: str
    pagu: str  # "Rp1.544.000.000,00"
    realisasi: str
    serapan: str  # "89,98%"
    rpd: str
    deviasi: str


class BarisRak(TypedDict):
    kegiatan: str
    indikator: str
    target: str
    aktivitas: str
    pelaksana: str
    bulan: list[str]  # 12 cells: "✓" when planned, "" otherwise


class Kategori(TypedDict):
    label: str
    jumlah: str


class Ringkasan(TypedDict):
    jumlah_indikator: str
    tercapai: str
    belum_tercapai: str
    belum_dilaporkan: str
    rata_capaian: str
    serapan: str
    kepatuhan: str
    kategori: list[Kategori]


class Narasi(TypedDict):
    """Text the office writes once and edits (narasi.toml); lists of paragraphs."""

    kata_pengantar: list[str]
    organisasi: list[str]
    tugas_fungsi: list[str]
    struktur: list[str]
    isu_strategis: list[str]
    renstra: list[str]
    kesimpulan: list[str]
    langkah: list[str]


class LkipContext(TypedDict):
    satker: Satker
    tahun: str  # "2024"
    judul: str  # "LAPORAN KINERJA INSTANSI PEMERINTAH (LKIP) TAHUN 2024"
    kota_tanggal: str  # "Simpang Empat, 31 Januari 2025"
    penandatangan: Penandatangan
    narasi: Narasi
    ringkasan: Ringkasan
    indikator: list[IndikatorLkip]
    kegiatan: list[KegiatanPk]
    anggaran: list[BarisAnggaran]
    anggaran_total: BarisAnggaran
    rak: list[BarisRak]
    bulan_singkat: list[str]  # "Jan".."Des" for the RAK table header
    grafik_capaian: Gambar
    grafik_anggaran: Gambar
    grafik_jadwal: Gambar
    dengan_grafik: bool


class AktivitasBulan(TypedDict):
    kode: str
    nama: str
    pelaksana: str
    status: str
    keterangan: str


class Terlambat(TypedDict):
    kode: str
    nama: str
    pelaksana: str
    bulan_rencana: str  # "April, Mei"
    status: str
    keterangan: str


class Kendala(TypedDict):
    indikator: str
    kendala: str
    upaya: str


class PerPelaksana(TypedDict):
    pelaksana: str
    rencana: str
    selesai: str
    terlambat: str
    kepatuhan: str
    aktivitas: list[AktivitasBulan]


class RingkasanBulan(TypedDict):
    direncanakan: str
    selesai: str
    dalam_proses: str
    terlambat: str
    kepatuhan: str
    serapan: str
    realisasi_sd: str
    rpd_sd: str
    deviasi: str


class BulananContext(TypedDict):
    satker: Satker
    tahun: str
    bulan: str  # "Maret"
    judul: str  # "Laporan Perkembangan Pelaksanaan Rencana Aksi, Bulan Maret Tahun 2024"
    kota_tanggal: str
    penandatangan: Penandatangan
    ringkasan: RingkasanBulan
    aktivitas: list[AktivitasBulan]  # planned this month
    terlambat: list[Terlambat]
    sumber_indikator: str  # which quarter's forms the indicator figures come from, in a sentence
    indikator: list[IndikatorLkip]  # realisation to date (analisis may be omitted by templates)
    anggaran: list[BarisAnggaran]
    anggaran_total: BarisAnggaran
    kendala: list[Kendala]
    per_pelaksana: list[PerPelaksana]
    grafik_anggaran: Gambar
    grafik_jadwal: Gambar
    dengan_grafik: bool
