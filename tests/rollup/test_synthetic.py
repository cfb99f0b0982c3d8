"""Synthetic offices that differ like real ones: RAK layouts the reader supports, provinces, unmapped
indicators, and offices invalid in different ways, each told at its own file."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from tasks.problems import Severity
from tasks.reading.office import load_inputs
from tasks.rollup.synthetic import BREAKS, generate

SAMPLE = Path(__file__).resolve().parents[2] / "data" / "pasaman-barat-2024"


@pytest.fixture(scope="module")
def sample():
    return load_inputs([SAMPLE], 2024)


@pytest.fixture(scope="module")
def root(tmp_path_factory):
    return tmp_path_factory.mktemp("satker")


@pytest.fixture(scope="module")
def offices(root):
    return {p.name: load_inputs([p], 2024) for p in generate(SAMPLE, root, 8, invalid_every=2)}


def test_each_way_of_being_invalid_is_one_located_error(offices):
    invalid = {name: [p for p in i.problems if p.severity is Severity.ERROR] for name, i in offices.items()
               if not i.ok}
    assert sorted(invalid) == ["satker-9001-2024", "satker-9003-2024", "satker-9005-2024", "satker-9007-2024"]
    files = [errors[0].file for errors in invalid.values()]
    assert all(len(errors) == 1 for errors in invalid.values()), invalid
    assert files == ["realisasi-2024-TW2.xlsx", "realisasi-2024-TW1.xlsx", "pemetaan-nasional.csv", "profil.toml"]
    assert len(BREAKS) == 4


def test_the_valid_offices_read_in_every_layout(offices):
    valid = {name: i for name, i in offices.items() if i.ok}
    kinds = {name: next(f["file"] for f in i.files if f["file"].startswith("RAK")) for name, i in valid.items()}
    assert {"RAK-2024.docx", "RAK-2024.xlsx"} <= set(kinds.values())
    assert len({i.profile.provinsi for i in offices.values() if i.profile}) == 8


def test_each_office_has_a_plan_of_its_own(offices, sample):
    counts = [i.counts() for i in offices.values()]
    assert len({tuple(c.values()) for c in counts}) == len(counts)  # no two alike
    for c in counts:
        assert 0 < c["kegiatan"] <= 13 and c["kegiatan"] <= c["indikator"] <= 46 and c["indikator"] <= \
            c["aktivitas"] <= 76
    for i in offices.values():  # renumbered: each office's codes run K01, K02, … with no gap
        assert list(i.rak.kegiatan.kode) == [f"K{n:02d}" for n in range(1, len(i.rak.kegiatan) + 1)]
    texts = set(sample.rak.indikator.nama) | set(sample.rak.aktivitas.nama)
    reworded = [name for name, i in offices.items()
                if not set(i.rak.indikator.nama) | set(i.rak.aktivitas.nama) <= texts]
    assert len(reworded) >= 4  # most offices word some of their plan their own way


def test_the_sample_forms_reach_each_plan_whole(offices):
    """The forms carried to an office's own plan (by text, after the same rewording) leave none of its
    indicators unreported and carry nothing to a row of another indicator."""
    for name, i in offices.items():
        if not i.ok:
            continue
        kode = set(i.rak.indikator.kode)
        for r in i.realisasi:
            assert set(r.indikator.indikator_kode) == kode, (name, r.triwulan)
            assert r.indikator.realisasi.notna().all(), (name, r.triwulan)
            assert (r.indikator.realisasi % 1 == 0).sum() >= len(kode) - 1  # whole counts stay whole


def test_the_code_keyed_files_follow_the_renumbering(offices, root):
    for name, i in offices.items():
        if not i.ok:
            continue
        kode = set(i.rak.indikator.kode)
        assert set(i.pemetaan.kode) <= kode and set(i.riwayat.kode) <= kode and set(i.atribut.kode) <= kode
        names = dict(zip(i.rak.indikator.kode, i.rak.indikator.nama))
        with open(root / name / "atribut-indikator.csv", encoding="utf-8", newline="") as fh:
            assert all(names[r["kode"]] == r["indikator"] for r in csv.DictReader(fh)), name
    mapped = {name: len(i.pemetaan) / len(i.rak.indikator) for name, i in offices.items() if i.ok}
    assert min(mapped.values()) < 0.85  # some offices leave a fifth unmapped (the sample: 43 of 46)
