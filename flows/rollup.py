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
from tasks.publishing.lock import LEASE_SECONDS, RENEW_SECONDS
from tasks.publishing.names import PublishError
from tasks.publishing.share import os_reason
from tasks.reading.nasional import load_national
from tasks.reading.settings import Settings
from tasks.reporting.fmt import format_number
from tasks.rollup import attempts
from tasks.rollup.consolidate import FRAMEWORK_SHEETS, consolidate, distribution, invalid, write_docx, write_xlsx
from tasks.rollup.national import per_national, per_province, with_framework
from tasks.rollup.national import unmapped as unmapped_indicators
from tasks.rollup.offices import office_folders, shared_code_reason, shared_codes

FLOW_ROLLUP = "rekap-nasional"
# An office's own run (its monthly schedule, a manual trigger) holding the lock when the roll-up reaches
# the office is waited for this long: such a run takes well under a minute, and the roll-up then
# reports the office instead of listing it as busy.
LOCK_PATIENCE = 5 * 60


@task(name="daftar satker", cache_policy=NO_CACHE)
def list_offices(root: str) -> tuple[list[str], list[OfficeRun]]:
    """The office-year folders under root (each like the sample) to run, and the offices not run because
    another folder gives the same office code (each listed, none run)."""
    folders = office_folders(Path(root))
    shared = shared_codes(folders)
    refused = {name: OfficeRun(folder=name, kode=kode, nama=profile.nama, provinsi=profile.provinsi,
                               gagal=shared_code_reason(kode, name, list(profiles)))
               for kode, profiles in shared.items() for name, profile in profiles.items()}
    if refused:
        get_run_logger().warning(f"{len(refused)} folder satker tidak direkap karena kode satkernya ganda: "
                                 + "; ".join(f"{kode} ({', '.join(profiles)})" for kode, profiles in shared.items()))
    return [str(f) for f in folders if f.name not in refused], list(refused.values())


@task(name="proses satker", cache_policy=NO_CACHE)
def process_office(folder: str, tahun: int, out_dir: str, grafik: bool, halaman: bool = False,
                   rollup_id: str = "") -> OfficeRun:
    """One office-year from inputs to published reports; an office that is invalid, or stopped (the
    lock, its template, the share, or a fault of lkip's own) is reported, never raised. An office whose
    earlier attempt in this roll-up died with its worker is run again, and says so."""
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
                       f"sebelumnya ({attempt.previous}) tidak selesai karena pekerjanya berhenti. Kunci yang mungkin "
                       f"ditinggalkannya ditunggu sampai tidak berlaku lagi (dari mesin lain paling lama "
                       f"{(LEASE_SECONDS + 2 * RENEW_SECONDS) // 60} menit)")
    request = RunRequest(folder, out_dir, tahun, charts=grafik, pages=halaman, lock_of_dead_attempt=attempt.holder,
                         lock_patience=LOCK_PATIENCE)
    try:
        run = run_office(request, program_version())
    except Exception as exc:  # a fault of lkip's own in one office: that office is listed, the others go on
        logger.exception(f"{Path(folder).name}: kesalahan program lkip; satker ini tidak direkap")
        run = OfficeRun(folder=Path(folder).name, gagal=f"kesalahan program lkip ({type(exc).__name__}); rinciannya "
                                                         "ada di log rekap, laporkan ke pengelola lkip")
    finally:
        if rollup_id:
            attempts.finish(Path(out_dir), tahun, folder)
    run.percobaan, run.percobaan_gagal = attempt.number, attempt.previous
    if run.status_error:
        logger.warning(f"{Path(folder).name}: {run.status_error}")
    seconds = format_number(round(time.perf_counter() - started, 1))
    logger.info(f"{Path(folder).name}: " + (f"{len(run.published)} dokumen diterbitkan" if run.ok
                                            else f"tidak diproses: {run.gagal}" if run.gagal
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
    try:
        return [str(write_xlsx(rows, dist, bad, folder / f"rekap-{int(tahun)}.xlsx", framework)),
                str(write_docx(rows, dist, bad, tahun, folder / f"rekap-{int(tahun)}.docx", framework))]
    except OSError as exc:  # each file is written whole or not at all: the previous roll-up stays as it was
        cause, permanent = os_reason(exc)
        raise PublishError(f"rekap nasional tidak dapat ditulis ke {folder}: {cause}",
                           hint="periksa ruang, hak tulis dan sambungan folder bersama, lalu jalankan rekap lagi; "
                                "berkas rekap sebelumnya tidak diubah", permanent=permanent) from exc


@flow(name=FLOW_ROLLUP, log_prints=True)
def rekap_nasional(root: str, tahun: int, out_dir: str, grafik: bool = True, halaman: bool = False) -> list[str]:
    """Laporan setiap satker di folder root, lalu satu rekap nasional."""
    folders, refused = list_offices(root)
    runs = process_office.map(folders, unmapped(tahun), unmapped(out_dir), unmapped(grafik),
                              unmapped(halaman), unmapped(str(flow_run.get_id()))).result()
    runs = sorted([*runs, *refused], key=lambda r: r.folder)
    retried = [r for r in runs if r.percobaan > 1]
    if retried:  # said by the flow itself, so it reaches the console that started the roll-up
        get_run_logger().warning(f"{len(retried)} satker dijalankan ulang karena pekerjanya berhenti di tengah "
                                 "jalan, masing-masing dihitung sekali: " + "; ".join(
                                     f"{r.folder} (percobaan ke-{r.percobaan}; yang terhenti: {r.percobaan_gagal})"
                                     for r in retried))
    written = write_rollup(runs, tahun, out_dir)
    stopped = [r for r in runs if not r.ok]
    get_run_logger().info(f"{len(runs) - len(stopped)} satker direkap" + (
        f"; {len(stopped)} belum dapat direkap (alasannya di lembar Satker Bermasalah): "
        + ", ".join(r.folder for r in stopped) if stopped else ""))
    return written


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
