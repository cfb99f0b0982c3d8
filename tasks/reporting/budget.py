"""Bab III B of the LKIP: the budget per funding source with subtotals, its narrative, the chart's
discussion, and the efficiency of each kegiatan (capaian kinerja against serapan anggaran)."""

from __future__ import annotations

import pandas as pd

from contracts.capaian import AnggaranKegiatan
from contracts.context import AnggaranLkip, BarisAnggaran, BarisEfisiensi, SumberAnggaran
from tasks.frames import row_dicts, row_tuples
from tasks.measuring.figures import Measures
from tasks.reading.profile import Profile
from tasks.reporting.fmt import format_money, format_percent
from tasks.reporting.words import join_id, lower_first, month_name, sentence


def _known(value) -> bool:
    return value is not None and not pd.isna(value)


def _row(kegiatan: str, sumber: str, pagu, real, rpd, money=format_money) -> BarisAnggaran:
    serapan = real / pagu * 100 if _known(pagu) and pagu else None
    deviasi = None if real is None or rpd is None else real - rpd
    return {"kegiatan": kegiatan, "sumber_dana": sumber, "pagu": money(pagu), "realisasi": money(real),
            "rpd": money(rpd), "serapan": format_percent(serapan), "deviasi": money(deviasi),
            "deviasi_persen": format_percent(deviasi / rpd * 100 if deviasi is not None and rpd else None)}


def source_names(profile: Profile) -> dict[str, str]:
    return {s.kode: s.nama for s in profile.sumber_dana}


def _sums(rows: list) -> tuple[float | None, float, float]:
    pagus = [r.pagu for r in rows if _known(r.pagu)]
    return (sum(pagus) if pagus else None), sum(r.realisasi for r in rows), sum(r.rpd for r in rows)


def budget_by_source(m: Measures, profile: Profile, money=format_money) -> tuple[list[SumberAnggaran], BarisAnggaran]:
    """The kegiatan rows of each funding source (in the profile's order) with their subtotal, and the total
    (`money`: how rupiah are printed)."""
    names = source_names(profile)
    rows = list(row_tuples(m.anggaran)) if not m.anggaran.empty else []
    order = [s.kode for s in profile.sumber_dana] + sorted({r.sumber_dana for r in rows} - set(names))
    sources = []
    for code in order:
        own = [r for r in rows if r.sumber_dana == code]
        if not own:
            continue
        pagu, real, rpd = _sums(own)
        sources.append({"nama": names.get(code, code),
                        "baris": [_row(r.kegiatan, names.get(code, code), r.pagu, r.realisasi, r.rpd, money)
                                  for r in own],
                        "subtotal": _row(f"Jumlah {names.get(code, code)}", "", pagu, real, rpd, money)})
    pagu, real, rpd = _sums(rows)
    return sources, _row("Jumlah seluruh sumber dana", "", pagu, real if rows else None, rpd if rows else None,
                         money)


def budget_paragraphs(m: Measures, profile: Profile) -> list[str]:
    if m.anggaran.empty:
        return [sentence("Data anggaran belum dilaporkan pada formulir realisasi, sehingga realisasi anggaran belum "
                         "dapat disajikan")]
    names = source_names(profile)
    rows = list(row_tuples(m.anggaran))
    pagu, real, _ = _sums(rows)
    text = [f"Pagu anggaran Tahun {m.period.tahun} sebesar {format_money(pagu)} terealisasi {format_money(real)} "
            f"atau {format_percent(real / pagu * 100 if pagu else None)}"]
    per_source = []
    for code in dict.fromkeys(r.sumber_dana for r in rows):
        own = [r for r in rows if r.sumber_dana == code]
        p, r_, _ = _sums(own)
        per_source.append(f"{names.get(code, code)} {format_percent(r_ / p * 100 if p else None)} dari "
                          f"{format_money(p)}")
    if len(per_source) > 1:
        text.append("Menurut sumber dana, serapan " + join_id(per_source))
    low = sorted((r for r in rows if _known(r.serapan) and r.pagu), key=lambda r: r.serapan)[:2]
    if low and low[0].serapan < 90:
        text.append("Serapan terendah terdapat pada " + join_id(
            [f"kegiatan {lower_first(r.kegiatan, name=True)} ({names.get(r.sumber_dana, r.sumber_dana)}, "
             f"{format_percent(r.serapan)})" for r in low if r.serapan < 90]))
    unspent = pagu - real if pagu else None
    if unspent and unspent > 0:
        text.append(f"Sisa anggaran yang tidak terserap sebesar {format_money(unspent)}")
    return [" ".join(sentence(t) for t in text)]


def budget_chart_text(m: Measures) -> list[str]:
    """Grafik 3.2: where cumulative realisation ran behind or ahead of the plan (RPD)."""
    months = m.anggaran_bulanan
    if months.empty:
        return []
    worst = months.loc[months["deviasi"].idxmin()]
    last = months.iloc[-1]
    text = ["Grafik 3.2 membandingkan realisasi kumulatif dengan rencana penarikan dana (RPD) setiap bulan"]
    if worst["deviasi"] < 0 and int(worst["bulan"]) != int(last["bulan"]):
        text.append(f"Realisasi paling jauh tertinggal dari rencana pada bulan {month_name(int(worst['bulan']))}, "
                    f"sebesar {format_money(-worst['deviasi'])}")
    elif worst["deviasi"] >= 0:
        text.append("Realisasi tidak pernah tertinggal dari rencana sepanjang tahun")
    if last["deviasi"] < 0:
        text.append(f"Sampai {month_name(int(last['bulan']))}, realisasi kumulatif masih di bawah RPD sebesar "
                    f"{format_money(-last['deviasi'])}")
    elif last["deviasi"] > 0:
        text.append(f"Sampai {month_name(int(last['bulan']))}, realisasi kumulatif melampaui RPD sebesar "
                    f"{format_money(last['deviasi'])}")
    else:
        text.append(f"Sampai {month_name(int(last['bulan']))}, realisasi kumulatif sama dengan RPD")
    return [" ".join(sentence(t) for t in text)]


def schedule_chart_text(m: Measures) -> list[str]:
    """Grafik 3.3: adherence to the RAK's schedule month by month."""
    if m.jadwal.empty or m.jadwal["kepatuhan"].isna().all():
        return []
    known = m.jadwal[m.jadwal["kepatuhan"].notna()]
    worst = known.loc[known["kepatuhan"].idxmin()]
    text = ["Grafik 3.3 memperlihatkan kepatuhan pelaksanaan jadwal Rencana Aksi dari bulan ke bulan"]
    text.append(f"Kepatuhan terendah terjadi pada bulan {month_name(int(worst['bulan']))} "
                f"({format_percent(worst['kepatuhan'])}), ketika {int(worst['terlambat'])} jadwal aktivitas "
                "belum terlaksana" if worst["kepatuhan"] < 100 else
                "Seluruh jadwal aktivitas terlaksana tepat waktu setiap bulan")
    units = [u for u in row_tuples(m.jadwal_pelaksana) if _known(u.kepatuhan) and u.kepatuhan < 100]
    if units:
        units.sort(key=lambda u: u.kepatuhan)
        text.append("Sub bagian dengan jadwal yang belum seluruhnya terlaksana: " + join_id(
            [f"{u.pelaksana} ({format_percent(u.kepatuhan)})" for u in units[:3]]))
    return [" ".join(sentence(t) for t in text)]


def efficiency_rows(m: Measures, names: dict[str, str], numbers: dict[str, str]) -> list[BarisEfisiensi]:
    if m.efisiensi.empty:
        return []
    rows = []
    for r in row_dicts(m.efisiensi):
        verdict = {True: "efisien", False: "belum efisien", None: "tidak dapat dinilai"}[r["efisien"]]
        rows.append({"no": numbers.get(r["kegiatan_kode"], ""), "kegiatan": names.get(r["kegiatan_kode"], ""),
                     "capaian": format_percent(r["capaian_kinerja"]), "serapan": format_percent(r["serapan"]),
                     "indeks": format_percent(None if r["indeks_efisiensi"] is None else r["indeks_efisiensi"] * 100),
                     "penilaian": verdict})
    return rows


def efficiency_paragraphs(m: Measures, names: dict[str, str]) -> list[str]:
    if m.efisiensi.empty:
        return []
    rows = row_dicts(m.efisiensi)
    judged = [r for r in rows if r["efisien"] is not None]
    good = [r for r in judged if r["efisien"]]
    rule = ("kegiatan dinilai efisien bila rata-rata capaian kinerjanya tidak lebih rendah dari serapan anggarannya"
            if rows[0]["aturan"] == "capaian_vs_serapan" else
            "kegiatan dinilai efisien bila biaya per keluaran yang terealisasi tidak melebihi biaya per keluaran "
            "yang direncanakan")
    text = [f"Efisiensi penggunaan sumber daya diukur per kegiatan: {rule}"]
    text.append(f"Seluruh {len(judged)} kegiatan yang dapat dinilai tergolong efisien" if len(good) == len(judged)
                else f"{len(good)} dari {len(judged)} kegiatan yang dapat dinilai tergolong efisien")
    bad = [r for r in judged if not r["efisien"]]
    if bad:
        text.append("Kegiatan yang belum efisien adalah " + join_id(
            [f"{lower_first(names.get(r['kegiatan_kode'], r['kegiatan_kode']), name=True)} (capaian "
             f"{format_percent(r['capaian_kinerja'])}, serapan {format_percent(r['serapan'])})" for r in bad]))
    indices = [r["indeks_efisiensi"] for r in judged if r["indeks_efisiensi"] is not None]
    if indices:
        mean = sum(indices) / len(indices) * 100
        text.append(f"Rata-rata indeks efisiensi seluruh kegiatan {format_percent(mean)}; nilai positif berarti "
                    "biaya per keluaran lebih rendah dari yang direncanakan, nilai negatif sebaliknya")
    return [" ".join(sentence(t) for t in text)]


def anggaran_context(m: Measures, profile: Profile, names: dict[str, str], numbers: dict[str, str]) -> AnggaranLkip:
    sources, total = budget_by_source(m, profile)
    return {"paragraf": budget_paragraphs(m, profile), "sumber": sources, "total": total,
            "grafik_anggaran": budget_chart_text(m), "grafik_jadwal": schedule_chart_text(m),
            "efisiensi": efficiency_rows(m, names, numbers),
            "efisiensi_paragraf": efficiency_paragraphs(m, names)}


def initial_budget(m: Measures) -> dict[str, float]:
    """Per kegiatan, the pagu as it stood at the first quarter (the budget of the Perjanjian Kinerja)."""
    if m.anggaran_awal.empty:
        return {}
    a = AnggaranKegiatan
    return {k: float(v) for k, v in m.anggaran_awal.groupby(a.kegiatan_kode)[a.pagu].sum(min_count=1).items()
            if _known(v)}
