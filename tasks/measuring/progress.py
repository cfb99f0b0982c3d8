"""On track or behind: each indicator's realisation to date against the target due by then.

The annual target is due at the year's end; what is due by the end of quarter q (issue 15, LKE 1.c.3
"on the right track"):
- the per-quarter targets of atribut-indikator.csv, where they are given (`target s.d. TW q`);
- otherwise the profile its activities imply: the annual target times the share of the indicator's
  activity-months the RAK plans by the quarter's last month (a quarter of the year per quarter when
  it has none). A count target ("1 laporan", "2 Lap") is due in whole units (rounded down), so a
  report whose last activity is planned in October is due in TW IV, not half of it in TW II;
- a qualitative, threshold or range target, and any lower-is-better one, is judged by its own rule
  (the capaian status), and only once all its activities are due.
While nothing of the target is due yet, the indicator is on track when every activity-month planned
by the quarter's end is done, and behind when one is reported not done (late).
Status: "sesuai rencana" (the due target is met, or the annual one already, or nothing is due and its
activities are on schedule), "tertinggal" (below what is due, or an activity late), "belum jatuh
tempo" (nothing due, no activity planned yet), "belum dilaporkan" (the quarter is not reported),
"belum diukur" (no quarter ended yet). Pure functions.
"""

from __future__ import annotations

import math

from pandera.typing import DataFrame

from contracts.capaian import CapaianIndikator, ProgresIndikator
from contracts.common import validate_records
from contracts.rak import Aktivitas, AktivitasBulan
from tasks.frames import columns, row_tuples

ON_TRACK, BEHIND, NOT_DUE = "sesuai rencana", "tertinggal", "belum jatuh tempo"
NOT_REPORTED, NOT_MEASURED = "belum dilaporkan", "belum diukur"
PERCENT_UNITS = ("%",)


def planned_months(aktivitas: DataFrame[Aktivitas], bulan: DataFrame[AktivitasBulan]) -> dict[str, list[int]]:
    """Per indicator: the planned month of each of its activity-months (a month twice when two activities
    are planned in it), sorted."""
    indicator_of = dict(columns(aktivitas, Aktivitas.kode, Aktivitas.indikator_kode))
    months: dict[str, list[int]] = {}
    for kode, month in columns(bulan, AktivitasBulan.aktivitas_kode, AktivitasBulan.bulan):
        if kode in indicator_of:
            months.setdefault(indicator_of[kode], []).append(int(month))
    return {k: sorted(v) for k, v in months.items()}


def due_share(months: list[int], quarter: int) -> float:
    """The share of an indicator's activity-months planned by the end of `quarter`."""
    if not months:
        return quarter / 4
    return sum(m <= 3 * quarter for m in months) / len(months)


def _missing(value) -> bool:
    return value is None or (isinstance(value, float) and math.isnan(value))


def _due(rec, share: float) -> tuple[float | None, str]:
    """The target due by the quarter and what it rests on."""
    if isinstance(rec.jenis_target, str) and rec.jenis_target.startswith("target s.d."):
        return rec.target, "target triwulan"
    if share >= 1:
        return rec.target, "target tahunan"
    if _missing(rec.target) or rec.polaritas == "-" or (isinstance(rec.skala, str) and rec.skala) \
            or isinstance(rec.target_arah, str) and rec.target_arah or not _missing(rec.target_min):
        return None, "jadwal aktivitas"
    due = rec.target * share
    return (due if rec.satuan in PERCENT_UNITS else float(math.floor(due + 1e-9))), "jadwal aktivitas"


def activity_state(aktivitas: DataFrame[Aktivitas], cells: list[dict]) -> dict[str, tuple[int, int, int]]:
    """Per indicator, from the schedule's activity-months at a month (tasks.measuring.jadwal
    cells_by_month): (planned to date, done, late)."""
    indicator_of = dict(columns(aktivitas, Aktivitas.kode, Aktivitas.indikator_kode))
    state: dict[str, list[int]] = {}
    for cell in cells:
        counts = state.setdefault(indicator_of.get(cell["aktivitas_kode"], ""), [0, 0, 0])
        counts[0] += 1
        counts[1] += bool(cell["selesai"])
        counts[2] += not cell["selesai"] and cell["dikecualikan"] is None and not cell["belum_dilaporkan"]
    return {k: tuple(v) for k, v in state.items()}


def progress_record(rec, months: list[int], quarter: int, activities: tuple[int, int, int] = (0, 0, 0)) -> dict:
    """One indicator's record: what was due by `quarter`, against what was realised (`activities`: its
    activity-months planned, done and late at the quarter's end)."""
    share = due_share(months, quarter) if quarter else 0.0
    due, basis = _due(rec, share) if quarter else (None, "jadwal aktivitas")
    reported = not _missing(rec.triwulan_terakhir) and int(rec.triwulan_terakhir) >= quarter
    if not quarter:
        status = NOT_MEASURED
    elif not reported or _missing(rec.realisasi):
        status = NOT_REPORTED
    elif rec.status == "tercapai":
        status = ON_TRACK
    elif (basis == "jadwal aktivitas" and due is None) or (not _missing(due) and due <= 0 and not rec.realisasi > 0):
        status = NOT_DUE if not activities[0] else BEHIND if activities[2] else ON_TRACK
    elif _missing(due) or due <= 0:
        status = ON_TRACK
    elif rec.polaritas == "-":
        status = ON_TRACK if rec.realisasi <= due else BEHIND
    else:
        status = ON_TRACK if rec.realisasi >= due - 1e-9 else BEHIND
    return {"kode": rec.kode, "triwulan": quarter, "target_jatuh_tempo": due, "dasar": basis, "porsi": share,
            "bulan_rencana": months, "realisasi": None if _missing(rec.realisasi) else float(rec.realisasi),
            "aktivitas_rencana_sd": activities[0], "aktivitas_selesai_sd": activities[1],
            "aktivitas_terlambat_sd": activities[2], "status": status}


def indicator_progress(capaian: DataFrame[CapaianIndikator], aktivitas: DataFrame[Aktivitas],
                       bulan: DataFrame[AktivitasBulan], quarter: int, cells: list[dict] | None = None
                       ) -> DataFrame[ProgresIndikator]:
    """Every indicator of `capaian` (the table to `quarter`) on track or behind, in RAK order (`cells`:
    the schedule's activity-months at the quarter's last month)."""
    return validate_records(ProgresIndikator, {quarter: progress_records(
        capaian, planned_months(aktivitas, bulan), aktivitas, quarter, cells)}, PROGRESS_DTYPES)[quarter]


def progress_records(capaian: DataFrame[CapaianIndikator], months: dict[str, list[int]],
                     aktivitas: DataFrame[Aktivitas], quarter: int, cells: list[dict] | None = None) -> list[dict]:
    """indicator_progress' rows, unchecked (`months`: planned_months of the RAK), so that the quarters of
    a year are checked against the contract in one call (contracts.common)."""
    state = activity_state(aktivitas, cells or [])
    return [progress_record(rec, months.get(rec.kode, []), quarter, state.get(rec.kode, (0, 0, 0)))
            for rec in row_tuples(capaian)]


COUNTS = ("aktivitas_rencana_sd", "aktivitas_selesai_sd", "aktivitas_terlambat_sd")
PROGRESS_DTYPES = {"target_jatuh_tempo": "float64", "realisasi": "float64", "porsi": "float64", "triwulan": "int64",
                   **{c: "int64" for c in COUNTS}}
