"""What the Prefect UI shows of the flows: the run form's fields (named in the users' words, described in
Indonesian in each flow's docstring) and run names that say what a run makes ("LKIP 2024",
"Bulanan 2024-05")."""

from __future__ import annotations

import datetime
from typing import Annotated

from pydantic import Field

from tasks.pipeline.outcome import run_label

FLOW_ON_DEMAND = "laporan-kpu"
FLOW_MANUAL = "laporan-kpu-manual"
FLOW_MONTHLY = "laporan-bulanan-terjadwal"

# Prefect titles a form field by the parameter's name and describes it from the flow docstring's "Args:"
# section, so the names are the users' words and the descriptions live in the docstrings; the bounds
# below show in the form as the field's limits.
Tahun = Annotated[int, Field(ge=0, le=9999)]
Bulan = Annotated[int, Field(ge=0, le=12)]


def month_or_none(bulan: int | None) -> int | None:
    """0 (the form's 'every month') and None both mean the LKIP with every monthly report."""
    return bulan or None


def run_name() -> str:
    """'LKIP 2024', 'Bulanan 2024-05', from the run's parameters (the scheduled run's from its date)."""
    from prefect.runtime import flow_run

    from tasks.pipeline.years import scheduled_period

    params = flow_run.parameters
    if "tahun" not in params:  # the monthly schedule: what it makes follows from the date
        tanggal = params.get("tanggal")
        if isinstance(tanggal, str):
            tanggal = datetime.date.fromisoformat(tanggal)
        return run_label(*scheduled_period(tanggal or datetime.date.today()))
    month = month_or_none(params.get("bulan"))
    year = params.get("tahun") or _latest_served_year()
    if year is None:
        return "LKIP tahun terbaru" if month is None else f"Bulanan tahun terbaru-{int(month):02d}"
    return run_label(int(year), month)


def _latest_served_year() -> int | None:
    """The manual deployment's default year: the latest year folder of the served office root."""
    from tasks.pipeline.years import OfficeRootError, OfficeSettings, latest_year

    try:
        return latest_year(OfficeSettings.from_env().root)
    except OfficeRootError:
        return None
