"""Reading the RAK as printed: layout variants and the reading cases of BAD_INPUTS.md 1-7, 15, 17."""

from __future__ import annotations

import pytest
from openpyxl import Workbook

from tasks.problems import Severity
from tasks.rak import read_rak
from tests.builders import FIRST_DATA_ROW, ROWS, write_rak


def errors(rak):
    return [p for p in rak.problems if p.severity is Severity.ERROR]


def messages(rak, severity=None):
    return [p.message for p in rak.problems if severity is None or p.severity is severity]


@pytest.fixture
def rak_path(tmp_path):
    return write_rak(tmp_path / "RAK.xlsx")


def test_reads_the_printed_layout(rak_path):
    rak = read_rak(rak_path)
    assert errors(rak) == []
    assert list(rak.kegiatan["kode"]) == ["K01", "K02"]
    assert list(rak.indikator["kode"]) == ["K01.I01", "K01.I02", "K02.I01"]
    assert list(rak.aktivitas["kode"]) == ["K01.I01.A01", "K01.I01.A02", "K01.I02.A01", "K02.I01.A01"]
    assert rak.tahun == 2024


def test_merged_blocks_are_filled_down(rak_path):
    rak = read_rak(rak_path)
    second = rak.aktivitas.iloc[1]
    assert second["nama"] == "Revisi anggaran" and second["indikator_kode"] == "K01.I01"
    assert rak.raw.iloc[1]["target"] == "2 laporan"
    assert rak.raw.iloc[1]["kegiatan"] == "Perencanaan Penganggaran Pemilu"


def test_targets_are_parsed_with_their_cell(rak_path):
    ind = read_rak(rak_path).indikator.set_index("kode")
    assert (ind.loc["K01.I01", "target_nilai"], ind.loc["K01.I01", "target_satuan"]) == (2, "laporan")
    assert (ind.loc["K01.I02", "target_nilai"], ind.loc["K01.I02", "target_satuan"]) == (95, "%")
    assert (ind.loc["K02.I01", "target_min"], ind.loc["K02.I01", "target_max"]) == (80, 90)
    assert ind.loc["K01.I01", "target_sel"] == f"E{FIRST_DATA_ROW}"


def test_budget_code_is_split_from_the_kegiatan_name(rak_path):
    keg = read_rak(rak_path).kegiatan.set_index("kode")
    assert keg.loc["K02", "nama"] == "Pembentukan Badan Adhoc"
    assert keg.loc["K02", "kode_anggaran"] == "3360"


def test_shaded_months_are_planned(rak_path):
    bulan = read_rak(rak_path).bulan
    assert sorted(bulan[bulan["aktivitas_kode"] == "K01.I02.A01"]["bulan"]) == [3, 6, 9, 12]


@pytest.mark.parametrize("mark", ["v", "√", "✓", "x", "1", "•", "V"])
def test_any_mark_means_planned(tmp_path, mark):
    rak = read_rak(write_rak(tmp_path / "RAK.xlsx", mark=mark))
    assert sorted(rak.bulan[rak.bulan["aktivitas_kode"] == "K01.I01.A01"]["bulan"]) == [1, 2]


@pytest.mark.parametrize("style", ["B", "digits", "short", "full"])
def test_month_label_styles(tmp_path, style):
    rak = read_rak(write_rak(tmp_path / "RAK.xlsx", months=style))
    assert errors(rak) == []
    assert len(rak.bulan) == 2 + 1 + 4 + 2


def test_header_wording_aliases(tmp_path):
    def reword(ws):
        ws["C4"] = "Indikator Kinerja"
        ws["S4"] = "Penanggung Jawab"
        ws["F4"] = "Rencana Aksi"
    rak = read_rak(write_rak(tmp_path / "RAK.xlsx", mutate=reword))
    assert errors(rak) == [] and len(rak.aktivitas) == 4


def test_header_found_wherever_it_starts(tmp_path):
    rak = read_rak(write_rak(tmp_path / "RAK.xlsx", title=False))
    assert errors(rak) == [] and len(rak.aktivitas) == 4


def test_missing_required_column_names_it_and_lists_headers(tmp_path):
    def drop_target(ws):
        ws.unmerge_cells("E4:E5")
        ws["E4"] = "Catatan"
    rak = read_rak(write_rak(tmp_path / "RAK.xlsx", mutate=drop_target))
    (problem,) = errors(rak)
    assert "Target" in problem.message and "Catatan" in problem.message and "Pelaksana" in problem.message


def test_repeated_header_and_number_row_are_skipped_and_listed(tmp_path):
    rows = ROWS[:2]
    rak_path = write_rak(tmp_path / "RAK.xlsx", rows=rows, merge=False)
    from openpyxl import load_workbook

    book = load_workbook(rak_path)
    ws = book.active
    ws.insert_rows(FIRST_DATA_ROW + 1, 3)  # a page break: header repeated, typed in again
    for col in range(1, 20):
        ws.cell(row=FIRST_DATA_ROW + 1, column=col, value=ws.cell(row=4, column=col).value)
        ws.cell(row=FIRST_DATA_ROW + 2, column=col, value=ws.cell(row=5, column=col).value)
        ws.cell(row=FIRST_DATA_ROW + 3, column=col, value=ws.cell(row=6, column=col).value)
    book.save(rak_path)
    rak = read_rak(rak_path)
    assert errors(rak) == []
    assert list(rak.aktivitas["nama"]) == ["Penyusunan RKAKL", "Revisi anggaran"]
    notes = messages(rak, Severity.INFO)
    assert any("berulang" in m for m in notes) and any("nomor kolom" in m for m in notes)


def test_rows_below_the_table_are_not_data(tmp_path):
    def sign(ws):
        last = FIRST_DATA_ROW + len(ROWS)
        ws.cell(row=last, column=1, value="JUMLAH")
        ws.cell(row=last + 2, column=1, value="Keterangan: sel berarsir = bulan pelaksanaan")
        ws.cell(row=last + 3, column=15, value="Simpang Empat, 15 Januari 2024")
        ws.cell(row=last + 4, column=15, value="KETUA KPU KABUPATEN CONTOH")
        ws.cell(row=last + 6, column=15, value="NAMA KETUA")
    rak = read_rak(write_rak(tmp_path / "RAK.xlsx", mutate=sign))
    assert errors(rak) == [] and len(rak.aktivitas) == 4
    notes = messages(rak, Severity.INFO)
    assert any("JUMLAH" in m for m in notes) and any("tanda tangan" in m for m in notes)


def test_hidden_helper_column_is_ignored(tmp_path):
    def helper(ws):
        ws["T4"] = "Target"  # a helper column that would clash with the real Target
        ws["T7"] = "999 laporan"
        ws.column_dimensions["T"].hidden = True
    rak = read_rak(write_rak(tmp_path / "RAK.xlsx", mutate=helper))
    assert errors(rak) == []
    assert rak.indikator.iloc[0]["target_nilai"] == 2


def test_merge_outside_block_columns_is_an_error_naming_the_range(tmp_path):
    def bad_merge(ws):
        ws.merge_cells(f"F{FIRST_DATA_ROW}:F{FIRST_DATA_ROW + 1}")
    rak = read_rak(write_rak(tmp_path / "RAK.xlsx", mutate=bad_merge))
    assert any(p.cell == f"F{FIRST_DATA_ROW}:F{FIRST_DATA_ROW + 1}" for p in errors(rak))


def test_unmerged_block_values_written_once_are_carried_down(tmp_path):
    def blank(ws):
        for col in (1, 2, 3, 4, 5):
            ws.cell(row=FIRST_DATA_ROW + 1, column=col).value = None
    rak = read_rak(write_rak(tmp_path / "RAK.xlsx", rows=ROWS[:2], merge=False, mutate=blank))
    assert errors(rak) == []
    assert list(rak.aktivitas["indikator_kode"]) == ["K01.I01", "K01.I01"]


def test_duplicate_indicator_names_both_rows(tmp_path):
    rows = ROWS[:1] + [ROWS[2]] + [(1, ROWS[0][1], 1, ROWS[0][3], "2 laporan", "Lagi", [5], ROWS[0][7])]
    rak = read_rak(write_rak(tmp_path / "RAK.xlsx", rows=rows, merge=False))
    (problem,) = [p for p in errors(rak) if "ganda" in p.message]
    assert str(FIRST_DATA_ROW) in problem.message and str(FIRST_DATA_ROW + 2) in problem.message


def test_missing_target_is_an_error_at_its_cell(tmp_path):
    def blank(ws):
        ws.cell(row=FIRST_DATA_ROW + 2, column=5).value = None
    rak = read_rak(write_rak(tmp_path / "RAK.xlsx", mutate=blank))
    (problem,) = errors(rak)
    assert problem.cell == f"E{FIRST_DATA_ROW + 2}" and "kosong" in problem.message


def test_unknown_pelaksana_is_kept_with_a_warning(tmp_path):
    rak = read_rak(write_rak(tmp_path / "RAK.xlsx", mutate=lambda ws: ws.cell(row=FIRST_DATA_ROW, column=19,
                                                                               value="Bagian Rahasia")))
    assert errors(rak) == []
    assert rak.aktivitas.iloc[0]["pelaksana"] == "Bagian Rahasia"
    (warning,) = [p for p in rak.problems if "tidak dikenal" in p.message]
    assert warning.cell == f"S{FIRST_DATA_ROW}"


def test_pelaksana_aliases_are_normalised(tmp_path):
    rak = read_rak(write_rak(tmp_path / "RAK.xlsx", mutate=lambda ws: ws.cell(
        row=FIRST_DATA_ROW, column=19, value="Subbag  Perencanaan Data dan Informasi")))
    assert rak.aktivitas.iloc[0]["pelaksana"] == "Sub Bagian Perencanaan, Data dan Informasi"
    assert rak.aktivitas.iloc[0]["pelaksana_kode"] == "PDI"


def test_invisible_characters_are_normalised(tmp_path):
    def dirty(ws):
        ws.cell(row=FIRST_DATA_ROW, column=6, value="Penyusunan\xa0RKAKL\u200b ")
        ws["C4"] = "Indikator_x000B_Kinerja Kegiatan "
    rak = read_rak(write_rak(tmp_path / "RAK.xlsx", mutate=dirty))
    assert errors(rak) == [] and rak.aktivitas.iloc[0]["nama"] == "Penyusunan RKAKL"


def test_rak_on_a_renamed_or_second_sheet_is_found(tmp_path):
    path = write_rak(tmp_path / "RAK.xlsx")
    from openpyxl import load_workbook

    book = load_workbook(path)
    book.active.title = "rak 2024 "
    book.create_sheet("Catatan", 0)["A1"] = "bukan tabel"
    book.save(path)
    rak = read_rak(path)
    assert errors(rak) == [] and rak.aktivitas.iloc[0]["sumber_sheet"] == "rak 2024 "


def test_no_rak_sheet_lists_the_sheets_present(tmp_path):
    book = Workbook()
    book.active.title = "Lembar1"
    book.active["A1"] = "tidak ada tabel"
    book.create_sheet("Lembar2")
    book.save(tmp_path / "RAK.xlsx")
    (problem,) = errors(read_rak(tmp_path / "RAK.xlsx"))
    assert "Lembar1" in problem.message and "Lembar2" in problem.message


def test_stray_formatted_cell_far_below_is_harmless(tmp_path):
    from openpyxl.styles import PatternFill

    def stray(ws):
        ws["A1048576"].fill = PatternFill("solid", fgColor="FFFF00")
    rak = read_rak(write_rak(tmp_path / "RAK.xlsx", mutate=stray))
    assert errors(rak) == [] and len(rak.aktivitas) == 4


def test_activity_without_months_is_a_warning(tmp_path):
    rows = [ROWS[0][:6] + ([],) + ROWS[0][7:]]
    rak = read_rak(write_rak(tmp_path / "RAK.xlsx", rows=rows))
    assert errors(rak) == []
    assert any("tanpa bulan" in m for m in messages(rak, Severity.WARNING))


@pytest.mark.parametrize("value, number_format, nilai, satuan", [
    (1, "0%", 100, "%"), (0.95, "0%", 95, "%"), (0.955, "0.0%", 95.5, "%"), (0.95, "General", 0.95, ""),
    (1234, "#,##0", 1234, ""), (30050000000, "#,##0", 30050000000, ""),
])
def test_numeric_target_cells_are_read_exactly(tmp_path, value, number_format, nilai, satuan):
    def numeric(ws):
        cell = ws.cell(row=FIRST_DATA_ROW + 2, column=5)
        cell.value = value
        cell.number_format = number_format
    rak = read_rak(write_rak(tmp_path / "RAK.xlsx", mutate=numeric))
    assert errors(rak) == []
    ind = rak.indikator.set_index("kode").loc["K01.I02"]
    assert ind["target_nilai"] == pytest.approx(nilai) and ind["target_satuan"] == satuan


@pytest.mark.parametrize("cell, value, word", [("H8", "#REF!", "galat Excel #REF!"), ("E7", "#N/A", "galat Excel"),
                                              ("G7", "=1+1", "rumus")])
def test_error_and_formula_cells_in_the_rak_are_reported(tmp_path, cell, value, word):
    rak = read_rak(write_rak(tmp_path / "RAK.xlsx", mutate=lambda ws: ws.__setitem__(cell, value)))
    assert any(p.cell == cell and word in p.message for p in errors(rak))


def test_negative_target_is_an_error(tmp_path):
    def negative(ws):
        ws.cell(row=FIRST_DATA_ROW + 2, column=5).value = "-5%"
    (problem,) = errors(read_rak(write_rak(tmp_path / "RAK.xlsx", mutate=negative)))
    assert problem.cell == f"E{FIRST_DATA_ROW + 2}" and "negatif" in problem.message


def test_rak_on_a_hidden_sheet_is_read_with_a_warning(tmp_path):
    from openpyxl import load_workbook

    path = write_rak(tmp_path / "RAK.xlsx")
    book = load_workbook(path)
    book.create_sheet("Sampul", 0)["A1"] = "sampul"
    book["RAK"].sheet_state = "hidden"
    book.save(path)
    rak = read_rak(path)
    assert errors(rak) == [] and len(rak.aktivitas) == 4
    assert any("tersembunyi" in p.message for p in rak.problems if p.severity is Severity.WARNING)
