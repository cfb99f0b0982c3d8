"""The scorecard for people: the .xlsx staff open and the markdown Prefect shows."""

from __future__ import annotations

import os

import pytest
from openpyxl import load_workbook

from tasks.files import TMP_PREFIX
from tasks.reporting.scorecard import Kriteria, scorecard_lines, scorecard_markdown, write_scorecard

CRITERIA = [
    Kriteria("3.b.1", "Selaras dengan Perjanjian Kinerja", "lulus", "4 indikator PK ada.", ""),
    Kriteria("3.b.7-F", "Analisis khas", "gagal", "=SUM(A1:A9) di 5 indikator | dua\nbaris", "+tulis ulang"),
    Kriteria("3.a.4", "LKIP direviu APIP", "peringatan", "Tidak ada halaman reviu.", "@reviu dulu"),
]


def test_the_workbook_is_readable_and_never_holds_a_formula(tmp_path):
    path = write_scorecard(CRITERIA, tmp_path / "LKIP-2024-penilaian.xlsx")
    ws = load_workbook(path).active
    assert [c.value for c in ws[1]] == ["No. LKE", "Kriteria", "Hasil", "Temuan", "Saran perbaikan"]
    assert ws.freeze_panes == "A2"
    assert [ws.cell(row=r, column=3).value for r in (2, 3, 4)] == ["Lulus", "Gagal", "Peringatan"]
    formula_like = ws.cell(row=3, column=4)
    assert formula_like.value.startswith("=SUM(") and formula_like.data_type == "s"
    assert ws.cell(row=3, column=5).data_type == "s" and ws.cell(row=4, column=5).value == "@reviu dulu"
    assert all(ws.cell(row=r, column=4).alignment.wrap_text for r in (2, 3, 4))
    assert ws.column_dimensions["D"].width >= 60
    assert ws.row_dimensions[2].height == 15 and ws.row_dimensions[3].height >= 30  # two lines of text
    assert ws.cell(row=6, column=1).value == "Ringkasan: 1 lulus, 1 peringatan, 1 gagal dari 3 kriteria"


def test_the_workbook_is_written_atomically(tmp_path):
    target = tmp_path / "penilaian.xlsx"
    target.write_bytes(b"old")
    write_scorecard(CRITERIA, target)
    assert load_workbook(target).active.max_row == 6
    assert not [n for n in os.listdir(tmp_path) if n.startswith(TMP_PREFIX)]


def test_the_same_criteria_give_the_same_bytes(tmp_path):
    first = write_scorecard(CRITERIA, tmp_path / "a.xlsx").read_bytes()
    assert write_scorecard(CRITERIA, tmp_path / "b.xlsx").read_bytes() == first


def test_a_failed_write_leaves_the_previous_file(tmp_path, monkeypatch):
    target = tmp_path / "penilaian.xlsx"
    target.write_bytes(b"old")

    def broken(self, filename):
        raise OSError("disk full")

    monkeypatch.setattr("openpyxl.workbook.workbook.Workbook.save", broken)
    with pytest.raises(OSError):
        write_scorecard(CRITERIA, target)
    assert target.read_bytes() == b"old" and os.listdir(tmp_path) == ["penilaian.xlsx"]


def test_markdown_has_the_summary_and_one_row_per_criterion():
    text = scorecard_markdown(CRITERIA)
    lines = text.splitlines()
    assert lines[0] == "**Penilaian LKIP terhadap LKE: 1 lulus, 1 peringatan, 1 gagal dari 3 kriteria**"
    rows = [line for line in lines if line.startswith("| 3.")]
    assert len(rows) == 3
    assert "=SUM(A1:A9) di 5 indikator \\| dua baris" in rows[1]  # a pipe or a newline cannot break the table
    assert "❌ Gagal" in rows[1] and "✅ Lulus" in rows[0] and "⚠️ Peringatan" in rows[2]


def test_the_console_lines_give_every_criterion_and_what_to_fix():
    lines = scorecard_lines(CRITERIA)
    assert lines[0] == ("Penilaian LKIP terhadap LKE: 1 lulus, 1 peringatan, 1 gagal dari 3 kriteria", False)
    assert [fine for _, fine in lines[1:]] == [True, False, False]
    assert lines[1][0] == "  [Lulus] 3.b.1 Selaras dengan Perjanjian Kinerja: 4 indikator PK ada."
    assert lines[3][0].endswith("Tidak ada halaman reviu. Perbaikan: @reviu dulu")
    assert scorecard_lines(CRITERIA[:1])[0][1]  # all met: the summary is fine too
