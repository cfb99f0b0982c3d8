"""Benchmark: scoring an LKIP (tasks.reporting.scorecard.score_document), read and judged.

Two documents: a generated LKIP of 31 indicators (about 60 pages as LibreOffice lays it out: the
minimal LKIP of the tests, scaled, with a 186-row RAK table) and the sample office's LKIP as the
pipeline renders it today. Per document: median and best wall time over the rounds, median CPU time,
and how that splits into reading the .docx and the criteria. Prints figures; asserts nothing.
Usage: .venv/bin/python bench/scorecard_bench.py [--rounds N] [--pages]
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tasks.reporting.scorecard import score_document  # noqa: E402
from tasks.reporting.scorecard.outline import Laporan  # noqa: E402
from tasks.reporting.scorecard.reader import read_docx  # noqa: E402
from tasks.reporting.scorecard.score import CRITERIA  # noqa: E402
from tests.reporting.scorecard.docs import FACTS, build, large  # noqa: E402

SAMPLE = ROOT / "data" / "pasaman-barat-2024"


def sample_lkip(folder: Path) -> Path:
    from tasks.measuring.figures import Period
    from tasks.reading.office import load_inputs
    from tasks.reporting.documents import render_period

    return render_period(load_inputs([SAMPLE]), Period(2024), folder).local


def pages(path: Path) -> str:
    """The page count LibreOffice lays the document out in, when it is installed."""
    if not shutil.which("soffice") or not shutil.which("pdfinfo"):
        return "?"
    subprocess.run(["soffice", "--headless", "--convert-to", "pdf", "--outdir", str(path.parent), str(path)],
                   capture_output=True, timeout=300, check=False)
    info = subprocess.run(["pdfinfo", str(path.with_suffix(".pdf"))], capture_output=True, text=True, check=False)
    return next((line.split()[-1] for line in info.stdout.splitlines() if line.startswith("Pages")), "?")


def measure(path: Path, facts, rounds: int) -> dict[str, float]:
    score_document(path, facts)  # imports and caches warm, as in a run that renders first
    wall, cpu, read, judge = [], [], [], []
    for _ in range(rounds):
        w, c = time.perf_counter(), time.process_time()
        score_document(path, facts)
        wall.append(time.perf_counter() - w)
        cpu.append(time.process_time() - c)
        w = time.perf_counter()
        naskah = read_docx(path)
        read.append(time.perf_counter() - w)
        lap = Laporan(naskah, facts)
        w = time.perf_counter()
        for _, _, check in CRITERIA:
            check(lap, facts)
        judge.append(time.perf_counter() - w)
    return {"wall": statistics.median(wall), "best": min(wall), "cpu": statistics.median(cpu),
            "read": statistics.median(read), "criteria": statistics.median(judge),
            "paragraphs": len(naskah.paragraf), "tables": len(naskah.tabel)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=9)
    parser.add_argument("--pages", action="store_true", help="count pages with LibreOffice (slow)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        spec, facts = large(31)
        cases = [("generated LKIP, 31 indicators", build(spec, folder / "generated.docx"), facts),
                 ("sample LKIP as rendered", sample_lkip(folder), FACTS)]
        for name, path, facts in cases:
            m = measure(path, facts, args.rounds)
            count = pages(path) if args.pages else "-"
            print(f"{name:32} pages {count:>3}  {m['paragraphs']:5} paragraphs {m['tables']:3} tables  "
                  f"wall {m['wall']:.3f} s (best {m['best']:.3f})  cpu {m['cpu']:.3f} s  "
                  f"= read {m['read']:.3f} + criteria {m['criteria']:.3f}")


if __name__ == "__main__":
    main()
