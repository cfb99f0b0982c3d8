"""What an input file is, told by its content: a realisation form by its sheets (the form's layout),
a RAK by a table with the RAK's header, the office's own files by their fixed names. A file's name
is only a hint: "Daftar Kontrak Pengadaan 2024.xlsx" is not a RAK for holding "rak" in its name, and
a RAK saved as "Rencana Aksi 2024.xlsx" is one; a name that promises what the content is not is said.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from tasks.problems import InputError, Problem, Problems, Severity
from tasks.reading import form_layout as form
from tasks.reading.atribut import ATRIBUT_NAME
from tasks.reading.form_check import META_SHEET
from tasks.reading.narasi import NARASI_NAME
from tasks.reading.nasional import PEMETAAN_NAME
from tasks.reading.parse import normalize_key
from tasks.reading.pembanding import PEMBANDING_NAME
from tasks.reading.profile import PROFILE_NAME
from tasks.reading.rak_layout import RakSheet, find_layout
from tasks.reading.riwayat import RIWAYAT_NAME
from tasks.reading.settings import SETTINGS_NAME
from tasks.reading.workbook import DOCUMENT_SUFFIXES, SPREADSHEET_SUFFIXES, Grid, Workbook, is_ignored

FIXED_NAMES = {PROFILE_NAME: "profil", ATRIBUT_NAME: "atribut", RIWAYAT_NAME: "riwayat", SETTINGS_NAME: "pengaturan",
               NARASI_NAME: "narasi", PEMBANDING_NAME: "pembanding", PEMETAAN_NAME: "pemetaan"}
KIND_LABELS = {"rak": "RAK", "realisasi": "formulir realisasi"}
_NAME_QUARTER = re.compile(r"(?:^|[^a-z])(?:tw|triwulan)\s*-?\s*([1-4]|iv|i{1,3})(?![a-z0-9])", re.IGNORECASE)
_ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4}


@dataclass
class Identified:
    """One input file: what it is, what was opened to tell (for its reader), and its problems."""

    path: Path
    kind: str  # profil, atribut, riwayat, pembanding, pengaturan, narasi, rak, realisasi, diabaikan, tidak dikenal,
    #           rusak
    opened: Workbook | Grid | None = None
    problems: list[Problem] = field(default_factory=list)


def name_suggests(path: Path) -> str | None:
    """'rak' or 'realisasi' when the file's name says so (by whole words, not substrings)."""
    words = normalize_key(path.stem).split()
    if "realisasi" in words or _NAME_QUARTER.search(path.stem):
        return "realisasi"
    if "rak" in words or " ".join(words).startswith("rencana aksi"):
        return "rak"
    return None


def quarter_in_name(path: Path) -> int | None:
    """The quarter a file's name states ('…-TW3', 'Triwulan II'), when it states one."""
    match = _NAME_QUARTER.search(path.stem)
    if not match:
        return None
    text = match.group(1).casefold()
    return int(text) if text.isdigit() else _ROMAN[text]


def is_form(book: Workbook) -> bool:
    """A realisation form: the form's meta sheet, or its Identitas and Indikator sheets."""
    names = {normalize_key(s) for s in book.sheet_names}
    return META_SHEET in book.sheet_names or {normalize_key(form.SHEET_IDENTITAS),
                                              normalize_key(form.SHEET_INDIKATOR)} <= names


def has_rak_table(grid: Grid) -> bool:
    return find_layout(RakSheet(grid, Problems(grid.file))) is not None


def identify(path: Path) -> Identified:
    """What `path` is. A spreadsheet or Word file that cannot be opened is 'rusak', with the reason."""
    path = Path(path)
    if is_ignored(path):
        return Identified(path, "diabaikan")
    if path.name.casefold() in FIXED_NAMES:
        return Identified(path, FIXED_NAMES[path.name.casefold()])
    suffix = path.suffix.lower()
    if suffix not in SPREADSHEET_SUFFIXES | DOCUMENT_SUFFIXES:
        return Identified(path, "tidak dikenal")
    try:
        if suffix in DOCUMENT_SUFFIXES:
            from tasks.reading.docx_grid import read_docx_grid

            grid = read_docx_grid(path)
            found = Identified(path, "rak", grid) if has_rak_table(grid) else Identified(path, "tidak dikenal")
        else:
            book = Workbook(path)
            if is_form(book):
                found = Identified(path, "realisasi", book)
            elif any(has_rak_table(book.grid(name)) for name in book.sheet_names):
                found = Identified(path, "rak", book)
            else:
                found = Identified(path, "tidak dikenal", book)
    except InputError as exc:
        return Identified(path, "rusak", problems=exc.problems)
    promised = name_suggests(path)
    if found.kind == "tidak dikenal" and promised:
        found.problems.append(Problem(
            file=path.name, severity=Severity.ERROR,
            message=f"nama berkas seperti {KIND_LABELS[promised]}, tetapi isinya bukan {KIND_LABELS[promised]}: "
                    "tidak ada " + ("sheet Identitas dan Indikator formulir" if promised == "realisasi"
                                    else "tabel dengan judul kolom RAK"),
            hint="periksa apakah berkasnya benar; formulir dibuat dengan 'lkip template', RAK perlu judul kolom "
                 "Indikator Kinerja, Target, Kegiatan yang akan dilaksanakan, B1..B12 dan Pelaksana"))
    return found
