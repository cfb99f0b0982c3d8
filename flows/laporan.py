"""Prefect flows: the on-demand run of one office-year, and the monthly scheduled run.

A flow body is a table of contents: the steps of tasks/pipeline/steps.py, as the tasks of
tasks/pipeline/flow_tasks.py, in order, each handing its result to the next.
"""

from __future__ import annotations

import datetime

from prefect import flow

from tasks.pipeline.flow_tasks import (
    check_shared_folder,
    choose_templates,
    compute_figures,
    new_staging,
    publish_documents,
    release_lock,
    remove_staging,
    render_documents,
    take_lock,
    validate_inputs,
    write_run_manifest,
)
from tasks.pipeline.request import RunRequest
from tasks.pipeline.steps import now

FLOW_ON_DEMAND = "laporan-kpu"
FLOW_MONTHLY = "laporan-bulanan-terjadwal"


@flow(name=FLOW_ON_DEMAND, log_prints=True)
def laporan(input_dir: str, tahun: int, bulan: int | None = None, out_dir: str = "out/laporan", pdf: bool = False,
            final: bool = False, grafik: bool = True) -> list[str]:
    """Periksa, hitung, render dan terbitkan laporan satu satker-tahun (LKIP + bulanan, atau satu bulan)."""
    started = now()
    request = RunRequest(input_dir, out_dir, tahun, bulan, pdf=pdf, final=final, charts=grafik)
    check_shared_folder(request)
    inputs = validate_inputs(request)
    templates = choose_templates(request)
    lock = take_lock(request, inputs)
    try:
        figures = compute_figures(inputs, request)
        staging = new_staging()
        try:
            documents = render_documents(inputs, figures, request, staging, templates)
            published = publish_documents(documents, request, inputs)
        finally:  # rendered documents never stay behind in the temporary folder, published or not
            remove_staging(staging)
        write_run_manifest(request, inputs, published, started)
    finally:
        release_lock(lock)
    return [str(item.path) for item in published]


def month_just_ended(today: datetime.date) -> tuple[int, int]:
    """(year, month) of the month before `today`."""
    first = today.replace(day=1)
    previous = first - datetime.timedelta(days=1)
    return previous.year, previous.month


@flow(name=FLOW_MONTHLY, log_prints=True)
def laporan_bulanan(input_dir: str, out_dir: str = "out/laporan", pdf: bool = False,
                    tanggal: datetime.date | None = None) -> list[str]:
    """Laporan bulan yang baru berakhir; pada bulan Januari juga LKIP tahun sebelumnya."""
    tahun, bulan = month_just_ended(tanggal or datetime.date.today())
    whole_year = bulan == 12  # January: the LKIP of last year, with every monthly report
    return laporan(input_dir, tahun, None if whole_year else bulan, out_dir, pdf)
