"""The writer toolbox: every file lkip writes (reports, forms, the roll-up, the sample and the
bundled templates) is written through here.

- `atomic_save` / `atomic_write`: the content goes to a temporary file in the target's folder and is
  moved over the final name with os.replace, so a crash, a full disk or a lost connection never
  leaves a partial file under a final name; a failed write leaves the previous file as it was.
- `StableZip` / `freeze_zip`: a zip (.docx, .xlsx) whose bytes depend only on its entries: fixed
  entry dates, the entries in the order written. The same inputs give the same bytes, so a rerun
  finds a published report unchanged and leaves it alone, and a regenerated template or sample
  leaves `git status` clean.
- `put_text_safe`: a spreadsheet cell written from user text is text, never a live formula.
"""

from __future__ import annotations

import os
import re
import secrets
import struct
import zipfile
import zlib
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO

TMP_PREFIX = ".lkip-tmp-"  # every temporary file lkip leaves after a crash starts so: cleaned by the next run


def temporary_path(target: Path) -> Path:
    """A fresh name beside `target` for writing it atomically."""
    return target.with_name(f"{TMP_PREFIX}{secrets.token_hex(4)}-{target.name}")


def atomic_save(target: Path, save: Callable[[Path], None], *, durable: bool = True,
                replace: Callable[[Path, Path], None] | None = None) -> Path:
    """Write `target` by calling `save(temporary path)` and moving the result over `target`.

    durable: fsync the file and its folder (what reaches a shared folder); a local staging file
    that is published later does not need it. `replace` moves the temporary file into place (the
    publisher passes one that tells a file held open in Word apart from other failures).
    """
    target = Path(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = temporary_path(target)
    try:
        save(tmp)
        if durable:
            _fsync_file(tmp)
        (replace or os.replace)(tmp, target)
    except BaseException:
        _discard(tmp)
        raise
    if durable:
        _fsync_dir(target.parent)
    return target


def atomic_write(target: Path, write: Callable[[BinaryIO], None], *, durable: bool = True,
                 replace: Callable[[Path, Path], None] | None = None) -> Path:
    """atomic_save for content written to an open binary stream."""
    def save(tmp: Path) -> None:
        with open(tmp, "xb") as handle:
            write(handle)
    return atomic_save(target, save, durable=durable, replace=replace)


def _fsync_file(path: Path) -> None:
    with open(path, "rb+") as handle:
        os.fsync(handle.fileno())


def _discard(tmp: Path) -> None:
    """Remove a temporary file; when even that fails (the connection is gone) the next run's clean-up
    takes it (its name starts with TMP_PREFIX)."""
    try:
        tmp.unlink(missing_ok=True)
    except OSError:
        pass


discard_temporary = _discard  # for writers that move their own temporary files into place (the publisher)


def _fsync_dir(folder: Path) -> None:
    """Make the rename itself durable on POSIX; Windows cannot open folders, which is fine there."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


# --- byte-stable zip packages -------------------------------------------------------------------

EPOCH = (1980, 1, 1, 0, 0, 0)  # the earliest date a zip entry can carry
_ZIP_LIMIT = 0xFFFFFFFF  # sizes and offsets of a zip without zip64 extensions


class ZipTooLarge(Exception):
    """An entry or the archive needs zip64, which a stable package does not write."""


def _dos(date: tuple[int, ...]) -> tuple[int, int]:
    year, month, day, hour, minute, second = date
    return ((year - 1980) << 9) | (month << 5) | day, (hour << 11) | (minute << 5) | (second // 2)


def deflate(blob: bytes, level: int) -> bytes:
    """Raw deflate, as inside a zip entry."""
    packer = zlib.compressobj(level, zlib.DEFLATED, -15)
    return packer.compress(blob) + packer.flush()


class StableZip:
    """A plain zip written entry by entry, with every entry dated `date`.

    With the defaults (level 6, every entry deflated) the bytes are those zipfile writes for
    ZipInfo entries of the same date. `stored`: name suffixes kept uncompressed (pictures are
    compressed already). `write(…, deflated=…)` takes bytes deflated beforehand at this level (the
    renderer deflates a template's unchanged parts once per process).
    """

    def __init__(self, path: Path, *, date: tuple[int, ...] = EPOCH, level: int = 6,
                 stored: tuple[str, ...] = ()):
        self._file = open(path, "wb")  # noqa: SIM115 (closed by close())
        self._date, self._time = _dos(date)
        self._level, self._stored = level, tuple(s.lower() for s in stored)
        self._entries: list[tuple[bytes, int, int, int, int, int, int]] = []

    def __enter__(self) -> StableZip:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def write(self, name: str, blob: bytes, deflated: bytes | None = None) -> None:
        encoded = name.encode("utf-8")
        flags = 0 if name.isascii() else 0x800  # bit 11: the name is UTF-8
        crc = zlib.crc32(blob)
        if self._stored and name.lower().endswith(self._stored):
            method, data = zipfile.ZIP_STORED, blob
        else:
            method, data = zipfile.ZIP_DEFLATED, deflated if deflated is not None else deflate(blob, self._level)
        offset = self._file.tell()
        if max(offset, len(blob)) > _ZIP_LIMIT or len(self._entries) >= 0xFFFF:
            raise ZipTooLarge(name)
        self._file.write(struct.pack("<4s5H3I2H", b"PK\x03\x04", 20, flags, method, self._time, self._date, crc,
                                     len(data), len(blob), len(encoded), 0) + encoded)
        self._file.write(data)
        self._entries.append((encoded, flags, method, crc, len(data), len(blob), offset))

    def close(self) -> None:
        if self._file.closed:
            return
        start = self._file.tell()
        for encoded, flags, method, crc, packed, size, offset in self._entries:
            self._file.write(struct.pack("<4s6H3I5H2I", b"PK\x01\x02", (3 << 8) | 20, 20, flags, method, self._time,
                                         self._date, crc, packed, size, len(encoded), 0, 0, 0, 0, 0o600 << 16,
                                         offset) + encoded)
        end = self._file.tell()
        self._file.write(struct.pack("<4s4H2IH", b"PK\x05\x06", 0, 0, len(self._entries), len(self._entries),
                                     end - start, start, 0))
        self._file.close()


_CORE_DATES = re.compile(rb"(<dcterms:(?:created|modified)[^>]*>)[^<]*")


def freeze_zip(source: Path, target: Path, *, date: tuple[int, ...] = EPOCH, stamp_core: bool = True) -> Path:
    """Copy an Office package (.docx, .xlsx) as a StableZip dated `date` (with `stamp_core`, the
    document's own created and modified dates set to it too): what a library saved becomes byte-stable."""
    stamp = "{:04d}-{:02d}-{:02d}T{:02d}:{:02d}:{:02d}Z".format(*date).encode()
    with zipfile.ZipFile(source) as src:
        members = [(info.filename, src.read(info)) for info in src.infolist()]

    def save(tmp: Path) -> None:
        with StableZip(tmp, date=date) as out:
            for name, data in members:
                if stamp_core and name == "docProps/core.xml":
                    data = _CORE_DATES.sub(lambda m: m.group(1) + stamp, data)
                out.write(name, data)
    return atomic_save(target, save, durable=False)


def save_stable(target: Path, save: Callable[[Path], None], *, date: tuple[int, ...] = EPOCH) -> Path:
    """Let a library save a package (openpyxl's `book.save`, python-docx's `doc.save`) and write it
    to `target` as a StableZip, atomically."""
    target = Path(target)
    tmp = temporary_path(target)
    try:
        save(tmp)
        return freeze_zip(tmp, target, date=date)
    finally:
        _discard(tmp)


# --- spreadsheets -------------------------------------------------------------------------------

def put_text_safe(ws, row: int, col: int, value):
    """Write a value into an openpyxl sheet; a string stays a string even when it starts with '=',
    so text from a RAK or an office can never become a live formula."""
    cell = ws.cell(row=row, column=col, value=value)
    if isinstance(value, str):
        cell.data_type = "s"
    return cell
