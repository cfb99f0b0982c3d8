"""Problem output a person can read (issue 12, item 9): one line per problem, once; past a limit a
summary by kind with the first examples; everything in --json; the run's message short."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from openpyxl import load_workbook

from flows.cli import main
from tasks.pipeline import steps
from tasks.pipeline.request import RunRequest
from tasks.problems import CONSOLE_LIMIT, Problem, Severity, kind_of, summary_lines, unique
from tasks.reading import form_layout as form

SAMPLE = Path(__file__).resolve().parents[1] / "data" / "pasaman-barat-2024"


def cell_problem(row: int, value: str = "abc", file: str = "realisasi-2024-TW1.xlsx") -> Problem:
    return Problem(file=file, sheet="Indikator", cell=f"F{row}", row=row, header="Realisasi", value=value,
                   message=f"realisasi K01.I{row:02d} bukan angka: '{value}'", hint="tulis angka saja")


def test_few_problems_are_one_line_each_and_each_once():
    problems = [cell_problem(4), cell_problem(5), cell_problem(4)]
    lines = summary_lines(problems)
    assert lines == [cell_problem(4).describe(), cell_problem(5).describe()]
    assert all("\n" not in line for line in lines)


def test_many_problems_are_summarised_by_kind_with_first_examples():
    problems = [cell_problem(r) for r in range(4, 104)]
    problems += [Problem(file="profil.toml", sheet="[satker]", message="isian wajib 'kode' kosong", hint="isi kode")]
    problems += [Problem(file="atribut-indikator.csv", severity=Severity.WARNING, row=r, cell=f"baris {r}",
                         message=f"atribut K0{r}.I01 (Jumlah laporan ({r})) diduga: polaritas +") for r in range(2, 9)]
    lines = summary_lines(problems)
    assert len(lines) < CONSOLE_LIMIT and lines[0].startswith("108 masalah")
    assert lines[1].startswith("GALAT ×100 realisasi-2024-TW1.xlsx: realisasi K01.I04 bukan angka")
    assert lines[2:5] == [f"    contoh: sheet 'Indikator', sel F{r} (Realisasi) [nilai: 'abc']" for r in (4, 5, 6)]
    assert lines[5] == "    … dan 97 lainnya"
    assert any(line.startswith("GALAT ×1 profil.toml: isian wajib 'kode' kosong") for line in lines)
    assert any(line.startswith("PERINGATAN ×7 atribut-indikator.csv") for line in lines)  # nested asides too
    assert [line for line in lines if line.startswith(("GALAT", "PERINGATAN"))][-1].startswith("PERINGATAN")
    assert "--rinci" in lines[-1] and "--json" in lines[-1]


def test_kinds_are_told_apart_by_their_words_not_their_values():
    assert kind_of(cell_problem(4, "x")) == kind_of(cell_problem(40, "yy"))
    other = Problem(file="realisasi-2024-TW1.xlsx", message="target K01.I04 bukan angka: 'x'")
    assert kind_of(other) != kind_of(cell_problem(4))
    assert unique([cell_problem(4), cell_problem(4, "x"), cell_problem(4)]) == [cell_problem(4), cell_problem(4, "x")]


def spoil_first_quarter(folder: Path) -> None:
    path = folder / "realisasi-2024-TW1.xlsx"
    book = load_workbook(path)
    sheet = book[form.SHEET_INDIKATOR]
    for row in range(form.HEADER_ROW + 1, sheet.max_row + 1):
        if sheet.cell(row, 1).value:
            sheet.cell(row, 6).value = "sudah"  # the Realisasi column, every indicator
    book.save(path)


def test_validate_summarises_on_the_console_and_lists_everything_in_json(capsys, tmp_path):
    folder = tmp_path / "masukan"
    shutil.copytree(SAMPLE, folder, ignore=shutil.ignore_patterns("sumber"))
    spoil_first_quarter(folder)
    assert main(["validate", str(folder)]) == 1
    out = capsys.readouterr().out
    kinds = [line for line in out.splitlines() if line.startswith(("GALAT", "PERINGATAN"))]
    assert "ringkasan per jenis" in out and len(out.splitlines()) < 80
    assert kinds[0].startswith("GALAT ×46 realisasi-2024-TW1.xlsx") and "Traceback" not in out
    assert main(["validate", str(folder), "--json"]) == 1
    data = json.loads(capsys.readouterr().out)
    errors = [p for p in data["problems"] if p["severity"] == "error"]
    assert len(errors) == 46 and {p["cell"] for p in errors} == {f"F{r}" for r in range(4, 50)}
    assert main(["validate", str(folder), "--rinci"]) == 1
    assert capsys.readouterr().out.count("GALAT: realisasi-2024-TW1.xlsx") == 46


def test_the_runs_failure_message_is_short(tmp_path):
    folder = tmp_path / "masukan"
    shutil.copytree(SAMPLE, folder, ignore=shutil.ignore_patterns("sumber"))
    spoil_first_quarter(folder)
    inputs = steps.read_inputs(RunRequest(folder, tmp_path, 2024))
    try:
        steps.require_valid(inputs)
    except steps.InvalidInputs as exc:
        message = str(exc)
    else:
        raise AssertionError("invalid inputs were accepted")
    assert message.startswith("Masukan belum valid; tidak ada laporan yang dibuat: 46 galat pada 1 berkas "
                              "(realisasi-2024-TW1.xlsx).")
    # One paragraph (a flow run's state message): the count, the files and the first error.
    assert "\n" not in message and " Pertama: realisasi-2024-TW1.xlsx, sheet " in message
