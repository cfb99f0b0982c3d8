"""The sample's LKIP, rendered once for the reporting tests that open it (treat as read-only)."""

from __future__ import annotations

import pytest

from tasks.measuring.figures import Period
from tasks.reporting.documents import render_period


@pytest.fixture(scope="session")
def sample_lkip(sample_inputs, tmp_path_factory):
    """The LKIP Document (its .docx, notes and scorecard) of the sample, as a run renders it."""
    return render_period(sample_inputs, Period(2024), tmp_path_factory.mktemp("lkip"))
