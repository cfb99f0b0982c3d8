"""The monthly report's context (contracts/context.py BulananContext): one month's figures, formatted.

Only what was known at the month's end (issue 15): activity statuses and budget of the months up to
it, the indicators of the last quarter ended by it, the kendala of that quarter.
"""

from __future__ import annotations

import calendar
import datetime

from contracts.capaian import CapaianIndikator
from contracts.context import BulananContext, Gambar, Penandatangan
from tasks.frames import row_tuples
from tasks.measuring.figures import Measures
from tasks.reading.office import OfficeInputs
from tasks.reading.parse import MONTHS_ID
from tasks.reading.profile import Profile, monthly_signer_role
from tasks.reporting.budget import budget_by_source
from tasks.reporting.context import NOT_REPORTED, OfficeView, _text, notes_text, person, satker_context
from tasks.reporting.fmt import format_date, format_percent, format_rupiah, roman
from tasks.reporting.monitoring import (
    decisions,
    indicator_progress_rows,
    indicator_units,
    next_month,
    next_month_text,
    short_names,
    summary_paragraphs,
)

TITLE = "LAPORAN BULANAN RENCANA AKSI KINERJA"


def _month_activities(view: OfficeView, month: int, names: dict[str, str]) -> list[dict]:
    status = view.status.get(month, {})
    return [{"kode": kode, "nama": nama, "pelaksana": names.get(pelaksana, pelaksana),
             "status": _text(status.get(kode, (None, None))[0]) or NOT_REPORTED,
             "keterangan": _text(status.get(kode, (None, None))[1])}
            for kode, nama, pelaksana in view.planned.get(month, [])]


def last_day(tahun: int, bulan: int) -> datetime.date:
    return datetime.date(tahun, bulan, calendar.monthrange(tahun, bulan)[1])


def monthly_signers(profile: Profile) -> tuple[Penandatangan, Penandatangan | None]:
    """The signer of the monthly and quarterly reports and, when the profile names one, who 'mengetahui'."""
    signer = person(profile.penandatangan.get(monthly_signer_role(profile)))
    role = profile.mengetahui_bulanan
    return signer, (person(profile.penandatangan.get(role)) if role and role in profile.penandatangan else None)


def signer_keys(profile: Profile) -> dict:
    signer, knows = monthly_signers(profile)
    return {"penandatangan": signer, "ada_mengetahui": knows is not None, "mengetahui": knows or person(None)}


def bulanan_context(inputs: OfficeInputs, m: Measures, view: OfficeView, images: dict[str, Gambar],
                    charts: bool = True) -> BulananContext:
    """Everything the monthly template prints, formatted (`images`: the charts, or placeholders when
    `charts` is off)."""
    profile, month, tahun = inputs.profile, m.period.bulan, m.period.tahun
    names = short_names(profile)
    units = indicator_units(inputs.rak.aktivitas, names)
    activities = _month_activities(view, month, names)
    sources, total = budget_by_source(m, profile, format_rupiah)
    indicators = indicator_progress_rows(m, view, units)
    upto = budget_upto_text(m)
    planned_next = next_month(view, month, names)
    quarter = m.period.upto_quarter
    return {
        "satker": satker_context(profile), "tahun": str(tahun), "bulan": MONTHS_ID[month - 1],
        "judul": TITLE, "subjudul": f"Bulan {MONTHS_ID[month - 1]} Tahun {tahun}",
        "kota_tanggal": f"{profile.kota}, {format_date(last_day(tahun, month))}", **signer_keys(profile),
        "ringkasan": {**schedule_figures(m), **budget_figures(m, total), "anggaran_sd": upto,
                      "paragraf": summary_paragraphs(m, indicators, names, upto, units),
                      "keputusan": decisions(m, names)},
        "aktivitas": activities, "per_pelaksana": per_unit(m, names),
        "terlambat": late_rows(m, names),
        "berikutnya": {"bulan": MONTHS_ID[month] if month < 12 else "", "aktivitas": planned_next,
                       "paragraf": next_month_text(month, tahun, planned_next, len(m.terlambat))},
        "sumber_indikator": indicator_source(m), "triwulan_diukur": roman(quarter) if quarter else "",
        "indikator_diukur": bool(quarter), "indikator": indicators,
        "anggaran": sources, "anggaran_total": total,
        "kendala_triwulan": f"Triwulan {roman(quarter)}" if quarter else "",
        "kendala": obstacles(view, indicators, quarter),
        "grafik_anggaran": images["anggaran"], "grafik_jadwal": images["jadwal"], "dengan_grafik": charts,
    }


def schedule_figures(m: Measures) -> dict:
    row = m.jadwal.iloc[-1]
    return {"direncanakan": str(int(row["direncanakan"])), "selesai": str(int(row["selesai"])),
            "dalam_proses": str(int(row["dalam_proses"])), "terlambat": str(int(row["terlambat"])),
            "belum_dilaporkan": str(int(row["belum_dilaporkan_sd"])), "kepatuhan": format_percent(row["kepatuhan"])}


def budget_figures(m: Measures, total: dict) -> dict:
    """The summary's budget figures, to the last month reported (the same figures as the table's total)."""
    last = m.anggaran_terakhir
    return {"serapan": total["serapan"],
            "realisasi_sd": format_rupiah(None if last is None else last["realisasi_kumulatif"]),
            "rpd_sd": format_rupiah(None if last is None else last["rpd_kumulatif"]),
            "deviasi": format_rupiah(None if last is None else last["deviasi"]),
            "deviasi_persen": format_percent(None if last is None else last["deviasi_persen"])}


def late_rows(m: Measures, names: dict[str, str]) -> list[dict]:
    return [{"kode": r.aktivitas_kode, "nama": r.aktivitas, "pelaksana": names.get(r.pelaksana, r.pelaksana),
             "bulan_rencana": ", ".join(MONTHS_ID[p - 1] for p in r.bulan_rencana), "status": r.status,
             "keterangan": r.keterangan} for r in row_tuples(m.terlambat)]


def obstacles(view: OfficeView, indicators: list[dict], quarter: int) -> list[dict]:
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
    tahun, month, cut = m.period.tahun, m.period.upto_month, m.period.upto_quarter
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
    last = m.anggaran_terakhir  # the series runs month by month: its last month reported is the latest
    return int(last["bulan"]) if last is not None else None


def budget_upto_text(m: Measures) -> str:
    """'s.d. bulan Mei', or, when the month has no figures yet, the last month that has them."""
    month, last = m.period.upto_month, last_budget_month(m)
    if last == month:
        return f"s.d. bulan {MONTHS_ID[month - 1]}"
    if last is None:
        return f"s.d. bulan {MONTHS_ID[month - 1]} (belum dilaporkan)"
    return f"s.d. bulan terakhir yang dilaporkan ({MONTHS_ID[last - 1]})"


def per_unit(m: Measures, names: dict[str, str]) -> list[dict]:
    return [{"pelaksana": names.get(u.pelaksana, u.pelaksana), "rencana": str(u.rencana_sd),
             "selesai": str(u.selesai_sd), "terlambat": str(u.terlambat), "belum_dilaporkan": str(u.belum_dilaporkan),
             "kepatuhan": format_percent(u.kepatuhan)}
            for u in row_tuples(m.jadwal_pelaksana)]
