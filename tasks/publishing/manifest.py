"""manifest.json: the cumulative index of one office-year folder, written last and atomically.

`berkas` lists exactly the reports in the folder now (read from the folder after publishing: name,
sha256, size, and the run that published those bytes), so it never describes a file that is not
there; `riwayat` keeps every run that published (time, run, parameters, inputs, outputs), newest
last, so a run never erases what earlier runs published. Files lkip writes for staff (status,
problems, annotated copies) and its hidden files are not reports and are not listed.
"""

from __future__ import annotations

import json
import os
from datetime import datetime
from pathlib import Path

from tasks.files import atomic_write
from tasks.publishing.finals import final_names
from tasks.publishing.names import PublishError
from tasks.publishing.share import ARCHIVE_DIR, Published, sha256_file

MANIFEST_NAME = "manifest.json"
NOT_REPORTS = {MANIFEST_NAME, "STATUS.txt"}
NOT_REPORT_PREFIXES = (".", "~$", "Daftar-Masalah-")
NOT_REPORT_DIRS = {"perbaikan"}
MAX_HISTORY = 500  # runs kept in riwayat (ten years of monthly runs and reruns)


def write_manifest(folder: Path, *, inputs: list[Path], outputs: list[Published], parameters: dict,
                   version: str, started: datetime, run: str = "") -> Path:
    """Add this run to the folder's index and list the folder's reports as they are now."""
    folder = Path(folder)
    path = folder / MANIFEST_NAME
    history = _history(path)
    history.append({
        "waktu": started.isoformat(), "proses": run, "versi": version, "parameter": parameters,
        "masukan": [{"berkas": Path(p).name, "sha256": sha256_file(p)} for p in inputs],
        "keluaran": [{"berkas": _relative(o.path, folder), "sha256": o.sha256, "versi": o.versi,
                      "catatan": o.catatan} for o in outputs],
    })
    history = history[-MAX_HISTORY:]
    index = {"program": "lkip", "versi": version, "diperbarui": started.isoformat(),
             "berkas": current_files(folder, history), "riwayat": history}
    # default=str keeps dates and paths in the parameters readable instead of failing the run.
    text = json.dumps(index, sort_keys=True, indent=1, ensure_ascii=False, default=str) + "\n"
    try:
        atomic_write(path, lambda dst: dst.write(text.encode("utf-8")))
    except OSError as exc:
        raise PublishError(f"manifest tidak dapat ditulis: {path} ({exc.strerror or exc})") from exc
    return path


def current_files(folder: Path, history: list[dict]) -> list[dict]:
    """Every report in the folder now, with the run that first published its present bytes (a rerun
    that found them unchanged did not publish them again)."""
    published: dict[tuple[str, str], dict] = {}
    for entry in history:
        for item in entry.get("keluaran", []):
            published.setdefault((item["berkas"], item["sha256"]), entry)
            for key in [k for k in published if k[0] == item["berkas"] and k[1] != item["sha256"]]:
                del published[key]  # replaced since: when those bytes come back, it is a new publication
    files = []
    for path in _reports(folder):
        name, digest = _relative(path, folder), sha256_file(path)
        entry = published.get((name, digest), {})
        files.append({"berkas": name, "sha256": digest, "ukuran": path.stat().st_size,
                      "diterbitkan": entry.get("waktu", "tidak tercatat"), "proses": entry.get("proses", ""),
                      "final": path.name in final_names(path.parent),
                      "usang": path.parent.name == ARCHIVE_DIR})
    return files


def _reports(folder: Path) -> list[Path]:
    found = []
    for dirpath, dirs, names in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if d not in NOT_REPORT_DIRS and not d.startswith("."))
        found += [Path(dirpath) / n for n in sorted(names)
                  if n not in NOT_REPORTS and not n.startswith(NOT_REPORT_PREFIXES)]
    return found


def _history(path: Path) -> list[dict]:
    """The runs recorded so far; a manifest of the earlier one-run form becomes its first entry."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return []
    except (OSError, ValueError):
        return []  # damaged: the folder's files are listed again from what is there
    if "riwayat" in data:
        return list(data["riwayat"])
    return [{key: data.get(key) for key in ("waktu", "versi", "parameter", "masukan", "keluaran")} | {"proses": ""}]


def _relative(path: Path, folder: Path) -> str:
    """Path as written in the manifest: relative to its folder, forward slashes."""
    return Path(os.path.relpath(Path(path).resolve(), folder.resolve())).as_posix()
