"""The quarterly measurement report's context (contracts/context_triwulan.py TriwulanContext): the
figures at a quarter's end, from the same Measures as the monthly reports (Period(tahun, triwulan=q):
the quarter itself must be reported, never filled from an earlier one)."""

from __future__ import annotations

from contracts.context import Gambar
from contracts.context_triwulan import TriwulanContext
from tasks.frames import columns
from tasks.measuring.figures import Measures
from tasks.reading.office import OfficeInputs
from tasks.reading.parse import MONTHS_ID
from tasks.reporting.budget import budget_by_source
from tasks.reporting.bulanan import budget_upto_text, last_day, late_rows, obstacles, per_unit, signer_keys
from tasks.reporting.context import OfficeView, amount, satker_context
from tasks.reporting.fmt import format_date, format_rupiah, roman
from tasks.reporting.monitoring import (
    STATUS_LABELS,
    decisions,
    indicator_progress_rows,
    indicator_units,
    short_names,
    summary_paragraphs,
)

TITLE = "LAPORAN PENGUKURAN KINERJA"


def _quarter_values(m: Measures) -> dict[str, float | None]:
    """Per indicator: the value of the quarter alone (None when not reported)."""
    q = m.period.triwulan
    return {k: (None if v != v else float(v))
            for k, tw, v in columns(m.triwulan, "kode", "triwulan", "realisasi_triwulan") if tw == q}


def triwulan_context(inputs: OfficeInputs, m: Measures, view: OfficeView, images: dict[str, Gambar],
                     charts: bool = True) -> TriwulanContext:
    """Everything the quarterly template prints, formatted."""
    profile, q, tahun = inputs.profile, m.period.triwulan, m.period.tahun
    names = short_names(profile)
    units = indicator_units(inputs.rak.aktivitas, names)
    own = _quarter_values(m)
    indicators = [{**i, "realisasi_triwulan": amount(own.get(i["kode"]), i["satuan"])}
                  for i in indicator_progress_rows(m, view, units)]
    sources, total = budget_by_source(m, profile, format_rupiah)
    first, last = 3 * q - 2, 3 * q
    counts = [{"label": label, "jumlah": str(sum(i["kemajuan"] == label for i in indicators))}
              for label in STATUS_LABELS.values()]
    return {
        "satker": satker_context(profile), "tahun": str(tahun), "triwulan": roman(q), "judul": TITLE,
        "subjudul": f"Triwulan {roman(q)} Tahun {tahun}",
        "periode": f"1 {MONTHS_ID[first - 1]} s.d. {format_date(last_day(tahun, last))}",
        "kota_tanggal": f"{profile.kota}, {format_date(last_day(tahun, last))}", **signer_keys(profile),
        "ringkasan": summary_paragraphs(m, indicators, names, budget_upto_text(m), units),
        "keputusan": decisions(m, names), "indikator": indicators,
        "kategori": [c for c in counts if c["jumlah"] != "0"],
        "per_pelaksana": per_unit(m, names), "terlambat": late_rows(m, names),
        "anggaran": sources, "anggaran_total": total, "kendala": obstacles(view, indicators, q),
        "grafik_anggaran": images["anggaran"], "grafik_jadwal": images["jadwal"], "dengan_grafik": charts,
    }
