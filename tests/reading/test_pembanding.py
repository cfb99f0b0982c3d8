"""The benchmark file (pembanding-indikator.csv, issue 14 item 2): read and validated like the
office's other files, every mistake located by line and column."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tasks.problems import Severity
from tasks.reading.identify import identify
from tasks.reading.office import load_inputs
from tasks.reading.pembanding import PEMBANDING_NAME, read_pembanding

SAMPLE = Path(__file__).resolve().parents[2] / "data" / "pasaman-barat-2024"
UNITS = {"K02.I02": "%", "K01.I01": "laporan"}
HEADER = "kode;tingkat;wilayah;tahun;nilai;sumber"


def write(tmp_path: Path, *lines: str, encoding: str = "utf-8") -> Path:
    path = tmp_path / PEMBANDING_NAME
    path.write_bytes("\n".join(lines).encode(encoding))
    return path


def errors(problems):
    return [p for p in problems if p.severity is Severity.ERROR]


def test_a_good_file_is_read_with_every_way_of_writing_a_percent(tmp_path):
    path = write(tmp_path, HEADER, "K02.I02;nasional;Indonesia;2023;96,88;Paparan Ketua KPU, RDP Komisi II DPR",
                 "K02.I02;sejawat;KPU Kabupaten Pasaman;2024;97.69;kabarin.co, 30 Juli 2025",
                 "K02.I02;Provinsi;Sumatera Barat;2024;91,5 %;LKj KPU Provinsi Sumatera Barat 2024", "")
    frame, problems = read_pembanding(path, UNITS)
    assert problems == []
    assert frame["nilai"].tolist() == [96.88, 97.69, 91.5]
    assert frame["tingkat"].tolist() == ["nasional", "sejawat", "provinsi"]
    assert frame["sumber_baris"].tolist() == [2, 3, 4]


def test_comma_separated_and_windows_encoded_files_are_read(tmp_path):
    path = write(tmp_path, "kode,tingkat,wilayah,tahun,nilai,sumber",
                 'K02.I02,nasional,Indonesia,2022,"96,09","Bisnis.com, 25 Maret 2024 – paparan KPU"',
                 encoding="cp1252")
    frame, problems = read_pembanding(path, UNITS)
    assert problems == [] and frame["nilai"].tolist() == [96.09]
    assert frame["sumber"].iloc[0].endswith("paparan KPU")


def test_a_benchmark_without_its_source_is_an_error_at_its_line(tmp_path):
    path = write(tmp_path, HEADER, "K02.I02;nasional;Indonesia;2023;96,88;")
    frame, problems = read_pembanding(path, UNITS)
    (problem,) = errors(problems)
    assert frame.empty
    assert (problem.row, problem.cell, problem.header) == (2, "baris 2", "sumber")
    assert "sumber kosong" in problem.message and "diterbitkan" in problem.hint


def test_an_unknown_level_suggests_the_valid_ones(tmp_path):
    (problem,) = errors(read_pembanding(write(tmp_path, HEADER, "K02.I02;kabupaten;Pasaman;2024;97;x"), UNITS)[1])
    assert problem.header == "tingkat" and problem.value == "kabupaten" and problem.row == 2
    assert "nasional, provinsi, sejawat" in problem.hint


def test_a_duplicate_names_both_lines(tmp_path):
    path = write(tmp_path, HEADER, "K02.I02;nasional;Indonesia;2023;96,88;a", "K01.I01;nasional;Indonesia;2023;1;b",
                 "K02.I02;nasional;indonesia;2023;96,9;c")
    frame, problems = read_pembanding(path, UNITS)
    (problem,) = errors(problems)
    assert "baris 2 dan 4" in problem.message and problem.row == 4
    assert len(frame) == 2


def test_a_code_not_in_the_rak_is_an_error_naming_the_line(tmp_path):
    (problem,) = errors(read_pembanding(write(tmp_path, HEADER, "K99.I01;nasional;Indonesia;2024;81,78;KPU"),
                                        UNITS)[1])
    assert "K99.I01" in problem.message and "tidak ada di RAK" in problem.message
    assert (problem.row, problem.header) == (2, "kode")


def test_without_the_rak_codes_are_not_judged(tmp_path):
    frame, problems = read_pembanding(write(tmp_path, HEADER, "K99.I01;nasional;Indonesia;2024;81,78;KPU"))
    assert problems == [] and len(frame) == 1


@pytest.mark.parametrize("nilai, message", [("1.234", "meragukan"), ("", "nilai kosong"), ("banyak", "bukan angka"),
                                            ("81,78%", "satuan indikator ini 'laporan'")])
def test_a_bad_value_is_an_error_at_its_cell(tmp_path, nilai, message):
    path = write(tmp_path, HEADER, f"K01.I01;nasional;Indonesia;2024;{nilai};KPU RI")
    (problem,) = errors(read_pembanding(path, UNITS)[1])
    assert message in problem.message and problem.header == "nilai" and problem.row == 2


@pytest.mark.parametrize("tahun, message", [("", "tahun kosong"), ("24", "tidak wajar"), ("2024,5", "tidak wajar"),
                                            ("dua ribu", "bukan angka")])
def test_a_bad_year_is_an_error_at_its_cell(tmp_path, tahun, message):
    (problem,) = errors(read_pembanding(write(tmp_path, HEADER, f"K02.I02;nasional;Indonesia;{tahun};81;KPU"),
                                        UNITS)[1])
    assert message in problem.message and problem.header == "tahun"


def test_a_missing_column_is_named_with_the_header_found(tmp_path):
    frame, problems = read_pembanding(write(tmp_path, "kode;tingkat;tahun;nilai", "K02.I02;nasional;2024;81"), UNITS)
    (problem,) = errors(problems)
    assert frame.empty and "wilayah, sumber" in problem.message and problem.row == 1
    assert problem.value == "kode;tingkat;tahun;nilai"


def test_the_file_is_told_by_its_name():
    assert identify(Path("/tmp") / PEMBANDING_NAME).kind == "pembanding"


def test_the_sample_benchmarks_are_read_with_the_office_year(sample_inputs):
    frame = sample_inputs.pembanding
    assert frame is not None and not frame.empty
    assert set(frame["kode"]) <= set(sample_inputs.rak.indikator["kode"])
    assert all(frame["sumber"].str.len() > 10)
    assert not [p for p in sample_inputs.problems if p.file == PEMBANDING_NAME]


def test_a_bad_benchmark_file_stops_the_office_year(tmp_path):
    folder = tmp_path / "pasbar-2024"
    shutil.copytree(SAMPLE, folder, ignore=shutil.ignore_patterns("sumber"))
    write(folder, HEADER, "K02.I99;nasional;Indonesia;2024;95;KPU RI")
    inputs = load_inputs([folder])
    (problem,) = errors(inputs.problems)
    assert not inputs.ok and problem.file == PEMBANDING_NAME and problem.row == 2
