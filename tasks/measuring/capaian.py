"""Capaian (achievement) per indicator, per quarter and per year: the formulas of DOMAIN.md "Measuring".

Pure functions: tables in, tables out; no files, no Prefect. Every figure keeps the cells it came from.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import pandas as pd
from pandera.typing import DataFrame

from contracts.atribut import AtributTerpakai
from contracts.capaian import CapaianIndikator, CapaianTriwulan
from contracts.checked import validated
from contracts.rak import Indikator
from contracts.realisasi import RealisasiIndikator
from tasks.frames import row_dicts, row_tuples
from tasks.reading.scales import Scale, capaian_on_scale, parse_scale
from tasks.reading.settings import Settings

TERCAPAI = "tercapai"
BELUM_TERCAPAI = "belum tercapai"
BELUM_DILAPORKAN = "belum dilaporkan"
TARGET_NOL = "target nol: tidak dapat dihitung"
TARGET_KOSONG = "target kosong"
TIDAK_VALID = "nilai tidak valid: tidak dapat dihitung"


@dataclass(frozen=True)
class Hasil:
    """One capaian: the raw figure (None when it cannot be computed) and why."""

    capaian: float | None
    status: str


def compute_capaian(realisasi: float | None, target: float | None, polaritas: str = "+",
                    low: float | None = None, high: float | None = None, arah: str | None = None,
                    on_scale: bool = False) -> Hasil:
    """Capaian in percent (PermenPAN-RB 6/2022 for lower-is-better); see DOMAIN.md "Measuring".

    Higher is better: R/T x 100. Lower is better: (2 - R/T) x 100, floored at 0 (our rule). A range
    target [low, high]: inside -> 100, above -> measured against high, below -> against low. Target 0:
    lower-is-better with R = 0 is 100; anything else cannot be computed and says so (our rule).
    A threshold target (`arah`: '>=', '>', '<=', '<'; its polarity follows the comparator) is met when
    the comparison holds ("< 2%" is not met at 2%). `on_scale`: R and T are positions on a
    qualitative scale (tasks.reading.scales), met when R is at least T.
    """
    if _missing(realisasi):
        return Hasil(None, BELUM_DILAPORKAN)  # also a total that an unreported earlier quarter left open
    if realisasi < 0 or not math.isfinite(realisasi):
        return Hasil(None, TIDAK_VALID)  # validation reports these at their cell; the engine never guesses
    if on_scale:
        if _missing(target):
            return Hasil(None, TARGET_KOSONG)
        return Hasil(capaian_on_scale(realisasi, target), TERCAPAI if realisasi >= target else BELUM_TERCAPAI)
    hasil = _by_formula(realisasi, target, polaritas, low, high)
    if arah and hasil.capaian is not None and not _missing(target):
        met = {">=": realisasi >= target, ">": realisasi > target, "<=": realisasi <= target,
               "<": realisasi < target}[arah]
        return Hasil(hasil.capaian, TERCAPAI if met else BELUM_TERCAPAI)
    return hasil


def _by_formula(realisasi: float, target: float | None, polaritas: str, low: float | None,
                high: float | None) -> Hasil:
    if not _missing(low) and not _missing(high):
        if low <= realisasi <= high:
            return Hasil(100.0, TERCAPAI)
        target = high if realisasi > high else low
    if _missing(target):
        return Hasil(None, TARGET_KOSONG)
    if target < 0 or not math.isfinite(target):
        return Hasil(None, TIDAK_VALID)
    if target == 0:
        return Hasil(100.0, TERCAPAI) if polaritas == "-" and realisasi == 0 else Hasil(None, TARGET_NOL)
    ratio = realisasi / target
    raw = ratio * 100 if polaritas == "+" else max(0.0, (2 - ratio) * 100)
    if not math.isfinite(raw):
        return Hasil(None, TARGET_NOL)
    return Hasil(raw, TERCAPAI if raw >= 100 else BELUM_TERCAPAI)


def _missing(value) -> bool:
    return value is None or (isinstance(value, float) and math.isnan(value))


def capped(capaian: float | None, cap: float | None) -> float | None:
    """The printed figure: the raw capaian limited to the cap (no cap: unchanged)."""
    if capaian is None or cap is None:
        return capaian
    return min(capaian, cap)


# --- quarters to year ---------------------------------------------------------------------------

def _to_date(values: list[float], agregasi: str) -> float:
    if agregasi == "SUM":
        return sum(values)
    if agregasi == "AVG":
        return sum(values) / len(values)
    if agregasi == "MAX":
        return max(values)
    return values[-1]  # LAST


def quarter_series(rows: DataFrame[RealisasiIndikator] | list[dict], agregasi: str
                   ) -> dict[int, tuple[float, float | None]]:
    """Per reported quarter: (value of the quarter alone, value to date), whatever form the data holds.

    For SUM, a cumulative figure becomes the quarter's own value by difference with the previous
    quarter, and a per-quarter figure is added to the running total. For LAST/AVG/MAX the reported
    value is the quarter's measurement and the value to date follows the rule. Missing is never zero:
    once a quarter is unreported, a SUM or AVG to date is unknown (None) until a cumulative figure
    states it again.
    """
    series: dict[int, tuple[float, float | None]] = {}
    measurements: list[float] = []
    previous: float | None = 0.0
    reported = {int(r["triwulan"]): r for r in _rows(rows) if not _missing(r["realisasi"])}
    for quarter in range(1, max(reported, default=0) + 1):
        rec = reported.get(quarter)
        if rec is None:
            previous = None if agregasi in ("SUM", "AVG") else previous
            continue
        value = float(rec["realisasi"])
        if agregasi == "SUM":
            if rec["jenis_nilai"] == "kumulatif":
                period, to_date = (value - previous if previous is not None else value), value
            else:
                period, to_date = value, (previous + value if previous is not None else None)
        else:
            measurements.append(value)
            gap = agregasi == "AVG" and previous is None
            period, to_date = value, None if gap else _to_date(measurements, agregasi)
        series[quarter] = (period, to_date)
        previous = to_date
    return series


def target_to_date(attr: dict, annual: float | None, quarter: int, agregasi: str) -> tuple[float | None, str]:
    """The target a figure to date is held against: per-quarter targets when given, else the annual one."""
    quarters = [attr.get(f"target_tw{q}") for q in range(1, quarter + 1)]
    if quarter < 4 and quarters and all(not _missing(t) for t in quarters):
        return _to_date([float(t) for t in quarters], agregasi), f"target s.d. TW {quarter}"
    return annual, "target tahunan"


# --- the table ----------------------------------------------------------------------------------

def _rows(rows: pd.DataFrame | list[dict]) -> list[dict]:
    """Realisation rows as plain records (the engine loops over a handful of rows per indicator)."""
    return row_dicts(rows) if isinstance(rows, pd.DataFrame) else rows


def by_indicator(realisasi: DataFrame[RealisasiIndikator]) -> dict[str, list[dict]]:
    """Realisation records per indicator code, each list in quarter order."""
    groups: dict[str, list[dict]] = {}
    for rec in ([] if realisasi.empty else row_dicts(realisasi)):
        groups.setdefault(rec["indikator_kode"], []).append(rec)
    return {k: sorted(v, key=lambda r: r["triwulan"]) for k, v in groups.items()}


def _sources(ind, rows: list[dict], upto: int) -> list[str]:
    cells = [f"{ind.sumber_file}!{ind.sumber_sheet}!{ind.target_sel}"]
    used = sorted((r for r in rows if r["triwulan"] <= upto and not _missing(r["realisasi"])),
                  key=lambda r: r["triwulan"])
    return cells + [f"{r['sumber_file']}!{r['sumber_sheet']}!{r['sumber_sel']}" for r in used]


def compute_indicator(ind, attr: dict, rows: pd.DataFrame | list[dict], upto: int, settings: Settings,
                      strict: bool = True) -> dict:
    """One indicator's record up to quarter `upto` (4 = the year).

    strict: the figure needs quarter `upto` itself; an unreported quarter leaves the period open
    ("belum dilaporkan"), it is never filled from earlier quarters or with zero. Not strict (a
    monthly view): the latest quarter reported so far, named in `triwulan_terakhir`.
    """
    rows = _rows(rows)
    series = {q: v for q, v in quarter_series(rows, attr["agregasi"]).items() if q <= upto}
    last = max(series, default=None)
    used = upto if strict else (last or upto)
    realisasi = series[used][1] if used in series else None
    scale = _scale(attr, ind)
    if scale is not None:
        target, target_kind = scale.position(ind.target_kualitatif), "target tahunan"
        low = high = None
    else:
        target, target_kind = target_to_date(attr, ind.target_nilai, used, attr["agregasi"])
        low, high = (ind.target_min, ind.target_max) if target_kind == "target tahunan" else (None, None)
    arah = _text(getattr(ind, "target_arah", None)) if target_kind == "target tahunan" else None
    hasil = compute_capaian(realisasi, target, attr["polaritas"], low, high, arah, on_scale=scale is not None)
    return {
        "kode": ind.kode, "kegiatan_kode": ind.kegiatan_kode, "indikator": ind.nama, "satuan": ind.target_satuan,
        "polaritas": attr["polaritas"], "agregasi": attr["agregasi"], "atribut_asal": attr["asal"],
        "target": None if _missing(target) else float(target), "target_teks": ind.target_teks,
        "target_min": low, "target_max": high, "target_arah": arah, "jenis_target": target_kind,
        "realisasi": realisasi, "realisasi_teks": _label(scale, realisasi),
        "skala": scale.text if scale is not None else None,
        "triwulan_terakhir": last, "capaian": hasil.capaian, "capaian_dicap": capped(hasil.capaian,
                                                                                      settings.batas_capaian),
        "kategori": settings.band(hasil.capaian) if hasil.capaian is not None else None, "status": hasil.status,
        "sumber": _sources(ind, rows, upto),
    }


# kategori as text even when no indicator has a band yet (January: nothing measured), so a table computed
# alone has the dtype it has when computed together with others.
CAPAIAN_DTYPES = {"kategori": "str", **{c: "float64" for c in (
    "target", "target_min", "target_max", "realisasi", "triwulan_terakhir", "capaian", "capaian_dicap")}}


def compute_capaian_table(indikator: DataFrame[Indikator], realisasi: DataFrame[RealisasiIndikator] | dict,
                          attrs: DataFrame[AtributTerpakai], settings: Settings, upto: int = 4, strict: bool = True
                          ) -> DataFrame[CapaianIndikator]:
    """Capaian of every indicator of the RAK to quarter `upto`; unreported ones say 'belum dilaporkan'.

    `realisasi`: the realisation table, or its records already grouped by by_indicator.
    """
    records = capaian_records(indikator, realisasi, attrs, settings, upto, strict)
    frame = pd.DataFrame(records, columns=list(CapaianIndikator.to_schema().columns))
    return validated(CapaianIndikator, frame.astype(CAPAIAN_DTYPES))


def capaian_records(indikator: DataFrame[Indikator], realisasi: DataFrame[RealisasiIndikator] | dict,
                    attrs: DataFrame[AtributTerpakai], settings: Settings, upto: int = 4, strict: bool = True
                    ) -> list[dict]:
    """The rows of compute_capaian_table, unchecked (contracts.common.validate_records checks many at once)."""
    by_code = realisasi if isinstance(realisasi, dict) else by_indicator(realisasi)
    attr_by_code = {r["kode"]: r for r in row_dicts(attrs)}
    return [compute_indicator(ind, attr_by_code[ind.kode], by_code.get(ind.kode, []), upto, settings, strict)
            for ind in row_tuples(indikator)]


def compute_quarters(indikator: DataFrame[Indikator], realisasi: DataFrame[RealisasiIndikator] | dict,
                     attrs: DataFrame[AtributTerpakai], settings: Settings) -> DataFrame[CapaianTriwulan]:
    """Per indicator and quarter: the quarter's value, the value to date, its target and capaian
    (`realisasi`: the table, or its records grouped by by_indicator)."""
    by_code = realisasi if isinstance(realisasi, dict) else by_indicator(realisasi)
    attr_by_code = {r["kode"]: r for r in row_dicts(attrs)}
    rows = []
    for ind in row_tuples(indikator):
        attr = attr_by_code[ind.kode]
        series = quarter_series(by_code.get(ind.kode, []), attr["agregasi"])
        for q in range(1, 5):
            period, to_date = series.get(q, (None, None))
            scale = _scale(attr, ind)
            if scale is not None:
                target, kind, low, high = scale.position(ind.target_kualitatif), "target tahunan", None, None
            else:
                target, kind = target_to_date(attr, ind.target_nilai, q, attr["agregasi"])
                low, high = (ind.target_min, ind.target_max) if kind == "target tahunan" else (None, None)
            arah = _text(getattr(ind, "target_arah", None)) if kind == "target tahunan" else None
            hasil = compute_capaian(to_date, target, attr["polaritas"], low, high, arah, on_scale=scale is not None)
            rows.append({"kode": ind.kode, "triwulan": q, "realisasi_triwulan": period, "realisasi_sd": to_date,
                         "realisasi_teks": _label(scale, to_date),
                         "target": None if _missing(target) else float(target), "jenis_target": kind,
                         "capaian": hasil.capaian, "capaian_dicap": capped(hasil.capaian, settings.batas_capaian),
                         "status": hasil.status})
    frame = pd.DataFrame(rows, columns=list(CapaianTriwulan.to_schema().columns))
    floats = ("realisasi_triwulan", "realisasi_sd", "target", "capaian", "capaian_dicap")
    return validated(CapaianTriwulan, _float_columns(frame, floats))


def _text(value) -> str | None:
    return value if isinstance(value, str) and value else None


def _scale(attr: dict, ind) -> Scale | None:
    """The scale a qualitative indicator is measured on (validation made sure its target is on it)."""
    kualitatif = _text(getattr(ind, "target_kualitatif", None))
    skala = _text(attr.get("skala"))
    if kualitatif is None or skala is None:
        return None
    scale = parse_scale(skala)
    return scale if scale.position(kualitatif) is not None else None


def _label(scale: Scale | None, position) -> str:
    """A position on a scale as its label ('' for a number, or when there is none)."""
    if scale is None or _missing(position):
        return ""
    return scale.labels[int(round(position))]


def _float_columns(frame: pd.DataFrame, columns) -> pd.DataFrame:
    return frame.astype({c: "float64" for c in columns})
