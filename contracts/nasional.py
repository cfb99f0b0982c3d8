"""Contracts for KPU RI's national performance framework and an office's mapping onto it: the list
of sasaran strategis / IKU shipped with lkip (data/nasional/sasaran-iku-kpu.csv), and which national
code each of the office's indicators contributes to (pemetaan-nasional.csv, or a `kode_nasional`
column in atribut-indikator.csv)."""

import pandera.pandas as pa
from pandera.typing import Series

from contracts.common import Teks
from contracts.rak import KODE_INDIKATOR

KODE_NASIONAL = r"^SS\d+\.IKU\d{2}$"


class IkuNasional(pa.DataFrameModel):
    """One national indicator (IKU) under its strategic objective (sasaran strategis)."""

    kode: Series[Teks] = pa.Field(str_matches=KODE_NASIONAL, unique=True, description="National code (SS1.IKU01)")
    sasaran: Series[Teks] = pa.Field(str_length={"min_value": 1}, description="Sasaran strategis")
    iku: Series[Teks] = pa.Field(str_length={"min_value": 1}, description="Indikator kinerja utama")

    class Config:
        coerce = True


class PemetaanNasional(pa.DataFrameModel):
    """An office indicator tied to the national indicator it contributes to."""

    kode: Series[Teks] = pa.Field(str_matches=KODE_INDIKATOR, unique=True, description="Office indicator (K01.I03)")
    kode_nasional: Series[Teks] = pa.Field(str_matches=KODE_NASIONAL, description="National code (SS1.IKU01)")
    sumber: Series[Teks] = pa.Field(description="file:line the mapping was read from")

    class Config:
        coerce = True
