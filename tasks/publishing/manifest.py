"""manifest.json: what a run read and published, with the sha256 of every file; written last and
atomically, so it never describes files that were not published."""

from __future__ import annotations

import json
import os
from datetime import datetime
from pathlib import Path

from tasks.files import atomic_write
from tasks.publishing.names import PublishError
from tasks.publishing.share import Published, sha256_file

MANIFEST_NAME = "manifest.json"


def write_manifest(folder: Path, *, inputs: list[Path], outputs: list[Published], parameters: dict,
                   version: str, started: datetime) -> Path:
    """Record what was read and published; written last and atomically so it never lies."""
    folder = Path(folder)
    manifest = {
        "program": "lkip",
        "versi": version,
        "waktu": started.isoformat(),
        "parameter": parameters,
        "masukan": [{"berkas": Path(p).name, "sha256": sha256_file(p)} for p in inputs],
        "keluaran": [{"berkas": _relative(o.path, folder), "sha256": o.sha256, "versi": o.versi,
                      "catatan": o.catatan} for o in outputs],
    }
    # default=str keeps dates and paths in the parameters readable instead of failing the run.
    text = json.dumps(manifest, sort_keys=True, indent=1, ensure_ascii=False, default=str) + "\n"
    path = folder / MANIFEST_NAME
    try:
        atomic_write(path, lambda dst: dst.write(text.encode("utf-8")))
    except OSError as exc:
        raise PublishError(f"manifest tidak dapat ditulis: {path} ({exc.strerror or exc})") from exc
    return path


def _relative(path: Path, folder: Path) -> str:
    """Path as written in the manifest: relative to its folder, forward slashes."""
    return Path(os.path.relpath(Path(path).resolve(), folder.resolve())).as_posix()


