"""The bundled sample (KPU Kabupaten Pasaman Barat 2024) reads completely, as xlsx and as Word."""

from __future__ import annotations

from pathlib import Path

import pytest

from tasks.problems import Severity
from tasks.reading.inspect import describe_rak
from tasks.reading.office import load_inputs
from tasks.reading.profile import load_profile
from tasks.reading.rak import read_rak

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "data" / "pasaman-barat-2024"
WORD = ROOT / "data" / "rak-word" / "RAK-2024.docx"
UNITS = load_profile(SAMPLE / "profil.toml").sub_bagian


@pytest.fixture(scope="module", params=["xlsx", "docx"])
def rak(request):
    path = SAMPLE / "RAK-2024.xlsx" if request.param == "xlsx" else WORD
    return read_rak(path, UNITS)


def test_sample_counts(rak):
    assert (len(rak.kegiatan), len(rak.indikator), len(rak.aktivitas)) == (13, 46, 76)
    assert [p for p in rak.problems if p.severity is not Severity.INFO] == []
    assert rak.tahun == 2024


def test_every_indicator_has_a_target_and_every_activity_months(rak):
    tree = describe_rak(rak)
    indicators = [i for k in tree["kegiatan"] for i in k["indikator"]]
    activities = [a for i in indicators for a in i["aktivitas"]]
    assert len(indicators) == 46 and len(activities) == 76
    assert all(i["target"]["nilai"] is not None and i["target"]["satuan"] for i in indicators)
    assert all(a["bulan"] and set(a["bulan"]) <= set(range(1, 13)) for a in activities)
    assert all(a["pelaksana"] for a in activities)


def test_known_values_of_the_published_rak(rak):
    tree = describe_rak(rak)
    first = tree["kegiatan"][0]["indikator"][0]
    assert first["kode"] == "K01.I01" and first["target"] == {"teks": "1 laporan", "nilai": 1.0, "satuan": "laporan",
                                                             "min": None, "max": None, "sel": first["target"]["sel"]}
    assert [k["kode_anggaran"] for k in tree["kegiatan"]][-2:] == ["3355", "3360"]
    units = {a["pelaksana"] for k in tree["kegiatan"] for i in k["indikator"] for a in i["aktivitas"]}
    assert units <= {u.nama for u in UNITS}


def test_xlsx_and_word_are_understood_alike():
    def plain(rak):
        return rak.indikator[["kode", "nama", "target_teks"]].values.tolist(), rak.bulan.values.tolist()
    assert plain(read_rak(SAMPLE / "RAK-2024.xlsx", UNITS)) == plain(read_rak(WORD, UNITS))


def test_sample_folder_is_valid():
    inputs = load_inputs([SAMPLE])
    assert inputs.ok, [p.describe() for p in inputs.problems if p.severity is Severity.ERROR]
    assert inputs.counts() == {"kegiatan": 13, "indikator": 46, "aktivitas": 76}
    assert sorted(r.triwulan for r in inputs.realisasi) == [1, 2, 3, 4]
    assert len(inputs.atribut) == 36


def test_sample_figures_mean_what_they_say(sample_inputs):
    """Issue 14: counts are whole, every indicator is reported in every quarter, and the budget
    indicator K02.I02 is the absorption the Anggaran sheets give (one truth in the document)."""
    import pandas as pd

    real = pd.concat([r.indikator for r in sample_inputs.realisasi])
    assert real.groupby("triwulan")["realisasi"].count().tolist() == [46] * 4
    counts = real[real["satuan"] != "%"]
    assert (counts["realisasi"] % 1 == 0).all()
    assert not real["kendala"].isin(["Tidak ada", "-", "tidak ada"]).any()
    budget = pd.concat([r.anggaran for r in sample_inputs.realisasi])
    pagu = budget.drop_duplicates(["kegiatan_kode", "sumber_dana"]).dropna(subset=["pagu"])["pagu"].sum()
    for q in range(1, 5):
        spent = budget.loc[budget["bulan"] <= 3 * q, "realisasi"].sum()
        (value,) = real.loc[(real["indikator_kode"] == "K02.I02") & (real["triwulan"] == q), "realisasi"]
        assert value == round(spent / pagu * 100, 2), q
    grant = budget[(budget["sumber_dana"] == "HIBAH") & (budget["triwulan"] == 4)]
    assert grant.drop_duplicates("kegiatan_kode")["pagu"].sum() == 30_050_000_000


def test_sample_history_and_benchmarks(sample_inputs):
    riwayat, codes = sample_inputs.riwayat, set(sample_inputs.rak.indikator["kode"])
    per_code = riwayat.groupby("kode")["tahun"].nunique()
    assert set(per_code.index) == codes and per_code.between(2, 3).all()
    assert (riwayat["tahun"] < 2024).all() and riwayat["target_renstra"].isna().all()
    assert (riwayat["realisasi"] < riwayat["target"]).sum() >= 5  # some years under target: a trend
    assert set(sample_inputs.pembanding["kode"]) == {"K02.I02"}
