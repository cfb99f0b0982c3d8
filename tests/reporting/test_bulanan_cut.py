"""The monthly report holds only what was known at the month's end (issue 15): a quarter still running
is never read, a quarter not yet filled is "belum dilaporkan", and an earlier month's report does not
change when a later quarter arrives. Built on copies of the sample in tmp dirs; data/ is never edited."""

from __future__ import annotations

import shutil
from pathlib import Path

import openpyxl
import pytest

from tasks.forms.writer import build_form
from tasks.measuring.figures import Period, compute_figures
from tasks.reading import form_layout as form
from tasks.reading.office import load_inputs
from tasks.reporting.bulanan import bulanan_context
from tasks.reporting.context import office_view
from tasks.reporting.documents import RenderChoices, render_documents
from tests.conftest import SAMPLE

SEPTEMBER_KENDALA = "Gudang logistik tergenang banjir pada pertengahan September"
SEPTEMBER_UPAYA = "Logistik dipindahkan sementara ke gedung serbaguna kecamatan"
NO_CHARTS = RenderChoices(charts=False)


def sample_copy(tmp_path: Path, name: str = "kantor", drop: tuple[int, ...] = ()) -> Path:
    folder = tmp_path / name
    shutil.copytree(SAMPLE, folder, ignore=shutil.ignore_patterns("sumber"))
    for quarter in drop:
        (folder / f"realisasi-2024-TW{quarter}.xlsx").unlink()
    return folder


def _columns(ws) -> dict[str, int]:
    labels = {c: ws.cell(form.HEADER_ROW, c).value for c in range(1, ws.max_column + 1)}
    return {label: c for c, label in labels.items() if label}


def edit_september(path: Path) -> None:
    """The TW III form with distinctive September values: an obstacle and its remedy (written at the
    quarter's end), every activity's September status, and every September budget figure."""
    book = openpyxl.load_workbook(path)
    ws = book[form.SHEET_INDIKATOR]
    cols = _columns(ws)
    ws.cell(form.HEADER_ROW + 1, cols["Kendala/Hambatan"]).value = SEPTEMBER_KENDALA
    ws.cell(form.HEADER_ROW + 1, cols["Upaya/Tindak Lanjut"]).value = SEPTEMBER_UPAYA
    ws = book[form.SHEET_AKTIVITAS]
    cols = _columns(ws)
    for row in range(form.HEADER_ROW + 1, ws.max_row + 1):
        if ws.cell(row, cols["Kode"]).value:
            ws.cell(row, cols["Status September"]).value = "Ditunda"
    ws = book[form.SHEET_ANGGARAN]
    cols = _columns(ws)
    for row in range(form.HEADER_ROW + 1, ws.max_row + 1):
        if ws.cell(row, cols["Kode Kegiatan"]).value and ws.cell(row, cols["Pagu (Rp)"]).value:
            ws.cell(row, cols["Realisasi September (Rp)"]).value = 7_777_777
            ws.cell(row, cols["RPD September (Rp)"]).value = 9_999_999
    book.save(path)


def month_contexts(folder: Path, months) -> dict[int, dict]:
    inputs = load_inputs([folder], 2024)
    assert inputs.ok
    figures = compute_figures(inputs, [Period(2024, bulan=b) for b in months])
    view = office_view(inputs, figures)
    return {p.bulan: bulanan_context(inputs, m, view, _no_charts(), False) for p, m in figures.periods.items()}


def _no_charts():
    return {k: {"path": "", "lebar_cm": 15.5, "keterangan": ""} for k in ("jadwal", "capaian", "anggaran")}


def _text(context) -> str:
    return repr(context)


@pytest.fixture(scope="module")
def september(tmp_path_factory):
    """Contexts of August and September from the sample and from a copy whose TW III September differs."""
    tmp = tmp_path_factory.mktemp("september")
    plain = sample_copy(tmp, "asli", drop=(4,))
    changed = sample_copy(tmp, "september", drop=(4,))
    edit_september(changed / "realisasi-2024-TW3.xlsx")
    return month_contexts(plain, (8, 9)), month_contexts(changed, (8, 9))


def test_august_report_holds_nothing_of_september(september):
    plain, changed = september
    assert changed[8] == plain[8]  # September's values do not reach August at all
    august = _text(changed[8])
    for value in (SEPTEMBER_KENDALA, SEPTEMBER_UPAYA, "Ditunda", "7.777.777", "9.999.999"):
        assert value not in august
    assert "Triwulan II" in changed[8]["sumber_indikator"] and "Triwulan III" in changed[8]["sumber_indikator"]


def test_september_report_holds_september(september):
    plain, changed = september
    september_text = _text(changed[9])
    assert SEPTEMBER_KENDALA in september_text and SEPTEMBER_UPAYA in september_text
    assert any(a["status"] == "Ditunda" for a in changed[9]["aktivitas"])
    assert changed[9]["ringkasan"]["realisasi_sd"] != plain[9]["ringkasan"]["realisasi_sd"]


def test_indicator_figures_come_from_the_last_quarter_ended(september):
    plain, _ = september
    assert plain[8]["indikator"] != plain[9]["indikator"]  # TW II in August, TW III in September
    assert plain[8]["sumber_indikator"].startswith("Angka di bawah adalah realisasi indikator s.d. Triwulan II ")


@pytest.fixture(scope="module")
def blank_tw2(tmp_path_factory):
    folder = sample_copy(tmp_path_factory.mktemp("kosong"), drop=(3, 4))
    inputs = load_inputs([folder], 2024)
    build_form(inputs.rak, inputs.profile, 2024, 2).save(folder / "realisasi-2024-TW2.xlsx")
    return folder


def test_a_blank_form_is_a_warning_naming_the_file(blank_tw2):
    inputs = load_inputs([blank_tw2], 2024)
    assert inputs.ok
    blank = [p for p in inputs.problems if "masih kosong" in p.message]
    assert len(blank) == 1 and blank[0].file == "realisasi-2024-TW2.xlsx"
    assert "realisasi-2024-TW2.xlsx" in blank[0].message and blank[0].severity.value == "warning"


def test_the_sample_forms_are_not_blank(sample_inputs):
    assert not [p for p in sample_inputs.problems if "masih kosong" in p.message]


def test_may_with_tw2_blank_says_not_reported(blank_tw2):
    may = month_contexts(blank_tw2, (3, 5))[5]
    assert may["aktivitas"] and {a["status"] for a in may["aktivitas"]} == {"belum dilaporkan"}
    assert may["ringkasan"]["terlambat"] == "0" and may["terlambat"] == []
    assert int(may["ringkasan"]["belum_dilaporkan"]) > 0
    assert may["ringkasan"]["anggaran_sd"] == "s.d. bulan terakhir yang dilaporkan (Maret)"


def test_earlier_months_unchanged_when_a_later_quarter_arrives(tmp_path):
    """A rerun of the year after TW III is filled leaves January-June byte-identical (charts included)."""
    folder = sample_copy(tmp_path, drop=(3, 4))

    def render(out: str) -> dict[str, bytes]:
        inputs = load_inputs([folder], 2024)
        months = [Period(2024, bulan=b) for b in range(1, 13) if b <= 3 * len(inputs.realisasi)]
        staging = tmp_path / out
        docs = render_documents(inputs, compute_figures(inputs, months), staging, progress=lambda _: None)
        return {d.local.name: d.local.read_bytes() for d in docs}

    before = render("sebelum")
    shutil.copy(SAMPLE / "realisasi-2024-TW3.xlsx", folder)
    after = render("sesudah")
    assert sorted(before) == [f"2024-{b:02d}.docx" for b in range(1, 7)]
    assert {name: after[name] == data for name, data in before.items()} == {name: True for name in before}
    assert len(after) == 9
