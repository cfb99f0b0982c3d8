"""How a run ends, told to people: outcome kinds, messages, the status file, paths as staff see them."""

from __future__ import annotations

import datetime
from pathlib import Path

from tasks.pipeline.outcome import (
    GAGAL,
    PERINGATAN,
    SELESAI,
    display_path,
    failed,
    outcome_of,
    run_label,
    status_text,
    tell_staff,
    when_text,
)
from tasks.pipeline.request import RunRequest
from tasks.pipeline.steps import InvalidInputs
from tasks.problems import Problem, Severity
from tasks.publishing.lock import RunLockError
from tasks.publishing.share import Published

WHEN = datetime.datetime(2025, 2, 4, 23, 30, tzinfo=datetime.timezone.utc)
ERROR = Problem("TW1.xlsx", "bukan angka", sheet="Indikator", cell="F4", value="x", hint="tulis angkanya")
WARNING = Problem("TW2.xlsx", "realisasi 999 lebih dari 5x target (1)", Severity.WARNING, sheet="Indikator",
                  cell="F6", value="999")


def test_kinds_of_outcome():
    done = outcome_of([], [Published(Path("a.docx"), "0" * 64, 1)])
    assert done.kind == SELESAI and done.state_name == "Selesai"
    warned = outcome_of([WARNING], [Published(Path("a.docx"), "0" * 64, 1)])
    assert warned.kind == PERINGATAN and warned.state_name == "Selesai dengan peringatan"
    assert "1 peringatan" in warned.message and "F6" in warned.message
    moved = outcome_of([], [Published(Path("a-v2.docx"), "0" * 64, 2, "berkas a.docx sedang dibuka")])
    assert moved.kind == PERINGATAN and "sedang dibuka" in moved.message


def test_a_failure_is_one_paragraph_naming_the_first_error():
    outcome = failed(InvalidInputs([ERROR, WARNING]))
    assert outcome.kind == GAGAL and "\n" not in outcome.message
    assert "1 galat pada 1 berkas (TW1.xlsx)" in outcome.message and "sel F4" in outcome.message
    assert "tulis angkanya" in outcome.message
    lock = failed(RunLockError("sedang dibuat oleh proses lain", hint="tunggu"))
    assert lock.message == "sedang dibuat oleh proses lain Saran: tunggu"


def test_times_labels_and_paths_as_staff_see_them(tmp_path):
    assert when_text(WHEN) == "5 Februari 2025 pukul 06.30 WIB"
    assert run_label(2024, None) == "LKIP 2024" and run_label(2024, 5) == "Bulanan 2024-05"
    request = RunRequest(tmp_path, tmp_path, 2024, display_root="\\\\server\\bersama")
    assert display_path(tmp_path / "1312" / "2024" / "a.docx", request) == "\\\\server\\bersama\\1312\\2024\\a.docx"
    assert display_path(tmp_path / "a.docx", RunRequest(tmp_path, tmp_path, 2024)) == str(tmp_path / "a.docx")
    posix = RunRequest(tmp_path, tmp_path, 2024, display_root="/mnt/bersama/")
    assert display_path(tmp_path / "x" / "a.docx", posix) == "/mnt/bersama/x/a.docx"


def test_status_says_the_last_run_its_result_and_the_next_one(tmp_path):
    request = RunRequest(tmp_path, tmp_path, 2024, 1)
    text = status_text("KPU Kabupaten Contoh", request, failed(InvalidInputs([ERROR])), WHEN,
                       WHEN + datetime.timedelta(days=30), tmp_path / "Daftar.xlsx")
    assert "Proses terakhir   : Bulanan 2024-01, 5 Februari 2025 pukul 06.30 WIB" in text
    assert "Hasil             : GAGAL" in text and "Laporan yang sudah terbit sebelumnya tidak diubah." in text
    assert "Proses berikutnya : 7 Maret 2025 pukul 06.30 WIB" in text
    assert "tidak ada jadwal" in status_text("X", request, outcome_of([], []), WHEN, None, None)


def test_telling_staff_writes_then_clears(tmp_path):
    inputs, out = tmp_path / "masukan", tmp_path / "bersama"
    inputs.mkdir()
    request = RunRequest(inputs, out, 2024)
    written = tell_staff(request, "1312", "KPU Kabupaten Contoh", failed(InvalidInputs([ERROR])), WHEN)
    assert [p.name for p in written] == ["Daftar-Masalah-2024-KPU-Kabupaten-Contoh.xlsx", "STATUS.txt"]
    written = tell_staff(request, "1312", "KPU Kabupaten Contoh", outcome_of([], []), WHEN)
    assert [p.name for p in written] == ["STATUS.txt"]
    assert sorted(p.name for p in (out / "1312" / "2024").iterdir()) == ["STATUS.txt"]
