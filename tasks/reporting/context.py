"""What the reports print alike: the office, the signer, every indicator with its analysis, the
budget rows and the summary, turned into plain, already-formatted values (contracts/context.py).
tasks.reporting.lkip and tasks.reporting.bulanan assemble them into each report's context.

Python computes and formats; the Word templates only print, loop and branch. Nothing here prints
"nan", "None" or "inf": every missing figure becomes "-" or a sentence that says what is missing.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd
from pandera.typing import DataFrame

from contracts.capaian import AnggaranKegiatan, CapaianIndikator, JadwalBulan
from contracts.context import Gambar, IndikatorLkip, Penandatangan, Satker
from contracts.rak import Aktivitas, AktivitasBulan, Kegiatan
from contracts.realisasi import ProgresAktivitas, RealisasiIndikator
from tasks.frames import columns, row_dicts, row_tuples
from tasks.measuring.figures import Measures, OfficeFigures, concat_tables
from tasks.reading.office import OfficeInputs
from tasks.reading.parse import MONTHS_ID
from tasks.reading.profile import Profile
from tasks.reading.rak import Rak
from tasks.reporting.fmt import format_money, format_number, format_percent, roman

NOT_REPORTED = "belum dilaporkan"
_EMPTY_NOTES = {"", "-", "tidak ada", "nihil", "tidak ada kendala"}


def _text(value) -> str:
    return "" if value is None or (isinstance(value, float) and pd.isna(value)) else str(value)


def satker_context(profile: Profile) -> Satker:
    return {"kode": profile.kode, "nama": profile.nama, "nama_upper": profile.nama.upper(),
            "nama_lengkap": profile.nama_lengkap or profile.nama, "alamat": profile.alamat, "kota": profile.kota,
            "provinsi": profile.provinsi}


def signer_context(profile: Profile) -> Penandatangan:
    """The signer named in the profile ([laporan] penandatangan = "ketua" or "sekretaris")."""
    signer = profile.penandatangan.get(profile.penandatangan_laporan)
    if signer is None:
        return {"jabatan": "", "jabatan_upper": "", "nama": "", "nip": ""}
    return {"jabatan": signer.jabatan, "jabatan_upper": signer.jabatan.upper(), "nama": signer.nama,
            "nip": f"NIP. {signer.nip}" if signer.nip else ""}


def gambar(path, keterangan: str, lebar_cm: float = 15.5) -> Gambar:
    return {"path": str(path), "lebar_cm": lebar_cm, "keterangan": keterangan}


# --- indicators ---------------------------------------------------------------------------------

def _value(rec) -> str:
    if pd.isna(rec.realisasi):
        return NOT_REPORTED
    return rec.realisasi_teks or format_number(rec.realisasi)  # a qualitative one by its label


def notes_by_indicator(realisasi: pd.DataFrame) -> dict[str, list[tuple[int, str, str]]]:
    """Per indicator: (quarter, kendala, upaya) of every reported quarter, in quarter order."""
    notes: dict[str, list[tuple[int, str, str]]] = {}
    if realisasi.empty:
        return notes
    r = RealisasiIndikator
    for kode, tw, kendala, upaya in columns(realisasi, r.indikator_kode, r.triwulan, r.kendala, r.upaya):
        notes.setdefault(kode, []).append((int(tw), _text(kendala), _text(upaya)))
    return {k: sorted(v, key=lambda n: n[0]) for k, v in notes.items()}


def _notes(notes: list[tuple[int, str, str]], column: str, upto: int) -> str:
    """Kendala or upaya text of the quarters up to `upto`, each once, with its quarter."""
    index = 1 if column == "kendala" else 2
    seen, parts = set(), []
    for note in notes:
        text = note[index].strip()
        if note[0] <= upto and text.casefold() not in _EMPTY_NOTES and text not in seen:
            seen.add(text)
            parts.append(f"TW {roman(note[0])}: {text}")
    return " ".join(parts)


def _target_sentence(rec, target_text: str) -> str:
    if pd.isna(rec.capaian):
        return (f"Target {target_text}; realisasi {_value(rec)}. Capaian belum dapat dihitung ({rec.status}).")
    return (f"Target {target_text}, realisasi {_value(rec)} {rec.satuan}".rstrip() +
            f", capaian {format_percent(rec.capaian_dicap)} (kategori {rec.kategori}; {rec.status}).")


def _history_sentence(perbandingan: dict) -> str:
    years = perbandingan.get("tahun_sebelumnya", [])
    if not years:
        return "Data realisasi tahun-tahun sebelumnya tidak tersedia, sehingga perbandingan belum dapat disajikan."
    parts = [f"tahun {y['tahun']}: realisasi {format_number(y['realisasi'])}, capaian {format_percent(y['capaian'])}"
             for y in years]
    return "Perbandingan dengan tahun sebelumnya — " + "; ".join(parts) + "."


def _renstra_sentence(perbandingan: dict) -> str:
    renstra = perbandingan.get("renstra", {})
    if renstra.get("target") is None:
        return "Target jangka menengah (Renstra) untuk indikator ini tidak tersedia."
    return (f"Target Renstra {format_number(renstra['target'])}; capaian terhadap target Renstra "
            f"{format_percent(renstra['capaian'])}.")


def _efficiency_sentence(efisiensi: dict[str, dict], kegiatan_kode: str) -> str:
    """`efisiensi`: the efficiency table's records by kegiatan code."""
    row = efisiensi.get(kegiatan_kode)
    if row is None or pd.isna(row["serapan"]) or pd.isna(row["capaian_kinerja"]):
        return "Data anggaran kegiatan ini tidak tersedia, sehingga efisiensi belum dapat dinilai."
    verdict = "efisien" if row["efisien"] else "belum efisien"
    return (f"Rata-rata capaian kinerja kegiatan {format_percent(row['capaian_kinerja'])} dengan serapan anggaran "
            f"{format_percent(row['serapan'])}: {verdict}.")


def activity_lines(rak: Rak) -> dict[str, list[str]]:
    """Per indicator: its activities with their planned months and sub-unit, as printed in point 7."""
    months = rak.bulan.groupby(AktivitasBulan.aktivitas_kode)[AktivitasBulan.bulan].apply(sorted).to_dict()
    lines: dict[str, list[str]] = {}
    for a in row_tuples(rak.aktivitas):
        planned = ", ".join(MONTHS_ID[m - 1] for m in months.get(a.kode, [])) or "tanpa bulan"
        lines.setdefault(a.indikator_kode, []).append(f"{a.nama} ({planned}; {a.pelaksana})")
    return lines


def _target_text(rec) -> str:
    if not pd.isna(rec.target_min) and not pd.isna(rec.target_max):
        return f"{format_number(rec.target_min)}–{format_number(rec.target_max)} {rec.satuan}".strip()
    if rec.jenis_target != "target tahunan" or rec.target_teks == "":
        return f"{format_number(rec.target)} {rec.satuan}".strip()
    return rec.target_teks


@dataclass(frozen=True)
class OfficeView:
    """What every document of one office-year prints the same way, whatever its period: kegiatan
    names, kendala/upaya per indicator, each month's planned activities and their reported status,
    and the indicators as printed for each capaian table the documents use (Period.capaian_key; the
    months of one quarter share one). Built once per office-year by office_view."""

    names: dict[str, str]
    notes: dict[str, list[tuple[int, str, str]]]
    planned: dict[int, list[tuple]]  # month -> (kode, nama, pelaksana) of activities planned then, RAK order
    status: dict[int, dict[str, tuple]]  # month -> activity code -> (status, keterangan) reported
    indicators: dict[tuple[int, bool], list[tuple[str, dict]]]  # capaian key -> (kegiatan, context) per indicator


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
    notes, activities = notes_by_indicator(realisasi), activity_lines(rak)
    return OfficeView(names=names, notes=notes, planned=planned, status=status,
                      indicators={key: _indicator_bases(m, names, notes, activities)
                                  for key, m in figures.capaian_tables().items()})


def indicator_contexts(m: Measures, view: OfficeView) -> list[IndikatorLkip]:
    """Every indicator as the reports print it, in RAK order: the view's indicators for the period's
    capaian table, with the efficiency sentence of the period's own budget."""
    efisiensi = {} if m.efisiensi.empty else {r["kegiatan_kode"]: r for r in row_dicts(m.efisiensi)}
    return [{**item, "analisis": {**item["analisis"], "efisiensi": _efficiency_sentence(efisiensi, kegiatan)}}
            for kegiatan, item in view.indicators[m.period.capaian_key]]


def _indicator_bases(m: Measures, names: dict[str, str], notes: dict, activities: dict[str, list[str]]
                     ) -> list[tuple[str, dict]]:
    """(kegiatan code, indicator context without its efficiency sentence) per indicator."""
    upto = m.period.upto_quarter
    quarters: dict[str, list] = {}
    for q in row_tuples(m.triwulan):
        if q.triwulan <= upto:
            quarters.setdefault(q.kode, []).append(q)
    out = []
    for no, rec in enumerate(row_tuples(m.capaian), start=1):
        target_text = _target_text(rec)
        comparison = m.perbandingan.get(rec.kode, {})
        out.append((rec.kegiatan_kode, {
            "no": str(no), "kode": rec.kode, "kegiatan": names.get(rec.kegiatan_kode, ""), "nama": rec.indikator,
            "satuan": rec.satuan, "target": target_text, "realisasi": _value(rec),
            "capaian": format_percent(rec.capaian_dicap), "kategori": _text(rec.kategori) or "-",
            "status": rec.status,
            "analisis": {
                "target_vs_realisasi": _target_sentence(rec, target_text),
                "vs_tahun_lalu": _history_sentence(comparison),
                "vs_renstra": _renstra_sentence(comparison),
                "vs_standar_nasional": "Belum ada standar nasional yang ditetapkan untuk indikator ini.",
                "penyebab": _notes(notes.get(rec.kode, []), "kendala", upto) or "Tidak ada kendala yang dilaporkan.",
                "upaya": _notes(notes.get(rec.kode, []), "upaya", upto) or "Tidak ada upaya khusus yang dilaporkan.",
                "aktivitas": activities.get(rec.kode, ["Tidak ada aktivitas tercatat di RAK."]),
            },
            "per_triwulan": [_quarter(q, rec) for q in quarters.get(rec.kode, [])],
            "sumber": "; ".join(rec.sumber),
        }))
    return out


def _quarter(q, rec) -> dict:
    """One quarter of an indicator (`rec`: its capaian record); a qualitative one by its labels."""
    qualitative = isinstance(rec.skala, str) and bool(rec.skala)
    realisasi = "-" if pd.isna(q.realisasi_sd) else (q.realisasi_teks or format_number(q.realisasi_sd))
    target = rec.target_teks if qualitative else format_number(q.target)
    return {"tw": roman(q.triwulan), "realisasi": realisasi, "target": target,
            "capaian": format_percent(q.capaian_dicap), "status": q.status}



# --- budget and summary -------------------------------------------------------------------------

def budget_rows(anggaran: DataFrame[AnggaranKegiatan]) -> tuple[list[dict], dict]:
    rows = [{"kegiatan": f"{r.kegiatan_kode} {r.kegiatan}", "sumber_dana": r.sumber_dana,
             "pagu": format_money(r.pagu), "realisasi": format_money(r.realisasi), "rpd": format_money(r.rpd),
             "serapan": format_percent(r.serapan), "deviasi": format_money(r.deviasi)}
            for r in row_tuples(anggaran)] if not anggaran.empty else []
    a = AnggaranKegiatan
    pagu = float(anggaran[a.pagu].sum()) if not anggaran.empty else None
    real = float(anggaran[a.realisasi].sum()) if not anggaran.empty else None
    rpd = float(anggaran[a.rpd].sum()) if not anggaran.empty else None
    total = {"kegiatan": "Jumlah", "sumber_dana": "", "pagu": format_money(pagu), "realisasi": format_money(real),
             "rpd": format_money(rpd), "serapan": format_percent(real / pagu * 100 if pagu else None),
             "deviasi": format_money(None if real is None else real - rpd)}
    return rows, total


def summary(m: Measures, settings) -> dict:
    cap = m.capaian
    c, a = CapaianIndikator, AnggaranKegiatan
    counts = cap[c.kategori].value_counts()
    adherence = m.jadwal[JadwalBulan.kepatuhan].iloc[-1] if not m.jadwal.empty else None
    pagu = m.anggaran[a.pagu].sum() if not m.anggaran.empty else 0
    serapan = m.anggaran[a.realisasi].sum() / pagu * 100 if pagu else None
    status, printed, raw = cap[c.status], cap[c.capaian_dicap], cap[c.capaian]
    return {"jumlah_indikator": str(len(cap)), "tercapai": str(int((status == "tercapai").sum())),
            "belum_tercapai": str(int((status == "belum tercapai").sum())),
            "belum_dilaporkan": str(int((status == NOT_REPORTED).sum())),
            "rata_capaian": format_percent(printed.mean() if printed.notna().any() else None),
            "serapan": format_percent(serapan), "kepatuhan": format_percent(adherence),
            "kategori": [{"label": b.label, "jumlah": str(int(counts.get(b.label, 0)))} for b in settings.kategori]
            + ([{"label": "Belum dapat dinilai", "jumlah": str(int(raw.isna().sum()))}] if raw.isna().any() else [])}
