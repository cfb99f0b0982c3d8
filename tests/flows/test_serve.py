"""`lkip serve` on an office root, starting its own Prefect server on a port other than 4200: the
deployments it registers, and the API address the server tells its UI (what a browser then calls)."""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from flows.serve import ServerError, ensure_server, healthy, server_settings, ui_api_url

SAMPLE = Path(__file__).resolve().parents[2] / "data" / "pasaman-barat-2024"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_for(check, seconds: float, process: subprocess.Popen | None = None) -> None:
    deadline = time.monotonic() + seconds
    while not check():
        if process is not None and process.poll() is not None:
            raise AssertionError(f"process ended early with code {process.returncode}")
        assert time.monotonic() < deadline, "timed out"
        time.sleep(1)


def deployments(url: str) -> list[dict]:
    request = urllib.request.Request(url + "/deployments/filter", data=b"{}", method="POST",
                                     headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=10) as response:
        return json.loads(response.read())


def test_serve_on_another_port_registers_the_office_and_its_ui_calls_that_port(tmp_path):
    root, out, home = tmp_path / "satker", tmp_path / "bersama", tmp_path / "home"
    root.mkdir()
    out.mkdir()
    home.mkdir()
    (root / "2024").symlink_to(SAMPLE, target_is_directory=True)
    port = free_port()
    url = f"http://127.0.0.1:{port}/api"
    env = {**os.environ, "HOME": str(home), "PREFECT_HOME": str(home / ".prefect"),
           "PREFECT_SERVER_ANALYTICS_ENABLED": "false"}
    env.pop("PREFECT_API_URL", None)
    serve = subprocess.Popen([sys.executable, "-c", "import sys; from flows.cli import main; sys.exit(main())",
                              "serve", "--input", str(root), "--out", str(out), "--port", str(port)],
                             env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                             cwd=Path(__file__).resolve().parents[2])
    pid_file = home / ".prefect" / "lkip-server.pid"
    try:
        wait_for(lambda: healthy(url) and len(deployments(url)) >= 2, 180, serve)
        found = {d["name"]: d for d in deployments(url)}
        told = ui_api_url(url)
    finally:
        serve.terminate()
        serve.wait(timeout=60)
        if pid_file.exists():  # the server serve started outlives it by design: stop it here
            os.kill(int(pid_file.read_text()), signal.SIGTERM)
    assert told == url  # not 127.0.0.1:4200, Prefect's default
    assert set(found) == {"bulanan-1312", "manual-1312"}
    (schedule,) = found["bulanan-1312"]["schedules"]
    assert schedule["schedule"]["cron"] == "0 7 5 * *"
    assert schedule["schedule"]["timezone"] == "Asia/Jakarta"
    assert set(found["manual-1312"]["parameters"]) == {"pdf"}  # no folder in the run form
    assert set(found["manual-1312"]["parameter_openapi_schema"]["properties"]) == {"tahun", "bulan", "final", "pdf"}
    assert str(root) in found["manual-1312"]["description"]
    for deployment in found.values():
        limit = deployment.get("global_concurrency_limit") or {}
        assert deployment.get("concurrency_limit") == 1 or limit.get("limit") == 1


def test_the_servers_settings_give_browsers_the_address_they_reach_it_at():
    assert server_settings(4411) == {"PREFECT_SERVER_API_HOST": "127.0.0.1", "PREFECT_SERVER_API_PORT": "4411",
                                     "PREFECT_UI_API_URL": "http://127.0.0.1:4411/api"}
    lan = server_settings(4411, "0.0.0.0", "http://server-kpu:4411/api")
    assert lan["PREFECT_SERVER_API_HOST"] == "0.0.0.0" and lan["PREFECT_UI_API_URL"] == "http://server-kpu:4411/api"


def test_trigger_without_a_running_server_says_to_start_serve(monkeypatch, capsys):
    from flows.cli import main

    monkeypatch.delenv("PREFECT_API_URL", raising=False)
    assert main(["trigger", "--kode", "1312", "--port", str(free_port())]) == 1
    err = capsys.readouterr().err
    assert "tidak menjawab" in err and "lkip serve" in err and "Traceback" not in err


def test_unreachable_configured_server_is_a_clear_error(monkeypatch):
    monkeypatch.setenv("PREFECT_API_URL", f"http://127.0.0.1:{free_port()}/api")
    with pytest.raises(ServerError, match="tidak menjawab"):
        ensure_server()
