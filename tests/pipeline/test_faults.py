"""Faults tried on purpose: a share that goes read-only for good after validation, a run killed while
rendering (its temporary Prefect server and render folder), each told or cleaned as staff need."""

from __future__ import annotations

import builtins
import errno
import json
import os
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import psutil

from flows.cli import main
from tasks.pipeline import leftovers, steps
from tasks.publishing.lock import lock_path

SAMPLE = Path(__file__).resolve().parents[2] / "data" / "pasaman-barat-2024"
ROOT = Path(__file__).resolve().parents[2]


def read_only_from_now(share: Path, monkeypatch) -> None:
    """Every write, rename or removal under `share` fails as on a share remounted read-only."""
    def refuse(path) -> None:
        if Path(os.fspath(path)).resolve().is_relative_to(share.resolve()):
            raise OSError(errno.EROFS, "Read-only file system", os.fspath(path))

    real_open, real_os_open = builtins.open, os.open
    real = {name: getattr(os, name) for name in ("replace", "rename", "unlink", "mkdir")}

    def guarded_open(file, mode="r", *args, **kwargs):
        if isinstance(file, (str, os.PathLike)) and any(c in mode for c in "wxa+"):
            refuse(file)
        return real_open(file, mode, *args, **kwargs)

    def guarded_os_open(path, flags, *args, **kwargs):
        if flags & (os.O_WRONLY | os.O_RDWR | os.O_CREAT):
            refuse(path)
        return real_os_open(path, flags, *args, **kwargs)

    def guard(name):
        def call(path, *args, **kwargs):
            refuse(path)
            return real[name](path, *args, **kwargs)
        return call

    monkeypatch.setattr(builtins, "open", guarded_open)
    monkeypatch.setattr(os, "open", guarded_os_open)
    for name in real:
        monkeypatch.setattr(os, name, guard(name))


def test_a_share_read_only_for_good_after_validation_tells_the_real_cause(prefect, tmp_path, monkeypatch, capsys):
    out = tmp_path / "bersama"
    out.mkdir()
    compute = steps.compute_office_figures

    def then_read_only(inputs, request):  # validated and locked: now the share goes read-only
        read_only_from_now(out, monkeypatch)
        return compute(inputs, request)

    monkeypatch.setattr(steps, "PUBLISH_RETRY_DELAYS", (0, 0))
    monkeypatch.setattr(steps, "compute_office_figures", then_read_only)
    code = main(["run", "--year", "2024", "--bulan", "1", "--input", str(SAMPLE), "--out", str(out)])
    err = capsys.readouterr().err
    monkeypatch.undo()
    assert code == 1, err
    assert "folder bersama tidak dapat diakses" in err and "hanya-baca (Read-only file system)" in err
    assert "tidak dicoba lagi" in err
    assert "kesalahan internal" not in err and "Traceback" not in err
    assert lock_path(out, "1312", 2024).exists()  # could not be removed: its lease expires by itself
    assert not list(out.rglob("*.docx"))


def test_a_run_killed_mid_render_leaves_no_server_or_render_folder_after_the_next_run(tmp_path, monkeypatch):
    scratch, out, home = tmp_path / "tmp", tmp_path / "bersama", tmp_path / "home"
    for folder in (scratch, out, home):
        folder.mkdir()
    env = {**os.environ, "TMPDIR": str(scratch), "PREFECT_HOME": str(home),
           "PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS": "90", "PREFECT_SERVER_ANALYTICS_ENABLED": "false"}
    env.pop("PREFECT_API_URL", None)
    run = subprocess.Popen([sys.executable, "-c", "import sys; from flows.cli import main; sys.exit(main())",
                            "run", "--year", "2024", "--input", str(SAMPLE), "--out", str(out)],
                           env=env, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 150
    try:
        while not (list(scratch.glob("lkip-render-*/*.docx")) and list(scratch.glob("lkip-run-*.json"))):
            assert run.poll() is None and time.monotonic() < deadline, "the run never started rendering"
            time.sleep(0.2)
    finally:
        run.send_signal(signal.SIGKILL)
        run.wait()
    (record,) = scratch.glob("lkip-run-*.json")
    servers = [psutil.Process(s["pid"]) for s in json.loads(record.read_text())["server"]]
    assert servers and all(s.is_running() for s in servers)  # what SIGKILL leaves behind

    monkeypatch.setattr(tempfile, "tempdir", str(scratch))
    staging = steps.new_staging()  # the next run's first step on this machine
    try:
        psutil.wait_procs(servers, timeout=30)
        assert not any(s.is_running() for s in servers)
        assert list(scratch.glob("lkip-render-*")) == [staging]
        assert not record.exists()  # (this process may have recorded its own server: it is alive)
    finally:
        steps.remove_staging(staging)
        for server in servers:
            if server.is_running():
                server.kill()
    assert leftovers.clean_dead_runs(scratch) == []
