"""The Perjanjian Kinerja of a KPU Kabupaten, from the profile and the RAK (PermenPAN-RB 53/2014's
format): the Ketua's, with the provincial chair as pihak kedua, and the Sekretaris's, with the Ketua
as pihak kedua, each printed where the profile names both parties. The indicators and targets are
the RAK's; the budget is the pagu of the first quarter, as it stood when the agreements were signed.
A placeholder name or NIP in the profile is never printed: a blank line is left to sign on."""

from __future__ import annotations

from contracts.context import KegiatanPk, PerjanjianKinerja, Pihak
from tasks.frames import row_tuples
from tasks.reading.profile import Penandatangan as Signer
from tasks.reading.profile import Profile
from tasks.reporting.context import person
from tasks.reporting.fmt import format_date, format_money
from tasks.reporting.words import month_name

# (pihak pertama, pihak kedua) by the profile's signer roles, the Ketua's agreement first.
AGREEMENTS = (("ketua", "ketua_provinsi"), ("sekretaris", "ketua"))


def _party(signer: Signer, sebutan: str) -> Pihak:
    return {"sebutan": sebutan, **person(signer)}


def pk_kegiatan(indicators: list[dict], kegiatan: list[tuple[str, str, str]]) -> list[KegiatanPk]:
    """The PK's table: each kegiatan (no, code, name) with its indicators and targets as printed."""
    return [{"no": no, "nama": nama, "indikator": [{"nama": i["nama"], "target": i["target"]}
                                                   for i in indicators if i["kode"].startswith(kode + ".")]}
            for no, kode, nama in kegiatan]


def agreements(profile: Profile, tahun: int, rows: list[KegiatanPk], budget: dict[str, float],
               kegiatan: list[tuple[str, str, str]]) -> list[PerjanjianKinerja]:
    """Every Perjanjian Kinerja the profile names both parties of."""
    signed = (f"{profile.kota}, {format_date(profile.tanggal_pk)}" if profile.tanggal_pk
              else f"{profile.kota}, {month_name(1)} {tahun}")
    money = [{"no": no, "kegiatan": nama, "pagu": format_money(budget.get(kode))} for no, kode, nama in kegiatan]
    total = sum(budget.values()) if budget else None
    out = []
    for first_role, second_role in AGREEMENTS:
        first, second = profile.penandatangan.get(first_role), profile.penandatangan.get(second_role)
        if first is None or second is None:
            continue
        out.append({
            "judul": f"PERJANJIAN KINERJA TAHUN {tahun}",
            "subjudul": first.jabatan.upper(),
            "pembuka": _opening(first, second, tahun),
            "pihak_pertama": _party(first, "PIHAK PERTAMA"), "pihak_kedua": _party(second, "PIHAK KEDUA"),
            "kegiatan": rows, "anggaran": money, "anggaran_total": format_money(total), "kota_tanggal": signed,
        })
    return out


def _opening(first: Signer, second: Signer, tahun: int) -> list[str]:
    return [
        "Dalam rangka mewujudkan manajemen pemerintahan yang efektif, transparan dan akuntabel serta berorientasi "
        f"pada hasil, {first.jabatan}, selanjutnya disebut PIHAK PERTAMA, dan {second.jabatan}, selaku atasan "
        "langsung PIHAK PERTAMA, selanjutnya disebut PIHAK KEDUA, bersepakat sebagai berikut.",
        f"PIHAK PERTAMA berjanji akan mewujudkan target kinerja Tahun {tahun} sebagaimana tercantum dalam lampiran "
        "perjanjian ini, dalam rangka mencapai target kinerja jangka menengah yang ditetapkan dalam dokumen "
        "perencanaan. Keberhasilan dan kegagalan pencapaian target kinerja tersebut menjadi tanggung jawab PIHAK "
        "PERTAMA.",
        "PIHAK KEDUA akan melakukan supervisi yang diperlukan serta evaluasi terhadap capaian kinerja dari "
        "perjanjian ini dan mengambil tindakan yang diperlukan dalam rangka pemberian penghargaan dan sanksi.",
    ]


def kegiatan_list(rak) -> list[tuple[str, str, str]]:
    """(number as printed, code, name) of every kegiatan of the RAK."""
    return [(str(k.no), k.kode, k.nama) for k in row_tuples(rak.kegiatan)]
