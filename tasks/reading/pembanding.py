"""The office's benchmarks (pembanding-indikator.csv: kode, tingkat, wilayah, tahun, nilai, sumber):
the published national, provincial or peer figure an indicator is compared with (LKE 3.b.6). A
benchmark without its source is an error: the evaluator asks where the figure comes from."""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd
from pandera.typing import DataFrame

from contracts.checked import validated
from contracts.pembanding import TINGKAT, PembandingIndikator
from tasks.problems import Problem, Problems
from tasks.reading.atribut import csv_rows
from tasks.reading.parse import ParseError, normalize_key, normalize_text, parse_number
from tasks.reading.text_files import read_text_or_report

PEMBANDING_NAME = "pembanding-indikator.csv"
COLUMNS = list(PembandingIndikator.to_schema().columns)
REQUIRED = [c for c in COLUMNS if c != "sumber_baris"]
_TINGKAT = {"nasional": "nasional", "provinsi": "provinsi", "sejawat": "sejawat", "nasional ri": "nasional",
            "propinsi": "provinsi", "satker sejawat": "sejawat", "kabupaten sejawat": "sejawat"}
# A figure copied from a web page keeps its decimal point ("81.78"): one dot followed by one or two
# digits cannot be a thousands separator, so it is read as the decimal point it is. "1.234" stays
# ambiguous and is refused by parse_number.
_POINT_DECIMAL = re.compile(r"^(-?\d+)\.(\d{1,2})(\s*%)?$")
YEARS = (2000, 2100)


def read_pembanding(path: Path, units: dict[str, str] | None = None
                    ) -> tuple[DataFrame[PembandingIndikator], list[Problem]]:
    """Benchmark rows and the problems found (file, line, column). `units`: the RAK's indicators and
    their units; a code not among them is an error, a percent figure for a count indicator too."""
    problems = Problems(Path(path).name)
    text = read_text_or_report(path, problems, "pembanding")
    if text is None:
        return _frame([]), problems.items
    reader = csv_rows(text)
    if not _has_columns(getattr(reader, "fieldnames", None) or [], problems):
        return _frame([]), problems.items
    rows, seen = [], {}
    for line, rec in enumerate(reader, start=2):
        row = _row({normalize_key(k).replace(" ", "_"): normalize_text(v) for k, v in rec.items() if k}, line,
                   problems, units)
        if row is None:
            continue
        key = (row["kode"], row["tingkat"], row["wilayah"].casefold(), row["tahun"])
        if key in seen:
            problems.error(f"pembanding {row['kode']} {row['tingkat']} {row['wilayah']} tahun {row['tahun']:g} "
                           f"ditulis dua kali (baris {seen[key]} dan {line}); baris {line} tidak dipakai",
                           row=line, cell=f"baris {line}", value=row["kode"],
                           hint="satu indikator, tingkat, wilayah dan tahun satu baris: hapus salah satunya")
            continue
        seen[key] = line
        rows.append(row)
    return _frame(rows), problems.items


def _has_columns(header: list[str], problems: Problems) -> bool:
    found = {normalize_key(h).replace(" ", "_") for h in header if h}
    missing = [c for c in REQUIRED if c not in found]
    if header and missing:
        problems.error(f"kolom wajib tidak ada: {', '.join(missing)}", row=1, cell="baris 1",
                       value=";".join(h for h in header if h),
                       hint=f"baris pertama harus berisi judul kolom {';'.join(REQUIRED)}")
        return False
    return True


def _row(rec: dict, line: int, problems: Problems, units: dict[str, str] | None) -> dict | None:
    kode = rec.get("kode", "")
    if not kode:
        return None
    where = {"row": line, "cell": f"baris {line}"}
    ok = True
    if units is not None and kode not in units:
        problems.error(f"kode indikator '{kode}' tidak ada di RAK", header="kode", value=kode, **where,
                       hint="tulis kode indikator seperti pada RAK tahun ini, misalnya K02.I02")
        ok = False
    tingkat = _TINGKAT.get(rec.get("tingkat", "").casefold())
    if tingkat is None:
        problems.error("isian tingkat tidak dikenal" if rec.get("tingkat") else "tingkat kosong", header="tingkat",
                       value=rec.get("tingkat", ""), **where, hint=f"tulis salah satu: {', '.join(TINGKAT)}")
    for name, what in (("wilayah", "wilayah pembanding, misalnya Indonesia atau KPU Kabupaten Pasaman"),
                       ("sumber", "sumber yang diterbitkan: nama dokumen, pengumuman atau alamat web")):
        if not rec.get(name):
            problems.error(f"{name} kosong", header=name, **where, hint=f"isi {what}")
    tahun = _year(rec.get("tahun", ""), line, problems)
    nilai = _value(rec.get("nilai", ""), line, problems, None if units is None else units.get(kode))
    if not ok or None in (tingkat, tahun, nilai) or not rec.get("wilayah") or not rec.get("sumber"):
        return None
    return {"kode": kode, "tingkat": tingkat, "wilayah": rec["wilayah"], "tahun": tahun, "nilai": nilai,
            "sumber": rec["sumber"], "sumber_baris": line}


def _year(text: str, line: int, problems: Problems) -> float | None:
    where = {"row": line, "cell": f"baris {line}", "header": "tahun", "value": text}
    try:
        value = parse_number(text, integral=True).value
    except ParseError as exc:
        problems.error(exc.message, hint="tulis tahun empat angka, misalnya 2024", **where)
        return None
    if value is None:
        problems.error("tahun kosong", hint="isi tahun angka pembanding itu, misalnya 2024", **where)
    elif not value.is_integer() or not YEARS[0] <= value <= YEARS[1]:
        problems.error(f"tahun tidak wajar: {value:g}", hint="tulis tahun empat angka, misalnya 2024", **where)
        return None
    return value


def _value(text: str, line: int, problems: Problems, unit: str | None) -> float | None:
    where = {"row": line, "cell": f"baris {line}", "header": "nilai", "value": text}
    point = _POINT_DECIMAL.match(text)
    try:
        number = parse_number(f"{point[1]},{point[2]}{point[3] or ''}" if point else text)
    except ParseError as exc:
        problems.error(exc.message, hint=exc.hint, **where)
        return None
    if number.value is None:
        problems.error("nilai kosong", hint="isi angka pembandingnya dalam satuan indikator, misalnya 81,78", **where)
        return None
    if number.percent and unit not in (None, "", "%"):
        problems.error(f"nilai dalam persen, sedangkan satuan indikator ini '{unit}'",
                       hint="pembanding harus mengukur hal yang sama dengan indikatornya, dalam satuan yang sama",
                       **where)
        return None
    return number.value


def _frame(rows: list[dict]) -> DataFrame[PembandingIndikator]:
    frame = pd.DataFrame(rows, columns=COLUMNS)
    return validated(PembandingIndikator, frame.astype({"tahun": "float64", "nilai": "float64"}))
