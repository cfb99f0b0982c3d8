"""Prefect on PostgreSQL, as the README sets it up for several offices on one server: Debian's
PostgreSQL with a password role owning the database, a Prefect server on it, and the national
roll-up of twenty offices reporting to it."""

from __future__ import annotations

import os
import shutil
import subprocess

import pytest

from tests.scale.infra import (
    PREFECT_PASSWORD,
    PREFECT_ROLE,
    lkip,
    postgres_bin,
    postgres_cluster,
    prefect_server,
    rollup_offices,
)

pytestmark = pytest.mark.skipif(
    postgres_bin() is None or (os.geteuid() == 0 and shutil.which("runuser") is None),
    reason="PostgreSQL is not installed (Debian: apt-get install postgresql; .ci/run installs it)")

OFFICES = 20


def sql(psql: list[str], query: str) -> list[list[str]]:
    out = subprocess.run([*psql, "-d", "prefect", "-At", "-F", "\t", "-c", query], check=True,
                         capture_output=True, text=True).stdout
    return [line.split("\t") for line in out.splitlines() if line]


def test_the_rollup_reports_to_prefect_on_postgresql(tmp_path):
    with postgres_cluster() as (port, psql):
        database = f"postgresql+asyncpg://{PREFECT_ROLE}:{PREFECT_PASSWORD}@127.0.0.1:{port}/prefect"
        # the password is checked: the same URL with another one is refused
        refused = subprocess.run([*psql[:1], f"postgresql://{PREFECT_ROLE}:salah@127.0.0.1:{port}/prefect", "-c",
                                  "select 1"], capture_output=True, text=True)
        assert refused.returncode != 0 and "password authentication failed" in refused.stderr
        with prefect_server(tmp_path / "prefect", {"PREFECT_API_DATABASE_CONNECTION_URL": database}) as (url, env):
            made = lkip(["sintetis", "--n", str(OFFICES), "--out", str(tmp_path / "satker")], env)
            assert made.returncode == 0, made.stderr
            out = tmp_path / "bersama"
            out.mkdir()
            run = lkip(["rekap", "--root", str(tmp_path / "satker"), "--year", "2024", "--out", str(out),
                        "--tanpa-grafik", "--workers", "2"], env)
            assert run.returncode == 0, run.stdout[-3000:] + run.stderr[-3000:]
            assert "Starting temporary server" not in run.stdout + run.stderr  # it used the server it was given

            # The whole run's history is in PostgreSQL: the flow run, and one completed task per office.
            [[flow_state]] = sql(psql, "SELECT r.state_type FROM flow_run r JOIN flow f ON f.id = r.flow_id "
                                       "WHERE f.name = 'rekap-nasional'")
            assert flow_state == "COMPLETED"
            offices = sql(psql, "SELECT state_type, count(*) FROM task_run WHERE name LIKE 'proses satker%' "
                                "GROUP BY state_type")
            assert offices == [["COMPLETED", str(OFFICES)]]

    reported, invalid = rollup_offices(out / "rekap" / "2024" / "rekap-2024.xlsx")
    folders = sorted(p.name for p in (tmp_path / "satker").iterdir())
    assert len(folders) == OFFICES and invalid and reported  # the synthetic set has both kinds
    assert sorted([f"satker-{kode}-2024" for kode in reported] + invalid) == folders  # each office once
