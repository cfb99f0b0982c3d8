"""Every format staff save in (issue 12, item 4): .ods and .xls read through their conversion to
.xlsx, with shading, formulas and hidden rows as in an .xlsx; refused, never half-read, without
LibreOffice; files told apart by their content, not a substring of their name."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from tasks.forms.writer import build_form
from tasks.problems import Severity
from tasks.reading import convert
from tasks.reading import form_layout as form
from tasks.reading.identify import identify, name_suggests
from tasks.reading.office import load_inputs
from tasks.reading.rak import read_rak
from tasks.reading.realisasi import read_realisasi
from tests.builders import HEADER_TOP, ROWS, write_rak
from tests.reading.test_realisasi import FIRST, IND, PROFILE

SAMPLE = Path(__file__).resolve().parents[2] / "data" / "pasaman-barat-2024"
needs_libreoffice = pytest.mark.skipif(convert.soffice() is None and not os.environ.get("CI"),
                                       reason="LibreOffice not installed here; .ci/run installs it for CI")


def libreoffice_saves(path: Path, suffix: str) -> Path:
    """`path` saved by LibreOffice in another format, as staff would."""
    out = path.parent / "saved"
    out.mkdir(exist_ok=True)
    subprocess.run([convert.soffice(), f"-env:UserInstallation=file://{path.parent / 'lo-profile'}", "--headless",
                    "--convert-to", suffix.lstrip("."), "--outdir", str(out), str(path)], check=True,
                   capture_output=True, timeout=180)
    return out / (path.stem + suffix)


def errors(problems):
    return [p for p in problems if p.severity is Severity.ERROR]


@needs_libreoffice
def test_a_rak_saved_as_ods_reads_like_the_xlsx(tmp_path):
    xlsx = write_rak(tmp_path / "RAK.xlsx")  # months marked by shading only
    ods = libreoffice_saves(xlsx, ".ods")
    a, b = read_rak(xlsx), read_rak(ods)
    assert errors(b.problems) == [] and b.file == "RAK.ods"
    assert list(b.aktivitas["kode"]) == list(a.aktivitas["kode"])
    assert b.bulan.equals(a.bulan)  # the shaded months survived


@needs_libreoffice
def test_a_form_saved_as_ods_is_read_with_its_values(tmp_path):
    rak = read_rak(write_rak(tmp_path / "RAK.xlsx"))
    book = build_form(rak, PROFILE, 2024, 1)
    book[form.SHEET_INDIKATOR][f"{IND['realisasi']}{FIRST}"] = 2
    book.save(tmp_path / "realisasi-2024-TW1.xlsx")
    ods = libreoffice_saves(tmp_path / "realisasi-2024-TW1.xlsx", ".ods")
    real = read_realisasi(ods, rak)
    assert errors(real.problems) == [] and real.file == "realisasi-2024-TW1.ods"
    assert real.indikator.set_index("indikator_kode").loc["K01.I01", "realisasi"] == 2


def _xls_rak(path: Path, shaded: bool) -> Path:
    import xlwt

    book = xlwt.Workbook()
    ws = book.add_sheet("RAK", cell_overwrite_ok=True)
    shade = xlwt.easyxf("pattern: pattern solid, fore_colour gray25;")
    for col, text in enumerate(HEADER_TOP):
        if text:
            ws.write(0, col, text)
    for m in range(12):
        ws.write(1, 6 + m, f"B{m + 1}")
    for r, (k_no, keg, i_no, ind, target, akt, months, pel) in enumerate(ROWS, start=2):
        for col, value in zip((0, 1, 2, 3, 4, 5, 18), (f"{k_no}.", keg, i_no, ind, target, akt, pel)):
            ws.write(r, col, value)
        for m in months:
            if shaded:
                ws.write(r, 6 + m - 1, "", shade)
            else:
                ws.write(r, 6 + m - 1, "v")
    ws.write(2, 4, xlwt.Formula('"2 laporan"'))  # a formula where a target is typed
    book.save(str(path))
    return path


@needs_libreoffice
def test_an_xls_rak_keeps_its_shaded_months_and_its_formula_is_an_error(tmp_path):
    rak = read_rak(_xls_rak(tmp_path / "RAK.xls", shaded=True))
    assert len(rak.aktivitas) == 4 and len(rak.bulan) == 9  # every shaded month read
    (problem,) = errors(rak.problems)
    assert problem.cell == "E3" and "rumus" in problem.message and problem.file == "RAK.xls"


def test_without_libreoffice_an_ods_or_xls_is_refused_with_what_to_do(tmp_path, monkeypatch):
    monkeypatch.setattr(convert, "soffice", lambda: None)
    monkeypatch.setattr(convert, "_converted", {})
    rak = read_rak(_xls_rak(tmp_path / "RAK.xls", shaded=True))
    (problem,) = errors(rak.problems)
    assert ".xls" in problem.message and "simpan ulang" in problem.hint and len(rak.aktivitas) == 0


@pytest.mark.parametrize("name, suggests", [("RAK-2024.xlsx", "rak"), ("Rencana Aksi Kinerja 2024.xlsx", "rak"),
                                            ("Daftar Kontrak Pengadaan 2024.xlsx", None),
                                            ("realisasi-2024-TW3.xlsx", "realisasi"), ("Laporan TW II.xlsx",
                                                                                       "realisasi"),
                                            ("catatan rapat.docx", None)])
def test_names_are_hints_by_whole_words(name, suggests):
    assert name_suggests(Path(name)) == suggests


def test_files_are_told_apart_by_their_content(tmp_path):
    folder = tmp_path / "masukan"
    shutil.copytree(SAMPLE, folder)
    (folder / "RAK-2024.xlsx").rename(folder / "Rencana Aksi 2024.xlsx")  # a RAK without "RAK" in its name
    shutil.copy(folder / "realisasi-2024-TW1.xlsx", folder / "Daftar Kontrak Pengadaan 2024.xlsx")  # a form
    from docx import Document

    Document().save(folder / "notulen.docx")  # any Word file is not a RAK
    kinds = {p.name: identify(p).kind for p in folder.iterdir()}
    assert kinds["Rencana Aksi 2024.xlsx"] == "rak" and kinds["notulen.docx"] == "tidak dikenal"
    assert kinds["Daftar Kontrak Pengadaan 2024.xlsx"] == "realisasi"
    inputs = load_inputs([folder])
    assert inputs.rak is not None and len(inputs.rak.indikator) == 46
    assert any("triwulan 1 juga ada" in p.message for p in errors(inputs.problems))  # the copied form is a form


def test_a_form_renamed_to_another_quarter_is_read_as_what_it_is_and_said(tmp_path):
    folder = tmp_path / "masukan"
    shutil.copytree(SAMPLE, folder)
    (folder / "realisasi-2024-TW3.xlsx").unlink()
    (folder / "realisasi-2024-TW2.xlsx").rename(folder / "realisasi-2024-TW3.xlsx")
    inputs = load_inputs([folder])
    assert sorted(r.triwulan for r in inputs.realisasi) == [1, 2, 4]
    (renamed,) = [p for p in inputs.problems if p.file == "realisasi-2024-TW3.xlsx" and "nama berkas" in p.message]
    assert renamed.severity is Severity.WARNING and "Triwulan 2" in renamed.message
    (missing,) = [p for p in inputs.problems if "triwulan 3 tidak ada" in p.message]
    assert "realisasi-2024-TW3.xlsx" in missing.message


def test_a_file_named_like_a_rak_that_holds_no_rak_is_an_error(tmp_path):
    from openpyxl import Workbook

    book = Workbook()
    book.active["A1"] = "bukan RAK"
    book.save(tmp_path / "RAK revisi.xlsx")
    found = identify(tmp_path / "RAK revisi.xlsx")
    assert found.kind == "tidak dikenal"
    (problem,) = errors(found.problems)
    assert "nama berkas seperti RAK" in problem.message
