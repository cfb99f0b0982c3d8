"""Benchmark: time to read the sample RAK, and a RAK with a stray cell at row 1,048,576.

Prints figures and ratios; asserts nothing (timed tests are flaky on shared machines).
Usage: .venv/bin/python bench/read_bench.py [--repeat N]
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

from openpyxl import load_workbook
from openpyxl.styles import PatternFill

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tasks.rak import read_rak  # noqa: E402
from tasks.validate import load_inputs  # noqa: E402

SAMPLE = ROOT / "data" / "pasaman-barat-2024"
LAST_ROW = 1_048_576


def timed(fn, repeat: int) -> tuple[float, float]:
    """Median seconds over `repeat` runs, and peak traced memory (MB) of one run."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    tracemalloc.start()
    fn()
    peak = tracemalloc.get_traced_memory()[1] / 1e6
    tracemalloc.stop()
    return statistics.median(times), peak


def with_stray_cell(source: Path, target: Path, value: str | None) -> Path:
    """The sample RAK with one formatted (and optionally filled) cell at the last Excel row."""
    book = load_workbook(source)
    cell = book.worksheets[0].cell(row=LAST_ROW, column=1)
    cell.fill = PatternFill("solid", fgColor="FFFF00")
    if value is not None:
        cell.value = value
    book.save(target)
    return target


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    rak = SAMPLE / "RAK-2024.xlsx"
    with tempfile.TemporaryDirectory() as tmp:
        stray = with_stray_cell(rak, Path(tmp) / "RAK-stray-format.xlsx", None)
        stray_value = with_stray_cell(rak, Path(tmp) / "RAK-stray-value.xlsx", "x")
        folder = Path(tmp) / "folder"
        shutil.copytree(SAMPLE, folder)
        cases = [
            ("sample RAK (read_rak)", lambda: read_rak(rak)),
            ("RAK + formatted cell at row 1,048,576", lambda: read_rak(stray)),
            ("RAK + value cell at row 1,048,576", lambda: read_rak(stray_value)),
            ("whole sample folder (validate)", lambda: load_inputs([folder])),
        ]
        base = None
        print(f"{'case':45} {'median s':>9} {'peak MB':>8} {'ratio':>6}")
        for name, fn in cases:
            seconds, peak = timed(fn, args.repeat)
            base = base or seconds
            print(f"{name:45} {seconds:9.3f} {peak:8.1f} {seconds / base:6.2f}")


if __name__ == "__main__":
    main()
