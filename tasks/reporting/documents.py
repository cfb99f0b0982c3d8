"""Building the documents of one office-year locally: charts, contexts, Word files, optional PDFs.

Everything is rendered into a local staging folder first; publishing to the shared folder is a
separate step (tasks/publish.py), so a template mistake never leaves a half-written report there.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from pathlib import Path

from tasks.reporting.charts import chart_anggaran, chart_capaian, chart_jadwal
from tasks.reporting.context import OfficeView, bulanan_context, gambar, lkip_context, office_view
from tasks.measuring.figures import Measurer, Period
from tasks.reporting.pdf import to_pdfs
from tasks.reporting.render import render_docx
from tasks.reading.office import OfficeInputs

TEMPLATES = Path(__file__).resolve().parents[2] / "templates"


@dataclass(frozen=True)
class Document:
    """A rendered document waiting to be published: its local file and what it is."""

    local: Path
    kind: str  # "lkip" or "bulanan"
    bulan: int | None = None


def months_reported(inputs: OfficeInputs) -> list[int]:
    """Months covered by the quarters that have a realisation form."""
    quarters = sorted({r.triwulan for r in inputs.realisasi if r.triwulan})
    return [3 * (q - 1) + m for q in quarters for m in (1, 2, 3)]


def lkip_signing_date(tahun: int) -> datetime.date:
    """The LKIP is signed early in the following year; a fixed date keeps reruns identical."""
    return datetime.date(tahun + 1, 1, 31)


def _no_charts() -> dict:
    """Placeholders for a report without charts: the template's `dengan_grafik` hides them."""
    return {key: gambar("", "") for key in ("jadwal", "capaian", "anggaran")}


def _charts(m, settings, folder: Path, stem: str, with_charts: bool = True, capaian: bool = True) -> dict:
    """The charts a report prints; the capaian chart only where the template shows it (the LKIP)."""
    charts = _no_charts()
    if not with_charts:
        return charts
    folder.mkdir(parents=True, exist_ok=True)
    charts["jadwal"] = gambar(chart_jadwal(m.jadwal, folder / f"{stem}-jadwal.png"),
                              "Kepatuhan jadwal rencana aksi per bulan")
    if capaian:
        charts["capaian"] = gambar(chart_capaian(m.capaian, settings, folder / f"{stem}-capaian.png"),
                                   "Capaian kinerja per indikator", 16)
    charts["anggaran"] = (gambar(chart_anggaran(m.anggaran_bulanan, folder / f"{stem}-anggaran.png"),
                                 "Realisasi anggaran terhadap RPD (kumulatif)")
                          if not m.anggaran_bulanan.empty else charts["jadwal"])
    return charts


def _measurer(inputs: OfficeInputs, measurer: Measurer | None) -> Measurer:
    return measurer or Measurer(inputs, inputs.settings, inputs.riwayat)


def build_lkip(inputs: OfficeInputs, tahun: int, staging: Path, with_charts: bool = True,
               measurer: Measurer | None = None, view: OfficeView | None = None) -> Document:
    m = _measurer(inputs, measurer)(Period(tahun))
    charts = _charts(m, inputs.settings, staging / "grafik", f"lkip-{tahun}", with_charts)
    context = lkip_context(inputs, m, charts, lkip_signing_date(tahun), with_charts, view)
    return Document(render_docx(TEMPLATES / "lkip.docx", context, staging / f"LKIP-{tahun}.docx"), "lkip")


def build_bulanan(inputs: OfficeInputs, tahun: int, bulan: int, staging: Path, with_charts: bool = True,
                  measurer: Measurer | None = None, view: OfficeView | None = None) -> Document:
    m = _measurer(inputs, measurer)(Period(tahun, bulan=bulan))
    charts = _charts(m, inputs.settings, staging / "grafik", f"bulanan-{tahun}-{bulan:02d}", with_charts,
                     capaian=False)
    context = bulanan_context(inputs, m, charts, with_charts, view)
    local = staging / f"{tahun}-{bulan:02d}.docx"
    return Document(render_docx(TEMPLATES / "bulanan.docx", context, local), "bulanan", bulan)


def build_all(inputs: OfficeInputs, tahun: int, staging: Path, bulan: int | None = None, with_charts: bool = True,
              pdf: bool = False, progress=print, measurer: Measurer | None = None) -> list[Document]:
    """The LKIP (whole year) and every monthly report, or only month `bulan`; each with its PDF if asked."""
    months = [bulan] if bulan else months_reported(inputs)
    # the documents of one office-year share their figures
    measurer = _measurer(inputs, measurer).prepare([Period(tahun, bulan=m) for m in months]
                                                   + ([] if bulan else [Period(tahun)]))
    view = office_view(inputs)
    docs = [] if bulan else [build_lkip(inputs, tahun, staging, with_charts, measurer, view)]
    if docs:
        progress(f"  LKIP {tahun} selesai dirender")
    for month in months:
        docs.append(build_bulanan(inputs, tahun, month, staging, with_charts, measurer, view))
        progress(f"  laporan bulanan {tahun}-{month:02d} selesai dirender")
    if pdf:
        pdfs = to_pdfs([d.local for d in docs], staging)
        docs += [Document(path, d.kind, d.bulan) for path, d in zip(pdfs, list(docs), strict=True)]
    return docs
