"""Values read the way the staffer meant them, each said, or a located error (issue 12, item 6)."""

from __future__ import annotations

import pytest

from tasks.problems import Severity
from tests.reading.test_realisasi import BUD, FIRST, IND, filled, only
from tests.reading.test_realisasi import rak as rak  # noqa: F401 - the module's RAK fixture

PERCENT_ROW = FIRST + 1  # K01.I02 "Persentase anggaran terserap", target 95%


def realised(real, kode="K01.I02"):
    return real.indikator.set_index("indikator_kode").loc[kode, "realisasi"]


def test_a_fraction_in_a_general_cell_of_a_percentage_indicator_is_read_as_a_percentage(tmp_path, rak):
    real = filled(tmp_path, rak, {"Indikator": {f"{IND['realisasi']}{PERCENT_ROW}": 0.66}})
    assert realised(real) == pytest.approx(66)
    (warning,) = only(real, Severity.WARNING)
    assert "dibaca 66%" in warning.message and warning.cell == f"{IND['realisasi']}{PERCENT_ROW}"


def test_a_whole_number_in_a_percent_formatted_cell_is_read_as_that_percentage(tmp_path, rak):
    from openpyxl import load_workbook

    from tasks.forms.writer import build_form
    from tasks.reading.realisasi import read_realisasi
    from tests.reading.test_realisasi import PROFILE

    book = build_form(rak, PROFILE, 2024, 1)
    cell = book["Indikator"][f"{IND['realisasi']}{PERCENT_ROW}"]
    cell.value, cell.number_format = 66, "0%"  # Excel shows 6600%
    book.save(tmp_path / "realisasi-2024-TW1.xlsx")
    assert load_workbook(tmp_path / "realisasi-2024-TW1.xlsx")["Indikator"][cell.coordinate].number_format == "0%"
    real = read_realisasi(tmp_path / "realisasi-2024-TW1.xlsx", rak)
    assert realised(real) == 66
    (warning,) = only(real, Severity.WARNING)
    assert "tampil 6600%" in warning.message


def test_a_true_percentage_is_left_alone(tmp_path, rak):
    real = filled(tmp_path, rak, {"Indikator": {f"{IND['realisasi']}{PERCENT_ROW}": 91}})
    assert realised(real) == 91 and only(real, Severity.WARNING) == []


def test_a_count_that_is_not_whole_is_read_as_written_with_a_warning(tmp_path, rak):
    real = filled(tmp_path, rak, {"Indikator": {f"{IND['realisasi']}{FIRST}": 0.7}})
    assert realised(real, "K01.I01") == 0.7
    (warning,) = only(real, Severity.WARNING)
    assert "bukan bilangan bulat" in warning.message


def test_budget_realisations_typed_in_thousands_are_an_error(tmp_path, rak):
    real = filled(tmp_path, rak, {"Anggaran": {
        f"{BUD['pagu']}{FIRST}": 120_000_000, f"{BUD['rpd_1']}{FIRST}": 10_000_000,
        f"{BUD['rpd_2']}{FIRST}": 10_000_000, f"{BUD['realisasi_1']}{FIRST}": 9_500,
        f"{BUD['realisasi_2']}{FIRST}": 10_200}})
    (problem,) = only(real)
    assert "ribuan rupiah" in problem.message and problem.cell == f"{BUD['realisasi_1']}{FIRST}"


def test_a_pagu_typed_in_thousands_is_an_error(tmp_path, rak):
    real = filled(tmp_path, rak, {"Anggaran": {f"{BUD['pagu']}{FIRST}": 120_000,
                                               f"{BUD['rpd_1']}{FIRST}": 100_000_000}})
    assert any("pagu tampaknya ditulis dalam ribuan" in p.message for p in only(real))


def test_budget_in_rupiah_is_not_taken_for_thousands(tmp_path, rak):
    real = filled(tmp_path, rak, {"Anggaran": {f"{BUD['pagu']}{FIRST}": 120_000_000,
                                               f"{BUD['rpd_1']}{FIRST}": 10_000_000,
                                               f"{BUD['realisasi_1']}{FIRST}": 9_500_000}})
    assert only(real) == []
