"""One office-year end to end in one process: the national roll-up's unit of work (one task per
office). It runs the steps of tasks/pipeline/steps.py, as the per-office Prefect flow does."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from pandera.typing import DataFrame

from contracts.capaian import CapaianIndikator
from tasks.measuring.figures import Period
from tasks.pipeline import heap, steps
from tasks.pipeline.outcome import ROLLUP, Outcome, failed, not_told, outcome_of, tell_staff
from tasks.pipeline.request import RunRequest
from tasks.problems import Problem, Severity, UserError
from tasks.publishing.share import PublishError
from tasks.reading.office import OfficeInputs


@dataclass
class OfficeRun:
    """What happened to one office: its identity, validity, problems, capaian table and published files."""

    folder: str
    kode: str = ""
    nama: str = ""
    provinsi: str = ""
    ok: bool = False
    problems: list[Problem] = field(default_factory=list)
    capaian: DataFrame[CapaianIndikator] | None = None
    published: list[str] = field(default_factory=list)
    pemetaan: dict[str, str] = field(default_factory=dict)  # indicator code -> national code (sasaran / IKU)
    percobaan: int = 1  # the roll-up's attempt at this office (2 when a worker died during the first)
    percobaan_gagal: str = ""  # where the attempt that did not finish ran
    status_error: str = ""  # why the office's status could not be written for its staff, when it could not
    # why the office produced nothing though its inputs are valid: its run stopped (the lock, a template,
    # the share: as its staff are told) or the roll-up did not run it (a code another folder gives too)
    gagal: str = ""

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity is Severity.ERROR]


def run_office(request: RunRequest, version: str = "", via: str = ROLLUP) -> OfficeRun:
    """Read, compute, render and publish one office-year; an invalid office is reported, not raised,
    and so is a run the lock, a template or the share stops (a UserError: `gagal` says why, as the
    office's own run says it). Either way the office's staff are told in its folder of the share, as
    by its own run (the status file, the problems workbook, the annotated copies), the status saying
    the run was part of `via`.
    Afterwards the office's garbage is collected and what lives on frozen (tasks/pipeline/heap.py)."""
    try:
        return _run_office(request, version, via)
    finally:
        heap.settle()


def _run_office(request: RunRequest, version: str, via: str) -> OfficeRun:
    started = steps.now()
    inputs = steps.read_inputs(request)
    result = OfficeRun(folder=request.input_dir.name, problems=inputs.problems)
    if inputs.profile is not None:
        result.kode, result.nama, result.provinsi = inputs.profile.kode, inputs.profile.nama, inputs.profile.provinsi
    if inputs.pemetaan is not None:
        result.pemetaan = dict(zip(inputs.pemetaan["kode"], inputs.pemetaan["kode_nasional"]))
    try:
        if not inputs.ok:
            raise steps.InvalidInputs(inputs.problems)
        templates = steps.choose_templates(request)
    except steps.InvalidInputs as exc:
        result.problems = exc.problems if not inputs.ok else inputs.problems + exc.problems
        result.status_error = _tell(request, inputs, failed(exc, result.problems), started, via)
        return result
    try:
        with steps.office_lock(request, inputs):
            figures = steps.compute_office_figures(inputs, request)
            with steps.staging_folder() as staging:
                documents = steps.render_office_documents(inputs, figures, request, staging, templates)
                published = steps.publish_documents(documents, request, inputs)
            steps.write_run_manifest(request, inputs, published, started, version)
            result.status_error = _tell(request, inputs, outcome_of(inputs.problems, published), started, via)
    except UserError as exc:  # expected, as by the office's own run: told as it tells it; the other offices go on
        outcome = failed(exc, inputs.problems)
        result.gagal = outcome.message
        untold = not_told(outcome)
        result.status_error = (f"status untuk staf tidak ditulis: {untold}" if untold
                               else _tell(request, inputs, outcome, started, via))
        return result
    result.ok = True
    result.capaian = figures[Period(request.year)].capaian if request.month is None else None
    result.published = [str(p.path) for p in published]
    return result


def _tell(request: RunRequest, inputs: OfficeInputs, outcome: Outcome, started: datetime.datetime, via: str) -> str:
    """Tell the office's staff; '' when told, else why the share refused (the run itself stands)."""
    kode, office = steps.office_identity(request, inputs)
    try:
        tell_staff(request, kode, office, outcome, started, via=via)
    except (PublishError, OSError) as exc:
        return f"status untuk staf tidak dapat ditulis ke folder bersama: {getattr(exc, 'message', exc)}"
    return ""
