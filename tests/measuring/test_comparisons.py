"""Comparisons with earlier years and the Renstra target, and the history file they come from."""

from __future__ import annotations

import pandas as pd

from tasks.measuring.comparisons import NO_HISTORY, compare_history


def test_history_comparisons():
    capaian = pd.DataFrame({"kode": ["K01.I01", "K01.I02"], "polaritas": ["+", "+"], "realisasi": [90.0, 5.0]})
    riwayat = pd.DataFrame({"kode": ["K01.I01", "K01.I01"], "tahun": [2022.0, 2023.0], "target": [100.0, 100.0],
                            "realisasi": [70.0, 80.0], "target_renstra": [None, 100.0]})
    result = compare_history(capaian, riwayat, 2024)
    assert [y["tahun"] for y in result["K01.I01"]["tahun_sebelumnya"]] == [2023, 2022]
    assert result["K01.I01"]["tahun_sebelumnya"][0]["capaian"] == 80
    assert result["K01.I01"]["renstra"]["capaian"] == 90
    assert result["K01.I02"]["catatan"] == NO_HISTORY and result["K01.I02"]["renstra"]["target"] is None
    assert compare_history(capaian, None, 2024)["K01.I01"]["catatan"] == NO_HISTORY


def test_history_file_is_read_with_line_numbers(tmp_path):
    from tasks.reading.riwayat import read_riwayat

    path = tmp_path / "riwayat-indikator.csv"
    path.write_text("kode;tahun;target;realisasi;target_renstra\nK01.I01;2023;100;80;100\n"
                    "K01.I02;2023;1,234.5;1;\n", encoding="utf-8")
    frame, problems = read_riwayat(path)
    assert list(frame["kode"]) == ["K01.I01", "K01.I02"] and frame.iloc[0]["realisasi"] == 80
    (problem,) = problems
    assert problem.row == 3 and problem.header == "target"
