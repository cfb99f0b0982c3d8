"""One run per office and year at a time (BAD_INPUTS.md 33), with a lock a crashed run cannot keep.

The lock is a small JSON file at the top of the shared folder (so taking it creates no report folder),
named after the office code and year, created with O_EXCL so
that two runs (the schedule and a manual trigger, or two machines) cannot both take it. A lock whose
process is gone (same host, dead PID) or that is older than MAX_AGE (another host) is stale and is
taken over.
"""

from __future__ import annotations

import json
import os
import secrets
import socket
import time
from pathlib import Path

from tasks.problems import UserError

LOCK_PREFIX = ".lkip-lock-"
MAX_AGE_SECONDS = 6 * 3600  # longer than any real run; only then is a lock from another host stale


class RunLockError(UserError):
    """Another run holds the lock: .message says who and since when."""


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # exists, owned by someone else
    return True


def _stale(holder: dict, now: float) -> bool:
    if holder.get("host") == socket.gethostname():
        return not _alive(int(holder.get("pid", -1)))
    return now - float(holder.get("mulai", 0)) > MAX_AGE_SECONDS


def lock_path(root: Path, satker: str, tahun: int) -> Path:
    """Where the lock of one office-year lives; the name is built from codes only."""
    from tasks.publishing.names import safe_name

    return Path(root) / f"{LOCK_PREFIX}{safe_name(satker)}-{int(tahun)}.json"


class RunLock:
    """Context manager: `with RunLock(lock_path(out, "1312", 2024), "1312 2024"):` holds the lock."""

    def __init__(self, path: Path, label: str):
        self.path = Path(path)
        self.label = label
        self.token = secrets.token_hex(8)
        self.taken_over: dict | None = None

    def __enter__(self) -> RunLock:
        for _ in range(3):  # a retry follows the removal of a stale lock
            if self._create():
                return self
            self._handle_existing()
        raise RunLockError(f"kunci proses {self.path} tidak dapat diambil; coba lagi")

    def _create(self) -> bool:
        """Write the lock complete under a temporary name, then link it into place: never half-written."""
        tmp = self.path.with_name(f"{self.path.name}.{self.token}.tmp")
        tmp.write_text(json.dumps({"pid": os.getpid(), "host": socket.gethostname(), "mulai": time.time(),
                                   "label": self.label, "token": self.token}), encoding="utf-8")
        try:
            os.link(tmp, self.path)
            return True
        except FileExistsError:
            return False
        finally:
            tmp.unlink(missing_ok=True)

    def _read(self, path: Path) -> dict:
        try:
            return json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}  # gone, or an old-style lock a crashed run left empty

    def _handle_existing(self) -> None:
        holder = self._read(self.path)
        if holder and not _stale(holder, time.time()):
            since = time.strftime("%d-%m-%Y %H:%M", time.localtime(float(holder.get("mulai", 0))))
            raise RunLockError(f"laporan {self.label} sedang dibuat oleh proses lain (pid {holder.get('pid')} di "
                               f"{holder.get('host')}, sejak {since}); jalankan lagi setelah proses itu selesai")
        # Take the stale lock over by renaming it away (atomic: only one run can), then make sure what
        # was moved is the stale lock judged above and not a fresh one another run just created.
        moved = self.path.with_name(f"{self.path.name}.{self.token}.stale")
        try:
            os.rename(self.path, moved)
        except FileNotFoundError:
            return  # another run moved it first; try again
        if self._read(moved) != holder:
            os.rename(moved, self.path)
            return
        moved.unlink(missing_ok=True)
        self.taken_over = holder

    def __exit__(self, *exc) -> None:
        if self._read(self.path).get("token") == self.token:  # never remove another run's lock
            self.path.unlink(missing_ok=True)
