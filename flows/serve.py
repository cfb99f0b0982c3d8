"""`lkip serve` and `lkip trigger`: the schedule and the manual trigger, on a long-lived Prefect server.

The server is the one PREFECT_API_URL names (Prefect on PostgreSQL for several offices), or a local
`prefect server start` on 127.0.0.1 (SQLite), started here when none answers. Nothing in this module
imports Prefect at module level: PREFECT_API_URL must be set before Prefect reads its settings.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

from tasks.problems import UserError

DEFAULT_PORT = 4200
DEFAULT_CRON = "0 7 5 * *"  # the 5th of each month, 07:00
DEFAULT_TIMEZONE = "Asia/Jakarta"
STARTUP_SECONDS = 90


class ServerError(UserError):
    """No Prefect server could be reached or started: .message says why."""


def healthy(api_url: str, timeout: float = 2.0) -> bool:
    """Whether a Prefect API answers its health check."""
    try:
        with urllib.request.urlopen(api_url.rstrip("/") + "/health", timeout=timeout) as response:
            return response.status == 200
    except (urllib.error.URLError, OSError, ValueError):
        return False


def start_local_server(port: int, log_file: Path) -> subprocess.Popen:
    """`prefect server start` bound to 127.0.0.1, detached so it outlives a restart of serve."""
    env = {**os.environ, "PREFECT_SERVER_ANALYTICS_ENABLED": "false"}
    env.pop("PREFECT_API_URL", None)
    log_file.parent.mkdir(parents=True, exist_ok=True)
    with log_file.open("ab") as log:
        return subprocess.Popen([sys.executable, "-m", "prefect", "server", "start", "--host", "127.0.0.1",
                                 "--port", str(port)], stdout=log, stderr=subprocess.STDOUT, env=env,
                                start_new_session=True)


def ensure_server(port: int = DEFAULT_PORT, log_file: Path | None = None, progress=print) -> str:
    """The API URL to use: PREFECT_API_URL, a local server already running, or one started now."""
    configured = os.environ.get("PREFECT_API_URL")
    if configured:
        if not healthy(configured):
            raise ServerError(f"server Prefect {configured} (PREFECT_API_URL) tidak menjawab")
        return configured
    url = f"http://127.0.0.1:{port}/api"
    if not healthy(url):
        log_file = log_file or Path.home() / ".prefect" / "lkip-server.log"
        progress(f"Server Prefect belum berjalan; menjalankan 'prefect server start' di {url} (log: {log_file})")
        process = start_local_server(port, log_file)
        deadline = time.monotonic() + STARTUP_SECONDS
        while not healthy(url):
            if process.poll() is not None or time.monotonic() > deadline:
                raise ServerError(f"server Prefect tidak dapat dijalankan; lihat {log_file}")
            time.sleep(1)
    os.environ["PREFECT_API_URL"] = url
    return url


def deployment_names(kode: str) -> tuple[str, str]:
    """Names of the scheduled and the manual deployment of one office, from its code."""
    from tasks.publishing.names import safe_name

    return f"bulanan-{safe_name(kode)}", f"manual-{safe_name(kode)}"


def build_deployments(input_dir: str, out_dir: str, kode: str, tahun: int, cron: str = DEFAULT_CRON,
                      timezone: str = DEFAULT_TIMEZONE, pdf: bool = False) -> list:
    """The monthly scheduled deployment and the on-demand one, each limited to one run at a time."""
    from prefect.schedules import Cron

    from flows.laporan import laporan, laporan_bulanan

    monthly_name, manual_name = deployment_names(kode)
    common = {"input_dir": input_dir, "out_dir": out_dir, "pdf": pdf}
    return [
        laporan_bulanan.to_deployment(name=monthly_name, schedules=[Cron(cron, timezone=timezone)],
                                      parameters=common, concurrency_limit=1,
                                      description="Laporan bulan yang baru berakhir (Januari: juga LKIP)"),
        laporan.to_deployment(name=manual_name, parameters={**common, "tahun": tahun}, concurrency_limit=1,
                              description="Jalankan manual sebelum tenggat: tahun, bulan (kosong = LKIP + semua)"),
    ]


def serve(deployments: list) -> None:
    """Serve until stopped; a stopped serve pauses the schedules."""
    from prefect import serve as prefect_serve

    prefect_serve(*deployments, print_starting_message=True)


def trigger(kode: str, tahun: int, bulan: int | None, final: bool) -> str:
    """Start a run of the manual deployment now; returns the flow run id."""
    from prefect.deployments import run_deployment

    from flows.laporan import FLOW_ON_DEMAND

    _, manual_name = deployment_names(kode)
    run = run_deployment(name=f"{FLOW_ON_DEMAND}/{manual_name}", timeout=0,
                         parameters={"tahun": tahun, "bulan": bulan, "final": final})
    return str(run.id)
