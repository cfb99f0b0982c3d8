"""profil.toml's funding sources: the optional total ceiling (pagu_total) of each."""

from __future__ import annotations

import pytest

from tasks.problems import InputError
from tasks.reading.profile import load_profile

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
