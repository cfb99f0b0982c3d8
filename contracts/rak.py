"""Contracts for the RAK (Rencana Aksi Kinerja): as read from the printed table, then normalised."""

import pandera.pandas as pa
from pandera.typing import Series

from contracts.common import Sumber, Teks

KODE_KEGIATAN = r"^K\d{2,}$"
KODE_INDIKATOR = r"^K\d{2,}\.I\d{2,}$"
KODE_AKTIVITAS = r"^K\d{2,}\.I\d{2,}\.A\d{2,}$"


class RakRaw(Sumber):
    """One data row of the printed RAK table, merged cells filled down, nothing else interpreted."""

    kegiatan_no: Series[Teks] = pa.Field(description="Kegiatan number as printed ('1.'), may be empty")
    kegiatan: Series[Teks] = pa.Field(description="Sasaran strategis / kegiatan text as printed")
    indikator_no: Series[Teks] = pa.Field(description="Indicator number within its kegiatan, as printed")
    indikator: Series[Teks] = pa.Field(description="Indikator kinerja kegiatan text")
    target: Series[Teks] = pa.Field(description="Target text as printed ('1 laporan', '100%')")
    satuan: Series[Teks] = pa.Field(description="Unit from a separate Satuan column, when the RAK has one")
    aktivitas: Series[Teks] = pa.Field(description="Kegiatan yang akan dilaksanakan (activity) text; empty for "
                                                   "an indicator the RAK lists with no activity")
    pelaksana: Series[Teks] = pa.Field(description="Pelaksana (sub-unit) text as printed")
    bulan: Series[bool] = pa.Field(alias=r"^bulan_(\d|1[0-2])$", regex=True,
                                   description="bulan_1..bulan_12: month planned (marked or shaded)")

    class Config:
        strict = True
        coerce = True


class Kegiatan(Sumber):
    """One kegiatan (sasaran strategis / kegiatan) of the RAK."""

    kode: Series[Teks] = pa.Field(str_matches=KODE_KEGIATAN, unique=True,
                                 description="Stable code from the printed number: K01, K02, ...")
    no: Series[int] = pa.Field(ge=1, description="Kegiatan number as printed")
    nama: Series[Teks] = pa.Field(str_length={"min_value": 1}, description="Kegiatan name, budget code removed")
    kode_anggaran: Series[Teks] = pa.Field(nullable=True,
                                          description="Budget code printed in parentheses, e.g. '3355'")


class Indikator(Sumber):
    """One performance indicator with its annual target."""

    kode: Series[Teks] = pa.Field(str_matches=KODE_INDIKATOR, unique=True,
                                 description="Stable code: kegiatan code + indicator number, K01.I03")
    kegiatan_kode: Series[Teks] = pa.Field(str_matches=KODE_KEGIATAN, description="Code of its kegiatan")
    no: Series[int] = pa.Field(ge=1, description="Indicator number within its kegiatan")
    nama: Series[Teks] = pa.Field(str_length={"min_value": 1}, description="Indicator text")
    target_teks: Series[Teks] = pa.Field(description="Target as printed")
    target_nilai: Series[float] = pa.Field(nullable=True, description="Target value; empty for a range")
    target_satuan: Series[Teks] = pa.Field(description="Canonical unit of the target ('laporan', '%')")
    target_min: Series[float] = pa.Field(nullable=True, description="Lower bound of a range target")
    target_max: Series[float] = pa.Field(nullable=True, description="Upper bound of a range target")
    target_arah: Series[Teks] = pa.Field(nullable=True, isin=[">=", ">", "<=", "<"],
                                         description="A threshold target's comparator ('≥ 75%': '>='); empty otherwise")
    target_kualitatif: Series[Teks] = pa.Field(nullable=True,
                                               description="A qualitative target's label ('WTP'); empty otherwise")
    target_sel: Series[Teks] = pa.Field(description="Cell the target was read from, e.g. 'E7'")
    pelaksana: Series[Teks] = pa.Field(description="Sub-unit(s) responsible, normalised names")


class Aktivitas(Sumber):
    """One activity (rencana aksi) under an indicator."""

    kode: Series[Teks] = pa.Field(str_matches=KODE_AKTIVITAS, unique=True,
                                 description="Stable code: indicator code + activity order, K01.I03.A02")
    indikator_kode: Series[Teks] = pa.Field(str_matches=KODE_INDIKATOR, description="Code of its indicator")
    nama: Series[Teks] = pa.Field(str_length={"min_value": 1}, description="Activity text")
    pelaksana: Series[Teks] = pa.Field(description="Normalised sub-unit name (or the text as written)")
    pelaksana_kode: Series[Teks] = pa.Field(nullable=True, description="Sub-unit code; empty when unknown")
    pelaksana_teks: Series[Teks] = pa.Field(description="Pelaksana exactly as written in the RAK")


class AktivitasBulan(pa.DataFrameModel):
    """The months an activity is planned in: one row per activity and planned month."""

    aktivitas_kode: Series[Teks] = pa.Field(str_matches=KODE_AKTIVITAS, description="Activity code")
    bulan: Series[int] = pa.Field(ge=1, le=12, description="Planned month, 1 = Januari")

    class Config:
        coerce = True
        unique = ["aktivitas_kode", "bulan"]
