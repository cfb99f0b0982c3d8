"""Real infrastructure for the scale tests: a PostgreSQL cluster and a Prefect server on it, started
and stopped by the test, on loopback ports (nothing outside the test's temporary folders is touched)."""

from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_for(check, seconds: float, what: str, process: subprocess.Popen | None = None, log: Path | None = None):
    deadline = time.monotonic() + seconds
    while not check():
        if process is not None and process.poll() is not None:
            raise AssertionError(f"{what}: the process ended with code {process.returncode}"
                                 + (f"\n{log.read_text(errors='replace')[-3000:]}" if log else ""))
        if time.monotonic() > deadline:
            raise AssertionError(f"{what}: not ready after {seconds} s"
                                 + (f"\n{log.read_text(errors='replace')[-3000:]}" if log else ""))
        time.sleep(0.5)


def postgres_bin() -> Path | None:
    """Debian's PostgreSQL server binaries (package postgresql), the newest installed."""
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"), key=lambda p: int(p.split("/")[4]))
    if found:
        return Path(found[-1]).parent
    initdb = shutil.which("initdb")
    return Path(initdb).parent if initdb else None


def _as_postgres(args: list[str]) -> list[str]:
    """PostgreSQL refuses to run as root: as root, run it as the `postgres` user Debian creates."""
    return ["runuser", "-u", "postgres", "--", *args] if os.geteuid() == 0 else args


PREFECT_ROLE, PREFECT_PASSWORD = "prefect", "uji-sandi-prefect"


@contextmanager
def postgres_cluster():
    """A throwaway cluster set up as the README sets up Debian's: a role `prefect` with a password
    (createuser, then its password), owning the database `prefect` (createdb --owner); connections
    over TCP checked by password (scram-sha-256), the superuser `postgres` trusted on the cluster's own
    Unix socket only. Yields (port, psql command as the superuser).

    Its folder is a fresh one under the system's temporary folder (pytest's own is private to the
    user running the tests, which the `postgres` user cannot enter), removed afterwards."""
    bin_dir = postgres_bin()
    folder = Path(tempfile.mkdtemp(prefix="lkip-pg-"))
    data, sockets = folder / "data", folder / "run"
    sockets.mkdir()
    if os.geteuid() == 0:
        for d in (folder, sockets):
            shutil.chown(d, "postgres")
    init = subprocess.run(_as_postgres([str(bin_dir / "initdb"), "-D", str(data), "-U", "postgres",
                                        "--auth-local=trust", "--auth-host=scram-sha-256", "-E", "UTF8",
                                        "--no-sync"]), capture_output=True, text=True)
    assert init.returncode == 0, init.stdout + init.stderr
    port = free_port()
    log = folder / "postgres.log"
    server = subprocess.Popen(_as_postgres([str(bin_dir / "postgres"), "-D", str(data), "-p", str(port),
                                            "-c", "listen_addresses=127.0.0.1",
                                            "-c", f"unix_socket_directories={sockets}",
                                            "-c", "fsync=off", "-c", "max_connections=200"]),
                              stdout=log.open("wb"), stderr=subprocess.STDOUT)
    where = ["-h", str(sockets), "-p", str(port), "-U", "postgres"]
    psql = [str(bin_dir / "psql"), *where, "-v", "ON_ERROR_STOP=1"]
    try:
        wait_for(lambda: subprocess.run([*psql, "-c", "select 1"], capture_output=True).returncode == 0, 60,
                 "PostgreSQL", server, log)
        for step in ([str(bin_dir / "createuser"), *where, PREFECT_ROLE],  # the README's createuser --pwprompt
                     [*psql, "-c", f"ALTER ROLE {PREFECT_ROLE} PASSWORD '{PREFECT_PASSWORD}'"],
                     [str(bin_dir / "createdb"), *where, "--owner", PREFECT_ROLE, "prefect"]):
            done = subprocess.run(step, capture_output=True, text=True)
            assert done.returncode == 0, (step, done.stderr)
        yield port, psql
    finally:
        server.terminate()
        server.wait(timeout=60)
        shutil.rmtree(folder, ignore_errors=True)


def healthy(api_url: str) -> bool:
    import urllib.request

    try:
        with urllib.request.urlopen(api_url + "/health", timeout=2) as response:
            return response.status == 200
    except OSError:
        return False


@contextmanager
def prefect_server(home: Path, env_extra: dict[str, str]):
    """`prefect server start` with the given settings; yields (api_url, env for clients)."""
    port = free_port()
    api_url = f"http://127.0.0.1:{port}/api"
    home.mkdir(parents=True, exist_ok=True)
    env = {**os.environ, "PREFECT_HOME": str(home), "PREFECT_SERVER_ANALYTICS_ENABLED": "false", **env_extra}
    env.pop("PREFECT_API_URL", None)
    log = home / "server.log"
    server = subprocess.Popen([sys.executable, "-m", "prefect", "server", "start", "--host", "127.0.0.1",
                               "--port", str(port)], env=env, stdout=log.open("wb"), stderr=subprocess.STDOUT)
    try:
        wait_for(lambda: healthy(api_url), 180, "Prefect server", server, log)
        client_env = {k: v for k, v in env.items() if k != "PREFECT_API_DATABASE_CONNECTION_URL"}
        yield api_url, {**client_env, "PREFECT_API_URL": api_url}
    finally:
        server.terminate()
        server.wait(timeout=60)


def lkip(args: list[str], env: dict[str, str], timeout: int = 900, **kwargs) -> subprocess.CompletedProcess:
    """The `lkip` command of this checkout, as a user runs it."""
    return subprocess.run([sys.executable, "-c", "import sys; from flows.cli import main; sys.exit(main())", *args],
                          env=env, cwd=ROOT, capture_output=True, text=True, timeout=timeout, **kwargs)


def rollup_offices(xlsx: Path) -> tuple[list[str], list[str]]:
    """The offices a roll-up workbook counts: the codes of its distribution (one row per office that
    reported) and the folders of its invalid offices, each list as written (duplicates kept)."""
    import openpyxl

    book = openpyxl.load_workbook(xlsx, read_only=True)
    reported = [str(r[0]) for r in book["Distribusi"].iter_rows(min_row=2, values_only=True) if r[0] is not None]
    invalid = [str(r[0]) for r in book["Satker Bermasalah"].iter_rows(min_row=2, values_only=True) if r[0]]
    return reported, invalid
