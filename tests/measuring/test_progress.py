"""On track or behind against the target due by then (tasks/measuring/progress.py)."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from tasks.measuring.progress import (
    BEHIND,
    NOT_DUE,
    NOT_MEASURED,
    NOT_REPORTED,
    ON_TRACK,
    due_share,
    indicator_progress,
    progress_record,
)


def rec(**kw):
    base = dict(kode="K01.I01", jenis_target="target tahunan", target=1.0, satuan="laporan", polaritas="+",
                skala=None, target_arah=None, target_min=None, realisasi=0.0, triwulan_terakhir=2.0,
                status="belum tercapai")
    return SimpleNamespace(**{**base, **kw})


def test_due_share_counts_activity_months_planned_by_the_quarter():
    assert due_share([1, 2, 7, 10], 1) == 0.5 and due_share([1, 2, 7, 10], 4) == 1
    assert due_share([], 2) == 0.5  # no activity: a quarter of the year per quarter


def test_a_report_due_at_the_year_end_is_on_track_while_its_activities_are():
    months = [3, 6, 9, 12]
    assert progress_record(rec(), months, 2, (2, 2, 0))["status"] == ON_TRACK
    behind = progress_record(rec(), months, 2, (2, 1, 1))
    assert behind["status"] == BEHIND and behind["target_jatuh_tempo"] == 0  # floor(1 x 0.5): no whole report due
    assert progress_record(rec(), [10, 11], 2, (0, 0, 0))["status"] == NOT_DUE


def test_a_percentage_is_due_in_proportion_and_compared():
    months = [1, 2, 3, 4, 5, 6, 7, 8]
    on = progress_record(rec(satuan="%", target=100.0, realisasi=80.0), months, 2)
    assert on["target_jatuh_tempo"] == pytest.approx(75.0) and on["status"] == ON_TRACK
    assert progress_record(rec(satuan="%", target=100.0, realisasi=60.0), months, 2)["status"] == BEHIND


def test_quarter_targets_are_the_due_target_where_given():
    r = progress_record(rec(jenis_target="target s.d. TW 2", target=45.0, satuan="%", realisasi=44.6), [1], 2)
    assert (r["dasar"], r["status"]) == ("target triwulan", BEHIND)


def test_not_reported_and_not_measured_are_their_own_states():
    assert progress_record(rec(triwulan_terakhir=1.0), [1], 2)["status"] == NOT_REPORTED
    assert progress_record(rec(realisasi=None, triwulan_terakhir=None), [1], 2)["status"] == NOT_REPORTED
    assert progress_record(rec(), [1], 0)["status"] == NOT_MEASURED


def test_lower_is_better_and_met_targets():
    assert progress_record(rec(status="tercapai", realisasi=1.0), [12], 2)["status"] == ON_TRACK
    low = rec(polaritas="-", satuan="%", target=2.0, realisasi=3.0)
    assert progress_record(low, [1, 2, 3], 1)["status"] == BEHIND  # all due: above the ceiling


def test_sample_progress_in_june(sample_inputs):
    from tasks.measuring.figures import Period, measure

    m = measure(sample_inputs, Period(2024, bulan=6))
    table = m.kemajuan.set_index("kode")
    assert table.loc["K01.I05", "status"] == BEHIND  # recruitment of the ad-hoc bodies, late since May
    assert len(table) == 46 and set(table["triwulan"]) == {2}
    assert indicator_progress(m.capaian, sample_inputs.rak.aktivitas, sample_inputs.rak.bulan, 0)["status"].eq(
        NOT_MEASURED).all()
