"""profil.toml's funding sources: the optional total ceiling (pagu_total) of each; the province,
one of the 38 by its official name."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from tasks.problems import InputError, Severity
from tasks.reading.profile import PROFILE_NAME, load_profile, official_province, province_problems, provinces

SAMPLE = Path(__file__).resolve().parents[2] / "data" / "pasaman-barat-2024"

HEAD = ('[satker]\nkode = "1312"\nnama = "KPU Kabupaten Pasaman Barat"\n'
        '[[sumber_dana]]\nkode = "HIBAH"\nnama = "Hibah"\n')


@pytest.mark.parametrize("line, amount", [("pagu_total = 30050000000", 30_050_000_000.0),
                                          ('pagu_total = "Rp30.050.000.000"', 30_050_000_000.0), ("", None)])
def test_a_total_is_read_as_rupiah(tmp_path, line, amount):
    (tmp_path / "profil.toml").write_text(HEAD + line + "\n", encoding="utf-8")
    assert load_profile(tmp_path / "profil.toml").sumber_dana[0].pagu_total == amount


@pytest.mark.parametrize("value", ['"tiga puluh miliar"', "-5", '"95%"', "true", "[1]"])
def test_a_total_that_is_not_an_amount_is_a_located_error(tmp_path, value):
    (tmp_path / "profil.toml").write_text(HEAD + f"pagu_total = {value}\n", encoding="utf-8")
    with pytest.raises(InputError) as caught:
        load_profile(tmp_path / "profil.toml")
    (problem,) = caught.value.problems
    assert problem.file == "profil.toml" and problem.sheet == "[[sumber_dana]] ke-1"
    assert "pagu_total" in problem.message and "30050000000" in problem.hint


@pytest.mark.parametrize("written, official", [
    ("Sumatera Barat", "Sumatera Barat"), ("sumatera  barat", "Sumatera Barat"), ("DI Yogyakarta", "DI Yogyakarta"),
    ("Sumbar", ""), ("", "")])
def test_a_province_is_one_of_the_38_by_its_official_name(written, official):
    assert official_province(written) == official


def test_a_province_not_among_the_38_is_a_located_warning_with_the_likely_name():
    profile = load_profile(SAMPLE / PROFILE_NAME)
    assert len(provinces()) == 38 and province_problems(profile, PROFILE_NAME) == []
    (problem,) = province_problems(dataclasses.replace(profile, provinsi="Sumatra Barat"), PROFILE_NAME)
    assert (problem.severity, problem.file, problem.sheet, problem.value) == (
        Severity.WARNING, PROFILE_NAME, "[satker]", "Sumatra Barat")
    assert problem.message == "provinsi 'Sumatra Barat' bukan nama salah satu dari 38 provinsi"
    assert problem.hint.startswith('mungkin maksudnya provinsi = "Sumatera Barat"')
    (problem,) = province_problems(dataclasses.replace(profile, provinsi="Pasbar"), PROFILE_NAME)
    assert problem.hint == ('tulis nama resmi salah satu dari 38 provinsi (mis. "Sumatera Barat"), bukan singkatan, '
                            'di profil.toml')
    assert province_problems(dataclasses.replace(profile, provinsi=""), PROFILE_NAME) == []  # the roll-up lists it
