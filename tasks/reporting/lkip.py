"""The LKIP's context (contracts/context.py LkipContext): the year's figures, formatted."""

from __future__ import annotations

import datetime

from contracts.context import Gambar, LkipContext
from contracts.rak import AktivitasBulan, Indikator
from tasks.frames import row_tuples
from tasks.measuring.figures import Measures
from tasks.reading.narasi import fill
from tasks.reading.office import OfficeInputs
from tasks.reading.parse import MONTHS_ID
from tasks.reading.rak import Rak
from tasks.reporting.context import OfficeView, budget_rows, indicator_contexts, satker_context, signer_context, summary
from tasks.reporting.fmt import format_date


def rak_rows(rak: Rak, names: dict[str, str]) -> list[dict]:
    months = rak.bulan.groupby(AktivitasBulan.aktivitas_kode)[AktivitasBulan.bulan].apply(set).to_dict()
    i = Indikator
    indicators = {r["kode"]: r for r in rak.indikator[[i.kode, i.kegiatan_kode, i.nama, i.target_teks]]
                  .to_dict("records")}
    return [{"kegiatan": names.get(indicators[a.indikator_kode]["kegiatan_kode"], ""),
             "indikator": indicators[a.indikator_kode]["nama"],
             "target": indicators[a.indikator_kode]["target_teks"], "aktivitas": a.nama, "pelaksana": a.pelaksana,
             "bulan": ["✓" if m in months.get(a.kode, set()) else "" for m in range(1, 13)]}
            for a in row_tuples(rak.aktivitas)]


def lkip_context(inputs: OfficeInputs, m: Measures, view: OfficeView, images: dict[str, Gambar],
                 signed: datetime.date, charts: bool = True) -> LkipContext:
    """Everything the LKIP template prints, formatted (`images`: the charts, or placeholders when
    `charts` is off)."""
    profile, rak = inputs.profile, inputs.rak
    names = view.names
    indicators = indicator_contexts(m, view)
    anggaran, total = budget_rows(m.anggaran)
    tahun = m.period.tahun
    return {
        "satker": satker_context(profile), "tahun": str(tahun),
        "judul": f"LAPORAN KINERJA INSTANSI PEMERINTAH (LKIP) TAHUN {tahun}",
        "kota_tanggal": f"{profile.kota}, {format_date(signed)}", "penandatangan": signer_context(profile),
        "narasi": {k: fill(v, tahun, profile.nama) for k, v in inputs.narasi.items()},
        "ringkasan": summary(m, inputs.settings), "indikator": indicators,
        "kegiatan": [{"no": str(k.no), "kode": k.kode, "nama": k.nama,
                      "indikator": [i for i in indicators if i["kode"].startswith(k.kode + ".")]}
                     for k in row_tuples(rak.kegiatan)],
        "anggaran": anggaran, "anggaran_total": total, "rak": rak_rows(rak, names),
        "bulan_singkat": [name[:3] for name in MONTHS_ID],
        "grafik_capaian": images["capaian"], "grafik_anggaran": images["anggaran"],
        "grafik_jadwal": images["jadwal"], "dengan_grafik": charts,
    }
