"""One office-year end to end in one process: the national roll-up's unit of work (one task per
office). It runs the steps of tasks/pipeline/steps.py, as the per-office Prefect flow does."""

from __future__ import annotations

from dataclasses import dataclass, field

from pandera.typing import DataFrame

from contracts.capaian import CapaianIndikator
from tasks.measuring.figures import Period
from tasks.pipeline import steps
from tasks.pipeline.request import RunRequest
from tasks.problems import Problem, Severity


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

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity is Severity.ERROR]


def run_office(request: RunRequest, version: str = "") -> OfficeRun:
    """Read, compute, render and publish one office-year; an invalid office is reported, not raised."""
    started = steps.now()
    inputs = steps.read_inputs(request)
    result = OfficeRun(folder=request.input_dir.name, problems=inputs.problems)
    if inputs.profile is not None:
        result.kode, result.nama, result.provinsi = inputs.profile.kode, inputs.profile.nama, inputs.profile.provinsi
    if inputs.pemetaan is not None:
        result.pemetaan = dict(zip(inputs.pemetaan["kode"], inputs.pemetaan["kode_nasional"]))
    if not inputs.ok:
        return result
    try:
        templates = steps.choose_templates(request)
    except steps.InvalidInputs as exc:
        result.problems = inputs.problems + exc.problems
        return result
    with steps.office_lock(request, inputs):
        figures = steps.compute_office_figures(inputs, request)
        with steps.staging_folder() as staging:
            documents = steps.render_office_documents(inputs, figures, request, staging, templates)
            published = steps.publish_documents(documents, request, inputs)
        steps.write_run_manifest(request, inputs, published, started, version)
    result.ok = True
    result.capaian = figures[Period(request.year)].capaian if request.month is None else None
    result.published = [str(p.path) for p in published]
    return result
