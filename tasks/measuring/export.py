"""The figures as plain nested data (no NaN, no infinity) for `lkip capaian --json`."""

from __future__ import annotations

import math

import pandas as pd

from tasks.measuring.figures import Measures
from tasks.reading.settings import Settings


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
    progress = {r["kode"]: {k: v for k, v in r.items() if k != "kode"} for r in records(m.kemajuan)}
    indicators = []
    for rec in records(m.capaian):
        extra = {k: rec[k] for k in rec if k not in INDICATOR_KEYS}
        indicators.append({**{k: rec[k] for k in INDICATOR_KEYS}, **extra,
                           "per_triwulan": quarters.get(rec["kode"], []),
                           "kemajuan": progress.get(rec["kode"], {}),
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
