"""The benchmark's own measuring (bench/pipeline_bench.py): what it counts of a process tree."""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path

BENCH = Path(__file__).resolve().parents[1] / "bench" / "pipeline_bench.py"
_spec = importlib.util.spec_from_file_location("pipeline_bench", BENCH)
pipeline_bench = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(pipeline_bench)

BUSY = "import time\nt = time.process_time()\nwhile time.process_time() - t < {cpu}: pass\ntime.sleep({rest})"


def test_a_child_s_cpu_and_memory_are_counted_and_what_came_before_mark_is_not():
    child = subprocess.Popen([sys.executable, "-c", BUSY.format(cpu=0.6, rest=3)])
    try:
        with pipeline_bench.PeakMemory(interval=0.05) as memory:  # the first child's 0.6 s: before the mark
            while pipeline_bench.tree_cpu(child.pid) < 0.6:
                memory.mark()
            memory.mark()
            second = subprocess.Popen([sys.executable, "-c", BUSY.format(cpu=0.5, rest=1)])
            second.wait()
    finally:
        child.kill()
        child.wait()
    assert 0.45 <= memory.cpu["children"] <= 0.95  # the second child's 0.5 s and its start-up, not the first's
    assert memory.peak > 0
