"""Reading the indicator attributes file (atribut-indikator.csv) that the office edits."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pandas as pd

from contracts.atribut import AGREGASI, AtributIndikator
from tasks.problems import Problem, Problems
from tasks.reading.parse import ParseError, normalize_key, normalize_text, parse_number

ATRIBUT_NAME = "atribut-indikator.csv"
_POLARITAS = {"+": "+", "-": "-", "positif": "+", "negatif": "-", "naik": "+", "turun": "-",
              "higher is better": "+", "lower is better": "-", "makin tinggi makin baik": "+",
              "makin rendah makin baik": "-"}
_JENIS = {"periode": "periode", "triwulan ini": "periode", "kumulatif": "kumulatif", "": None}
COLUMNS = list(AtributIndikator.to_schema().columns)


def read_atribut(path: Path, known: set[str] | None = None) -> tuple[pd.DataFrame, list[Problem]]:
    """Attribute rows and the problems found; ';' or ',' separated, UTF-8 (with or without BOM)."""
    path = Path(path)
    problems = Problems(path.name)
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        problems.error(f"berkas atribut tidak dapat dibaca: {exc}", hint="simpan sebagai CSV UTF-8")
        return _frame([]), problems.items
    reader = csv_rows(text)
    rows = [r for r in (_row(rec, line, problems, known) for line, rec in enumerate(reader, start=2)) if r]
    return _frame(rows), problems.items


def csv_rows(text: str):
    """Rows of a CSV a person saved from Excel: ';' or ',' separated, judged from the header line."""
    if not text.strip():
        return []
    first = text.splitlines()[0]
    return csv.DictReader(io.StringIO(text), delimiter=";" if first.count(";") > first.count(",") else ",")


def _frame(rows: list[dict]) -> pd.DataFrame:
    frame = pd.DataFrame(rows, columns=COLUMNS)
    return AtributIndikator.validate(frame.astype({c: "float64" for c in COLUMNS if c.startswith("target_tw")}))


def _row(rec: dict, line: int, problems: Problems, known: set[str] | None) -> dict | None:
    rec = {normalize_key(k).replace(" ", "_"): normalize_text(v) for k, v in rec.items() if k is not None}
    kode = rec.get("kode", "")
    where = {"sheet": "", "row": line, "cell": f"baris {line}"}
    if not kode:
        return None
    if known is not None and kode not in known:
        problems.error(f"kode indikator '{kode}' tidak ada di RAK", value=kode, **where)
        return None
    polaritas = _POLARITAS.get(rec.get("polaritas", "").casefold())
    agregasi = rec.get("agregasi", "").upper()
    jenis = _JENIS.get(rec.get("jenis_nilai", "").casefold(), "?")
    bad = [(name, rec.get(name, "")) for name, ok in (("polaritas", polaritas), ("agregasi", agregasi in AGREGASI),
                                                       ("jenis_nilai", jenis != "?")) if not ok]
    for name, value in bad:
        problems.error(f"isian {name} tidak dikenal", value=value, header=name, **where,
                       hint="polaritas: + atau -; agregasi: SUM, LAST, AVG atau MAX; jenis_nilai: periode atau "
                            "kumulatif")
    targets = {f"target_tw{q}": _target(rec.get(f"target_tw{q}", ""), line, q, problems) for q in range(1, 5)}
    if bad:
        return None
    return {"kode": kode, "polaritas": polaritas, "agregasi": agregasi, "jenis_nilai": jenis, **targets,
            "sumber_baris": line}


def _target(text: str, line: int, quarter: int, problems: Problems) -> float | None:
    try:
        return parse_number(text.rstrip("%").strip()).value
    except ParseError as exc:
        problems.error(exc.message, hint=exc.hint, row=line, cell=f"baris {line}", header=f"target_tw{quarter}",
                       value=text)
        return None
