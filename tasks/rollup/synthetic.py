"""N synthetic offices made from the sample, for the roll-up's tests and benchmarks.

Each office is a copy of the sample folder with its own code, name and province (spread over the 38),
its realisation figures scaled by a random factor (so offices land in different rating bands), every
third office with a fifth of its indicators not mapped to a national code, and, every `invalid_every`
offices, a deliberately broken quarter file (0 bytes: "copy still in progress").
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


def make_office(sample: Path, root: Path, number: int, rng: random.Random, broken: bool) -> Path:
    kode = f"9{number:03d}"
    folder = Path(root) / f"satker-{kode}-2024"
    shutil.copytree(sample, folder, ignore=shutil.ignore_patterns("sumber"))
    _rename_office(folder, kode, f"KPU Kabupaten Sintetis {number:03d}", PROVINCES[(number - 1) % len(PROVINCES)])
    _vary_forms(folder, kode, rng.uniform(0.55, 1.15))
    if number % 3 == 0:
        _drop_mappings(folder, rng, 0.2)
    if broken:
        (folder / "realisasi-2024-TW2.xlsx").write_bytes(b"")
    return folder


def generate(sample: Path, root: Path, count: int, seed: int = 2024, invalid_every: int = 5) -> list[Path]:
    """`count` offices under `root`; office numbers 1, 1 + invalid_every, … are broken on purpose."""
    rng = random.Random(seed)
    Path(root).mkdir(parents=True, exist_ok=True)
    return [make_office(sample, root, n, rng, invalid_every > 0 and (n - 1) % invalid_every == 0)
            for n in range(1, count + 1)]
