"""Contracts for the quarterly realisation workbooks (the forms `lkip template` writes)."""

import pandera.pandas as pa
from pandera.typing import Series

from contracts.common import Sumber, Teks
from contracts.rak import KODE_AKTIVITAS, KODE_INDIKATOR, KODE_KEGIATAN

JENIS_NILAI = ["periode", "kumulatif"]
STATUS = ["Belum Mulai", "Dalam Proses", "Selesai", "Ditunda", "Dibatalkan", "Tidak Dilaksanakan"]


class Periode(Sumber):
    """Which office and quarter a row belongs to, as stated on the workbook's Identitas sheet."""

    satker_kode: Series[Teks] = pa.Field(description="Office code from the Identitas sheet")
    tahun: Series[int] = pa.Field(ge=2000, le=2100, description="Year of the report")
    triwulan: Series[int] = pa.Field(isin=[1, 2, 3, 4], description="Quarter 1..4 (Triwulan I..IV)")


class RealisasiIndikator(Periode):
    """Realisation of one indicator in one quarter, with the staff's explanations."""

    indikator_kode: Series[Teks] = pa.Field(str_matches=KODE_INDIKATOR, description="Indicator code from the RAK")
    realisasi: Series[float] = pa.Field(nullable=True,
                                        description="Realised value; empty = belum dilaporkan (never 0)")
    realisasi_teks: Series[Teks] = pa.Field(description="A qualitative realisation's label ('WDP'), whose position "
                                                       "on the indicator's scale is `realisasi`; empty for a number")
    satuan: Series[Teks] = pa.Field(description="Unit of the value, as the RAK target's unit")
    jenis_nilai: Series[Teks] = pa.Field(isin=JENIS_NILAI,
                                        description="'periode': this quarter only; 'kumulatif': to date")
    kendala: Series[Teks] = pa.Field(description="Obstacles (kendala/hambatan), free text")
    upaya: Series[Teks] = pa.Field(description="Remedies taken (upaya/tindak lanjut), free text")
    bukti: Series[Teks] = pa.Field(description="Evidence (bukti dukung), free text or link")
    sumber_sel: Series[Teks] = pa.Field(description="Cell the realisation was read from, e.g. 'F7'")

    class Config:
        unique = ["indikator_kode", "triwulan"]


class ProgresAktivitas(Periode):
    """Status of one activity at the end of one month."""

    aktivitas_kode: Series[Teks] = pa.Field(str_matches=KODE_AKTIVITAS, description="Activity code from the RAK")
    bulan: Series[int] = pa.Field(ge=1, le=12, description="Month 1..12")
    status: Series[Teks] = pa.Field(nullable=True, isin=STATUS,
                                   description="Belum Mulai / Dalam Proses / Selesai / Ditunda / Dibatalkan / "
                                               "Tidak Dilaksanakan; empty = not reported")
    keterangan: Series[Teks] = pa.Field(description="Notes on the activity this quarter")
    sumber_sel: Series[Teks] = pa.Field(description="Cell the status was read from")

    class Config:
        unique = ["aktivitas_kode", "bulan"]


class AnggaranBulan(Periode):
    """Budget of one kegiatan and funding source in one month: pagu, plan (RPD) and spending."""

    kegiatan_kode: Series[Teks] = pa.Field(str_matches=KODE_KEGIATAN, description="Kegiatan code from the RAK")
    sumber_dana: Series[Teks] = pa.Field(description="Funding source code (DIPA, HIBAH)")
    pagu: Series[float] = pa.Field(nullable=True, ge=0, description="Revised ceiling (Rp) as of this quarter")
    bulan: Series[int] = pa.Field(ge=1, le=12, description="Month 1..12")
    rpd: Series[float] = pa.Field(nullable=True, ge=0, description="Planned disbursement this month (Rp)")
    realisasi: Series[float] = pa.Field(nullable=True, ge=0, description="Spent this month (Rp)")
    sel_pagu: Series[Teks] = pa.Field(description="Cell of the pagu")
    sel_rpd: Series[Teks] = pa.Field(description="Cell of the RPD")
    sel_realisasi: Series[Teks] = pa.Field(description="Cell of the realisation")

    class Config:
        unique = ["kegiatan_kode", "sumber_dana", "bulan"]
