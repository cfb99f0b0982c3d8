"""Schedule adherence: the activity-months the RAK planned, against the monthly status staff report.

An activity-month (activity a, planned month p) is done by month m when a's status is "Selesai" in
some month from p to m; it is late at m when p <= m, it is not done and a's status for month m is
reported. One whose status for month m is not reported is "belum dilaporkan": its own state, never
late (a quarter's form not yet filled says nothing about the work). Adherence to m is the share of
the activity-months planned up to m and reported that are done by m (DOMAIN.md "Monthly schedule
adherence").
"""

from __future__ import annotations

import pandas as pd
from pandera.typing import DataFrame

from contracts.capaian import HasilAktivitas, JadwalBulan, JadwalPelaksana, Keterlambatan
from contracts.checked import validated
from contracts.common import validate_records
from contracts.rak import Aktivitas, AktivitasBulan
from contracts.realisasi import ProgresAktivitas
from tasks.frames import columns

SELESAI, PROSES, BELUM = "Selesai", "Dalam Proses", "Belum Mulai"
DITUNDA, DIBATALKAN, TIDAK_DILAKSANAKAN = "Ditunda", "Dibatalkan", "Tidak Dilaksanakan"
# Reported as postponed, cancelled or not carried out (a decision, not a delay): not late, and not in
# the denominator of adherence; counted on their own.
EXCUSED = (DITUNDA, DIBATALKAN, TIDAK_DILAKSANAKAN)


def status_table(progres: DataFrame[ProgresAktivitas]) -> dict[tuple[str, int], tuple[str | None, str]]:
    """(activity, month) -> (status, source cell)."""
    if progres.empty:
        return {}
    p = ProgresAktivitas
    return {(a, int(m)): (s if isinstance(s, str) else None, f"{f}!{sh}!{c}")
            for a, m, s, f, sh, c in columns(progres, p.aktivitas_kode, p.bulan, p.status, p.sumber_file,
                                             p.sumber_sheet, p.sumber_sel)}


_CELL_COLUMNS = ["aktivitas_kode", "bulan_rencana", "selesai", "status_kini", "sumber", "dilaporkan", "dikecualikan",
                 "belum_dilaporkan"]


def _planned(bulan: DataFrame[AktivitasBulan]) -> list[tuple[str, int]]:
    """The RAK's (activity, planned month) pairs."""
    return [(a, int(p)) for a, p in columns(bulan, AktivitasBulan.aktivitas_kode, AktivitasBulan.bulan)]


def _cells_by_month(planned: list[tuple[str, int]], status: dict, months) -> dict[int, list[dict]]:
    """For each of `months`: every planned activity-month up to it with its state then.

    The year is walked once: an activity-month becomes done in the first month from its planned
    month on whose status is "Selesai", and stays done; one not done whose latest status reported
    since its planned month is Ditunda, Dibatalkan or Tidak Dilaksanakan is excused (EXCUSED).
    """
    wanted, result = set(months), {}
    done = [False] * len(planned)
    last: list[str | None] = [None] * len(planned)
    for month in range(1, max(wanted, default=0) + 1):
        for i, (a, p) in enumerate(planned):
            if p > month:
                continue
            state = status.get((a, month), (None, ""))[0]
            if state is not None:
                last[i] = state
            if not done[i] and state == SELESAI:
                done[i] = True
        if month not in wanted:
            continue
        rows = []
        for (a, p), finished, latest in zip(planned, done, last, strict=True):
            if p > month:
                continue
            now, cell = status.get((a, month), (None, ""))
            excused = latest if not finished and latest in EXCUSED else None
            rows.append({"aktivitas_kode": a, "bulan_rencana": p, "selesai": finished, "status_kini": now,
                         "sumber": cell, "dilaporkan": (a, p) in status and status[(a, p)][0] is not None,
                         "dikecualikan": excused,
                         "belum_dilaporkan": not finished and excused is None and now is None})
        result[month] = rows
    return result


def cells_by_month(bulan: DataFrame[AktivitasBulan], progres: DataFrame[ProgresAktivitas], months
                   ) -> dict[int, list[dict]]:
    """Every planned activity-month up to each of `months` with its state then: what the schedule
    tables below count, computed once when several of them are wanted (their `cells_at`)."""
    return _cells_by_month(_planned(bulan), status_table(progres), months)


def activity_months(bulan: DataFrame[AktivitasBulan], progres: DataFrame[ProgresAktivitas], month: int,
                    status: dict | None = None) -> pd.DataFrame:
    """Every planned activity-month up to `month` with its state at `month` (`status`: status_table)."""
    status = status_table(progres) if status is None else status
    return pd.DataFrame(_cells_by_month(_planned(bulan), status, [month])[month], columns=_CELL_COLUMNS)


def schedule_by_month(bulan: DataFrame[AktivitasBulan], progres: DataFrame[ProgresAktivitas], month: int = 12,
                      cells_at: dict[int, list[dict]] | None = None) -> DataFrame[JadwalBulan]:
    """Per month 1..`month`: planned, done, in progress, not started, not reported, postponed, cancelled,
    not carried out, late, not reported to date; adherence to date (done over planned, the excused and
    the unreported left out of both)."""
    records, months = [], range(1, month + 1)
    cells_at = cells_at or cells_by_month(bulan, progres, months)
    for m in months:
        cells = cells_at[m]
        this = [c for c in cells if c["bulan_rencana"] == m]
        excused_to_date = sum(c["dikecualikan"] is not None for c in cells)
        unreported = sum(c["belum_dilaporkan"] for c in cells)
        planned_to_date, done_to_date = len(cells), sum(c["selesai"] for c in cells)
        counted = planned_to_date - excused_to_date - unreported
        records.append({
            "bulan": m, "direncanakan": len(this), "selesai": sum(c["selesai"] for c in this),
            "dalam_proses": sum(1 for c in this if not c["selesai"] and c["status_kini"] == PROSES),
            "belum_mulai": sum(1 for c in this if not c["selesai"] and c["status_kini"] == BELUM),
            "tidak_dilaporkan": sum(1 for c in this if c["status_kini"] is None),
            **{_COUNTS[state]: sum(c["dikecualikan"] == state for c in this) for state in EXCUSED},
            "terlambat": counted - done_to_date, "belum_dilaporkan_sd": unreported,
            "rencana_sd": planned_to_date, "selesai_sd": done_to_date,
            "dikecualikan_sd": excused_to_date, "kepatuhan": done_to_date / counted * 100 if counted else None,
        })
    frame = pd.DataFrame(records, columns=list(JadwalBulan.to_schema().columns))
    return validated(JadwalBulan, frame.astype({"kepatuhan": "float64"}))


_COUNTS = {DITUNDA: "ditunda", DIBATALKAN: "dibatalkan", TIDAK_DILAKSANAKAN: "tidak_dilaksanakan"}


def _months(month: int | list[int]) -> list[int]:
    return [month] if isinstance(month, int) else list(month)


def _grouped(cells: list[dict], key) -> dict:
    """Cells per key (None keys left out), keys sorted."""
    groups: dict = {}
    for cell in cells:
        k = key(cell)
        if k is not None:
            groups.setdefault(k, []).append(cell)
    return {k: groups[k] for k in sorted(groups)}


def schedule_by_pelaksana(aktivitas: DataFrame[Aktivitas], bulan: DataFrame[AktivitasBulan],
                          progres: DataFrame[ProgresAktivitas], month: int | list[int] = 12,
                          cells_at: dict[int, list[dict]] | None = None) -> DataFrame[JadwalPelaksana]:
    """Adherence to `month` per sub-unit; for a list of months, one block of rows per month."""
    unit_of = dict(columns(aktivitas, Aktivitas.kode, Aktivitas.pelaksana))
    records, months = [], _months(month)
    cells_at = cells_at or cells_by_month(bulan, progres, months)
    for m in months:
        for unit, rows in _grouped(cells_at[m], lambda c: unit_of.get(c["aktivitas_kode"])).items():
            done, unreported = sum(c["selesai"] for c in rows), sum(c["belum_dilaporkan"] for c in rows)
            counted = len(rows) - sum(c["dikecualikan"] is not None for c in rows) - unreported
            records.append({"pelaksana": unit, "bulan": m, "rencana_sd": len(rows), "selesai_sd": done,
                            "terlambat": counted - done, "belum_dilaporkan": unreported,
                            "kepatuhan": done / counted * 100 if counted else None})
    frame = pd.DataFrame(records, columns=list(JadwalPelaksana.to_schema().columns))
    return validated(JadwalPelaksana, frame.astype({"kepatuhan": "float64"}))


def late_activities(aktivitas: DataFrame[Aktivitas], bulan: DataFrame[AktivitasBulan],
                    progres: DataFrame[ProgresAktivitas], month: int | list[int],
                    cells_at: dict[int, list[dict]] | None = None) -> DataFrame[Keterlambatan]:
    """Activities with a planned month up to `month` that is not done by `month` (and not postponed,
    cancelled or decided against, and reported for `month`); for a list of months, one block of rows
    per month."""
    info = {kode: (nama, pelaksana)
            for kode, nama, pelaksana in columns(aktivitas, Aktivitas.kode, Aktivitas.nama, Aktivitas.pelaksana)}
    notes: dict[int, dict[str, str]] = {}
    if not progres.empty:
        for kode, m, text in columns(progres, ProgresAktivitas.aktivitas_kode, ProgresAktivitas.bulan,
                                     ProgresAktivitas.keterangan):
            notes.setdefault(int(m), {})[kode] = text
    records, months = [], _months(month)
    cells_at = cells_at or cells_by_month(bulan, progres, months)
    for m in months:
        late = [c for c in cells_at[m] if not c["selesai"] and c["dikecualikan"] is None and not c["belum_dilaporkan"]]
        for kode, rows in _grouped(late, lambda c: c["aktivitas_kode"]).items():
            nama, pelaksana = info[kode]
            records.append({"aktivitas_kode": kode, "aktivitas": nama, "pelaksana": pelaksana, "bulan": m,
                            "bulan_rencana": [c["bulan_rencana"] for c in rows],
                            "status": rows[0]["status_kini"] or "belum dilaporkan",
                            "keterangan": str(notes.get(m, {}).get(kode, "") or ""),
                            "sumber": [c["sumber"] for c in rows if c["sumber"]]})
    frame = pd.DataFrame(records, columns=list(Keterlambatan.to_schema().columns))
    texts = {c: "str" for c in ("aktivitas_kode", "aktivitas", "pelaksana", "status", "keterangan")}
    return validated(Keterlambatan, frame.astype({**texts, "bulan": "int64"}))


OUTCOME_DTYPES = {**{c: "int64" for c in ("tepat_waktu", "terlambat_selesai", "belum_selesai", "dikecualikan")},
                  **{c: "str" for c in ("aktivitas_kode", "indikator_kode", "aktivitas", "pelaksana", "status_akhir",
                                        "keterangan")}}


def activity_outcomes(aktivitas: DataFrame[Aktivitas], bulan: DataFrame[AktivitasBulan],
                      progres: DataFrame[ProgresAktivitas], month: int = 12) -> DataFrame[HasilAktivitas]:
    """Every activity with a planned month up to `month`: each planned month done on time, done late
    (the month it was done), not done, or excused (the rules of the module docstring)."""
    return validate_records(HasilAktivitas, {month: outcome_records(aktivitas, bulan, progres, month)},
                            OUTCOME_DTYPES)[month]


def outcome_records(aktivitas: DataFrame[Aktivitas], bulan: DataFrame[AktivitasBulan],
                    progres: DataFrame[ProgresAktivitas], month: int = 12, status: dict | None = None) -> list[dict]:
    """activity_outcomes' rows, unchecked (`status`: status_table(progres), when the caller has it), so
    that the months of a year are checked against the contract in one call (contracts.common)."""
    return outcomes_by_month(aktivitas, bulan, progres, [month], status)[month]


def outcomes_by_month(aktivitas: DataFrame[Aktivitas], bulan: DataFrame[AktivitasBulan],
                      progres: DataFrame[ProgresAktivitas], months, status: dict | None = None
                      ) -> dict[int, list[dict]]:
    """outcome_records of each of `months`, the tables read once for all of them."""
    status = status_table(progres) if status is None else status
    notes: dict[str, list[tuple[int, str]]] = {}  # per activity, its notes in the order of the rows
    if not progres.empty:
        for kode, m, text in columns(progres, ProgresAktivitas.aktivitas_kode, ProgresAktivitas.bulan,
                                     ProgresAktivitas.keterangan):
            if isinstance(text, str) and text.strip():
                notes.setdefault(kode, []).append((int(m), text.strip()))
    planned_all: dict[str, list[int]] = {}
    for kode, p in _planned(bulan):
        planned_all.setdefault(kode, []).append(p)
    rows = list(columns(aktivitas, Aktivitas.kode, Aktivitas.indikator_kode, Aktivitas.nama, Aktivitas.pelaksana))
    return {month: _outcomes(rows, planned_all, notes, status, month) for month in months}


def _note(notes: list[tuple[int, str]], month: int) -> str:
    """The activity's note of the latest month up to `month` (of one month, the last row's)."""
    best = (0, "")
    for m, text in notes:
        if m <= month and m >= best[0]:
            best = (m, text)
    return best[1]


def _outcomes(rows: list[tuple], planned_all: dict[str, list[int]], notes: dict[str, list[tuple[int, str]]],
              status: dict, month: int) -> list[dict]:
    records = []
    for kode, indikator, nama, pelaksana in rows:
        months = sorted(p for p in planned_all.get(kode, []) if p <= month)
        if not months:
            continue
        reported = [(m, status[(kode, m)][0]) for m in range(1, month + 1) if status.get((kode, m), (None,))[0]]
        done = [next((m for m, s in reported if m >= p and s == SELESAI), None) for p in months]
        latest = reported[-1][1] if reported else ""
        since = [next((s for m, s in reversed(reported) if m >= p), None) for p in months]
        excused = sum(d is None and s in EXCUSED for d, s in zip(done, since))
        records.append({"aktivitas_kode": kode, "indikator_kode": indikator, "aktivitas": nama,
                        "pelaksana": pelaksana, "bulan_rencana": months, "bulan_selesai": done,
                        "tepat_waktu": sum(d == p for d, p in zip(done, months)),
                        "terlambat_selesai": sum(d is not None and d > p for d, p in zip(done, months)),
                        "belum_selesai": sum(d is None for d in done) - excused, "dikecualikan": excused,
                        "status_akhir": latest, "keterangan": _note(notes.get(kode, []), month)})
    return records
