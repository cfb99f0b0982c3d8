"""The office's own settings: its profile (profil.toml) and its sub-units with their aliases."""

from __future__ import annotations

import datetime
import difflib
import functools
import re
from dataclasses import dataclass, field
from pathlib import Path

from tasks.problems import InputError, Problem, Problems, Severity
from tasks.reading.parse import ParseError, normalize_key, normalize_text, parse_number
from tasks.reading.text_files import load_toml

PROFILE_NAME = "profil.toml"
PROVINCE_LIST = Path(__file__).resolve().parents[2] / "data" / "nasional" / "provinsi.csv"  # KPU's 38 provinces

# Words that only say "this is a sub-unit"; dropping them lets "Subbag Keuangan, Umum dan Logistik"
# and "Sub Bagian Keuangan Umum dan Logistik" meet on the same key ("dan" is often dropped too).
_UNIT_WORDS = {"sub", "bagian", "subbag", "subbagian", "bag", "sb", "kasubbag", "kepala", "dan"}


@dataclass(frozen=True)
class SubUnit:
    """A sub-unit (Sub Bagian) of the secretariat and the spellings that mean it."""

    kode: str
    nama: str
    alias: tuple[str, ...] = ()
    singkat: str = ""  # the short name printed where a table column is narrow ("Subbag PDI")

    def keys(self) -> frozenset[str]:
        return _keys(self)

    @property
    def nama_singkat(self) -> str:
        return self.singkat or self.nama


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
    """A funding source (DIPA, Pilkada grant) as the budget sheet names it, and optionally its total
    ceiling (the DIPA's pagu, the NPHD's amount) that the kegiatan's pagu must add up to."""

    kode: str
    nama: str
    pagu_total: float | None = None


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
    # The monthly and quarterly reports: signed by the Sekretaris unless [laporan] penandatangan_bulanan
    # says otherwise (an internal report of the secretariat), with an optional "Mengetahui" block.
    penandatangan_bulanan: str = "sekretaris"
    mengetahui_bulanan: str = ""
    tanggal_pk: datetime.date | None = None  # when the Perjanjian Kinerja were signed ([laporan] tanggal_pk)
    tanggal_reviu: datetime.date | None = None  # the APIP review's date ([laporan] tanggal_reviu)
    sub_bagian: tuple[SubUnit, ...] = DEFAULT_SUB_UNITS
    sumber_dana: tuple[SumberDana, ...] = (SumberDana("DIPA", "DIPA APBN"),)


def load_profile(path: Path) -> Profile:
    """Read profil.toml (UTF-8 or Windows ANSI); every mistake in it raises one InputError listing them
    all, each with its section and what to write."""
    data, problems = load_toml(path, "profil satker")
    if data is None:
        for problem in problems:
            if "tidak ditemukan" in problem.message:
                raise InputError([Problem(file=problem.file, message=problem.message,
                                          hint=f"buat berkas {PROFILE_NAME} di folder masukan")])
        raise InputError(problems)
    problems = Problems(Path(path).name)
    profile = _profile_from_dict(data, problems)
    if problems.has_errors:
        raise InputError(problems.items)
    return profile


def _table(data: dict, key: str, problems: Problems) -> dict:
    value = data.get(key, {})
    if not isinstance(value, dict):
        problems.error(f"[{key}] harus berupa bagian berisi isian", sheet=f"[{key}]",
                       hint=f"tulis judul [{key}] pada barisnya sendiri, lalu isian nama = \"teks\" di bawahnya")
        return {}
    return value


def _text(table: dict, key: str, section: str, problems: Problems, required: bool = False) -> str:
    value = table.get(key, "")
    if isinstance(value, (dict, list)):
        problems.error(f"isian '{key}' harus teks", sheet=section, value=str(value)[:60],
                       hint=f"tulis {key} = \"…\"")
        return ""
    text = normalize_text(value)  # every string a report prints is cleaned like workbook text (BAD_INPUTS 15)
    if required and not text:
        problems.error(f"isian wajib '{key}' kosong", sheet=section, hint=f"isi {key} = \"…\" pada bagian {section}")
    return text


def _date(table: dict, key: str, section: str, problems: Problems) -> datetime.date | None:
    value = table.get(key)
    if value is None:
        return None
    if isinstance(value, datetime.datetime):
        return value.date()
    if isinstance(value, datetime.date):
        return value
    problems.error(f"isian '{key}' harus tanggal", sheet=section, value=str(value)[:60],
                   hint=f"tulis {key} = 2024-01-02 (tahun-bulan-tanggal, tanpa tanda kutip)")
    return None


def _entries(data: dict, key: str, problems: Problems) -> list[dict]:
    value = data.get(key, [])
    if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
        problems.error(f"[[{key}]] harus berupa daftar bagian", sheet=f"[[{key}]]",
                       hint=f"tulis setiap {key} dengan judul [[{key}]] pada barisnya sendiri")
        return []
    return value


def _units(data: dict, problems: Problems) -> tuple[SubUnit, ...]:
    units = []
    for n, entry in enumerate(_entries(data, "sub_bagian", problems), start=1):
        section = f"[[sub_bagian]] ke-{n}"
        alias = entry.get("alias", ())
        if isinstance(alias, str):
            alias = [alias]
        if not isinstance(alias, (list, tuple)):
            problems.error("alias harus daftar teks", sheet=section, hint='tulis alias = ["…", "…"]')
            alias = []
        kode, nama = _text(entry, "kode", section, problems, True), _text(entry, "nama", section, problems, True)
        units.append(SubUnit(kode, nama, tuple(normalize_text(a) for a in alias if isinstance(a, str)),
                             _text(entry, "singkat", section, problems)))
    return tuple(units) or DEFAULT_SUB_UNITS


def _funds(data: dict, problems: Problems) -> tuple[SumberDana, ...]:
    funds = []
    for n, entry in enumerate(_entries(data, "sumber_dana", problems), start=1):
        section = f"[[sumber_dana]] ke-{n}"
        funds.append(SumberDana(_text(entry, "kode", section, problems, True),
                                _text(entry, "nama", section, problems, True),
                                _amount(entry, "pagu_total", section, problems)))
    return tuple(funds) or (SumberDana("DIPA", "DIPA APBN"),)


def _amount(table: dict, key: str, section: str, problems: Problems) -> float | None:
    """An optional amount in rupiah: a number, or text such as "Rp30.050.000.000" read leniently."""
    value = table.get(key)
    if value is None:
        return None
    hint = f"tulis {key} sebagai angka rupiah penuh tanpa tanda kutip, misalnya {key} = 30050000000"
    try:
        number = None if isinstance(value, (bool, dict, list)) else parse_number(value)
    except ParseError:
        number = None
    amount = None if number is None or number.percent else number.value
    if amount is None or amount < 0:
        problems.error(f"isian '{key}' bukan jumlah rupiah", sheet=section, value=str(value)[:60], hint=hint)
        return None
    return float(amount)


def _signers(data: dict, problems: Problems) -> dict[str, Penandatangan]:
    signers = {}
    for role, entry in _table(data, "penandatangan", problems).items():
        section = f"[penandatangan.{role}]"
        if not isinstance(entry, dict):
            problems.error(f"{section} harus berupa bagian berisi jabatan, nama dan nip", sheet=section,
                           hint=f"tulis judul {section}, lalu jabatan = \"…\", nama = \"…\", nip = \"…\"")
            continue
        signers[role] = Penandatangan(*(_text(entry, key, section, problems) for key in ("jabatan", "nama", "nip")))
    return signers


def _profile_from_dict(data: dict, problems: Problems) -> Profile:
    satker = _table(data, "satker", problems)
    laporan = _table(data, "laporan", problems)
    return Profile(
        kode=_text(satker, "kode", "[satker]", problems, True),
        nama=_text(satker, "nama", "[satker]", problems, True),
        nama_lengkap=_text(satker, "nama_lengkap", "[satker]", problems),
        alamat=_text(satker, "alamat", "[satker]", problems),
        kota=_text(satker, "kota", "[satker]", problems),
        provinsi=_text(satker, "provinsi", "[satker]", problems),
        penandatangan=_signers(data, problems),
        penandatangan_laporan=_text(laporan, "penandatangan", "[laporan]", problems) or "ketua",
        penandatangan_bulanan=_text(laporan, "penandatangan_bulanan", "[laporan]", problems) or "sekretaris",
        mengetahui_bulanan=_text(laporan, "mengetahui_bulanan", "[laporan]", problems),
        tanggal_pk=_date(laporan, "tanggal_pk", "[laporan]", problems),
        tanggal_reviu=_date(laporan, "tanggal_reviu", "[laporan]", problems),
        sub_bagian=_units(data, problems),
        sumber_dana=_funds(data, problems),
    )


_PLACEHOLDER = re.compile(r"^(nama\b|\.{3}|x+$|-+$)|\bnama (ketua|sekretaris|kepala|pejabat)\b", re.IGNORECASE)


def is_placeholder(name: str) -> bool:
    """A name or NIP the profile holds only as a place to fill ('NAMA KETUA', '19xxxxxxxx', '...')."""
    text = (name or "").strip()
    return bool(text) and (bool(_PLACEHOLDER.search(text)) or "xxx" in text.casefold())


def monthly_signer_role(profile: Profile) -> str:
    """Who signs the monthly and quarterly reports: [laporan] penandatangan_bulanan (default the
    Sekretaris; an office whose profile has no Sekretaris falls back to the LKIP's signer)."""
    role = profile.penandatangan_bulanan
    return role if role in profile.penandatangan or role != "sekretaris" else profile.penandatangan_laporan


def signer_problems(profile: Profile, file: str) -> list[Problem]:
    """The signers the reports need: missing or nameless is an error before anything is rendered; a
    placeholder name or NIP ('NAMA KETUA', '19xxxxxxxx') is a warning."""
    problems = _signer_problems(profile, profile.penandatangan_laporan, file, "penandatangan")
    for role, key in ((monthly_signer_role(profile), "penandatangan_bulanan"),
                      (profile.mengetahui_bulanan, "mengetahui_bulanan")):
        if role and role != profile.penandatangan_laporan:
            problems += _signer_problems(profile, role, file, key)
    return problems


def _signer_problems(profile: Profile, role: str, file: str, key: str) -> list[Problem]:
    signer = profile.penandatangan.get(role)
    section = f"[penandatangan.{role}]"
    if signer is None or not signer.nama:
        return [Problem(file=file, sheet=section, message=f"penandatangan laporan ({role}) tidak ada atau tanpa nama",
                        hint=f"tambahkan bagian {section} dengan jabatan, nama dan nip di {PROFILE_NAME}; atau pilih "
                             f"penandatangan lain di [laporan] {key}")]
    problems = []
    if _PLACEHOLDER.search(signer.nama):
        problems.append(Problem(file=file, sheet=section, severity=Severity.WARNING, value=signer.nama,
                                message=f"nama penandatangan masih tempat isian: '{signer.nama}'",
                                hint=f"tulis nama {signer.jabatan or role} yang sebenarnya di {PROFILE_NAME}"))
    if signer.nip and ("x" in signer.nip.casefold() or not re.fullmatch(r"[0-9 ]{18,21}", signer.nip)):
        problems.append(Problem(file=file, sheet=section, severity=Severity.WARNING, value=signer.nip,
                                message=f"NIP penandatangan tidak seperti NIP (18 angka): '{signer.nip}'",
                                hint="tulis NIP yang sebenarnya, atau kosongkan (nip = \"\") bila tidak ada"))
    return problems


@functools.lru_cache(maxsize=1)
def provinces() -> tuple[str, ...]:
    """The 38 provinces by their official names, as shipped (one per line under a `provinsi` header)."""
    lines = PROVINCE_LIST.read_text(encoding="utf-8").splitlines()
    return tuple(name.strip() for name in lines[1:] if name.strip())


def official_province(name: str) -> str:
    """The official name of a province written with other case or spacing ('sumatera  barat'), else ''."""
    key = normalize_key(name)
    return next((p for p in provinces() if normalize_key(p) == key), "") if key else ""


def province_problems(profile: Profile, file: str) -> list[Problem]:
    """A province that is not one of the 38 (a misspelling, an abbreviation) is a warning: the reports
    print it as written and the national roll-up cannot count the office under its province."""
    if not profile.provinsi or official_province(profile.provinsi):
        return []
    close = difflib.get_close_matches(profile.provinsi.casefold(), [p.casefold() for p in provinces()], n=1,
                                      cutoff=0.6)
    named = next((p for p in provinces() if close and p.casefold() == close[0]), "")
    return [Problem(file=file, sheet="[satker]", severity=Severity.WARNING, value=profile.provinsi,
                    message=f"provinsi '{profile.provinsi}' bukan nama salah satu dari 38 provinsi",
                    hint=(f"mungkin maksudnya provinsi = \"{named}\"; tulis nama resminya" if named else
                          "tulis nama resmi salah satu dari 38 provinsi (mis. \"Sumatera Barat\")")
                    + f", bukan singkatan, di {PROFILE_NAME}")]
