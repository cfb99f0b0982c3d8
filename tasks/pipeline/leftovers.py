"""What a killed run leaves on this machine, cleaned by the next run: its local render folder
(`lkip-render-*` in TMPDIR) and Prefect's temporary server that the run started (~220 MB, which
outlives a process killed with SIGKILL).

Every render folder holds an owner file (the run's PID, the machine's boot and the process's start
time); every run that started a temporary server records it in `lkip-run-<pid>.json` in TMPDIR. A
folder or record whose owner is no longer running is the leftover of a dead run.
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
from pathlib import Path

import psutil

STAGING_PREFIX = "lkip-render-"
OWNER_FILE = ".pemilik.json"
RUN_PREFIX = "lkip-run-"
_SERVER_WORDS = ("prefect", "uvicorn")


def _me() -> dict:
    process = psutil.Process()
    return {"pid": process.pid, "mulai": process.create_time()}


def _running(owner: dict) -> bool:
    """Whether the process an owner record names is still that process (not a PID reused since)."""
    try:
        process = psutil.Process(int(owner.get("pid", -1)))
        return abs(process.create_time() - float(owner.get("mulai", 0))) < 1.0
    except (psutil.Error, ValueError, TypeError):
        return False


def _read(path: Path) -> dict:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}


def new_staging() -> Path:
    """A local folder to render into, owned by this process."""
    folder = Path(tempfile.mkdtemp(prefix=STAGING_PREFIX))
    (folder / OWNER_FILE).write_text(json.dumps(_me()), encoding="utf-8")
    return folder


def record_temporary_server() -> Path | None:
    """Record the Prefect server this process started, if any (a child whose command line is
    Prefect's server), so that a next run can stop it when this one is killed."""
    servers = []
    for child in psutil.Process().children(recursive=True):
        try:
            command = " ".join(child.cmdline()).lower()
            if all(word in command for word in _SERVER_WORDS):
                servers.append({"pid": child.pid, "mulai": child.create_time()})
        except psutil.Error:
            continue  # ended meanwhile: nothing to record
    if not servers:
        return None
    path = run_record()
    path.write_text(json.dumps({**_me(), "server": servers}), encoding="utf-8")
    return path


def run_record() -> Path:
    """This process's record of its temporary server."""
    return Path(tempfile.gettempdir()) / f"{RUN_PREFIX}{os.getpid()}.json"


def forget_run() -> None:
    """A run that ends normally leaves no record: its temporary server stops with its process."""
    run_record().unlink(missing_ok=True)


def clean_dead_runs(tmpdir: Path | None = None) -> list[str]:
    """Remove the render folders and stop the temporary servers of runs that are no longer running;
    returns what was cleaned, for the log."""
    root = Path(tmpdir or tempfile.gettempdir())
    cleaned = []
    for folder in sorted(root.glob(f"{STAGING_PREFIX}*")):
        owner = _read(folder / OWNER_FILE)
        if folder.is_dir() and owner and not _running(owner):
            shutil.rmtree(folder, ignore_errors=True)
            cleaned.append(f"folder render {folder}")
    for record in sorted(root.glob(f"{RUN_PREFIX}*.json")):
        run = _read(record)
        if _running(run):
            continue
        for server in run.get("server", []):
            if _running(server):
                psutil.Process(server["pid"]).terminate()
                cleaned.append(f"server Prefect sementara (pid {server['pid']})")
        record.unlink(missing_ok=True)
    return cleaned
