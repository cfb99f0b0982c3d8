"""The roll-up by KPU RI's framework: per national code (sasaran / IKU) the distribution of the
offices' capaian and the offices behind; per province the offices and their results; and the
indicators no office has tied to a national code, listed, never guessed."""

from __future__ import annotations

import pandas as pd

from tasks.measuring.capaian import TERCAPAI
from tasks.pipeline.office import OfficeRun
from tasks.reading.profile import official_province

NATIONAL_COLUMNS = ["kode_nasional", "sasaran", "iku", "jumlah_satker", "jumlah_indikator", "rata_rata",
                    "median", "terendah", "tertinggi", "satker_belum_tercapai", "daftar_belum_tercapai"]
PROVINCE_COLUMNS = ["provinsi", "satker_dilaporkan", "satker_bermasalah", "jumlah_indikator", "rata_rata",
                    "indikator_belum_tercapai", "daftar_satker"]
UNMAPPED_COLUMNS = ["kode_satker", "nama_satker", "provinsi", "kode", "indikator"]
NO_PROVINCE = "(provinsi belum diisi)"
UNKNOWN_PROVINCE = " (bukan nama provinsi yang dikenal)"


def province_of(run: OfficeRun) -> str:
    """The office's province by its official name; one not among the 38 is kept as written, marked, so
    that it is neither guessed nor merged with another."""
    if not run.provinsi:
        return NO_PROVINCE
    return official_province(run.provinsi) or run.provinsi + UNKNOWN_PROVINCE


def with_framework(rows: pd.DataFrame, runs: list[OfficeRun]) -> pd.DataFrame:
    """The roll-up's rows with each office's province and each indicator's national code ('' unmapped)."""
    offices = {r.kode: r for r in runs if r.ok}  # codes are one folder each (tasks/rollup/offices.py)
    provinsi = rows["kode_satker"].map(lambda k: province_of(offices[k]) if k in offices else NO_PROVINCE)
    nasional = [offices[k].pemetaan.get(i, "") if k in offices else ""
                for k, i in zip(rows["kode_satker"], rows["kode"])]
    return rows.assign(provinsi=provinsi.astype(object), kode_nasional=nasional)


def per_national(rows: pd.DataFrame, national: pd.DataFrame) -> pd.DataFrame:
    """One row per national code of the list (codes no office maps to included, with zero offices)."""
    mapped = rows[rows["kode_nasional"] != ""]
    out = []
    for iku in national.itertuples():
        part = mapped[mapped["kode_nasional"] == iku.kode]
        # An office with several indicators on one code counts by the mean of its indicators.
        by_office = part.groupby(["kode_satker", "nama_satker"])["capaian"].mean().dropna()
        behind = sorted(part.loc[part["status"] != TERCAPAI, "nama_satker"].unique())
        out.append({"kode_nasional": iku.kode, "sasaran": iku.sasaran, "iku": iku.iku,
                    "jumlah_satker": part["kode_satker"].nunique(), "jumlah_indikator": len(part),
                    "rata_rata": by_office.mean() if len(by_office) else None,
                    "median": by_office.median() if len(by_office) else None,
                    "terendah": by_office.min() if len(by_office) else None,
                    "tertinggi": by_office.max() if len(by_office) else None,
                    "satker_belum_tercapai": len(behind), "daftar_belum_tercapai": "; ".join(behind)})
    return pd.DataFrame(out, columns=NATIONAL_COLUMNS)


def per_province(rows: pd.DataFrame, runs: list[OfficeRun]) -> pd.DataFrame:
    """One row per province: offices reported and with problems, mean capaian, indicators behind."""
    invalid: dict[str, list[str]] = {}
    for run in runs:
        if not run.ok:
            invalid.setdefault(province_of(run), []).append(run.nama or run.folder)
    provinces = sorted(set(rows["provinsi"]) | set(invalid))
    out = []
    for name in provinces:
        part = rows[rows["provinsi"] == name]
        out.append({"provinsi": name, "satker_dilaporkan": part["kode_satker"].nunique(),
                    "satker_bermasalah": len(invalid.get(name, [])), "jumlah_indikator": len(part),
                    "rata_rata": part["capaian"].mean() if part["capaian"].notna().any() else None,
                    "indikator_belum_tercapai": int((part["status"] != TERCAPAI).sum()),
                    "daftar_satker": "; ".join(sorted({*part["nama_satker"], *invalid.get(name, [])}))})
    return pd.DataFrame(out, columns=PROVINCE_COLUMNS)


def unmapped(rows: pd.DataFrame) -> pd.DataFrame:
    """Every office indicator without a national code."""
    return rows.loc[rows["kode_nasional"] == "", UNMAPPED_COLUMNS].reset_index(drop=True)
