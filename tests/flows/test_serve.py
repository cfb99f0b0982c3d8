"""`lkip serve` against a real local Prefect server that the test starts and stops."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from flows.serve import ServerError, ensure_server, healthy

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


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    home = tmp_path_factory.mktemp("prefect-home")
    url = f"http://127.0.0.1:{free_port()}/api"
    env = {**os.environ, "PREFECT_HOME": str(home), "PREFECT_SERVER_ANALYTICS_ENABLED": "false"}
    env.pop("PREFECT_API_URL", None)
    port = url.rsplit(":", 1)[1].split("/")[0]
    log = (home / "server.log").open("wb")
    process = subprocess.Popen([sys.executable, "-m", "prefect", "server", "start", "--host", "127.0.0.1",
                                "--port", port], env=env, stdout=log, stderr=subprocess.STDOUT)
    try:
        wait_for(lambda: healthy(url), 150, process)
        yield url, env
    finally:
        process.terminate()
        process.wait(timeout=60)
        log.close()


def deployments(url: str) -> list[dict]:
    request = urllib.request.Request(url + "/deployments/filter", data=b"{}", method="POST",
                                     headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=10) as response:
        return json.loads(response.read())


def test_serve_registers_the_schedule_in_jakarta_time(server, tmp_path):
    url, env = server
    out = tmp_path / "bersama"
    out.mkdir()
    serve = subprocess.Popen([sys.executable, "-c", "import sys; from flows.cli import main; sys.exit(main())",
                              "serve", "--input", str(SAMPLE), "--out", str(out)],
                             env={**env, "PREFECT_API_URL": url}, stdout=subprocess.DEVNULL,
                             stderr=subprocess.DEVNULL, cwd=Path(__file__).resolve().parents[2])
    try:
        wait_for(lambda: len(deployments(url)) >= 2, 120, serve)
        found = {d["name"]: d for d in deployments(url)}
    finally:
        serve.terminate()
        serve.wait(timeout=60)
    assert set(found) == {"bulanan-1312", "manual-1312"}
    (schedule,) = found["bulanan-1312"]["schedules"]
    assert schedule["schedule"]["cron"] == "0 7 5 * *"
    assert schedule["schedule"]["timezone"] == "Asia/Jakarta"
    assert found["bulanan-1312"]["parameters"]["input_dir"] == str(SAMPLE)
    assert found["manual-1312"]["parameters"]["tahun"] >= 2024
    for deployment in found.values():
        limit = deployment.get("global_concurrency_limit") or {}
        assert deployment.get("concurrency_limit") == 1 or limit.get("limit") == 1


def test_unreachable_configured_server_is_a_clear_error(monkeypatch):
    monkeypatch.setenv("PREFECT_API_URL", f"http://127.0.0.1:{free_port()}/api")
    with pytest.raises(ServerError, match="tidak menjawab"):
        ensure_server()
