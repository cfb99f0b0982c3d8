"""The national roll-up: every office's capaian in one table, the distribution by rating band, and
the offices whose data was invalid or missing; written as .xlsx and .docx.

Text from offices is always written to the spreadsheet as text: a name starting with "=" cannot
become a formula.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
from docx import Document
from docx.shared import Cm, Pt
from openpyxl import Workbook
from openpyxl.styles import Font, PatternFill

from tasks.files import atomic_save, put_text_safe
from tasks.pipeline.office import OfficeRun
from tasks.reading.settings import Settings
from tasks.reporting.fmt import format_percent
from tasks.rollup.national import NO_PROVINCE, UNKNOWN_PROVINCE

HEADER_FONT, HEADER_FILL = Font(bold=True), PatternFill("solid", fgColor="D9D9D9")
COLUMNS = ["kode_satker", "nama_satker", "kode", "indikator", "target", "realisasi", "capaian", "kategori", "status"]


def consolidate(runs: list[OfficeRun]) -> pd.DataFrame:
    """One row per office and indicator, for the valid offices."""
    frames = []
    for run in runs:
        if run.ok and run.capaian is not None:
            frame = run.capaian.assign(kode_satker=run.kode, nama_satker=run.nama, target=run.capaian["target_teks"],
                                       capaian=run.capaian["capaian_dicap"])
            frames.append(frame[COLUMNS])
    return pd.concat(frames, ignore_index=True) if frames else pd.DataFrame(columns=COLUMNS)


def distribution(rows: pd.DataFrame, settings: Settings) -> pd.DataFrame:
    """Per office: how many indicators fall in each rating band, and how many could not be rated."""
    labels = [b.label for b in settings.kategori]
    if rows.empty:
        return pd.DataFrame(columns=["kode_satker", "nama_satker", *labels, "Belum dapat dinilai"])
    table = pd.crosstab([rows["kode_satker"], rows["nama_satker"]], rows["kategori"].fillna("Belum dapat dinilai"))
    return table.reindex(columns=[*labels, "Belum dapat dinilai"], fill_value=0).reset_index()


def invalid(runs: list[OfficeRun]) -> list[dict]:
    """Offices that produced no report: why, in full with where each problem is (`masalah`, for the
    workbook), and in a sentence without files or cells (`ringkasan`, for the document)."""
    return [{"folder": r.folder, "kode_satker": r.kode, "nama_satker": r.nama,
             "masalah": r.gagal or "\n".join(p.describe() for p in r.errors) or "tidak ada data",
             "ringkasan": _summary(r)} for r in runs if not r.ok]


def _summary(run: OfficeRun) -> str:
    """One sentence of why: the reason without its advice and without the lock file's path; for
    invalid inputs the first error's message (its file and cell stay in the workbook)."""
    if run.gagal:
        return _sentence(run.gagal.split(" Saran: ")[0].split("; kunci: ")[0])
    if not run.errors:
        return "Tidak ada data."
    first = run.errors[0].message
    return _sentence(first) if len(run.errors) == 1 else _sentence(
        f"{len(run.errors)} galat pada data masukan, antara lain: {first.rstrip('.')}")


def _sentence(text: str) -> str:
    text = text.strip().rstrip(".")
    return text[:1].upper() + text[1:] + "."


HEADERS = {  # a column's header as a reader of the workbook sees it (the rating bands' labels stay as they are)
    "folder": "Folder", "kode_satker": "Kode satker", "nama_satker": "Nama satker", "provinsi": "Provinsi",
    "kode": "Kode indikator", "indikator": "Indikator", "target": "Target", "realisasi": "Realisasi",
    "capaian": "Capaian (%)", "kategori": "Kategori", "status": "Status", "kode_nasional": "Kode IKU nasional",
    "masalah": "Masalah", "sasaran": "Sasaran strategis", "iku": "IKU", "jumlah_satker": "Jumlah satker",
    "jumlah_indikator": "Jumlah indikator", "rata_rata": "Rata-rata capaian (%)", "median": "Median capaian (%)",
    "terendah": "Capaian terendah (%)", "tertinggi": "Capaian tertinggi (%)",
    "satker_belum_tercapai": "Satker belum tercapai", "daftar_belum_tercapai": "Daftar satker belum tercapai",
    "satker_dilaporkan": "Satker dilaporkan", "satker_bermasalah": "Satker bermasalah",
    "indikator_belum_tercapai": "Indikator belum tercapai", "daftar_satker": "Daftar satker"}


def _sheet(book, title: str, frame: pd.DataFrame) -> None:
    ws = book.create_sheet(title)
    for col, name in enumerate(frame.columns, start=1):
        cell = put_text_safe(ws, 1, col, HEADERS.get(str(name), str(name)))
        cell.font, cell.fill = HEADER_FONT, HEADER_FILL
    for row, values in enumerate(frame.itertuples(index=False), start=2):
        for col, value in enumerate(values, start=1):
            missing = value is None or (isinstance(value, float) and pd.isna(value))
            put_text_safe(ws, row, col, None if missing else value)


def write_xlsx(rows: pd.DataFrame, dist: pd.DataFrame, bad: list[dict], path: Path,
               framework: dict[str, pd.DataFrame] | None = None) -> Path:
    """The roll-up as a workbook: capaian, distribution, invalid offices, and (`framework`: sheet
    title -> table) per national code, per province and the unmapped indicators."""
    book = Workbook()
    book.remove(book.active)
    _sheet(book, "Capaian", rows)
    _sheet(book, "Distribusi", dist)
    _sheet(book, "Satker Bermasalah", pd.DataFrame(bad, columns=["folder", "kode_satker", "nama_satker", "masalah"]))
    for title, table in (framework or {}).items():
        _sheet(book, title, table)
    return atomic_save(Path(path), book.save)


def write_docx(rows: pd.DataFrame, dist: pd.DataFrame, bad: list[dict], tahun: int, path: Path,
               framework: dict[str, pd.DataFrame] | None = None) -> Path:
    """The roll-up as a Word document a person reads: summary, the national framework (when given),
    distribution, offices without a report."""
    doc = Document()
    doc.add_heading(f"Rekapitulasi Capaian Kinerja KPU Tahun {tahun}", level=0)
    offices = rows["kode_satker"].nunique() if not rows.empty else 0
    mean = rows["capaian"].mean() if not rows.empty and rows["capaian"].notna().any() else None
    doc.add_paragraph(f"{offices} satker melaporkan {len(rows)} indikator dengan rata-rata capaian "
                      f"{format_percent(mean)}. {len(bad)} satker belum dapat direkap.")
    if framework:
        _framework_sections(doc, framework)
    doc.add_heading("Distribusi indikator per kategori", level=1)
    headers = {"kode_satker": "Kode", "nama_satker": "Satker", "Belum dapat dinilai": "Belum dinilai"}
    _table(doc, dist.rename(columns=headers),
           widths=(1.5, 3.9) + (11.1 / max(len(dist.columns) - 2, 1),) * (len(dist.columns) - 2))
    doc.add_heading("Satker yang belum dapat direkap", level=1)
    if bad:
        _table(doc, pd.DataFrame(bad)[["kode_satker", "nama_satker", "ringkasan"]].rename(
            columns={"kode_satker": "Kode", "nama_satker": "Satker", "ringkasan": "Masalah"}), widths=(1.5, 4.5, 10.5))
    else:
        doc.add_paragraph("Semua satker dapat direkap.")
    return atomic_save(Path(path), doc.save)


FRAMEWORK_SHEETS = ("Per IKU Nasional", "Per Provinsi", "Belum Dipetakan")


def _framework_sections(doc, framework: dict[str, pd.DataFrame]) -> None:
    """Per national code, per province, and the indicators without a national code."""
    national, provinces, missing = (framework[t] for t in FRAMEWORK_SHEETS)
    doc.add_heading("Capaian per sasaran strategis dan IKU KPU RI", level=1)
    reported = national[national["jumlah_satker"] > 0]
    doc.add_paragraph(f"{len(reported)} dari {len(national)} IKU nasional memperoleh kontribusi indikator satker; "
                      "capaian satu satker pada satu IKU adalah rata-rata capaian indikatornya yang dipetakan ke IKU "
                      "tersebut.")
    _table(doc, pd.DataFrame({
        "IKU": national["kode_nasional"] + " " + national["iku"], "Satker": national["jumlah_satker"],
        "Rata-rata": national["rata_rata"].map(_percent), "Median": national["median"].map(_percent),
        "Terendah–tertinggi": [f"{_percent(a)}–{_percent(b)}" if a == a and a is not None else "-"
                               for a, b in zip(national["terendah"], national["tertinggi"])],
        "Satker belum tercapai": national["satker_belum_tercapai"]}), widths=(5.6, 1.7, 2.0, 2.2, 2.8, 2.3))
    doc.add_heading("Capaian per provinsi", level=1)
    _table(doc, pd.DataFrame({
        "Provinsi": provinces["provinsi"], "Satker dilaporkan": provinces["satker_dilaporkan"],
        "Satker bermasalah": provinces["satker_bermasalah"], "Rata-rata capaian": provinces["rata_rata"].map(_percent),
        "Indikator belum tercapai": provinces["indikator_belum_tercapai"]}), widths=(4.0, 2.9, 2.9, 3.0, 3.4))
    for row in provinces.itertuples():  # offices no province can hold: named, to be corrected at the source
        if row.provinsi == NO_PROVINCE:
            note = doc.add_paragraph(f"Provinsi belum diisi pada profil {row.daftar_satker}.")
        elif row.provinsi.endswith(UNKNOWN_PROVINCE):
            note = doc.add_paragraph(f"Provinsi «{row.provinsi.removesuffix(UNKNOWN_PROVINCE)}» pada profil "
                                     f"{row.daftar_satker} bukan nama salah satu dari 38 provinsi.")
        else:
            continue
        note.paragraph_format.space_before = Pt(6)  # apart from the table above it
    doc.add_heading("Indikator yang belum dipetakan ke IKU nasional", level=1)
    if missing.empty:
        doc.add_paragraph("Setiap indikator satker telah dipetakan ke IKU nasional.")
        return
    offices = missing.groupby(["kode_satker", "nama_satker"])["kode"].apply(lambda k: ", ".join(k)).reset_index()
    doc.add_paragraph(f"{len(missing)} indikator dari {len(offices)} satker belum dipetakan ke IKU nasional dan tidak "
                      "dihitung dalam capaian per IKU; rinciannya per indikator ada pada lembar Belum Dipetakan.")
    _table(doc, offices.rename(columns={"kode_satker": "Kode", "nama_satker": "Satker", "kode": "Indikator"}),
           widths=(1.6, 5.4, 9.0))


def _percent(value) -> str:
    return "-" if value is None or value != value else format_percent(value)


def _table(doc, frame: pd.DataFrame, widths: tuple[float, ...] | None = None) -> None:
    """A grid of the frame; `widths` in cm per column (Word otherwise splits the page evenly)."""
    table = doc.add_table(rows=1, cols=len(frame.columns))
    table.style = "Table Grid"
    for cell, name in zip(table.rows[0].cells, frame.columns, strict=True):
        cell.text = str(name)
    for values in frame.itertuples(index=False):
        for cell, value in zip(table.add_row().cells, values, strict=True):
            cell.text = "-" if value is None or (isinstance(value, float) and pd.isna(value)) else str(value)
    if widths:  # the grid (LibreOffice reads it) and every cell (Word reads these)
        table.autofit = False
        for column, width in zip(table.columns, widths, strict=True):
            column.width = Cm(width)
        for row in table.rows:
            for cell, width in zip(row.cells, widths, strict=True):
                cell.width = Cm(width)
