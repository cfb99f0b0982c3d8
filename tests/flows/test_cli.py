"""The `lkip` command: exit codes, JSON shapes, messages without tracebacks."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from flows.cli import main

SAMPLE = Path(__file__).resolve().parents[2] / "data" / "pasaman-barat-2024"
WORD = SAMPLE.parent / "rak-word" / "RAK-2024.docx"


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_validate_sample_json(capsys):
    code, out, _ = run(capsys, "validate", str(SAMPLE), "--json")
    data = json.loads(out)
    assert code == 0 and data["valid"] is True
    assert data["counts"] == {"kegiatan": 13, "indikator": 46, "aktivitas": 76}
    assert set(data) >= {"files", "counts", "problems"}
    assert all(set(p) >= {"file", "sheet", "cell", "row", "column", "value", "severity", "message"}
               for p in data["problems"])


def test_validate_text_prints_counts(capsys):
    code, out, _ = run(capsys, "validate", str(SAMPLE))
    assert code == 0 and "13 kegiatan, 46 indikator, 76 aktivitas" in out and "Data siap dipakai" in out


def test_validate_invalid_file_exits_1_with_the_cause(capsys, tmp_path):
    bad = tmp_path / "RAK-2024.xlsx"
    bad.write_text("no;indikator\n1;x\n")
    code, out, _ = run(capsys, "validate", str(bad))
    assert code == 1 and "GALAT: RAK-2024.xlsx" in out and "CSV" in out and "Traceback" not in out


def test_validate_missing_path_is_a_usage_error(capsys, tmp_path):
    code, _, err = run(capsys, "validate", str(tmp_path / "tidak-ada"))
    assert code == 2 and "tidak ditemukan" in err


def test_usage_errors_exit_2(capsys):
    with pytest.raises(SystemExit) as info:
        main(["validate"])
    assert info.value.code == 2


def test_help_explains(capsys):
    with pytest.raises(SystemExit) as info:
        main(["--help"])
    out = capsys.readouterr().out
    assert info.value.code == 0 and "validate" in out and "inspect" in out and "template" in out


@pytest.mark.parametrize("path", [SAMPLE / "RAK-2024.xlsx", WORD])
def test_inspect_rak_json(capsys, path):
    code, out, _ = run(capsys, "inspect", str(path), "--json", "--profil", str(SAMPLE / "profil.toml"))
    data = json.loads(out)
    indicators = [i for k in data["kegiatan"] for i in k["indikator"]]
    assert code == 0 and len(data["kegiatan"]) == 13 and len(indicators) == 46
    assert set(indicators[0]["target"]) >= {"teks", "nilai", "satuan", "min", "max"}
    assert sum(len(i["aktivitas"]) for i in indicators) == 76


def test_inspect_realisation_json(capsys):
    code, out, _ = run(capsys, "inspect", str(SAMPLE / "realisasi-2024-TW2.xlsx"), "--json")
    data = json.loads(out)
    assert code == 0 and data["triwulan"] == 2 and len(data["indikator"]) == 46
    assert {r["bulan"] for r in data["aktivitas"]} == {4, 5, 6}


def test_template_writes_four_forms_and_keeps_existing_ones(capsys, tmp_path):
    shutil.copy(SAMPLE / "RAK-2024.xlsx", tmp_path)
    shutil.copy(SAMPLE / "profil.toml", tmp_path)
    args = ["template", "--rak", str(tmp_path / "RAK-2024.xlsx"), "--year", "2024", "--out", str(tmp_path / "f")]
    code, out, _ = run(capsys, *args)
    assert code == 0 and [Path(p).name for p in out.split()] == [f"realisasi-2024-TW{q}.xlsx" for q in range(1, 5)]
    code, _, err = run(capsys, *args)
    assert code == 1 and "tidak ditimpa" in err
    assert run(capsys, *args, "--force")[0] == 0


def test_capaian_json_on_the_sample(capsys):
    code, out, _ = run(capsys, "capaian", "--input", str(SAMPLE), "--year", "2024", "--json")
    assert code == 0 and "NaN" not in out and "Infinity" not in out
    data = json.loads(out)
    assert len(data["indikator"]) == 46
    keys = {"kode", "indikator", "satuan", "polaritas", "agregasi", "target", "realisasi", "capaian",
            "capaian_dicap", "kategori", "status", "sumber"}
    assert all(keys <= set(rec) and rec["sumber"] for rec in data["indikator"])
    assert {"per_kegiatan", "per_bulan", "efisiensi"} <= set(data["anggaran"])
    assert {"per_bulan", "per_pelaksana", "terlambat"} <= set(data["jadwal"])
    statuses = {rec["kode"]: rec["status"] for rec in data["indikator"]}
    assert "belum dilaporkan" not in statuses.values()  # the sample reports every indicator in TW IV


@pytest.mark.parametrize("period", [["--triwulan", "2"], ["--bulan", "5"]])
def test_capaian_for_a_quarter_or_a_month(capsys, period):
    code, out, _ = run(capsys, "capaian", "--input", str(SAMPLE), "--year", "2024", "--json", *period)
    data = json.loads(out)
    assert code == 0 and len(data["indikator"]) == 46
    assert data["jadwal"]["per_bulan"][-1]["bulan"] == (6 if period[0] == "--triwulan" else 5)
    quarter = 2 if period[0] == "--triwulan" else 1  # May reads TW I, the last quarter ended by it
    assert {rec["kemajuan"]["triwulan"] for rec in data["indikator"]} == {quarter}


def test_capaian_text_and_invalid_input(capsys, tmp_path):
    code, out, _ = run(capsys, "capaian", "--input", str(SAMPLE), "--year", "2024")
    assert code == 0 and "Kepatuhan jadwal" in out and "%" in out
    shutil.copytree(SAMPLE, tmp_path / "x")
    (tmp_path / "x" / "RAK-2024.xlsx").write_bytes(b"")
    code, _, err = run(capsys, "capaian", "--input", str(tmp_path / "x"), "--year", "2024")
    assert code == 1 and "tidak dihitung" in err
