"""The national roll-up flow: every office of a folder as one coarse task, then one consolidated report.

The task runner is chosen by configuration: a process pool by default (the work is CPU-bound), a
thread pool, or Dask (prefect-dask) for a LocalCluster or an existing scheduler's address.
"""

from __future__ import annotations

import time
from pathlib import Path

from prefect import flow, get_run_logger, task, unmapped
from prefect.cache_policies import NO_CACHE
from prefect.runtime import flow_run

from tasks.pipeline.office import OfficeRun, run_office
from tasks.pipeline.request import RunRequest
from tasks.pipeline.steps import program_version
from tasks.reading.nasional import load_national
from tasks.reading.settings import Settings
from tasks.reporting.fmt import format_number
from tasks.rollup import attempts
from tasks.rollup.consolidate import FRAMEWORK_SHEETS, consolidate, distribution, invalid, write_docx, write_xlsx
from tasks.rollup.national import per_national, per_province, with_framework
from tasks.rollup.national import unmapped as unmapped_indicators

FLOW_ROLLUP = "rekap-nasional"


@task(name="daftar satker", cache_policy=NO_CACHE)
def list_offices(root: str) -> list[str]:
    """The office-year folders under root (each like the sample)."""
    return sorted(str(p) for p in Path(root).iterdir() if p.is_dir() and not p.name.startswith("."))


@task(name="proses satker", cache_policy=NO_CACHE)
def process_office(folder: str, tahun: int, out_dir: str, grafik: bool, halaman: bool = False,
                   rollup_id: str = "") -> OfficeRun:
    """One office-year from inputs to published reports; an invalid office is reported, never raised.
    An office whose earlier attempt in this roll-up died with its worker is run again, and says so."""
    logger = get_run_logger()
    started = time.perf_counter()
    attempt = attempts.Attempt()
    if rollup_id:
        try:
            attempt = attempts.begin(Path(out_dir), tahun, folder, rollup_id)
        except OSError as exc:  # the share refuses the marker: run the office, only a retry goes unnoticed
            logger.warning(f"{Path(folder).name}: penanda percobaan tidak dapat ditulis di folder bersama "
                           f"({exc.strerror or exc}); percobaan ulang satker ini tidak akan terdeteksi")
            rollup_id = ""
    if attempt.retried:
        logger.warning(f"{Path(folder).name}: dijalankan ulang (percobaan ke-{attempt.number}); percobaan "
                       f"sebelumnya ({attempt.previous}) tidak selesai karena pekerjanya berhenti")
    try:
        run = run_office(RunRequest(folder, out_dir, tahun, charts=grafik, pages=halaman), program_version())
    finally:
        if rollup_id:
            attempts.finish(Path(out_dir), tahun, folder)
    run.percobaan, run.percobaan_gagal = attempt.number, attempt.previous
    if run.status_error:
        logger.warning(f"{Path(folder).name}: {run.status_error}")
    seconds = format_number(round(time.perf_counter() - started, 1))
    logger.info(f"{Path(folder).name}: " + (f"{len(run.published)} dokumen diterbitkan" if run.ok
                                            else f"tidak valid ({len(run.errors)} galat)")
                + f" dalam {seconds} detik")
    return run


@task(name="tulis rekap nasional", cache_policy=NO_CACHE)
def write_rollup(runs: list[OfficeRun], tahun: int, out_dir: str) -> list[str]:
    """Consolidated capaian, distribution by band, invalid offices, and per national code, per province
    and the unmapped indicators, as .xlsx and .docx."""
    attempts.clear(Path(out_dir), tahun)
    rows, bad = with_framework(consolidate(runs), runs), invalid(runs)
    dist = distribution(rows, Settings())
    framework = dict(zip(FRAMEWORK_SHEETS, (per_national(rows, load_national()), per_province(rows, runs),
                                            unmapped_indicators(rows))))
    folder = Path(out_dir) / "rekap" / str(int(tahun))
    return [str(write_xlsx(rows, dist, bad, folder / f"rekap-{int(tahun)}.xlsx", framework)),
            str(write_docx(rows, dist, bad, tahun, folder / f"rekap-{int(tahun)}.docx", framework))]


@flow(name=FLOW_ROLLUP, log_prints=True)
def rekap_nasional(root: str, tahun: int, out_dir: str, grafik: bool = True, halaman: bool = False) -> list[str]:
    """Laporan setiap satker di folder root, lalu satu rekap nasional."""
    folders = list_offices(root)
    runs = process_office.map(folders, unmapped(tahun), unmapped(out_dir), unmapped(grafik),
                              unmapped(halaman), unmapped(str(flow_run.get_id()))).result()
    retried = [r for r in runs if r.percobaan > 1]
    if retried:  # said by the flow itself, so it reaches the console that started the roll-up
        get_run_logger().warning(f"{len(retried)} satker dijalankan ulang karena pekerjanya berhenti di tengah "
                                 "jalan, masing-masing dihitung sekali: " + "; ".join(
                                     f"{r.folder} (percobaan ke-{r.percobaan}; yang terhenti: {r.percobaan_gagal})"
                                     for r in retried))
    return write_rollup(runs, tahun, out_dir)


WORKER_CONFIG = {"distributed.worker.profile.enabled": False}


def task_runner(kind: str = "process", workers: int | None = None, address: str | None = None):
    """The task runner by name: process (default), thread, or dask (LocalCluster, or `address`)."""
    from prefect.task_runners import ProcessPoolTaskRunner, ThreadPoolTaskRunner

    if kind == "thread":
        return ThreadPoolTaskRunner(max_workers=workers)
    if kind == "dask":
        from prefect_dask import DaskTaskRunner

        if address:
            return DaskTaskRunner(address=address)
        # Dask's statistical profiler samples every task's call stack and keeps the trees: over hundreds of
        # offices (deep matplotlib and docxtpl stacks) a worker grows by about 6 MB per office and loses
        # a tenth of its time to sampling. A roll-up needs neither: the workers of the LocalCluster this
        # process starts inherit its Dask configuration, set here, and run without it.
        import dask

        dask.config.set(WORKER_CONFIG)
        return DaskTaskRunner(cluster_kwargs={"n_workers": workers or 2, "threads_per_worker": 1})
    return ProcessPoolTaskRunner(max_workers=workers)
