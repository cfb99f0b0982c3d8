"""Benchmark: what each layer costs, against the floor, and the national roll-up as N grows.

One run on one machine measures
  (a) floor     reading the sample workbooks (values only, python-calamine), drawing the charts (a quarter's
                are its last month's) and rendering the same 17 documents from contexts computed
                beforehand, and writing the LKIP's lineage and scorecard workbooks from rows and
                criteria made beforehand: no validation, no computation, no Prefect, no publishing;
  (b) pipeline  our pipeline for the sample office in-process without Prefect (tasks.pipeline.office.run_office:
                read + validate + compute + charts + render + score + lineage + atomic publish + manifest),
                the same 17 documents, without the Daftar Isi's page numbers (`halaman`: LibreOffice lays
                the LKIP out, a few seconds the floor has no counterpart of; the roll-up runs without it too);
  (c) prefect   the on-demand flow `laporan-kpu` for the sample against a running Prefect server, as staff
                run it: its LKIP's Daftar Isi numbered (LibreOffice lays the report out once), so c-b is
                Prefect's cost plus that layout;
  (d) roll-up   the flow `rekap-nasional` over N synthetic offices (every 50th invalid; each with a plan of
                its own, tasks/rollup/synthetic.py), every document of every office, with the default
                process-pool runner, with Dask's LocalCluster (`dask`), and with a real Dask cluster
                (`cluster`: `dask scheduler` and --workers `dask worker` processes on loopback, the flow
                given their address as `lkip rekap --dask-address` is), for each N.
Timing of (a), (b) and (c): one process sets all three up, runs each once to warm up, then runs them
back to back --repeat times, the order rotating (a b c, b c a, c a b, ...). Each figure is the median
of its runs, each ratio (and each difference, b-a and c-b) the median of the rounds' ratios (or
differences), b/a printed with its lowest and highest round: a shared VM's speed drifts by tens of
percent within a minute, and parts timed back to back see the same machine. CPU seconds of the
process are printed beside wall time for (a) and (b). Wall time excludes imports and set-up. For each
roll-up, the CPU seconds over its timed run of the workers (pool or Dask processes; for `cluster` the
scheduler too), of the flow's own process and of the Prefect server, in all and per office: on 2
cores they share, what the flow and the server use is time the workers do not get.
Peak memory: each of (a)-(c) alone in a fresh process (warm-up and one run), and each roll-up, as the
largest sum of resident memory over the process and all its children (pool and Dask workers),
sampled from /proc every 0.2 s (Linux); the Prefect server, started once for all parts, is not
counted. Prints figures and ratios; asserts nothing.

Usage: .venv/bin/python bench/pipeline_bench.py [--sizes 10,100,553] [--runners process,dask]
       [--workers 2] [--repeat 9] [--work DIR]
"""

from __future__ import annotations

import argparse
import json
import operator
import os
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
SAMPLE = ROOT / "data" / "pasaman-barat-2024"
YEAR = 2024
INVALID_EVERY = 50


# --- measuring a part (runs in the child process) --------------------------------------------------

def _tree(root_pid: int) -> dict[int, tuple[int, float]]:
    """Resident bytes and CPU seconds (user + system) of root_pid and each of its descendants, from /proc."""
    parents: dict[int, int] = {}
    usage: dict[int, tuple[int, float]] = {}
    tick = os.sysconf("SC_CLK_TCK")
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/status", encoding="ascii", errors="replace") as status:
                fields = dict(line.split(":", 1) for line in status if ":" in line)
            with open(f"/proc/{entry}/stat", encoding="ascii", errors="replace") as stat:
                times = stat.read().rsplit(")", 1)[1].split()[11:13]  # utime, stime (fields 14 and 15)
        except OSError:
            continue
        parents[int(entry)] = int(fields.get("PPid", "0").strip() or 0)
        usage[int(entry)] = (int(fields.get("VmRSS", "0 kB").split()[0]) * 1024, sum(map(int, times)) / tick)
    tree, frontier = {root_pid}, [root_pid]
    while frontier:
        parent = frontier.pop()
        children = [pid for pid, ppid in parents.items() if ppid == parent and pid not in tree]
        tree.update(children)
        frontier.extend(children)
    return {pid: usage[pid] for pid in tree if pid in usage}


def tree_cpu(root_pid: int) -> float:
    """CPU seconds used so far by root_pid and its living descendants."""
    return sum(cpu for _, cpu in _tree(root_pid).values())


class PeakMemory:
    """Samples the process tree in a thread: .peak is the largest sum of resident memory seen, .cpu the
    CPU seconds of this process and of its descendants (pool and Dask workers; each as last seen, so a
    child that ended between two samples misses at most its last interval's CPU)."""

    def __init__(self, interval: float = 0.2):
        self.interval, self.peak, self._stop = interval, 0, threading.Event()
        self._cpu: dict[int, float] = {}
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _sample(self) -> None:
        tree = _tree(os.getpid())
        self.peak = max(self.peak, sum(rss for rss, _ in tree.values()))
        for pid, (_, cpu) in tree.items():
            self._cpu[pid] = max(cpu, self._cpu.get(pid, 0.0))

    def _run(self) -> None:
        while not self._stop.is_set():
            self._sample()
            self._stop.wait(self.interval)

    def __enter__(self):
        self.mark()
        self._thread.start()
        return self

    def mark(self) -> None:
        """CPU is counted from now (what the tree had used before is not the part's)."""
        self._sample()
        self._start = dict(self._cpu)

    def __exit__(self, *exc) -> None:
        self._stop.set()
        self._thread.join()
        self._sample()

    @property
    def cpu(self) -> dict[str, float]:
        own = self._cpu.get(os.getpid(), 0.0) - self._start.get(os.getpid(), 0.0)
        return {"self": own, "children": sum(c - self._start.get(p, 0.0) for p, c in self._cpu.items()
                                             if p != os.getpid())}


def setup_floor():
    """(a): read the workbooks' values, draw the charts and render the 17 documents (the LKIP, twelve
    monthly and four quarterly reports) from ready contexts, and write the LKIP's two workbooks from
    ready rows: what the office's outputs cost with nothing checked, computed or published."""
    from python_calamine import CalamineWorkbook

    from tasks.measuring.figures import compute_figures
    from tasks.reading.office import load_inputs
    from tasks.reporting.bulanan import bulanan_context
    from tasks.reporting.charts import chart_anggaran, chart_capaian, chart_jadwal
    from tasks.reporting.context import gambar, office_view
    from tasks.reporting.documents import document_facts, lkip_signing_date, report_periods
    from tasks.reporting.lineage import lineage_rows, write_lineage
    from tasks.reporting.lkip import lkip_context
    from tasks.reporting.pagination import render_outline, toc_entries
    from tasks.reporting.render import render_docx
    from tasks.reporting.scorecard import score_document, write_scorecard
    from tasks.reporting.templates import bundled_templates
    from tasks.reporting.triwulan import triwulan_context

    inputs = load_inputs([SAMPLE], YEAR)  # contexts, rows and criteria are made beforehand, outside the timing
    figures = compute_figures(inputs, report_periods(inputs, YEAR))
    view = office_view(inputs, figures)
    staging = Path(tempfile.mkdtemp(prefix="lkip-floor-"))
    templates = bundled_templates()
    documents = []  # (stem, kind, measures, charts to draw, context)
    for period, m in figures.periods.items():
        kind = "bulanan" if period.bulan else "triwulan" if period.triwulan else "lkip"
        stem = f"{YEAR}-{period.bulan or 0:02d}-{period.triwulan or 0}"
        drawn = f"bulanan-{period.upto_month:02d}" if kind != "lkip" else "lkip"  # a quarter: its last month's
        charts = {k: gambar(staging / f"{drawn}-{k}.png", k) for k in ("jadwal", "anggaran", "capaian")}
        build = {"lkip": lambda m, c: lkip_context(inputs, m, view, c, lkip_signing_date(YEAR)),
                 "bulanan": lambda m, c: bulanan_context(inputs, m, view, c),
                 "triwulan": lambda m, c: triwulan_context(inputs, m, view, c)}[kind]
        documents.append((stem, kind, m, drawn if kind != "triwulan" else None, build(m, charts)))
    def draw(kind, m, drawn) -> None:
        if drawn is not None:
            chart_jadwal(m.jadwal, staging / f"{drawn}-jadwal.png")
            chart_anggaran(m.anggaran_bulanan, staging / f"{drawn}-anggaran.png")
            if kind == "lkip":
                chart_capaian(m.capaian, inputs.settings, staging / f"{drawn}-capaian.png")

    for _, kind, m, drawn, _ in documents:
        draw(kind, m, drawn)
    year = figures[next(p for p in figures.periods if not p.bulan and not p.triwulan)]
    _, _, _, _, lkip = next(d for d in documents if d[1] == "lkip")
    headings, _ = render_outline(templates.lkip, lkip)
    lkip["daftar_isi"] = toc_entries(headings, [""] * len(headings))
    render_docx(templates.lkip, lkip, staging / "lkip.docx")
    rows = lineage_rows(inputs, year)
    criteria = list(score_document(staging / "lkip.docx", document_facts(inputs, year, lkip)))
    workbooks = sorted(p for p in SAMPLE.glob("*.xlsx"))

    def run() -> None:
        for path in workbooks:
            book = CalamineWorkbook.from_path(str(path))
            for name in book.sheet_names:
                book.get_sheet_by_name(name).to_python()
        for stem, kind, m, drawn, context in documents:
            draw(kind, m, drawn)
            render_docx(templates[kind], context, staging / f"{stem}.docx")
        write_lineage(inputs, year, staging / "sumber.xlsx", rows)
        write_scorecard(criteria, staging / "penilaian.xlsx")

    return run, staging, len(documents) + 2


def setup_pipeline():
    """(b): tasks.pipeline.office.run_office, into a fresh output folder each run."""
    from tasks.pipeline.office import run_office
    from tasks.pipeline.request import RunRequest

    share = Path(tempfile.mkdtemp(prefix="lkip-share-"))
    count = [0]

    def run() -> None:
        count[0] += 1
        (share / str(count[0])).mkdir()
        result = run_office(RunRequest(SAMPLE, share / str(count[0]), YEAR, pages=False))
        assert result.ok, [p.describe() for p in result.errors]

    return run, share, None


def setup_prefect():
    """(c): the flow laporan-kpu against the running server, into a fresh output folder each run."""
    from flows.laporan import laporan

    share = Path(tempfile.mkdtemp(prefix="lkip-share-"))
    count = [0]

    def run() -> None:
        count[0] += 1
        (share / str(count[0])).mkdir()
        laporan(str(SAMPLE), YEAR, out_dir=str(share / str(count[0])))

    return run, share, None


SETUPS = {"floor": setup_floor, "pipeline": setup_pipeline, "prefect": setup_prefect}


def part_memory(name: str) -> dict:
    """Peak memory of one part alone in this process: a warm-up run and a second run."""
    run, folder, documents = SETUPS[name]()
    with PeakMemory() as memory:
        run()
        run()
    shutil.rmtree(folder, ignore_errors=True)
    return {"peak": memory.peak, "documents": documents}


def part_paired(repeat: int) -> dict:
    """Wall and CPU seconds of (a), (b) and (c) run back to back `repeat` times in one process (after
    one warm-up run each), the order rotating: each round compares the parts on the same machine state."""
    setups = {name: setup() for name, setup in SETUPS.items()}
    for run, _, _ in setups.values():
        run()
    result: dict = {name: {"runs": [], "cpu": []} for name in setups}
    names = list(setups)
    for i in range(repeat):
        for name in names[i % 3:] + names[:i % 3]:
            start, start_cpu = time.perf_counter(), time.process_time()
            setups[name][0]()
            result[name]["runs"].append(time.perf_counter() - start)
            result[name]["cpu"].append(time.process_time() - start_cpu)
    for _, folder, _ in setups.values():
        shutil.rmtree(folder, ignore_errors=True)
    return result


def _cluster(workers: int, folder: Path) -> tuple[str, list[subprocess.Popen]]:
    """`dask scheduler` and `workers` single-threaded `dask worker` processes on loopback (children of
    this process, so their memory is counted); the scheduler's address."""
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    env = {**os.environ, "DASK_DISTRIBUTED__WORKER__PROFILE__ENABLED": "False"}
    address = f"tcp://127.0.0.1:{port}"
    def start(args: list[str], log: str) -> subprocess.Popen:
        return subprocess.Popen([sys.executable, "-m", *args], env=env, cwd=ROOT, stdout=(folder / log).open("wb"),
                                stderr=subprocess.STDOUT)
    processes = [start(["distributed.cli.dask_scheduler", "--host", "127.0.0.1", "--port", str(port),
                        "--dashboard-address", "127.0.0.1:0"], "scheduler.log")]
    processes += [start(["distributed.cli.dask_worker", address, "--nthreads", "1", "--nworkers", "1",
                         "--name", f"pekerja-{i}"], f"worker-{i}.log") for i in range(1, workers + 1)]
    from distributed import Client

    with Client(address, timeout=120) as client:  # ready when every worker has joined
        client.wait_for_workers(workers, timeout=120)
    return address, processes


def part_rollup(root: str, runner: str, workers: int) -> dict:
    from flows.rollup import rekap_nasional, task_runner

    share = Path(tempfile.mkdtemp(prefix="lkip-share-"))
    processes: list[subprocess.Popen] = []
    with PeakMemory() as memory:
        if runner == "cluster":  # started before the clock, like a cluster that is already running
            address, processes = _cluster(workers, share)
            chosen = task_runner("dask", address=address)
        else:
            chosen = task_runner(runner, workers)
        flow = rekap_nasional.with_options(task_runner=chosen)
        try:
            memory.mark()
            start = time.perf_counter()
            outputs = flow(root, YEAR, str(share))
            wall = time.perf_counter() - start
        finally:
            for process in reversed(processes):
                process.terminate()
                process.wait(timeout=60)
    from openpyxl import load_workbook

    book = load_workbook(outputs[0], read_only=True)
    invalid = book["Satker Bermasalah"].max_row - 1
    shutil.rmtree(share, ignore_errors=True)
    return {"wall": wall, "peak": memory.peak, "invalid": invalid, "cpu": memory.cpu}


# --- orchestration (parent process) ----------------------------------------------------------------

def child(args: list[str], env: dict) -> dict:
    """Run one part in a fresh interpreter; its last stdout line is the JSON result. The part runs in a
    process group of its own, ended with everything it started (pool and Dask workers) when this
    process stops early (Ctrl-C, or a TERM signal: see main)."""
    part = subprocess.Popen([sys.executable, __file__, "--part", *args], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, env=env, cwd=ROOT, start_new_session=True)
    try:
        stdout, stderr = part.communicate()
    finally:
        if part.poll() is None:
            os.killpg(part.pid, signal.SIGTERM)
            part.wait(timeout=60)
    if part.returncode != 0:
        raise SystemExit(f"part {args[0]} failed:\n{stderr[-3000:]}")
    return json.loads(stdout.strip().splitlines()[-1])


def start_server(home: Path) -> tuple[subprocess.Popen, dict]:
    from flows.serve import healthy

    port = 4399
    if healthy(f"http://127.0.0.1:{port}/api"):  # a leftover server would be measured in our place
        raise SystemExit(f"a Prefect server already answers on port {port} (a benchmark stopped early?): stop it first")
    env = {**os.environ, "PREFECT_HOME": str(home), "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
           "PREFECT_LOGGING_LEVEL": "WARNING"}
    env.pop("PREFECT_API_URL", None)
    server = subprocess.Popen([sys.executable, "-m", "prefect", "server", "start", "--host", "127.0.0.1", "--port",
                               str(port)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env,
                              start_new_session=True)
    url = f"http://127.0.0.1:{port}/api"
    deadline = time.monotonic() + 120
    while not healthy(url):
        if server.poll() is not None or time.monotonic() > deadline:
            raise SystemExit("the Prefect server did not start")
        time.sleep(0.5)
    return server, {**env, "PREFECT_API_URL": url}


def offices(work: Path, count: int) -> Path:
    """A folder holding the first `count` synthetic offices (generated once into work/all)."""
    from tasks.rollup.synthetic import generate

    pool = work / "all"
    have = sorted(pool.glob("satker-*")) if pool.exists() else []
    if len(have) < count:
        print(f"  generating {count} synthetic offices in {pool} …", flush=True)
        shutil.rmtree(pool, ignore_errors=True)
        generate(SAMPLE, pool, count, invalid_every=INVALID_EVERY)
        have = sorted(pool.glob("satker-*"))
    root = work / f"n{count}"
    shutil.rmtree(root, ignore_errors=True)
    root.mkdir(parents=True)
    for folder in have[:count]:
        (root / folder.name).symlink_to(folder.resolve(), target_is_directory=True)
    return root


def _median(part: dict, key: str = "runs") -> float:
    return statistics.median(part[key])


def _paired(top: dict, bottom: dict, combine, key: str = "runs") -> float:
    """The median over rounds of combine(top, bottom): each round's parts ran back to back."""
    return statistics.median(combine(t, b) for t, b in zip(top[key], bottom[key], strict=True))


def mb(value: int) -> str:
    return f"{value / 2**20:,.0f} MB"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="10,100,553", help="roll-up sizes N, comma-separated")
    parser.add_argument("--runners", default="process,dask,cluster",
                        help="roll-up task runners: process, thread, dask (LocalCluster), cluster (dask scheduler "
                             "and workers)")
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 2, help="pool / Dask workers")
    parser.add_argument("--repeat", type=int, default=9, help="rounds of (a), (b), (c) run back to back")
    parser.add_argument("--work", type=Path, default=ROOT / "out" / "bench", help="folder for synthetic offices")
    parser.add_argument("--part", nargs="+", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.part:
        name, *rest = args.part
        result = {"memory": lambda: part_memory(rest[0]), "paired": lambda: part_paired(int(rest[0])),
                  "rollup": lambda: part_rollup(rest[0], rest[1], int(rest[2]))}[name]()
        print(json.dumps(result))
        return

    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))  # a TERM ends the running part and the server too
    sizes = [int(n) for n in args.sizes.split(",") if n]
    runners = [r for r in args.runners.split(",") if r]
    print(f"lkip benchmark: {os.cpu_count()} cores, workers {args.workers}, {args.repeat} rounds of (a)-(c)",
          flush=True)
    home = Path(tempfile.mkdtemp(prefix="lkip-bench-prefect-"))
    server, server_env = start_server(home)  # running for every part, so that all see the same machine
    rows = []
    try:
        peaks = {name: child(["memory", name], server_env) for name in SETUPS}
        timing = child(["paired", str(args.repeat)], server_env)
        a, b, c = (timing[name] for name in SETUPS)
        print(f"(a) floor     {_median(a):7.2f} s  cpu {_median(a, 'cpu'):5.2f} s  peak {mb(peaks['floor']['peak'])}  "
              f"({peaks['floor']['documents']} documents)", flush=True)
        print(f"(b) pipeline  {_median(b):7.2f} s  cpu {_median(b, 'cpu'):5.2f} s  "
              f"peak {mb(peaks['pipeline']['peak'])}", flush=True)
        print(f"(c) prefect   {_median(c):7.2f} s                peak {mb(peaks['prefect']['peak'])}  "
              f"(against a running server)", flush=True)
        print(f"    b/a = {_paired(b, a, operator.truediv):.2f} (cpu {_paired(b, a, operator.truediv, 'cpu'):.2f})   "
              f"b-a = {_paired(b, a, operator.sub):.2f} s   "
              f"c/a = {_paired(c, a, operator.truediv):.2f}   c-b = {_paired(c, b, operator.sub):.2f} s  "
              f"(medians over the {args.repeat} rounds)", flush=True)
        rounds = [t / f for t, f in zip(b["runs"], a["runs"], strict=True)]
        print(f"    b/a per round: {' '.join(f'{r:.2f}' for r in rounds)}  (lowest {min(rounds):.2f}, "
              f"highest {max(rounds):.2f})", flush=True)
        for n in sizes:
            root = offices(args.work, n)
            for runner in runners:
                server_cpu = tree_cpu(server.pid)
                d = child(["rollup", str(root), runner, str(args.workers)], server_env)
                server_cpu = tree_cpu(server.pid) - server_cpu
                rows.append((n, runner, d))
                print(f"(d) roll-up N={n:<4} {runner:<8} {d['wall']:8.1f} s  {d['wall'] / n:6.2f} s/office  "
                      f"peak {mb(d['peak'])}  ({n - d['invalid']} valid, {d['invalid']} invalid)", flush=True)
                cpu = d["cpu"]
                print(f"    cpu: workers {cpu['children']:.0f} s ({cpu['children'] / n:.2f} s/office), flow "
                      f"{cpu['self']:.0f} s ({cpu['self'] / n:.3f} s/office), Prefect server {server_cpu:.0f} s "
                      f"({server_cpu / n:.3f} s/office)", flush=True)
    finally:
        os.killpg(server.pid, signal.SIGTERM)  # the server and what it started (its own session)
        server.wait(timeout=30)
        shutil.rmtree(home, ignore_errors=True)
    if rows:
        print("\ntime per office as N grows (s/office):")
        for runner in runners:
            line = "  ".join(f"N={n}: {d['wall'] / n:.2f}" for n, r, d in rows if r == runner)
            print(f"  {runner:<8} {line}")


if __name__ == "__main__":
    main()
