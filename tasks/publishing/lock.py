"""One run per office and year at a time (BAD_INPUTS.md 33), with a lock a dead run cannot keep.

The lock is a small JSON file at the top of the shared folder (so taking it creates no report folder),
named after the office code and year. It is created with O_CREAT|O_EXCL, which SMB and NAS shares
honour (hard links, which many of them refuse, are not needed), so two runs (the schedule and a
manual trigger, or two machines) cannot both take it.

Staleness is a **lease**: the run holding the lock renews it every RENEW_SECONDS (a background
thread rewrites `diperbarui`); a lock not renewed for LEASE_SECONDS is stale, whoever wrote it. On
the same machine a lock is stale at once when its process is gone, or when the machine has booted
since (the boot id differs: after a power cut the PID may belong to another process). A lock that
cannot be read (being written, or left empty by a crash) is stale once its file is older than
LEASE_SECONDS too. A stale lock is taken over; a live one is refused naming the file and how to clear it.
"""

from __future__ import annotations

import json
import os
import secrets
import socket
import threading
import time
from pathlib import Path

from tasks.problems import UserError

LOCK_PREFIX = ".lkip-lock-"
LEASE_SECONDS = 15 * 60  # a lock not renewed for this long is stale
RENEW_SECONDS = 60
WAIT_SECONDS = 15  # between two looks at a lock the run waits for (`waits_for`)
_BOOT_ID = Path("/proc/sys/kernel/random/boot_id")


class RunLockError(UserError):
    """Another run holds the lock: .message says who and since when, .hint how to clear it; .holder
    what the lock says of that run ({} when it cannot be read)."""

    def __init__(self, message: str, hint: str = "", holder: dict | None = None):
        super().__init__(message, hint)
        self.holder = holder or {}


def boot_id() -> str:
    """This boot of this machine ('' where the system does not say, e.g. Windows)."""
    try:
        return _BOOT_ID.read_text(encoding="ascii").strip()
    except OSError:
        return ""


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # exists, owned by someone else
    except (OverflowError, ValueError, OSError):
        return False  # not a PID this system can have
    return True


def stale(holder: dict, now: float, modified: float) -> bool:
    """Whether a lock's holder is gone: lease expired, or (same machine) rebooted since or process dead."""
    if not holder:
        return now - modified > LEASE_SECONDS
    renewed = float(holder.get("diperbarui", holder.get("mulai", 0)))
    if now - renewed > LEASE_SECONDS:
        return True
    if holder.get("host") == socket.gethostname():
        if holder.get("boot") and boot_id() and holder["boot"] != boot_id():
            return True
        return not _alive(int(holder.get("pid", -1)))
    return False


def lock_path(root: Path, satker: str, tahun: int) -> Path:
    """Where the lock of one office-year lives; the name is built from codes only."""
    from tasks.publishing.names import safe_name

    return Path(root) / f"{LOCK_PREFIX}{safe_name(satker)}-{int(tahun)}.json"


class RunLock:
    """Context manager: `with RunLock(lock_path(out, "1312", 2024), "1312 2024"):` holds the lock."""

    def __init__(self, path: Path, label: str, renew_seconds: float = RENEW_SECONDS,
                 waits_for: tuple[str, int] | None = None, patience: float = 0.0):
        self.path = Path(path)
        self.label = label
        self.waits_for = tuple(waits_for) if waits_for else None  # (host, pid) whose lock is waited out
        self.patience = patience  # seconds a live lock of any other run is waited for before it is refused
        self.token = secrets.token_hex(8)
        self.taken_over: dict | None = None
        self.release_error: str = ""  # why the lock could not be removed (the share went away)
        self._renew_seconds = renew_seconds
        self._stop = threading.Event()
        self._renewer: threading.Thread | None = None

    def __enter__(self) -> RunLock:
        """Take the lock. A live lock of another run is waited for `patience` seconds (0: refused at
        once); one held by `waits_for` (a run known to be dead whose lease has not ended yet) up to a
        lease and two renewals. Then it is refused, naming its holder."""
        tries, since = 0, None
        while tries < 3:  # a retry follows the removal of a stale lock
            if self._create():
                self._start_renewing()
                return self
            try:
                self._handle_existing()
            except RunLockError as refusal:
                holder = (refusal.holder.get("host"), refusal.holder.get("pid"))
                allowed = LEASE_SECONDS + 2 * RENEW_SECONDS if holder == self.waits_for else self.patience
                since = since if since is not None else time.monotonic()
                left = since + allowed - time.monotonic()
                if left <= 0:
                    raise
                time.sleep(min(WAIT_SECONDS, left))
                continue
            tries += 1
        raise RunLockError(f"kunci proses {self.path} tidak dapat diambil; coba lagi")

    def _holder(self) -> dict:
        now = time.time()
        return {"pid": os.getpid(), "host": socket.gethostname(), "boot": boot_id(), "mulai": now,
                "diperbarui": now, "label": self.label, "token": self.token}

    def _create(self) -> bool:
        """Create the lock exclusively; its content follows in the same call (a reader that sees it
        empty in between waits for LEASE_SECONDS before calling it stale)."""
        try:
            fd = os.open(self.path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o666)
        except FileExistsError:
            return False
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            json.dump(self._holder(), handle)
        return True

    def _read(self, path: Path) -> dict:
        try:
            return json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}  # gone, being written, or an old-style lock a crashed run left empty

    def _handle_existing(self) -> None:
        holder = self._read(self.path)
        try:
            modified = self.path.stat().st_mtime
        except FileNotFoundError:
            return  # released meanwhile: try again
        if not stale(holder, time.time(), modified):
            raise self._refusal(holder, modified)
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
        self.taken_over = holder or {"kosong": True}

    def _refusal(self, holder: dict, modified: float) -> RunLockError:
        since = time.strftime("%d-%m-%Y %H:%M", time.localtime(float(holder.get("mulai", modified))))
        who = f"pid {holder.get('pid')} di {holder.get('host')}, sejak {since}" if holder else f"sejak {since}"
        return RunLockError(
            f"laporan {self.label} sedang dibuat oleh proses lain ({who}); kunci: {self.path}", holder=holder,
            hint=f"jalankan lagi setelah proses itu selesai. Bila yakin tidak ada proses yang berjalan (mis. "
                 f"komputernya mati), hapus berkas {self.path.name}; kunci yang tidak diperbarui selama "
                 f"{LEASE_SECONDS // 60} menit dianggap usang dan diambil alih dengan sendirinya")

    # --- the lease ---------------------------------------------------------------------------------

    def _start_renewing(self) -> None:
        self._renewer = threading.Thread(target=self._renew_loop, name=f"lkip-lock-{self.label}", daemon=True)
        self._renewer.start()

    def _renew_loop(self) -> None:
        while not self._stop.wait(self._renew_seconds):
            if not self.renew():
                return

    def renew(self) -> bool:
        """Rewrite the lock with a new `diperbarui`, while it is still ours; False once it is not.

        The lock is read and rewritten through one open file, in place. A run that takes a stale lock
        over renames it away and creates its own file, so a renewal that read our lock just before
        that can only write to the file renamed away, never over the other run's lock (rewriting by
        path, with a temporary file renamed over it, could)."""
        try:
            fd = os.open(self.path, os.O_RDWR)
        except FileNotFoundError:
            return False  # removed or taken over: not ours any more
        except OSError:
            return True  # the share dropped for a moment: the next renewal tries again
        try:
            with os.fdopen(fd, "r+", encoding="utf-8") as handle:
                try:
                    holder = json.loads(handle.read())
                except ValueError:
                    return False  # not a lock this run wrote
                if not isinstance(holder, dict) or holder.get("token") != self.token:
                    return False
                holder["diperbarui"] = time.time()
                handle.seek(0)
                handle.write(json.dumps(holder))
                handle.truncate()
        except OSError:
            return True  # the share dropped for a moment: the next renewal tries again
        return True

    def __exit__(self, *exc) -> None:
        """Stop renewing and remove the lock if it is still ours; a share that went away is noted in
        `release_error`, never raised over the run's own outcome (the lease then expires by itself)."""
        self._stop.set()
        if self._renewer is not None:
            self._renewer.join(timeout=5)
        try:
            if self._read(self.path).get("token") == self.token:  # never remove another run's lock
                self.path.unlink(missing_ok=True)
        except OSError as exc:
            self.release_error = (f"kunci {self.path} tidak dapat dihapus ({exc.strerror or exc}); kunci itu "
                                  f"dianggap usang setelah {LEASE_SECONDS // 60} menit")
