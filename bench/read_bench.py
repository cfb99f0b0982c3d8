"""Benchmark: time and peak memory to read the sample RAK, a RAK with a stray cell at row 1,048,576,
and the whole sample folder.

Each case runs in its own Python process so that its peak RSS is its own. Prints figures and
ratios; asserts nothing (timed tests are flaky on shared machines).
Usage: .venv/bin/python bench/read_bench.py [--repeat N]
"""

from __future__ import annotations

import argparse
import json
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "data" / "pasaman-barat-2024"
LAST_ROW = 1_048_576


def with_stray_cell(source: Path, target: Path, value: str | None) -> Path:
    """The sample RAK with one formatted (and optionally filled) cell at the last Excel row."""
    from openpyxl import load_workbook
    from openpyxl.styles import PatternFill

    book = load_workbook(source)
    cell = book.worksheets[0].cell(row=LAST_ROW, column=1)
    cell.fill = PatternFill("solid", fgColor="FFFF00")
    if value is not None:
        cell.value = value
    book.save(target)
    return target


def run_case(kind: str, path: str, repeat: int) -> None:
    """Child process: read `path` `repeat` times, print median seconds and peak RSS as JSON."""
    sys.path.insert(0, str(ROOT))
    from tasks.reading.office import load_inputs
    from tasks.reading.rak import read_rak

    action = (lambda: read_rak(Path(path))) if kind == "rak" else (lambda: load_inputs([Path(path)]))
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({"seconds": statistics.median(times), "peak_mb": peak_mb}))


def measure(kind: str, path: Path, repeat: int) -> dict:
    out = subprocess.run([sys.executable, __file__, "--case", kind, str(path), "--repeat", str(repeat)],
                         check=True, capture_output=True, text=True).stdout
    return json.loads(out.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5, help="runs per case (median is printed)")
    parser.add_argument("--case", nargs=2, metavar=("KIND", "PATH"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.case:
        run_case(*args.case, args.repeat)
        return
    rak = SAMPLE / "RAK-2024.xlsx"
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "folder"
        shutil.copytree(SAMPLE, folder)
        cases = [
            ("sample RAK (read_rak)", "rak", rak),
            ("RAK + formatted cell at row 1,048,576", "rak", with_stray_cell(rak, Path(tmp) / "a.xlsx", None)),
            ("RAK + value 'x' at row 1,048,576", "rak", with_stray_cell(rak, Path(tmp) / "b.xlsx", "x")),
            ("whole sample folder (lkip validate)", "folder", folder),
        ]
        base = None
        print(f"{'case':42} {'median s':>9} {'peak RSS MB':>12} {'time ratio':>11}")
        for name, kind, path in cases:
            result = measure(kind, path, args.repeat)
            base = base or result["seconds"]
            print(f"{name:42} {result['seconds']:9.3f} {result['peak_mb']:12.0f} {result['seconds'] / base:11.2f}")


if __name__ == "__main__":
    main()
