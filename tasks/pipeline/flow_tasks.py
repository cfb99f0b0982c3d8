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
from prefect.states import Completed, Failed, State

from tasks.measuring.figures import OfficeFigures, Period
from tasks.pipeline import prefect_logs, steps
from tasks.pipeline.outcome import GAGAL, PERINGATAN, Outcome, display_path, not_told, tell_staff
from tasks.pipeline.request import RunRequest
from tasks.pipeline.years import deployment_names
from tasks.problems import Problem, Severity, unique
from tasks.publishing.lock import RunLock, RunLockError
from tasks.publishing.names import PublishError
from tasks.publishing.share import Published
from tasks.reading.office import OfficeInputs
from tasks.reporting.documents import Document
from tasks.reporting.fmt import format_percent
from tasks.reporting.scorecard import scorecard_markdown
from tasks.reporting.templates import TemplateSet

InvalidInputs = steps.InvalidInputs
prefect_logs.install()


def _slug(text: str) -> str:
    return "".join(ch if ch.isalnum() else "-" for ch in text.lower()).strip("-")


ARTIFACT_ROWS = 200  # a long artifact is slow to open; the rest are counted in its last line
LOG_LINES = 10  # problems logged one by one; the rest are in the artifact and the problems workbook


def problems_markdown(problems: list[Problem], request: RunRequest) -> str:
    """The problems as a list that wraps at any width (a table artifact cuts its last columns off)."""
    shown = unique([p for p in problems if p.severity is not Severity.INFO])
    if not shown:
        return "## Masalah pada berkas masukan\n\nTidak ada masalah."
    lines = [f"## Masalah pada berkas masukan ({len(shown)})", ""]
    for p in shown[:ARTIFACT_ROWS]:
        value = f" Nilai: `{p.value}`." if p.value else ""
        hint = f" **Yang harus dilakukan:** {p.hint}" if p.hint else ""
        lines.append(f"- **{p.severity.label}** — {p.where()}: {p.message}.{value}{hint}")
    if len(shown) > ARTIFACT_ROWS:
        lines.append(f"- … dan {len(shown) - ARTIFACT_ROWS} masalah lainnya: daftar lengkap di folder bersama "
                     f"(Daftar-Masalah) atau `lkip validate {request.input_dir} --rinci`.")
    return "\n".join(lines)


def _problems_artifact(request: RunRequest, problems: list[Problem]) -> None:
    """Always written, so that after a fix the latest artifact under the key says the inputs are clean."""
    kode, _ = steps.office_identity(request, None)
    create_markdown_artifact(key=f"validasi-{_slug(kode)}-{request.year}",
                             markdown=problems_markdown(problems, request),
                             description="Masalah pada berkas masukan")


def _log_problems(problems: list[Problem]) -> None:
    """Errors at ERROR, warnings at WARNING, the first LOG_LINES of them; the rest counted. When there
    is an error the run stops with InvalidInputs, which carries them all: the lines are marked
    (prefect_logs.PROBLEM_LINE), so that a command printing that list itself keeps them off its console."""
    logger = get_run_logger()
    shown = unique([p for p in problems if p.severity is not Severity.INFO])
    mark = {prefect_logs.PROBLEM_LINE: any(p.severity is Severity.ERROR for p in shown)}
    for p in shown[:LOG_LINES]:
        (logger.error if p.severity is Severity.ERROR else logger.warning)(p.describe(), extra=mark)
    if len(shown) > LOG_LINES:
        logger.warning(f"… dan {len(shown) - LOG_LINES} masalah lainnya (daftar lengkap di folder bersama)",
                       extra=mark)


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
    _log_problems(inputs.problems)
    return inputs


@task(name="periksa templat", cache_policy=NO_CACHE)
def choose_templates(request: RunRequest, inputs: OfficeInputs) -> TemplateSet:
    """Stop on invalid inputs; the office's own templates (templat/) when present and sound, else the bundled ones."""
    steps.require_valid(inputs)
    try:
        templates = steps.choose_templates(request)
    except InvalidInputs as exc:
        _problems_artifact(request, inputs.problems + exc.problems)
        _log_problems(exc.problems)
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
    problem = steps.release_lock(lock)
    if problem:
        get_run_logger().warning(problem)


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
    """A local folder to render into (after cleaning what killed runs left on this machine)."""
    return steps.new_staging(log=get_run_logger().warning)


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
    lines = [f"- `{display_path(item.path, request)}`" + (f" — {item.catatan}" if item.catatan else "")
             for item in published]
    create_markdown_artifact(key=f"terbit-{_slug(inputs.profile.kode)}-{request.year}",
                             markdown="## Berkas yang diterbitkan\n\n" + "\n".join(lines)
                             + f"\n\nManifest: `{display_path(manifest, request)}`",
                             description="Laporan yang diterbitkan ke folder bersama")
    return manifest


@task(name="bersihkan folder render", cache_policy=NO_CACHE)
def remove_staging(staging: Path) -> None:
    """Remove the local render folder and what was rendered in it."""
    steps.remove_staging(staging)


@task(name="beri tahu staf di folder bersama", cache_policy=NO_CACHE)
def tell_outcome(request: RunRequest, inputs: OfficeInputs | None, outcome: Outcome,
                 started: datetime.datetime) -> list[Path]:
    """The status file, the problems workbook and the annotated copies of the office's workbooks."""
    logger = get_run_logger()
    kode, office = steps.office_identity(request, inputs)
    untold = not_told(outcome)
    if untold:  # the run holding the lock tells its own outcome; an unreachable share is said here
        if not isinstance(outcome.error, RunLockError):
            logger.warning(f"Status tidak ditulis: {untold}")
        return []
    try:
        written = tell_staff(request, kode, office, outcome, started, next_scheduled_run(kode))
    except (PublishError, OSError) as exc:  # the share went away: the run's state still says what happened
        logger.warning(f"Status tidak dapat ditulis ke folder bersama: {getattr(exc, 'message', exc)}")
        return []
    for path in written:
        logger.info(f"Untuk staf: {display_path(path, request)}")
    return written


def next_scheduled_run(kode: str) -> datetime.datetime | None:
    """When the office's monthly deployment runs next (its earliest scheduled flow run), if it is served."""
    from prefect.client.orchestration import get_client
    from prefect.client.schemas.filters import (
        DeploymentFilter,
        DeploymentFilterName,
        FlowRunFilter,
        FlowRunFilterState,
        FlowRunFilterStateType,
    )
    from prefect.client.schemas.objects import StateType
    from prefect.client.schemas.sorting import FlowRunSort

    monthly, _ = deployment_names(kode)
    with get_client(sync_client=True) as client:
        runs = client.read_flow_runs(
            deployment_filter=DeploymentFilter(name=DeploymentFilterName(any_=[monthly])),
            flow_run_filter=FlowRunFilter(state=FlowRunFilterState(type=FlowRunFilterStateType(
                any_=[StateType.SCHEDULED]))),
            sort=FlowRunSort.EXPECTED_START_TIME_ASC, limit=1)
    return runs[0].expected_start_time if runs else None


def final_state(outcome: Outcome) -> State:
    """The run's state: Completed (named "Selesai", "Selesai dengan peringatan" or "Menunggu data") or
    Failed, with the outcome's one-paragraph message."""
    if outcome.kind == GAGAL:
        return Failed(message=outcome.message, data=outcome.error)
    data = [str(item.path) for item in outcome.published]
    if outcome.kind == PERINGATAN:
        get_run_logger().warning(outcome.message)
    else:
        get_run_logger().info(outcome.message)
    return Completed(name=outcome.state_name, message=outcome.message, data=data)
