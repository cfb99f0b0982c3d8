"""Cross-file checks on tiny inline tables: a funding source's pagu against its total in profil.toml."""

from __future__ import annotations

import pandas as pd
import pytest

from tasks.problems import Severity
from tasks.reading.checks import pagu_total_checks, rupiah
from tasks.reading.profile import SumberDana
from tasks.reading.realisasi import Realisasi

FUNDS = (SumberDana("DIPA", "DIPA APBN"), SumberDana("HIBAH", "Hibah Pilkada (NPHD)", 30_050_000_000))


def form(triwulan: int, pagu: dict[tuple[str, str], float | None]) -> Realisasi:
    """A quarter's form whose Anggaran sheet holds `pagu` per (kegiatan, source), three months each."""
    rows = [{"kegiatan_kode": k, "sumber_dana": s, "pagu": p, "bulan": 3 * (triwulan - 1) + m,
             "sel_pagu": f"D{4 + i}"} for i, ((k, s), p) in enumerate(pagu.items()) for m in (1, 2, 3)]
    return Realisasi(file=f"realisasi-2024-TW{triwulan}.xlsx", triwulan=triwulan, anggaran=pd.DataFrame(rows))


def test_pagu_adding_up_to_the_total_is_quiet():
    latest = form(4, {("K01", "HIBAH"): 20_000_000_000, ("K01", "DIPA"): None, ("K02", "HIBAH"): 10_050_000_000,
                      ("K02", "DIPA"): 145_000_000})
    assert pagu_total_checks([latest], FUNDS) == []


def test_a_total_that_differs_is_a_warning_naming_the_source_the_amounts_and_the_sheet():
    early = form(1, {("K01", "HIBAH"): 30_050_000_000})  # matched in TW I, revised since: TW IV is judged
    latest = form(4, {("K01", "HIBAH"): 20_000_000_000, ("K02", "HIBAH"): 9_195_000_000, ("K02", "DIPA"): 1})
    (problem,) = pagu_total_checks([latest, early], FUNDS)
    assert problem.severity is Severity.WARNING
    assert (problem.file, problem.sheet, problem.cell) == ("realisasi-2024-TW4.xlsx", "Anggaran", "D4:D5")
    assert "HIBAH" in problem.message and "Rp29.195.000.000" in problem.message
    assert "Rp30.050.000.000" in problem.message and "Rp855.000.000" in problem.message


def test_a_source_without_a_total_or_without_forms_is_not_judged():
    assert pagu_total_checks([form(2, {("K01", "DIPA"): 5})], (SumberDana("DIPA", "DIPA APBN"),)) == []
    assert pagu_total_checks([], FUNDS) == []
    (problem,) = pagu_total_checks([form(2, {("K01", "DIPA"): 5})], FUNDS)  # no HIBAH row at all: Rp0
    assert "Rp0 " in problem.message


@pytest.mark.parametrize("amount, text", [(29_195_000_000, "Rp29.195.000.000"), (0, "Rp0"), (1234.5, "Rp1.234,50"),
                                          (-5_000, "-Rp5.000")])
def test_rupiah_is_written_the_indonesian_way(amount, text):
    assert rupiah(amount) == text


def test_an_absorption_indicator_against_the_anggaran_sheets(sample_inputs):
    """The sample's K02.I02 reports what its Anggaran sheets give; the same forms with the figure
    typed as 85,5 in TW IV are one warning, at that cell."""
    from dataclasses import replace

    from tasks.reading.checks import absorption_checks

    assert absorption_checks(sample_inputs.realisasi, sample_inputs.rak) == []
    tw4 = next(r for r in sample_inputs.realisasi if r.triwulan == 4)
    table = tw4.indikator.copy()
    table.loc[table["indikator_kode"] == "K02.I02", "realisasi"] = 85.5
    forms = [replace(r, indikator=table) if r is tw4 else r for r in sample_inputs.realisasi]
    (problem,) = absorption_checks(forms, sample_inputs.rak)
    cell = table.loc[table["indikator_kode"] == "K02.I02", "sumber_sel"].iloc[0]
    assert problem.severity is Severity.WARNING and (problem.file, problem.cell) == (tw4.file, cell)
    assert "85,50%" in problem.message and "84,97%" in problem.message and problem.hint


def test_the_attribute_line_asked_for_is_in_the_files_own_layout():
    from tasks.reading.checks import attribute_line

    values = {"kode": "K01.I08", "indikator": "Tingkat kepatuhan, kampanye", "polaritas": "+", "agregasi": "LAST",
              "jenis_nilai": "kumulatif"}
    assert attribute_line(("kode;polaritas;agregasi;jenis_nilai;target_tw1",), values) == "K01.I08;+;LAST;kumulatif;"
    quoted = 'K01.I08,"Tingkat kepatuhan, kampanye",+,LAST'
    assert attribute_line(("kode,indikator,polaritas,agregasi",), values) == quoted
    assert attribute_line((), values) == "K01.I08;+;LAST;kumulatif"  # no file yet: the shortest valid line


def test_pasting_the_lines_asked_for_settles_every_inferred_attribute(tmp_path):
    from tasks.reading.office import load_inputs
    from tests.builders import settled_copy

    folder = settled_copy(tmp_path / "office")
    assert not [p for p in load_inputs([folder], 2024).problems if "diduga" in p.message]
