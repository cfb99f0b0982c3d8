"""Prefect flows: the on-demand run of one office-year, and the monthly scheduled run.

Flow bodies read as tables of contents; the work is in tasks/flow_tasks.py.
"""

from __future__ import annotations

import datetime

from prefect import flow

from tasks.pipeline.flow_tasks import (check_shared_folder, compute_figures, publish_documents, release_lock,
                              remove_staging, render_documents, take_lock, validate_inputs, write_run_manifest)

FLOW_ON_DEMAND = "laporan-kpu"
FLOW_MONTHLY = "laporan-bulanan-terjadwal"


def program_version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("lkip")
    except PackageNotFoundError:
        return "0+unknown"


@flow(name=FLOW_ON_DEMAND, log_prints=True)
def laporan(input_dir: str, tahun: int, bulan: int | None = None, out_dir: str = "out/laporan", pdf: bool = False,
            final: bool = False, grafik: bool = True) -> list[str]:
    """Periksa, hitung, render dan terbitkan laporan satu satker-tahun (LKIP + bulanan, atau satu bulan)."""
    started = datetime.datetime.now(datetime.timezone.utc)
    share = check_shared_folder(out_dir)
    inputs = validate_inputs(input_dir, tahun)
    lock = take_lock(share, inputs, tahun)
    try:
        compute_figures(inputs, tahun, bulan)
        staging, docs = render_documents(inputs, tahun, bulan, grafik, pdf)
        try:
            published = publish_documents(docs, share, inputs, tahun, final)
        finally:  # rendered documents never stay behind in the temporary folder, published or not
            remove_staging(staging)
        params = {"tahun": tahun, "bulan": bulan, "pdf": pdf, "final": final, "grafik": grafik}
        write_run_manifest(share, input_dir, inputs, tahun, published, params, program_version(), started)
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
