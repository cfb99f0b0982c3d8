"""What the reports print alike: the office, the signer, every indicator as its tables print it,
the kendala/upaya staff wrote, the budget rows, turned into plain, already-formatted values
(contracts/context.py).
tasks.reporting.lkip and tasks.reporting.bulanan assemble them into each report's context.

Python computes and formats; the Word templates only print, loop and branch. Nothing here prints
"nan", "None" or "inf": every missing figure becomes "-" or a sentence that says what is missing.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import pandas as pd

from contracts.context import Gambar, Indikator, Penandatangan, Satker, Triwulan
from contracts.rak import Aktivitas, AktivitasBulan, Kegiatan
from contracts.realisasi import ProgresAktivitas, RealisasiIndikator
from tasks.frames import columns, row_tuples
from tasks.measuring.figures import Measures, OfficeFigures, concat_tables
from tasks.reading.office import OfficeInputs
from tasks.reading.profile import Profile, is_placeholder
from tasks.reporting.fmt import format_number, format_percent, roman
from tasks.reporting.words import distinct, sentence

NOT_REPORTED = "belum dilaporkan"


def _text(value) -> str:
    return "" if value is None or (isinstance(value, float) and pd.isna(value)) else str(value)


def satker_context(profile: Profile) -> Satker:
    return {"kode": profile.kode, "nama": profile.nama, "nama_upper": profile.nama.upper(),
            "nama_lengkap": profile.nama_lengkap or profile.nama, "alamat": profile.alamat, "kota": profile.kota,
            "provinsi": profile.provinsi}


def person(signer) -> Penandatangan:
    """A signer as printed: a placeholder name or NIP in the profile ('NAMA KETUA', '19xxxx') is never
    printed, a blank line is left to sign on."""
    if signer is None:
        return {"jabatan": "", "jabatan_upper": "", "nama": "", "nip": ""}
    name = "" if is_placeholder(signer.nama) else signer.nama
    nip = "" if not signer.nip or is_placeholder(signer.nip) else f"NIP. {signer.nip}"
    return {"jabatan": signer.jabatan, "jabatan_upper": signer.jabatan.upper(), "nama": name, "nip": nip}


def signer_context(profile: Profile) -> Penandatangan:
    """The signer named in the profile ([laporan] penandatangan = "ketua" or "sekretaris")."""
    return person(profile.penandatangan.get(profile.penandatangan_laporan))


def gambar(path, keterangan: str, lebar_cm: float = 15.5) -> Gambar:
    return {"path": str(path), "lebar_cm": lebar_cm, "keterangan": keterangan}


# --- indicators ---------------------------------------------------------------------------------

COMPARATORS = {">=": "≥", ">": ">", "<=": "≤", "<": "<"}


def _missing(value) -> bool:
    return value is None or value is pd.NA or (isinstance(value, float) and math.isnan(value))


def amount(value, satuan: str) -> str:
    """A figure with its unit: '85,50%', '2 laporan'; missing: '-'."""
    if _missing(value):
        return "-"
    if satuan == "%":
        return format_percent(value)
    return f"{format_number(value)} {satuan}".strip()


def target_text(rec) -> str:
    """An indicator's target as the reports state it: a range, a threshold, a label or a figure."""
    if not _missing(rec.target_min) and not _missing(rec.target_max):
        if rec.satuan == "%":
            return f"{format_percent(rec.target_min)}–{format_percent(rec.target_max)}"
        return f"{format_number(rec.target_min)}–{format_number(rec.target_max)} {rec.satuan}".strip()
    if isinstance(rec.skala, str) and rec.skala:
        return rec.target_teks
    if isinstance(rec.target_arah, str) and rec.target_arah and not _missing(rec.target):
        return f"{COMPARATORS[rec.target_arah]} {amount(rec.target, rec.satuan)}"
    if rec.jenis_target != "target tahunan" or not rec.target_teks:
        return amount(rec.target, rec.satuan)
    return amount(rec.target, rec.satuan) if not _missing(rec.target) else rec.target_teks


def realisation_text(rec) -> str:
    """The realisation to date with its unit, a qualitative one by its label, or 'belum dilaporkan'."""
    if _missing(rec.realisasi):
        return NOT_REPORTED
    return rec.realisasi_teks or amount(rec.realisasi, rec.satuan)


def notes_by_indicator(realisasi: pd.DataFrame) -> dict[str, list[tuple[int, str, str, str]]]:
    """Per indicator: (quarter, kendala, upaya, bukti) of every reported quarter, in quarter order."""
    notes: dict[str, list[tuple[int, str, str, str]]] = {}
    if realisasi.empty:
        return notes
    r = RealisasiIndikator
    for kode, tw, kendala, upaya, bukti in columns(realisasi, r.indikator_kode, r.triwulan, r.kendala, r.upaya,
                                                   r.bukti):
        notes.setdefault(kode, []).append((int(tw), _text(kendala), _text(upaya), _text(bukti)))
    return {k: sorted(v, key=lambda n: n[0]) for k, v in notes.items()}


def notes_text(notes: list[tuple], column: str, upto: int) -> str:
    """The kendala or upaya staff wrote up to quarter `upto`, each once, joined as one sentence."""
    index = 1 if column == "kendala" else 2
    texts = distinct(n[index] for n in notes if n[0] <= upto)
    return sentence("; ".join(texts)) if texts else ""


@dataclass(frozen=True)
class OfficeView:
    """What every document of one office-year prints the same way, whatever its period: kegiatan
    names, kendala/upaya/bukti per indicator, each month's planned activities and their reported
    status, and the indicators as printed for each capaian table the documents use
    (Period.capaian_key; the months of one quarter share one). Built once by office_view."""

    names: dict[str, str]
    notes: dict[str, list[tuple[int, str, str, str]]]
    planned: dict[int, list[tuple]]  # month -> (kode, nama, pelaksana) of activities planned then, RAK order
    status: dict[int, dict[str, tuple]]  # month -> activity code -> (status, keterangan) reported
    indicators: dict[tuple[int, bool], list[tuple[str, Indikator]]]  # capaian key -> (kegiatan, row)


def office_view(inputs: OfficeInputs, figures: OfficeFigures) -> OfficeView:
    """The office-year's shared view, for the capaian tables of `figures`."""
    rak = inputs.rak
    realisasi = concat_tables([r.indikator for r in inputs.realisasi])
    progres = concat_tables([r.aktivitas for r in inputs.realisasi])
    months: dict[str, set[int]] = {}
    for kode, month in columns(rak.bulan, AktivitasBulan.aktivitas_kode, AktivitasBulan.bulan):
        months.setdefault(kode, set()).add(int(month))
    planned: dict[int, list[tuple]] = {}
    for kode, nama, pelaksana in columns(rak.aktivitas, Aktivitas.kode, Aktivitas.nama, Aktivitas.pelaksana):
        for month in months.get(kode, ()):
            planned.setdefault(month, []).append((kode, nama, pelaksana))
    status: dict[int, dict[str, tuple]] = {}
    if not progres.empty:
        p = ProgresAktivitas
        for kode, month, state, note in columns(progres, p.aktivitas_kode, p.bulan, p.status, p.keterangan):
            status.setdefault(int(month), {})[kode] = (state, note)
    names = dict(columns(rak.kegiatan, Kegiatan.kode, Kegiatan.nama))
    return OfficeView(names=names, notes=notes_by_indicator(realisasi), planned=planned, status=status,
                      indicators={key: _indicator_rows(m, names) for key, m in figures.capaian_tables().items()})


def indicator_contexts(m: Measures, view: OfficeView) -> list[Indikator]:
    """Every indicator as the reports print it in their tables, in RAK order."""
    return [item for _, item in view.indicators[m.period.capaian_key]]


def _indicator_rows(m: Measures, names: dict[str, str]) -> list[tuple[str, Indikator]]:
    """(kegiatan code, indicator row) per indicator, numbered in RAK order."""
    upto = m.period.upto_quarter
    quarters: dict[str, list] = {}
    for q in row_tuples(m.triwulan):
        if q.triwulan <= upto:
            quarters.setdefault(q.kode, []).append(q)
    return [(rec.kegiatan_kode, {
        "no": str(no), "kode": rec.kode, "kegiatan": names.get(rec.kegiatan_kode, ""), "nama": rec.indikator,
        "satuan": rec.satuan, "target": target_text(rec), "realisasi": realisation_text(rec),
        "capaian": format_percent(rec.capaian_dicap), "kategori": _text(rec.kategori) or "-", "status": rec.status,
        "per_triwulan": [_quarter(q, rec) for q in quarters.get(rec.kode, [])],
    }) for no, rec in enumerate(row_tuples(m.capaian), start=1)]


def _quarter(q, rec) -> Triwulan:
    """One quarter of an indicator (`rec`: its capaian record); a qualitative one by its labels."""
    qualitative = isinstance(rec.skala, str) and bool(rec.skala)
    realisasi = "-" if pd.isna(q.realisasi_sd) else (q.realisasi_teks or amount(q.realisasi_sd, rec.satuan))
    target = rec.target_teks if qualitative else amount(q.target, rec.satuan)
    return {"tw": roman(q.triwulan), "realisasi": realisasi, "target": target,
            "capaian": format_percent(q.capaian_dicap), "status": q.status}
