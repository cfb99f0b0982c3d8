"""`lkip serve` and `lkip trigger`: the schedule and the manual trigger, on a long-lived Prefect server.

The server is the one PREFECT_API_URL names (Prefect on PostgreSQL for several offices), or a local
`prefect server start` (SQLite) on 127.0.0.1, or on every interface for a LAN, started here when none
answers, with the settings that make its UI call the API at the address it is reached at. Nothing in this module
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

from tasks.pipeline.years import OfficeSettings, deployment_names
from tasks.problems import UserError

DEFAULT_PORT = 4200
LOCAL_HOST = "127.0.0.1"
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


def start_local_server(port: int, log_file: Path, host: str = LOCAL_HOST, ui_api_url: str | None = None
                       ) -> subprocess.Popen:
    """`prefect server start`, detached so it outlives a restart of serve.

    Prefect's UI asks the server for the API address to call (`/ui-settings`), and the server answers
    from its settings, not from `--port`: so host and port are given as settings too, and the address
    browsers use (PREFECT_UI_API_URL) is the one the server is reached at."""
    env = {**os.environ, "PREFECT_SERVER_ANALYTICS_ENABLED": "false", **server_settings(port, host, ui_api_url)}
    env.pop("PREFECT_API_URL", None)
    log_file.parent.mkdir(parents=True, exist_ok=True)
    with log_file.open("ab") as log:
        return subprocess.Popen([sys.executable, "-m", "prefect", "server", "start", "--host", host,
                                 "--port", str(port)], stdout=log, stderr=subprocess.STDOUT, env=env,
                                start_new_session=True)


def server_settings(port: int, host: str = LOCAL_HOST, ui_api_url: str | None = None) -> dict[str, str]:
    """The settings a Prefect server needs so that its UI calls the API where the server really is."""
    browser_host = LOCAL_HOST if host in ("0.0.0.0", "::", "") else host
    return {"PREFECT_SERVER_API_HOST": host, "PREFECT_SERVER_API_PORT": str(port),
            "PREFECT_UI_API_URL": ui_api_url or f"http://{browser_host}:{port}/api"}


def ui_api_url(api_url: str, timeout: float = 5.0) -> str | None:
    """The API address a running server tells its UI to call (None when it does not say)."""
    import json

    base = api_url.rstrip("/").removesuffix("/api")
    try:
        with urllib.request.urlopen(base + "/ui-settings", timeout=timeout) as response:
            return json.loads(response.read()).get("api_url")
    except (urllib.error.URLError, OSError, ValueError):
        return None


def ensure_server(port: int = DEFAULT_PORT, log_file: Path | None = None, progress=print, host: str = LOCAL_HOST,
                  ui_url: str | None = None, start: bool = True) -> str:
    """The API URL to use: PREFECT_API_URL, a local server already running, or one started now.

    `ui_url`: the server's address as browsers on other machines reach it (http://server:4200), for a
    server that listens beyond this machine (host 0.0.0.0). `start=False` (trigger): none is started; a
    server that does not answer is an error saying to run `lkip serve`."""
    configured = os.environ.get("PREFECT_API_URL")
    if configured:
        if not healthy(configured):
            raise ServerError(f"server Prefect {configured} (PREFECT_API_URL) tidak menjawab")
        return configured
    url = f"http://{LOCAL_HOST}:{port}/api"
    wanted_ui = server_settings(port, host, ui_url and ui_url.rstrip("/").removesuffix("/api") + "/api")
    if not healthy(url) and not start:
        raise ServerError(f"server Prefect {url} tidak menjawab",
                          hint="jalankan dulu 'lkip serve --input AKAR', atau sebutkan --port atau PREFECT_API_URL "
                               "server itu")
    if not healthy(url):
        log_file = log_file or Path.home() / ".prefect" / "lkip-server.log"
        progress(f"Server Prefect belum berjalan; menjalankan 'prefect server start' di {url} (log: {log_file})")
        process = start_local_server(port, log_file, host, wanted_ui["PREFECT_UI_API_URL"])
        log_file.with_suffix(".pid").write_text(f"{process.pid}\n", encoding="utf-8")  # to stop it: kill PID
        deadline = time.monotonic() + STARTUP_SECONDS
        while not healthy(url):
            if process.poll() is not None or time.monotonic() > deadline:
                raise ServerError(f"server Prefect tidak dapat dijalankan; lihat {log_file}")
            time.sleep(1)
    else:
        told = ui_api_url(url)
        if told and told != wanted_ui["PREFECT_UI_API_URL"]:
            progress(f"PERINGATAN: server Prefect di port {port} sudah berjalan dan UI-nya memanggil {told}, bukan "
                     f"{wanted_ui['PREFECT_UI_API_URL']}; hentikan server itu agar 'lkip serve' menjalankannya "
                     f"ulang dengan alamat yang benar")
    os.environ["PREFECT_API_URL"] = url
    return url


def build_deployments(office: OfficeSettings, kode: str, cron: str = DEFAULT_CRON, timezone: str = DEFAULT_TIMEZONE,
                      pdf: bool = False) -> list:
    """The monthly scheduled deployment and the manual one of an office root, each one run at a time.

    The folders are the deployment's, not the run form's: `serve` puts them in its environment
    (OfficeSettings), which the runs it starts inherit."""
    from prefect.schedules import Cron

    from flows.laporan import laporan_bulanan, laporan_manual

    monthly_name, manual_name = deployment_names(kode)
    where = f"Folder satker: {office.root}; folder bersama: {office.display_root or office.out_dir}."
    return [
        laporan_bulanan.to_deployment(
            name=monthly_name, schedules=[Cron(cron, timezone=timezone)], parameters={"pdf": pdf}, concurrency_limit=1,
            description=f"Laporan bulan yang baru berakhir (Januari: LKIP tahun lalu), dari folder tahunnya. {where}"),
        laporan_manual.to_deployment(
            name=manual_name, parameters={"pdf": pdf}, concurrency_limit=1,
            description="Jalankan manual, mis. sebelum tenggat: tahun (0 = terbaru), bulan (0 = LKIP dan semua "
                        f"bulan). {where}"),
    ]


def serve(deployments: list, office: OfficeSettings) -> None:
    """Serve until stopped; a stopped serve pauses the schedules. The runs inherit the office's settings."""
    from prefect import serve as prefect_serve

    os.environ.update(office.environment())
    prefect_serve(*deployments, print_starting_message=True)


def manual_deployments() -> list[str]:
    """The manual deployments the server knows, as 'flow/deployment' names."""
    from prefect.client.orchestration import get_client
    from prefect.client.schemas.filters import FlowFilter, FlowFilterName

    from flows.params import FLOW_MANUAL

    with get_client(sync_client=True) as client:
        found = client.read_deployments(flow_filter=FlowFilter(name=FlowFilterName(any_=[FLOW_MANUAL])))
    return sorted(f"{FLOW_MANUAL}/{d.name}" for d in found)


def trigger(deployment: str, tahun: int, bulan: int | None, final: bool) -> str:
    """Start a run of a manual deployment ('flow/deployment') now; returns the flow run id."""
    from prefect.deployments import run_deployment

    run = run_deployment(name=deployment, timeout=0, parameters={"tahun": tahun, "bulan": bulan or 0, "final": final})
    return str(run.id)
