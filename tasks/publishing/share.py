"""Publish rendered reports to the shared folder safely (BAD_INPUTS.md cases 29-32 and 34).

Every write goes through tasks.files.atomic_write, so a crash, a full disk or a lost connection
never leaves a partial report under a final name. Reports marked final are never touched again; a
report open in Word is published under the next version name instead. Rendering happens locally
before anything here is called.
"""

from __future__ import annotations

import errno
import hashlib
import os
import secrets
import shutil
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from tasks.files import TMP_PREFIX, atomic_write
from tasks.publishing.names import PublishError, require_inside

FINAL_SUFFIX = ".final"
MAX_VERSION = 99
# Windows (and Samba in front of it) reports a file held open by another program this way.
_LOCK_ERRNOS = {errno.EACCES, errno.EPERM, errno.EBUSY, errno.ETXTBSY}


class FinalReport(PublishError):
    """The target is marked final and would change: it is left alone."""


class _Locked(Exception):
    """The target is held open by another program; publish under the next version instead."""


@dataclass(frozen=True)
class Published:
    """One published report: where it went, its content hash, its version number and any warning."""

    path: Path
    sha256: str
    versi: int
    catatan: str = ""


# --- the shared folder --------------------------------------------------------------------------

def check_share(root: Path, probe: Callable[[Path], None] | None = None) -> None:
    """Fail fast when the shared folder is missing, not a folder, or not writable."""
    root = Path(root)
    try:
        if not root.exists():
            raise _Unusable("tidak ditemukan")
        if not root.is_dir():
            raise _Unusable("bukan folder")
        (probe or _probe_write)(root)
    except _Unusable as exc:
        raise PublishError(f"folder bersama tidak dapat diakses: {root} ({exc})") from None
    except OSError as exc:
        reason = f"tidak dapat ditulis: {exc.strerror or exc}"
        raise PublishError(f"folder bersama tidak dapat diakses: {root} ({reason})") from exc


class _Unusable(Exception):
    """Why the shared folder cannot be used, in Indonesian."""


def _probe_write(root: Path) -> None:
    """Create and remove a small file; os.access is unreliable on SMB and NFS mounts."""
    probe = root / f"{TMP_PREFIX}probe-{secrets.token_hex(4)}"
    with open(probe, "xb") as handle:
        handle.write(b"lkip")
    probe.unlink()


def clean_leftovers(folder: Path) -> list[Path]:
    """Remove temporary files an interrupted run left anywhere under folder; return them."""
    removed = []
    for dirpath, _dirs, names in os.walk(folder):
        for name in sorted(names):
            if name.startswith(TMP_PREFIX):
                path = Path(dirpath) / name
                path.unlink(missing_ok=True)
                removed.append(path)
    return sorted(removed)


# --- publishing one file ------------------------------------------------------------------------

def sha256_file(path: Path) -> str:
    """Hex SHA-256 of a file's bytes, read in chunks."""
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def final_marker(path: Path) -> Path:
    """The sidecar whose presence marks a report as final."""
    return path.with_name(path.name + FINAL_SUFFIX)


def is_final(path: Path) -> bool:
    """True when the report was published as final."""
    return final_marker(path).exists()


def lock_files(path: Path) -> list[Path]:
    """Owner lock files Word and LibreOffice create next to a document they have open."""
    name = path.name
    # Word keeps the whole name when it is short and replaces its first two characters otherwise;
    # the threshold is not documented, so both forms count.
    return [path.with_name("~$" + name), path.with_name("~$" + name[2:]), path.with_name(f".~lock.{name}#")]


def is_locked(path: Path) -> bool:
    """True when a lock file says someone has the report open."""
    return any(lock.exists() for lock in lock_files(path))


def publish_file(source: Path, target: Path, *, final: bool = False, attempts: int = 1,
                 sleep: Callable[[float], None] = time.sleep) -> Published:
    """Copy source onto target atomically, honouring final marks, open documents and reruns."""
    source, target = Path(source), Path(target)
    digest = _source_digest(source)
    for versi, candidate in _candidates(target):
        if _same_content(candidate, digest):
            return _done(target, candidate, digest, versi, final)
        if is_final(candidate):
            if versi == 1:
                raise FinalReport(f"laporan final tidak diubah lagi: {candidate}")
            continue
        # Earlier versions are a record of what was published; only a free name is used.
        if (versi > 1 and candidate.exists()) or is_locked(candidate):
            continue
        try:
            _write_with_retries(source, candidate, attempts, sleep)
        except _Locked:
            continue
        return _done(target, candidate, digest, versi, final)
    raise PublishError(f"tidak ada nama versi yang bebas untuk {target} (sampai -v{MAX_VERSION})")


def _source_digest(source: Path) -> str:
    """The hash of the local rendered file, or a clear error when it is missing."""
    try:
        return sha256_file(source)
    except OSError as exc:
        raise PublishError(f"berkas hasil tidak dapat dibaca: {source} ({exc.strerror or exc})") from exc


def _candidates(target: Path):
    """The target itself (version 1), then <stem>-v2<suffix>, -v3, ..."""
    yield 1, target
    for versi in range(2, MAX_VERSION + 1):
        yield versi, target.with_name(f"{target.stem}-v{versi}{target.suffix}")


def _same_content(path: Path, digest: str) -> bool:
    """True when path already holds exactly these bytes (an unreadable file counts as different)."""
    try:
        return path.is_file() and sha256_file(path) == digest
    except OSError:
        return False


def _done(target: Path, path: Path, digest: str, versi: int, final: bool) -> Published:
    """Mark final if asked and describe the result, with a warning when the name had to change."""
    if final and not is_final(path):
        mark_final(path, digest)
    note = "" if path == target else (
        f"berkas {target.name} sedang dibuka; diterbitkan sebagai {path.name}")
    return Published(path, digest, versi, note)


def mark_final(path: Path, digest: str) -> None:
    """Write the .final sidecar and make the report read-only."""
    os.chmod(path, 0o444)
    final_marker(path).write_text(f"sha256 {digest}\n", encoding="utf-8")


def _write_with_retries(source: Path, target: Path, attempts: int, sleep: Callable[[float], None]) -> None:
    """Atomic copy, retried with exponential backoff (0.2 s, 0.4 s, ...) on transient OS errors."""
    for attempt in range(1, max(1, attempts) + 1):
        try:
            atomic_write(target, lambda dst: _copy_into(source, dst), replace=_replace)
            return
        except OSError as exc:
            if attempt >= attempts:
                raise PublishError(
                    f"gagal menerbitkan {target} setelah {attempt} percobaan: {exc.strerror or exc}") from exc
            sleep(0.2 * 2 ** (attempt - 1))


def _copy_into(source: Path, dst: BinaryIO) -> None:
    """Stream source into an open file."""
    with open(source, "rb") as src:
        shutil.copyfileobj(src, dst)


def _replace(tmp: Path, target: Path) -> None:
    """os.replace, telling a file held open by another program apart from other failures."""
    try:
        os.replace(tmp, target)
    except OSError as exc:
        if exc.errno in _LOCK_ERRNOS or isinstance(exc, PermissionError):
            raise _Locked(str(target)) from exc
        raise


# --- the run as a whole -------------------------------------------------------------------------

def publish_all(files: dict[Path, Path], root: Path, *, final: bool = False, attempts: int = 3,
                sleep: Callable[[float], None] = time.sleep) -> list[Published]:
    """Check the share, clean leftovers of an interrupted run, then publish every rendered file."""
    root = Path(root)
    check_share(root)
    _check_plan(files, root)
    # Only the folders this run publishes to: another office's run may be writing elsewhere in root.
    for folder in sorted({Path(t).parent for t in files.values()}):
        if folder.is_dir():
            clean_leftovers(folder)
    return [_publish_or_keep_final(src, dst, final, attempts, sleep) for src, dst in files.items()]


def _publish_or_keep_final(source: Path, target: Path, final: bool, attempts: int, sleep) -> Published:
    """A report marked final is kept as it is, with a note; the rest of the batch goes on."""
    try:
        return publish_file(source, target, final=final, attempts=attempts, sleep=sleep)
    except FinalReport as exc:
        return Published(Path(target), sha256_file(target), 1, exc.message)


def _check_plan(files: dict[Path, Path], root: Path) -> None:
    """Refuse the whole batch before writing anything if a source is missing or a target escapes root."""
    for source, target in files.items():
        if not Path(source).is_file():
            raise PublishError(f"berkas hasil tidak ditemukan: {source}")
        require_inside(target, root)
