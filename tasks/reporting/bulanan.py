"""The monthly report's context (contracts/context.py BulananContext): one month's figures, formatted."""

from __future__ import annotations

import calendar
import datetime

from contracts.capaian import CapaianIndikator
from contracts.context import BulananContext, Gambar
from tasks.frames import row_tuples
from tasks.measuring.figures import Measures
from tasks.reading.office import OfficeInputs
from tasks.reading.parse import MONTHS_ID
from tasks.reporting.context import (
    NOT_REPORTED,
    OfficeView,
    _text,
    budget_rows,
    indicator_contexts,
    notes_text,
    satker_context,
    signer_context,
)
from tasks.reporting.fmt import format_date, format_money, format_percent, roman


def _month_activities(view: OfficeView, month: int) -> list[dict]:
    status = view.status.get(month, {})
    return [{"kode": kode, "nama": nama, "pelaksana": pelaksana,
             "status": _text(status.get(kode, (None, None))[0]) or NOT_REPORTED,
             "keterangan": _text(status.get(kode, (None, None))[1])}
            for kode, nama, pelaksana in view.planned.get(month, [])]


def last_day(tahun: int, bulan: int) -> datetime.date:
    return datetime.date(tahun, bulan, calendar.monthrange(tahun, bulan)[1])


def bulanan_context(inputs: OfficeInputs, m: Measures, view: OfficeView, images: dict[str, Gambar],
                    charts: bool = True) -> BulananContext:
    """Everything the monthly template prints, formatted (`images`: the charts, or placeholders when
    `charts` is off)."""
    profile, month, tahun = inputs.profile, m.period.bulan, m.period.tahun
    activities = _month_activities(view, month)
    anggaran, total = budget_rows(m.anggaran)
    row = m.jadwal.iloc[-1]
    money = m.anggaran_bulanan.iloc[-1] if not m.anggaran_bulanan.empty else None
    indicators = indicator_contexts(m, view)
    return {
        "satker": satker_context(profile), "tahun": str(tahun), "bulan": MONTHS_ID[month - 1],
        "judul": f"Laporan Perkembangan Pelaksanaan Rencana Aksi, Bulan {MONTHS_ID[month - 1]} Tahun {tahun}",
        "kota_tanggal": f"{profile.kota}, {format_date(last_day(tahun, month))}",
        "penandatangan": signer_context(profile),
        "ringkasan": {
            "direncanakan": str(int(row["direncanakan"])), "selesai": str(int(row["selesai"])),
            "dalam_proses": str(int(row["dalam_proses"])), "terlambat": str(int(row["terlambat"])),
            "belum_dilaporkan": str(int(row["belum_dilaporkan_sd"])),
            "kepatuhan": format_percent(row["kepatuhan"]), "serapan": total["serapan"],
            "anggaran_sd": budget_upto_text(m),
            "realisasi_sd": format_money(None if money is None else money["realisasi_kumulatif"]),
            "rpd_sd": format_money(None if money is None else money["rpd_kumulatif"]),
            "deviasi": format_money(None if money is None else money["deviasi"])},
        "aktivitas": activities,
        "terlambat": [{"kode": r.aktivitas_kode, "nama": r.aktivitas, "pelaksana": r.pelaksana,
                       "bulan_rencana": ", ".join(MONTHS_ID[p - 1] for p in r.bulan_rencana), "status": r.status,
                       "keterangan": r.keterangan} for r in row_tuples(m.terlambat)],
        "sumber_indikator": indicator_source(m),
        "indikator": indicators, "anggaran": anggaran, "anggaran_total": total,
        "kendala": _obstacles(view, indicators, m.period.upto_quarter),
        "per_pelaksana": _per_unit(m, activities),
        "grafik_anggaran": images["anggaran"], "grafik_jadwal": images["jadwal"], "dengan_grafik": charts,
    }


def _obstacles(view: OfficeView, indicators: list[dict], quarter: int) -> list[dict]:
    """The indicators whose form of `quarter` (the last one ended by the month) names an obstacle, with
    the obstacle and the remedy; earlier quarters' obstacles belong to earlier reports."""
    rows = []
    for i in indicators:
        notes = [n for n in view.notes.get(i["kode"], []) if n[0] == quarter]
        kendala = notes_text(notes, "kendala", quarter)
        if kendala:
            rows.append({"indikator": f"{i['no']}. {i['nama']}", "kendala": kendala,
                         "upaya": notes_text(notes, "upaya", quarter) or "-"})
    return rows


def indicator_source(m: Measures) -> str:
    """Indicators are measured per quarter: say which quarter the month's figures come from, and why a
    quarter still running is not used."""
    tahun, month, cut = m.period.tahun, m.period.bulan, m.period.upto_quarter
    if cut == 0:
        return (f"Realisasi indikator diukur per triwulan. Triwulan I berakhir pada 31 Maret {tahun}, sehingga "
                f"sampai akhir bulan {MONTHS_ID[month - 1]} belum ada realisasi indikator yang dapat diukur.")
    ended = format_date(last_day(tahun, 3 * cut))
    reported = m.capaian[CapaianIndikator.triwulan_terakhir].dropna()
    latest = int(reported.max()) if not reported.empty else None
    running = (f"; Triwulan {roman(cut + 1)} yang sedang berjalan baru diukur setelah berakhir"
               if month % 3 else "")
    if latest is None:
        return f"Realisasi indikator s.d. Triwulan {roman(cut)} (berakhir {ended}) belum dilaporkan{running}."
    if latest < cut:
        return (f"Realisasi indikator Triwulan {roman(cut)} (berakhir {ended}) belum dilaporkan; angka di bawah "
                f"adalah realisasi s.d. Triwulan {roman(latest)}, triwulan terakhir yang dilaporkan{running}.")
    return f"Angka di bawah adalah realisasi indikator s.d. Triwulan {roman(cut)} yang berakhir {ended}{running}."


def last_budget_month(m: Measures) -> int | None:
    """The last month up to the report's with a budget realisation reported (None: none yet)."""
    known = m.anggaran_bulanan.dropna(subset=["realisasi"]) if not m.anggaran_bulanan.empty else m.anggaran_bulanan
    return int(known["bulan"].max()) if not known.empty else None


def budget_upto_text(m: Measures) -> str:
    """'s.d. bulan Mei', or, when the month has no figures yet, the last month that has them."""
    month, last = m.period.bulan, last_budget_month(m)
    if last == month:
        return f"s.d. bulan {MONTHS_ID[month - 1]}"
    if last is None:
        return f"s.d. bulan {MONTHS_ID[month - 1]} (belum dilaporkan)"
    return f"s.d. bulan terakhir yang dilaporkan ({MONTHS_ID[last - 1]})"


def _per_unit(m: Measures, activities: list[dict]) -> list[dict]:
    return [{"pelaksana": u.pelaksana, "rencana": str(u.rencana_sd), "selesai": str(u.selesai_sd),
             "terlambat": str(u.terlambat), "kepatuhan": format_percent(u.kepatuhan),
             "aktivitas": [a for a in activities if a["pelaksana"] == u.pelaksana]}
            for u in row_tuples(m.jadwal_pelaksana)]
