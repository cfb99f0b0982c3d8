"""What the `lkip` commands share: exit codes, usage errors, JSON output, the shared folder, Prefect's defaults."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

from tasks.problems import CONSOLE_LIMIT, FULL_LIST, Problem, Severity, summary_lines

EXIT_OK, EXIT_INVALID, EXIT_USAGE, EXIT_INTERNAL = 0, 1, 2, 3
DEFAULT_OUT = Path("out/laporan")
SAMPLE_DIR = Path(__file__).resolve().parents[2] / "data" / "pasaman-barat-2024"
PREFECT_DEFAULTS = {
    # A run with no server starts Prefect's temporary local one: give it time on a slow machine,
    # and send nothing anywhere.
    "PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS": "90",
    "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
}


class UsageError(Exception):
    """Wrong arguments: printed with exit code 2."""


def existing(paths: list[Path]) -> list[Path]:
    """The paths, when they all exist; a UsageError naming the missing ones otherwise."""
    missing = [str(p) for p in paths if not p.exists()]
    if missing:
        raise UsageError(f"tidak ditemukan: {', '.join(missing)}")
    return paths


def print_problems(problems: list[Problem], rinci: bool = False, stream=None, full: str = FULL_LIST) -> None:
    """Problems a person reads: one line each, once; past CONSOLE_LIMIT a summary by kind (all of
    them, notes included, with `rinci`)."""
    shown = [p for p in problems if rinci or p.severity is not Severity.INFO]
    for line in summary_lines(shown, limit=None if rinci else CONSOLE_LIMIT, full=full):
        print(line, file=stream or sys.stdout)


def print_json(data) -> None:
    json.dump(data, sys.stdout, ensure_ascii=False, indent=1, default=str)
    sys.stdout.write("\n")


def shared_folder(out: Path | None) -> Path:
    """The output folder: an explicit one (--out, else $LKIP_FOLDER_BERSAMA) must exist, a share is
    never created; the default out/laporan is created."""
    explicit = out or (Path(os.environ["LKIP_FOLDER_BERSAMA"]) if os.environ.get("LKIP_FOLDER_BERSAMA") else None)
    if explicit is None:
        DEFAULT_OUT.mkdir(parents=True, exist_ok=True)
        return DEFAULT_OUT
    return explicit


def prefect_defaults() -> None:
    """Set Prefect's defaults for lkip, unless the user set them."""
    for key, value in PREFECT_DEFAULTS.items():
        os.environ.setdefault(key, value)
