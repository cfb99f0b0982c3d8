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
            "kepatuhan": format_percent(row["kepatuhan"]), "serapan": total["serapan"],
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


def _obstacles(view: OfficeView, indicators: list[dict], upto: int) -> list[dict]:
    """The indicators whose forms name an obstacle so far, with the obstacle and the remedy."""
    rows = []
    for i in indicators:
        notes = view.notes.get(i["kode"], [])
        kendala = notes_text(notes, "kendala", upto)
        if kendala:
            rows.append({"indikator": f"{i['no']}. {i['nama']}", "kendala": kendala,
                         "upaya": notes_text(notes, "upaya", upto) or "-"})
    return rows


def indicator_source(m: Measures) -> str:
    """Indicators are reported per quarter: say which quarter the monthly figures come from."""
    reported = m.capaian[CapaianIndikator.triwulan_terakhir].dropna()
    if reported.empty:
        return "Belum ada realisasi indikator yang dilaporkan sampai bulan ini."
    quarter = int(reported.max())
    return (f"Realisasi indikator dilaporkan per triwulan; angka di bawah berasal dari formulir realisasi sampai "
            f"Triwulan {roman(quarter)}.")


def _per_unit(m: Measures, activities: list[dict]) -> list[dict]:
    return [{"pelaksana": u.pelaksana, "rencana": str(u.rencana_sd), "selesai": str(u.selesai_sd),
             "terlambat": str(u.terlambat), "kepatuhan": format_percent(u.kepatuhan),
             "aktivitas": [a for a in activities if a["pelaksana"] == u.pelaksana]}
            for u in row_tuples(m.jadwal_pelaksana)]
