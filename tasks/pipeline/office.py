"""One office-year from inputs to published reports, as one plain function: the coarse unit of work
of the national roll-up (one task per office). The per-office Prefect flow (flows/laporan.py) runs
the same steps as separate tasks.
"""

from __future__ import annotations

import datetime
import shutil
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from tasks.publishing.lock import RunLock, lock_path
from tasks.measuring.figures import Measurer, Period
from tasks.problems import Severity
from tasks.publishing.manifest import write_manifest
from tasks.publishing.names import report_path
from tasks.publishing.share import publish_all
from tasks.reporting.documents import build_all
from tasks.reading.office import classify, expand, load_inputs


@dataclass
class OfficeRun:
    """What happened to one office: its identity, validity, capaian table and published files."""

    folder: str
    kode: str = ""
    nama: str = ""
    ok: bool = False
    masalah: list[str] = field(default_factory=list)
    capaian: pd.DataFrame | None = None
    diterbitkan: list[str] = field(default_factory=list)


def run_office(folder: Path, tahun: int, out: Path, with_charts: bool = True, version: str = "") -> OfficeRun:
    """Validate, compute, render and publish one office-year; an invalid office is reported, not raised."""
    started = datetime.datetime.now(datetime.timezone.utc)
    inputs = load_inputs([Path(folder)], tahun)
    result = OfficeRun(folder=Path(folder).name)
    if inputs.profile is not None:
        result.kode, result.nama = inputs.profile.kode, inputs.profile.nama
    result.masalah = [p.describe() for p in inputs.problems if p.severity is Severity.ERROR]
    if not inputs.ok:
        return result
    measurer = Measurer(inputs, inputs.settings, inputs.riwayat)
    with RunLock(lock_path(out, result.kode, tahun), f"{result.kode} {tahun}"):
        staging = Path(tempfile.mkdtemp(prefix="lkip-office-"))
        try:
            docs = build_all(inputs, tahun, staging, None, with_charts, progress=lambda _: None, measurer=measurer)
            result.capaian = measurer(Period(tahun)).capaian  # computed by build_all with the other periods
            targets = {d.local: report_path(out, result.kode, tahun, d.kind, d.bulan, d.local.suffix) for d in docs}
            published = publish_all(targets, out)
        finally:
            shutil.rmtree(staging, ignore_errors=True)
        read = [p for p in expand([Path(folder)]) if classify(p) != "diabaikan"]
        write_manifest(report_path(out, result.kode, tahun, "lkip").parent, inputs=read, outputs=published,
                       parameters={"tahun": tahun, "grafik": with_charts}, version=version, started=started)
    result.ok = True
    result.diterbitkan = [str(p.path) for p in published]
    return result
