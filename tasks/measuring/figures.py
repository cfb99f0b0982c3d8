"""All the figures of one office-year for a period: capaian, budget, schedule, comparisons.

`measure` is pure over what `tasks.validate.load_inputs` read; `to_json` turns the tables into plain
records (no NaN, no infinity) for `lkip capaian --json` and, later, the report context.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

import pandas as pd

from contracts.capaian import CapaianIndikator, Efisiensi
from contracts.common import validate_records
from tasks.measuring.anggaran import EFISIENSI_DTYPES, budget_by_kegiatan, budget_by_month, efficiency, efficiency_records
from tasks.measuring.capaian import (CAPAIAN_DTYPES, attributes, by_indicator, capaian_records, compute_capaian_table,
                           compute_quarters)
from tasks.measuring.jadwal import cells_by_month, late_activities, schedule_by_month, schedule_by_pelaksana
from tasks.reading.riwayat import compare_history
from tasks.reading.settings import Settings
from tasks.reading.office import OfficeInputs


@dataclass(frozen=True)
class Period:
    """The point in the year the figures run to: a quarter, a month, or the whole year."""

    tahun: int
    triwulan: int | None = None
    bulan: int | None = None

    @property
    def upto_quarter(self) -> int:
        if self.triwulan:
            return self.triwulan
        return (self.bulan - 1) // 3 + 1 if self.bulan else 4

    @property
    def upto_month(self) -> int:
        return self.bulan or (3 * self.triwulan if self.triwulan else 12)

    @property
    def label(self) -> str:
        from tasks.reading.parse import MONTHS_ID

        if self.bulan:
            return f"s.d. {MONTHS_ID[self.bulan - 1]} {self.tahun}"
        return f"s.d. Triwulan {'I II III IV'.split()[self.triwulan - 1]} {self.tahun}" if self.triwulan \
            else f"Tahun {self.tahun}"


@dataclass
class Measures:
    """Every computed table for one office and period."""

    period: Period
    atribut: pd.DataFrame
    capaian: pd.DataFrame
    triwulan: pd.DataFrame
    anggaran: pd.DataFrame
    anggaran_bulanan: pd.DataFrame
    efisiensi: pd.DataFrame
    jadwal: pd.DataFrame
    jadwal_pelaksana: pd.DataFrame
    terlambat: pd.DataFrame
    perbandingan: dict = field(default_factory=dict)


def concat_tables(frames: list[pd.DataFrame]) -> pd.DataFrame:
    """The quarters' tables of one kind as one table (tables not read, empty, are left out)."""
    frames = [f for f in frames if not f.empty]
    return pd.concat(frames, ignore_index=True) if frames else pd.DataFrame()


MONTHS = list(range(1, 13))


def _by_month(frame: pd.DataFrame) -> dict[int, pd.DataFrame]:
    """A by-month table (computed for the whole year at once) split into each month's rows."""
    groups = {int(m): rows.reset_index(drop=True) for m, rows in frame.groupby("bulan", sort=False)}
    empty = frame.iloc[0:0].reset_index(drop=True)
    return {m: groups.get(m, empty) for m in MONTHS}


class Measurer:
    """Every figure of one office-year, for any period, computing once what periods share.

    The LKIP and the twelve monthly reports of one office-year need the same attributes, quarter
    table and capaian to each quarter, and prefixes of the same monthly schedule and budget series;
    each is computed once here (a month's row of those series only depends on data up to that month,
    so the view to month M is the first M rows of the year's series), and the per-month tables
    (budget per kegiatan, schedule per sub-unit, late activities) for all twelve months at once.
    """

    def __init__(self, inputs: OfficeInputs, settings: Settings, riwayat: pd.DataFrame | None = None):
        self.rak, self.settings, self.riwayat = inputs.rak, settings, riwayat
        self.realisasi = concat_tables([r.indikator for r in inputs.realisasi])
        self.anggaran = concat_tables([r.anggaran for r in inputs.realisasi])
        self.progres = concat_tables([r.aktivitas for r in inputs.realisasi])
        self.atribut = attributes(self.rak.indikator, inputs.atribut)
        self._rows = by_indicator(self.realisasi)  # realisation records per indicator, shared by every table
        self._capaian: dict[tuple[int, bool], pd.DataFrame] = {}
        self._efisiensi: dict[tuple[int, bool, int], pd.DataFrame] = {}
        self._shared: dict[str, pd.DataFrame | dict] = {}

    def _once(self, key: str, compute):
        if key not in self._shared:
            self._shared[key] = compute()
        return self._shared[key]

    def prepare(self, periods: list[Period]) -> Measurer:
        """Compute the capaian and efficiency tables of all these periods, one contract check per kind.

        Optional: a period not prepared is computed (and checked) on its own when asked for.
        """
        keys = {(p.upto_quarter, p.bulan is None) for p in periods} - set(self._capaian)
        self._capaian.update(validate_records(CapaianIndikator, {
            (upto, strict): capaian_records(self.rak.indikator, self._rows, self.atribut, self.settings, upto, strict)
            for upto, strict in keys}, CAPAIAN_DTYPES))
        if not self.anggaran.empty:
            keys = {_efficiency_key(p) for p in periods} - set(self._efisiensi)
            self._efisiensi.update(validate_records(Efisiensi, {
                key: efficiency_records(self.capaian(key[0], key[1]), self._budget(key[2]), self.settings)
                for key in keys}, EFISIENSI_DTYPES))
        return self

    def capaian(self, upto: int, strict: bool) -> pd.DataFrame:
        if (upto, strict) not in self._capaian:
            self._capaian[(upto, strict)] = compute_capaian_table(self.rak.indikator, self._rows, self.atribut,
                                                                  self.settings, upto, strict=strict)
        return self._capaian[(upto, strict)]

    def _budget(self, month: int) -> pd.DataFrame:
        """Budget per kegiatan and funding source to `month` (computed for every month at once)."""
        return self._once("anggaran", lambda: _by_month(budget_by_kegiatan(self.anggaran, self.rak.kegiatan,
                                                                           MONTHS)))[month]

    def _efficiency(self, period: Period) -> pd.DataFrame:
        key = _efficiency_key(period)
        if key not in self._efisiensi:
            self._efisiensi[key] = efficiency(self.capaian(key[0], key[1]), self._budget(key[2]), self.settings)
        return self._efisiensi[key]

    def __call__(self, period: Period) -> Measures:
        rak, month = self.rak, period.upto_month
        strict = period.bulan is None  # a monthly view shows the latest quarter reported so far
        capaian = self.capaian(period.upto_quarter, strict)
        has_budget = not self.anggaran.empty
        budget = self._budget(month) if has_budget else None
        triwulan = self._once("triwulan", lambda: compute_quarters(rak.indikator, self._rows, self.atribut,
                                                                   self.settings))
        cells = self._once("sel_jadwal", lambda: cells_by_month(rak.bulan, self.progres, MONTHS))
        jadwal = self._once("jadwal", lambda: schedule_by_month(rak.bulan, self.progres, 12, cells))
        per_bulan = self._once("anggaran_bulanan", lambda: budget_by_month(self.anggaran, 12)
                               if has_budget else pd.DataFrame())
        return Measures(
            period=period, atribut=self.atribut, capaian=capaian, triwulan=triwulan,
            anggaran=budget if budget is not None else pd.DataFrame(),
            anggaran_bulanan=per_bulan.iloc[:month].reset_index(drop=True),
            efisiensi=self._efficiency(period) if has_budget else pd.DataFrame(),
            jadwal=jadwal.iloc[:month].reset_index(drop=True),
            jadwal_pelaksana=self._once("jadwal_pelaksana", lambda: _by_month(schedule_by_pelaksana(
                rak.aktivitas, rak.bulan, self.progres, MONTHS, cells)))[month],
            terlambat=self._once("terlambat", lambda: _by_month(late_activities(rak.aktivitas, rak.bulan,
                                                                                self.progres, MONTHS, cells)))[month],
            perbandingan=self._once(f"perbandingan-{period.upto_quarter}-{strict}",
                                    lambda: compare_history(capaian, self.riwayat, period.tahun)),
        )


def _efficiency_key(period: Period) -> tuple[int, bool, int]:
    """Efficiency depends on the capaian table used (quarter, strict) and the budget's month."""
    return period.upto_quarter, period.bulan is None, period.upto_month


def measure(inputs: OfficeInputs, period: Period, settings: Settings,
            riwayat: pd.DataFrame | None = None) -> Measures:
    """Compute every figure of the period from validated inputs (one period; see Measurer for many)."""
    return Measurer(inputs, settings, riwayat)(period)


def _plain(value):
    """JSON-safe scalar: NaN, NA and infinities become None; numpy scalars become Python ones."""
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if hasattr(value, "item") and not isinstance(value, (list, tuple, dict, str)):
        value = value.item()
    if value is None or value is pd.NA or (isinstance(value, float) and not math.isfinite(value)):
        return None
    return value


def records(frame: pd.DataFrame) -> list[dict]:
    return [] if frame.empty else [_plain(r) for r in frame.to_dict("records")]


INDICATOR_KEYS = ["kode", "indikator", "satuan", "polaritas", "agregasi", "target", "realisasi", "capaian",
                  "capaian_dicap", "kategori", "status", "sumber"]


def to_json(m: Measures, settings: Settings) -> dict:
    """The figures as plain nested data, one record per indicator."""
    quarters = {k: records(g.drop(columns="kode")) for k, g in m.triwulan.groupby("kode")}
    indicators = []
    for rec in records(m.capaian):
        extra = {k: rec[k] for k in rec if k not in INDICATOR_KEYS}
        indicators.append({**{k: rec[k] for k in INDICATOR_KEYS}, **extra,
                           "per_triwulan": quarters.get(rec["kode"], []),
                           "perbandingan": _plain(m.perbandingan.get(rec["kode"], {}))})
    inferred = m.atribut[m.atribut["asal"] == "dugaan"]
    return {
        "tahun": m.period.tahun, "periode": m.period.label, "triwulan": m.period.triwulan, "bulan": m.period.bulan,
        "pengaturan": {"batas_capaian": settings.batas_capaian, "efisiensi": settings.efisiensi,
                       "kategori": [{"bawah": _plain(b.bawah), "label": b.label} for b in settings.kategori],
                       "sumber": settings.sumber},
        "indikator": indicators,
        "atribut_dugaan": records(inferred[["kode", "polaritas", "agregasi", "jenis_nilai", "alasan"]]),
        "anggaran": {"per_kegiatan": records(m.anggaran), "per_bulan": records(m.anggaran_bulanan),
                     "efisiensi": records(m.efisiensi)},
        "jadwal": {"per_bulan": records(m.jadwal), "per_pelaksana": records(m.jadwal_pelaksana),
                   "terlambat": records(m.terlambat)},
    }
