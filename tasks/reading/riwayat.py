"""Comparisons the LKIP asks for: against earlier years and the Renstra medium-term target.

History comes from an optional file the office keeps (riwayat-indikator.csv: kode, tahun, target,
realisasi, target_renstra). Without it, every comparison says so; nothing is invented.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from tasks.reading.atribut import csv_rows
from tasks.measuring.capaian import compute_capaian
from tasks.frames import row_dicts, row_tuples
from tasks.reading.parse import ParseError, normalize_key, normalize_text, parse_number
from tasks.problems import Problem, Problems

RIWAYAT_NAME = "riwayat-indikator.csv"
COLUMNS = ["kode", "tahun", "target", "realisasi", "target_renstra", "sumber_baris"]
NO_HISTORY = "tidak ada data riwayat"


def read_riwayat(path: Path) -> tuple[pd.DataFrame, list[Problem]]:
    """History rows and the problems found (file, line, column)."""
    problems = Problems(Path(path).name)
    try:
        text = Path(path).read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        problems.error(f"berkas riwayat tidak dapat dibaca: {exc}", hint="simpan sebagai CSV UTF-8")
        return pd.DataFrame(columns=COLUMNS), problems.items
    rows, seen = [], {}
    for line, rec in enumerate(csv_rows(text), start=2):
        rec = {normalize_key(k).replace(" ", "_"): v for k, v in rec.items() if k}
        row = {"kode": normalize_text(rec.get("kode")), "sumber_baris": line}
        for name in ("tahun", "target", "realisasi", "target_renstra"):
            row[name] = _number(rec.get(name, ""), line, name, problems)
        if not row["kode"]:
            continue
        if row["tahun"] is None:
            problems.error("tahun kosong", row=line, cell=f"baris {line}", header="tahun", hint="isi tahun")
        elif (row["kode"], row["tahun"]) in seen:
            problems.error(f"baris ganda untuk {row['kode']} tahun {row['tahun']:g} (baris {seen[(row['kode'], row['tahun'])]}"
                           f" dan {line})", row=line, cell=f"baris {line}", hint="hapus salah satu baris")
        else:
            seen[(row["kode"], row["tahun"])] = line
            rows.append(row)
    return pd.DataFrame(rows, columns=COLUMNS), problems.items


def _number(text, line: int, column: str, problems: Problems) -> float | None:
    try:
        return parse_number(text or "", integral=column == "tahun").value
    except ParseError as exc:
        problems.error(exc.pesan, row=line, cell=f"baris {line}", header=column, value=str(text), hint=exc.saran)
        return None


def compare_history(capaian: pd.DataFrame, riwayat: pd.DataFrame | None, tahun: int) -> dict[str, dict]:
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
