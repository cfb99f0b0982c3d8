"""Benchmark: render time per document (LKIP and one monthly report), with and without charts.

Measures the same code `lkip run` uses (measure -> charts -> context -> docxtpl render), without
publishing. Prints figures and ratios; asserts nothing.
Usage: .venv/bin/python bench/render_bench.py [--repeat N]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tasks.measuring.figures import Period  # noqa: E402
from tasks.reading.office import load_inputs  # noqa: E402
from tasks.reporting.documents import RenderChoices, render_period  # noqa: E402

SAMPLE = ROOT / "data" / "pasaman-barat-2024"


def median_seconds(fn, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3, help="runs per case (median is printed)")
    args = parser.parse_args()
    start = time.perf_counter()
    inputs = load_inputs([SAMPLE])
    print(f"reading + validating the sample folder: {time.perf_counter() - start:.2f} s")
    with tempfile.TemporaryDirectory() as tmp:
        staging = Path(tmp)
        cases = [
            ("LKIP 2024, with charts", lambda: render_period(inputs, Period(2024), staging)),
            ("LKIP 2024, without charts",
             lambda: render_period(inputs, Period(2024), staging, RenderChoices(charts=False))),
            ("monthly 2024-06, with charts", lambda: render_period(inputs, Period(2024, bulan=6), staging)),
            ("monthly 2024-06, without charts",
             lambda: render_period(inputs, Period(2024, bulan=6), staging, RenderChoices(charts=False))),
        ]
        results = {name: median_seconds(fn, args.repeat) for name, fn in cases}
    print(f"{'document':36} {'median s':>9}")
    for name, seconds in results.items():
        print(f"{name:36} {seconds:9.2f}")
    for kind in ("LKIP 2024", "monthly 2024-06"):
        ratio = results[f"{kind}, with charts"] / results[f"{kind}, without charts"]
        print(f"{kind}: with/without charts = {ratio:.2f}")


if __name__ == "__main__":
    main()
