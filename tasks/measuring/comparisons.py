"""Comparisons the LKIP asks for: against earlier years, the Renstra medium-term target and
benchmarks (national, provincial, peer offices).

History comes from the office's optional riwayat-indikator.csv (tasks.reading.riwayat), benchmarks
from pembanding-indikator.csv (tasks.reading.pembanding). Without them a comparison is empty and
says so; nothing is invented.
"""

from __future__ import annotations

import pandas as pd
from pandera.typing import DataFrame

from contracts.capaian import CapaianIndikator
from contracts.riwayat import RiwayatIndikator
from tasks.frames import row_dicts, row_tuples
from tasks.measuring.capaian import compute_capaian

NO_HISTORY = "tidak ada data riwayat"


HISTORY_YEARS = 3  # the LKE asks for the last two or three years
STEADY = 0.5  # capaian points: a change smaller than this is "stabil"


def compare_history(capaian: DataFrame[CapaianIndikator], riwayat: DataFrame[RiwayatIndikator] | None, tahun: int,
                    pembanding: pd.DataFrame | None = None) -> dict[str, dict]:
    """Per indicator: the last HISTORY_YEARS years (newest first) and the trend to this year, the
    Renstra comparison, and the benchmarks (`pembanding`: PembandingIndikator rows), or why there
    are none."""
    by_code: dict[str, list[dict]] = {}
    for row in ([] if riwayat is None else row_dicts(riwayat)):
        by_code.setdefault(row["kode"], []).append(row)
    benchmarks: dict[str, list[dict]] = {}
    for row in ([] if pembanding is None or pembanding.empty else row_dicts(pembanding)):
        benchmarks.setdefault(row["kode"], []).append(row)
    result = {}
    for rec in row_tuples(capaian):
        history = by_code.get(rec.kode, [])
        rows = sorted((r for r in history if r["tahun"] < tahun), key=lambda r: r["tahun"], reverse=True)
        earlier = [_year(r, rec.polaritas) for r in rows[:HISTORY_YEARS]]
        result[rec.kode] = {"tahun_sebelumnya": earlier, "catatan": "" if earlier else NO_HISTORY,
                            "tren": trend([y["capaian"] for y in reversed(earlier)] + [rec.capaian]),
                            "renstra": _renstra(rec, history),
                            "pembanding": [_benchmark(b, rec) for b in sorted(
                                benchmarks.get(rec.kode, []), key=lambda b: (_LEVELS.index(b["tingkat"])
                                                                               if b["tingkat"] in _LEVELS else 9,
                                                                               -b["tahun"]))]}
    return result


_LEVELS = ("nasional", "provinsi", "sejawat")


def trend(capaian: list) -> str | None:
    """'naik', 'turun' or 'stabil' from the earlier years' capaian (oldest first) to this year's (the
    last); 'fluktuatif' when it went both ways; None without two figures."""
    values = [float(v) for v in capaian if v is not None and not pd.isna(v)]
    if len(values) < 2 or capaian[-1] is None or pd.isna(capaian[-1]):
        return None
    steps = [b - a for a, b in zip(values, values[1:]) if abs(b - a) >= STEADY]
    if not steps:
        return "stabil"
    if all(s > 0 for s in steps):
        return "naik"
    if all(s < 0 for s in steps):
        return "turun"
    return "fluktuatif"


def _benchmark(row: dict, rec) -> dict:
    """A benchmark against this year's realisation: the difference in the indicator's unit, and
    whether the office does better (by the indicator's polarity)."""
    realisasi = None if pd.isna(rec.realisasi) else float(rec.realisasi)
    selisih = None if realisasi is None else realisasi - float(row["nilai"])
    lebih_baik = None if selisih is None or abs(selisih) < 1e-9 else (selisih > 0) == (rec.polaritas == "+")
    return {"tingkat": row["tingkat"], "wilayah": row["wilayah"], "tahun": int(row["tahun"]),
            "nilai": float(row["nilai"]), "sumber": row["sumber"], "selisih": selisih, "lebih_baik": lebih_baik}


def _year(row: dict, polaritas: str) -> dict:
    hasil = compute_capaian(row["realisasi"], row["target"], polaritas)
    return {"tahun": int(row["tahun"]), "target": row["target"], "realisasi": row["realisasi"],
            "capaian": hasil.capaian, "status": hasil.status}


def _renstra(rec, history: list[dict]) -> dict:
    """`history`: the indicator's own rows of the history file, in file order."""
    targets = [r["target_renstra"] for r in history if not pd.isna(r["target_renstra"])]
    if not targets:
        return {"target": None, "capaian": None, "catatan": "target Renstra tidak tersedia"}
    target = float(targets[-1])
    hasil = compute_capaian(None if pd.isna(rec.realisasi) else rec.realisasi, target, rec.polaritas)
    return {"target": target, "capaian": hasil.capaian, "catatan": hasil.status}
