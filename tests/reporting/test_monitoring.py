"""The monthly report as a monitoring tool (issue 15 items 3-8): on track or behind with why, next
month, the budget per funding source, the computed summary, the signer, short names, and the
quarterly measurement reports."""

from __future__ import annotations

import dataclasses

import pytest

from tasks.measuring.figures import Period, compute_figures
from tasks.reading.profile import Penandatangan, SubUnit
from tasks.reporting.bulanan import bulanan_context, monthly_signers
from tasks.reporting.context import office_view
from tasks.reporting.documents import report_periods
from tasks.reporting.triwulan import triwulan_context

NO_CHARTS = {k: {"path": "", "lebar_cm": 15.5, "keterangan": ""} for k in ("jadwal", "capaian", "anggaran")}


@pytest.fixture(scope="module")
def contexts(sample_inputs):
    periods = [Period(2024, bulan=b) for b in (2, 3, 6, 8, 12)] + [Period(2024, triwulan=2)]
    figures = compute_figures(sample_inputs, periods)
    view = office_view(sample_inputs, figures)
    out = {p.bulan: bulanan_context(sample_inputs, figures[p], view, NO_CHARTS, False) for p in periods if p.bulan}
    out["TW2"] = triwulan_context(sample_inputs, figures[Period(2024, triwulan=2)], view, NO_CHARTS, False)
    return out


def test_each_indicator_has_a_status_against_what_is_due_and_why(contexts):
    june = {i["kode"]: i for i in contexts[6]["indikator"]}
    assert june["K01.I05"]["kemajuan"] == "Tertinggal" and "belum selesai" in june["K01.I05"]["alasan"]
    assert june["K02.I02"]["target_jatuh_tempo"] == "45,00%"  # the per-quarter target of the attribute file
    assert {i["kemajuan"] for i in contexts[2]["indikator"]} == {"Belum diukur"}
    assert not contexts[2]["indikator_diukur"] and contexts[3]["indikator_diukur"]
    reasons = [i["alasan"] for i in contexts[6]["indikator"]]
    assert len(set(reasons)) > 10  # built from each indicator's own figures


def test_next_month_lists_the_planned_activities_with_their_sub_unit(contexts):
    august = contexts[8]["berikutnya"]
    assert august["bulan"] == "September" and august["aktivitas"]
    assert all(a["pelaksana"].startswith(("Subbag", "Semua")) for a in august["aktivitas"])
    assert "September" in august["paragraf"]
    december = contexts[12]["berikutnya"]
    assert december["aktivitas"] == [] and "bulan terakhir" in december["paragraf"]


def test_budget_per_funding_source_with_pagu_rpd_deviation_in_rupiah_and_percent(contexts):
    anggaran = contexts[8]["anggaran"]
    assert [s["nama"] for s in anggaran] == ["DIPA APBN (BA 076)", "Hibah Pilkada (NPHD)"]
    row = anggaran[1]["subtotal"]
    assert row["pagu"] == "Rp30.050.000.000" and row["deviasi"].startswith("-Rp")
    assert row["deviasi_persen"].endswith("%")
    total = contexts[8]["anggaran_total"]
    assert total["realisasi"] == contexts[8]["ringkasan"]["realisasi_sd"]  # the table and the summary agree


def test_summary_says_what_is_behind_who_and_the_budget(contexts):
    june = contexts[6]["ringkasan"]
    text = " ".join(june["paragraf"])
    assert "terlambat" in text and "tertinggal" in text and "penanggung jawab" in text
    assert june["deviasi_persen"] in " ".join(june["keputusan"]) or june["keputusan"] == []
    assert contexts[6]["ringkasan"]["paragraf"] != contexts[8]["ringkasan"]["paragraf"]


def test_kendala_of_the_current_quarter_only(contexts):
    august, june = contexts[8], contexts[6]
    assert august["kendala_triwulan"] == "Triwulan II" and august["kendala"] == june["kendala"]
    assert contexts[2]["kendala"] == [] and contexts[2]["kendala_triwulan"] == ""


def test_signer_defaults_to_the_sekretaris_with_an_optional_mengetahui(sample_inputs, contexts):
    assert contexts[8]["penandatangan"]["jabatan"].startswith("Sekretaris")
    assert contexts[8]["ada_mengetahui"] and contexts[8]["mengetahui"]["jabatan"].startswith("Ketua")
    profile = dataclasses.replace(sample_inputs.profile, mengetahui_bulanan="", penandatangan_bulanan="ketua")
    signer, knows = monthly_signers(profile)
    assert signer["jabatan"].startswith("Ketua") and knows is None
    bare = dataclasses.replace(sample_inputs.profile, penandatangan={
        "ketua": Penandatangan("Ketua KPU X", "A", "")}, penandatangan_laporan="ketua")
    assert monthly_signers(bare)[0]["jabatan"] == "Ketua KPU X"  # no Sekretaris in the profile: the LKIP's signer


def test_short_names_from_the_profile():
    unit = SubUnit("PDI", "Sub Bagian Perencanaan, Data dan Informasi", singkat="Subbag PDI")
    assert unit.nama_singkat == "Subbag PDI" and SubUnit("X", "Sub Bagian X").nama_singkat == "Sub Bagian X"


def test_quarterly_report_from_the_same_figures(contexts):
    tw2 = contexts["TW2"]
    assert tw2["subjudul"] == "Triwulan II Tahun 2024" and tw2["periode"] == "1 April s.d. 30 Juni 2024"
    june = {i["kode"]: i for i in contexts[6]["indikator"]}
    for i in tw2["indikator"]:
        assert (i["realisasi"], i["kemajuan"]) == (june[i["kode"]]["realisasi"], june[i["kode"]]["kemajuan"])
    assert sum(int(k["jumlah"]) for k in tw2["kategori"]) == 46
    assert tw2["kendala"] == contexts[6]["kendala"]


def test_a_run_reports_every_quarter_with_a_form_and_a_quarter_end_month_its_quarter(sample_inputs):
    periods = report_periods(sample_inputs, 2024)
    assert [p.triwulan for p in periods if p.triwulan] == [1, 2, 3, 4]
    assert report_periods(sample_inputs, 2024, 6) == [Period(2024, bulan=6), Period(2024, triwulan=2)]
    assert report_periods(sample_inputs, 2024, 5) == [Period(2024, bulan=5)]


def test_a_quarter_report_reuses_the_charts_of_its_last_month(sample_inputs, tmp_path):
    from tasks.reporting.documents import render_documents

    periods = [Period(2024, bulan=6), Period(2024, triwulan=2)]
    docs = render_documents(sample_inputs, compute_figures(sample_inputs, periods), tmp_path, progress=lambda _: None)
    assert [d.kind for d in docs] == ["bulanan", "triwulan"] and docs[1].local.name == "2024-TW2.docx"
    assert sorted(p.name for p in (tmp_path / "grafik").iterdir()) == ["bulanan-2024-06-anggaran.png",
                                                                       "bulanan-2024-06-jadwal.png"]
