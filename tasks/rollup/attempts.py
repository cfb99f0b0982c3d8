"""Which offices of a roll-up ran more than once: a worker that dies mid-office (a machine switched
off, a process killed) has its office run again elsewhere by Dask, and the roll-up says so.

Each office's task leaves a small marker on the shared folder while it runs
(`<out>/.lkip-rekap/<tahun>/<folder>.json`: the roll-up's run id, host, pid, start time) and removes
it when done. A marker of the same roll-up found at the start means an earlier attempt died; a
marker of another roll-up is a leftover of an earlier, interrupted roll-up and is replaced. Plain
files, so workers on several machines see each other's markers through the shared folder.
"""

from __future__ import annotations

import datetime
import json
import os
import socket
from dataclasses import dataclass
from pathlib import Path

from tasks.files import atomic_write

MARKERS = ".lkip-rekap"


@dataclass(frozen=True)
class Attempt:
    """The attempt an office's task is: its number within the roll-up, and the one before it that died."""

    number: int = 1
    previous: str = ""  # "host pid <n> sejak <HH:MM:SS>" of the attempt that did not finish
    holder: tuple[str, int] | None = None  # (host, pid) of that attempt: the holder of any lock it left

    @property
    def retried(self) -> bool:
        return self.number > 1


def marker_path(out_dir: Path, tahun: int, folder: str) -> Path:
    return Path(out_dir) / MARKERS / str(int(tahun)) / f"{Path(folder).name}.json"


def begin(out_dir: Path, tahun: int, folder: str, rollup_id: str) -> Attempt:
    """Mark the office as running in this process; the attempt it is."""
    path = marker_path(out_dir, tahun, folder)
    attempt = Attempt()
    try:
        earlier = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        earlier = None
    if isinstance(earlier, dict) and earlier.get("rekap") == rollup_id:
        host, pid = earlier.get("host"), earlier.get("pid")
        attempt = Attempt(int(earlier.get("percobaan", 1)) + 1, f"{host or '?'} pid {pid or '?'} sejak "
                          f"{earlier.get('mulai', '?')}", (host, pid) if isinstance(host, str) and
                          isinstance(pid, int) else None)
    path.parent.mkdir(parents=True, exist_ok=True)
    data = json.dumps({"rekap": rollup_id, "percobaan": attempt.number, "host": socket.gethostname(),
                       "pid": os.getpid(), "mulai": datetime.datetime.now().strftime("%H:%M:%S")}).encode("utf-8")
    atomic_write(path, lambda stream: stream.write(data), durable=False)
    return attempt


def finish(out_dir: Path, tahun: int, folder: str) -> None:
    """The office is done (published or reported invalid): its marker goes."""
    marker_path(out_dir, tahun, folder).unlink(missing_ok=True)


def clear(out_dir: Path, tahun: int) -> None:
    """After the roll-up: the year's marker folder goes when no marker is left in it."""
    year = Path(out_dir) / MARKERS / str(int(tahun))
    for folder in (year, year.parent):
        try:
            folder.rmdir()
        except OSError:  # not empty (a marker of an office still running elsewhere) or already gone
            break
