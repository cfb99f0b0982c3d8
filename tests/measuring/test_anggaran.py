"""Budget absorption, deviation against the RPD and efficiency, on small hand-built frames."""

from __future__ import annotations

import pandas as pd
import pytest

from tasks.measuring.anggaran import budget_by_kegiatan, budget_by_month, efficiency
from tasks.reading.settings import Settings

KEGIATAN = pd.DataFrame({"kode": ["K01", "K02"], "nama": ["Satu", "Dua"]})


def budget_rows(kode, pagu, rpd, real, sumber="DIPA"):
    return [{"kegiatan_kode": kode, "sumber_dana": sumber, "pagu": pagu, "bulan": m, "rpd": p, "realisasi": r,
             "sumber_file": f"TW{(m - 1) // 3 + 1}.xlsx", "sumber_sheet": "Anggaran", "sel_pagu": "D4",
             "sel_rpd": f"R{m}", "sel_realisasi": f"X{m}"} for m, (p, r) in enumerate(zip(rpd, real), start=1)]


ANGGARAN = pd.DataFrame(budget_rows("K01", 1200, [100] * 12, [80] * 6 + [120] * 6)
                        + budget_rows("K02", 600, [50] * 12, [50] * 12))


def test_serapan_and_deviation_to_a_month():
    frame = budget_by_kegiatan(ANGGARAN, KEGIATAN, month=6).set_index("kegiatan_kode")
    assert frame.loc["K01", "realisasi"] == 480 and frame.loc["K01", "rpd"] == 600
    assert frame.loc["K01", "serapan"] == pytest.approx(40)  # 480 / 1200
    assert frame.loc["K01", "deviasi"] == -120 and frame.loc["K01", "deviasi_persen"] == pytest.approx(-20)
    assert "TW2.xlsx!Anggaran!D4" in frame.loc["K01", "sumber"]  # the pagu as revised in TW II


def test_revised_pagu_is_the_latest_reported():
    rows = ANGGARAN.copy()
    rows.loc[(rows["kegiatan_kode"] == "K01") & (rows["bulan"] > 6), "pagu"] = 1000
    frame = budget_by_kegiatan(rows, KEGIATAN, month=12).set_index("kegiatan_kode")
    assert frame.loc["K01", "pagu"] == 1000 and frame.loc["K01", "serapan"] == pytest.approx(120)


def test_monthly_totals_are_cumulative():
    frame = budget_by_month(ANGGARAN, month=3)
    assert list(frame["rpd_kumulatif"]) == [150, 300, 450]
    assert list(frame["realisasi_kumulatif"]) == [130, 260, 390]
    assert list(frame["deviasi"]) == [-20, -40, -60]


def test_month_without_report_is_missing_not_zero():
    frame = budget_by_month(ANGGARAN[ANGGARAN["bulan"] <= 3], month=4)
    assert pd.isna(frame.iloc[3]["realisasi"]) and frame.iloc[3]["realisasi_kumulatif"] == 390


def test_efficiency_rules():
    budget = budget_by_kegiatan(ANGGARAN, KEGIATAN, month=12)  # serapan K01 100%, K02 100%
    capaian = pd.DataFrame({"kegiatan_kode": ["K01", "K01", "K02"], "capaian_dicap": [100.0, 90.0, 100.0]})
    frame = efficiency(capaian, budget, Settings()).set_index("kegiatan_kode")
    assert frame.loc["K01", "capaian_kinerja"] == 95 and frame.loc["K01", "efisien"] is False
    assert frame.loc["K02", "efisien"] is True
    cost = efficiency(capaian, budget, Settings(efisiensi="biaya_output")).set_index("kegiatan_kode")
    assert cost.loc["K01", "indeks_efisiensi"] == pytest.approx(1 - 100 / 95)
    assert cost.loc["K01", "efisien"] is False and cost.loc["K02", "efisien"] is True


def test_no_output_for_money_spent_is_never_efficient():
    budget = budget_by_kegiatan(ANGGARAN, KEGIATAN, month=12)
    capaian = pd.DataFrame({"kegiatan_kode": ["K01", "K02"], "capaian_dicap": [0.0, 100.0]})
    for rule in ("capaian_vs_serapan", "biaya_output"):
        frame = efficiency(capaian, budget, Settings(efisiensi=rule)).set_index("kegiatan_kode")
        assert frame.loc["K01", "efisien"] is False
