"""Budget absorption, efficiency and schedule adherence on small hand-built frames."""

from __future__ import annotations

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tasks.measuring.anggaran import budget_by_kegiatan, budget_by_month, efficiency
from tasks.measuring.comparisons import NO_HISTORY, compare_history
from tasks.measuring.jadwal import (
    BELUM,
    PROSES,
    SELESAI,
    _cells_by_month,
    late_activities,
    schedule_by_month,
    schedule_by_pelaksana,
)
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


AKTIVITAS = pd.DataFrame({"kode": ["K01.I01.A01", "K01.I01.A02"], "nama": ["Rapat", "Laporan"],
                          "pelaksana": ["Sub Bagian A", "Sub Bagian B"]})
BULAN = pd.DataFrame({"aktivitas_kode": ["K01.I01.A01", "K01.I01.A01", "K01.I01.A02"], "bulan": [1, 2, 2]})


def progres(statuses: dict[tuple[str, int], str]) -> pd.DataFrame:
    return pd.DataFrame([{"aktivitas_kode": a, "bulan": m, "status": s, "keterangan": "hujan" if s != "Selesai"
                          else "", "sumber_file": "TW1.xlsx", "sumber_sheet": "Aktivitas", "sumber_sel": f"F{m}"}
                         for (a, m), s in statuses.items()])


def test_adherence_and_late_activities():
    prog = progres({("K01.I01.A01", 1): "Selesai", ("K01.I01.A01", 2): "Dalam Proses",
                    ("K01.I01.A02", 2): "Belum Mulai", ("K01.I01.A02", 3): "Selesai"})
    frame = schedule_by_month(BULAN, prog, month=3).set_index("bulan")
    assert frame.loc[1, "kepatuhan"] == 100
    assert frame.loc[2, "direncanakan"] == 2 and frame.loc[2, "selesai"] == 0
    assert frame.loc[2, "dalam_proses"] == 1 and frame.loc[2, "belum_mulai"] == 1
    assert frame.loc[2, "terlambat"] == 2 and frame.loc[2, "kepatuhan"] == pytest.approx(100 / 3)
    assert frame.loc[3, "terlambat"] == 1 and frame.loc[3, "kepatuhan"] == pytest.approx(200 / 3)  # A02 late-done
    late = late_activities(AKTIVITAS, BULAN, prog, 2)
    assert list(late["aktivitas_kode"]) == ["K01.I01.A01", "K01.I01.A02"]
    assert late.iloc[0]["bulan_rencana"] == [2] and late.iloc[0]["keterangan"] == "hujan"
    by_unit = schedule_by_pelaksana(AKTIVITAS, BULAN, prog, 2).set_index("pelaksana")
    assert by_unit.loc["Sub Bagian A", "kepatuhan"] == 50 and by_unit.loc["Sub Bagian B", "kepatuhan"] == 0


def test_unreported_status_counts_as_not_done_and_is_named():
    frame = schedule_by_month(BULAN, progres({}), month=1)
    assert frame.iloc[0]["tidak_dilaporkan"] == 1 and frame.iloc[0]["kepatuhan"] == 0
    assert late_activities(AKTIVITAS, BULAN, progres({}), 1).iloc[0]["status"] == "belum dilaporkan"


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


def test_no_late_activity_is_an_empty_table():
    prog = progres({("K01.I01.A01", 1): "Selesai"})
    late = late_activities(AKTIVITAS, BULAN[BULAN["bulan"] == 1], prog, 1)
    assert late.empty and list(late.columns)[:2] == ["aktivitas_kode", "aktivitas"]


STATES = st.sampled_from([SELESAI, PROSES, BELUM, None])


@given(st.lists(st.tuples(st.sampled_from("ABCD"), st.integers(1, 12)), max_size=12, unique=True),
       st.dictionaries(st.tuples(st.sampled_from("ABCDE"), st.integers(1, 12)), STATES, max_size=30),
       st.lists(st.integers(1, 12), min_size=1, max_size=4))
@settings(max_examples=150, deadline=None)
def test_cells_walked_once_match_the_definition_month_by_month(planned, reported, months):
    """Done by m: "Selesai" in some month from the planned month to m (DOMAIN.md), whichever way it is computed."""
    status = {key: (state, f"f!s!{key[0]}{key[1]}") for key, state in reported.items()}
    walked = _cells_by_month(planned, status, months)
    for m in months:
        expected = [(a, p, any(status.get((a, s), (None, ""))[0] == SELESAI for s in range(p, m + 1)),
                     status.get((a, m), (None, ""))[0]) for a, p in planned if p <= m]
        got = [(c["aktivitas_kode"], c["bulan_rencana"], c["selesai"], c["status_kini"]) for c in walked[m]]
        assert got == expected
