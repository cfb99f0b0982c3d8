"""Contract for the office's indicator history (riwayat-indikator.csv), edited by a person."""

import pandera.pandas as pa
from pandera.typing import Series

from contracts.common import Teks


class RiwayatIndikator(pa.DataFrameModel):
    """One indicator in one earlier year: its target, its realisation, the Renstra's target."""

    kode: Series[Teks] = pa.Field(description="Indicator code (K01.I03) as in this year's RAK")
    tahun: Series[float] = pa.Field(description="The earlier year")
    target: Series[float] = pa.Field(nullable=True, description="Target of that year")
    realisasi: Series[float] = pa.Field(nullable=True, description="Realisation of that year")
    target_renstra: Series[float] = pa.Field(nullable=True, description="Medium-term (Renstra) target, when set")
    sumber_baris: Series[int] = pa.Field(ge=1, description="Line of the CSV file the row came from")

    class Config:
        coerce = True
        unique = ["kode", "tahun"]
