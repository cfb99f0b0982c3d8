"""Comparisons with earlier years and the Renstra target, and the history file they come from."""

from __future__ import annotations

import pandas as pd
import pytest

from tasks.measuring.comparisons import NO_HISTORY, compare_history, trend


def test_history_comparisons():
    capaian = pd.DataFrame({"kode": ["K01.I01", "K01.I02"], "polaritas": ["+", "+"], "realisasi": [90.0, 5.0],
                            "capaian": [90.0, 100.0]})
    riwayat = pd.DataFrame({"kode": ["K01.I01", "K01.I01"], "tahun": [2022.0, 2023.0], "target": [100.0, 100.0],
                            "realisasi": [70.0, 80.0], "target_renstra": [None, 100.0]})
    result = compare_history(capaian, riwayat, 2024)
    assert [y["tahun"] for y in result["K01.I01"]["tahun_sebelumnya"]] == [2023, 2022]
    assert result["K01.I01"]["tahun_sebelumnya"][0]["capaian"] == 80
    assert result["K01.I01"]["renstra"]["capaian"] == 90
    assert result["K01.I02"]["catatan"] == NO_HISTORY and result["K01.I02"]["renstra"]["target"] is None
    assert compare_history(capaian, None, 2024)["K01.I01"]["catatan"] == NO_HISTORY
    assert result["K01.I01"]["tren"] == "naik" and result["K01.I02"]["tren"] is None


def test_only_the_last_three_years_are_compared():
    capaian = pd.DataFrame({"kode": ["K01.I01"], "polaritas": ["+"], "realisasi": [1.0], "capaian": [100.0]})
    riwayat = pd.DataFrame({"kode": ["K01.I01"] * 4, "tahun": [2020.0, 2021.0, 2022.0, 2023.0],
                            "target": [1.0] * 4, "realisasi": [1.0, 1.0, 0.0, 1.0], "target_renstra": [None] * 4})
    result = compare_history(capaian, riwayat, 2024)["K01.I01"]
    assert [y["tahun"] for y in result["tahun_sebelumnya"]] == [2023, 2022, 2021]
    assert result["tren"] == "fluktuatif"


@pytest.mark.parametrize("values, expected", [
    ([80, 90, 100], "naik"), ([100, 90, 80], "turun"), ([100, 100.2, 100], "stabil"), ([80, 100, 90], "fluktuatif"),
    ([None, 90, 100], "naik"), ([90, None], None), ([100], None),
])
def test_trend(values, expected):
    assert trend(values) == expected


def test_benchmarks_are_held_against_the_realisation_by_polarity():
    capaian = pd.DataFrame({"kode": ["K01.I01", "K01.I02"], "polaritas": ["+", "-"], "realisasi": [75.0, 2.0],
                            "capaian": [100.0, 100.0]})
    pembanding = pd.DataFrame({"kode": ["K01.I01", "K01.I01", "K01.I02"], "tingkat": ["provinsi", "nasional",
                                                                                       "nasional"],
                               "wilayah": ["Sumatera Barat", "Indonesia", "Indonesia"], "tahun": [2024.0] * 3,
                               "nilai": [70.0, 81.78, 1.0], "sumber": ["KPU Provinsi", "KPU RI", "KPU RI"]})
    result = compare_history(capaian, None, 2024, pembanding)
    national, province = result["K01.I01"]["pembanding"]
    assert national["tingkat"] == "nasional" and national["lebih_baik"] is False
    assert round(national["selisih"], 2) == -6.78 and province["lebih_baik"] is True
    assert result["K01.I02"]["pembanding"][0]["lebih_baik"] is False  # lower is better: 2 against 1 is worse


def test_history_file_is_read_with_line_numbers(tmp_path):
    from tasks.reading.riwayat import read_riwayat

    path = tmp_path / "riwayat-indikator.csv"
    path.write_text("kode;tahun;target;realisasi;target_renstra\nK01.I01;2023;100;80;100\n"
                    "K01.I02;2023;1,234.5;1;\n", encoding="utf-8")
    frame, problems = read_riwayat(path)
    assert list(frame["kode"]) == ["K01.I01", "K01.I02"] and frame.iloc[0]["realisasi"] == 80
    (problem,) = problems
    assert problem.row == 3 and problem.header == "target"
