"""Validating the inputs of one office-year: every file read, every problem of every file at once.

`load_inputs` is the I/O edge (finding and reading files); the cross-file checks below it are pure
functions of what was read.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd
from pandera.typing import DataFrame

from contracts.atribut import AtributIndikator, AtributTerpakai
from contracts.nasional import PemetaanNasional
from contracts.pembanding import PembandingIndikator
from contracts.rak import Indikator
from contracts.riwayat import RiwayatIndikator
from tasks.frames import columns, row_tuples
from tasks.problems import InputError, Problem, Severity, unique
from tasks.reading.atribut import ATRIBUT_NAME, attributes, read_atribut
from tasks.reading.checks import cross_checks
from tasks.reading.identify import FIXED_NAMES, Identified, identify, name_suggests
from tasks.reading.narasi import load_narasi, read_narasi
from tasks.reading.nasional import has_mapping_column, load_national, read_pemetaan
from tasks.reading.pembanding import read_pembanding
from tasks.reading.profile import Profile, load_profile, province_problems, signer_problems
from tasks.reading.rak import Rak, read_rak
from tasks.reading.realisasi import Realisasi, read_realisasi, validate_tables
from tasks.reading.riwayat import read_riwayat
from tasks.reading.scales import Scale, parse_scale
from tasks.reading.settings import Settings, read_settings
from tasks.reading.text_files import first_line
from tasks.reading.workbook import DOCUMENT_SUFFIXES, SPREADSHEET_SUFFIXES, is_ignored

JENIS = {"rusak": "tidak dapat dibaca"}  # the kinds as `lkip validate` lists them


@dataclass
class OfficeInputs:
    """Everything read for one office-year, and every problem found."""

    files: list[dict] = field(default_factory=list)  # {"file", "jenis"} in the order read
    profile: Profile | None = None
    rak: Rak | None = None
    atribut: DataFrame[AtributIndikator] | None = None  # the office's attribute file, as written
    atribut_file: str = ATRIBUT_NAME
    atribut_header: tuple[str, ...] = ()  # the attribute file's first line, to ask for lines in its layout
    attributes: DataFrame[AtributTerpakai] | None = None  # the attributes in force: the file's, or inferred
    realisasi: list[Realisasi] = field(default_factory=list)
    riwayat: DataFrame[RiwayatIndikator] | None = None
    pembanding: DataFrame[PembandingIndikator] | None = None  # national / provincial / peer benchmarks
    pemetaan: DataFrame[PemetaanNasional] | None = None  # each indicator's national code (sasaran / IKU)
    narasi: dict[str, list[str]] = field(default_factory=lambda: load_narasi(None))
    settings: Settings = field(default_factory=Settings)
    problems: list[Problem] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not any(p.severity is Severity.ERROR for p in self.problems)

    def counts(self) -> dict[str, int]:
        if self.rak is None:
            return {"kegiatan": 0, "indikator": 0, "aktivitas": 0}
        return {"kegiatan": len(self.rak.kegiatan), "indikator": len(self.rak.indikator),
                "aktivitas": len(self.rak.aktivitas)}


def classify(path: Path) -> str:
    """What an input file is, from its name alone (for listing files without opening them): profil,
    atribut, riwayat, pembanding, pemetaan, pengaturan, narasi, a workbook or document, diabaikan or tidak
    dikenal.
    What a workbook is, a RAK or a form, is told by its content (tasks.reading.identify)."""
    if is_ignored(path):
        return "diabaikan"
    if path.name.casefold() in FIXED_NAMES:
        return FIXED_NAMES[path.name.casefold()]
    if path.suffix.lower() in SPREADSHEET_SUFFIXES | DOCUMENT_SUFFIXES:
        return "berkas kerja"
    return "tidak dikenal"


def expand(paths: list[Path]) -> list[Path]:
    """Files named directly, and the files directly inside the folders named."""
    files: list[Path] = []
    for path in paths:
        files += sorted(p for p in path.iterdir() if p.is_file()) if path.is_dir() else [path]
    return files


def load_inputs(paths: list[Path], tahun: int | None = None) -> OfficeInputs:
    """Read every input file of one office-year and run the cross-file checks."""
    inputs = OfficeInputs()
    found = [identify(f) for f in expand(paths)]
    files = [item.path for item in found]
    kinds = {item.path: item.kind for item in found}
    for item in found:
        inputs.files.append({"file": item.path.name, "jenis": JENIS.get(item.kind, item.kind)})
        inputs.problems += item.problems
        if item.kind == "tidak dikenal" and not item.problems:
            inputs.problems.append(Problem(file=item.path.name, severity=Severity.INFO,
                                           message="berkas tidak dikenal, diabaikan"))
    _read_profile([f for f in files if kinds[f] == "profil"], inputs)
    broken_rak = any(item.kind == "rusak" and name_suggests(item.path) == "rak" for item in found)
    _read_rak([item for item in found if item.kind == "rak"], inputs, said=broken_rak)
    _read_atribut([f for f in files if kinds[f] == "atribut"], inputs)
    _read_extras(files, kinds, inputs)
    # Codes are checked against the RAK only when it was read; a broken RAK must not turn every
    # realisation row into a "not in the RAK" error.
    rak = inputs.rak if inputs.rak is not None and not inputs.rak.indikator.empty else None
    if rak is not None:
        inputs.attributes = attributes(rak.indikator, inputs.atribut)
    scales = scales_in_force(inputs.attributes)
    for item in (item for item in found if item.kind == "realisasi"):
        inputs.realisasi.append(read_realisasi(item.opened, rak, validate=False, scales=scales))
        inputs.problems += inputs.realisasi[-1].problems
    validate_tables(inputs.realisasi)
    inputs.problems = unique(inputs.problems + cross_checks(inputs, tahun))  # two checks may find one thing
    return inputs


def _read_profile(files: list[Path], inputs: OfficeInputs) -> None:
    for f in files:
        try:
            inputs.profile = load_profile(f)
        except InputError as exc:
            inputs.problems += exc.problems
            continue
        inputs.problems += signer_problems(inputs.profile, f.name) + province_problems(inputs.profile, f.name)


def _read_rak(files: list[Identified], inputs: OfficeInputs, said: bool = False) -> None:
    """The one RAK (`said`: a RAK file that could not be opened was reported already)."""
    if len(files) > 1:
        names = ", ".join(f.path.name for f in files)
        inputs.problems.append(Problem(file=files[0].path.parent.name,
                                       message=f"lebih dari satu RAK ditemukan: {names}",
                                       hint="simpan hanya satu RAK di folder masukan"))
    if not files and said:
        return
    if not files:
        inputs.problems.append(Problem(file="(folder masukan)", message="RAK tidak ditemukan",
                                       hint="letakkan berkas RAK (.xlsx, .ods, .xls atau .docx dengan tabel RAK) di "
                                            "folder masukan"))
        return
    units = inputs.profile.sub_bagian if inputs.profile else None
    inputs.rak = read_rak(files[0].opened, units) if units else read_rak(files[0].opened)
    inputs.problems += inputs.rak.problems


def _read_atribut(files: list[Path], inputs: OfficeInputs) -> None:
    known = set(inputs.rak.indikator["kode"]) if inputs.rak is not None and inputs.rak.ok else None
    for f in files:
        inputs.atribut, problems = read_atribut(f, known)
        inputs.atribut_file = f.name
        inputs.atribut_header = tuple(first_line(f))
        inputs.problems += problems
        if has_mapping_column(f):  # the national codes kept in the attributes file
            inputs.pemetaan, problems = read_pemetaan(f, known, set(load_national()["kode"]), inputs.pemetaan)
            inputs.problems += problems


def _read_extras(files: list[Path], kinds: dict, inputs: OfficeInputs) -> None:
    """The optional settings, narrative, history and benchmark files; benchmark codes are checked
    against the RAK when it was read (like the attribute file's)."""
    rak = inputs.rak if inputs.rak is not None and inputs.rak.ok else None
    units = None if rak is None else dict(columns(rak.indikator, Indikator.kode, Indikator.target_satuan))
    for f in files:
        if kinds[f] == "pengaturan":
            inputs.settings, problems = read_settings(f)
            inputs.problems += problems
        elif kinds[f] == "narasi":
            inputs.narasi, problems = read_narasi(f)
            inputs.problems += problems
        elif kinds[f] == "riwayat":
            inputs.riwayat, problems = read_riwayat(f)
            inputs.problems += problems
        elif kinds[f] == "pembanding":
            inputs.pembanding, problems = read_pembanding(f, units)
            inputs.problems += problems
        elif kinds[f] == "pemetaan":
            known = None if rak is None else set(rak.indikator["kode"])
            inputs.pemetaan, problems = read_pemetaan(f, known, set(load_national()["kode"]), inputs.pemetaan)
            inputs.problems += problems


def scales_in_force(attributes: pd.DataFrame | None) -> dict[str, Scale]:
    """The scale of every qualitative indicator, by code."""
    if attributes is None or attributes.empty:
        return {}
    return {a.kode: scale for a in row_tuples(attributes)
            if isinstance(a.skala, str) and (scale := _scale(a.skala)) is not None}


def _scale(text: str) -> Scale | None:
    try:
        return parse_scale(text)
    except ValueError:
        return None
