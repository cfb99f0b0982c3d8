"""Each indicator's analysis in Bab III A, written from its own data (PermenPAN-RB 53/2014's points:
target against realisation, earlier years, the medium-term target, a benchmark, causes and efforts,
the activities behind it; and a recommendation when the target was missed).

Every sentence of eight words or more carries something of the indicator itself (its name, the
staff's kendala and upaya, its evidence, its activities), so that no sentence is true of every
indicator; the short ones state figures. A point without data is left out here and said once for
the chapter (tasks.reporting.narrative).
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field

import pandas as pd

from contracts.context import Butir, Rekomendasi
from tasks.measuring.capaian import BELUM_DILAPORKAN, TERCAPAI
from tasks.reporting.context import amount, realisation_text, target_text
from tasks.reporting.fmt import format_percent, roman
from tasks.reporting.words import clause, distinct, join_id, lower_first, month_name, pick, quarters_text, sentence

LEVEL_NAMES = {"nasional": "nasional", "provinsi": "provinsi", "sejawat": "kantor sejawat"}


@dataclass(frozen=True)
class Facts:
    """What one indicator's analysis is written from (all of one office-year, to one period)."""

    rec: tuple  # its CapaianIndikator row
    quarters: list  # its CapaianTriwulan rows up to the period, in quarter order
    notes: list  # (triwulan, kendala, upaya, bukti) of every reported quarter, in quarter order
    comparison: dict  # tasks.measuring.comparisons.compare_history's entry
    activities: list  # its HasilAktivitas rows
    tahun: int
    unit: str = ""  # the sub-unit answerable for it (the pelaksana of most of its activities)
    cap: float | None = 100.0
    extra: dict = field(default_factory=dict)


def _missing(value) -> bool:
    return value is None or (isinstance(value, float) and math.isnan(value)) or value is pd.NA


def subject(rec) -> str:
    """The indicator's name inside a sentence."""
    return lower_first(rec.indikator, name=True)


# --- 1. target against realisation ----------------------------------------------------------------

def _reached_in(f: Facts) -> int | None:
    """The quarter the figure to date first met the target."""
    for q in f.quarters:
        if q.status == TERCAPAI:
            return int(q.triwulan)
    return None


def capaian_paragraph(f: Facts) -> str:
    rec = f.rec
    name, target, real = subject(rec), target_text(rec), realisation_text(rec)
    if _missing(rec.capaian):
        reason = ("realisasinya tidak dilaporkan pada formulir triwulan yang menjadi dasar laporan ini"
                  if rec.status == BELUM_DILAPORKAN else rec.status)
        return sentence(f"Capaian indikator {name} belum dapat dihitung karena {reason}")
    capaian = format_percent(rec.capaian_dicap)
    grade = f"kategori {rec.kategori}" if isinstance(rec.kategori, str) and rec.kategori else ""
    parts = []
    if rec.polaritas == "-":
        parts.append(f"Indikator {name} bersifat makin kecil makin baik")
        parts.append(f"Realisasinya {real} terhadap batas {target}, sehingga capaian {capaian}" +
                     (f" ({grade})" if grade else ""))
    elif isinstance(rec.skala, str) and rec.skala:
        labels = rec.skala.split("/")
        parts.append(f"Indikator {name} diukur pada skala {join_id(labels, 'dan')} (dari yang terendah)")
        parts.append(f"Realisasinya {real} terhadap target {target}, sehingga capaian {capaian}" +
                     (f" ({grade})" if grade else ""))
    else:
        verb = pick(rec.kode, ["terealisasi", "mencapai realisasi", "terwujud sebesar"])
        parts.append(f"Indikator {name} {verb} {real} dari target {target}, dengan capaian {capaian}" +
                     (f" ({grade})" if grade else ""))
    parts.append(_verdict(f))
    evidence = next((clause(n[3]) for n in reversed(f.notes) if not _blank(n[3])), "")  # the period's last
    if evidence:
        parts.append(f"Bukti dukung: {evidence}")
    return " ".join(sentence(p) for p in parts if p)


def _verdict(f: Facts) -> str:
    rec = f.rec
    if rec.status != TERCAPAI:
        gap = ("" if _missing(rec.target) or _missing(rec.realisasi) or rec.realisasi_teks
               else f"; selisihnya {amount(abs(rec.target - rec.realisasi), rec.satuan)}")
        return f"Target tahun {f.tahun} belum tercapai{gap}"
    reached = _reached_in(f)
    above = not _missing(rec.capaian) and rec.capaian > 100.0 + 1e-9
    when = f" sejak triwulan {roman(reached)}" if reached and reached < 4 else ""
    if above:
        capped = (f", dicatat {format_percent(rec.capaian_dicap)} sesuai batas capaian"
                  if f.cap is not None and rec.capaian > f.cap else "")
        return (f"Target terlampaui{when}: capaian sebenarnya {format_percent(rec.capaian)}{capped}, sehingga target "
                f"tahun berikutnya perlu ditetapkan lebih menantang")
    if rec.target_arah and isinstance(rec.target_arah, str):
        return f"Ambang target terpenuhi{when}"
    return f"Target tercapai{when}" if when else "Target tercapai pada akhir tahun"


# --- 2-4. comparisons -------------------------------------------------------------------------------

def history_paragraph(f: Facts) -> str | None:
    """The earlier years in short sentences of figures (the chapter says what the comparison rests on)."""
    years = f.comparison.get("tahun_sebelumnya", [])
    if not years:
        return None
    rec, ordered = f.rec, list(reversed(years))
    values = [f"{amount(y['realisasi'], rec.satuan)} ({y['tahun']})" for y in ordered]
    text = [f"Realisasi tahun sebelumnya: {join_id(values)}"]
    trend, last = f.comparison.get("tren"), years[0]
    now = format_percent(rec.capaian_dicap)
    if trend == "naik":
        text.append(f"Capaian naik dari {format_percent(last['capaian'])} ({last['tahun']}) menjadi {now}")
    elif trend == "turun":
        text.append(f"Capaian turun dari {format_percent(last['capaian'])} ({last['tahun']}) menjadi {now}")
    elif trend == "stabil":
        text.append(f"Capaian stabil pada {now} sejak {ordered[0]['tahun']}")
    elif trend == "fluktuatif":
        text.append(f"Capaian berfluktuasi, dari {format_percent(ordered[0]['capaian'])} ({ordered[0]['tahun']}) "
                    f"menjadi {now}")
    lower = [y for y in years if not _missing(y["target"]) and not _missing(rec.target) and rec.target < y["target"]]
    if lower:
        text.append(f"Target {f.tahun} lebih rendah dari target {lower[0]['tahun']}")
    return " ".join(sentence(t) for t in text)


def renstra_paragraph(f: Facts) -> str | None:
    renstra = f.comparison.get("renstra", {})
    if renstra.get("target") is None:
        return None
    rec = f.rec
    text = f"Target jangka menengah (Renstra KPU) {amount(renstra['target'], rec.satuan)}"
    if renstra.get("capaian") is None:
        return sentence(text) + " " + sentence("Kemajuannya belum dapat dihitung")
    return sentence(text) + " " + sentence(f"Kemajuan terhadapnya {format_percent(renstra['capaian'])}")


def source_name(text: str) -> str:
    """A benchmark's source as the prose names it: the publisher or document, before the details
    (the full citation is in the lineage workbook)."""
    head = re.split(r"[:;]|\s\(|, https?://", str(text), maxsplit=1)[0].strip()
    return head if len(head.split()) <= 14 else " ".join(head.split()[:14]) + " …"


def benchmark_paragraph(f: Facts) -> str | None:
    rows = f.comparison.get("pembanding", [])
    if not rows:
        return None
    rec, parts = f.rec, []
    for b in rows:
        level = LEVEL_NAMES.get(b["tingkat"], b["tingkat"])
        figure = amount(b["nilai"], rec.satuan)
        text = f"Pembanding {level} {b['wilayah']} {b['tahun']}: {figure} (sumber: {source_name(b['sumber'])})"
        if b["selisih"] is not None and abs(b["selisih"]) > 1e-9:
            difference = amount(abs(b["selisih"]), "poin" if rec.satuan == "%" else rec.satuan)
            text += f"; realisasi kantor {difference} {'di atas' if b['selisih'] > 0 else 'di bawah'}nya"
        elif b["selisih"] is not None:
            text += "; realisasi kantor setara"
        parts.append(sentence(text))
    better = [b for b in rows if b["lebih_baik"] is True]
    worse = [b for b in rows if b["lebih_baik"] is False]
    if worse and not better:
        parts.append(sentence("Kinerja kantor masih di bawah seluruh pembanding"))
    elif better and not worse:
        parts.append(sentence("Kinerja kantor melampaui seluruh pembanding"))
    return " ".join(parts)


# --- 5. causes and efforts ------------------------------------------------------------------------

def causes_paragraph(f: Facts) -> str:
    """Why the figure is what it is, from what staff wrote (each quarter's obstacle with its own
    remedy, the latest first); an obstacle is never presented as a cause of success."""
    rec = f.rec
    noted = [(n[0], clause(n[1]), clause(n[2]) if not _blank(n[2]) else "") for n in reversed(f.notes)
             if not _blank(n[1])]
    met = rec.status == TERCAPAI
    done = [a for a in f.activities if a.tepat_waktu + a.terlambat_selesai > 0]
    parts = []
    reported = quarters_text([n[0] for n in f.notes])
    if met:
        drivers = join_id([lower_first(a.aktivitas, name=True) for a in done[:3]])
        smooth = "" if noted else f", yang berjalan tanpa kendala berarti sepanjang {reported or 'tahun berjalan'}"
        parts.append(f"Keberhasilan ditopang oleh langkah yang dilakukan, yaitu {drivers}{smooth}" if drivers else
                     f"Keberhasilan {subject(rec)} dicapai tanpa kegiatan pendukung yang tercatat di RAK" +
                     ("" if noted else " dan tanpa kendala yang dicatat"))
        for tw, kendala, upaya in noted[:2]:
            parts.append(f"Pada triwulan {roman(tw)} sempat terjadi kendala: {kendala}" +
                         (f"; upaya yang dilakukan: {upaya}" if upaya else ""))
    elif _missing(rec.capaian):
        parts.append(f"Pelaporan realisasi {subject(rec)} perlu dilengkapi pada formulir triwulan berikutnya")
    else:
        if noted:
            tw, kendala, upaya = noted[0]
            parts.append(f"Target belum tercapai karena kendala pada triwulan {roman(tw)}: {kendala}")
            if upaya:
                parts.append(f"Upaya yang telah dilakukan: {upaya}")
            earlier = [n for n in noted[1:] if n[1] != kendala]
            if earlier:
                parts.append(f"Sebelumnya, pada {quarters_text([n[0] for n in earlier])}, tercatat pula: "
                             + "; ".join(n[1] for n in earlier[:2]))
        else:
            late = [lower_first(a.aktivitas, name=True) for a in f.activities if a.belum_selesai > 0]
            parts.append(f"Target belum tercapai; {join_id(late)} belum selesai" if late else
                         f"Penyebab belum tercapainya {subject(rec)} tidak dicatat pada formulir realisasi")
    return " ".join(sentence(p) for p in parts)


def forward_step(f: Facts) -> str:
    """A step staff already set for the next year in their latest upaya ('untuk RAK 2025 …',
    '… pemilihan berikutnya …'), as a clause; '' when there is none."""
    latest = next((clause(n[2]) for n in reversed(f.notes) if not _blank(n[2])), "")
    steps = [part.strip() for part in latest.split(";")
             if str(f.tahun + 1) in part or re.search(r"\b(berikutnya|tahun depan|ke depan)\b", part)]
    return steps[-1] if steps else ""


def short_clause(text: str, words: int = 25) -> str:
    """The heart of what staff wrote: after a leading 'figure: explanation' colon, before a ';'."""
    head, _, rest = text.partition(":")
    core = rest.strip() if rest and len(rest.split()) >= 5 else text
    core = core.split(";")[0].strip()
    return core if len(core.split()) <= words else " ".join(core.split()[:words]).rstrip(",") + " …"


def main_cause(f: Facts) -> str:
    """The obstacle staff named last (the one standing at the end of the period), as a clause."""
    latest = distinct(n[1] for n in reversed(f.notes))
    return latest[0] if latest else ""


def _blank(text) -> bool:
    return not distinct([text])


# --- 7. the activities ------------------------------------------------------------------------------

def _activity_state(a) -> str:
    finished = [d for d in a.bulan_selesai if d is not None]
    if a.belum_selesai == 0 and a.dikecualikan == 0 and a.terlambat_selesai == 0:
        return f"selesai sesuai jadwal ({month_name(finished[-1])})" if finished else "selesai sesuai jadwal"
    if a.belum_selesai == 0 and a.dikecualikan == 0:
        late = [(p, d) for p, d in zip(a.bulan_rencana, a.bulan_selesai) if d is not None and d > p]
        p, d = late[0]
        return f"selesai terlambat ({month_name(d)}, rencana {month_name(p)})"
    if a.dikecualikan and not a.belum_selesai:
        return lower_first(a.status_akhir) if a.status_akhir else "dikecualikan"
    pending = [p for p, d in zip(a.bulan_rencana, a.bulan_selesai) if d is None]
    return f"belum selesai (rencana {month_name(pending[0])})" if pending else "belum selesai"


def activities_paragraph(f: Facts) -> str:
    if not f.activities:
        return sentence(f"Indikator {subject(f.rec)} tidak memiliki kegiatan pendukung dengan jadwal di RAK")
    items = [f"{lower_first(a.aktivitas, name=True)} oleh {a.pelaksana}, {_activity_state(a)}" for a in f.activities]
    done = sum(1 for a in f.activities if a.belum_selesai == 0 and a.dikecualikan == 0)
    if done == len(items):
        lead = {1: "Kegiatan pendukungnya terlaksana", 2: "Kedua kegiatan pendukung terlaksana"}.get(
            len(items), f"Seluruh {len(items)} kegiatan pendukung terlaksana")
    else:
        lead = f"{done} dari {len(items)} kegiatan pendukung terlaksana"
    return sentence(lead) + " " + sentence("Rinciannya: " + "; ".join(items))


# --- the recommendation -----------------------------------------------------------------------------

def recommendation(f: Facts, no: str) -> Rekomendasi | None:
    """For an indicator below target (or not reported): what to do, who, by when."""
    rec = f.rec
    if rec.status == TERCAPAI:
        return None
    unit = f.unit or "Sub Bagian Perencanaan, Data dan Informasi"
    cause = short_clause(main_cause(f)) if main_cause(f) else ""
    pending = [a for a in f.activities if a.belum_selesai > 0]
    planned = sorted((min(a.bulan_rencana), a.aktivitas) for a in f.activities if a.bulan_rencana)
    first_month = planned[0][0] if planned else 1
    when = f"Triwulan {roman((first_month - 1) // 3 + 1)} Tahun {f.tahun + 1}"
    planned_step = forward_step(f)
    if _missing(rec.capaian):
        action = f"Melengkapi pengukuran dan pelaporan realisasi {subject(rec)} setiap triwulan"
    elif planned_step:
        action = (f"Menuntaskan langkah yang telah ditetapkan, yaitu {planned_step}, agar {subject(rec)} mencapai "
                  f"target Tahun {f.tahun + 1}")
    elif cause:
        action = (f"Mengantisipasi penyebab yang sama ({cause}) sejak perencanaan kegiatan Tahun {f.tahun + 1}, "
                  f"dengan tenggat antara yang dipantau setiap bulan, agar target {subject(rec)} tercapai")
    elif pending:
        names = join_id([lower_first(a.aktivitas, name=True) for a in pending[:2]])
        action = f"Menjadwalkan ulang dan menuntaskan {names}"
    else:
        action = f"Mengevaluasi target dan cara pencapaian {subject(rec)}"
    return {"indikator": f"{no}. {rec.indikator}", "rekomendasi": sentence(action), "penanggung_jawab": unit,
            "waktu": when}


def analyse(f: Facts, no: str) -> tuple[list[Butir], list[Rekomendasi]]:
    """The analysis points the indicator's data supports, and its recommendation."""
    points: list[Butir] = [{"label": "Capaian", "teks": capaian_paragraph(f)}]
    for label, text in (("Perbandingan dengan tahun sebelumnya", history_paragraph(f)),
                        ("Perbandingan dengan target jangka menengah", renstra_paragraph(f)),
                        ("Perbandingan dengan pembanding", benchmark_paragraph(f))):
        if text:
            points.append({"label": label, "teks": text})
    points.append({"label": "Penyebab dan upaya", "teks": causes_paragraph(f)})
    points.append({"label": "Kegiatan pendukung", "teks": activities_paragraph(f)})
    advice = recommendation(f, no)
    if advice:
        points.append({"label": "Rekomendasi", "teks": sentence(
            f"{advice['penanggung_jawab']} {clause(advice['rekomendasi'])}, mulai {advice['waktu']}")})
    return points, [advice] if advice else []
