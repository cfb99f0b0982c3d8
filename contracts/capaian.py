"""Contracts for computed figures: attributes in force, capaian per indicator and per quarter."""

import pandera.pandas as pa
from pandera.typing import Series

from contracts.atribut import AGREGASI, POLARITAS
from contracts.common import Teks
from contracts.rak import KODE_INDIKATOR, KODE_KEGIATAN


class CapaianIndikator(pa.DataFrameModel):
    """Capaian of one indicator to a point in the year; no NaN leaves as a figure without a status."""

    kode: Series[Teks] = pa.Field(str_matches=KODE_INDIKATOR, unique=True, description="Indicator code")
    kegiatan_kode: Series[Teks] = pa.Field(str_matches=KODE_KEGIATAN, description="Kegiatan code")
    indikator: Series[Teks] = pa.Field(description="Indicator text")
    satuan: Series[Teks] = pa.Field(description="Unit of target and realisation")
    polaritas: Series[Teks] = pa.Field(isin=POLARITAS, description="Direction")
    agregasi: Series[Teks] = pa.Field(isin=AGREGASI, description="Quarterly to annual rule")
    atribut_asal: Series[Teks] = pa.Field(isin=["berkas", "dugaan"], description="Attributes given or inferred")
    target: Series[float] = pa.Field(nullable=True, description="Target the realisation is held against")
    target_teks: Series[Teks] = pa.Field(description="Annual target as printed in the RAK")
    target_min: Series[float] = pa.Field(nullable=True, description="Range target: lower bound")
    target_max: Series[float] = pa.Field(nullable=True, description="Range target: upper bound")
    target_arah: Series[Teks] = pa.Field(nullable=True, description="A threshold target's comparator ('>=' …)")
    jenis_target: Series[Teks] = pa.Field(description="'target tahunan' or 'target s.d. TW n'")
    realisasi: Series[float] = pa.Field(nullable=True, ge=0, description="Realisation to date (a qualitative one: "
                                                                        "its position on the scale); empty = not "
                                                                        "reported")
    realisasi_teks: Series[Teks] = pa.Field(description="A qualitative realisation's label; empty for a number")
    skala: Series[Teks] = pa.Field(nullable=True, description="A qualitative indicator's scale, worst first")
    triwulan_terakhir: Series[float] = pa.Field(nullable=True, description="Latest quarter with a realisation")
    capaian: Series[float] = pa.Field(nullable=True, ge=0, description="Raw capaian in percent, uncapped")
    capaian_dicap: Series[float] = pa.Field(nullable=True, ge=0, description="Capaian as printed (capped)")
    kategori: Series[Teks] = pa.Field(nullable=True, description="Rating band label")
    status: Series[Teks] = pa.Field(description="tercapai / belum tercapai / belum dilaporkan / target nol …")
    sumber: Series[object] = pa.Field(description="Cells the figure comes from: file!sheet!cell")

    @pa.dataframe_check
    def figure_or_reason(cls, df) -> Series[bool]:
        """A missing capaian always comes with a status that says why."""
        return df["capaian"].notna() | df["status"].str.len().gt(0)


class CapaianTriwulan(pa.DataFrameModel):
    """One indicator in one quarter: the quarter's own value, the value to date, target, capaian."""

    kode: Series[Teks] = pa.Field(str_matches=KODE_INDIKATOR, description="Indicator code")
    triwulan: Series[int] = pa.Field(isin=[1, 2, 3, 4], description="Quarter")
    realisasi_triwulan: Series[float] = pa.Field(nullable=True, description="Value of this quarter alone")
    realisasi_sd: Series[float] = pa.Field(nullable=True, description="Value to date (s.d. triwulan)")
    realisasi_teks: Series[Teks] = pa.Field(description="A qualitative value to date's label; empty for a number")
    target: Series[float] = pa.Field(nullable=True, description="Target to date")
    jenis_target: Series[Teks] = pa.Field(description="'target tahunan' or 'target s.d. TW n'")
    capaian: Series[float] = pa.Field(nullable=True, ge=0, description="Raw capaian to date")
    capaian_dicap: Series[float] = pa.Field(nullable=True, ge=0, description="Capaian as printed")
    status: Series[Teks] = pa.Field(description="Status of the figure")

    class Config:
        unique = ["kode", "triwulan"]


class AnggaranKegiatan(pa.DataFrameModel):
    """Budget of one kegiatan and funding source to a month."""

    kegiatan_kode: Series[Teks] = pa.Field(str_matches=KODE_KEGIATAN, description="Kegiatan code")
    kegiatan: Series[Teks] = pa.Field(description="Kegiatan name")
    sumber_dana: Series[Teks] = pa.Field(description="Funding source code")
    bulan: Series[int] = pa.Field(ge=1, le=12, description="Figures are to the end of this month")
    pagu: Series[float] = pa.Field(nullable=True, ge=0, description="Latest revised pagu (Rp)")
    realisasi: Series[float] = pa.Field(ge=0, description="Realisation to date (Rp)")
    rpd: Series[float] = pa.Field(ge=0, description="Planned disbursement to date (Rp)")
    serapan: Series[float] = pa.Field(nullable=True, ge=0, description="realisasi / pagu x 100")
    deviasi: Series[float] = pa.Field(description="realisasi - RPD to date (Rp)")
    deviasi_persen: Series[float] = pa.Field(nullable=True, description="deviasi / RPD to date x 100")
    sumber: Series[object] = pa.Field(description="Cells of pagu, realisation and RPD used")


class AnggaranPerBulan(pa.DataFrameModel):
    """All kegiatan together, month by month: plan and realisation, cumulative deviation."""

    bulan: Series[int] = pa.Field(ge=1, le=12, description="Month")
    rpd: Series[float] = pa.Field(nullable=True, description="RPD of the month (Rp); empty = not reported")
    realisasi: Series[float] = pa.Field(nullable=True, description="Realisation of the month (Rp)")
    rpd_kumulatif: Series[float] = pa.Field(description="RPD to the end of the month")
    realisasi_kumulatif: Series[float] = pa.Field(description="Realisation to the end of the month")
    deviasi: Series[float] = pa.Field(description="Cumulative realisation - cumulative RPD")
    deviasi_persen: Series[float] = pa.Field(nullable=True, description="deviasi / cumulative RPD x 100")


class Efisiensi(pa.DataFrameModel):
    """Efficiency of one kegiatan: performance against absorption."""

    kegiatan_kode: Series[Teks] = pa.Field(str_matches=KODE_KEGIATAN, description="Kegiatan code")
    capaian_kinerja: Series[float] = pa.Field(nullable=True, description="Mean capped capaian of its indicators")
    serapan: Series[float] = pa.Field(nullable=True, description="Absorption of its budget, percent")
    indeks_efisiensi: Series[float] = pa.Field(nullable=True, description="1 - serapan / capaian (output-cost form)")
    efisien: Series[object] = pa.Field(nullable=True, description="True/False; empty when it cannot be judged")
    aturan: Series[Teks] = pa.Field(description="Efficiency rule in force")


class JadwalBulan(pa.DataFrameModel):
    """Schedule adherence in one month and to date."""

    bulan: Series[int] = pa.Field(ge=1, le=12, description="Month")
    direncanakan: Series[int] = pa.Field(ge=0, description="Activities planned in this month")
    selesai: Series[int] = pa.Field(ge=0, description="Of those, done by the end of the month")
    dalam_proses: Series[int] = pa.Field(ge=0, description="Of those, reported in progress")
    belum_mulai: Series[int] = pa.Field(ge=0, description="Of those, reported not started")
    tidak_dilaporkan: Series[int] = pa.Field(ge=0, description="Of those, with no status reported")
    ditunda: Series[int] = pa.Field(ge=0, description="Of those, reported postponed (Ditunda)")
    dibatalkan: Series[int] = pa.Field(ge=0, description="Of those, reported cancelled (Dibatalkan)")
    tidak_dilaksanakan: Series[int] = pa.Field(ge=0, description="Of those, reported not carried out")
    terlambat: Series[int] = pa.Field(ge=0, description="Activity-months planned to date, not done, not excused, "
                                                        "and with a status reported for this month")
    belum_dilaporkan_sd: Series[int] = pa.Field(ge=0, description="Planned to date, not done, no status reported "
                                                                  "for this month: neither late nor on time")
    rencana_sd: Series[int] = pa.Field(ge=0, description="Activity-months planned to date")
    selesai_sd: Series[int] = pa.Field(ge=0, description="Activity-months planned to date and done")
    dikecualikan_sd: Series[int] = pa.Field(ge=0, description="Planned to date, not done, postponed/cancelled/not "
                                                              "carried out: not late, left out of adherence")
    kepatuhan: Series[float] = pa.Field(nullable=True, ge=0, le=100,
                                        description="selesai_sd / (rencana_sd - dikecualikan_sd - "
                                                    "belum_dilaporkan_sd) x 100")


class JadwalPelaksana(pa.DataFrameModel):
    """Schedule adherence of one sub-unit to a month."""

    pelaksana: Series[Teks] = pa.Field(description="Sub-unit")
    bulan: Series[int] = pa.Field(ge=1, le=12, description="To the end of this month")
    rencana_sd: Series[int] = pa.Field(ge=0, description="Activity-months planned to date")
    selesai_sd: Series[int] = pa.Field(ge=0, description="Done to date")
    terlambat: Series[int] = pa.Field(ge=0, description="Late (not done, not postponed/cancelled/not carried out, "
                                                        "reported this month)")
    belum_dilaporkan: Series[int] = pa.Field(ge=0, description="Not done and no status reported this month")
    kepatuhan: Series[float] = pa.Field(nullable=True, ge=0, le=100, description="Adherence, percent (of the "
                                                                                 "activity-months reported)")


class Keterlambatan(pa.DataFrameModel):
    """An activity behind its RAK schedule at a month."""

    aktivitas_kode: Series[Teks] = pa.Field(description="Activity code")
    aktivitas: Series[Teks] = pa.Field(description="Activity text")
    pelaksana: Series[Teks] = pa.Field(description="Sub-unit")
    bulan: Series[int] = pa.Field(ge=1, le=12, description="Month of the report")
    bulan_rencana: Series[object] = pa.Field(description="Planned months not done by then")
    status: Series[Teks] = pa.Field(description="Status reported in the month of the report")
    keterangan: Series[Teks] = pa.Field(description="Staff's note")
    sumber: Series[object] = pa.Field(description="Status cells")


class HasilAktivitas(pa.DataFrameModel):
    """One RAK activity to a month: its planned months and what became of each (the LKIP's
    "kegiatan yang menunjang", done on time, late or not done)."""

    aktivitas_kode: Series[Teks] = pa.Field(description="Activity code")
    indikator_kode: Series[Teks] = pa.Field(str_matches=KODE_INDIKATOR, description="Indicator it supports")
    aktivitas: Series[Teks] = pa.Field(description="Activity text")
    pelaksana: Series[Teks] = pa.Field(description="Sub-unit")
    bulan_rencana: Series[object] = pa.Field(description="Planned months up to the month, sorted")
    bulan_selesai: Series[object] = pa.Field(description="Per planned month, the month it was done in, or None")
    tepat_waktu: Series[int] = pa.Field(ge=0, description="Planned months done in that same month")
    terlambat_selesai: Series[int] = pa.Field(ge=0, description="Planned months done in a later month")
    belum_selesai: Series[int] = pa.Field(ge=0, description="Planned months not done and not excused")
    dikecualikan: Series[int] = pa.Field(ge=0, description="Planned months postponed, cancelled or not carried out")
    status_akhir: Series[Teks] = pa.Field(description="Latest status reported up to the month; empty if none")
    keterangan: Series[Teks] = pa.Field(description="Latest note staff wrote on the activity")


class ProgresIndikator(pa.DataFrameModel):
    """One indicator on track or behind at a quarter's end: the target due by then against the
    realisation to date (tasks/measuring/progress.py)."""

    kode: Series[Teks] = pa.Field(str_matches=KODE_INDIKATOR, unique=True, description="Indicator code")
    triwulan: Series[int] = pa.Field(isin=[0, 1, 2, 3, 4], description="The quarter ended (0: none yet)")
    target_jatuh_tempo: Series[float] = pa.Field(nullable=True, description="Target due by the quarter's end "
                                                                            "(None: judged by its own rule)")
    dasar: Series[Teks] = pa.Field(isin=["target triwulan", "target tahunan", "jadwal aktivitas"],
                                   description="What the due target rests on")
    porsi: Series[float] = pa.Field(ge=0, le=1, description="Share of its activity-months planned by then")
    bulan_rencana: Series[object] = pa.Field(description="Planned months of its activity-months")
    realisasi: Series[float] = pa.Field(nullable=True, description="Realisation to date")
    aktivitas_rencana_sd: Series[int] = pa.Field(ge=0, description="Its activity-months planned by then")
    aktivitas_selesai_sd: Series[int] = pa.Field(ge=0, description="Of those, done")
    aktivitas_terlambat_sd: Series[int] = pa.Field(ge=0, description="Of those, reported and not done (late)")
    status: Series[Teks] = pa.Field(isin=["sesuai rencana", "tertinggal", "belum jatuh tempo", "belum dilaporkan",
                                          "belum diukur"], description="On track or behind")
