"""Capaian formulas and edge rules of DOMAIN.md "Measuring", worked out by hand, plus properties."""

from __future__ import annotations

import math

import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from tasks.measuring.capaian import (
    BELUM_DILAPORKAN,
    BELUM_TERCAPAI,
    TARGET_KOSONG,
    TARGET_NOL,
    TERCAPAI,
    capped,
    compute_capaian,
    compute_capaian_table,
    compute_quarters,
    quarter_series,
    target_to_date,
)
from tasks.reading.settings import Band, Settings, load_settings

# --- single figures -----------------------------------------------------------------------------

@pytest.mark.parametrize("r, t, expected", [
    (66, 80, 82.5),  # the "printed 80%" of DOMAIN.md: 66/80 is 82,5%
    (1, 1, 100), (3, 2, 150), (0, 5, 0), (45, 50, 90),
])
def test_higher_is_better(r, t, expected):
    assert compute_capaian(r, t, "+").capaian == pytest.approx(expected)


@pytest.mark.parametrize("r, t, expected", [
    (10, 10, 100),  # on target
    (5, 10, 150),  # half the target: (2 - 0.5) x 100
    (15, 10, 50),  # 1.5 x target: (2 - 1.5) x 100 = (T - (R - T)) / T x 100 = (10 - 5) / 10
    (20, 10, 0),  # twice the target
    (30, 10, 0),  # beyond twice the target: floored at 0, never negative (our rule)
])
def test_lower_is_better(r, t, expected):
    assert compute_capaian(r, t, "-").capaian == pytest.approx(expected)


@pytest.mark.parametrize("r, expected", [(85, 100), (80, 100), (90, 100), (99, 110), (72, 90)])
def test_range_target(r, expected):
    # [80, 90]: inside -> 100; above -> against 90 (99/90 = 110); below -> against 80 (72/80 = 90)
    assert compute_capaian(r, None, "+", 80, 90).capaian == pytest.approx(expected)


def test_range_target_lower_is_better():
    assert compute_capaian(4, None, "-", 5, 10).capaian == pytest.approx(120)  # (2 - 4/5) x 100
    assert compute_capaian(12, None, "-", 5, 10).capaian == pytest.approx(80)  # (2 - 12/10) x 100


def test_target_zero():
    assert compute_capaian(0, 0, "-") == compute_capaian(0, 0, "-").__class__(100.0, TERCAPAI)
    assert compute_capaian(3, 0, "-").capaian is None and compute_capaian(3, 0, "-").status == TARGET_NOL
    assert compute_capaian(3, 0, "+").status == TARGET_NOL
    assert compute_capaian(0, 0, "+").status == TARGET_NOL


def test_missing_realisation_is_not_zero():
    for missing in (None, float("nan")):
        hasil = compute_capaian(missing, 10, "+")
        assert hasil.capaian is None and hasil.status == BELUM_DILAPORKAN


def test_missing_target():
    assert compute_capaian(5, None, "+").status == TARGET_KOSONG


def test_status_and_cap():
    assert compute_capaian(9, 10).status == BELUM_TERCAPAI and compute_capaian(10, 10).status == TERCAPAI
    assert capped(150.0, 100) == 100 and capped(150.0, 120) == 120 and capped(150.0, None) == 150
    assert capped(80.0, 100) == 80 and capped(None, 100) is None


@pytest.mark.parametrize("capaian, label", [
    (100, "Sangat Baik"), (91, "Sangat Baik"), (90.99, "Baik"), (76, "Baik"), (75.9, "Cukup"), (66, "Cukup"),
    (65.5, "Kurang"), (51, "Kurang"), (50.99, "Sangat Kurang"), (0, "Sangat Kurang"),
])
def test_rating_bands_are_half_open(capaian, label):
    assert Settings().band(capaian) == label


def test_settings_file(tmp_path):
    path = tmp_path / "pengaturan.toml"
    path.write_text('[capaian]\nbatas = 120\nefisiensi = "biaya_output"\n'
                    '[[capaian.kategori]]\nbawah = 80\nlabel = "Memuaskan"\n'
                    '[[capaian.kategori]]\nbawah = 0\nlabel = "Perlu Perbaikan"\n', encoding="utf-8")
    settings = load_settings(path)
    assert settings.batas_capaian == 120 and settings.efisiensi == "biaya_output"
    assert settings.band(85) == "Memuaskan" and settings.band(-5) == "Perlu Perbaikan"
    assert load_settings(tmp_path / "tidak-ada.toml") == Settings()


def test_unsupported_cap_is_refused(tmp_path):
    from tasks.problems import InputError

    path = tmp_path / "pengaturan.toml"
    path.write_text("[capaian]\nbatas = 150\n", encoding="utf-8")
    with pytest.raises(InputError, match="150"):
        load_settings(path)


def test_no_cap(tmp_path):
    path = tmp_path / "pengaturan.toml"
    path.write_text('[capaian]\nbatas = "tidak"\n', encoding="utf-8")
    assert load_settings(path).batas_capaian is None


# --- quarters to year ---------------------------------------------------------------------------

def quarters(values, jenis="periode"):
    return pd.DataFrame({"triwulan": [1, 2, 3, 4][: len(values)], "realisasi": values,
                         "jenis_nilai": [jenis] * len(values)})


@pytest.mark.parametrize("values, jenis, rule, expected", [
    ([1, 2, 3, 4], "periode", "SUM", {1: (1, 1), 2: (2, 3), 3: (3, 6), 4: (4, 10)}),
    ([1, 3, 6, 10], "kumulatif", "SUM", {1: (1, 1), 2: (2, 3), 3: (3, 6), 4: (4, 10)}),
    ([20, 50, 80, 95], "kumulatif", "LAST", {1: (20, 20), 2: (50, 50), 3: (80, 80), 4: (95, 95)}),
    ([80, 90, 70, 100], "periode", "AVG", {1: (80, 80), 2: (90, 85), 3: (70, 80), 4: (100, 85)}),
    ([80, 90, 70, 60], "periode", "MAX", {1: (80, 80), 2: (90, 90), 3: (70, 90), 4: (60, 90)}),
])
def test_quarter_series(values, jenis, rule, expected):
    assert quarter_series(quarters(values, jenis), rule) == expected


def test_unreported_quarter_leaves_the_total_open_never_zero():
    assert quarter_series(quarters([1, None, 3, 4]), "AVG") == {1: (1, 1), 3: (3, None), 4: (4, None)}
    assert quarter_series(quarters([1, None, 3]), "SUM") == {1: (1, 1), 3: (3, None)}
    assert quarter_series(quarters([1, None, 3]), "LAST") == {1: (1, 1), 3: (3, 3)}
    # a cumulative figure states the total again after the gap
    assert quarter_series(quarters([1, None, 6], "kumulatif"), "SUM") == {1: (1, 1), 3: (6, 6)}


def test_per_quarter_targets():
    attr = {"target_tw1": 15, "target_tw2": 45, "target_tw3": 70, "target_tw4": 95}
    assert target_to_date(attr, 95, 2, "LAST") == (45, "target s.d. TW 2")
    attr = {"target_tw1": 1, "target_tw2": 0, "target_tw3": 0, "target_tw4": 1}
    assert target_to_date(attr, 2, 3, "SUM") == (1, "target s.d. TW 3")
    assert target_to_date({}, 2, 3, "SUM") == (2, "target tahunan")
    assert target_to_date(attr, 2, 4, "SUM") == (2, "target tahunan")  # the year is held against the RAK


def table_inputs(rows: list[tuple], target=4.0, satuan="laporan", polaritas="+", agregasi="SUM"):
    indikator = pd.DataFrame({"kode": ["K01.I01"], "kegiatan_kode": ["K01"], "nama": ["Jumlah laporan"],
                              "target_satuan": [satuan], "target_nilai": [target], "target_min": [None],
                              "target_max": [None], "target_teks": [f"{target:g} {satuan}"],
                              "target_sel": ["E7"], "sumber_file": ["RAK.xlsx"], "sumber_sheet": ["RAK"]})
    realisasi = pd.DataFrame([{"indikator_kode": "K01.I01", "triwulan": q, "realisasi": v, "jenis_nilai": j,
                               "sumber_file": f"TW{q}.xlsx", "sumber_sheet": "Indikator", "sumber_sel": f"F{q + 3}"}
                              for q, v, j in rows])
    attrs = pd.DataFrame({"kode": ["K01.I01"], "polaritas": [polaritas], "agregasi": [agregasi],
                          "jenis_nilai": ["periode"], "asal": ["berkas"], "alasan": [""],
                          **{f"target_tw{q}": [None] for q in range(1, 5)}})
    return indikator, realisasi, attrs


def test_year_table_sums_quarters_with_sources():
    table = compute_capaian_table(*table_inputs([(1, 1, "periode"), (2, 1, "periode"), (3, 0, "periode"),
                                                 (4, 1, "periode")]), Settings())
    rec = table.iloc[0]
    assert rec["realisasi"] == 3 and rec["capaian"] == 75 and rec["kategori"] == "Cukup"
    assert rec["sumber"] == ["RAK.xlsx!RAK!E7"] + [f"TW{q}.xlsx!Indikator!F{q + 3}" for q in range(1, 5)]


def test_year_not_reported_in_tw4_is_open():
    table = compute_capaian_table(*table_inputs([(1, 1, "periode"), (2, 1, "periode")]), Settings())
    rec = table.iloc[0]
    assert pd.isna(rec["capaian"]) and rec["status"] == BELUM_DILAPORKAN and rec["triwulan_terakhir"] == 2


def test_monthly_view_uses_the_latest_quarter_reported():
    table = compute_capaian_table(*table_inputs([(1, 1, "periode"), (2, 1, "periode")]), Settings(), upto=3,
                                  strict=False)
    assert table.iloc[0]["realisasi"] == 2 and table.iloc[0]["capaian"] == 50


def test_capped_figure_and_raw_figure():
    table = compute_capaian_table(*table_inputs([(4, 6, "kumulatif")]), Settings(batas_capaian=110))
    assert table.iloc[0]["capaian"] == 150 and table.iloc[0]["capaian_dicap"] == 110


def test_quarters_table_has_every_quarter():
    frame = compute_quarters(*table_inputs([(1, 1, "periode"), (3, 2, "periode")]), Settings())
    assert list(frame["triwulan"]) == [1, 2, 3, 4]
    assert frame.set_index("triwulan").loc[2, "status"] == BELUM_DILAPORKAN
    assert pd.isna(frame.set_index("triwulan").loc[3, "realisasi_sd"])  # TW II missing: total unknown
    assert frame.set_index("triwulan").loc[3, "status"] == BELUM_DILAPORKAN


# --- properties ---------------------------------------------------------------------------------

values = st.floats(min_value=0, max_value=1e9, allow_nan=False)
targets = st.floats(min_value=0, max_value=1e9, allow_nan=False)


@given(values, values, targets)
def test_higher_is_better_never_falls_as_realisation_grows(r1, r2, t):
    low, high = sorted((r1, r2))
    a, b = compute_capaian(low, t, "+").capaian, compute_capaian(high, t, "+").capaian
    if a is not None and b is not None:
        assert b >= a


@given(values, values, targets)
def test_lower_is_better_never_rises_as_realisation_grows(r1, r2, t):
    low, high = sorted((r1, r2))
    a, b = compute_capaian(low, t, "-").capaian, compute_capaian(high, t, "-").capaian
    if a is not None and b is not None:
        assert b <= a


@given(values, targets, st.sampled_from(["+", "-"]), st.sampled_from([100.0, 110.0, 120.0]))
def test_capped_never_exceeds_the_cap(r, t, polaritas, cap):
    value = capped(compute_capaian(r, t, polaritas).capaian, cap)
    assert value is None or value <= cap


@given(st.one_of(st.none(), st.floats()), st.one_of(st.none(), st.floats(min_value=0)),
       st.sampled_from(["+", "-"]), st.one_of(st.none(), st.tuples(values, values)))
def test_no_nan_or_infinity_leaves_the_engine(r, t, polaritas, bounds):
    low, high = sorted(bounds) if bounds else (None, None)
    hasil = compute_capaian(r, t, polaritas, low, high)
    assert hasil.capaian is None or (math.isfinite(hasil.capaian) and hasil.capaian >= 0)
    assert hasil.status


@given(st.lists(st.one_of(st.none(), st.floats(min_value=0, max_value=1e6)), min_size=1, max_size=4),
       st.sampled_from(["SUM", "LAST", "AVG", "MAX"]), st.sampled_from(["periode", "kumulatif"]))
def test_quarter_series_is_finite(vals, rule, jenis):
    for period, to_date in quarter_series(quarters(vals, jenis), rule).values():
        assert math.isfinite(period) and (to_date is None or math.isfinite(to_date))


def test_custom_band_labels():
    settings = Settings(kategori=(Band(90, "A"), Band(float("-inf"), "B")))
    assert settings.band(95) == "A" and settings.band(10) == "B"
