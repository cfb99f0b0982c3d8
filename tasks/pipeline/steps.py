"""The one pipeline: the steps of a run of one office-year, as plain functions.

read → (templates) → lock → compute → render → publish → manifest. The Prefect flow
(flows/laporan.py) wraps each step as a task (tasks/pipeline/flow_tasks.py); the roll-up's
per-office function (tasks/pipeline/office.py) calls the same steps in one process. The lock, the
staging folder, the publish targets, the manifest and the retry policy exist only here.
"""

from __future__ import annotations

import datetime
import functools
import shutil
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from tasks.measuring.figures import OfficeFigures, compute_figures
from tasks.pipeline import leftovers
from tasks.pipeline.outcome import run_label
from tasks.pipeline.request import RunRequest
from tasks.problems import InputError, Problem, Severity, UserError, unique
from tasks.publishing.lock import RunLock, lock_path
from tasks.publishing.manifest import write_manifest
from tasks.publishing.names import PublishError, report_path, safe_name
from tasks.publishing.share import Published, check_share, publish_all
from tasks.reading.office import OfficeInputs, classify, expand, load_inputs
from tasks.reading.profile import PROFILE_NAME, load_profile
from tasks.reporting.documents import Document, RenderChoices, render_documents, report_periods
from tasks.reporting.scorecard import scorecard_lines
from tasks.reporting.templates import OFFICE_DIR, TemplateSet, office_templates

# Only publishing (I/O to the shared folder) is retried; reading and computing never are: a wrong
# input stays wrong however often it is read. A share that dropped usually comes back within a minute.
PUBLISH_RETRY_DELAYS = (5, 15, 45)  # seconds before the 2nd, 3rd and 4th attempt

Log = Callable[[str], None]


def _quiet(_: str) -> None:
    """A log that says nothing (the roll-up's offices)."""


class InvalidInputs(UserError):
    """Inputs with errors: the run stops before anything is rendered or published. Its message is one
    paragraph (a flow run's state message); `problems` holds every problem, `headline` the first sentence."""

    def __init__(self, problems: list[Problem]):
        errors = unique([p for p in problems if p.severity is Severity.ERROR])
        files = sorted({p.file for p in errors})
        self.headline = (f"Masukan belum valid; tidak ada laporan yang dibuat: {len(errors)} galat pada "
                         f"{len(files)} berkas ({', '.join(files[:4])}{', …' if len(files) > 4 else ''}).")
        first = f" Pertama: {errors[0].where()}: {errors[0].message}." if errors else ""
        super().__init__(self.headline + first)
        self.problems = problems


def check_shared_folder(request: RunRequest) -> Path:
    """Fail fast when the shared folder is missing or not writable."""
    check_share(request.out_dir)
    return request.out_dir


def read_inputs(request: RunRequest) -> OfficeInputs:
    """Every input file of the office-year, read and validated; problems collected, nothing raised."""
    return load_inputs([request.input_dir], request.year)


def require_valid(inputs: OfficeInputs) -> OfficeInputs:
    """The inputs, or InvalidInputs when one has an error."""
    if not inputs.ok:
        raise InvalidInputs(inputs.problems)
    return inputs


def choose_templates(request: RunRequest) -> TemplateSet:
    """The office's own templates (templat/) where present and sound, else the bundled ones;
    InvalidInputs naming the template and the tag when an office template cannot be used."""
    templates, problems = office_templates(request.input_dir)
    if problems:
        raise InvalidInputs(problems)
    return templates


def take_lock(request: RunRequest, inputs: OfficeInputs) -> RunLock:
    """At most one run per office and year: a second one is refused with a clear message."""
    kode = inputs.profile.kode
    return RunLock(lock_path(request.out_dir, kode, request.year), f"{kode} {request.year}",
                   waits_for=request.lock_of_dead_attempt, patience=request.lock_patience).__enter__()


def release_lock(lock: RunLock) -> str:
    """Release the office-year lock (also after a failed run); returns why it could not be, or ''."""
    lock.__exit__(None, None, None)
    return lock.release_error


@contextmanager
def office_lock(request: RunRequest, inputs: OfficeInputs) -> Iterator[RunLock]:
    lock = take_lock(request, inputs)
    try:
        yield lock
    finally:
        release_lock(lock)


def compute_office_figures(inputs: OfficeInputs, request: RunRequest) -> OfficeFigures:
    """The figures of every period the run reports (the year and its months, or one month)."""
    return compute_figures(inputs, report_periods(inputs, request.year, request.month))


def new_staging(log: Log = _quiet) -> Path:
    """A local folder to render into; nothing touches the share before publishing. First what killed
    runs left on this machine is cleaned (their render folders, their Prefect temporary server), and
    this run's temporary server, if it started one, is recorded for the next run to do the same."""
    for what in leftovers.clean_dead_runs():
        log(f"Sisa proses yang terhenti dibersihkan: {what}")
    leftovers.record_temporary_server()
    return leftovers.new_staging()


def remove_staging(staging: Path) -> None:
    """Remove the local render folder and what was rendered in it, and this run's leftover record."""
    shutil.rmtree(staging, ignore_errors=True)
    leftovers.forget_run()


@contextmanager
def staging_folder() -> Iterator[Path]:
    staging = new_staging()
    try:
        yield staging
    finally:  # rendered documents never stay behind in the temporary folder, published or not
        remove_staging(staging)


def render_office_documents(inputs: OfficeInputs, figures: OfficeFigures, request: RunRequest, staging: Path,
                            templates: TemplateSet, log: Log = _quiet, warn: Log | None = None) -> list[Document]:
    """The LKIP and monthly reports of `figures`, rendered into `staging`; what a reader of the run should
    know about them (a Daftar Isi without page numbers) goes to `warn`, the LKIP's scorecard criterion by
    criterion to `log`, a criterion not met to `warn`."""
    choices = RenderChoices(charts=request.charts, pdf=request.pdf, templates=templates, paginate=request.pages)
    documents = render_documents(inputs, figures, staging, choices, progress=log)
    for document in documents:
        for note in document.catatan:
            (warn or log)(note)
        if document.penilaian:
            for line, fine in scorecard_lines(list(document.penilaian)):
                (log if fine else warn or log)(line)
    return documents


def publication_targets(documents: list[Document], request: RunRequest, inputs: OfficeInputs) -> dict[Path, Path]:
    """Where each rendered document goes in the shared folder (names from codes only)."""
    kode, nama = inputs.profile.kode, inputs.profile.nama
    return {d.local: report_path(request.out_dir, kode, request.year, d.kind, d.bulan, d.local.suffix, nama=nama,
                                 triwulan=d.triwulan) for d in documents}


def publish_documents(documents: list[Document], request: RunRequest, inputs: OfficeInputs, log: Log = _quiet,
                      sleep: Callable[[float], None] = time.sleep, delays: tuple[int, ...] | None = None
                      ) -> list[Published]:
    """Publish the documents as a set; when the share misbehaves (a transient cause) the whole set is
    tried again after PUBLISH_RETRY_DELAYS (a file already published is found unchanged and kept). A
    permanent cause (disk full, a folder in the way) is told at once; the message gives the true
    number of attempts."""
    targets = publication_targets(documents, request, inputs)
    waits = PUBLISH_RETRY_DELAYS if delays is None else delays
    for attempt, wait in enumerate((*waits, None), start=1):
        try:
            published = publish_all(targets, request.out_dir, final=request.final, attempts=1)
            break
        except PublishError as exc:
            if exc.permanent:
                raise PublishError(f"{exc.message}; tidak dicoba lagi (percobaan ke-{attempt}). Laporan yang sudah "
                                   f"terbit sebelumnya tetap utuh", permanent=True) from exc
            if wait is None:
                raise PublishError(f"{exc.message}; gagal setelah {attempt} percobaan. Laporan yang sudah terbit "
                                   f"sebelumnya tetap utuh") from exc
            log(f"Penerbitan gagal (percobaan {attempt}): {exc.message}; dicoba lagi dalam {wait} detik")
            sleep(wait)
    for item in published:
        if item.kept:
            log(f"Tidak diubah (laporan final): {item.path}")
        else:
            log(f"Diterbitkan: {item.path}" + (f" ({item.catatan})" if item.catatan else ""))
    return published


def inputs_read(request: RunRequest) -> list[Path]:
    """The files a run read: the input folder's files (ignored ones left out) and the office templates."""
    files = [p for p in expand([request.input_dir]) if classify(p) != "diabaikan"]
    office = request.input_dir / OFFICE_DIR
    return files + (sorted(p for p in office.glob("*.docx") if classify(p) != "diabaikan") if office.is_dir() else [])


def write_run_manifest(request: RunRequest, inputs: OfficeInputs, published: list[Published],
                       started: datetime.datetime, version: str) -> Path:
    """manifest.json beside the reports, written last."""
    folder = report_path(request.out_dir, inputs.profile.kode, request.year, "lkip").parent
    return write_manifest(folder, inputs=inputs_read(request), outputs=published,
                          parameters=request.manifest_parameters(), version=version, started=started,
                          run=run_label(request.year, request.month))


def office_identity(request: RunRequest, inputs: OfficeInputs | None) -> tuple[str, str]:
    """(code, name) of the office: from its profile, else its input folder's name (a broken profil.toml
    must still be told somewhere)."""
    if inputs is not None and inputs.profile is not None:
        return inputs.profile.kode, inputs.profile.nama
    folder = request.input_dir.resolve()
    for candidate in [folder, *sorted(folder.parent.glob("[0-9][0-9][0-9][0-9]"), reverse=True)]:
        try:
            profile = load_profile(candidate / PROFILE_NAME)
        except InputError:
            continue  # missing or broken here: the office's other year folders may say
        return profile.kode, profile.nama
    name = folder.parent.name if folder.name.isdigit() else folder.name  # <root>/<year>: the office is the root
    return safe_name(name), name


def now() -> datetime.datetime:
    return datetime.datetime.now(datetime.timezone.utc)


@functools.cache
def program_version() -> str:
    """lkip's installed version, recorded in every manifest; looked up once per process (the lookup
    scans the installed distributions: ~3 ms, once per office of a roll-up before)."""
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("lkip")
    except PackageNotFoundError:
        return "0+unknown"
