"""The LKIP's chapter-level text computed from the year's figures: the Ikhtisar, Bab III's opening,
what the comparisons rest on (said once for the chapter), each kegiatan's paragraph, the budget and
efficiency narrative, the charts' discussion, and Bab IV's conclusion. Pure functions of Measures;
sentences vary with the facts (a year where everything was met reads differently from one where
most failed)."""

from __future__ import annotations

import pandas as pd

from contracts.capaian import AnggaranKegiatan, CapaianIndikator
from tasks.frames import row_dicts, row_tuples
from tasks.measuring.capaian import BELUM_DILAPORKAN, TERCAPAI
from tasks.measuring.figures import Measures
from tasks.reading.settings import Settings
from tasks.reporting.fmt import format_money, format_percent
from tasks.reporting.words import join_id, lower_first, month_name, runs, sentence


def _known(value) -> bool:
    return value is not None and not pd.isna(value)


def _counts(m: Measures) -> dict:
    status = m.capaian[CapaianIndikator.status]
    return {"jumlah": len(m.capaian), "tercapai": int((status == TERCAPAI).sum()),
            "belum_dilaporkan": int((status == BELUM_DILAPORKAN).sum()),
            "belum": int(((status != TERCAPAI) & m.capaian[CapaianIndikator.capaian].notna()).sum()),
            "tak_terhitung": int(((status != TERCAPAI) & m.capaian[CapaianIndikator.capaian].isna()).sum())}


def numbered(m: Measures) -> dict[str, str]:
    """Indicator code -> its number in the report (RAK order, as every table and chart numbers them)."""
    return {kode: str(no) for no, kode in enumerate(m.capaian[CapaianIndikator.kode], start=1)}


def _failed(m: Measures) -> list:
    return [r for r in row_tuples(m.capaian) if r.status != TERCAPAI]


def budget_totals(m: Measures) -> tuple[float | None, float | None]:
    if m.anggaran.empty:
        return None, None
    a = AnggaranKegiatan
    pagu = float(m.anggaran[a.pagu].sum(min_count=1)) if m.anggaran[a.pagu].notna().any() else None
    return pagu, float(m.anggaran[a.realisasi].sum())


def serapan_total(m: Measures) -> float | None:
    pagu, real = budget_totals(m)
    return real / pagu * 100 if pagu else None


def _band_counts(m: Measures, settings: Settings) -> list[tuple[str, int]]:
    counts = m.capaian[CapaianIndikator.kategori].value_counts()
    return [(b.label, int(counts.get(b.label, 0))) for b in settings.kategori if counts.get(b.label, 0)]


# --- Ikhtisar Eksekutif -----------------------------------------------------------------------------

def ikhtisar(m: Measures, satker: str, settings: Settings) -> list[str]:
    c = _counts(m)
    tahun, no = m.period.tahun, numbered(m)
    kegiatan = m.capaian[CapaianIndikator.kegiatan_kode].nunique()
    text = [f"Pada tahun {tahun}, {satker} menetapkan {c['jumlah']} indikator kinerja pada {kegiatan} kegiatan "
            "dalam Perjanjian Kinerja"]
    printed = m.capaian[CapaianIndikator.capaian_dicap].dropna()
    mean = f", dengan rata-rata capaian {format_percent(printed.mean())}" if not printed.empty else ""
    if c["tercapai"] == c["jumlah"]:
        text.append(f"Seluruh indikator tersebut tercapai{mean}")
    elif c["tercapai"] == 0:
        text.append(f"Tidak satu pun indikator mencapai targetnya{mean}")
    else:
        parts = [f"{c['tercapai']} indikator tercapai"]
        if c["belum"]:
            parts.append(f"{c['belum']} belum tercapai")
        if c["belum_dilaporkan"]:
            parts.append(f"{c['belum_dilaporkan']} belum dilaporkan")
        if c["tak_terhitung"] - c["belum_dilaporkan"]:
            parts.append(f"{c['tak_terhitung'] - c['belum_dilaporkan']} belum dapat dihitung")
        text.append(f"Sebanyak {join_id(parts)}{mean}")
    bands = _band_counts(m, settings)
    if bands:
        text.append("Menurut kategori capaian, " + join_id([f"{n} indikator {label}" for label, n in bands]))
    failed = _failed(m)
    if failed and len(failed) <= 8:
        text.append("Indikator yang belum mencapai target adalah " + join_id(
            [f"nomor {no[r.kode]} ({lower_first(r.indikator, name=True)}, {format_percent(r.capaian_dicap)})"
             if _known(r.capaian) else f"nomor {no[r.kode]} ({lower_first(r.indikator, name=True)}, {r.status})"
             for r in failed]))
    elif failed:
        text.append(f"Indikator yang belum mencapai target, {len(failed)} indikator, diuraikan pada Bab III dan "
                    "Bab IV")
    paragraphs = [" ".join(sentence(t) for t in text)]
    money = budget_sentence(m)
    schedule = schedule_sentence(m)
    if money or schedule:
        paragraphs.append(" ".join(s for s in (money, schedule, efficiency_sentence(m)) if s))
    return paragraphs


def budget_sentence(m: Measures) -> str:
    pagu, real = budget_totals(m)
    if not pagu:
        return ""
    return sentence(f"Realisasi anggaran mencapai {format_money(real)} dari pagu {format_money(pagu)}, atau serapan "
                    f"{format_percent(real / pagu * 100)}")


def schedule_sentence(m: Measures) -> str:
    if m.jadwal.empty:
        return ""
    row = m.jadwal.iloc[-1]
    counted = int(row["rencana_sd"]) - int(row["dikecualikan_sd"])
    if not counted:
        return ""
    excused = (f" ({int(row['dikecualikan_sd'])} lainnya ditunda, dibatalkan atau tidak dilaksanakan)"
               if row["dikecualikan_sd"] else "")
    return sentence(f"Dari {counted} jadwal aktivitas Rencana Aksi sampai {month_name(int(row['bulan']))}, "
                    f"{int(row['selesai_sd'])} terlaksana{excused}, sehingga kepatuhan jadwal "
                    f"{format_percent(row['kepatuhan'])}")


def efficiency_sentence(m: Measures) -> str:
    if m.efisiensi.empty:
        return ""
    judged = [r for r in row_dicts(m.efisiensi) if r["efisien"] is not None]
    if not judged:
        return ""
    good = sum(bool(r["efisien"]) for r in judged)
    if good == len(judged):
        return sentence(f"Seluruh {len(judged)} kegiatan menggunakan anggaran secara efisien")
    return sentence(f"{good} dari {len(judged)} kegiatan menggunakan anggaran secara efisien")


# --- Bab III -------------------------------------------------------------------------------------------

def bab3_opening(m: Measures, satker: str) -> list[str]:
    c = _counts(m)
    return [sentence(f"Pengukuran kinerja {satker} Tahun {m.period.tahun} membandingkan realisasi setiap "
                     f"indikator Perjanjian Kinerja dengan targetnya; hasil {c['jumlah']} indikator disajikan pada "
                     "Tabel 3.1, kemudian dianalisis per kegiatan")]


def availability(m: Measures) -> list[str]:
    """Once for the chapter: which comparisons the data supports, and for which indicators not."""
    no = numbered(m)
    have = {"riwayat": [], "renstra": [], "pembanding": []}
    for kode, comparison in m.perbandingan.items():
        if comparison.get("tahun_sebelumnya"):
            have["riwayat"].append(kode)
        if comparison.get("renstra", {}).get("target") is not None:
            have["renstra"].append(kode)
        if comparison.get("pembanding"):
            have["pembanding"].append(kode)
    total = len(m.capaian)
    words = {"riwayat": "realisasi tahun-tahun sebelumnya", "renstra": "target jangka menengah Renstra KPU",
             "pembanding": "angka pembanding nasional, provinsi atau kantor sejawat"}
    text = []
    for key, label in words.items():
        found = have[key]
        if len(found) == total:
            text.append(f"Perbandingan dengan {label} tersedia untuk seluruh indikator")
        elif not found:
            text.append(f"Data {label} belum tersedia untuk satu pun indikator, sehingga perbandingan tersebut "
                        "belum dapat disajikan")
        else:
            missing = [no[k] for k in no if k not in found]
            text.append(f"Perbandingan dengan {label} disajikan untuk {len(found)} indikator; untuk indikator nomor "
                        f"{_numbers(missing)} data tersebut belum tersedia")
    return [" ".join(sentence(t) for t in text)]


def _numbers(numbers: list[str]) -> str:
    """'1–3, 5 dan 9' from ['1', '2', '3', '5', '9']."""
    return join_id([f"{r[0]}–{r[-1]}" if len(r) > 2 else ", ".join(map(str, r)) for r in runs(numbers)])


def capaian_chart_text(m: Measures, settings: Settings) -> list[str]:
    no = numbered(m)
    printed = m.capaian[CapaianIndikator.capaian_dicap]
    lowest = [r for r in row_tuples(m.capaian) if _known(r.capaian_dicap) and r.capaian_dicap < 100]
    bands = _band_counts(m, settings)
    text = ["Grafik 3.1 menyajikan capaian setiap indikator menurut nomor pada Tabel 3.1, dengan latar kategori "
            "capaian"]
    if bands:
        top_label, top_n = max(bands, key=lambda b: b[1])
        text.append(f"Sebagian besar indikator, {top_n} dari {len(m.capaian)}, berada pada kategori {top_label}"
                    if top_n * 2 > len(m.capaian) else f"Kategori terbanyak adalah {top_label} ({top_n} indikator)")
    if lowest:
        lowest.sort(key=lambda r: r.capaian_dicap)
        text.append("Capaian di bawah 100% terlihat pada indikator nomor " + join_id(
            [f"{no[r.kode]} ({format_percent(r.capaian_dicap)})" for r in lowest[:6]]))
    missing = int(printed.isna().sum())
    if missing:
        text.append(f"{missing} indikator tanpa batang karena capaiannya belum dapat dihitung")
    return [" ".join(sentence(t) for t in text)]


def kegiatan_paragraph(m: Measures, kode: str, nama: str) -> str:
    rows = [r for r in row_tuples(m.capaian) if r.kegiatan_kode == kode]
    met = sum(r.status == TERCAPAI for r in rows)
    name = lower_first(nama, name=True)
    if met == len(rows):
        text = [f"Seluruh {len(rows)} indikator kegiatan {name} tercapai" if len(rows) > 1 else
                f"Indikator kegiatan {name} tercapai"]
    else:
        text = [f"Kegiatan {name} mencapai target pada {met} dari {len(rows)} indikator"]
    eff = [r for r in row_dicts(m.efisiensi) if r["kegiatan_kode"] == kode] if not m.efisiensi.empty else []
    if eff and _known(eff[0]["serapan"]):
        row = eff[0]
        text.append(f"Anggarannya terserap {format_percent(row['serapan'])} dengan rata-rata capaian kinerja "
                    f"{format_percent(row['capaian_kinerja'])}")
        if row["efisien"] is True:
            gap = (row["capaian_kinerja"] or 0) - row["serapan"]
            text.append("Penggunaan anggaran efisien" + (f": capaian melebihi serapan {format_percent(gap)[:-1]} poin"
                                                         if gap >= 0.5 else ""))
        elif row["efisien"] is False:
            text.append("Penggunaan anggaran belum efisien karena serapan melampaui capaian kinerja")
    return " ".join(sentence(t) for t in text)


# --- Bab IV ----------------------------------------------------------------------------------------------

def conclusion(m: Measures, satker: str, settings: Settings, causes: dict[str, str]) -> list[str]:
    """Bab IV A: what the year achieved, what was missed and why (`causes`: the obstacle each
    indicator's forms named last), budget, schedule and efficiency; the office's own paragraphs follow."""
    c, no = _counts(m), numbered(m)
    share = c["tercapai"] / c["jumlah"] if c["jumlah"] else 0
    lead = ("seluruh" if share == 1 else "sebagian besar" if share >= 0.75 else "lebih dari separuh"
            if share > 0.5 else "separuh" if share == 0.5 else "kurang dari separuh")
    text = [f"Pada Tahun {m.period.tahun}, {satker} mencapai target pada {lead} indikator kinerjanya, yaitu "
            f"{c['tercapai']} dari {c['jumlah']} indikator"]
    bands = _band_counts(m, settings)
    if bands:
        text.append("Sebarannya: " + join_id([f"{n} indikator {label}" for label, n in bands]))
    paragraphs = [" ".join(sentence(t) for t in text)]
    for r in _failed(m):
        figure = format_percent(r.capaian_dicap) if _known(r.capaian) else r.status
        cause = causes.get(r.kode, "")
        reason = (f" terutama karena {cause}" if cause and _known(r.capaian) else
                  " karena realisasinya belum dilaporkan" if not _known(r.capaian) else "")
        name = lower_first(r.indikator, name=True)
        paragraphs.append(sentence(f"Indikator nomor {no[r.kode]}, {name}, belum mencapai target ({figure}){reason}"))
    tail = " ".join(s for s in (budget_sentence(m), schedule_sentence(m), efficiency_sentence(m)) if s)
    if tail:
        paragraphs.append(tail)
    easy = easy_targets(m)
    if easy:
        paragraphs.append(sentence(f"Indikator nomor {_numbers(easy)} mencapai 100% setiap tahun sejak "
                                   f"{_first_year(m, easy)} dengan target yang tidak berubah; target Tahun "
                                   f"{m.period.tahun + 1} untuk indikator tersebut perlu ditetapkan lebih menantang"))
    return paragraphs


def easy_targets(m: Measures) -> list[str]:
    """Numbers of the indicators met every year of their history and this year, at the same target: the
    LKE's 'target too easy' (1.b.7)."""
    no, found = numbered(m), []
    for r in row_tuples(m.capaian):
        years = m.perbandingan.get(r.kode, {}).get("tahun_sebelumnya", [])
        if (len(years) >= 2 and r.status == TERCAPAI and all(y["status"] == TERCAPAI for y in years)
                and all(_known(y["target"]) and y["target"] == r.target for y in years)):
            found.append(no[r.kode])
    return found


def _first_year(m: Measures, numbers: list[str]) -> int:
    no = numbered(m)
    codes = [k for k, n in no.items() if n in set(numbers)]
    return min(y["tahun"] for k in codes for y in m.perbandingan[k]["tahun_sebelumnya"])
