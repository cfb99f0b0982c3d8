"""Schedule adherence and late activities, on small hand-built frames."""

from __future__ import annotations

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tasks.measuring.jadwal import (
    BELUM,
    PROSES,
    SELESAI,
    _cells_by_month,
    activity_outcomes,
    late_activities,
    outcome_records,
    outcomes_by_month,
    schedule_by_month,
    schedule_by_pelaksana,
)

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
    # March: A02 done late; A01's month 2 has no status for March: not reported, not late
    assert frame.loc[3, "terlambat"] == 0 and frame.loc[3, "belum_dilaporkan_sd"] == 1
    assert frame.loc[3, "kepatuhan"] == pytest.approx(100)  # of the two activity-months reported, both done
    late = late_activities(AKTIVITAS, BULAN, prog, 2)
    assert list(late["aktivitas_kode"]) == ["K01.I01.A01", "K01.I01.A02"]
    assert late.iloc[0]["bulan_rencana"] == [2] and late.iloc[0]["keterangan"] == "hujan"
    by_unit = schedule_by_pelaksana(AKTIVITAS, BULAN, prog, 2).set_index("pelaksana")
    assert by_unit.loc["Sub Bagian A", "kepatuhan"] == 50 and by_unit.loc["Sub Bagian B", "kepatuhan"] == 0


def test_activity_outcomes_say_on_time_late_not_done_and_excused():
    aktivitas = AKTIVITAS.assign(indikator_kode="K01.I01")
    prog = progres({("K01.I01.A01", 1): "Selesai", ("K01.I01.A01", 2): "Dalam Proses",
                    ("K01.I01.A01", 3): "Selesai", ("K01.I01.A02", 2): "Ditunda"})
    out = activity_outcomes(aktivitas, BULAN, prog, 3).set_index("aktivitas_kode")
    a01, a02 = out.loc["K01.I01.A01"], out.loc["K01.I01.A02"]
    assert a01["bulan_rencana"] == [1, 2] and a01["bulan_selesai"] == [1, 3]
    assert (a01["tepat_waktu"], a01["terlambat_selesai"], a01["belum_selesai"]) == (1, 1, 0)
    assert (a02["dikecualikan"], a02["belum_selesai"], a02["status_akhir"]) == (1, 0, "Ditunda")
    assert a02["keterangan"] == "hujan"
    early = activity_outcomes(aktivitas, BULAN, prog, 2).set_index("aktivitas_kode")
    assert early.loc["K01.I01.A01", "belum_selesai"] == 1 and early.loc["K01.I01.A01", "bulan_selesai"] == [1, None]
    assert list(activity_outcomes(aktivitas, BULAN, prog, 0)["aktivitas_kode"]) == []  # nothing planned yet


def test_outcomes_of_several_months_are_each_months_own():
    """One reading of the tables for every month gives what each month alone gives: a month's note is
    the latest up to it, a later month's plan is not counted early."""
    aktivitas = AKTIVITAS.assign(indikator_kode="K01.I01")
    prog = progres({("K01.I01.A01", 1): "Selesai", ("K01.I01.A01", 2): "Dalam Proses",
                    ("K01.I01.A02", 2): "Ditunda", ("K01.I01.A02", 3): "Dalam Proses"})
    prog.loc[(prog["aktivitas_kode"] == "K01.I01.A02") & (prog["bulan"] == 3), "keterangan"] = "banjir"
    together = outcomes_by_month(aktivitas, BULAN, prog, [0, 1, 2, 3, 4])
    assert together == {m: outcome_records(aktivitas, BULAN, prog, m) for m in range(5)}
    notes = {m: {r["aktivitas_kode"]: r["keterangan"] for r in together[m]} for m in (1, 2, 3)}
    assert notes[1] == {"K01.I01.A01": ""} and notes[2]["K01.I01.A02"] == "hujan"
    assert notes[3]["K01.I01.A02"] == "banjir"


def test_unreported_status_is_its_own_state_never_late():
    """A quarter's form not yet filled: nothing reported is late, and adherence is not claimed."""
    frame = schedule_by_month(BULAN, progres({}), month=2).set_index("bulan")
    assert frame.loc[1, "tidak_dilaporkan"] == 1 and frame.loc[2, "belum_dilaporkan_sd"] == 3
    assert frame.loc[2, "terlambat"] == 0 and pd.isna(frame.loc[2, "kepatuhan"])
    assert late_activities(AKTIVITAS, BULAN, progres({}), 2).empty
    unit = schedule_by_pelaksana(AKTIVITAS, BULAN, progres({}), 2).set_index("pelaksana")
    assert unit.loc["Sub Bagian A", "belum_dilaporkan"] == 2 and unit.loc["Sub Bagian A", "terlambat"] == 0


def test_reported_not_done_is_late_and_unreported_is_not():
    prog = progres({("K01.I01.A01", 2): "Belum Mulai"})
    frame = schedule_by_month(BULAN, prog, month=2).set_index("bulan")
    assert frame.loc[2, "terlambat"] == 2 and frame.loc[2, "belum_dilaporkan_sd"] == 1  # A01 twice; A02 unreported
    assert list(late_activities(AKTIVITAS, BULAN, prog, 2)["aktivitas_kode"]) == ["K01.I01.A01"]



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


@pytest.mark.parametrize("state", ["Ditunda", "Dibatalkan", "Tidak Dilaksanakan"])
def test_postponed_cancelled_or_not_carried_out_is_not_late_and_counted_as_such(state):
    column = {"Ditunda": "ditunda", "Dibatalkan": "dibatalkan", "Tidak Dilaksanakan": "tidak_dilaksanakan"}[state]
    prog = progres({("K01.I01.A01", 1): "Selesai", ("K01.I01.A01", 2): state, ("K01.I01.A02", 2): "Belum Mulai"})
    frame = schedule_by_month(BULAN, prog, month=3).set_index("bulan")
    assert frame.loc[2, column] == 1 and frame.loc[2, "terlambat"] == 1  # only A02 is late
    assert frame.loc[2, "dikecualikan_sd"] == 1 and frame.loc[2, "kepatuhan"] == 50  # 1 done of the 2 counted
    assert frame.loc[3, "dikecualikan_sd"] == 1  # the latest status reported since the planned month holds
    late = late_activities(AKTIVITAS, BULAN, prog, 2)
    assert list(late["aktivitas_kode"]) == ["K01.I01.A02"]
    by_unit = schedule_by_pelaksana(AKTIVITAS, BULAN, prog, 2).set_index("pelaksana")
    assert by_unit.loc["Sub Bagian A", "terlambat"] == 0 and by_unit.loc["Sub Bagian A", "kepatuhan"] == 100


def test_a_postponed_activity_done_later_is_done():
    prog = progres({("K01.I01.A02", 2): "Ditunda", ("K01.I01.A02", 3): "Selesai"})
    frame = schedule_by_month(BULAN, prog, month=3).set_index("bulan")
    assert frame.loc[2, "dikecualikan_sd"] == 1 and frame.loc[2, "ditunda"] == 1  # postponed in February
    assert frame.loc[3, "dikecualikan_sd"] == 0 and frame.loc[3, "selesai_sd"] == 1  # and done in March
