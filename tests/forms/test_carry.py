"""`lkip carry-over`: the sample's four filled forms carried into forms of a revised RAK (an indicator
inserted mid-kegiatan, the codes after it shifted): every old value lands under its own indicator."""

from __future__ import annotations

import csv
import importlib.util
import shutil
import sys
from pathlib import Path

import pytest

from flows.cli import main
from tasks.reading.office import load_inputs

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "data" / "pasaman-barat-2024"
NEW_INDICATOR = "Jumlah laporan evaluasi rencana aksi"


def _build_sample():
    spec = importlib.util.spec_from_file_location("build_sample", ROOT / "data" / "build_sample.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules["build_sample"] = module  # its dataclasses look their module up
    spec.loader.exec_module(module)
    return module


def revised_rak(folder: Path) -> Path:
    """The sample RAK with a new indicator 3 in kegiatan 1 (its activity planned in May); the
    kegiatan's indicators 3.. become 4.. ."""
    builder = _build_sample()
    with (SAMPLE / "sumber" / "rak-2024.csv").open(encoding="utf-8", newline="") as fh:
        records = list(csv.DictReader(fh))
    first = next(i for i, r in enumerate(records) if r["kegiatan_no"] == "1" and r["indikator_no"] == "3")
    for rec in records:
        if rec["kegiatan_no"] == "1" and int(rec["indikator_no"]) >= 3:
            rec["indikator_no"] = str(int(rec["indikator_no"]) + 1)
    records.insert(first, {**records[first], "indikator_no": "3", "indikator": NEW_INDICATOR, "target": "2 laporan",
                           "aktivitas": "Evaluasi pelaksanaan rencana aksi", "bulan": "5"})
    rows = [builder._row(rec, i) for i, rec in enumerate(records)]
    path = folder / "RAK-2024.xlsx"
    builder.write_xlsx(rows, path)
    return path


@pytest.fixture(scope="module")
def carried(tmp_path_factory):
    work = tmp_path_factory.mktemp("revisi")
    new_folder = work / "baru"
    new_folder.mkdir()
    for name in ("profil.toml", "narasi.toml"):
        shutil.copy(SAMPLE / name, new_folder / name)
    revised_rak(new_folder)
    code = main(["carry-over", "--rak", str(new_folder / "RAK-2024.xlsx"), "--lama", str(SAMPLE),
                 "--out", str(new_folder)])
    return code, new_folder


def realised(folder: Path) -> dict[tuple[int, str], float]:
    """(quarter, indicator text) -> realisation, as read and validated from the folder."""
    inputs = load_inputs([folder], 2024)
    names = dict(zip(inputs.rak.indikator["kode"], inputs.rak.indikator["nama"]))
    return {(int(r.triwulan), names[r.indikator_kode]): r.realisasi
            for real in inputs.realisasi for r in real.indikator.itertuples() if r.realisasi == r.realisasi}


def test_every_old_value_is_under_its_own_indicator_in_the_new_forms(carried, capsys):
    code, folder = carried
    assert code == 0
    assert realised(folder) == realised(SAMPLE)
    inputs = load_inputs([folder], 2024)
    assert inputs.ok, [p.describe() for p in inputs.problems if p.severity.value == "error"]
    kode = inputs.rak.indikator.set_index("nama").loc[NEW_INDICATOR, "kode"]
    assert kode == "K01.I03"


def test_the_new_indicator_is_listed_as_unfilled_and_nothing_is_lost(tmp_path, capsys):
    folder = tmp_path / "baru"
    folder.mkdir()
    shutil.copy(SAMPLE / "profil.toml", folder / "profil.toml")
    revised_rak(folder)
    before = {p.name: p.read_bytes() for p in SAMPLE.glob("realisasi-*.xlsx")}
    assert main(["carry-over", "--rak", str(folder / "RAK-2024.xlsx"), "--lama", str(SAMPLE), "--out",
                 str(folder / "formulir")]) == 0
    out = capsys.readouterr().out
    assert out.count(f"belum terisi (tidak ada padanannya di formulir lama): Indikator: K01.I03 {NEW_INDICATOR}") == 4
    assert "tidak dapat dipindahkan" not in out
    assert {p.name: p.read_bytes() for p in SAMPLE.glob("realisasi-*.xlsx")} == before  # old forms untouched


def test_the_old_forms_against_the_revised_rak_are_refused_not_misread(carried):
    _, folder = carried
    stale = folder.parent / "lama"
    shutil.copytree(SAMPLE, stale)
    shutil.copy(folder / "RAK-2024.xlsx", stale / "RAK-2024.xlsx")
    inputs = load_inputs([stale], 2024)
    assert not inputs.ok
    assert any("tidak sama dengan RAK" in p.message and "carry-over" in p.hint for p in inputs.problems)


def test_carry_over_never_overwrites_the_old_forms(tmp_path, capsys):
    folder = tmp_path / "masukan"
    shutil.copytree(SAMPLE, folder)
    code = main(["carry-over", "--rak", str(folder / "RAK-2024.xlsx"), "--lama", str(folder), "--out", str(folder)])
    assert code == 1 and "tidak ditimpa" in capsys.readouterr().err
