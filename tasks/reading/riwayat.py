"""The office's indicator history (riwayat-indikator.csv: kode, tahun, target, realisasi,
target_renstra), read for the comparisons of tasks.measuring.comparisons."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
from pandera.typing import DataFrame

from contracts.checked import validated
from contracts.riwayat import RiwayatIndikator
from tasks.problems import Problem, Problems
from tasks.reading.atribut import csv_rows
from tasks.reading.parse import ParseError, normalize_key, normalize_text, parse_number
from tasks.reading.text_files import read_text_or_report

RIWAYAT_NAME = "riwayat-indikator.csv"
COLUMNS = list(RiwayatIndikator.to_schema().columns)


def read_riwayat(path: Path) -> tuple[DataFrame[RiwayatIndikator], list[Problem]]:
    """History rows and the problems found (file, line, column)."""
    problems = Problems(Path(path).name)
    text = read_text_or_report(path, problems, "riwayat")
    if text is None:
        return _frame([]), problems.items
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
            first = seen[(row["kode"], row["tahun"])]
            problems.error(f"baris ganda untuk {row['kode']} tahun {row['tahun']:g} (baris {first} dan {line})",
                           row=line, cell=f"baris {line}", hint="hapus salah satu baris")
        else:
            seen[(row["kode"], row["tahun"])] = line
            rows.append(row)
    return _frame(rows), problems.items


def _frame(rows: list[dict]) -> DataFrame[RiwayatIndikator]:
    frame = pd.DataFrame(rows, columns=COLUMNS)
    floats = ("tahun", "target", "realisasi", "target_renstra")
    return validated(RiwayatIndikator, frame.astype({c: "float64" for c in floats}))


def _number(text, line: int, column: str, problems: Problems) -> float | None:
    try:
        return parse_number(text or "", integral=column == "tahun").value
    except ParseError as exc:
        problems.error(exc.message, row=line, cell=f"baris {line}", header=column, value=str(text), hint=exc.hint)
        return None
