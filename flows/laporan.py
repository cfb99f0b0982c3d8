"""Prefect flows: one office-year on demand (`lkip run`), and the two a served office runs: the manual
one (the UI's Run button) and the monthly schedule, both on the office's root of year folders.

A flow body is a table of contents: the steps of tasks/pipeline/steps.py, as the tasks of
tasks/pipeline/flow_tasks.py, in order, each handing its result to the next. How a run ended is told
in the shared folder (status, problems, annotated forms) and as the run's state: "Selesai",
"Selesai dengan peringatan", "Menunggu data", or Failed with a one-paragraph message.
"""

from __future__ import annotations

import datetime

from prefect import flow
from prefect.states import State

from flows.params import FLOW_MANUAL, FLOW_MONTHLY, FLOW_ON_DEMAND, Bulan, Tahun, month_or_none, run_name
from tasks.pipeline.flow_tasks import (
    check_shared_folder,
    choose_templates,
    compute_figures,
    final_state,
    new_staging,
    publish_documents,
    release_lock,
    remove_staging,
    render_documents,
    take_lock,
    tell_outcome,
    validate_inputs,
    write_run_manifest,
)
from tasks.pipeline.outcome import failed, outcome_of, waiting
from tasks.pipeline.request import RunRequest
from tasks.pipeline.steps import now
from tasks.pipeline.years import OfficeSettings, latest_year, scheduled_period, waiting_reason
from tasks.problems import UserError


def report(request: RunRequest) -> State:
    """One office-year: check, validate, lock, compute, render, publish, index; the outcome told."""
    started, inputs = now(), None
    try:
        check_shared_folder(request)
        inputs = validate_inputs(request)
        templates = choose_templates(request, inputs)
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
        outcome = outcome_of(inputs.problems, published)
    except UserError as exc:  # expected: the inputs, the share, the lock, publishing; told, no traceback
        outcome = failed(exc, inputs.problems if inputs is not None else [])
    tell_outcome(request, inputs, outcome, started)
    return final_state(outcome)


@flow(name=FLOW_ON_DEMAND, flow_run_name=run_name, log_prints=True,
      description="Periksa, hitung, render dan terbitkan laporan satu satker-tahun.")
def laporan(input_dir: str, tahun: Tahun, bulan: Bulan = 0, out_dir: str = "out/laporan", pdf: bool = False,
            final: bool = False, grafik: bool = True, tampilan: str = "") -> list[str]:
    """Periksa, hitung, render dan terbitkan laporan satu satker-tahun (LKIP + bulanan, atau satu bulan).

    Args:
        input_dir: Folder masukan satu satker-tahun.
        tahun: Tahun laporan, mis. 2024.
        bulan: Isi 1 sampai 12 untuk laporan bulan itu saja; 0 untuk LKIP beserta semua laporan bulanan.
        out_dir: Folder bersama tujuan.
        pdf: Buat juga salinan PDF setiap laporan (dengan LibreOffice).
        final: Tandai laporan sebagai final: sesudah itu tidak diubah lagi oleh proses berikutnya.
        grafik: Sertakan grafik pada laporan bulanan.
        tampilan: Nama folder bersama sebagaimana dilihat staf, mis. \\\\server\\bersama.
    """
    return report(RunRequest(input_dir, out_dir, tahun, month_or_none(bulan), pdf=pdf, final=final, charts=grafik,
                             display_root=tampilan))


@flow(name=FLOW_MANUAL, flow_run_name=run_name, log_prints=True,
      description="Laporan satker dijalankan manual: LKIP dan semua laporan bulanan, atau satu bulan.")
def laporan_manual(tahun: Tahun = 0, bulan: Bulan = 0, final: bool = False, pdf: bool = False) -> list[str]:
    """Laporan satker dijalankan manual, dari folder tahunnya di folder satker yang dilayani.

    Args:
        tahun: Tahun laporan, mis. 2024. Isi 0 untuk tahun terbaru yang ada di folder satker.
        bulan: Isi 1 sampai 12 untuk laporan bulanan bulan itu saja; 0 untuk LKIP beserta semua laporan bulanan.
        final: Tandai laporan sebagai final: sesudah itu tidak diubah lagi oleh proses berikutnya.
        pdf: Buat juga salinan PDF setiap laporan (dengan LibreOffice).
    """
    office = OfficeSettings.from_env()
    year = tahun or latest_year(office.root)
    return report(RunRequest(office.root / str(year), office.out_dir, year, month_or_none(bulan), pdf=pdf,
                             final=final, display_root=office.display_root))


@flow(name=FLOW_MONTHLY, flow_run_name=run_name, log_prints=True,
      description="Laporan bulan yang baru berakhir; pada bulan Januari LKIP tahun sebelumnya.")
def laporan_bulanan(tanggal: datetime.date | None = None, pdf: bool = False) -> list[str]:
    """Laporan bulan yang baru berakhir dari folder tahunnya; pada bulan Januari LKIP tahun sebelumnya.

    Args:
        tanggal: Tanggal yang menentukan laporan (bulan yang baru berakhir; Januari: LKIP tahun lalu). Kosongkan
            untuk hari ini.
        pdf: Buat juga salinan PDF setiap laporan (dengan LibreOffice).
    """
    office = OfficeSettings.from_env()
    year, month = scheduled_period(tanggal or datetime.date.today())
    request = RunRequest(office.root / str(year), office.out_dir, year, month, pdf=pdf,
                         display_root=office.display_root)
    reason = waiting_reason(office.root, year, month)
    if reason is None:
        return report(request)
    outcome = waiting(reason)
    tell_outcome(request, None, outcome, now())
    return final_state(outcome)
