"""The LKIP's lineage workbook: every printed figure with what it was computed from and its cells."""

from __future__ import annotations

import dataclasses
import zipfile

import openpyxl
import pytest

from tasks.measuring.figures import Period, measure
from tasks.reporting.lineage import write_lineage


@pytest.fixture(scope="module")
def measures(sample_inputs):
    return measure(sample_inputs, Period(2024))


def test_each_indicator_with_its_figures_and_cells(sample_inputs, measures, tmp_path):
    path = write_lineage(sample_inputs, measures, tmp_path / "LKIP-2024-sumber.xlsx")
    book = openpyxl.load_workbook(path)
    assert book.sheetnames == ["Keterangan", "Indikator", "Triwulan", "Anggaran", "Efisiensi", "Jadwal",
                               "Aktivitas", "Perbandingan"]
    ws = book["Indikator"]
    header = [c.value for c in ws[1]]
    rows = [dict(zip(header, (c.value for c in row))) for row in ws.iter_rows(min_row=2)]
    assert len(rows) == len(measures.capaian) == 46
    for row, rec in zip(rows, measures.capaian.itertuples()):
        assert (row["Kode"], row["Indikator"], row["Status"]) == (rec.kode, rec.indikator, rec.status)
        if rec.capaian == rec.capaian:
            assert row["Capaian"] == pytest.approx(rec.capaian)
        else:  # not measurable: an empty cell, never 0
            assert row["Capaian"] is None
        assert row["Sel target"].startswith("RAK-2024.xlsx!")
        assert all(cell.count("!") == 2 for cell in (row["Sel realisasi"] or "").split("; ") if cell)
    pagu = [r for r in book["Anggaran"].iter_rows(min_row=2, values_only=True)]
    assert pagu and all(isinstance(r[4], (int, float)) for r in pagu)  # amounts are numbers a staffer can sum
    assert [r for r in book["Perbandingan"].iter_rows(min_row=2, values_only=True) if r[2].startswith("pembanding")]


def test_text_from_the_inputs_never_becomes_a_formula(sample_inputs, measures, tmp_path):
    evil = '=HYPERLINK("http://example.invalid","klik")'
    capaian = measures.capaian.copy()
    capaian.loc[capaian.index[0], "indikator"] = evil
    path = write_lineage(sample_inputs, dataclasses.replace(measures, capaian=capaian), tmp_path / "x.xlsx")
    with zipfile.ZipFile(path) as z:
        xml = "".join(z.read(n).decode() for n in z.namelist() if n.startswith("xl/worksheets/"))
    assert "<f>" not in xml and "<f " not in xml
    assert openpyxl.load_workbook(path)["Indikator"]["C2"].value == evil


def test_the_same_figures_give_the_same_bytes(sample_inputs, measures, tmp_path):
    a = write_lineage(sample_inputs, measures, tmp_path / "a.xlsx").read_bytes()
    assert write_lineage(sample_inputs, measures, tmp_path / "b.xlsx").read_bytes() == a
