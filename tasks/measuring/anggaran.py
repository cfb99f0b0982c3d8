"""Budget absorption per kegiatan and funding source, against pagu and against the monthly plan (RPD).

serapan = realisasi / pagu x 100 on the latest (revised) pagu; deviation = cumulative realisation
minus cumulative RPD to the same month (the figure behind Kemenkeu's IKPA). Pure functions.
"""

from __future__ import annotations

import pandas as pd
from pandera.typing import DataFrame

from contracts.capaian import (
    AnggaranKegiatan,
    AnggaranPerBulan,
    CapaianIndikator,
    Efisiensi,
)
from contracts.checked import validated
from contracts.rak import Kegiatan
from contracts.realisasi import AnggaranBulan
from tasks.frames import columns, row_dicts
from tasks.reading.settings import Settings


def _percent(part: float, whole: float | None) -> float | None:
    return None if not whole else part / whole * 100


def _cell(rec: dict, column: str) -> str:
    return f"{rec['sumber_file']}!{rec['sumber_sheet']}!{rec[column]}"


def _known(value) -> bool:
    """A figure is there: not None, NA, NaN or NaT (an empty cell). Called for every budget row of every
    month, so without pd.isna's dispatch: NA by identity, NaN and NaT as the values unequal to themselves."""
    return value is not None and value is not pd.NA and value == value


def latest_pagu(rows: list[dict], month: int) -> tuple[float | None, list[str]]:
    """The pagu as revised in the latest quarter reported up to `month`."""
    known = sorted((r for r in rows if r["bulan"] <= month and _known(r["pagu"])), key=lambda r: r["bulan"])
    if not known:
        return None, []
    return float(known[-1]["pagu"]), [_cell(known[-1], "sel_pagu")]


def _budget_record(kode: str, nama: str, sumber: str, rows: list[dict], month: int) -> dict:
    upto = [r for r in rows if r["bulan"] <= month]
    pagu, pagu_cells = latest_pagu(rows, month)
    real = float(sum(r["realisasi"] for r in upto if _known(r["realisasi"])))
    rpd = float(sum(r["rpd"] for r in upto if _known(r["rpd"])))
    cells = ([_cell(r, "sel_realisasi") for r in upto if _known(r["realisasi"])]
             + [_cell(r, "sel_rpd") for r in upto if _known(r["rpd"])])
    return {"kegiatan_kode": kode, "kegiatan": nama, "sumber_dana": sumber, "bulan": month, "pagu": pagu,
            "realisasi": real, "rpd": rpd, "serapan": _percent(real, pagu), "deviasi": real - rpd,
            "deviasi_persen": _percent(real - rpd, rpd), "sumber": pagu_cells + cells}


def budget_by_kegiatan(anggaran: DataFrame[AnggaranBulan], kegiatan: DataFrame[Kegiatan],
                       month: int | list[int] = 12) -> DataFrame[AnggaranKegiatan]:
    """Per kegiatan and funding source, to `month`: pagu, realisation, RPD, serapan and deviation; for a
    list of months, one block of rows per month."""
    names = dict(columns(kegiatan, Kegiatan.kode, Kegiatan.nama))
    groups: dict[tuple[str, str], list[dict]] = {}
    for rec in row_dicts(anggaran):
        groups.setdefault((rec["kegiatan_kode"], rec["sumber_dana"]), []).append(rec)
    records = [_budget_record(kode, names.get(kode, ""), sumber, rows, m)
               for m in ([month] if isinstance(month, int) else month)
               for (kode, sumber), rows in sorted(groups.items())]
    frame = pd.DataFrame(records, columns=list(AnggaranKegiatan.to_schema().columns))
    return validated(AnggaranKegiatan, frame.astype({c: "float64" for c in ("pagu", "serapan", "deviasi_persen")}))


def budget_by_month(anggaran: DataFrame[AnggaranBulan], month: int = 12) -> DataFrame[AnggaranPerBulan]:
    """Totals per month to `month`: RPD and realisation, monthly and cumulative, and the deviation."""
    a = AnggaranBulan
    monthly = (anggaran[anggaran[a.bulan] <= month].groupby(a.bulan)[[a.rpd, a.realisasi]].sum(min_count=1)
               .reindex(range(1, month + 1)))
    frame = pd.DataFrame({
        "bulan": list(range(1, month + 1)),
        "rpd": monthly["rpd"].to_numpy(dtype="float64"),
        "realisasi": monthly["realisasi"].to_numpy(dtype="float64"),
    })
    frame["rpd_kumulatif"] = frame["rpd"].fillna(0).cumsum()
    frame["realisasi_kumulatif"] = frame["realisasi"].fillna(0).cumsum()
    frame["deviasi"] = frame["realisasi_kumulatif"] - frame["rpd_kumulatif"]
    frame["deviasi_persen"] = [_percent(d, p) for d, p in columns(frame, "deviasi", "rpd_kumulatif")]
    return validated(AnggaranPerBulan, frame.astype({"deviasi_persen": "float64"}))


EFISIENSI_DTYPES = {"capaian_kinerja": "float64", "serapan": "float64", "indeks_efisiensi": "float64",
                    "efisien": "object"}


def efficiency(capaian: DataFrame[CapaianIndikator], budget: DataFrame[AnggaranKegiatan], settings: Settings
               ) -> DataFrame[Efisiensi]:
    """Per kegiatan: mean capaian of its indicators against its serapan (DOMAIN.md "Efficiency").

    capaian_vs_serapan (our rule): efficient when capaian >= serapan. biaya_output: the output-cost
    form, which per kegiatan reduces to 1 - serapan / capaian (cost per unit of output realised over
    cost per unit planned); the year's E is the mean over kegiatan.
    """
    frame = pd.DataFrame(efficiency_records(capaian, budget, settings), columns=list(Efisiensi.to_schema().columns))
    return validated(Efisiensi, frame.astype(EFISIENSI_DTYPES))


def efficiency_records(capaian: DataFrame[CapaianIndikator], budget: DataFrame[AnggaranKegiatan],
                       settings: Settings) -> list[dict]:
    """The rows of `efficiency`, unchecked (contracts.common.validate_records checks many at once)."""
    totals: dict[str, list[float]] = {}
    for kode, pagu, real in columns(budget, AnggaranKegiatan.kegiatan_kode, AnggaranKegiatan.pagu,
                                    AnggaranKegiatan.realisasi):
        total = totals.setdefault(kode, [0.0, 0.0])
        total[0] += pagu if _known(pagu) else 0.0
        total[1] += real if _known(real) else 0.0
    scores: dict[str, list[float]] = {}
    for kode, value in columns(capaian, CapaianIndikator.kegiatan_kode, CapaianIndikator.capaian_dicap):
        if _known(value):
            scores.setdefault(kode, []).append(float(value))
    records = []
    for kode in sorted(totals):
        pagu, real = totals[kode]
        serapan = _percent(real, pagu)
        kinerja = sum(scores[kode]) / len(scores[kode]) if kode in scores else None
        ratio = None if serapan is None or not kinerja else 1 - serapan / kinerja
        if serapan is None or kinerja is None:
            efficient = None
        elif settings.efisiensi == "capaian_vs_serapan":
            efficient = kinerja >= serapan
        else:  # biaya_output: no output for money spent is the least efficient case, never "efisien"
            efficient = ratio >= 0 if ratio is not None else serapan == 0
        records.append({"kegiatan_kode": kode, "capaian_kinerja": kinerja, "serapan": serapan,
                        "indeks_efisiensi": ratio, "efisien": efficient, "aturan": settings.efisiensi})
    return records
