"""Forms tied to their RAK by code and content, and nothing hidden dropped (issue 12, items 2 and 3)."""

from __future__ import annotations

import random

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import load_workbook

from tasks.forms.writer import build_form
from tasks.problems import Severity
from tasks.reading import form_layout as form
from tasks.reading.form_check import META_SHEET, rak_fingerprint
from tasks.reading.rak import read_rak
from tasks.reading.realisasi import read_realisasi
from tests.builders import ROWS, write_rak
from tests.reading.test_realisasi import FIRST, IND, PROFILE

REALISED = {"K01.I01": 2, "K01.I02": 91, "K02.I01": 85}  # one distinct value per indicator of tests.builders.ROWS
# The same RAK revised: an indicator inserted before K01.I02 (so K01.I02 becomes K01.I03).
REVISED = ROWS[:2] + [(1, ROWS[0][1], 2, "Jumlah laporan monitoring", "4 laporan", "Monitoring", [3],
                       ROWS[0][7])] + [(1, *ROWS[2][1:2], 3, *ROWS[2][3:])] + ROWS[3:]


@pytest.fixture(scope="module")
def rak(tmp_path_factory):
    return read_rak(write_rak(tmp_path_factory.mktemp("rak") / "RAK.xlsx"))


@pytest.fixture(scope="module")
def revised(tmp_path_factory):
    return read_rak(write_rak(tmp_path_factory.mktemp("revisi") / "RAK.xlsx", rows=REVISED))


def filled_book(rak):
    """A TW I form from `rak` with a distinct realisation per indicator."""
    book = build_form(rak, PROFILE, 2024, 1)
    ws = book[form.SHEET_INDIKATOR]
    for row in range(FIRST, ws.max_row + 1):
        kode = ws[f"{IND['kode']}{row}"].value
        ws[f"{IND['realisasi']}{row}"] = REALISED.get(kode, 1)
    return book


def read(book, tmp_path, rak, name="realisasi-2024-TW1.xlsx"):
    path = tmp_path / name
    book.save(path)
    return read_realisasi(path, rak)


def errors(real):
    return [p for p in real.problems if p.severity is Severity.ERROR]


def test_a_form_carries_the_fingerprint_of_its_rak_on_a_sheet_staff_cannot_see(rak, revised):
    book = build_form(rak, PROFILE, 2024, 1)
    meta = book[META_SHEET]
    assert meta.sheet_state == "veryHidden" and meta["B2"].value == rak_fingerprint(rak)
    assert rak_fingerprint(rak) != rak_fingerprint(revised)


def test_a_form_read_against_its_own_rak_is_clean(rak, tmp_path):
    real = read(filled_book(rak), tmp_path, rak)
    assert errors(real) == [] and dict(zip(real.indikator["indikator_kode"], real.indikator["realisasi"])) == REALISED


def test_a_form_filled_before_the_rak_was_revised_credits_nothing_to_another_indicator(rak, revised, tmp_path):
    real = read(filled_book(rak), tmp_path, revised)
    credited = dict(zip(real.indikator["indikator_kode"], real.indikator["realisasi"]))
    assert "K01.I02" not in credited  # the old K01.I02 row names another indicator than the new K01.I02
    assert credited == {"K01.I01": 2, "K02.I01": 85}  # rows whose text still matches keep their figure
    (mismatch,) = [p for p in errors(real) if "K01.I02" in p.message and p.sheet == form.SHEET_INDIKATOR]
    assert "Persentase anggaran terserap" in mismatch.message and "Jumlah laporan monitoring" in mismatch.message
    assert mismatch.cell == f"{IND['indikator']}{FIRST + 1}" and "carry-over" in mismatch.hint
    assert any("versi lain" in p.message for p in real.problems if p.severity is Severity.WARNING)
    assert any("K01.I03" in p.message for p in real.problems)  # the new indicator K01.I03 is not in this form


def test_sorting_the_indicator_sheet_without_its_code_column_is_found(rak, tmp_path):
    book = filled_book(rak)
    ws = book[form.SHEET_INDIKATOR]
    rows = list(range(FIRST, FIRST + 3))
    texts = [[ws.cell(row=r, column=c).value for c in range(2, ws.max_column + 1)] for r in rows]
    for r, values in zip(rows, reversed(texts)):  # every column but A (Kode) sorted the other way
        for c, value in enumerate(values, start=2):
            ws.cell(row=r, column=c).value = value
    real = read(book, tmp_path, rak)
    assert {p.row for p in errors(real)} == {FIRST, FIRST + 2}  # the middle row did not move
    assert list(real.indikator["indikator_kode"]) == ["K01.I02"]


def test_a_realisation_typed_over_the_target_is_an_error_at_that_cell(rak, tmp_path):
    book = filled_book(rak)
    ws = book[form.SHEET_INDIKATOR]
    ws[f"{IND['target']}{FIRST}"] = 2
    ws[f"{IND['realisasi']}{FIRST}"] = None
    real = read(book, tmp_path, rak)
    (problem,) = errors(real)
    assert problem.cell == f"{IND['target']}{FIRST}" and "realisasi diketik di kolom Target" in problem.message


def test_a_deleted_indicator_row_is_an_error_not_belum_dilaporkan(rak, tmp_path):
    book = filled_book(rak)
    book[form.SHEET_INDIKATOR].delete_rows(FIRST + 1)
    real = read(book, tmp_path, rak)
    (problem,) = errors(real)
    assert "K01.I02" in problem.message and "terhapus" in problem.message


def test_hidden_and_filtered_rows_are_read_with_a_warning(rak, tmp_path):
    book = filled_book(rak)
    book[form.SHEET_INDIKATOR].row_dimensions[FIRST + 1].hidden = True
    book[form.SHEET_AKTIVITAS].row_dimensions[FIRST].hidden = True
    book[form.SHEET_AKTIVITAS][f"F{FIRST}"] = "Selesai"
    real = read(book, tmp_path, rak)
    assert errors(real) == [] and dict(zip(real.indikator["indikator_kode"], real.indikator["realisasi"])) == REALISED
    assert "Selesai" in set(real.aktivitas["status"])
    warned = [p for p in real.problems if p.severity is Severity.WARNING and "tersembunyi" in p.message]
    assert {p.sheet for p in warned} == {form.SHEET_INDIKATOR, form.SHEET_AKTIVITAS}


def test_a_hidden_input_column_is_read_with_a_warning(rak, tmp_path):
    book = filled_book(rak)
    book[form.SHEET_INDIKATOR].column_dimensions[IND["realisasi"]].hidden = True
    real = read(book, tmp_path, rak)
    assert dict(zip(real.indikator["indikator_kode"], real.indikator["realisasi"])) == REALISED
    assert any("kolom tersembunyi" in p.message and "Realisasi" in p.message for p in real.problems)


def test_the_form_does_not_let_staff_hide_rows_or_columns(rak, tmp_path):
    book = build_form(rak, PROFILE, 2024, 1)
    book.save(tmp_path / "f.xlsx")
    protection = load_workbook(tmp_path / "f.xlsx")[form.SHEET_INDIKATOR].protection
    assert protection.sheet and protection.formatRows and protection.formatColumns


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.randoms(use_true_random=False), st.sampled_from(["whole rows", "all but codes", "codes only"]),
       st.integers(0, 2), st.integers(0, 2))
def test_no_realisation_is_ever_credited_to_an_indicator_whose_text_differs(rak, tmp_path_factory, rng: random.Random,
                                                                          how, hide, delete):
    book = filled_book(rak)
    ws = book[form.SHEET_INDIKATOR]
    rows = list(range(FIRST, ws.max_row + 1))
    cols = {"whole rows": range(1, ws.max_column + 1), "all but codes": range(2, ws.max_column + 1),
            "codes only": range(1, 2)}[how]
    values = [[ws.cell(row=r, column=c).value for c in cols] for r in rows]
    rng.shuffle(values)
    for r, row_values in zip(rows, values):
        for c, value in zip(cols, row_values):
            ws.cell(row=r, column=c).value = value
    for r in rng.sample(rows, hide):
        ws.row_dimensions[r].hidden = True
    for r in sorted(rng.sample(rows, delete), reverse=True):
        ws.delete_rows(r)
    path = tmp_path_factory.mktemp("acak") / "realisasi-2024-TW1.xlsx"
    book.save(path)
    written = load_workbook(path)[form.SHEET_INDIKATOR]
    text_of_row = {written[f"{IND['kode']}{r}"].value: written[f"{IND['indikator']}{r}"].value
                   for r in range(FIRST, written.max_row + 1)}
    real = read_realisasi(path, rak)
    names = dict(zip(rak.indikator["kode"], rak.indikator["nama"]))
    for kode, value in zip(real.indikator["indikator_kode"], real.indikator["realisasi"]):
        assert text_of_row[kode] == names[kode]  # the row read is the indicator's own row
        row_value = {v: k for k, v in REALISED.items()}.get(value)
        assert row_value in (None, kode)  # its figure is the one typed for that indicator
