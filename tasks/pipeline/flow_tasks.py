"""Prefect tasks: thin wrappers around the pure functions, named so a person reading the run history
understands them, logging in Indonesian, with artifacts for what a person wants to see afterwards.

Only publishing (I/O to the shared folder) is retried; validation and computation never are: a
wrong input stays wrong however often it is read.
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

from prefect import get_run_logger, task
from prefect.artifacts import create_markdown_artifact, create_table_artifact
from prefect.cache_policies import NO_CACHE

from tasks.reporting.fmt import format_percent
from tasks.publishing.lock import RunLock, lock_path
from tasks.measuring.figures import Period, measure
from tasks.problems import Severity
from tasks.publishing.manifest import write_manifest
from tasks.publishing.names import report_path
from tasks.publishing.share import check_share, publish_all
from tasks.reporting.documents import Document, build_all
from tasks.reading.office import OfficeInputs, classify, expand, load_inputs

PUBLISH_RETRIES = 3
PUBLISH_RETRY_DELAYS = [5, 15, 45]  # seconds: a share that dropped usually comes back within a minute


class InvalidInputs(Exception):
    """Inputs with errors: the run stops before anything is rendered or published."""


def _slug(text: str) -> str:
    return "".join(ch if ch.isalnum() else "-" for ch in text.lower()).strip("-")


@task(name="periksa folder bersama", cache_policy=NO_CACHE)
def check_shared_folder(out_dir: str) -> Path:
    """Fail fast when the shared folder is missing or not writable."""
    check_share(Path(out_dir))
    return Path(out_dir)


@task(name="periksa masukan", cache_policy=NO_CACHE)
def validate_inputs(input_dir: str, tahun: int) -> OfficeInputs:
    """Read and validate every input file of one office-year; stop the run on an error."""
    logger = get_run_logger()
    inputs = load_inputs([Path(input_dir)], tahun)
    problems = [p for p in inputs.problems if p.severity is not Severity.INFO]
    if problems:
        create_table_artifact(key=f"validasi-{_slug(Path(input_dir).name)}-{tahun}",
                              table=[{"tingkat": p.severity.label, "berkas": p.file, "sheet": p.sheet,
                                      "sel": p.cell, "pesan": p.message, "saran": p.hint} for p in problems],
                              description="Masalah pada berkas masukan")
    counts = inputs.counts()
    logger.info(f"Masukan {input_dir}: {counts['kegiatan']} kegiatan, {counts['indikator']} indikator, "
                f"{counts['aktivitas']} aktivitas; {len(problems)} masalah")
    if not inputs.ok:
        errors = [p.describe() for p in inputs.problems if p.severity is Severity.ERROR]
        raise InvalidInputs("Masukan belum valid; tidak ada laporan yang dibuat.\n" + "\n".join(errors))
    return inputs


@task(name="ambil kunci satker-tahun", cache_policy=NO_CACHE)
def take_lock(share: Path, inputs: OfficeInputs, tahun: int) -> RunLock:
    """At most one run per office and year: a second one is refused with a clear message."""
    lock = RunLock(lock_path(share, inputs.profile.kode, tahun), f"{inputs.profile.kode} {tahun}")
    return lock.__enter__()


@task(name="lepas kunci", cache_policy=NO_CACHE)
def release_lock(lock: RunLock) -> None:
    """Release the office-year lock (also after a failed run)."""
    lock.__exit__(None, None, None)


@task(name="hitung capaian", cache_policy=NO_CACHE)
def compute_figures(inputs: OfficeInputs, tahun: int, bulan: int | None) -> None:
    """Compute the capaian table of the period and keep it as an artifact of the run."""
    m = measure(inputs, Period(tahun, bulan=bulan), inputs.settings, inputs.riwayat)
    create_table_artifact(
        key=f"capaian-{_slug(inputs.profile.kode)}-{tahun}" + (f"-{bulan:02d}" if bulan else ""),
        table=[{"kode": r.kode, "indikator": r.indikator, "target": r.target_teks,
                "realisasi": "-" if r.realisasi != r.realisasi else r.realisasi,
                "capaian": format_percent(r.capaian_dicap), "kategori": r.kategori or "-", "status": r.status}
               for r in m.capaian.itertuples()],
        description=f"Capaian kinerja {m.period.label}")


@task(name="render dokumen", cache_policy=NO_CACHE)
def render_documents(inputs: OfficeInputs, tahun: int, bulan: int | None, grafik: bool, pdf: bool
                     ) -> tuple[Path, list[Document]]:
    """Render the LKIP and monthly reports locally (nothing touches the share yet)."""
    logger = get_run_logger()
    staging = Path(tempfile.mkdtemp(prefix="lkip-render-"))
    try:
        docs = build_all(inputs, tahun, staging, bulan, grafik, pdf, progress=logger.info)
    except BaseException:  # what was rendered before the failure is not kept
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return staging, docs


@task(name="terbitkan ke folder bersama", retries=PUBLISH_RETRIES, retry_delay_seconds=PUBLISH_RETRY_DELAYS,
      cache_policy=NO_CACHE)
def publish_documents(docs: list[Document], share: Path, inputs: OfficeInputs, tahun: int, final: bool) -> list:
    """Publish file by file atomically; retried with backoff when the share misbehaves."""
    targets = {d.local: report_path(share, inputs.profile.kode, tahun, d.kind, d.bulan, d.local.suffix)
               for d in docs}
    published = publish_all(targets, share, final=final, attempts=1)
    logger = get_run_logger()
    for item in published:
        logger.info(f"Diterbitkan: {item.path}" + (f" ({item.catatan})" if item.catatan else ""))
    return published


@task(name="tulis manifest", cache_policy=NO_CACHE)
def write_run_manifest(share: Path, input_dir: str, inputs: OfficeInputs, tahun: int, published: list,
                       parameters: dict, version: str, started) -> Path:
    """Write manifest.json last, and an artifact listing the published files."""
    folder = report_path(share, inputs.profile.kode, tahun, "lkip").parent
    read = [p for p in expand([Path(input_dir)]) if classify(p) != "diabaikan"]
    manifest = write_manifest(folder, inputs=read, outputs=published, parameters=parameters, version=version,
                              started=started)
    lines = [f"- `{item.path}`" + (f" — {item.catatan}" if item.catatan else "") for item in published]
    create_markdown_artifact(key=f"terbit-{_slug(inputs.profile.kode)}-{tahun}",
                             markdown="## Berkas yang diterbitkan\n\n" + "\n".join(lines) + f"\n\nManifest: `{manifest}`",
                             description="Laporan yang diterbitkan ke folder bersama")
    return manifest


@task(name="bersihkan folder render", cache_policy=NO_CACHE)
def remove_staging(staging: Path) -> None:
    """Remove the local render folder."""
    shutil.rmtree(staging, ignore_errors=True)
