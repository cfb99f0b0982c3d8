"""Two runs for the same office and year: one runs, the other is refused; stale locks are taken over."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from tasks.publishing import lock as lock_module
from tasks.publishing.lock import LEASE_SECONDS, RunLock, RunLockError, lock_path


def write_lock(folder, **holder):
    lock_path(folder, "1312", 2024).write_text(json.dumps(holder), encoding="utf-8")


def here(**more):
    now = time.time()
    return {"pid": os.getpid(), "host": socket.gethostname(), "boot": lock_module.boot_id(), "mulai": now,
            "diperbarui": now, **more}


def test_second_run_is_refused_while_the_first_holds_the_lock(tmp_path):
    with RunLock(lock_path(tmp_path, "1312", 2024), "1312 2024"):
        with pytest.raises(RunLockError, match="sedang dibuat oleh proses lain") as info:
            with RunLock(lock_path(tmp_path, "1312", 2024), "1312 2024"):
                pass
    assert str(lock_path(tmp_path, "1312", 2024)) in info.value.message  # the refusal names the lock
    assert "hapus berkas .lkip-lock-1312-2024.json" in info.value.hint and "15 menit" in info.value.hint
    assert not lock_path(tmp_path, "1312", 2024).exists()


def test_locks_work_where_hard_links_are_refused(tmp_path, monkeypatch):
    def no_links(*args, **kwargs):
        raise PermissionError(1, "Operation not permitted")  # what many SMB/NAS shares answer

    monkeypatch.setattr(os, "link", no_links)
    with RunLock(lock_path(tmp_path, "1312", 2024), "1312 2024"):
        assert json.loads(lock_path(tmp_path, "1312", 2024).read_text())["pid"] == os.getpid()
        with pytest.raises(RunLockError):
            RunLock(lock_path(tmp_path, "1312", 2024), "1312 2024").__enter__()
    assert not lock_path(tmp_path, "1312", 2024).exists()


def test_lock_of_a_live_process_is_respected(tmp_path):
    sleeper = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(30)"])
    try:
        write_lock(tmp_path, **here(pid=sleeper.pid))
        with pytest.raises(RunLockError, match=str(sleeper.pid)):
            RunLock(lock_path(tmp_path, "1312", 2024), "1312 2024").__enter__()
    finally:
        sleeper.kill()
        sleeper.wait()


def test_lock_of_a_dead_process_is_taken_over(tmp_path):
    dead = subprocess.Popen([sys.executable, "-c", "pass"])
    dead.wait()
    write_lock(tmp_path, **here(pid=dead.pid))
    with RunLock(lock_path(tmp_path, "1312", 2024), "1312 2024") as lock:
        assert lock.taken_over["pid"] == dead.pid


def test_a_lock_from_before_a_reboot_is_taken_over_though_its_pid_is_alive_again(tmp_path, monkeypatch):
    # A power cut: after the reboot the lock's PID (here: this very process) belongs to another program.
    monkeypatch.setattr(lock_module, "boot_id", lambda: "boot-sesudah")
    write_lock(tmp_path, **here(boot="boot-sebelum"))
    with RunLock(lock_path(tmp_path, "1312", 2024), "1312 2024") as lock:
        assert lock.taken_over["boot"] == "boot-sebelum"


def test_a_lease_not_renewed_is_stale_whoever_holds_it(tmp_path):
    old = time.time() - LEASE_SECONDS - 1
    write_lock(tmp_path, **here(mulai=old, diperbarui=old))  # alive, same boot, but no longer renewed
    with RunLock(lock_path(tmp_path, "1312", 2024), "x") as lock:
        assert lock.taken_over["pid"] == os.getpid()


def test_another_hosts_lock_is_respected_while_renewed(tmp_path):
    write_lock(tmp_path, pid=1, host="mesin-lain", mulai=time.time() - 3 * LEASE_SECONDS, diperbarui=time.time())
    with pytest.raises(RunLockError, match="mesin-lain"):
        RunLock(lock_path(tmp_path, "1312", 2024), "x").__enter__()
    write_lock(tmp_path, pid=1, host="mesin-lain", mulai=time.time(), diperbarui=time.time() - LEASE_SECONDS - 1)
    with RunLock(lock_path(tmp_path, "1312", 2024), "x") as lock:
        assert lock.taken_over["host"] == "mesin-lain"


@pytest.fixture
def short_lease(monkeypatch):
    """A lease of 0.6 s, renewals every 0.1 s, a waiting run looking every 0.05 s."""
    monkeypatch.setattr(lock_module, "LEASE_SECONDS", 0.6)
    monkeypatch.setattr(lock_module, "RENEW_SECONDS", 0.1)
    monkeypatch.setattr(lock_module, "WAIT_SECONDS", 0.05)


def test_the_lock_of_a_dead_attempt_on_another_machine_is_waited_out_then_taken_over(tmp_path, short_lease):
    """The roll-up's retry of an office whose worker died elsewhere: that worker's lock looks alive
    till its lease ends (the pid cannot be checked from here); it is waited for, not refused."""
    write_lock(tmp_path, pid=4242, host="mesin-lain", mulai=time.time(), diperbarui=time.time())
    started = time.monotonic()
    with RunLock(lock_path(tmp_path, "1312", 2024), "x", waits_for=("mesin-lain", 4242)) as lock:
        assert lock.taken_over["pid"] == 4242
    assert 0.5 < time.monotonic() - started < 5


def test_only_the_dead_attempts_lock_is_waited_for_and_never_past_its_lease(tmp_path, short_lease):
    write_lock(tmp_path, pid=4243, host="mesin-lain", mulai=time.time(), diperbarui=time.time())
    started = time.monotonic()
    with pytest.raises(RunLockError, match="pid 4243 di mesin-lain") as refused:  # another run: refused at once
        RunLock(lock_path(tmp_path, "1312", 2024), "x", waits_for=("mesin-lain", 4242)).__enter__()
    assert time.monotonic() - started < 0.3 and refused.value.holder["pid"] == 4243
    # a holder taken for dead that still renews its lease (a worker cut off from Dask, not from the share)
    write_lock(tmp_path, pid=4242, host="mesin-lain", mulai=time.time(), diperbarui=time.time())
    renewing = threading.Event()

    def renew() -> None:  # whole texts only (os.replace): a torn read would be refused at once, as it may be
        path = lock_path(tmp_path, "1312", 2024)
        while not renewing.wait(0.05):
            path.with_suffix(".baru").write_text(json.dumps({"pid": 4242, "host": "mesin-lain", "mulai": time.time(),
                                                             "diperbarui": time.time()}), encoding="utf-8")
            os.replace(path.with_suffix(".baru"), path)

    renewer = threading.Thread(target=renew)
    renewer.start()
    try:
        started = time.monotonic()
        with pytest.raises(RunLockError, match="pid 4242 di mesin-lain"):
            RunLock(lock_path(tmp_path, "1312", 2024), "x", waits_for=("mesin-lain", 4242)).__enter__()
        assert 0.7 < time.monotonic() - started < 5  # a lease and two renewals, then refused as any other
    finally:
        renewing.set()
        renewer.join()


def test_with_patience_a_live_lock_is_waited_for_until_released_or_patience_ends(tmp_path, short_lease):
    """The roll-up meeting an office's own run: it waits for it to end instead of listing the office."""
    path = lock_path(tmp_path, "1312", 2024)
    holder = RunLock(path, "1312 2024").__enter__()
    threading.Timer(0.3, holder.__exit__, (None, None, None)).start()
    started = time.monotonic()
    with RunLock(path, "1312 2024", patience=5) as lock:
        assert lock.taken_over is None  # released by its holder, then taken: not taken over
    assert 0.25 < time.monotonic() - started < 3
    with RunLock(path, "1312 2024"):
        started = time.monotonic()
        with pytest.raises(RunLockError, match="sedang dibuat oleh proses lain"):
            RunLock(path, "1312 2024", patience=0.3).__enter__()
        assert 0.25 < time.monotonic() - started < 3


def test_the_holder_renews_its_lease_and_stops_once_the_lock_is_not_its_own(tmp_path):
    path = lock_path(tmp_path, "1312", 2024)
    with RunLock(path, "x", renew_seconds=0.05) as lock:
        first = renewed_at(path)
        deadline = time.monotonic() + 5
        while renewed_at(path) == first:
            assert time.monotonic() < deadline, "the lease was never renewed"
            time.sleep(0.05)
        take_over(path)
        assert lock.renew() is False
    assert json.loads(path.read_text())["token"] == "orang-lain"  # another run's lock is never removed


def renewed_at(path) -> float:
    """The lock's `diperbarui`, read as another run reads it. The renewal rewrites the file in place,
    so a read that meets it mid-write sees a torn text (other runs take that as "being written"):
    read again until the text is whole."""
    deadline = time.monotonic() + 5
    while True:
        try:
            return json.loads(path.read_text())["diperbarui"]
        except ValueError:
            assert time.monotonic() < deadline, "the lock never read whole"
            time.sleep(0.001)


def take_over(path):
    """What another run does to a stale lock: rename it away, then create its own."""
    os.rename(path, path.with_name(path.name + ".usang"))
    write_lock(path.parent, **here(token="orang-lain"))


def test_a_renewal_racing_a_takeover_never_writes_over_the_new_lock(tmp_path, monkeypatch):
    """The renewal read our lock, and another run took it over before the renewal wrote: what it
    writes goes to the file renamed away, and the other run's lock stays as that run wrote it."""
    path = lock_path(tmp_path, "1312", 2024)
    real_time = time.time
    taken: list[bool] = []

    def taken_over_then_time():  # renew() asks for the time between reading the lock and writing it
        if not taken:
            taken.append(True)
            take_over(path)
        return real_time()

    with RunLock(path, "x", renew_seconds=3600) as lock:
        monkeypatch.setattr(lock_module.time, "time", taken_over_then_time)
        assert lock.renew() is True and taken  # it wrote, to the lock renamed away
        monkeypatch.undo()
        assert json.loads(path.read_text())["token"] == "orang-lain"
        assert lock.renew() is False
    assert json.loads(path.read_text())["token"] == "orang-lain"
    assert json.loads(path.with_name(path.name + ".usang").read_text())["token"] == lock.token


@pytest.mark.parametrize("text", [
    "",  # being written right now, or left empty by a crash
    '{"pid": 1, "host": "vm", "diperbarui": 1796450231.068886, "token": "896a7f3ed25eee74"}}',  # read mid-renewal
], ids=["empty", "torn"])
def test_an_unreadable_lock_is_stale_only_once_old(tmp_path, text):
    path = lock_path(tmp_path, "1312", 2024)
    path.write_text(text, encoding="utf-8")
    with pytest.raises(RunLockError):
        RunLock(path, "x").__enter__()
    os.utime(path, (time.time() - LEASE_SECONDS - 1,) * 2)
    with RunLock(path, "x"):
        assert path.exists()


def test_a_share_gone_at_release_is_noted_not_raised(tmp_path, monkeypatch):
    lock = RunLock(lock_path(tmp_path, "1312", 2024), "x").__enter__()

    def read_only(self, missing_ok=False):
        raise PermissionError(30, "Read-only file system")

    monkeypatch.setattr(Path, "unlink", read_only)
    lock.__exit__(None, None, None)
    assert "tidak dapat dihapus" in lock.release_error and "usang" in lock.release_error


def test_lock_name_cannot_escape_the_share(tmp_path):
    assert lock_path(tmp_path, "../../x", 2024).parent == tmp_path
