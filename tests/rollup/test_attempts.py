"""An office run again after its worker died is told as such; an earlier roll-up's leftover is not."""

import os
import socket

from tasks.rollup import attempts


def test_a_first_attempt_then_a_retry_after_a_death(tmp_path):
    first = attempts.begin(tmp_path, 2024, "/data/satker-9001-2024", "rekap-a")
    assert not first.retried and attempts.marker_path(tmp_path, 2024, "satker-9001-2024").exists()
    # the worker dies here: no finish(); Dask runs the office again elsewhere
    again = attempts.begin(tmp_path, 2024, "/data/satker-9001-2024", "rekap-a")
    assert again.retried and again.number == 2 and " pid " in again.previous
    assert again.holder == (socket.gethostname(), os.getpid())  # whose lock, if any, the retry waits out
    attempts.finish(tmp_path, 2024, "satker-9001-2024")
    assert not attempts.marker_path(tmp_path, 2024, "satker-9001-2024").exists()
    attempts.clear(tmp_path, 2024)
    assert not (tmp_path / attempts.MARKERS).exists()


def test_a_marker_of_another_rollup_is_a_leftover(tmp_path):
    attempts.begin(tmp_path, 2024, "satker-9001-2024", "rekap-a")  # that roll-up was killed
    assert not attempts.begin(tmp_path, 2024, "satker-9001-2024", "rekap-b").retried


def test_clearing_keeps_a_marker_of_an_office_still_running(tmp_path):
    attempts.begin(tmp_path, 2024, "satker-9001-2024", "rekap-a")
    attempts.clear(tmp_path, 2024)
    assert attempts.marker_path(tmp_path, 2024, "satker-9001-2024").exists()


def test_an_unreadable_marker_is_a_first_attempt(tmp_path):
    path = attempts.marker_path(tmp_path, 2024, "satker-9001-2024")
    path.parent.mkdir(parents=True)
    path.write_text("{half a marker", encoding="utf-8")
    assert attempts.begin(tmp_path, 2024, "satker-9001-2024", "rekap-a").number == 1


def test_a_share_refusing_the_marker_still_runs_the_office(monkeypatch, tmp_path):
    import flows.rollup as rollup
    from tasks.pipeline.office import OfficeRun

    def refuse(*_):
        raise PermissionError(13, "Permission denied")

    said: list[str] = []

    class Logger:
        def warning(self, text):
            said.append(text)

        info = warning

    monkeypatch.setattr(rollup, "get_run_logger", Logger)
    monkeypatch.setattr(rollup.attempts, "begin", refuse)
    monkeypatch.setattr(rollup, "run_office", lambda request, version: OfficeRun(folder="satker-9001-2024", ok=True))
    run = rollup.process_office.fn(str(tmp_path / "satker-9001-2024"), 2024, str(tmp_path), False,
                                   rollup_id="rekap-a")
    assert run.ok and run.percobaan == 1
    assert "penanda percobaan tidak dapat ditulis" in said[0] and "Permission denied" in said[0]


def test_a_retry_waits_for_the_lock_of_the_attempt_that_died_and_says_so(monkeypatch, tmp_path):
    import flows.rollup as rollup
    from tasks.pipeline.office import OfficeRun

    said, asked = [], []

    class Logger:
        def warning(self, text):
            said.append(text)

        info = warning

    monkeypatch.setattr(rollup, "get_run_logger", Logger)
    monkeypatch.setattr(rollup, "run_office", lambda request, version: asked.append(request) or OfficeRun(
        folder="satker-9001-2024", ok=True))
    attempts.begin(tmp_path, 2024, "satker-9001-2024", "rekap-a")  # its worker died: no finish()
    run = rollup.process_office.fn(str(tmp_path / "satker-9001-2024"), 2024, str(tmp_path), False,
                                   rollup_id="rekap-a")
    assert run.percobaan == 2 and asked[0].lock_of_dead_attempt == (socket.gethostname(), os.getpid())
    assert asked[0].lock_patience == rollup.LOCK_PATIENCE  # an office's own run holding the lock is waited for
    assert "dijalankan ulang (percobaan ke-2)" in said[0] and "paling lama 17 menit" in said[0]
