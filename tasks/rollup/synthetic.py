"""N synthetic offices made from the sample, for the roll-up's tests and benchmarks.

Each office is a copy of the sample folder with its own code, name and province (spread over the 38),
its realisation figures scaled by a random factor (so offices land in different rating bands), its
RAK in one of the layouts the reader supports (the workbook, the Word table, another header wording
without a column-number row), every third office with a fifth of its indicators not mapped to a
national code, and, every `invalid_every` offices, invalid in one of four ways (an empty quarter form,
a word in a figure's cell, an unknown national code, no report signer). Every office still has the
sample's kegiatan and indicators.
"""

from __future__ import annotations

import random
import re
import shutil
from pathlib import Path

from openpyxl import load_workbook

from tasks.reading import form_layout as form
from tasks.reading.nasional import PEMETAAN_NAME
from tasks.reading.profile import PROFILE_NAME

PROVINCES = (  # KPU's 38 provinces
    "Aceh", "Sumatera Utara", "Sumatera Barat", "Riau", "Jambi", "Sumatera Selatan", "Bengkulu", "Lampung",
    "Kepulauan Bangka Belitung", "Kepulauan Riau", "DKI Jakarta", "Jawa Barat", "Jawa Tengah", "DI Yogyakarta",
    "Jawa Timur", "Banten", "Bali", "Nusa Tenggara Barat", "Nusa Tenggara Timur", "Kalimantan Barat",
    "Kalimantan Tengah", "Kalimantan Selatan", "Kalimantan Timur", "Kalimantan Utara", "Sulawesi Utara",
    "Sulawesi Tengah", "Sulawesi Selatan", "Sulawesi Tenggara", "Gorontalo", "Sulawesi Barat", "Maluku",
    "Maluku Utara", "Papua", "Papua Barat", "Papua Selatan", "Papua Tengah", "Papua Pegunungan", "Papua Barat Daya")


def _rename_office(folder: Path, kode: str, nama: str, provinsi: str) -> None:
    path = folder / PROFILE_NAME
    text = path.read_text(encoding="utf-8")
    text = re.sub(r'(?m)^kode = "1312"', f'kode = "{kode}"', text, count=1)
    text = re.sub(r'(?m)^nama = ".*"', f'nama = "{nama}"', text, count=1)
    text = re.sub(r'(?m)^provinsi = ".*"', f'provinsi = "{provinsi}"', text, count=1)
    path.write_text(text, encoding="utf-8")


def _drop_mappings(folder: Path, rng: random.Random, share: float) -> None:
    """Leave `share` of the office's indicators without a national code (as offices do)."""
    path = folder / PEMETAAN_NAME
    if not path.exists():
        return
    header, *lines = path.read_text(encoding="utf-8").splitlines()
    kept = [line for line in lines if rng.random() >= share]
    path.write_text("\n".join([header, *kept]) + "\n", encoding="utf-8")


def _vary_forms(folder: Path, kode: str, factor: float) -> None:
    """Office code on every form, realisation figures scaled."""
    realisasi = next(i for i, c in enumerate(form.indikator_columns(), start=1) if c.key == "realisasi")
    for path in sorted(folder.glob("realisasi-*.xlsx")):
        book = load_workbook(path)
        book[form.SHEET_IDENTITAS]["B3"] = kode
        sheet = book[form.SHEET_INDIKATOR]
        for row in range(form.HEADER_ROW + 1, sheet.max_row + 1):
            cell = sheet.cell(row=row, column=realisasi)
            if isinstance(cell.value, (int, float)):
                cell.value = round(cell.value * factor, 2)
        book.save(path)


RAK_NAME = "RAK-2024.xlsx"
LAYOUTS = ("excel", "word", "excel, judul kolom lain", "excel")  # by office number, cycling
BREAKS = ("formulir kosong", "teks di sel angka", "kode nasional tak dikenal", "penanda tangan kosong")


def _word_rak(folder: Path, sample: Path) -> None:
    """The RAK kept as a Word table (the office's own choice), the same rows: the forms still match it."""
    (folder / RAK_NAME).unlink()
    shutil.copy2(sample.parent / "rak-word" / "RAK-2024.docx", folder / "RAK-2024.docx")


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
    """Office `number`: its own code, name, province and figures, its RAK in one of LAYOUTS, some
    indicators unmapped, and, when `broken` names one of BREAKS, invalid that way."""
    kode = f"9{number:03d}"
    folder = Path(root) / f"satker-{kode}-2024"
    shutil.copytree(sample, folder, ignore=shutil.ignore_patterns("sumber"))
    _rename_office(folder, kode, f"KPU Kabupaten Sintetis {number:03d}", PROVINCES[(number - 1) % len(PROVINCES)])
    _vary_forms(folder, kode, rng.uniform(0.55, 1.15))
    layout = LAYOUTS[(number - 1) % len(LAYOUTS)]
    if layout == "word":
        _word_rak(folder, sample)
    elif layout != "excel":
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
