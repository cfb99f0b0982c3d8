"""N synthetic offices made from the sample, for the roll-up's tests and benchmarks.

Each office is a copy of the sample folder with its own code and name, its realisation figures
scaled by a random factor (so offices land in different rating bands), and, every `invalid_every`
offices, a deliberately broken quarter file (0 bytes: "copy still in progress").
"""

from __future__ import annotations

import random
import re
import shutil
from pathlib import Path

from openpyxl import load_workbook

from tasks.reading import form_layout as form
from tasks.reading.profile import PROFILE_NAME


def _rename_office(folder: Path, kode: str, nama: str) -> None:
    path = folder / PROFILE_NAME
    text = path.read_text(encoding="utf-8")
    text = re.sub(r'(?m)^kode = "1312"', f'kode = "{kode}"', text, count=1)
    text = re.sub(r'(?m)^nama = ".*"', f'nama = "{nama}"', text, count=1)
    path.write_text(text, encoding="utf-8")


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
    _rename_office(folder, kode, f"KPU Kabupaten Sintetis {number:03d}")
    _vary_forms(folder, kode, rng.uniform(0.55, 1.15))
    if broken:
        (folder / "realisasi-2024-TW2.xlsx").write_bytes(b"")
    return folder


def generate(sample: Path, root: Path, count: int, seed: int = 2024, invalid_every: int = 5) -> list[Path]:
    """`count` offices under `root`; office numbers 1, 1 + invalid_every, … are broken on purpose."""
    rng = random.Random(seed)
    Path(root).mkdir(parents=True, exist_ok=True)
    return [make_office(sample, root, n, rng, invalid_every > 0 and (n - 1) % invalid_every == 0)
            for n in range(1, count + 1)]
