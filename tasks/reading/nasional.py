"""KPU RI's national performance framework and an office's mapping onto it.

What KPU RI consolidates is its sasaran strategis / IKU, to which each office's own indicators
contribute; free-text indicators of 553 offices cannot be compared by themselves. An office ties each
indicator to a national code in `pemetaan-nasional.csv` (`kode;kode_nasional`) or in a `kode_nasional`
column of `atribut-indikator.csv`: its choice, both read alike. A code not in the national list, an
indicator not in the RAK, or one indicator tied to two national codes is an error at its line; an
indicator left unmapped is not an error of the office: the roll-up lists it (never guessed).
"""

from __future__ import annotations

import difflib
import functools
import re
from pathlib import Path

import pandas as pd
from pandera.typing import DataFrame

from contracts.checked import validated
from contracts.nasional import KODE_NASIONAL, IkuNasional, PemetaanNasional
from tasks.problems import Problem, Problems
from tasks.reading.atribut import csv_rows
from tasks.reading.parse import normalize_key, normalize_text
from tasks.reading.text_files import read_text, read_text_or_report

PEMETAAN_NAME = "pemetaan-nasional.csv"
NATIONAL_LIST = Path(__file__).resolve().parents[2] / "data" / "nasional" / "sasaran-iku-kpu.csv"
_CODE = re.compile(KODE_NASIONAL)


def load_national(path: Path = NATIONAL_LIST) -> DataFrame[IkuNasional]:
    """The national list shipped with lkip (a broken list is a bug of the release: it raises). Read and
    checked once per process and file version (every office of a roll-up reads the same list)."""
    stat = Path(path).stat()
    return _national(str(path), stat.st_mtime_ns, stat.st_size).copy()


@functools.lru_cache(maxsize=4)
def _national(path: str, mtime_ns: int, size: int) -> DataFrame[IkuNasional]:
    rows = [{normalize_key(k): normalize_text(v) for k, v in rec.items() if k} for rec in csv_rows(read_text(path))]
    return validated(IkuNasional, pd.DataFrame(rows, columns=["kode", "sasaran", "iku"]))


def _code_hint(written: str, national: set[str]) -> str:
    """What to write instead of an unknown national code: the closest codes of the list (staff have the
    list as KPU RI sent it, not lkip's copy of it)."""
    close = difflib.get_close_matches(written.upper(), sorted(national), n=3, cutoff=0.5) or sorted(national)[:3]
    return (f"tulis salah satu kode sasaran/IKU KPU RI ({len(national)} kode, mis. {', '.join(close)}), atau "
            "kosongkan bila indikator belum dipetakan")


def has_mapping_column(path: Path) -> bool:
    """Whether an attributes file carries the national codes (a `kode_nasional` column)."""
    try:
        header = read_text(path).splitlines()[:1]
    except OSError:
        return False
    return bool(header) and "kode_nasional" in normalize_key(header[0]).replace(" ", "_")


def read_pemetaan(path: Path, known: set[str] | None, national: set[str],
                  earlier: DataFrame[PemetaanNasional] | None = None
                  ) -> tuple[DataFrame[PemetaanNasional], list[Problem]]:
    """The mapping rows of `path` (with `earlier` ones: the other file's), and the problems found.
    `known`: the RAK's indicator codes (None when the RAK could not be read)."""
    name = Path(path).name
    problems = Problems(name)
    rows = [] if earlier is None else earlier.to_dict("records")
    seen = {r["kode"]: r for r in rows}
    text = read_text_or_report(path, problems, "pemetaan nasional")
    if text is None:
        return _frame(rows), problems.items
    reader = csv_rows(text)
    columns = [normalize_key(c).replace(" ", "_") for c in (getattr(reader, "fieldnames", None) or [])]
    if columns and not {"kode", "kode_nasional"} <= set(columns):  # a mistyped header would skip every line
        problems.error(f"baris judul tidak memuat kolom kode dan kode_nasional (tertulis: {', '.join(columns)})",
                       row=1, cell="baris 1", value=text.splitlines()[0],
                       hint="tulis baris pertama 'kode;kode_nasional', lalu satu indikator per baris")
        return _frame(rows), problems.items
    for line, rec in enumerate(reader, start=2):
        rec = {normalize_key(k).replace(" ", "_"): normalize_text(v) for k, v in rec.items() if k}
        kode, nasional = rec.get("kode", "").upper(), rec.get("kode_nasional", "").upper()
        where = {"row": line, "cell": f"baris {line}"}
        if not kode or not nasional:
            continue  # an indicator without a national code: listed by the roll-up, not guessed
        if known is not None and kode not in known:
            problems.error(f"indikator {kode} tidak ada di RAK", header="kode", value=kode,
                           hint="tulis kode indikator seperti di RAK tahun ini (mis. K01.I03)", **where)
            continue
        if not _CODE.match(nasional) or nasional not in national:
            problems.error(f"kode nasional {nasional} tidak ada dalam daftar sasaran/IKU KPU RI",
                           header="kode_nasional", value=nasional,
                           hint=_code_hint(nasional, national), **where)
            continue
        if kode in seen:
            first = seen[kode]
            if first["kode_nasional"] != nasional:
                problems.error(f"indikator {kode} dipetakan ke dua kode nasional: {first['kode_nasional']} "
                               f"({first['sumber']}) dan {nasional} ({name}:{line})", header="kode_nasional",
                               value=nasional, hint="satu indikator satu kode nasional: hapus salah satunya", **where)
            continue
        seen[kode] = {"kode": kode, "kode_nasional": nasional, "sumber": f"{name}:{line}"}
        rows.append(seen[kode])
    return _frame(rows), problems.items


def _frame(rows: list[dict]) -> DataFrame[PemetaanNasional]:
    return validated(PemetaanNasional, pd.DataFrame(rows, columns=["kode", "kode_nasional", "sumber"]))
