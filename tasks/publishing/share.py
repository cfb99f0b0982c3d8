"""Publish rendered reports to the shared folder safely (BAD_INPUTS.md cases 29-32 and 34).

Every write goes through tasks.files.atomic_write, so a crash, a full disk or a lost connection
never leaves a partial report under a final name. Reports marked final are never touched again; a
report open in Word is published under the next version name instead. Rendering happens locally
before anything here is called.
"""

from __future__ import annotations

import errno
import hashlib
import itertools
import os
import secrets
import shutil
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from tasks.files import TMP_PREFIX, temporary_path
from tasks.files import discard_temporary as _discard
from tasks.publishing.finals import is_final, mark_final
from tasks.publishing.names import PublishError, require_inside

MAX_VERSION = 99
SHARE_UNREACHABLE = "folder bersama tidak dapat diakses"  # how check_shared_folder's refusal begins
ARCHIVE_DIR = "arsip"  # where an outdated -vN goes once the report's own name is published again
# Windows (and Samba in front of it) reports a file held open by another program this way.
_LOCK_ERRNOS = {errno.EACCES, errno.EPERM, errno.EBUSY, errno.ETXTBSY}
# Causes that waiting does not cure: told at once, never retried.
PERMANENT = {errno.ENOSPC: "ruang penyimpanan folder bersama penuh", errno.EDQUOT: "kuota penyimpanan habis",
             errno.EISDIR: "sudah ada folder dengan nama laporan itu", errno.ENOTDIR: "bagian jalurnya bukan folder",
             errno.EROFS: "folder bersama hanya-baca", errno.ENAMETOOLONG: "nama berkas terlalu panjang",
             errno.EFBIG: "berkas terlalu besar untuk folder bersama"}


def os_reason(exc: OSError) -> tuple[str, bool]:
    """(the cause in Indonesian with the system's words, whether it is permanent)."""
    system = exc.strerror or str(exc)
    if exc.errno in PERMANENT:
        return f"{PERMANENT[exc.errno]} ({system})", True
    return system, False


class FinalReport(PublishError):
    """The target is marked final and would change: it is left alone."""


class _Locked(Exception):
    """The target is held open by another program; publish under the next version instead."""


@dataclass(frozen=True)
class Published:
    """One published report: where it went, its content hash, its version number and any warning;
    `kept` when a final report was left as it was."""

    path: Path
    sha256: str
    versi: int
    catatan: str = ""
    kept: bool = False


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
        raise PublishError(f"{SHARE_UNREACHABLE}: {root} ({exc})") from None
    except OSError as exc:
        cause, permanent = os_reason(exc)
        raise PublishError(f"{SHARE_UNREACHABLE}: {root} (tidak dapat ditulis: {cause})",
                           permanent=permanent) from exc


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
    staged = _stage(Path(source), Path(target), attempts, sleep)
    return _commit(staged, final, attempts, sleep)


@dataclass
class _Staged:
    """A report copied beside where it goes, not yet in place (tmp None: the share already holds it)."""

    target: Path
    candidate: Path
    versi: int
    digest: str
    tmp: Path | None
    note: str = ""

    def discard(self) -> None:
        if self.tmp is not None:
            _discard(self.tmp)


def _stage(source: Path, target: Path, attempts: int, sleep) -> _Staged:
    """Choose the name (the report's own, or the next version when it is open, read-only or final)
    and copy the report beside it under a temporary name; nothing under a report's name changes yet."""
    digest = _source_digest(source)
    for versi, candidate in _candidates(target):
        if _same_content(candidate, digest):
            return _Staged(target, candidate, versi, digest, None)
        if is_final(candidate):
            if versi == 1:
                raise FinalReport(f"laporan final tidak diubah lagi: {candidate}")
            continue
        # Earlier versions are a record of what was published; only a free name is used.
        if (versi > 1 and candidate.exists()) or is_locked(candidate) or _read_only(candidate):
            continue
        tmp = temporary_path(candidate)
        _retrying(lambda: _copy_to(source, tmp), candidate, attempts, sleep, cleanup=lambda: _discard(tmp))
        return _Staged(target, candidate, versi, digest, tmp)
    raise PublishError(f"tidak ada nama versi yang bebas untuk {target} (sampai -v{MAX_VERSION})")


def _commit(staged: _Staged, final: bool, attempts: int, sleep) -> Published:
    """Move a staged report into place; a name found open at this moment moves it to the next version."""
    if staged.tmp is not None:
        for versi, candidate in _candidates(staged.target):
            if versi < staged.versi or (candidate != staged.candidate and (candidate.exists() or is_locked(candidate))):
                continue
            try:
                _retrying(lambda: _replace(staged.tmp, candidate), candidate, attempts, sleep)
            except _Locked:
                continue
            except BaseException:
                staged.discard()
                raise
            staged.candidate, staged.versi = candidate, versi
            break
        else:
            staged.discard()
            raise PublishError(f"tidak ada nama versi yang bebas untuk {staged.target} (sampai -v{MAX_VERSION})")
    return _done(staged.target, staged.candidate, staged.digest, staged.versi, final)


def _retrying(operation: Callable[[], None], target: Path, attempts: int, sleep, cleanup=None) -> None:
    """Run an I/O operation, again with backoff (0.2 s, 0.4 s, ...) on transient OS errors; a permanent
    cause (disk full, a folder in the way) is told at once, with the true number of attempts."""
    for attempt in range(1, max(1, attempts) + 1):
        try:
            operation()
            return
        except OSError as exc:
            if cleanup is not None:
                cleanup()
            reason, permanent = os_reason(exc)
            if permanent or attempt >= attempts:
                tried = f" setelah {attempt} percobaan" if attempt > 1 else ""
                raise PublishError(f"gagal menerbitkan {target}{tried}: {reason}", permanent=permanent) from exc
            sleep(0.2 * 2 ** (attempt - 1))


def _copy_to(source: Path, tmp: Path) -> None:
    """Copy into a new temporary file, made durable before it is moved into place."""
    tmp.parent.mkdir(parents=True, exist_ok=True)
    with open(tmp, "xb") as dst, open(source, "rb") as src:
        shutil.copyfileobj(src, dst)
        dst.flush()
        os.fsync(dst.fileno())


def _read_only(path: Path) -> bool:
    """A report staff made read-only (and not final): treated like one open in Word, never overwritten."""
    try:
        return not (path.stat().st_mode & 0o222)
    except OSError:
        return False


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
    if path == target:
        return Published(path, digest, versi, "")
    why = "dibuat hanya-baca" if _read_only(target) and not is_final(target) else "sedang dibuka"
    return Published(path, digest, versi, f"berkas {target.name} {why}; diterbitkan sebagai {path.name}")


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
    """Check the share, clean leftovers of an interrupted run, then publish the rendered files as a set.

    Every report is first copied beside its place under a temporary name; only when all of them are
    there are they moved into place (renames, which a full disk cannot fail). A copy that fails leaves
    the previous set untouched and nothing new under a report's name."""
    root = Path(root)
    check_share(root)
    _check_plan(files, root)
    # Only the folders this run publishes to: another office's run may be writing elsewhere in root.
    for folder in sorted({Path(t).parent for t in files.values()}):
        if folder.is_dir():
            clean_leftovers(folder)
    staged: list[_Staged | Published] = []
    try:
        for source, target in files.items():
            staged.append(_stage_or_keep_final(Path(source), Path(target), attempts, sleep))
    except BaseException:
        for item in staged:
            if isinstance(item, _Staged):
                item.discard()
        raise
    published = []
    for position, item in enumerate(staged):
        try:
            published.append(item if isinstance(item, Published) else _commit(item, final, attempts, sleep))
        except BaseException:
            for rest in staged[position + 1:]:
                if isinstance(rest, _Staged):
                    rest.discard()
            raise
    for item in published:
        archive_outdated_versions(item)
    return published


def _stage_or_keep_final(source: Path, target: Path, attempts: int, sleep) -> _Staged | Published:
    """A report marked final is kept as it is, with a note; the rest of the set goes on."""
    try:
        return _stage(source, target, attempts, sleep)
    except FinalReport as exc:
        return Published(target, sha256_file(target), 1, exc.message, kept=True)


def archive_outdated_versions(item: Published) -> list[Path]:
    """Once a report is published under its own name again, the -v2, -v3 … written while it was open
    are outdated: they move to the folder's arsip/ (never deleted, never left looking current)."""
    if item.versi != 1 or item.kept:
        return []
    moved = []
    for versi, candidate in itertools.islice(_candidates(item.path), 1, None):  # named lazily: usually none exists
        if not candidate.exists():
            break
        if is_final(candidate) or is_locked(candidate):
            continue
        archive = candidate.parent / ARCHIVE_DIR
        archive.mkdir(exist_ok=True)
        os.replace(candidate, archive / candidate.name)
        moved.append(archive / candidate.name)
    return moved


def _check_plan(files: dict[Path, Path], root: Path) -> None:
    """Refuse the whole batch before writing anything if a source is missing or a target escapes root."""
    for source, target in files.items():
        if not Path(source).is_file():
            raise PublishError(f"berkas hasil tidak ditemukan: {source}")
        require_inside(target, root)
