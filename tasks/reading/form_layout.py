"""The layout of the quarterly realisation workbook: written by `lkip template`, read back by
`tasks.reading.realisasi`. One place says which sheets and columns exist, what they are called and which
cells staff fill in, so the writer and the reader cannot drift apart.
"""

from __future__ import annotations

from dataclasses import dataclass

from tasks.reading.parse import MONTHS_ID, normalize_key

FORMAT_VERSION = "lkip-realisasi/1"
SHEET_PETUNJUK = "Petunjuk"
SHEET_IDENTITAS = "Identitas"
SHEET_INDIKATOR = "Indikator"
SHEET_AKTIVITAS = "Aktivitas"
SHEET_ANGGARAN = "Anggaran"
DATA_SHEETS = (SHEET_IDENTITAS, SHEET_INDIKATOR, SHEET_AKTIVITAS, SHEET_ANGGARAN)
HEADER_ROW = 3  # row 1 title, row 2 note, row 3 column headers, data from row 4

JENIS_NILAI = {"Triwulan ini": "periode", "Kumulatif s.d. triwulan ini": "kumulatif"}
STATUS_CHOICES = ("Belum Mulai", "Dalam Proses", "Selesai", "Ditunda", "Dibatalkan", "Tidak Dilaksanakan")

# Identitas sheet: label in column A, value in column B.
IDENTITAS_FIELDS = {
    "kode_satker": "Kode Satker",
    "nama_satker": "Nama Satker",
    "tahun": "Tahun",
    "triwulan": "Triwulan (1-4)",
    "tanggal": "Tanggal Pengisian",
    "pengisi": "Diisi oleh",
    "versi": "Versi Format",
}


def quarter_months(triwulan: int) -> tuple[int, int, int]:
    """Months of a quarter: TW I -> (1, 2, 3)."""
    first = 3 * (triwulan - 1) + 1
    return first, first + 1, first + 2


@dataclass(frozen=True)
class Column:
    """One column of a form sheet: its key in code, its header, and whether staff fill it."""

    key: str
    label: str
    width: float = 14
    input: bool = False
    month: int | None = None

    @property
    def match_key(self) -> str:
        return normalize_key(self.label)


def indikator_columns() -> list[Column]:
    return [
        Column("kode", "Kode", 11), Column("kegiatan", "Kegiatan", 30), Column("indikator", "Indikator Kinerja", 45),
        Column("satuan", "Satuan", 11), Column("target", "Target Tahunan", 13),
        Column("realisasi", "Realisasi", 13, input=True), Column("jenis_nilai", "Jenis Nilai", 24, input=True),
        Column("kendala", "Kendala/Hambatan", 35, input=True), Column("upaya", "Upaya/Tindak Lanjut", 35, input=True),
        Column("bukti", "Bukti Dukung", 28, input=True),
    ]


def aktivitas_columns(triwulan: int) -> list[Column]:
    months = [Column(f"status_{m}", f"Status {MONTHS_ID[m - 1]}", 15, input=True, month=m)
              for m in quarter_months(triwulan)]
    return [Column("kode", "Kode", 14), Column("indikator_kode", "Kode Indikator", 11),
            Column("aktivitas", "Aktivitas", 45), Column("pelaksana", "Pelaksana", 28),
            Column("rencana", "Rencana Bulan", 22), *months,
            Column("keterangan", "Keterangan", 35, input=True)]


def anggaran_columns(triwulan: int) -> list[Column]:
    months = quarter_months(triwulan)
    return [Column("kegiatan_kode", "Kode Kegiatan", 11), Column("kegiatan", "Kegiatan", 40),
            Column("sumber_dana", "Sumber Dana", 12), Column("pagu", "Pagu (Rp)", 18, input=True),
            *[Column(f"rpd_{m}", f"RPD {MONTHS_ID[m - 1]} (Rp)", 17, input=True, month=m) for m in months],
            *[Column(f"realisasi_{m}", f"Realisasi {MONTHS_ID[m - 1]} (Rp)", 17, input=True, month=m)
              for m in months]]
