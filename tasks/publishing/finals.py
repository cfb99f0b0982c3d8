"""Final marks: a report published as final is never modified again (BAD_INPUTS.md 32).

The marks of a folder live in one hidden file, `.lkip-final.json` (name -> sha256), not in a visible
`<report>.final` beside every report that staff trip over; the report itself is made read-only. A
`<report>.final` sidecar written by an earlier version of lkip still counts.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from tasks.files import atomic_write

REGISTRY = ".lkip-final.json"
LEGACY_SUFFIX = ".final"


def _registry(folder: Path) -> dict[str, str]:
    try:
        return json.loads((folder / REGISTRY).read_text(encoding="utf-8"))
    except FileNotFoundError:
        return {}
    except (OSError, ValueError):
        # A damaged registry must not un-final anything: every report of the folder counts as final.
        return {p.name: "" for p in folder.iterdir() if p.is_file() and not p.name.startswith(".")}


def is_final(path: Path) -> bool:
    """True when the report was published as final."""
    path = Path(path)
    return path.name in _registry(path.parent) or path.with_name(path.name + LEGACY_SUFFIX).exists()


def mark_final(path: Path, digest: str) -> None:
    """Record the report as final in its folder's registry and make it read-only."""
    path = Path(path)
    os.chmod(path, 0o444)
    marks = {**_registry(path.parent), path.name: digest}
    text = json.dumps(marks, sort_keys=True, indent=1).encode("utf-8")
    atomic_write(path.parent / REGISTRY, lambda dst: dst.write(text))


def final_names(folder: Path) -> set[str]:
    """The names marked final in a folder (registry and legacy sidecars)."""
    folder = Path(folder)
    if not folder.is_dir():
        return set()
    legacy = {p.name.removesuffix(LEGACY_SUFFIX) for p in folder.glob(f"*{LEGACY_SUFFIX}")}
    return set(_registry(folder)) | legacy
