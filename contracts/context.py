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


class Indikator(TypedDict):
    """An indicator as every report prints it in its tables."""

    no: str  # "1", "2", … over the whole report, the same numbers in every table and chart
    kode: str
    kegiatan: str
    nama: str
    satuan: str
    target: str  # "1 laporan", "80–90%", "≥ 75%", "WTP"
    realisasi: str  # "1 laporan", "85,50%", "WDP" or "belum dilaporkan"
    capaian: str  # "100,00%" or "-"
    kategori: str  # band label or "-"
    status: str
    per_triwulan: list[Triwulan]


class Butir(TypedDict):
    """One point of an indicator's analysis: a bold label and its paragraph."""

    label: str  # "Capaian", "Perbandingan dengan tahun sebelumnya", …
    teks: str


class Rekomendasi(TypedDict):
    indikator: str  # "5. Tingkat kesiapan sarana IT untuk mendukung pemilu"
    rekomendasi: str
    penanggung_jawab: str  # the sub-unit
    waktu: str  # "Triwulan I Tahun 2025"


class IndikatorLkip(Indikator):
    """An indicator of Bab III A: its figures and its analysis, written from its own data."""

    arah: str  # "makin kecil makin baik" for a lower-is-better indicator, else ""
    analisis: list[Butir]  # only the points the data supports; each a paragraph
    rekomendasi: list[Rekomendasi]  # one when below target, else none


class KegiatanLkip(TypedDict):
    """A kegiatan (sasaran) of Bab III A: a paragraph on the whole, then its indicators."""

    no: str
    nama: str
    judul: str  # "1. Fasilitasi Pengelolaan Desain Surat Suara, …"
    paragraf: list[str]
    indikator: list[IndikatorLkip]


class BarisPk(TypedDict):
    nama: str
    target: str


class KegiatanPk(TypedDict):
    no: str
    nama: str
    indikator: list[BarisPk]


class AnggaranPk(TypedDict):
    no: str
    kegiatan: str
    pagu: str


class Pihak(TypedDict):
    sebutan: str  # "PIHAK PERTAMA"
    nama: str  # "" when the profile has only a placeholder: a blank line to sign on
    jabatan: str
    jabatan_upper: str
    nip: str  # "NIP. …" or ""


class PerjanjianKinerja(TypedDict):
    """One Perjanjian Kinerja (the Ketua's, the Sekretaris's): the agreement text, its parties, the
    indicators with their targets, the budget, place, date and signatures."""

    judul: str  # "PERJANJIAN KINERJA TAHUN 2024"
    subjudul: str  # "SEKRETARIS KPU KABUPATEN PASAMAN BARAT"
    pembuka: list[str]  # the agreement's paragraphs
    pihak_pertama: Pihak
    pihak_kedua: Pihak
    kegiatan: list[KegiatanPk]
    anggaran: list[AnggaranPk]
    anggaran_total: str
    kota_tanggal: str


class BarisAnggaran(TypedDict):
    kegiatan: str
    sumber_dana: str
    pagu: str  # "Rp1.544.000.000,00"
    realisasi: str
    serapan: str  # "89,98%"
    rpd: str
    deviasi: str  # realisasi - RPD, cumulative
    deviasi_persen: str  # the deviation over the RPD: "-5,20%"


class SumberAnggaran(TypedDict):
    """The budget of one funding source: its kegiatan rows and their subtotal."""

    nama: str  # "DIPA APBN (BA 076)"
    baris: list[BarisAnggaran]
    subtotal: BarisAnggaran


class BarisEfisiensi(TypedDict):
    no: str
    kegiatan: str
    capaian: str  # mean capaian of its indicators
    serapan: str
    indeks: str  # 1 - serapan/capaian, as a percentage
    penilaian: str  # "efisien" / "belum efisien" / "tidak dapat dinilai"


class AnggaranLkip(TypedDict):
    paragraf: list[str]  # Bab III B's narrative
    sumber: list[SumberAnggaran]
    total: BarisAnggaran
    grafik_anggaran: list[str]  # the paragraphs discussing the budget chart
    grafik_jadwal: list[str]  # … and the schedule chart
    efisiensi: list[BarisEfisiensi]
    efisiensi_paragraf: list[str]


class BarisRak(TypedDict):
    indikator: str
    target: str
    aktivitas: str
    pelaksana: str
    bulan: list[str]  # 12 cells: "✓" when planned, "" otherwise


class IndikatorRak(TypedDict):
    nama: str
    target: str
    aktivitas: list[BarisRak]


class KegiatanRak(TypedDict):
    judul: str  # "1. Fasilitasi Pengelolaan …"
    indikator: list[IndikatorRak]


class TriwulanLampiran(TypedDict):
    realisasi: str
    capaian: str


class BarisTriwulan(TypedDict):
    """One indicator of the quarterly measurement table: the four quarters side by side."""

    no: str
    nama: str
    target: str
    tw: list[TriwulanLampiran]  # four entries, "-" for a quarter not reported
    capaian: str  # the year's
    status: str


class Kategori(TypedDict):
    label: str
    jumlah: str


class Reviu(TypedDict):
    ada: bool
    paragraf: list[str]
    kota_tanggal: str
    penandatangan: Penandatangan


class Ikhtisar(TypedDict):
    paragraf: list[str]
    kategori: list[Kategori]
    jumlah_indikator: str


class Bab3(TypedDict):
    pengantar: list[str]  # before the capaian table
    ketersediaan: list[str]  # once for the chapter: which comparisons the data supports
    grafik: list[str]  # the paragraphs discussing the capaian chart


class Bab4(TypedDict):
    kesimpulan: list[str]  # computed: results by band, what failed and why
    rekomendasi: list[Rekomendasi]


class EntriDaftarIsi(TypedDict):
    judul: str
    tingkat: str  # "1" or "2"
    halaman: str  # the printed page number ("iii", "12"), "" when it cannot be known


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
    tindak_lanjut: list[str]  # last year's evaluation recommendations and their follow-up (may be empty)


class LkipContext(TypedDict):
    satker: Satker
    tahun: str  # "2024"
    tahun_berikut: str  # "2025", the year the recommendations are for
    tahun_lalu: str  # "2023", the year whose evaluation the follow-up answers
    judul: str  # "LAPORAN KINERJA INSTANSI PEMERINTAH (LKIP) TAHUN 2024"
    kota_tanggal: str  # "Simpang Empat, 31 Januari 2025"
    penandatangan: Penandatangan
    narasi: Narasi
    reviu: Reviu  # the APIP review statement, printed when the profile names the reviewer
    ikhtisar: Ikhtisar
    daftar_isi: list[EntriDaftarIsi]
    pk_pengantar: list[str]  # Bab II B's paragraphs before the PK table
    pk_kegiatan: list[KegiatanPk]  # the PK's indicators and targets (Bab II B)
    perjanjian: list[PerjanjianKinerja]  # the signed agreements (Lampiran 1)
    bab3: Bab3
    indikator: list[IndikatorLkip]  # in RAK order, numbered as in every table
    kegiatan: list[KegiatanLkip]
    anggaran: AnggaranLkip
    bab4: Bab4
    rak: list[KegiatanRak]
    bulan_singkat: list[str]  # "Jan".."Des" for the RAK table header
    triwulan: list[BarisTriwulan]
    grafik_capaian: Gambar
    grafik_anggaran: Gambar
    grafik_jadwal: Gambar
    dengan_grafik: bool


class AktivitasBulan(TypedDict):
    kode: str
    nama: str
    pelaksana: str  # the sub-unit's short name (profil.toml [[sub_bagian]] singkat), never broken mid-word
    status: str  # as reported, or "belum dilaporkan"
    keterangan: str


class AktivitasRencana(TypedDict):
    """An activity the RAK plans for the next month."""

    kode: str
    nama: str
    pelaksana: str


class Berikutnya(TypedDict):
    bulan: str  # "September"; "" after December
    paragraf: str  # how many, by whom, and the late ones still open
    aktivitas: list[AktivitasRencana]


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
    belum_dilaporkan: str
    kepatuhan: str


class RingkasanBulan(TypedDict):
    direncanakan: str
    selesai: str
    dalam_proses: str
    terlambat: str  # reported and not done: never an activity-month not reported
    belum_dilaporkan: str  # activity-months planned to date, not done, with no status for the month
    kepatuhan: str
    serapan: str
    anggaran_sd: str  # "s.d. bulan Mei" or "s.d. bulan terakhir yang dilaporkan (Maret)"
    realisasi_sd: str
    rpd_sd: str
    deviasi: str
    deviasi_persen: str
    paragraf: list[str]  # the computed summary: schedule, indicators behind and who, budget
    keputusan: list[str]  # what needs a decision (may be empty)


class IndikatorBulan(Indikator):
    """An indicator of the monthly and quarterly reports: on track or behind against the target due."""

    target_jatuh_tempo: str  # due by the end of the last quarter ended; "-" when judged by its own rule
    kemajuan: str  # "Sesuai rencana", "Tertinggal", "Belum jatuh tempo", "Belum dilaporkan", "Belum diukur"
    alasan: str  # why, in a short phrase from its own figures
    pelaksana: str  # the sub-units responsible (short names)


class BulananContext(TypedDict):
    satker: Satker
    tahun: str
    bulan: str  # "Maret"
    judul: str  # "LAPORAN BULANAN RENCANA AKSI KINERJA"
    subjudul: str  # "Bulan Maret Tahun 2024"
    kota_tanggal: str
    penandatangan: Penandatangan  # profil.toml [laporan] penandatangan_bulanan, default the Sekretaris
    ada_mengetahui: bool
    mengetahui: Penandatangan  # [laporan] mengetahui_bulanan (printed only when ada_mengetahui)
    ringkasan: RingkasanBulan
    aktivitas: list[AktivitasBulan]  # planned this month, listed once
    per_pelaksana: list[PerPelaksana]  # counts per sub-unit to date
    terlambat: list[Terlambat]
    berikutnya: Berikutnya
    sumber_indikator: str  # which quarter the indicator figures come from, and why not the running one
    triwulan_diukur: str  # "II", "" before TW I ends
    indikator_diukur: bool  # False in January and February: no quarter has ended
    indikator: list[IndikatorBulan]
    anggaran: list[SumberAnggaran]  # per funding source, its kegiatan and subtotal
    anggaran_total: BarisAnggaran
    kendala_triwulan: str  # "Triwulan II": the quarter whose kendala are printed
    kendala: list[Kendala]
    grafik_anggaran: Gambar
    grafik_jadwal: Gambar
    dengan_grafik: bool
