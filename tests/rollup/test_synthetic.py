"""Synthetic offices that differ like real ones: RAK layouts the reader supports, provinces, unmapped
indicators, and offices invalid in different ways, each told at its own file."""

from __future__ import annotations

from pathlib import Path

import pytest

from tasks.problems import Severity
from tasks.reading.office import load_inputs
from tasks.rollup.synthetic import BREAKS, generate

SAMPLE = Path(__file__).resolve().parents[2] / "data" / "pasaman-barat-2024"


@pytest.fixture(scope="module")
def offices(tmp_path_factory):
    root = tmp_path_factory.mktemp("satker")
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
    for i in offices.values():  # the same plan whatever the layout (the reworded header's offices included)
        assert i.counts() == {"kegiatan": 13, "indikator": 46, "aktivitas": 76}
    assert len({i.profile.provinsi for i in offices.values() if i.profile}) == 8
    mapped = {name: len(i.pemetaan) for name, i in valid.items()}
    assert min(mapped.values()) < 43 == max(mapped.values())  # some offices leave indicators unmapped
