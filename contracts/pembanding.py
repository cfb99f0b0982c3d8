"""Contract for the office's benchmarks (pembanding-indikator.csv), edited by a person: what an
indicator's figure is compared with at national, provincial or peer level, and where it was published."""

import pandera.pandas as pa
from pandera.typing import Series

from contracts.common import Teks

TINGKAT = ["nasional", "provinsi", "sejawat"]


class PembandingIndikator(pa.DataFrameModel):
    """One published benchmark of one indicator: its level, region, year, value and source."""

    kode: Series[Teks] = pa.Field(description="Indicator code (K02.I02) as in this year's RAK")
    tingkat: Series[Teks] = pa.Field(isin=TINGKAT, description="Level: nasional, provinsi or sejawat (a peer office)")
    wilayah: Series[Teks] = pa.Field(description="Whose figure it is: 'Indonesia', 'Sumatera Barat', "
                                                 "'KPU Kabupaten Pasaman'")
    tahun: Series[float] = pa.Field(description="The year the figure is for")
    nilai: Series[float] = pa.Field(description="The figure, in the indicator's unit (a percent as 81.78)")
    sumber: Series[Teks] = pa.Field(str_length={"min_value": 1},
                                    description="Where the figure was published (document, announcement, URL)")
    sumber_baris: Series[int] = pa.Field(ge=1, description="Line of the CSV file the row came from")

    class Config:
        coerce = True
        unique = ["kode", "tingkat", "wilayah", "tahun"]
