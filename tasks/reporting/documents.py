"""The documents of one office-year, rendered locally from its figures: charts, contexts, Word files,
optional PDFs.

Everything is rendered into a local staging folder; publishing to the shared folder is a separate
step (tasks.publishing), so a template mistake never leaves a half-written report there.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from contracts.context import Gambar
from tasks.measuring.figures import Measures, OfficeFigures, Period, compute_figures
from tasks.reading.office import OfficeInputs
from tasks.reading.settings import Settings
from tasks.reporting.bulanan import bulanan_context
from tasks.reporting.charts import chart_anggaran, chart_capaian, chart_jadwal
from tasks.reporting.context import OfficeView, gambar, office_view
from tasks.reporting.docx_package import DOCX_WRITER
from tasks.reporting.lineage import write_lineage
from tasks.reporting.lkip import document_facts, lkip_context
from tasks.reporting.pagination import can_paginate, paginate, render_with_daftar_isi, toc_entries
from tasks.reporting.pdf import to_pdfs
from tasks.reporting.render import render_docx
from tasks.reporting.scorecard import score_document, write_scorecard
from tasks.reporting.templates import TemplateSet, bundled_templates
from tasks.reporting.triwulan import triwulan_context


@dataclass(frozen=True)
class Document:
    """A rendered document waiting to be published: its local file and what it is."""

    local: Path
    kind: str  # "lkip", "bulanan", "triwulan" or an LKIP companion
    bulan: int | None = None
    catatan: tuple[str, ...] = ()  # what a reader of the run should know about it (in Indonesian)
    penilaian: tuple = ()  # the LKIP's scorecard (tasks.reporting.scorecard Kriteria), criterion by criterion
    triwulan: int | None = None  # the quarter of a quarterly measurement report


def months_reported(inputs: OfficeInputs) -> list[int]:
    """Months covered by the quarters that have a realisation form."""
    quarters = sorted({r.triwulan for r in inputs.realisasi if r.triwulan})
    return [3 * (q - 1) + m for q in quarters for m in (1, 2, 3)]


def report_periods(inputs: OfficeInputs, tahun: int, bulan: int | None = None) -> list[Period]:
    """The periods a run reports: month `bulan` alone (with its quarter's measurement report when it ends
    a quarter that has a form), or the year (the LKIP), every month reported and every quarter with a form."""
    quarters = sorted({r.triwulan for r in inputs.realisasi if r.triwulan})
    if bulan:
        ends = [Period(tahun, triwulan=bulan // 3)] if bulan % 3 == 0 and bulan // 3 in quarters else []
        return [Period(tahun, bulan=bulan), *ends]
    return ([Period(tahun)] + [Period(tahun, bulan=m) for m in months_reported(inputs)]
            + [Period(tahun, triwulan=q) for q in quarters])


def lkip_signing_date(tahun: int) -> datetime.date:
    """The LKIP is signed early in the following year; a fixed date keeps reruns identical."""
    return datetime.date(tahun + 1, 1, 31)


def _no_images() -> dict[str, Gambar]:
    """Placeholders for a report without charts: the template's `dengan_grafik` hides them."""
    return {key: gambar("", "") for key in ("jadwal", "capaian", "anggaran")}


def draw_charts(m: Measures, settings: Settings, folder: Path, stem: str, capaian: bool = True,
                reuse: bool = False) -> dict[str, Gambar]:
    """The charts a report prints; the capaian chart only where the template shows it (the LKIP).
    `reuse`: charts of this stem already drawn in `folder` are the same figures (a quarter's report and
    the report of the quarter's last month): used as they are."""
    images = _no_images()
    folder.mkdir(parents=True, exist_ok=True)
    drawn = [folder / f"{stem}-{kind}.png" for kind in ("jadwal", "anggaran")]
    if reuse and not capaian and all(path.exists() for path in drawn):
        return {**images, "jadwal": gambar(drawn[0], "Kepatuhan jadwal rencana aksi per bulan"),
                "anggaran": gambar(drawn[1], "Realisasi anggaran terhadap RPD (kumulatif)")}
    images["jadwal"] = gambar(chart_jadwal(m.jadwal, folder / f"{stem}-jadwal.png"),
                              "Kepatuhan jadwal rencana aksi per bulan")
    if capaian:
        images["capaian"] = gambar(chart_capaian(m.capaian, settings, folder / f"{stem}-capaian.png"),
                                   "Capaian kinerja per indikator", 16)
    images["anggaran"] = (gambar(chart_anggaran(m.anggaran_bulanan, folder / f"{stem}-anggaran.png"),
                                 "Realisasi anggaran terhadap RPD (kumulatif)")
                          if not m.anggaran_bulanan.empty else images["jadwal"])
    return images


@dataclass(frozen=True)
class RenderChoices:
    """How documents are rendered: with charts, with PDF copies, from which templates, by which writer."""

    charts: bool = True
    pdf: bool = False
    templates: TemplateSet = bundled_templates()
    writer: str = DOCX_WRITER
    paginate: bool = True  # the LKIP's Daftar Isi with page numbers (LibreOffice lays the report out once)


def render_lkip(inputs: OfficeInputs, m: Measures, view: OfficeView, staging: Path,
                choices: RenderChoices = RenderChoices()) -> list[Document]:
    """The LKIP of the year `m` measures, checked against the LKE, with its lineage workbook and its
    scorecard beside it."""
    tahun = m.period.tahun
    images = draw_charts(m, inputs.settings, staging / "grafik", f"lkip-{tahun}") if choices.charts else _no_images()
    context = lkip_context(inputs, m, view, images, lkip_signing_date(tahun), choices.charts)
    out = staging / f"LKIP-{tahun}.docx"
    notes: tuple[str, ...] = ()
    numbered = choices.paginate and can_paginate()
    # the Daftar Isi lists the headings the template gives; numbered: placeholder pages, laid out as the final entries
    headings, numbering = render_with_daftar_isi(choices.templates.lkip, context, out, numbered, choices.writer)
    if numbered:
        context["daftar_isi"] = toc_entries(headings, paginate(out, (headings, numbering)))
        render_docx(choices.templates.lkip, context, out, choices.writer)
    else:
        why = "LibreOffice tidak terpasang" if choices.paginate else "penomoran halaman dimatikan"
        notes = (f"Daftar Isi LKIP tanpa nomor halaman ({why}); di Word: klik kanan pada Daftar Isi lalu "
                 "Update Field.",)
    criteria = tuple(score_document(out, document_facts(inputs, m, context)))
    failed = [k for k in criteria if k.hasil == "gagal"]
    if failed:
        notes += (f"LKIP belum memenuhi {len(failed)} kriteria LKE ({', '.join(k.nomor for k in failed)}); "
                  "rinciannya di berkas penilaian LKIP (…-penilaian.xlsx) di samping laporan.",)
    lineage = write_lineage(inputs, m, staging / f"LKIP-{tahun}-sumber.xlsx")
    scorecard = write_scorecard(list(criteria), staging / f"LKIP-{tahun}-penilaian.xlsx")
    return [Document(out, "lkip", catatan=notes, penilaian=criteria), Document(lineage, "lkip-sumber"),
            Document(scorecard, "lkip-penilaian")]


def render_bulanan(inputs: OfficeInputs, m: Measures, view: OfficeView, staging: Path,
                   choices: RenderChoices = RenderChoices()) -> Document:
    """The monthly report of the month `m` measures, or the quarterly measurement report of its quarter."""
    tahun, bulan, q = m.period.tahun, m.period.bulan, m.period.triwulan
    kind, stem = ("bulanan", f"{tahun}-{bulan:02d}") if bulan else ("triwulan", f"{tahun}-TW{q}")
    # a quarter's charts are those of its last month (the same months of the same series)
    charts = f"bulanan-{tahun}-{m.period.upto_month:02d}"
    images = (draw_charts(m, inputs.settings, staging / "grafik", charts, capaian=False, reuse=not bulan)
              if choices.charts else _no_images())
    build = bulanan_context if bulan else triwulan_context
    context = build(inputs, m, view, images, choices.charts)
    out = render_docx(choices.templates[kind], context, staging / f"{stem}.docx", choices.writer)
    return Document(out, kind, bulan, triwulan=q)


def render_documents(inputs: OfficeInputs, figures: OfficeFigures, staging: Path,
                     choices: RenderChoices = RenderChoices(), progress: Callable[[str], None] = print
                     ) -> list[Document]:
    """Every document of `figures`' periods (the year: the LKIP; a month: its report), each with its
    PDF when asked; what the documents print alike is built once (office_view)."""
    view = office_view(inputs, figures)
    docs = []
    for period, m in figures.periods.items():
        if period.bulan or period.triwulan:
            docs.append(render_bulanan(inputs, m, view, staging, choices))
            progress(f"  laporan bulanan {period.tahun}-{period.bulan:02d} selesai dirender" if period.bulan else
                     f"  laporan pengukuran kinerja {period.tahun} triwulan {period.triwulan} selesai dirender")
        else:
            docs += render_lkip(inputs, m, view, staging, choices)
            progress(f"  LKIP {period.tahun} selesai dirender")
    if choices.pdf:
        reports = [d for d in docs if d.kind in ("lkip", "bulanan", "triwulan")]
        pdfs = to_pdfs([d.local for d in reports], staging)
        docs += [Document(path, d.kind, d.bulan, triwulan=d.triwulan) for path, d in zip(pdfs, reports, strict=True)]
    return docs


def render_period(inputs: OfficeInputs, period: Period, staging: Path, choices: RenderChoices = RenderChoices()
                  ) -> Document:
    """The document of one period alone, its figures computed for it (the year: the LKIP)."""
    return render_documents(inputs, compute_figures(inputs, [period]), staging, choices, progress=lambda _: None)[0]
