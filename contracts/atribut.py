"""Contract for the office's indicator attributes (atribut-indikator.csv), edited by a person."""

import pandera.pandas as pa
from pandera.typing import Series

from contracts.common import Teks
from contracts.rak import KODE_INDIKATOR

POLARITAS = ["+", "-"]
AGREGASI = ["SUM", "LAST", "AVG", "MAX"]


class AtributIndikator(pa.DataFrameModel):
    """How an indicator is measured: direction, quarter-to-year rule, per-quarter targets."""

    kode: Series[Teks] = pa.Field(str_matches=KODE_INDIKATOR, unique=True, description="Indicator code (K01.I03)")
    polaritas: Series[Teks] = pa.Field(isin=POLARITAS, description="'+' higher is better, '-' lower is better")
    agregasi: Series[Teks] = pa.Field(isin=AGREGASI, description="Quarterly to annual: SUM, LAST, AVG or MAX")
    jenis_nilai: Series[Teks] = pa.Field(nullable=True, isin=["periode", "kumulatif"],
                                        description="Default kind of quarterly value; empty = from the form")
    target_tw1: Series[float] = pa.Field(nullable=True, description="Target for Triwulan I, when set")
    target_tw2: Series[float] = pa.Field(nullable=True, description="Target for Triwulan II, when set")
    target_tw3: Series[float] = pa.Field(nullable=True, description="Target for Triwulan III, when set")
    target_tw4: Series[float] = pa.Field(nullable=True, description="Target for Triwulan IV, when set")
    skala: Series[Teks] = pa.Field(nullable=True, description="Scale of a qualitative target, worst first "
                                                            "('Kurang|Cukup|Baik'); empty otherwise")
    sumber_baris: Series[int] = pa.Field(ge=1, description="Line of the CSV file the row came from")

    class Config:
        coerce = True


class AtributTerpakai(pa.DataFrameModel):
    """The attributes each indicator is measured with, and whether they were given or inferred."""

    kode: Series[Teks] = pa.Field(str_matches=KODE_INDIKATOR, unique=True, description="Indicator code")
    polaritas: Series[Teks] = pa.Field(isin=POLARITAS, description="'+' higher is better, '-' lower is better")
    agregasi: Series[Teks] = pa.Field(isin=AGREGASI, description="Quarterly to annual rule")
    jenis_nilai: Series[Teks] = pa.Field(isin=["periode", "kumulatif"], description="Default kind of value")
    asal: Series[Teks] = pa.Field(isin=["berkas", "dugaan"], description="'berkas': attribute file; 'dugaan': inferred")
    alasan: Series[Teks] = pa.Field(description="Why it was inferred (empty when given)")
    target_tw1: Series[float] = pa.Field(nullable=True, description="Target of TW I, when given")
    target_tw2: Series[float] = pa.Field(nullable=True, description="Target of TW II, when given")
    target_tw3: Series[float] = pa.Field(nullable=True, description="Target of TW III, when given")
    target_tw4: Series[float] = pa.Field(nullable=True, description="Target of TW IV, when given")
    skala: Series[Teks] = pa.Field(nullable=True, description="A qualitative indicator's scale, worst first "
                                                            "('TMP|TW|WDP|WTP'); empty for a number")
