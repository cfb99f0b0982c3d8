"""Schedule adherence: the activity-months the RAK planned, against the monthly status staff report.

An activity-month (activity a, planned month p) is done by month m when a's status is "Selesai" in
some month from p to m; it is late at m when p <= m and it is not done. Adherence to m is the share
of activity-months planned up to m that are done by m (DOMAIN.md "Monthly schedule adherence").
"""

from __future__ import annotations

import pandas as pd

from contracts.capaian import JadwalBulan, JadwalPelaksana, Keterlambatan

SELESAI, PROSES, BELUM = "Selesai", "Dalam Proses", "Belum Mulai"


def _status_table(progres: pd.DataFrame) -> dict[tuple[str, int], tuple[str | None, str]]:
    """(activity, month) -> (status, source cell)."""
    if progres.empty:
        return {}
    columns = [progres[c].tolist() for c in ("aktivitas_kode", "bulan", "status", "sumber_file", "sumber_sheet",
                                             "sumber_sel")]
    return {(a, int(m)): (s if isinstance(s, str) else None, f"{f}!{sh}!{c}")
            for a, m, s, f, sh, c in zip(*columns)}


def activity_months(bulan: pd.DataFrame, progres: pd.DataFrame, month: int, status: dict | None = None
                    ) -> pd.DataFrame:
    """Every planned activity-month up to `month` with its state at `month` (`status`: _status_table)."""
    status = _status_table(progres) if status is None else status
    rows = []
    for a, p in zip(bulan["aktivitas_kode"].tolist(), bulan["bulan"].tolist()):
        p = int(p)
        if p > month:
            continue
        done = any(status.get((a, s), (None, ""))[0] == SELESAI for s in range(p, month + 1))
        now, cell = status.get((a, month), (None, ""))
        rows.append({"aktivitas_kode": a, "bulan_rencana": p, "selesai": done, "status_kini": now,
                     "sumber": cell, "dilaporkan": (a, p) in status and status[(a, p)][0] is not None})
    return pd.DataFrame(rows, columns=["aktivitas_kode", "bulan_rencana", "selesai", "status_kini", "sumber",
                                       "dilaporkan"])


def schedule_by_month(bulan: pd.DataFrame, progres: pd.DataFrame, month: int = 12) -> pd.DataFrame:
    """Per month 1..`month`: planned, done, in progress, not started, not reported, late; adherence to date."""
    records, status = [], _status_table(progres)
    for m in range(1, month + 1):
        cells = activity_months(bulan, progres, m, status)
        this = cells[cells["bulan_rencana"] == m]
        planned_to_date, done_to_date = len(cells), int(cells["selesai"].sum())
        records.append({
            "bulan": m, "direncanakan": len(this), "selesai": int(this["selesai"].sum()),
            "dalam_proses": int((~this["selesai"] & (this["status_kini"] == PROSES)).sum()),
            "belum_mulai": int((~this["selesai"] & (this["status_kini"] == BELUM)).sum()),
            "tidak_dilaporkan": int(this["status_kini"].isna().sum()),
            "terlambat": planned_to_date - done_to_date, "rencana_sd": planned_to_date,
            "selesai_sd": done_to_date,
            "kepatuhan": done_to_date / planned_to_date * 100 if planned_to_date else None,
        })
    frame = pd.DataFrame(records, columns=list(JadwalBulan.to_schema().columns))
    return JadwalBulan.validate(frame.astype({"kepatuhan": "float64"}))


def _months(month: int | list[int]) -> list[int]:
    return [month] if isinstance(month, int) else list(month)


def schedule_by_pelaksana(aktivitas: pd.DataFrame, bulan: pd.DataFrame, progres: pd.DataFrame,
                          month: int | list[int] = 12) -> pd.DataFrame:
    """Adherence to `month` per sub-unit; for a list of months, one block of rows per month."""
    units = aktivitas[["kode", "pelaksana"]]
    records, status = [], _status_table(progres)
    for m in _months(month):
        cells = activity_months(bulan, progres, m, status).merge(units, left_on="aktivitas_kode", right_on="kode")
        for unit, rows in cells.groupby("pelaksana", sort=True):
            done = int(rows["selesai"].sum())
            records.append({"pelaksana": unit, "bulan": m, "rencana_sd": len(rows), "selesai_sd": done,
                            "terlambat": len(rows) - done, "kepatuhan": done / len(rows) * 100})
    frame = pd.DataFrame(records, columns=list(JadwalPelaksana.to_schema().columns))
    return JadwalPelaksana.validate(frame.astype({"kepatuhan": "float64"}))


def late_activities(aktivitas: pd.DataFrame, bulan: pd.DataFrame, progres: pd.DataFrame,
                    month: int | list[int]) -> pd.DataFrame:
    """Activities with a planned month up to `month` that is not done by `month`; for a list of
    months, one block of rows per month."""
    info = aktivitas.set_index("kode")
    records, status = [], _status_table(progres)
    for m in _months(month):
        cells = activity_months(bulan, progres, m, status)
        late = cells[~cells["selesai"]]
        notes = {} if progres.empty else progres[progres["bulan"] == m].set_index("aktivitas_kode")["keterangan"]
        for kode, rows in late.groupby("aktivitas_kode", sort=True):
            records.append({"aktivitas_kode": kode, "aktivitas": info.loc[kode, "nama"],
                            "pelaksana": info.loc[kode, "pelaksana"], "bulan": m,
                            "bulan_rencana": [int(p) for p in rows["bulan_rencana"]],
                            "status": rows["status_kini"].iloc[0] or "belum dilaporkan",
                            "keterangan": str(notes.get(kode, "") or ""),
                            "sumber": [s for s in rows["sumber"] if s]})
    frame = pd.DataFrame(records, columns=list(Keterlambatan.to_schema().columns))
    texts = {c: "str" for c in ("aktivitas_kode", "aktivitas", "pelaksana", "status", "keterangan")}
    return Keterlambatan.validate(frame.astype({**texts, "bulan": "int64"}))
