"""`lkip rekap --dask-address` on a real Dask cluster: a scheduler and two worker processes on
loopback, reporting to a Prefect server, and one worker killed while it runs an office. Every office
is published exactly once, none is lost or counted twice, and the run says which office it ran again."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from pathlib import Path

from tests.scale.infra import ROOT, free_port, prefect_server, rollup_offices, wait_for

OFFICES = 12


def start(args: list[str], env: dict, log: Path) -> subprocess.Popen:
    """A process in its own group (a worker's nanny and its worker process die together)."""
    return subprocess.Popen([sys.executable, "-m", *args], env=env, cwd=ROOT, stdout=log.open("wb"),
                            stderr=subprocess.STDOUT, start_new_session=True)


def stop(process: subprocess.Popen, sig=signal.SIGTERM) -> None:
    try:
        os.killpg(process.pid, sig)
    except ProcessLookupError:
        return
    try:
        process.wait(timeout=30)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait(timeout=30)


def running_on(markers: Path, group: int) -> list[str]:
    """The offices whose running marker was left by a process of `group`."""
    found = []
    for marker in markers.glob("*.json"):
        try:
            pid = json.loads(marker.read_text(encoding="utf-8"))["pid"]
            if os.getpgid(pid) == group:
                found.append(marker.stem)
        except (OSError, ValueError, KeyError):  # written or removed this very moment: look again
            continue
    return found


def test_a_worker_killed_mid_office_loses_nothing_and_counts_nothing_twice(tmp_path):
    with prefect_server(tmp_path / "prefect", {}) as (url, env):
        made = subprocess.run([sys.executable, "-c", "import sys; from flows.cli import main; sys.exit(main())",
                               "sintetis", "--n", str(OFFICES), "--out", str(tmp_path / "satker")],
                              env=env, cwd=ROOT, capture_output=True, text=True)
        assert made.returncode == 0, made.stderr
        address = f"tcp://127.0.0.1:{free_port()}"
        scheduler = start(["distributed.cli.dask_scheduler", "--host", "127.0.0.1", "--port",
                           address.rsplit(":", 1)[1], "--dashboard-address", "127.0.0.1:0"], env,
                          tmp_path / "scheduler.log")
        workers = [start(["distributed.cli.dask_worker", address, "--nthreads", "1", "--nworkers", "1",
                          "--name", f"pekerja-{i}"], env, tmp_path / f"worker-{i}.log") for i in (1, 2)]
        out = tmp_path / "bersama"
        out.mkdir()
        log = tmp_path / "rekap.log"
        try:
            rekap = subprocess.Popen([sys.executable, "-c", "import sys; from flows.cli import main; sys.exit(main())",
                                      "rekap", "--root", str(tmp_path / "satker"), "--year", "2024", "--out", str(out),
                                      "--tanpa-grafik", "--runner", "dask", "--dask-address", address],
                                     env=env, cwd=ROOT, stdout=log.open("wb"), stderr=subprocess.STDOUT)
            markers = out / ".lkip-rekap" / "2024"
            # Kill the first worker (nanny and worker process) while it is inside an office.
            wait_for(lambda: running_on(markers, workers[0].pid), 300, "an office on the first worker", rekap, log)
            [interrupted] = running_on(markers, workers[0].pid)
            stop(workers[0], signal.SIGKILL)
            assert rekap.wait(timeout=600) == 0, log.read_text(errors="replace")[-4000:]
        finally:
            for process in (*workers, scheduler):
                stop(process)
    said = log.read_text(errors="replace")  # the console of the roll-up (task logs stay on the workers)
    assert "1 satker dijalankan ulang karena pekerjanya berhenti" in said and f"{interrupted} (percobaan ke-2" in said
    worker_said = (tmp_path / "worker-2.log").read_text(errors="replace")
    assert f"{interrupted}: dijalankan ulang (percobaan ke-2)" in worker_said

    reported, invalid = rollup_offices(out / "rekap" / "2024" / "rekap-2024.xlsx")
    folders = sorted(p.name for p in (tmp_path / "satker").iterdir())
    assert sorted([f"satker-{kode}-2024" for kode in reported] + invalid) == folders  # each office once
    assert interrupted in [f"satker-{kode}-2024" for kode in reported] + invalid
    for kode in reported:  # each valid office's documents published once: no second version beside them
        year = out / kode / "2024"
        assert len(list(year.glob("LKIP-2024*.docx"))) == 1 and len(list((year / "bulanan").glob("*.docx"))) == 12
        assert not [p for p in year.rglob("*") if "-v2" in p.name or p.name.startswith(".")]
    assert not (out / ".lkip-rekap").exists()
