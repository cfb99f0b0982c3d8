"""Prefect tasks: the steps of tasks/pipeline/steps.py, each as a task a person reading the run
history understands, logging in Indonesian, with artifacts for what a person wants to see afterwards
(the problems found, the capaian table, the published files).

No task has Prefect retries: the one retry policy is the publishing step's own (steps.PUBLISH_RETRY_DELAYS).
"""

from __future__ import annotations

import datetime
from pathlib import Path

from prefect import get_run_logger, task
from prefect.artifacts import create_markdown_artifact, create_table_artifact
from prefect.cache_policies import NO_CACHE

from tasks.measuring.figures import OfficeFigures, Period
from tasks.pipeline import steps
from tasks.pipeline.request import RunRequest
from tasks.problems import Problem, Severity, unique
from tasks.publishing.lock import RunLock
from tasks.publishing.share import Published
from tasks.reading.office import OfficeInputs
from tasks.reporting.documents import Document
from tasks.reporting.fmt import format_percent
from tasks.reporting.scorecard import scorecard_markdown
from tasks.reporting.templates import TemplateSet

InvalidInputs = steps.InvalidInputs


def _slug(text: str) -> str:
    return "".join(ch if ch.isalnum() else "-" for ch in text.lower()).strip("-")


ARTIFACT_ROWS = 500  # a Prefect table artifact past this is slow to open; the rest are counted in its last row


def _problems_artifact(request: RunRequest, problems: list[Problem]) -> None:
    shown = unique([p for p in problems if p.severity is not Severity.INFO])
    if shown:
        rows = [{"tingkat": p.severity.label, "berkas": p.file, "sheet": p.sheet, "sel": p.cell, "nilai": p.value,
                 "pesan": p.message, "saran": p.hint} for p in shown[:ARTIFACT_ROWS]]
        if len(shown) > ARTIFACT_ROWS:
            rows.append({"tingkat": "", "berkas": "", "sheet": "", "sel": "", "nilai": "",
                         "pesan": f"… dan {len(shown) - ARTIFACT_ROWS} masalah lainnya",
                         "saran": f"lkip validate {request.input_dir} --json memuat semuanya"})
        create_table_artifact(key=f"validasi-{_slug(request.input_dir.name)}-{request.year}", table=rows,
                              description=f"Masalah pada berkas masukan ({len(shown)})")


@task(name="periksa folder bersama", cache_policy=NO_CACHE)
def check_shared_folder(request: RunRequest) -> Path:
    """Fail fast when the shared folder is missing or not writable."""
    return steps.check_shared_folder(request)


@task(name="periksa masukan", cache_policy=NO_CACHE)
def validate_inputs(request: RunRequest) -> OfficeInputs:
    """Read and validate every input file of one office-year; stop the run on an error."""
    inputs = steps.read_inputs(request)
    _problems_artifact(request, inputs.problems)
    counts = inputs.counts()
    shown = sum(p.severity is not Severity.INFO for p in inputs.problems)
    get_run_logger().info(f"Masukan {request.input_dir}: {counts['kegiatan']} kegiatan, {counts['indikator']} "
                          f"indikator, {counts['aktivitas']} aktivitas; {shown} masalah")
    return steps.require_valid(inputs)


@task(name="periksa templat", cache_policy=NO_CACHE)
def choose_templates(request: RunRequest) -> TemplateSet:
    """The office's own templates (templat/) when present and sound, else the bundled ones."""
    try:
        templates = steps.choose_templates(request)
    except InvalidInputs as exc:
        _problems_artifact(request, exc.problems)
        raise
    get_run_logger().info(f"Templat: {templates.lkip.name} ({templates.lkip.parent.name}), "
                          f"{templates.bulanan.name} ({templates.bulanan.parent.name})")
    return templates


@task(name="ambil kunci satker-tahun", cache_policy=NO_CACHE)
def take_lock(request: RunRequest, inputs: OfficeInputs) -> RunLock:
    """At most one run per office and year: a second one is refused with a clear message."""
    return steps.take_lock(request, inputs)


@task(name="lepas kunci", cache_policy=NO_CACHE)
def release_lock(lock: RunLock) -> None:
    """Release the office-year lock (also after a failed run)."""
    steps.release_lock(lock)


@task(name="hitung capaian", cache_policy=NO_CACHE)
def compute_figures(inputs: OfficeInputs, request: RunRequest) -> OfficeFigures:
    """Compute every figure the documents need, once; the period's capaian table as an artifact."""
    figures = steps.compute_office_figures(inputs, request)
    m = figures[Period(request.year, bulan=request.month)]
    create_table_artifact(
        key=f"capaian-{_slug(inputs.profile.kode)}-{request.year}" + (f"-{request.month:02d}" if request.month else ""),
        table=[{"kode": r.kode, "indikator": r.indikator, "target": r.target_teks,
                "realisasi": "-" if r.realisasi != r.realisasi else r.realisasi,
                "capaian": format_percent(r.capaian_dicap), "kategori": r.kategori or "-", "status": r.status}
               for r in m.capaian.itertuples()],
        description=f"Capaian kinerja {m.period.label}")
    return figures


@task(name="siapkan folder render", cache_policy=NO_CACHE)
def new_staging() -> Path:
    """A local folder to render into."""
    return steps.new_staging()


@task(name="render dokumen", cache_policy=NO_CACHE)
def render_documents(inputs: OfficeInputs, figures: OfficeFigures, request: RunRequest, staging: Path,
                     templates: TemplateSet) -> list[Document]:
    """Render the LKIP and monthly reports locally (nothing touches the share yet); the LKIP's scorecard
    against the LKE as an artifact."""
    logger = get_run_logger()
    documents = steps.render_office_documents(inputs, figures, request, staging, templates, log=logger.info,
                                              warn=logger.warning)
    for document in documents:
        if document.penilaian:
            create_markdown_artifact(key=f"penilaian-lkip-{_slug(inputs.profile.kode)}-{request.year}",
                                     markdown=scorecard_markdown(list(document.penilaian)),
                                     description=f"Penilaian LKIP {request.year} terhadap LKE sebelum diterbitkan")
    return documents


@task(name="terbitkan ke folder bersama", cache_policy=NO_CACHE)
def publish_documents(documents: list[Document], request: RunRequest, inputs: OfficeInputs) -> list[Published]:
    """Publish file by file atomically; tried again with backoff when the share misbehaves."""
    return steps.publish_documents(documents, request, inputs, log=get_run_logger().info)


@task(name="tulis manifest", cache_policy=NO_CACHE)
def write_run_manifest(request: RunRequest, inputs: OfficeInputs, published: list[Published],
                       started: datetime.datetime) -> Path:
    """Write manifest.json last, and an artifact listing the published files."""
    manifest = steps.write_run_manifest(request, inputs, published, started, steps.program_version())
    lines = [f"- `{item.path}`" + (f" — {item.catatan}" if item.catatan else "") for item in published]
    create_markdown_artifact(key=f"terbit-{_slug(inputs.profile.kode)}-{request.year}",
                             markdown="## Berkas yang diterbitkan\n\n" + "\n".join(lines)
                             + f"\n\nManifest: `{manifest}`",
                             description="Laporan yang diterbitkan ke folder bersama")
    return manifest


@task(name="bersihkan folder render", cache_policy=NO_CACHE)
def remove_staging(staging: Path) -> None:
    """Remove the local render folder and what was rendered in it."""
    steps.remove_staging(staging)
