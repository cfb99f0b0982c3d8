"""Two runs for the same office and year: one runs, the other is refused; stale locks are taken over."""

from __future__ import annotations

import json
import socket
import subprocess
import sys
import time

import pytest

from tasks.publishing.lock import MAX_AGE_SECONDS, RunLock, RunLockError, lock_path


def write_lock(folder, **holder):
    lock_path(folder, "1312", 2024).write_text(json.dumps(holder), encoding="utf-8")


def test_second_run_is_refused_while_the_first_holds_the_lock(tmp_path):
    with RunLock(lock_path(tmp_path, "1312", 2024), "1312 2024"):
        with pytest.raises(RunLockError, match="sedang dibuat oleh proses lain"):
            with RunLock(lock_path(tmp_path, "1312", 2024), "1312 2024"):
                pass
    assert not lock_path(tmp_path, "1312", 2024).exists()


def test_lock_of_a_live_process_is_respected(tmp_path):
    sleeper = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(30)"])
    try:
        write_lock(tmp_path, pid=sleeper.pid, host=socket.gethostname(), mulai=time.time())
        with pytest.raises(RunLockError, match=str(sleeper.pid)):
            RunLock(lock_path(tmp_path, "1312", 2024), "1312 2024").__enter__()
    finally:
        sleeper.kill()
        sleeper.wait()


def test_lock_of_a_dead_process_is_taken_over(tmp_path):
    dead = subprocess.Popen([sys.executable, "-c", "pass"])
    dead.wait()
    write_lock(tmp_path, pid=dead.pid, host=socket.gethostname(), mulai=time.time())
    with RunLock(lock_path(tmp_path, "1312", 2024), "1312 2024") as lock:
        assert lock.taken_over["pid"] == dead.pid


def test_old_lock_of_another_host_is_taken_over_a_recent_one_is_not(tmp_path):
    write_lock(tmp_path, pid=1, host="mesin-lain", mulai=time.time())
    with pytest.raises(RunLockError, match="mesin-lain"):
        RunLock(lock_path(tmp_path, "1312", 2024), "x").__enter__()
    write_lock(tmp_path, pid=1, host="mesin-lain", mulai=time.time() - MAX_AGE_SECONDS - 1)
    with RunLock(lock_path(tmp_path, "1312", 2024), "x") as lock:
        assert lock.taken_over["host"] == "mesin-lain"


def test_unreadable_lock_is_taken_over(tmp_path):
    lock_path(tmp_path, "1312", 2024).write_text("", encoding="utf-8")
    with RunLock(lock_path(tmp_path, "1312", 2024), "x"):
        assert lock_path(tmp_path, "1312", 2024).exists()


def test_lock_name_cannot_escape_the_share(tmp_path):
    assert lock_path(tmp_path, "../../x", 2024).parent == tmp_path
