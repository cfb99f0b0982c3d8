"""The problems workbook, the annotated copies of the office's workbooks, the status file."""

from __future__ import annotations

import hashlib

from openpyxl import Workbook, load_workbook

from tasks.problems import Problem, Severity
from tasks.publishing.feedback import (
    ANNOTATED_DIR,
    LIST_SHEET,
    annotate_inputs,
    annotated_name,
    cell_of,
    clear_feedback,
    shown,
    write_problems_workbook,
    write_status,
)


def form(path, value="12"):
    book = Workbook()
    book.active.title = "Indikator"
    book["Indikator"]["F4"] = value
    book.create_sheet("Anggaran")
    book.save(path)
    return path


def bad(cell="F4", sheet="Indikator", severity=Severity.ERROR, file="TW1.xlsx", value="sembilan"):
    return Problem(file=file, message="bukan angka", severity=severity, sheet=sheet, cell=cell, value=value,
                   hint="tulis angkanya")


def test_the_problems_workbook_lists_every_problem_with_text_never_a_formula(tmp_path):
    problems = [bad(), bad(cell="G5", value="=HYPERLINK(\"x\")", severity=Severity.WARNING)]
    path = write_problems_workbook(problems, tmp_path / "Daftar.xlsx", "Masalah")
    ws = load_workbook(path).active
    rows = [[c.value for c in row] for row in ws.iter_rows(min_row=3)]
    assert rows[0] == ["GALAT", "TW1.xlsx", "Indikator", "F4", None, "sembilan", "bukan angka", "tulis angkanya"]
    assert rows[1][0] == "PERINGATAN" and ws["F4"].data_type == "s" and ws["F4"].value.startswith("=")


def test_an_annotated_copy_marks_and_comments_the_cell_and_leaves_the_source_alone(tmp_path):
    source = form(tmp_path / "TW1.xlsx")
    digest = hashlib.sha256(source.read_bytes()).hexdigest()
    written, skipped = annotate_inputs(tmp_path, [bad(), bad(severity=Severity.WARNING)], tmp_path / "out")
    assert written == [tmp_path / "out" / "TW1-ditandai.xlsx"] and skipped == []
    book = load_workbook(written[0])
    cell = book["Indikator"]["F4"]
    assert cell.comment.text.count("bukan angka") == 2 and "Saran: tulis angkanya" in cell.comment.text
    assert cell.fill.fgColor.rgb.endswith("F8CBAD")  # the worst of the two: an error
    assert book.sheetnames[0] == LIST_SHEET and book[LIST_SHEET]["B3"].hyperlink.location == "'Indikator'!F4"
    assert hashlib.sha256(source.read_bytes()).hexdigest() == digest


def test_problems_without_a_cell_or_in_an_unreadable_workbook_are_not_copied(tmp_path):
    (tmp_path / "rusak.xlsx").write_bytes(b"bukan zip")
    form(tmp_path / "TW1.xlsx")
    written, skipped = annotate_inputs(tmp_path, [bad(file="rusak.xlsx"), bad(cell=""), bad(sheet="Tidak Ada")],
                                       tmp_path / "out")
    assert skipped == ["rusak.xlsx"]
    assert written == [tmp_path / "out" / "TW1-ditandai.xlsx"]  # the sheet missing: copied unmarked
    assert load_workbook(written[0])["Indikator"]["F4"].comment is None


def test_names_and_cells():
    assert annotated_name("realisasi 2024 TW1.xlsx") == "realisasi-2024-TW1-ditandai.xlsx"
    assert annotated_name("../../x.xlsm") == "x-ditandai.xlsm"
    assert cell_of(bad(cell="B4:D4")) == "B4" and cell_of(bad(cell="baris 4")) is None
    assert shown([bad(), bad(), bad(severity=Severity.INFO)]) == [bad()]


def test_status_file_is_for_notepad_and_clearing_removes_the_copies(tmp_path):
    path = write_status(tmp_path / "STATUS.txt", "Hasil: SELESAI\nBaris dua")
    assert path.read_bytes() == "\ufeffHasil: SELESAI\r\nBaris dua\r\n".encode("utf-8")
    workbook = tmp_path / "Daftar.xlsx"
    workbook.write_bytes(b"x")
    (tmp_path / ANNOTATED_DIR).mkdir()
    (tmp_path / ANNOTATED_DIR / "TW1-ditandai.xlsx").write_bytes(b"x")
    assert len(clear_feedback(tmp_path, workbook)) == 2
    assert not workbook.exists() and not (tmp_path / ANNOTATED_DIR).exists()
    assert clear_feedback(tmp_path, workbook) == []
