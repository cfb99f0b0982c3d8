"""The indicator attributes: the file the office edits (atribut-indikator.csv), and the attributes
each indicator is measured with, the file's where given, inferred from the indicator otherwise.

An inferred attribute is a guess the office confirms by writing it in the file: every one is a
warning (tasks.reading.office), with the reason it was inferred so.
"""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path

import pandas as pd
from pandera.typing import DataFrame

from contracts.atribut import AGREGASI, AtributIndikator, AtributTerpakai
from contracts.checked import validated
from contracts.rak import Indikator
from tasks.frames import row_dicts, row_tuples
from tasks.problems import Problem, Problems
from tasks.reading.parse import ParseError, normalize_key, normalize_text, parse_number
from tasks.reading.scales import builtin_scale, parse_scale
from tasks.reading.text_files import read_text_or_report

ATRIBUT_NAME = "atribut-indikator.csv"
_POLARITAS = {"+": "+", "-": "-", "−": "-", "positif": "+", "negatif": "-", "naik": "+", "turun": "-",
              "higher is better": "+", "lower is better": "-", "makin tinggi makin baik": "+",
              "makin rendah makin baik": "-"}
_JENIS = {"periode": "periode", "triwulan ini": "periode", "kumulatif": "kumulatif", "": None}
COLUMNS = list(AtributIndikator.to_schema().columns)


def read_atribut(path: Path, known: set[str] | None = None) -> tuple[DataFrame[AtributIndikator], list[Problem]]:
    """Attribute rows and the problems found; ';' or ',' separated, UTF-8 or Windows ANSI."""
    path = Path(path)
    problems = Problems(path.name)
    text = read_text_or_report(path, problems, "atribut", "simpan sebagai CSV")
    if text is None:
        return _frame([]), problems.items
    rows, seen = [], {}
    for line, rec in enumerate(csv_rows(text), start=2):
        row = _row(rec, line, problems, known)
        if row is None:
            continue
        if row["kode"] in seen:
            problems.error(f"kode {row['kode']} ditulis dua kali (baris {seen[row['kode']]} dan {line}); baris "
                           f"{line} tidak dipakai", row=line, cell=f"baris {line}", value=row["kode"],
                           hint="satu indikator satu baris: hapus salah satunya")
            continue
        seen[row["kode"]] = line
        rows.append(row)
    return _frame(rows), problems.items


def csv_rows(text: str):
    """Rows of a CSV a person saved from Excel: ';', ',' or tab separated (Excel's "Unicode Text"),
    judged from the header line."""
    if not text.strip():
        return []
    first = text.splitlines()[0]
    return csv.DictReader(io.StringIO(text), delimiter=max((",", ";", "\t"), key=first.count))  # ties: ','


def _frame(rows: list[dict]) -> DataFrame[AtributIndikator]:
    frame = pd.DataFrame(rows, columns=COLUMNS)
    return validated(AtributIndikator, frame.astype({c: "float64" for c in COLUMNS if c.startswith("target_tw")}))


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
    skala = _scale(rec.get("skala", ""), line, problems)
    if bad or skala is False:
        return None
    return {"kode": kode, "polaritas": polaritas, "agregasi": agregasi, "jenis_nilai": jenis, **targets,
            "skala": skala, "sumber_baris": line}


def _scale(text: str, line: int, problems: Problems) -> str | None | bool:
    """The scale as the contract keeps it ('A|B|C', worst first), None when empty, False when unreadable."""
    try:
        scale = parse_scale(text)
    except ValueError:
        problems.error("skala tidak dapat dibaca", row=line, cell=f"baris {line}", header="skala", value=text,
                       hint="tulis label dari yang terburuk ke terbaik dipisah |, misalnya TMP|TW|WDP|WTP")
        return False
    return None if scale is None else scale.text


def _target(text: str, line: int, quarter: int, problems: Problems) -> float | None:
    try:
        return parse_number(text.rstrip("%").strip()).value
    except ParseError as exc:
        problems.error(exc.message, hint=exc.hint, row=line, cell=f"baris {line}", header=f"target_tw{quarter}",
                       value=text)
        return None


# --- the attributes in force --------------------------------------------------------------------

_COUNT_UNITS = {"laporan", "layanan", "dokumen", "kegiatan", "orang", "paket", "unit", "kali", "rekomendasi",
                "keputusan", "peraturan"}
# What an indicator counts when less of it is better: violations, mistakes, delays, complaints, findings.
_LOWER_IS_BETTER = re.compile(
    r"\b(pelanggaran|kesalahan|kekeliruan|keterlambatan|terlambat|tidak masuk daftar|tidak terdaftar|aduan|"
    r"pengaduan|keluhan|temuan|kerugian|kecurangan|sengketa|gugatan|permohonan keberatan|keberatan|kasus|"
    r"pemungutan suara ulang|psu|tidak valid|ganda|tidak memenuhi syarat|tms|golput)\b", re.IGNORECASE)
# ... unless the indicator counts what was done about them: resolved, facilitated, handled, followed
# up, on time ("Rasio penyelesaian sengketa ... yang difasilitasi" is higher-is-better).
_HANDLED = re.compile(r"\b(selesai|penyelesaian|diselesaikan|terselesaikan|ditindaklanjuti|tindak lanjut|"
                      r"penanganan|ditangani|tertangani|difasilitasi|terfasilitasi|fasilitasi|dimediasi|direspons|"
                      r"direspon|dijawab|tepat waktu|diperbaiki|dimutakhirkan|dicoret)\b", re.IGNORECASE)


def infer_attribute(nama: str, satuan: str, arah: str | None = None, kualitatif: str | None = None
                    ) -> tuple[str, str, str, str]:
    """(polaritas, agregasi, jenis_nilai, reason) from an indicator's name, unit and target form."""
    polaritas, direction = _direction(nama, arah)
    lowered = nama.casefold()
    if kualitatif is not None:
        return polaritas, "LAST", "kumulatif", f"target kualitatif '{kualitatif}': nilai terakhir; {direction}"
    if lowered.startswith("indeks") or satuan == "indeks":
        return polaritas, "AVG", "periode", f"nama 'Indeks …': diukur tiap triwulan, dirata-rata; {direction}"
    if lowered.startswith(("persentase", "rasio", "tingkat", "proses", "prosentase")) or satuan == "%":
        return polaritas, "LAST", "kumulatif", f"nama 'Persentase/Rasio/Tingkat …' atau satuan %: nilai " \
                                               f"terakhir; {direction}"
    if lowered.startswith("jumlah") or satuan in _COUNT_UNITS:
        return polaritas, "SUM", "periode", f"nama 'Jumlah …' atau satuan '{satuan}': dijumlahkan per " \
                                            f"triwulan; {direction}"
    return polaritas, "SUM", "periode", f"tidak ada petunjuk: dianggap jumlah per triwulan; {direction}"


def _direction(nama: str, arah: str | None) -> tuple[str, str]:
    """(polaritas, why) from a threshold target's comparator, else from the indicator's words."""
    if arah in (">=", ">"):
        return "+", f"target '{arah}': makin tinggi makin baik"
    if arah in ("<=", "<"):
        return "-", f"target '{arah}': makin rendah makin baik"
    bad = _LOWER_IS_BETTER.search(nama)
    if bad and not _HANDLED.search(nama):
        return "-", f"'{bad.group(1)}': makin rendah makin baik"
    return "+", "makin tinggi makin baik"


def _scale_of(row_scale, ind) -> str | None:
    """The scale a qualitative indicator is measured on: the office's, or the built-in one of its target."""
    if row_scale and not pd.isna(row_scale):
        return row_scale
    kualitatif = getattr(ind, "target_kualitatif", None)
    if kualitatif is None or pd.isna(kualitatif):
        return None
    scale = builtin_scale(kualitatif)
    return None if scale is None else scale.text


def attributes(indikator: DataFrame[Indikator], atribut: DataFrame[AtributIndikator] | None
               ) -> DataFrame[AtributTerpakai]:
    """Attributes of every indicator: from the office's file where given, inferred (and said so) otherwise."""
    given = {} if atribut is None else {r["kode"]: r for r in row_dicts(atribut)}
    rows = []
    for ind in row_tuples(indikator):
        row = given.get(ind.kode)
        arah = _text_or_none(getattr(ind, "target_arah", None))
        kualitatif = _text_or_none(getattr(ind, "target_kualitatif", None))
        if row is not None:
            rows.append({"kode": ind.kode, "polaritas": row["polaritas"], "agregasi": row["agregasi"],
                         "jenis_nilai": _text_or_none(row["jenis_nilai"]) or "periode", "asal": "berkas", "alasan": "",
                         **{f"target_tw{q}": row[f"target_tw{q}"] for q in range(1, 5)},
                         "skala": _scale_of(row.get("skala"), ind)})
            continue
        polaritas, agregasi, jenis, reason = infer_attribute(ind.nama, ind.target_satuan, arah, kualitatif)
        rows.append({"kode": ind.kode, "polaritas": polaritas, "agregasi": agregasi, "jenis_nilai": jenis,
                     "asal": "dugaan", "alasan": reason, **{f"target_tw{q}": None for q in range(1, 5)},
                     "skala": _scale_of(None, ind)})
    frame = pd.DataFrame(rows, columns=list(AtributTerpakai.to_schema().columns))
    return validated(AtributTerpakai, frame.astype({f"target_tw{q}": "float64" for q in range(1, 5)}))


def _text_or_none(value) -> str | None:
    return None if value is None or (isinstance(value, float) and pd.isna(value)) else str(value)
