"""Reading the RAK as printed: layout variants and the reading cases of BAD_INPUTS.md 1-7, 15, 17."""

from __future__ import annotations

import pytest
from openpyxl import Workbook

from tasks.problems import Severity
from tasks.reading.rak import read_rak
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


# --- every row of the table accounted for (issue 12, item 1) ----------------------------------

PDI = "Sub Bagian Perencanaan, Data dan Informasi"


def write_flat_rak(path, rows, *, months=None, header=None):
    """A RAK with a one-row header and no column-number row: No | Kegiatan | Indikator | Target |
    Aktivitas | B1..B12 | Pelaksana, one list per data row (months as a set of planned months)."""
    book = Workbook()
    ws = book.active
    ws.append(header or ["No", "Sasaran Strategis/Kegiatan", "Indikator Kinerja", "Target",
                         "Kegiatan yang akan dilaksanakan"] + (months or [f"B{m}" for m in range(1, 13)])
              + ["Pelaksana"])
    for no, kegiatan, indikator, target, aktivitas, planned, pelaksana in rows:
        ws.append([no, kegiatan, indikator, target, aktivitas] + ["v" if m in planned else None for m in range(1, 13)]
                  + [pelaksana])
    book.save(path)
    return path


FLAT = [(1, "Perencanaan", "Jumlah dokumen perencanaan", "1 laporan", "Penyusunan RKAKL", {1}, PDI),
        (None, None, None, None, "Revisi anggaran", {2}, PDI),
        ("2", "Pemutakhiran Data", "Jumlah laporan pemutakhiran", "2 laporan", "Rapat pleno", {3}, PDI)]


def accounted_rows(rak, grid) -> set[int]:
    """Rows read as data, rows a problem or note names, and the header's own rows."""
    from tasks.problems import Problems
    from tasks.reading.rak_layout import RakSheet, find_layout

    layout = find_layout(RakSheet(grid, Problems(grid.file)))
    read = set(rak.aktivitas["sumber_baris"]) | set(rak.indikator["sumber_baris"])
    return read | {p.row for p in rak.problems if p.row is not None} | set(
        range(layout.header_row, layout.first_data_row))


@pytest.mark.parametrize("first_no", [1, "1", "1.", "1)", "I"])
def test_one_row_header_keeps_the_first_data_row(tmp_path, first_no):
    rows = [(first_no,) + FLAT[0][1:]] + FLAT[1:]
    rak = read_rak(write_flat_rak(tmp_path / "RAK.xlsx", rows))
    assert errors(rak) == []
    assert list(rak.aktivitas["nama"]) == ["Penyusunan RKAKL", "Revisi anggaran", "Rapat pleno"]
    assert list(rak.indikator["kode"]) == ["K01.I01", "K02.I01"]
    assert rak.indikator.set_index("kode").loc["K01.I01", "nama"] == "Jumlah dokumen perencanaan"


@pytest.mark.parametrize("style", ["digits", "short", "full"])
def test_one_row_header_with_month_names_or_a_month_row_of_its_own(tmp_path, style):
    from tests.builders import month_labels

    if style == "digits":  # months as 1..12 need the 'Rencana Pelaksanaan' heading over them: two rows
        book = Workbook()
        ws = book.active
        ws.append(["No", "Kegiatan", "Indikator Kinerja", "Target", "Rencana Aksi", "Rencana Pelaksanaan"]
                  + [None] * 11 + ["PIC"])
        ws.merge_cells("F1:Q1")
        ws.append([None] * 5 + list(range(1, 13)))
        for no, keg, ind, target, akt, planned, pel in FLAT:
            ws.append([no, keg, ind, target, akt] + ["v" if m in planned else None for m in range(1, 13)] + [pel])
        book.save(tmp_path / "RAK.xlsx")
        path = tmp_path / "RAK.xlsx"
    else:
        path = write_flat_rak(tmp_path / "RAK.xlsx", FLAT, months=month_labels(style))
    rak = read_rak(path)
    assert errors(rak) == [] and len(rak.aktivitas) == 3
    assert sorted(rak.bulan["bulan"]) == [1, 2, 3]


def test_a_data_row_whose_marks_are_digits_is_not_a_second_header_row(tmp_path):
    """Marks '1' under every month of the first data row: digits, but one month label repeated."""
    book = Workbook()
    ws = book.active
    ws.append(["Kegiatan", "Indikator Kinerja", "Target", "Rencana Aksi", "Rencana Pelaksanaan"] + [None] * 11
              + ["Pelaksana"])
    ws.merge_cells("E1:P1")
    ws.append(["Perencanaan", "Jumlah dokumen", "1 laporan", "Penyusunan RKAKL"] + [1] * 12 + [PDI])
    book.save(tmp_path / "RAK.xlsx")
    rak = read_rak(tmp_path / "RAK.xlsx")
    # the months cannot be told without a month row: a located error, and the activity row is not eaten
    assert any("bulan" in p.message for p in errors(rak))
    assert not any(p.row == 2 and "judul" in p.message for p in rak.problems)


@pytest.mark.parametrize("text", ["Ketua KPU melantik anggota PPK", "Sumber daya manusia dilatih",
                                  "Kepala Sub Bagian menyusun laporan", "Catatan hasil rapat disusun"])
def test_activity_text_that_begins_like_a_signature_is_data(tmp_path, text):
    rows = FLAT[:1] + [(None, None, None, None, text, set(), None)] + FLAT[2:]
    rak = read_rak(write_flat_rak(tmp_path / "RAK.xlsx", rows))
    assert text in list(rak.aktivitas["nama"])
    assert "Rapat pleno" in list(rak.aktivitas["nama"])


def test_data_rows_below_the_signature_are_an_error_not_a_note(tmp_path):
    note = ("Keterangan: sel bertanda v = bulan pelaksanaan", None, None, None, None, set(), None)
    rows = FLAT[:2] + [note] + FLAT[2:]
    rak = read_rak(write_flat_rak(tmp_path / "RAK.xlsx", rows))
    (problem,) = errors(rak)
    assert problem.row == 5 and "tidak dibaca" in problem.message and "Rapat pleno" in problem.value


def test_a_total_row_that_holds_an_activity_is_an_error(tmp_path):
    rows = FLAT[:2] + [("Jumlah", None, None, None, "Rekap anggaran", {12}, PDI)]
    (problem,) = errors(read_rak(write_flat_rak(tmp_path / "RAK.xlsx", rows)))
    assert problem.row == 4 and "JUMLAH" in problem.message


def test_planned_months_without_an_activity_name_are_an_error(tmp_path):
    rows = FLAT[:1] + [(None, None, None, None, None, {4, 5}, PDI)] + FLAT[2:]
    (problem,) = errors(read_rak(write_flat_rak(tmp_path / "RAK.xlsx", rows)))
    assert problem.row == 3 and "aktivitas" in problem.message and "kosong" in problem.message


def test_a_shaded_month_left_after_the_activity_name_was_deleted_is_an_error(tmp_path):
    def delete_name(ws):
        ws.cell(row=FIRST_DATA_ROW + 1, column=6).value = None  # 'Revisi anggaran', planned in June (shaded)
    rak = read_rak(write_rak(tmp_path / "RAK.xlsx", mutate=delete_name))
    (problem,) = errors(rak)
    assert problem.row == FIRST_DATA_ROW + 1


def test_an_indicator_without_activities_is_kept_with_a_warning(tmp_path):
    rows = FLAT[:2] + [("2", "Pemutakhiran Data", "Jumlah laporan pemutakhiran", "2 laporan", None, set(), PDI),
                       ("3", "Sosialisasi", "Jumlah peserta sosialisasi", "100 orang", "Sosialisasi pemilih", {5}, PDI)]
    rak = read_rak(write_flat_rak(tmp_path / "RAK.xlsx", rows))
    assert errors(rak) == []
    ind = rak.indikator.set_index("kode")
    assert list(ind.index) == ["K01.I01", "K02.I01", "K03.I01"]
    assert ind.loc["K02.I01", "target_nilai"] == 2
    assert list(rak.aktivitas["indikator_kode"]) == ["K01.I01", "K01.I01", "K03.I01"]
    (warning,) = [p for p in rak.problems if "tanpa aktivitas" in p.message]
    assert warning.row == 4 and warning.severity is Severity.WARNING


def test_a_kegiatan_without_indicators_is_a_warning(tmp_path):
    rows = FLAT[:2] + [("2", "Kegiatan Lain", None, None, None, set(), None)] + [("3",) + FLAT[2][1:]]
    rak = read_rak(write_flat_rak(tmp_path / "RAK.xlsx", rows))
    assert errors(rak) == []
    (warning,) = [p for p in rak.problems if "tanpa indikator" in p.message]
    assert warning.row == 4 and warning.value == "Kegiatan Lain"


def test_activity_rows_without_a_kegiatan_above_are_an_error_not_a_crash(tmp_path):
    rows = [(None, None, "Jumlah dokumen", "1 laporan", "Aktivitas tanpa induk", {1}, PDI)] + FLAT
    rak = read_rak(write_flat_rak(tmp_path / "RAK.xlsx", rows))
    (problem,) = errors(rak)
    assert problem.row == 2 and "tanpa kegiatan" in problem.message
    assert list(rak.aktivitas["nama"]) == ["Penyusunan RKAKL", "Revisi anggaran", "Rapat pleno"]


def test_two_targets_in_one_indicator_block_are_an_error_naming_both(tmp_path):
    rows = FLAT[:1] + [(None, None, None, "3 laporan", "Revisi anggaran", {2}, PDI)] + FLAT[2:]
    (problem,) = errors(read_rak(write_flat_rak(tmp_path / "RAK.xlsx", rows)))
    assert "1 laporan" in problem.message and "3 laporan" in problem.message and problem.cell == "D2"


def test_hidden_rak_rows_are_read_with_a_warning(tmp_path):
    def hide(ws):
        ws.row_dimensions[FIRST_DATA_ROW + 1].hidden = True
    rak = read_rak(write_rak(tmp_path / "RAK.xlsx", mutate=hide))
    assert errors(rak) == [] and len(rak.aktivitas) == 4
    (warning,) = [p for p in rak.problems if "tersembunyi" in p.message]
    assert warning.row == FIRST_DATA_ROW + 1 and warning.severity is Severity.WARNING


@pytest.mark.parametrize("target, satuan, teks, nilai, unit", [
    ("1", "laporan", "1 laporan", 1, "laporan"), (2, "Dokumen", "2 Dokumen", 2, "dokumen"),
    ("95", "%", "95%", 95, "%"), ("100", "persen", "100%", 100, "%"),
    ("1 laporan", "Laporan", "1 laporan", 1, "laporan"),
])
def test_a_separate_satuan_column_gives_the_target_its_unit(tmp_path, target, satuan, teks, nilai, unit):
    header = ["No", "Kegiatan", "Indikator Kinerja", "Target", "Satuan", "Kegiatan yang akan dilaksanakan"] + \
        [f"B{m}" for m in range(1, 13)] + ["Pelaksana"]
    book = Workbook()
    ws = book.active
    ws.append(header)
    ws.append([1, "Perencanaan", "Jumlah dokumen", target, satuan, "Penyusunan RKAKL", "v"] + [None] * 11 + [PDI])
    ws.append([None, None, None, None, None, "Revisi anggaran", None, "v"] + [None] * 10 + [PDI])
    book.save(tmp_path / "RAK.xlsx")
    rak = read_rak(tmp_path / "RAK.xlsx")
    assert errors(rak) == []
    ind = rak.indikator.iloc[0]
    assert (ind["target_teks"], ind["target_nilai"], ind["target_satuan"]) == (teks, nilai, unit)
    assert len(rak.aktivitas) == 2


def test_a_satuan_column_that_disagrees_with_the_target_is_an_error(tmp_path):
    book = Workbook()
    ws = book.active
    ws.append(["No", "Kegiatan", "Indikator Kinerja", "Target", "Satuan", "Rencana Aksi"]
              + [f"B{m}" for m in range(1, 13)] + ["Pelaksana"])
    ws.append([1, "Perencanaan", "Jumlah dokumen", "1 laporan", "%", "Penyusunan RKAKL", "v"] + [None] * 11 + [PDI])
    book.save(tmp_path / "RAK.xlsx")
    (problem,) = errors(read_rak(tmp_path / "RAK.xlsx"))
    assert problem.cell == "D2" and "Satuan" in problem.message


def test_every_row_of_the_sample_rak_is_accounted_for():
    from pathlib import Path

    from tasks.reading.workbook import Workbook as Book

    path = Path(__file__).resolve().parents[2] / "data" / "pasaman-barat-2024" / "RAK-2024.xlsx"
    rak = read_rak(path)
    book = Book(path)
    grid = book.grid(book.sheet_names[0])
    assert set(grid.rows) <= accounted_rows(rak, grid), sorted(set(grid.rows) - accounted_rows(rak, grid))


@pytest.mark.parametrize("variant", ["flat", "printed", "unmerged", "hidden", "signed"])
def test_every_row_under_the_header_is_read_or_listed(tmp_path, variant):
    from tasks.reading.workbook import Workbook as Book

    def sign(ws):
        last = FIRST_DATA_ROW + len(ROWS)
        ws.cell(row=last + 1, column=1, value="Keterangan: arsiran = bulan pelaksanaan")
        ws.cell(row=last + 2, column=15, value="Simpang Empat, 15 Januari 2024")
        ws.cell(row=last + 3, column=6, value="Penyusunan laporan akhir")  # data under the signature
        ws.cell(row=last + 3, column=9, value="v")
        ws.cell(row=last + 3, column=19, value=PDI)

    path = tmp_path / "RAK.xlsx"
    if variant == "flat":
        write_flat_rak(path, FLAT)
    else:
        write_rak(path, merge=variant != "unmerged",
                  mutate={"hidden": lambda ws: setattr(ws.row_dimensions[FIRST_DATA_ROW + 2], "hidden", True),
                          "signed": sign}.get(variant))
    rak = read_rak(path)
    book = Book(path)
    grid = book.grid(book.sheet_names[0])
    assert set(grid.rows) <= accounted_rows(rak, grid), sorted(set(grid.rows) - accounted_rows(rak, grid))
    if variant == "signed":
        assert any(p.row == FIRST_DATA_ROW + len(ROWS) + 3 for p in errors(rak))
