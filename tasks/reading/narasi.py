"""The office's narrative text (narasi.toml): paragraphs the LKIP prints as written.

Only the placeholders {tahun} and {satker} are replaced, by plain string replacement: user text is
never passed to str.format, whose attribute access would be a way into the program.
"""

from __future__ import annotations

import tomllib
from pathlib import Path

from tasks.problems import InputError, Problem
from tasks.reading.parse import normalize_text

NARASI_NAME = "narasi.toml"
SECTIONS = ("kata_pengantar", "organisasi", "tugas_fungsi", "struktur", "isu_strategis", "renstra", "kesimpulan",
            "langkah")
MISSING_TEXT = "Bagian ini belum diisi. Tulis teksnya di narasi.toml, bagian '{bagian}'."


def load_narasi(path: Path | None) -> dict[str, list[str]]:
    """Sections of narasi.toml as lists of paragraphs; a missing file or section says it is missing."""
    data: dict = {}
    if path is not None and Path(path).exists():
        try:
            data = tomllib.loads(Path(path).read_text(encoding="utf-8"))
        except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
            raise InputError([Problem(file=Path(path).name, message=f"narasi tidak dapat dibaca: {exc}",
                                      hint="periksa tanda kutip dan kurung siku pada baris tersebut")]) from exc
    return {name: _paragraphs(data.get(name), name) for name in SECTIONS}


def _paragraphs(value, name: str) -> list[str]:
    items = [value] if isinstance(value, str) else list(value or [])
    texts = [normalize_text(v) for v in items if normalize_text(v)]
    return texts or [MISSING_TEXT.format(bagian=name)]


def fill(paragraphs: list[str], tahun: int, satker: str) -> list[str]:
    """Replace {tahun} and {satker}; nothing else in the text is interpreted."""
    return [p.replace("{tahun}", str(tahun)).replace("{satker}", satker) for p in paragraphs]
