"""Shared fixtures. Prefect runs only under one session-scoped test harness, and only for the few
tests that ask for it (fixture `prefect`); everything else tests plain functions."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS", "90")
os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")


@pytest.fixture(scope="session")
def prefect():
    """A temporary Prefect server (SQLite in a temp folder) for the whole session."""
    from prefect.logging.configuration import setup_logging
    from prefect.testing.utilities import prefect_test_harness

    # Prefect's console handler keeps the stream it was created with: create it now, on the
    # session's stream, not inside a test whose captured stderr is closed when the test ends.
    setup_logging(incremental=False)
    with prefect_test_harness(server_startup_timeout=90):
        yield


SAMPLE = Path(__file__).resolve().parents[1] / "data" / "pasaman-barat-2024"


@pytest.fixture(scope="session")
def sample_inputs():
    """The bundled sample office-year, read and validated once for the session (treat as read-only)."""
    from tasks.reading.office import load_inputs

    inputs = load_inputs([SAMPLE])
    assert inputs.ok
    return inputs
