"""The office's own settings: its profile (profil.toml) and its sub-units with their aliases."""

from __future__ import annotations

import functools
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from tasks.problems import InputError, Problem
from tasks.reading.parse import normalize_key, normalize_text

PROFILE_NAME = "profil.toml"

# Words that only say "this is a sub-unit"; dropping them lets "Subbag Keuangan, Umum dan Logistik"
# and "Sub Bagian Keuangan Umum dan Logistik" meet on the same key ("dan" is often dropped too).
_UNIT_WORDS = {"sub", "bagian", "subbag", "subbagian", "bag", "sb", "kasubbag", "kepala", "dan"}


@dataclass(frozen=True)
class SubUnit:
    """A sub-unit (Sub Bagian) of the secretariat and the spellings that mean it."""

    kode: str
    nama: str
    alias: tuple[str, ...] = ()

    def keys(self) -> frozenset[str]:
        return _keys(self)


DEFAULT_SUB_UNITS = (
    SubUnit("PDI", "Sub Bagian Perencanaan, Data dan Informasi", ("Subbag PDI", "Perencanaan Data dan Informasi")),
    SubUnit("TPH", "Sub Bagian Teknis Penyelenggaraan dan Hukum",
            ("Subbag Teknis", "Teknis Penyelenggaraan Pemilu dan Hukum", "Subbag Teknis dan Hukum")),
    SubUnit("KUL", "Sub Bagian Keuangan, Umum dan Logistik", ("Subbag KUL", "Keuangan Umum dan Logistik")),
    SubUnit("SDM", "Sub Bagian SDM dan Parmas",
            ("Subbag SDM", "SDM dan Partisipasi Masyarakat", "Sumber Daya Manusia dan Parmas")),
    SubUnit("SEMUA", "Semua Sub Bagian", ("Seluruh Sub Bagian", "Semua Subbag")),
)


@functools.lru_cache(maxsize=256)
def _keys(unit: SubUnit) -> frozenset[str]:
    """The matching keys of a sub-unit's name, code and aliases (computed once per unit)."""
    return frozenset({_unit_key(name) for name in (unit.nama, unit.kode, *unit.alias)} - {""})


def _unit_key(text: str) -> str:
    return " ".join(w for w in normalize_key(text).split() if w not in _UNIT_WORDS)


def match_sub_unit(text: str, units: tuple[SubUnit, ...]) -> SubUnit | None:
    """The sub-unit a pelaksana text names, by alias; None when no alias matches."""
    key = _unit_key(text)
    if not key:
        return None
    for unit in units:
        if key in unit.keys():
            return unit
    return None


@dataclass(frozen=True)
class Penandatangan:
    """A signer: title, name and NIP as printed under the signature."""

    jabatan: str
    nama: str
    nip: str = ""


@dataclass(frozen=True)
class SumberDana:
    """A funding source (DIPA, Pilkada grant) as the budget sheet names it."""

    kode: str
    nama: str


@dataclass(frozen=True)
class Profile:
    """The office profile: identity, signers, sub-units and funding sources."""

    kode: str
    nama: str
    nama_lengkap: str = ""
    alamat: str = ""
    kota: str = ""
    provinsi: str = ""
    penandatangan: dict[str, Penandatangan] = field(default_factory=dict)
    penandatangan_laporan: str = "ketua"
    sub_bagian: tuple[SubUnit, ...] = DEFAULT_SUB_UNITS
    sumber_dana: tuple[SumberDana, ...] = (SumberDana("DIPA", "DIPA APBN"),)


def load_profile(path: Path) -> Profile:
    """Read profil.toml; a missing or malformed file raises InputError with the reason in Indonesian."""
    try:
        data = tomllib.loads(Path(path).read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise InputError([Problem(file=Path(path).name, message="profil satker tidak ditemukan",
                                  hint=f"buat berkas {PROFILE_NAME} di folder masukan")]) from exc
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise InputError([Problem(file=Path(path).name, message=f"profil satker tidak dapat dibaca: {exc}",
                                  hint="periksa tanda kutip dan tanda sama dengan pada baris tersebut")]) from exc
    try:
        return _profile_from_dict(data, Path(path).name)
    except (KeyError, TypeError, AttributeError, ValueError) as exc:
        raise InputError([Problem(file=Path(path).name, message=f"isi profil tidak valid ({type(exc).__name__}: {exc})",
                                  hint="setiap [[sub_bagian]] dan [[sumber_dana]] perlu kode dan nama")]) from exc


def _profile_from_dict(data: dict, file: str) -> Profile:
    satker = data.get("satker", {})
    missing = [key for key in ("kode", "nama") if not str(satker.get(key, "")).strip()]
    if missing:
        raise InputError([Problem(file=file, sheet="[satker]", message=f"isian wajib kosong: {', '.join(missing)}",
                                  hint="isi kode dan nama satker pada bagian [satker]")])
    units = tuple(SubUnit(normalize_text(u["kode"]), normalize_text(u["nama"]),
                          tuple(normalize_text(a) for a in u.get("alias", ())))
                  for u in data.get("sub_bagian", ())) or DEFAULT_SUB_UNITS
    text = normalize_text  # every string a report prints is cleaned like workbook text (BAD_INPUTS 15)
    return Profile(
        kode=text(satker["kode"]),
        nama=text(satker["nama"]),
        nama_lengkap=text(satker.get("nama_lengkap", "")),
        alamat=text(satker.get("alamat", "")),
        kota=text(satker.get("kota", "")),
        provinsi=text(satker.get("provinsi", "")),
        penandatangan={role: Penandatangan(text(v.get("jabatan", "")), text(v.get("nama", "")), text(v.get("nip", "")))
                       for role, v in data.get("penandatangan", {}).items()},
        penandatangan_laporan=str(data.get("laporan", {}).get("penandatangan", "ketua")),
        sub_bagian=units,
        sumber_dana=tuple(SumberDana(text(s["kode"]), text(s["nama"])) for s in data.get("sumber_dana", ()))
        or (SumberDana("DIPA", "DIPA APBN"),),
    )
