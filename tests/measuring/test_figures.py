"""The office-year's figures computed once for many periods equal each period computed alone."""

from __future__ import annotations

import pytest

from tasks.measuring.figures import Period, compute_figures, measure


@pytest.fixture(scope="module")
def inputs(sample_inputs):
    return sample_inputs


@pytest.mark.parametrize("bulan", [1, 5, 12])
def test_shared_figures_equal_figures_computed_for_one_month(inputs, bulan):
    """compute_figures computes the year's series once and slices them per month: each month's view
    is what the functions give when asked for that month alone."""
    import pandas as pd

    from tasks.measuring.anggaran import budget_by_kegiatan, budget_by_month
    from tasks.measuring.jadwal import late_activities, schedule_by_month, schedule_by_pelaksana

    figures = compute_figures(inputs, [Period(2024, bulan=b) for b in (12, 3, bulan)])
    m = figures[Period(2024, bulan=bulan)]
    rak = inputs.rak
    progres = pd.concat([r.aktivitas for r in inputs.realisasi], ignore_index=True)
    anggaran = pd.concat([r.anggaran for r in inputs.realisasi], ignore_index=True)
    pd.testing.assert_frame_equal(m.jadwal, schedule_by_month(rak.bulan, progres, bulan))
    pd.testing.assert_frame_equal(m.anggaran_bulanan, budget_by_month(anggaran, bulan))
    pd.testing.assert_frame_equal(m.anggaran, budget_by_kegiatan(anggaran, rak.kegiatan, bulan))
    pd.testing.assert_frame_equal(m.terlambat, late_activities(rak.aktivitas, rak.bulan, progres, bulan))
    pd.testing.assert_frame_equal(m.jadwal_pelaksana, schedule_by_pelaksana(rak.aktivitas, rak.bulan, progres, bulan))


def test_periods_computed_together_equal_periods_computed_alone(inputs):
    """compute_figures checks the capaian and efficiency tables of many periods in one validation each;
    the tables are the ones a period computed and checked on its own gets, and the periods of one
    capaian table share it."""
    import pandas as pd

    from tasks.measuring.anggaran import efficiency
    from tasks.measuring.capaian import compute_capaian_table

    periods = [Period(2024)] + [Period(2024, bulan=b) for b in range(1, 13)]
    together = compute_figures(inputs, periods)
    for period in periods:
        m = together[period]
        pd.testing.assert_frame_equal(m.capaian, measure(inputs, period).capaian)
        capaian = compute_capaian_table(inputs.rak.indikator, pd.concat([r.indikator for r in inputs.realisasi]),
                                        m.atribut, inputs.settings, *period.capaian_key)
        pd.testing.assert_frame_equal(m.capaian, capaian)
        pd.testing.assert_frame_equal(m.efisiensi, efficiency(capaian, m.anggaran, inputs.settings))
    # the year, none measured yet (January, February), and one per quarter ended (March-May read TW I …)
    assert len(together.capaian_tables()) == 6
    assert together[Period(2024, bulan=3)].capaian is together[Period(2024, bulan=5)].capaian
    assert together[Period(2024, bulan=2)].capaian["realisasi"].isna().all()


@pytest.mark.parametrize(("bulan", "triwulan"), [(1, 0), (2, 0), (3, 1), (5, 1), (6, 2), (8, 2), (9, 3), (12, 4)])
def test_a_month_reads_the_last_quarter_ended_by_it(bulan, triwulan):
    """The August report never reads TW III (it ends on 30 September): nothing later than the month."""
    period = Period(2024, bulan=bulan)
    assert period.upto_quarter == triwulan
    assert period.current_quarter == (bulan - 1) // 3 + 1
