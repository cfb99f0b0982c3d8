"""One timed unit of work with the code of another checkout, for side-by-side runs (`farm-bench --vs`).

    python bench/checkout_run.py CHECKOUT rollup N    the roll-up of the first N synthetic offices of
                                                      out/bench/all (process pool, 2 workers), against
                                                      PREFECT_API_URL when set
    python bench/checkout_run.py CHECKOUT offices N   run_office of N varied offices (from the 11th) in
                                                      one process

CHECKOUT is a folder holding lkip's code (a `git worktree add` of an earlier commit, or this one):
its `tasks` and `flows` are imported instead of this folder's. Generate the offices once with
`bench/pipeline_bench.py` (out/bench/all). Prints the seconds of the unit on stderr.
"""

from __future__ import annotations

import shutil
import sys
import tempfile
import time
from pathlib import Path

OFFICES = Path(__file__).resolve().parents[1] / "out" / "bench" / "all"


def main() -> None:
    checkout, unit, n = sys.argv[1], sys.argv[2], int(sys.argv[3])
    sys.path.insert(0, str(Path(checkout).resolve()))
    folders = sorted(OFFICES.glob("satker-*"))
    share = Path(tempfile.mkdtemp(prefix="lkip-ab-share-"))
    start = time.perf_counter()
    if unit == "rollup":
        from flows.rollup import rekap_nasional, task_runner

        root = Path(tempfile.mkdtemp(prefix="lkip-ab-root-"))
        for folder in folders[:n]:
            (root / folder.name).symlink_to(folder.resolve(), target_is_directory=True)
        rekap_nasional.with_options(task_runner=task_runner("process", 2))(str(root), 2024, str(share))
        shutil.rmtree(root, ignore_errors=True)
    else:
        from tasks.pipeline.office import run_office
        from tasks.pipeline.request import RunRequest

        for i, folder in enumerate(folders[10:10 + n]):
            (share / str(i)).mkdir()
            run_office(RunRequest(folder, share / str(i), 2024, pages=False))
    print(f"{checkout} {unit} N={n}: {time.perf_counter() - start:.1f} s", file=sys.stderr)
    shutil.rmtree(share, ignore_errors=True)


if __name__ == "__main__":  # the process pool's workers import this module again
    main()
