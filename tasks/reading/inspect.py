"""Plain nested views of what was read, for `lkip inspect`: what the user sees is what we understood."""

from __future__ import annotations

import math

import pandas as pd

from contracts.rak import Aktivitas, AktivitasBulan, Indikator
from tasks.reading.rak import Rak
from tasks.reading.realisasi import Realisasi


def _clean(value):
    """JSON-safe scalars: NaN/NA become None, whole floats stay floats."""
    if value is None or (isinstance(value, float) and math.isnan(value)) or value is pd.NA:
        return None
    if hasattr(value, "item"):
        return value.item()
    return value


def describe_rak(rak: Rak) -> dict:
    """The RAK as a tree: kegiatan > indikator (with target) > aktivitas (with months)."""
    months = (rak.bulan.groupby(AktivitasBulan.aktivitas_kode)[AktivitasBulan.bulan]
              .apply(lambda s: sorted(int(m) for m in s)).to_dict())
    activities = {k: g for k, g in rak.aktivitas.groupby(Aktivitas.indikator_kode, sort=False)}
    indicators = {k: g for k, g in rak.indikator.groupby(Indikator.kegiatan_kode, sort=False)}
    tree = []
    for keg in rak.kegiatan.itertuples():
        tree.append({"kode": keg.kode, "no": int(keg.no), "nama": keg.nama, "kode_anggaran": _clean(keg.kode_anggaran),
                     "sumber": f"{keg.sumber_sheet}!baris {keg.sumber_baris}",
                     "indikator": [_indikator(ind, activities.get(ind.kode), months)
                                   for ind in indicators.get(keg.kode, pd.DataFrame()).itertuples()]})
    return {"file": rak.file, "jenis": "rak", "tahun": rak.tahun, "kegiatan": tree}


def _indikator(ind, activities, months) -> dict:
    rows = [] if activities is None else activities.itertuples()
    return {"kode": ind.kode, "no": int(ind.no), "nama": ind.nama, "pelaksana": ind.pelaksana,
            "target": {"teks": ind.target_teks, "nilai": _clean(ind.target_nilai), "satuan": ind.target_satuan,
                       "min": _clean(ind.target_min), "max": _clean(ind.target_max), "sel": ind.target_sel},
            "aktivitas": [{"kode": a.kode, "nama": a.nama, "pelaksana": a.pelaksana,
                           "bulan": months.get(a.kode, []), "sumber": f"{a.sumber_sheet}!baris {a.sumber_baris}"}
                          for a in rows]}


def _records(frame: pd.DataFrame, drop: tuple[str, ...]) -> list[dict]:
    keep = [c for c in frame.columns if c not in drop]
    return [{k: _clean(v) for k, v in rec.items()} for rec in frame[keep].to_dict("records")]


def describe_realisasi(real: Realisasi) -> dict:
    """A realisation workbook's identity and rows, one record per indicator, activity-month, budget-month."""
    common = ("satker_kode", "tahun", "triwulan", "sumber_file")
    return {"file": real.file, "jenis": "realisasi", "satker_kode": real.satker_kode, "tahun": real.tahun,
            "triwulan": real.triwulan, "indikator": _records(real.indikator, common),
            "aktivitas": _records(real.aktivitas, common), "anggaran": _records(real.anggaran, common)}
