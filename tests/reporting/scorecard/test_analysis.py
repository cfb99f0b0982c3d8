"""The per-indicator analysis criteria (tasks/reporting/scorecard/analysis.py): disclosure (3.b.2), the
annual target (3.b.3), Renstra (3.b.4), earlier years (3.b.5), benchmark (3.b.6), causes, efforts and
obstacles (3.b.7), boilerplate (3.b.7-F); each on the minimal LKIP changed in one way."""

from __future__ import annotations

import dataclasses

import pytest

from tests.reporting.scorecard.docs import (
    FACTS,
    I1,
    I2,
    I3,
    I4,
    inserted_after,
    not_passed,
    p,
    passing_spec,
    replaced,
    scored,
    without,
)

TITLES = {fakta.nama: f"{n}. {fakta.nama}" for n, fakta in enumerate((I1, I2, I3, I4), 1)}


def facts_with(**changes):
    """FACTS with every indicator's fields changed as given (ada_renstra=False, …)."""
    return dataclasses.replace(FACTS, indikator=[dataclasses.replace(i, **changes) for i in FACTS.indikator])


# --- 3.b.2 disclosure ----------------------------------------------------------------------------

def test_a_realisation_the_document_does_not_print_fails(tmp_path):
    facts = dataclasses.replace(FACTS, indikator=[I1, dataclasses.replace(I2, realisasi="75%"), I3, I4])
    results = scored(passing_spec(), tmp_path, facts)
    assert not_passed(results) == {"3.b.2": "gagal"}
    assert "tidak tercetak sesuai data untuk no. 2" in results["3.b.2"].temuan


def test_figures_in_the_text_alone_are_enough(tmp_path):
    spec = without(passing_spec(), "'Realisasi', 'Capaian'")  # the capaian table gone, the text keeps its figures
    assert not_passed(scored(spec, tmp_path)) == {}


def test_an_indicator_only_in_a_table_fails(tmp_path):
    spec = passing_spec()
    start = spec.index(p(TITLES[I4.nama]))
    stop = spec.index(("h", 2, "B. Realisasi Anggaran"))
    spec = spec[:start] + spec[stop:]
    results = scored(spec, tmp_path)
    assert results["3.b.2"].hasil == "gagal" and "Tanpa uraian (hanya tabel) untuk no. 4" in results["3.b.2"].temuan


# --- 3.b.3 annual target -------------------------------------------------------------------------

def test_a_target_missed_without_why_fails(tmp_path):
    spec = replaced(passing_spec(), "Capaian belum memenuhi target karena tiga peserta",
                    "Tiga peserta karena kesibukannya")
    results = scored(spec, tmp_path)
    assert not_passed(results) == {"3.b.3": "gagal"} and "no. 2" in results["3.b.3"].temuan


def test_a_capaian_above_100_without_why_fails(tmp_path):
    spec = without(passing_spec(), "Capaian melebihi target")
    spec = inserted_after(spec, TITLES[I3.nama], p("Penyebab keberhasilan: sosialisasi di setiap nagari."))
    assert not_passed(scored(spec, tmp_path)) == {}  # an item labelled as the cause explains it
    spec = without(passing_spec(), "Capaian melebihi target")
    spec = inserted_after(spec, TITLES[I3.nama], p("Faktor pendukungnya adalah sosialisasi tatap muka di nagari."))
    results = scored(spec, tmp_path)
    assert not_passed(results) == {"3.b.3": "gagal"} and "di atas 100%" in results["3.b.3"].temuan


def test_a_target_met_without_why_warns(tmp_path):
    spec = replaced(passing_spec(), "Target tercapai karena PPID menjawab", "PPID sigap karena menjawab")
    results = scored(spec, tmp_path)
    assert not_passed(results) == {"3.b.3": "peringatan"} and "no. 4" in results["3.b.3"].temuan


# --- 3.b.4 / 3.b.5 / 3.b.6 comparisons ------------------------------------------------------------

@pytest.mark.parametrize("nomor, sentence", [
    ("3.b.4", "Target jangka menengah Renstra KPU 2020-2024"),
    ("3.b.5", "Pada tahun 2023 kepatuhan 85%"),
    ("3.b.6", "Rata-rata Provinsi Sumatera Barat 88%"),
])
def test_data_that_exists_but_is_not_compared_fails(tmp_path, nomor, sentence):
    results = scored(without(passing_spec(), sentence), tmp_path)
    assert not_passed(results) == {nomor: "gagal"} and "tidak dibandingkan" in results[nomor].temuan


def test_a_single_earlier_year_without_trend_warns(tmp_path):
    spec = replaced(passing_spec(), "Pada tahun 2023 kepatuhan 85% dan tahun 2022 sebesar 80%, sehingga tren tahun "
                    "ini menurun.", "Pada tahun 2023 kepatuhan sebesar 85%.")
    results = scored(spec, tmp_path)
    assert not_passed(results) == {"3.b.5": "peringatan"} and "satu tahun" in results["3.b.5"].temuan


def test_a_benchmark_without_source_fails(tmp_path):
    spec = replaced(passing_spec(), " (sumber: Laporan KPU Provinsi Sumatera Barat 2024)", "")
    results = scored(spec, tmp_path)
    assert not_passed(results) == {"3.b.6": "gagal"} and "tanpa sumber: no. 2" in results["3.b.6"].temuan


NOTES = {"3.b.4": ("ada_renstra", "Target Renstra untuk indikator ini belum tersedia sehingga belum dapat "
                                  "dibandingkan dengan capaian."),
         "3.b.5": ("ada_riwayat", "Data realisasi tahun-tahun sebelumnya tidak tersedia, sehingga perbandingan "
                                  "belum dapat dilakukan."),
         "3.b.6": ("ada_pembanding", "Belum ada standar nasional yang ditetapkan untuk indikator ini.")}


@pytest.mark.parametrize("nomor", NOTES)
def test_data_that_does_not_exist_is_a_warning_when_said_once(tmp_path, nomor):
    flag, note = NOTES[nomor]
    spec = inserted_after(passing_spec(), "A. Capaian Kinerja Organisasi", p(note))
    results = scored(spec, tmp_path, facts_with(**{flag: False}))
    assert not_passed(results) == {nomor: "peringatan"}
    assert "4 indikator tanpa data" in results[nomor].temuan and "dokumen menyebutkannya" in results[nomor].temuan


@pytest.mark.parametrize("nomor", NOTES)
def test_the_same_not_available_sentence_under_every_indicator_fails(tmp_path, nomor):
    flag, note = NOTES[nomor]
    spec = passing_spec()
    for title in TITLES.values():
        spec = inserted_after(spec, title, p(note))
    results = scored(spec, tmp_path, facts_with(**{flag: False}))
    assert not_passed(results) == {nomor: "gagal"}  # the formality check leaves these notes to their criterion
    assert "diulang di 4 indikator" in results[nomor].temuan


# --- 3.b.7 causes, efforts, obstacles ----------------------------------------------------------------

@pytest.mark.parametrize("removed, what", [
    ("Upaya yang dilakukan: relawan demokrasi", "upaya"),
    ("Kendala: sebagian penghubung", "kendala"),
])
def test_an_indicator_without_efforts_or_obstacles_fails(tmp_path, removed, what):
    results = scored(without(passing_spec(), removed), tmp_path)
    assert not_passed(results) == {"3.b.7": "gagal"} and f"Tanpa uraian {what}" in results["3.b.7"].temuan


def test_an_indicator_without_causes_fails(tmp_path):
    spec = replaced(passing_spec(), "Penyebab keberhasilan: penyusunan dimulai sejak Januari karena jadwal rapat",
                    "Penyusunan dimulai sejak Januari; jadwal rapat")
    results = scored(spec, tmp_path)
    assert results["3.b.7"].hasil == "gagal" and "Tanpa uraian penyebab: no. 1" in results["3.b.7"].temuan


def test_saying_there_was_no_obstacle_counts(tmp_path):
    spec = replaced(passing_spec(), "Kendala: sebagian pemohon mengajukan permohonan berulang untuk dokumen yang "
                    "sama.", "Tidak terdapat kendala dalam pelayanan permohonan informasi tahun ini.")
    assert not_passed(scored(spec, tmp_path)) == {}


# --- 3.b.7-F boilerplate -----------------------------------------------------------------------------

def test_a_sentence_in_three_analyses_is_not_yet_boilerplate(tmp_path):
    spec = passing_spec()
    for title in list(TITLES.values())[:3]:
        spec = inserted_after(spec, title, p("Seluruh kegiatan dilaksanakan sesuai jadwal dengan dukungan penuh."))
    assert not_passed(scored(spec, tmp_path)) == {}


def test_boilerplate_differing_only_in_figures_and_names_fails(tmp_path):
    spec = passing_spec()
    for n, (name, title) in enumerate(TITLES.items(), 1):
        spec = inserted_after(spec, title, p(f"Upaya peningkatan {name} dilakukan melalui {n} kali rapat koordinasi "
                                             "bersama seluruh sub bagian."))
    results = scored(spec, tmp_path)
    assert not_passed(results) == {"3.b.7-F": "gagal"} and "di 4 indikator" in results["3.b.7-F"].temuan


def test_statements_of_figures_are_not_boilerplate(tmp_path):
    spec = passing_spec()
    for title in TITLES.values():
        spec = inserted_after(spec, title, p("Perbandingan target dan realisasi: target 1 laporan, realisasi 1 "
                                             "laporan, capaian 100% dengan kategori sangat baik dan tercapai."))
    assert not_passed(scored(spec, tmp_path)).get("3.b.7-F") is None
