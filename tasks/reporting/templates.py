"""The Word templates a run renders: the bundled ones (templates/), or the office's own copies.

An office may keep its own edited copies of the templates in its input folder, `templat/lkip.docx`,
`templat/bulanan.docx` and `templat/triwulan.docx`: they are used instead of the bundled ones, and
survive an upgrade of lkip. Before a run renders anything, each office template is checked the only way that is sure:
rendered, with the bundled sample context of its kind, by the pipeline's own renderer and sandbox
(tasks.reporting.render). `lkip check-template` runs the same check for a template author.
"""

from __future__ import annotations

import json
import tempfile
from dataclasses import dataclass
from pathlib import Path

from tasks.problems import Problem
from tasks.reading.workbook import is_ignored
from tasks.reporting.render import RenderError, render_docx

BUNDLED_DIR = Path(__file__).resolve().parents[2] / "templates"
OFFICE_DIR = "templat"  # inside an office's input folder
KINDS = ("lkip", "bulanan", "triwulan")
KIND_LABELS = {"lkip": "LKIP", "bulanan": "laporan bulanan", "triwulan": "laporan pengukuran kinerja triwulan"}


@dataclass(frozen=True)
class TemplateSet:
    """The template file of each kind of document."""

    lkip: Path
    bulanan: Path
    triwulan: Path = BUNDLED_DIR / "triwulan.docx"

    def __getitem__(self, kind: str) -> Path:
        return getattr(self, kind)


def bundled_templates() -> TemplateSet:
    return TemplateSet(BUNDLED_DIR / "lkip.docx", BUNDLED_DIR / "bulanan.docx", BUNDLED_DIR / "triwulan.docx")


def sample_context(kind: str) -> dict:
    """The bundled sample context of a kind of document (templates/<kind>.sample.json), its chart
    paths made absolute."""
    context = json.loads((BUNDLED_DIR / f"{kind}.sample.json").read_text(encoding="utf-8"))
    return _absolute_images(context)


def _absolute_images(value):
    if isinstance(value, dict) and set(value) == {"path", "lebar_cm", "keterangan"}:
        path = Path(value["path"])
        return {**value, "path": str(path if path.is_absolute() else BUNDLED_DIR.parent / path)}
    if isinstance(value, dict):
        return {k: _absolute_images(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_absolute_images(v) for v in value]
    return value


def check_template(path: Path, kind: str, out: Path | None = None) -> Path:
    """Render `path` with the sample context of `kind`, exactly as a run renders; RenderError naming
    the template and the tag when it cannot be. Returns the rendered sample (`out`, or a temporary
    file that is removed)."""
    if kind not in KINDS:
        raise RenderError(f"jenis templat tidak dikenal: {kind!r} (pilih {' atau '.join(KINDS)})")
    context = sample_context(kind)
    if out is not None:
        return render_docx(path, context, out)
    with tempfile.TemporaryDirectory(prefix="lkip-templat-") as scratch:
        render_docx(path, context, Path(scratch) / "contoh.docx")
    return path


def office_templates(input_dir: Path) -> tuple[TemplateSet, list[Problem]]:
    """The templates a run of this office uses: its own copies in `templat/` where present (each
    checked), the bundled ones otherwise; and the problems found, naming file and tag."""
    folder = Path(input_dir) / OFFICE_DIR
    chosen, problems = {kind: bundled_templates()[kind] for kind in KINDS}, []
    if not folder.is_dir():
        return TemplateSet(**chosen), problems
    for path in sorted(p for p in folder.iterdir() if p.is_file() and not is_ignored(p)):
        kind = path.stem.casefold() if path.suffix.casefold() == ".docx" else None
        where = f"{OFFICE_DIR}/{path.name}"
        if kind not in KINDS:
            problems.append(Problem(file=where, message="berkas di folder templat tidak dikenal, tidak dipakai",
                                    hint=f"beri nama templat kantor {OFFICE_DIR}/lkip.docx, "
                                         f"{OFFICE_DIR}/bulanan.docx atau {OFFICE_DIR}/triwulan.docx"))
            continue
        try:
            check_template(path, kind)
        except RenderError as exc:
            problems.append(Problem(file=where, message=f"templat {KIND_LABELS[kind]} kantor tidak dapat dipakai: "
                                                        f"{exc.message}", value=exc.tag,
                                    hint="perbaiki tag tersebut di Word (lihat templates/README.md), lalu periksa "
                                         "dengan 'lkip check-template'"))
            continue
        chosen[kind] = path
    return TemplateSet(**chosen), problems
