"""The office's narrative text (narasi.toml): paragraphs the LKIP prints as written.

Only the placeholders {tahun} and {satker} are replaced, by plain string replacement: user text is
never passed to str.format, whose attribute access would be a way into the program.
"""

from __future__ import annotations

import difflib
from pathlib import Path

from tasks.problems import InputError, Problem, Problems, Severity
from tasks.reading.parse import normalize_text
from tasks.reading.text_files import load_toml

NARASI_NAME = "narasi.toml"
SECTIONS = ("kata_pengantar", "organisasi", "tugas_fungsi", "struktur", "isu_strategis", "renstra", "kesimpulan",
            "langkah", "tindak_lanjut")
# Sections the LKIP cannot do without; a missing one is warned (the report prints the heading without text).
REQUIRED = ("kata_pengantar", "organisasi", "tugas_fungsi", "struktur", "isu_strategis", "renstra")


def load_narasi(path: Path | None) -> dict[str, list[str]]:
    """Sections of narasi.toml as lists of paragraphs (a missing section: none). Raises one
    InputError listing every mistake (a warning alone does not raise)."""
    narasi, problems = read_narasi(path)
    if any(p.severity is Severity.ERROR for p in problems):
        raise InputError(problems)
    return narasi


def read_narasi(path: Path | None) -> tuple[dict[str, list[str]], list[Problem]]:
    """The sections and the problems found: a value that is not text is an error naming its section;
    a section the LKIP does not print is a warning (with the name it probably meant), and so is a
    required section left empty: the report never prints a placeholder in its place."""
    found = Problems(Path(path).name if path is not None else NARASI_NAME)
    data: dict = {}
    if path is not None and Path(path).exists():
        loaded, problems = load_toml(path, "narasi")
        if loaded is None:
            return {name: [] for name in SECTIONS}, problems
        data = loaded
    for key in sorted(set(data) - set(SECTIONS)):
        close = difflib.get_close_matches(key, SECTIONS, n=1)
        found.warn(f"bagian '{key}' tidak dikenal, teksnya tidak dicetak", sheet=key,
                   hint=(f"mungkin maksudnya '{close[0]}'? " if close else "") + "bagian yang dikenal: "
                   + ", ".join(SECTIONS))
    sections = {}
    for name in SECTIONS:
        value = data.get(name)
        if value is not None and not _is_text(value):
            found.error(f"bagian '{name}' harus teks atau daftar paragraf", sheet=name, value=repr(value)[:60],
                        hint=f'tulis {name} = """paragraf""" atau {name} = ["paragraf 1", "paragraf 2"]')
            value = None
        sections[name] = _paragraphs(value)
        if path is not None and Path(path).exists() and name in REQUIRED and not sections[name]:
            found.warn(f"bagian '{name}' kosong: LKIP mencetak judulnya tanpa isi", sheet=name,
                       hint=f'tulis {name} = ["paragraf 1", "paragraf 2"] di {NARASI_NAME}')
    return sections, found.items


def _is_text(value) -> bool:
    return isinstance(value, str) or (isinstance(value, list) and all(isinstance(v, str) for v in value))


def _paragraphs(value) -> list[str]:
    items = [value] if isinstance(value, str) else list(value or [])
    return [normalize_text(v) for v in items if normalize_text(v)]


def fill(paragraphs: list[str], tahun: int, satker: str) -> list[str]:
    """Replace {tahun} and {satker}; nothing else in the text is interpreted."""
    return [p.replace("{tahun}", str(tahun)).replace("{satker}", satker) for p in paragraphs]
