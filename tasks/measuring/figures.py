"""The office-year's figures, computed once: capaian, budget, schedule and comparisons for every
period the documents need, from what tasks.reading.office read.

`compute_figures` is the one measuring step. Periods share their inputs: the LKIP and the twelve
monthly reports need the same attributes and quarter table, a handful of capaian tables (one per
quarter reported), and prefixes of one monthly schedule and budget series (a month's row of those
series depends only on data up to that month, so the view to month M is the first M rows of the
year's series). Each is computed once here, each contract checked once per kind, and the result is
an explicit value, `OfficeFigures`, handed to the reports.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property

import pandas as pd
from pandera.typing import DataFrame

from contracts.atribut import AtributTerpakai
from contracts.capaian import (
    AnggaranKegiatan,
    AnggaranPerBulan,
    CapaianIndikator,
    CapaianTriwulan,
    Efisiensi,
    HasilAktivitas,
    JadwalBulan,
    JadwalPelaksana,
    Keterlambatan,
    ProgresIndikator,
)
from contracts.common import validate_records
from tasks.frames import row_dicts
from tasks.measuring.anggaran import (
    EFISIENSI_DTYPES,
    budget_by_kegiatan,
    budget_by_month,
    efficiency_records,
)
from tasks.measuring.capaian import (
    CAPAIAN_DTYPES,
    by_indicator,
    capaian_records,
    compute_quarters,
)
from tasks.measuring.comparisons import compare_history
from tasks.measuring.jadwal import (
    OUTCOME_DTYPES,
    cells_by_month,
    late_activities,
    outcomes_by_month,
    schedule_by_month,
    schedule_by_pelaksana,
    status_table,
)
from tasks.measuring.progress import PROGRESS_DTYPES, planned_months, progress_records
from tasks.reading.office import OfficeInputs
from tasks.reading.parse import MONTHS_ID

MONTHS = list(range(1, 13))


@dataclass(frozen=True)
class Period:
    """The point in the year the figures run to: a quarter, a month, or the whole year."""

    tahun: int
    triwulan: int | None = None
    bulan: int | None = None

    @property
    def upto_quarter(self) -> int:
        """The last quarter whose indicator figures the period may use: for a month, the last quarter
        ended by its last day (0 in January and February), never the quarter still running."""
        if self.triwulan:
            return self.triwulan
        return self.bulan // 3 if self.bulan else 4

    @property
    def current_quarter(self) -> int:
        """The quarter the period's last month lies in."""
        return (self.upto_month - 1) // 3 + 1

    @property
    def upto_month(self) -> int:
        return self.bulan or (3 * self.triwulan if self.triwulan else 12)

    @property
    def capaian_key(self) -> tuple[int, bool]:
        """Which capaian table the period reads: to its quarter, strict (the quarter itself must be
        reported) except in a monthly view, which shows the latest quarter reported among those ended
        by the month."""
        return self.upto_quarter, self.bulan is None

    @property
    def label(self) -> str:
        if self.bulan:
            return f"s.d. {MONTHS_ID[self.bulan - 1]} {self.tahun}"
        return f"s.d. Triwulan {'I II III IV'.split()[self.triwulan - 1]} {self.tahun}" if self.triwulan \
            else f"Tahun {self.tahun}"


@dataclass(frozen=True)
class Measures:
    """Every computed table for one office and period."""

    period: Period
    atribut: DataFrame[AtributTerpakai]
    capaian: DataFrame[CapaianIndikator]
    triwulan: DataFrame[CapaianTriwulan]
    anggaran: DataFrame[AnggaranKegiatan]
    anggaran_bulanan: DataFrame[AnggaranPerBulan]
    efisiensi: DataFrame[Efisiensi]
    jadwal: DataFrame[JadwalBulan]
    jadwal_pelaksana: DataFrame[JadwalPelaksana]
    terlambat: DataFrame[Keterlambatan]
    aktivitas: DataFrame[HasilAktivitas]
    anggaran_awal: DataFrame[AnggaranKegiatan]  # the pagu of the first quarter reported: the PK's budget
    perbandingan: dict = field(default_factory=dict)
    kemajuan: pd.DataFrame = field(default_factory=pd.DataFrame)  # ProgresIndikator: on track or behind

    @cached_property
    def anggaran_terakhir(self) -> dict | None:
        """The row of `anggaran_bulanan` of the last month with a realisation reported (None: none yet),
        which a monthly report quotes in several places."""
        if self.anggaran_bulanan.empty:
            return None
        reported = [row for row in row_dicts(self.anggaran_bulanan) if not pd.isna(row["realisasi"])]
        return reported[-1] if reported else None


@dataclass(frozen=True)
class OfficeFigures:
    """The figures of one office-year for the periods asked, each period's Measures by its Period."""

    periods: dict[Period, Measures]

    def __getitem__(self, period: Period) -> Measures:
        return self.periods[period]

    def capaian_tables(self) -> dict[tuple[int, bool], Measures]:
        """One period per distinct capaian table (Period.capaian_key), the first asked."""
        tables: dict[tuple[int, bool], Measures] = {}
        for period, measures in self.periods.items():
            tables.setdefault(period.capaian_key, measures)
        return tables


def concat_tables(frames: list[pd.DataFrame]) -> pd.DataFrame:
    """The quarters' tables of one kind as one table (tables not read, empty, are left out)."""
    frames = [f for f in frames if not f.empty]
    return pd.concat(frames, ignore_index=True) if frames else pd.DataFrame()


def _by_month(frame: pd.DataFrame) -> dict[int, pd.DataFrame]:
    """A by-month table (computed for the whole year at once) split into each month's rows."""
    groups = {int(m): rows.reset_index(drop=True) for m, rows in frame.groupby("bulan", sort=False)}
    empty = frame.iloc[0:0].reset_index(drop=True)
    return {m: groups.get(m, empty) for m in MONTHS}


def _efficiency_key(period: Period) -> tuple[int, bool, int]:
    """Efficiency depends on the capaian table used and the budget's month."""
    return (*period.capaian_key, period.upto_month)


def compute_figures(inputs: OfficeInputs, periods: list[Period]) -> OfficeFigures:
    """Every figure of every period asked, from validated inputs; what periods share computed once."""
    rak, settings = inputs.rak, inputs.settings
    realisasi = concat_tables([r.indikator for r in inputs.realisasi])
    anggaran = concat_tables([r.anggaran for r in inputs.realisasi])
    progres = concat_tables([r.aktivitas for r in inputs.realisasi])
    atribut = inputs.attributes
    rows = by_indicator(realisasi)  # realisation records per indicator, shared by every table
    keys = list(dict.fromkeys(p.capaian_key for p in periods))
    capaian = validate_records(CapaianIndikator, {
        key: capaian_records(rak.indikator, rows, atribut, settings, *key) for key in keys}, CAPAIAN_DTYPES)
    triwulan = compute_quarters(rak.indikator, rows, atribut, settings)
    cells = cells_by_month(rak.bulan, progres, MONTHS)
    jadwal = schedule_by_month(rak.bulan, progres, 12, cells)
    per_unit = _by_month(schedule_by_pelaksana(rak.aktivitas, rak.bulan, progres, MONTHS, cells))
    late = _by_month(late_activities(rak.aktivitas, rak.bulan, progres, MONTHS, cells))
    has_budget = not anggaran.empty
    budget = _by_month(budget_by_kegiatan(anggaran, rak.kegiatan, MONTHS)) if has_budget else {}
    per_month = budget_by_month(anggaran, 12) if has_budget else pd.DataFrame()
    efisiensi = validate_records(Efisiensi, {
        key: efficiency_records(capaian[key[:2]], budget[key[2]], settings)
        for key in dict.fromkeys(map(_efficiency_key, periods))}, EFISIENSI_DTYPES) if has_budget else {}
    comparisons = {key: compare_history(capaian[key], inputs.riwayat, periods[0].tahun,
                                        inputs.pembanding) for key in keys}
    planned, status = planned_months(rak.aktivitas, rak.bulan), status_table(progres)
    progress = validate_records(ProgresIndikator, {key: progress_records(
        capaian[key], planned, rak.aktivitas, key[0], cells.get(3 * key[0], [])) for key in keys}, PROGRESS_DTYPES)
    outcomes = validate_records(HasilAktivitas, outcomes_by_month(rak.aktivitas, rak.bulan, progres, dict.fromkeys(
        p.upto_month for p in periods), status), OUTCOME_DTYPES)
    initial = budget_by_kegiatan(anggaran, rak.kegiatan, _first_pagu_month(anggaran)) if has_budget else pd.DataFrame()
    return OfficeFigures({period: Measures(
        period=period, atribut=atribut, capaian=capaian[period.capaian_key], triwulan=triwulan,
        anggaran=budget[period.upto_month] if has_budget else pd.DataFrame(),
        anggaran_bulanan=per_month.iloc[:period.upto_month].reset_index(drop=True),
        efisiensi=efisiensi[_efficiency_key(period)] if has_budget else pd.DataFrame(),
        jadwal=jadwal.iloc[:period.upto_month].reset_index(drop=True),
        jadwal_pelaksana=per_unit[period.upto_month], terlambat=late[period.upto_month],
        aktivitas=outcomes[period.upto_month], anggaran_awal=initial,
        perbandingan=comparisons[period.capaian_key], kemajuan=progress[period.capaian_key]) for period in periods})


def _first_pagu_month(anggaran: pd.DataFrame) -> int:
    """The first month with a pagu: the budget as it stood when the Perjanjian Kinerja was signed."""
    known = anggaran.loc[anggaran["pagu"].notna(), "bulan"]
    return int(known.min()) if not known.empty else 12


def measure(inputs: OfficeInputs, period: Period) -> Measures:
    """The figures of one period (`compute_figures` for several)."""
    return compute_figures(inputs, [period])[period]
