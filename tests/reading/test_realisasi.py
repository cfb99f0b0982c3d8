"""The quarterly form: written from a RAK, filled by staff, read back (BAD_INPUTS.md 7-14, 17, 18, 20, 21)."""

from __future__ import annotations

import datetime

import pytest
from openpyxl import load_workbook

from tasks.forms.writer import build_form, form_name, write_forms
from tasks.problems import Severity
from tasks.reading import form_layout as form
from tasks.reading.profile import Profile, SumberDana
from tasks.reading.rak import read_rak
from tasks.reading.realisasi import read_realisasi
from tests.builders import write_rak

PROFILE = Profile(kode="9999", nama="KPU Kabupaten Contoh",
                  sumber_dana=(SumberDana("DIPA", "DIPA APBN"), SumberDana("HIBAH", "Hibah Pilkada")))
FIRST = form.HEADER_ROW + 1  # first data row of every form table


@pytest.fixture(scope="module")
def rak(tmp_path_factory):
    return read_rak(write_rak(tmp_path_factory.mktemp("rak") / "RAK.xlsx"))


def columns(sheet: str, triwulan: int = 1) -> dict[str, str]:
    specs = {form.SHEET_INDIKATOR: form.indikator_columns(), form.SHEET_AKTIVITAS: form.aktivitas_columns(triwulan),
             form.SHEET_ANGGARAN: form.anggaran_columns(triwulan)}[sheet]
    from openpyxl.utils import get_column_letter

    return {spec.key: get_column_letter(i) for i, spec in enumerate(specs, start=1)}


IND = columns(form.SHEET_INDIKATOR)
ACT = columns(form.SHEET_AKTIVITAS)
BUD = columns(form.SHEET_ANGGARAN)


def filled(tmp_path, rak, edits: dict[str, dict[str, object]], triwulan: int = 1, name: str | None = None):
    """A TW form with cells set: {sheet: {"F4": value}}."""
    book = build_form(rak, PROFILE, 2024, triwulan)
    for sheet, cells in edits.items():
        for ref, value in cells.items():
            book[sheet][ref].value = value
    path = tmp_path / (name or form_name(2024, triwulan))
    book.save(path)
    return read_realisasi(path, rak)


def only(real, severity=Severity.ERROR):
    return [p for p in real.problems if p.severity is severity]


def test_form_round_trip(tmp_path, rak):
    real = filled(tmp_path, rak, {
        "Indikator": {f"{IND['realisasi']}{FIRST}": 1, f"{IND['kendala']}{FIRST}": "Jadwal mundur & <revisi>"},
        "Aktivitas": {f"{ACT['status_1']}{FIRST}": "Selesai", f"{ACT['status_2']}{FIRST}": "Dalam Proses"},
        "Anggaran": {f"{BUD['pagu']}{FIRST}": 1_000_000, f"{BUD['rpd_1']}{FIRST}": 100_000,
                     f"{BUD['realisasi_1']}{FIRST}": 90_000},
    })
    assert only(real) == []
    assert (real.satker_kode, real.tahun, real.triwulan) == ("9999", 2024, 1)
    ind = real.indikator.set_index("indikator_kode")
    assert ind.loc["K01.I01", "realisasi"] == 1 and ind.loc["K01.I01", "sumber_sel"] == f"{IND['realisasi']}{FIRST}"
    assert ind.loc["K01.I01", "kendala"] == "Jadwal mundur & <revisi>"
    assert ind.loc["K01.I02", "jenis_nilai"] == "kumulatif"  # a percentage defaults to cumulative
    act = real.aktivitas.set_index(["aktivitas_kode", "bulan"])
    assert act.loc[("K01.I01.A01", 1), "status"] == "Selesai"
    assert pd_isna(act.loc[("K01.I01.A01", 3), "status"])  # left blank: not reported, not "Belum Mulai"
    bud = real.anggaran.set_index(["kegiatan_kode", "sumber_dana", "bulan"])
    assert bud.loc[("K01", "DIPA", 1), "realisasi"] == 90_000 and bud.loc[("K01", "DIPA", 1), "pagu"] == 1_000_000


def test_missing_realisation_is_not_zero(tmp_path, rak):
    real = filled(tmp_path, rak, {})
    assert real.indikator["realisasi"].isna().all()
    assert only(real) == []


def test_forms_carry_codes_drop_downs_and_instructions(tmp_path, rak):
    paths = write_forms(rak, PROFILE, 2024, tmp_path)
    assert [p.name for p in paths] == [f"realisasi-2024-TW{q}.xlsx" for q in range(1, 5)]
    book = load_workbook(paths[2])
    assert book.sheetnames[0] == "Petunjuk"
    assert [c.value for c in book["Aktivitas"][form.HEADER_ROW]][5:8] == ["Status Juli", "Status Agustus",
                                                                          "Status September"]
    assert book["Aktivitas"].data_validations.dataValidation
    assert book["Indikator"][f"{IND['realisasi']}{FIRST}"].protection.locked is False
    assert book["Indikator"][f"{IND['kode']}{FIRST}"].protection.locked is True


def test_forms_print_one_page_wide_with_rows_as_tall_as_their_text(tmp_path, rak):
    book = load_workbook(write_forms(rak, PROFILE, 2024, tmp_path)[0])
    for name in (form.SHEET_INDIKATOR, form.SHEET_AKTIVITAS, form.SHEET_ANGGARAN):
        sheet = book[name]
        assert sheet.sheet_properties.pageSetUpPr.fitToPage and sheet.page_setup.fitToWidth == 1
        assert sheet.page_setup.fitToHeight == 0 and sheet.page_setup.orientation == "landscape"
        assert sheet.print_title_rows == f"${form.HEADER_ROW}:${form.HEADER_ROW}"
    sheet = book[form.SHEET_INDIKATOR]
    heights = {sheet[f"{IND['indikator']}{r}"].value: sheet.row_dimensions[r].height
               for r in range(FIRST, sheet.max_row + 1)}
    width = sheet.column_dimensions[IND["indikator"]].width
    assert all(h >= 15 * (len(text) // width) for text, h in heights.items() if text)  # no text cut off
    assert book[form.SHEET_PETUNJUK].page_setup.orientation == "portrait"


def test_existing_forms_are_not_overwritten(tmp_path, rak):
    write_forms(rak, PROFILE, 2024, tmp_path)
    with pytest.raises(FileExistsError):
        write_forms(rak, PROFILE, 2024, tmp_path)


def test_forms_follow_the_umask_so_colleagues_on_a_share_can_open_them(tmp_path, rak):
    import os
    import stat

    old = os.umask(0o002)
    try:
        paths = write_forms(rak, PROFILE, 2024, tmp_path)
    finally:
        os.umask(old)
    assert {stat.S_IMODE(p.stat().st_mode) for p in paths} == {0o664}


def test_text_that_looks_like_a_formula_stays_text(tmp_path, rak):
    rak.aktivitas.loc[0, "nama"] = '=HYPERLINK("http://x","klik")'
    try:
        book = build_form(rak, PROFILE, 2024, 1)
    finally:
        rak.aktivitas.loc[0, "nama"] = "Penyusunan RKAKL"
    cell = book["Aktivitas"][f"{ACT['aktivitas']}{FIRST}"]
    assert cell.data_type == "s"
    book.save(tmp_path / "f.xlsx")
    assert load_workbook(tmp_path / "f.xlsx")["Aktivitas"][f"{ACT['aktivitas']}{FIRST}"].data_type == "s"


@pytest.mark.parametrize("value, expected", [("1", 1.0), ("2", 2.0), ("1,5", 1.5)])
def test_number_stored_as_text_is_read_with_a_warning(tmp_path, rak, value, expected):
    real = filled(tmp_path, rak, {"Indikator": {f"{IND['realisasi']}{FIRST + 1}": value}})  # K01.I02, percent
    assert real.indikator.set_index("indikator_kode").loc["K01.I02", "realisasi"] == expected
    (warning,) = only(real, Severity.WARNING)
    assert warning.cell == f"{IND['realisasi']}{FIRST + 1}" and "teks" in warning.message


@pytest.mark.parametrize("value", ["95.5", "1,234.5"])
def test_ambiguous_decimal_is_an_error_at_its_cell(tmp_path, rak, value):
    real = filled(tmp_path, rak, {"Indikator": {f"{IND['realisasi']}{FIRST + 1}": value}})
    (problem,) = only(real)
    assert problem.cell == f"{IND['realisasi']}{FIRST + 1}" and problem.header == "Realisasi"
    assert problem.sheet == "Indikator" and problem.file == "realisasi-2024-TW1.xlsx"


def test_percent_in_a_percentage_column_is_read(tmp_path, rak):
    real = filled(tmp_path, rak, {"Indikator": {f"{IND['realisasi']}{FIRST + 1}": "12,5 %"}})
    assert real.indikator.set_index("indikator_kode").loc["K01.I02", "realisasi"] == 12.5


def test_percent_in_a_count_column_is_an_error(tmp_path, rak):
    real = filled(tmp_path, rak, {"Indikator": {f"{IND['realisasi']}{FIRST}": "95%"}})
    (problem,) = only(real)
    assert problem.cell == f"{IND['realisasi']}{FIRST}" and "persen" in problem.message


def test_quantity_with_a_different_unit_is_an_error(tmp_path, rak):
    real = filled(tmp_path, rak, {"Indikator": {f"{IND['realisasi']}{FIRST}": "2 dokumen"}})
    (problem,) = only(real)
    assert problem.cell == f"{IND['realisasi']}{FIRST}" and "satuan" in problem.message


def test_quantity_with_the_same_unit_is_read(tmp_path, rak):
    real = filled(tmp_path, rak, {"Indikator": {f"{IND['realisasi']}{FIRST}": "2 Lap"}})
    assert only(real) == []
    assert real.indikator.set_index("indikator_kode").loc["K01.I01", "realisasi"] == 2


@pytest.mark.parametrize("marker", ["-", "N/A", ""])
def test_missing_markers_in_an_optional_number_are_missing(tmp_path, rak, marker):
    real = filled(tmp_path, rak, {"Indikator": {f"{IND['realisasi']}{FIRST}": marker}})
    assert pd_isna(real.indikator.set_index("indikator_kode").loc["K01.I01", "realisasi"])
    assert only(real) == []


def test_nihil_is_zero_said_so(tmp_path, rak):
    real = filled(tmp_path, rak, {"Indikator": {f"{IND['realisasi']}{FIRST}": "Nihil"}})
    assert real.indikator.set_index("indikator_kode").loc["K01.I01", "realisasi"] == 0
    (warning,) = only(real, Severity.WARNING)
    assert "dibaca sebagai 0" in warning.message and warning.cell == f"{IND['realisasi']}{FIRST}"


def pd_isna(value) -> bool:
    import pandas as pd

    return bool(pd.isna(value))


def test_excel_error_cell_is_an_error_never_empty(tmp_path, rak):
    real = filled(tmp_path, rak, {"Indikator": {f"{IND['realisasi']}{FIRST}": "#DIV/0!"}})
    (problem,) = only(real)
    assert problem.cell == f"{IND['realisasi']}{FIRST}" and "#DIV/0!" in problem.message


def test_formula_cell_is_never_used(tmp_path, rak):
    real = filled(tmp_path, rak, {"Anggaran": {f"{BUD['pagu']}{FIRST}": 5, f"{BUD['realisasi_1']}{FIRST}": "=2+2"}})
    (problem,) = only(real)
    assert problem.cell == f"{BUD['realisasi_1']}{FIRST}" and "rumus" in problem.message


def test_money_with_rp_and_dash_is_read(tmp_path, rak):
    real = filled(tmp_path, rak, {"Anggaran": {f"{BUD['pagu']}{FIRST}": "Rp. 1.544.000.000,-"}})
    assert only(real) == []
    assert real.anggaran["pagu"].dropna().iloc[0] == 1_544_000_000


def test_negative_and_far_above_target(tmp_path, rak):
    real = filled(tmp_path, rak, {"Indikator": {f"{IND['realisasi']}{FIRST}": -1,
                                                f"{IND['realisasi']}{FIRST + 2}": 500}})
    assert [p.cell for p in only(real)] == [f"{IND['realisasi']}{FIRST}"]
    assert [p.cell for p in only(real, Severity.WARNING)] == [f"{IND['realisasi']}{FIRST + 2}"]


def test_duplicate_row_names_both_rows(tmp_path, rak):
    real = filled(tmp_path, rak, {"Indikator": {f"{IND['kode']}{FIRST + 1}": "K01.I01"}})
    problem, missing = only(real)
    assert f"baris {FIRST}" in problem.message and f"baris {FIRST + 1}" in problem.message
    assert "K01.I02" in missing.message  # the row that held K01.I02 no longer does


def test_indicator_not_in_the_rak_is_an_error(tmp_path, rak):
    real = filled(tmp_path, rak, {"Indikator": {f"{IND['kode']}{FIRST}": "K09.I09"}})
    problem, missing = only(real)
    assert "K09.I09" in problem.message and problem.cell == f"{IND['kode']}{FIRST}"
    assert "K01.I01" in missing.message


def test_unknown_status_is_an_error(tmp_path, rak):
    real = filled(tmp_path, rak, {"Aktivitas": {f"{ACT['status_1']}{FIRST}": "hampir"}})
    (problem,) = only(real)
    assert problem.cell == f"{ACT['status_1']}{FIRST}"


@pytest.mark.parametrize("value", [datetime.date(2024, 3, 31), "31/03/2024", 45382])
def test_fill_date_is_read(tmp_path, rak, value):
    assert only(filled(tmp_path, rak, {"Identitas": {"B7": value}})) == []


def test_us_date_is_an_error(tmp_path, rak):
    (problem,) = only(filled(tmp_path, rak, {"Identitas": {"B7": "03/31/2024"}}))
    assert problem.cell == "B7" and problem.sheet == "Identitas"


def test_sheet_renamed_in_case_and_spaces_is_resolved_with_a_warning(tmp_path, rak):
    book = build_form(rak, PROFILE, 2024, 1)
    book["Indikator"].title = "indikator "
    book.save(tmp_path / "f.xlsx")
    real = read_realisasi(tmp_path / "f.xlsx", rak)
    assert only(real) == [] and len(real.indikator) == 3
    assert any("dianggap" in p.message for p in only(real, Severity.WARNING))


def test_missing_sheet_lists_the_sheets_present(tmp_path, rak):
    book = build_form(rak, PROFILE, 2024, 1)
    del book["Anggaran"]
    book.save(tmp_path / "f.xlsx")
    (problem,) = only(read_realisasi(tmp_path / "f.xlsx", rak))
    assert "Anggaran" in problem.message and "Indikator" in problem.message


def test_hidden_sheet_is_read_with_a_warning(tmp_path, rak):
    book = build_form(rak, PROFILE, 2024, 1)
    book["Anggaran"].sheet_state = "hidden"
    book.save(tmp_path / "f.xlsx")
    real = read_realisasi(tmp_path / "f.xlsx", rak)
    assert only(real) == [] and any("tersembunyi" in p.message for p in only(real, Severity.WARNING))


def test_spending_without_pagu_is_an_error(tmp_path, rak):
    real = filled(tmp_path, rak, {"Anggaran": {f"{BUD['realisasi_1']}{FIRST}": 1000}})
    (problem,) = only(real)
    assert problem.cell == f"{BUD['pagu']}{FIRST}" and "pagu kosong" in problem.message


def test_merged_input_cells_are_an_error_naming_the_range(tmp_path, rak):
    book = build_form(rak, PROFILE, 2024, 1)
    book["Indikator"].merge_cells(f"{IND['realisasi']}{FIRST}:{IND['realisasi']}{FIRST + 1}")
    book.save(tmp_path / "f.xlsx")
    (problem,) = only(read_realisasi(tmp_path / "f.xlsx", rak))
    assert problem.cell == f"{IND['realisasi']}{FIRST}:{IND['realisasi']}{FIRST + 1}"


def test_quarters_validated_together_equal_quarters_validated_alone():
    """load_inputs checks the quarters of an office in one validation per table; same frames as one by one."""
    from pathlib import Path

    import pandas as pd

    from tasks.reading.realisasi import TABLES, validate_tables

    sample = Path(__file__).resolve().parents[2] / "data" / "pasaman-barat-2024"
    files = sorted(sample.glob("realisasi-*.xlsx"))
    rak = read_rak(sample / "RAK-2024.xlsx")
    alone = [read_realisasi(f, rak) for f in files]
    together = [read_realisasi(f, rak, validate=False) for f in files]
    validate_tables(together)
    assert len(together) == 4
    for a, b in zip(alone, together, strict=True):
        for name in TABLES:
            pd.testing.assert_frame_equal(getattr(a, name), getattr(b, name))
