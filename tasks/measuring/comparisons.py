"""Comparisons the LKIP asks for: against earlier years and the Renstra medium-term target.

History comes from the office's optional riwayat-indikator.csv (tasks.reading.riwayat). Without it,
every comparison says so; nothing is invented.
"""

from __future__ import annotations

import pandas as pd
from pandera.typing import DataFrame

from contracts.capaian import CapaianIndikator
from contracts.riwayat import RiwayatIndikator
from tasks.frames import row_dicts, row_tuples
from tasks.measuring.capaian import compute_capaian

NO_HISTORY = "tidak ada data riwayat"


def compare_history(capaian: DataFrame[CapaianIndikator], riwayat: DataFrame[RiwayatIndikator] | None, tahun: int
                    ) -> dict[str, dict]:
    """Per indicator: earlier years (newest first) and the Renstra comparison, or why there is none."""
    by_code: dict[str, list[dict]] = {}
    for row in ([] if riwayat is None else row_dicts(riwayat)):
        by_code.setdefault(row["kode"], []).append(row)
    result = {}
    for rec in row_tuples(capaian):
        history = by_code.get(rec.kode, [])
        rows = sorted((r for r in history if r["tahun"] < tahun), key=lambda r: r["tahun"], reverse=True)
        earlier = [_year(r, rec.polaritas) for r in rows]
        result[rec.kode] = {"tahun_sebelumnya": earlier, "catatan": "" if earlier else NO_HISTORY,
                            "renstra": _renstra(rec, history)}
    return result


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
