"""N synthetic offices made from the sample, for the roll-up's tests and benchmarks.

Each office is a copy of the sample folder with its own code, name and province (spread over the 38),
its realisation figures scaled by a random factor (so offices land in different rating bands), its
RAK in one of the layouts the reader supports (the workbook, the Word table, another header wording
without a column-number row), every third office with a fifth of its indicators not mapped to a
national code, and, every `invalid_every` offices, invalid in one of four ways (an empty quarter form,
a word in a figure's cell, an unknown national code, no report signer).

Offices differ in their plans too, as real ones do: each keeps its own share of the sample's kegiatan,
indicators and activities (renumbered, so its codes are its own) and words some of them its own way.
The RAK is written by the sample's own builder (data/build_sample.py) from the kept rows; the quarter
forms are the sample's, carried over to that RAK by `lkip carry-over` (matched by text, after the same
rewording); the code-keyed files (attributes, history, benchmarks, national mapping) follow the
renumbering, and a dropped indicator's rows go with it.
"""

from __future__ import annotations

import csv
import importlib.util
import io
import math
import random
import re
import shutil
import sys
import tempfile
from dataclasses import replace
from functools import cache
from pathlib import Path

from openpyxl import load_workbook

from tasks.forms.carry import carry_form
from tasks.reading import form_layout as form
from tasks.reading.atribut import ATRIBUT_NAME as ATRIBUT
from tasks.reading.nasional import PEMETAAN_NAME
from tasks.reading.pembanding import PEMBANDING_NAME
from tasks.reading.profile import PROFILE_NAME, load_profile, provinces
from tasks.reading.rak import read_rak
from tasks.reading.riwayat import RIWAYAT_NAME

PROVINCES = provinces()  # KPU's 38, as shipped in data/nasional/provinsi.csv


def _rename_office(folder: Path, kode: str, nama: str, provinsi: str) -> None:
    path = folder / PROFILE_NAME
    text = path.read_text(encoding="utf-8")
    text = re.sub(r'(?m)^kode = "1312"', f'kode = "{kode}"', text, count=1)
    text = re.sub(r'(?m)^nama = ".*"', f'nama = "{nama}"', text, count=1)
    text = re.sub(r'(?m)^provinsi = ".*"', f'provinsi = "{provinsi}"', text, count=1)
    text = re.sub(r"(?m)^pagu_total = .*\n", "", text)  # the NPHD's total is the sample's: not this office's
    path.write_text(text, encoding="utf-8")


def _drop_mappings(folder: Path, rng: random.Random, share: float) -> None:
    """Leave `share` of the office's indicators without a national code (as offices do)."""
    path = folder / PEMETAAN_NAME
    if not path.exists():
        return
    header, *lines = path.read_text(encoding="utf-8").splitlines()
    kept = [line for line in lines if rng.random() >= share]
    path.write_text("\n".join([header, *kept]) + "\n", encoding="utf-8")


def _vary_forms(folder: Path, kode: str, factor: float, rng: random.Random) -> None:
    """Office code on every form, realisation figures scaled by `factor`: a whole count stays a whole
    count (rounded down or up by one draw per row, the same in every quarter, so a cumulative figure
    never falls), a figure with decimals (the absorption percentage) is left as the forms computed it."""
    realisasi = next(i for i, c in enumerate(form.indikator_columns(), start=1) if c.key == "realisasi")
    draws: dict[int, float] = {}
    for path in sorted(folder.glob("realisasi-*.xlsx")):
        book = load_workbook(path)
        book[form.SHEET_IDENTITAS]["B3"] = kode
        sheet = book[form.SHEET_INDIKATOR]
        for row in range(form.HEADER_ROW + 1, sheet.max_row + 1):
            cell = sheet.cell(row=row, column=realisasi)
            if isinstance(cell.value, (int, float)) and float(cell.value).is_integer():
                draw = draws.setdefault(row, rng.random())
                cell.value = math.floor(cell.value * factor + draw)
        book.save(path)


# --- a plan of the office's own ----------------------------------------------------------------------

RAK_SOURCE = Path("sumber") / "rak-2024.csv"  # the sample's source of truth, under the sample folder
# Wordings offices use for the same things (the first word of an indicator is kept: it tells the
# pipeline how the indicator is measured).
WORDINGS = (("Penyusunan", "Penyiapan"), ("Rapat", "Rapat koordinasi"), ("Pengadaan", "Belanja"),
            ("Fasilitasi", "Dukungan"), ("Pengelolaan", "Penatausahaan"), ("Layanan", "Pelayanan"),
            ("tepat waktu", "sesuai tenggat waktu"), ("sesuai standar", "memenuhi standar yang ditetapkan"),
            ("yang diselenggarakan", "yang dilaksanakan"), ("pemilu", "pemilihan"))


@cache
def _builder(sample: Path):
    """data/build_sample.py beside the sample: the RAK writer (printed workbook, Word table)."""
    spec = importlib.util.spec_from_file_location("build_sample", Path(sample).parent / "build_sample.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault(spec.name, module)  # its dataclasses look themselves up there
    spec.loader.exec_module(module)
    return module


def _reword(text: str, pairs: tuple[tuple[str, str], ...]) -> str:
    for old, new in pairs:
        text = text.replace(old, new)
    return text


def _plan(rows: list, rng: random.Random, pairs) -> tuple[list, dict[str, str]]:
    """The office's own plan from the sample's rows: about four in five kegiatan, of each kept one about
    four in five indicators and of those about five in six activities (at least one of each kept),
    renumbered in order and reworded; with the sample's code -> the office's code of every kept indicator."""
    kegiatan = sorted({r.kegiatan_no for r in rows})
    kept_k = [k for k in kegiatan if rng.random() < 0.8] or kegiatan[:1]
    out, codes = [], {}
    for new_k, k in enumerate(kept_k, start=1):
        indicators = sorted({r.indikator_no for r in rows if r.kegiatan_no == k})
        kept_i = [i for i in indicators if rng.random() < 0.8] or indicators[:1]
        for new_i, i in enumerate(kept_i, start=1):
            acts = [r for r in rows if (r.kegiatan_no, r.indikator_no) == (k, i)]
            kept_a = [a for a in acts if rng.random() < 0.85] or acts[:1]
            codes[acts[0].kode] = f"K{new_k:02d}.I{new_i:02d}"
            out += [replace(a, kegiatan_no=new_k, indikator_no=new_i, kegiatan=_reword(a.kegiatan, pairs),
                            indikator=_reword(a.indikator, pairs), aktivitas=_reword(a.aktivitas, pairs))
                    for a in kept_a]
    return out, codes


def _renumber_file(path: Path, codes: dict[str, str], pairs) -> None:
    """A code-keyed file (first column `kode`) in the office's codes; a dropped indicator's rows go, an
    `indikator` column is reworded like the RAK."""
    if not path.exists():
        return
    text = path.read_text(encoding="utf-8")
    delimiter = ";" if ";" in text.splitlines()[0] else ","
    header, *records = list(csv.reader(io.StringIO(text), delimiter=delimiter))
    named = header.index("indikator") if "indikator" in header else None
    kept = []
    for record in records:
        if record and record[0] in codes:
            record[0] = codes[record[0]]
            if named is not None:
                record[named] = _reword(record[named], pairs)
            kept.append(record)
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=delimiter, lineterminator="\n").writerows([header, *kept])
    path.write_text(buffer.getvalue(), encoding="utf-8")


def _reword_forms(sample: Path, scratch: Path, pairs) -> list[Path]:
    """Copies of the sample's quarter forms with the plan's texts reworded like the office's RAK."""
    copies = []
    for path in sorted(sample.glob("realisasi-*.xlsx")):
        book = load_workbook(path)
        for name in (form.SHEET_INDIKATOR, form.SHEET_AKTIVITAS, form.SHEET_ANGGARAN):
            for row in book[name].iter_rows():
                for cell in row:
                    if isinstance(cell.value, str):
                        cell.value = _reword(cell.value, pairs)
        copies.append(scratch / path.name)
        book.save(copies[-1])
    return copies


def _own_plan(sample: Path, folder: Path, rng: random.Random, word: bool) -> None:
    """Replace the copied RAK and forms by a plan of the office's own (see the module's docstring)."""
    builder = _builder(sample)
    pairs = tuple(p for p in WORDINGS if rng.random() < 0.5)
    rows, codes = _plan(builder.read_source(sample / RAK_SOURCE), rng, pairs)
    (folder / RAK_NAME).unlink()
    rak_path = folder / ("RAK-2024.docx" if word else RAK_NAME)
    (builder.write_docx if word else builder.write_xlsx)(rows, rak_path)
    for name in (ATRIBUT, RIWAYAT_NAME, PEMBANDING_NAME, PEMETAAN_NAME):
        _renumber_file(folder / name, codes, pairs)
    profile = load_profile(folder / PROFILE_NAME)
    rak = read_rak(rak_path, profile.sub_bagian)
    for path in folder.glob("realisasi-*.xlsx"):
        path.unlink()
    with tempfile.TemporaryDirectory(prefix="lkip-sintetis-") as scratch:
        for old in _reword_forms(sample, Path(scratch), pairs):
            report = carry_form(old, rak, profile, folder)
            if report.target is None:
                raise RuntimeError(f"{folder.name}: {old.name} not carried: {report.problems}")


RAK_NAME = "RAK-2024.xlsx"
LAYOUTS = ("excel", "word", "excel, judul kolom lain", "excel")  # by office number, cycling
BREAKS = ("formulir kosong", "teks di sel angka", "kode nasional tak dikenal", "penanda tangan kosong")


def _reworded_header(folder: Path) -> None:
    """Another office's wording of the RAK's header: 'Indikator Kinerja', 'Penanggung Jawab', months as
    Jan..Des, and no column-number row (the reader finds the header by its words)."""
    path = folder / RAK_NAME
    book = load_workbook(path)
    sheet = book.worksheets[0]
    words = {"Indikator Kinerja Kegiatan": "Indikator Kinerja", "Pelaksana": "Penanggung Jawab",
             **{f"B{m}": name for m, name in enumerate(("Jan", "Feb", "Mar", "Apr", "Mei", "Jun", "Jul", "Agu",
                                                        "Sep", "Okt", "Nov", "Des"), start=1)}}
    for row in sheet.iter_rows(min_row=1, max_row=12):
        cells = [c for c in row if c.value is not None]
        if cells and all(isinstance(c.value, int) for c in cells) and len(cells) > 10:  # the column-number row
            for cell in cells:
                cell.value = None
            break
        for cell in cells:
            if isinstance(cell.value, str) and cell.value.strip() in words:
                cell.value = words[cell.value.strip()]
    book.save(path)


def _break(folder: Path, kind: str) -> None:
    """One of the ways a real office's data is invalid."""
    if kind == "formulir kosong":  # a copy still in progress: 0 bytes
        (folder / "realisasi-2024-TW2.xlsx").write_bytes(b"")
    elif kind == "teks di sel angka":
        path = folder / "realisasi-2024-TW1.xlsx"
        book = load_workbook(path)
        sheet = book[form.SHEET_INDIKATOR]
        column = next(i for i, c in enumerate(form.indikator_columns(), start=1) if c.key == "realisasi")
        sheet.cell(row=form.HEADER_ROW + 1, column=column).value = "sembilan"
        book.save(path)
    elif kind == "kode nasional tak dikenal":
        path = folder / PEMETAAN_NAME
        header, first, *rest = path.read_text(encoding="utf-8").splitlines()
        path.write_text("\n".join([header, first.split(";")[0] + ";SS9.IKU99", *rest]) + "\n", encoding="utf-8")
    else:  # the report signer's name left empty
        path = folder / PROFILE_NAME
        text = re.sub(r'(?m)(\[penandatangan\.ketua\]\njabatan = ".*"\n)nama = ".*"', r'\1nama = ""',
                      path.read_text(encoding="utf-8"), count=1)
        path.write_text(text, encoding="utf-8")


def make_office(sample: Path, root: Path, number: int, rng: random.Random, broken: str | None) -> Path:
    """Office `number`: its own code, name, province, plan and figures, its RAK in one of LAYOUTS, some
    indicators unmapped, and, when `broken` names one of BREAKS, invalid that way."""
    kode = f"9{number:03d}"
    folder = Path(root) / f"satker-{kode}-2024"
    shutil.copytree(sample, folder, ignore=shutil.ignore_patterns("sumber"))
    _rename_office(folder, kode, f"KPU Kabupaten Sintetis {number:03d}", PROVINCES[(number - 1) % len(PROVINCES)])
    layout = LAYOUTS[(number - 1) % len(LAYOUTS)]
    _own_plan(sample, folder, rng, word=layout == "word")
    _vary_forms(folder, kode, rng.uniform(0.55, 1.15), rng)
    if layout == "excel, judul kolom lain":
        _reworded_header(folder)
    if number % 3 == 0:
        _drop_mappings(folder, rng, 0.2)
    if broken:
        _break(folder, broken)
    return folder


def generate(sample: Path, root: Path, count: int, seed: int = 2024, invalid_every: int = 5) -> list[Path]:
    """`count` offices under `root`; office numbers 1, 1 + invalid_every, … are invalid on purpose, each
    in the next of BREAKS (the first: an empty quarter form)."""
    rng = random.Random(seed)
    Path(root).mkdir(parents=True, exist_ok=True)
    def broken(n: int) -> str | None:
        if invalid_every <= 0 or (n - 1) % invalid_every:
            return None
        return BREAKS[((n - 1) // invalid_every) % len(BREAKS)]
    return [make_office(sample, root, n, rng, broken(n)) for n in range(1, count + 1)]
