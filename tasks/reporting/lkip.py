"""The LKIP's context (contracts/context.py LkipContext): the year's figures, formatted, and the text
written from them (tasks.reporting.analysis per indicator, tasks.reporting.narrative per chapter,
tasks.reporting.budget for Bab III B, tasks.reporting.pk for the Perjanjian Kinerja)."""

from __future__ import annotations

import datetime
from collections import Counter

from contracts.context import (
    BarisTriwulan,
    EntriDaftarIsi,
    Gambar,
    IndikatorLkip,
    KegiatanLkip,
    KegiatanRak,
    LkipContext,
    Reviu,
)
from contracts.rak import AktivitasBulan
from tasks.frames import columns, row_tuples
from tasks.measuring.capaian import TERCAPAI
from tasks.measuring.figures import Measures
from tasks.reading.narasi import fill
from tasks.reading.office import OfficeInputs
from tasks.reading.parse import MONTHS_ID
from tasks.reading.rak import Rak
from tasks.reporting.analysis import Facts, analyse, main_cause
from tasks.reporting.budget import anggaran_context, initial_budget
from tasks.reporting.context import OfficeView, indicator_contexts, person, satker_context, signer_context
from tasks.reporting.fmt import format_date, format_percent
from tasks.reporting.narrative import (
    _band_counts,
    availability,
    bab3_opening,
    capaian_chart_text,
    conclusion,
    ikhtisar,
    kegiatan_paragraph,
    serapan_total,
)
from tasks.reporting.pk import agreements, kegiatan_list, pk_kegiatan
from tasks.reporting.scorecard import DocumentFacts, IndikatorFakta


def rak_groups(rak: Rak, targets: dict[str, str] | None = None) -> list[KegiatanRak]:
    """The RAK as Lampiran 2 prints it: each kegiatan once, each indicator once over its activities.

    `targets` (kode -> text) states each target as the rest of the LKIP does ("2 laporan", "95,00%");
    an indicator not in it keeps the RAK's own wording."""
    targets = targets or {}
    months: dict[str, set] = {}
    for kode, month in columns(rak.bulan, AktivitasBulan.aktivitas_kode, AktivitasBulan.bulan):
        months.setdefault(kode, set()).add(month)
    activities: dict[str, list] = {}
    for a in row_tuples(rak.aktivitas):
        activities.setdefault(a.indikator_kode, []).append(a)
    by_kegiatan: dict[str, list] = {}  # each kegiatan's indicators in RAK order
    for i in row_tuples(rak.indikator):
        by_kegiatan.setdefault(i.kegiatan_kode, []).append(i)
    groups = []
    for k in row_tuples(rak.kegiatan):
        indicators = []
        for i in by_kegiatan.get(k.kode, []):
            target = targets.get(i.kode, i.target_teks)
            rows = [{"indikator": i.nama, "target": target, "aktivitas": a.nama, "pelaksana": a.pelaksana,
                     "bulan": ["✓" if m in months.get(a.kode, set()) else "" for m in range(1, 13)]}
                    for a in activities.get(i.kode, [])]
            indicators.append({"nama": i.nama, "target": target, "aktivitas": rows or [
                {"indikator": i.nama, "target": target, "aktivitas": "-", "pelaksana": "-",
                 "bulan": [""] * 12}]})
        groups.append({"judul": f"{k.no}. {k.nama}", "indikator": indicators})
    return groups


def quarter_rows(indicators: list[dict]) -> list[BarisTriwulan]:
    """Lampiran 3: one row per indicator, its four quarters side by side (a row never splits)."""
    rows = []
    for i in indicators:
        by_tw = {q["tw"]: {**q, "realisasi": _bare(q["realisasi"], i["satuan"])} for q in i["per_triwulan"]}
        empty = {"realisasi": "-", "capaian": "-"}
        rows.append({"no": i["no"], "nama": i["nama"], "target": i["target"],
                     "tw": [{key: by_tw.get(tw, empty)[key] for key in ("realisasi", "capaian")}
                            for tw in ("I", "II", "III", "IV")],
                     "capaian": i["capaian"], "status": i["status"]})
    return rows


def _bare(value: str, satuan: str) -> str:
    """'2 laporan' -> '2' where the column's target already names the unit; '85,50%' stays."""
    suffix = f" {satuan}"
    return value[: -len(suffix)] if satuan and satuan != "%" and value.endswith(suffix) else value


def _unit_of(activities: list) -> str:
    """The sub-unit carrying most of an indicator's activities."""
    counts = Counter(a.pelaksana for a in activities if a.pelaksana)
    return counts.most_common(1)[0][0] if counts else ""


def indicator_analyses(inputs: OfficeInputs, m: Measures, view: OfficeView) -> list[IndikatorLkip]:
    """Every indicator's row with its analysis and recommendation, in RAK order."""
    upto = m.period.upto_quarter
    quarters: dict[str, list] = {}
    for q in row_tuples(m.triwulan):
        if q.triwulan <= upto:
            quarters.setdefault(q.kode, []).append(q)
    activities: dict[str, list] = {}
    for a in row_tuples(m.aktivitas):
        activities.setdefault(a.indikator_kode, []).append(a)
    cap = inputs.settings.batas_capaian
    rows = {i["kode"]: i for i in indicator_contexts(m, view)}
    out = []
    for rec in row_tuples(m.capaian):
        row = rows[rec.kode]
        own = activities.get(rec.kode, [])
        facts = Facts(rec=rec, quarters=quarters.get(rec.kode, []),
                      notes=[n for n in view.notes.get(rec.kode, []) if n[0] <= upto],
                      comparison=m.perbandingan.get(rec.kode, {}), activities=own, tahun=m.period.tahun,
                      unit=_unit_of(own), cap=cap)
        points, advice = analyse(facts, row["no"])
        out.append({**row, "arah": "makin kecil makin baik" if rec.polaritas == "-" else "", "analisis": points,
                    "rekomendasi": advice})
    return out


def lkip_context(inputs: OfficeInputs, m: Measures, view: OfficeView, images: dict[str, Gambar],
                 signed: datetime.date, charts: bool = True, toc: list[EntriDaftarIsi] | None = None) -> LkipContext:
    """Everything the LKIP template prints, formatted (`images`: the charts, or placeholders when
    `charts` is off; `toc`: the Daftar Isi's entries with their pages, once the document is paginated)."""
    profile, rak, settings = inputs.profile, inputs.rak, inputs.settings
    tahun = m.period.tahun
    indicators = indicator_analyses(inputs, m, view)
    kegiatan = kegiatan_list(rak)
    numbers = {kode: no for no, kode, _ in kegiatan}
    pk_rows = pk_kegiatan(indicators, kegiatan)
    groups: list[KegiatanLkip] = [{
        "no": no, "nama": nama, "judul": f"{no}. {nama}", "paragraf": [kegiatan_paragraph(m, kode, nama)],
        "indikator": [i for i in indicators if i["kode"].startswith(kode + ".")]} for no, kode, nama in kegiatan]
    recommendations = [r for i in indicators for r in i["rekomendasi"]]
    return {
        "satker": satker_context(profile), "tahun": str(tahun), "tahun_berikut": str(tahun + 1),
        "tahun_lalu": str(tahun - 1), "reviu": review_statement(profile, tahun, signed),
        "judul": f"LAPORAN KINERJA INSTANSI PEMERINTAH (LKIP) TAHUN {tahun}",
        "kota_tanggal": f"{profile.kota}, {format_date(signed)}", "penandatangan": signer_context(profile),
        "narasi": {k: fill(v, tahun, profile.nama) for k, v in inputs.narasi.items()},
        "ikhtisar": {"paragraf": ikhtisar(m, profile.nama, settings), "jumlah_indikator": str(len(indicators)),
                     "kategori": _categories(m, settings)},
        "daftar_isi": toc or [],
        "pk_pengantar": [f"Perjanjian Kinerja {profile.nama} Tahun {tahun} memuat {len(indicators)} indikator "
                         f"kinerja pada {len(kegiatan)} kegiatan dengan target sebagaimana tabel berikut; naskah "
                         "perjanjian yang ditandatangani dimuat pada Lampiran 1."],
        "pk_kegiatan": pk_rows,
        "perjanjian": agreements(profile, tahun, pk_rows, initial_budget(m), kegiatan),
        "bab3": {"pengantar": bab3_opening(m, profile.nama), "ketersediaan": availability(m),
                 "grafik": capaian_chart_text(m, settings)},
        "indikator": indicators, "kegiatan": groups,
        "anggaran": anggaran_context(m, profile, view.names, numbers),
        "bab4": {"kesimpulan": conclusion(m, profile.nama, settings, _causes(view, m.period.upto_quarter)),
                 "rekomendasi": recommendations},
        "rak": rak_groups(rak, {i["kode"]: i["target"] for i in indicators}),
        "bulan_singkat": [name[:3] for name in MONTHS_ID],
        "triwulan": quarter_rows(indicators),
        "grafik_capaian": images["capaian"], "grafik_anggaran": images["anggaran"],
        "grafik_jadwal": images["jadwal"], "dengan_grafik": charts,
    }


def review_statement(profile, tahun: int, signed: datetime.date) -> Reviu:
    """The 'Pernyataan Telah Direviu' (PermenPAN-RB 53/2014's form), when the profile names the APIP
    reviewer ([penandatangan.reviu]); dated [laporan] tanggal_reviu, else the report's date."""
    reviewer = profile.penandatangan.get("reviu")
    if reviewer is None:
        return {"ada": False, "paragraf": [], "kota_tanggal": "", "penandatangan": person(None)}
    day = profile.tanggal_reviu or signed
    return {"ada": True, "kota_tanggal": f"{profile.kota}, {format_date(day)}", "penandatangan": person(reviewer),
            "paragraf": [
                f"Kami telah mereviu Laporan Kinerja {profile.nama} Tahun {tahun} sesuai Pedoman Reviu atas Laporan "
                f"Kinerja. Substansi informasi yang dimuat dalam Laporan Kinerja menjadi tanggung jawab manajemen "
                f"{profile.nama}.",
                "Reviu bertujuan untuk memberikan keyakinan terbatas bahwa Laporan Kinerja telah disajikan secara "
                "akurat, andal, dan valid.",
                "Berdasarkan reviu kami, tidak terdapat kondisi atau hal-hal yang menimbulkan perbedaan dalam "
                "meyakini keandalan informasi yang disajikan di dalam Laporan Kinerja ini."]}


def _causes(view: OfficeView, upto: int) -> dict[str, str]:
    """Indicator code -> the obstacle its forms named last, as a clause."""
    return {kode: main_cause(Facts(rec=None, quarters=[], notes=[n for n in notes if n[0] <= upto], comparison={},
                                   activities=[], tahun=0)) for kode, notes in view.notes.items()}


def _categories(m: Measures, settings) -> list[dict]:
    counts = dict(_band_counts(m, settings))
    rows = [{"label": b.label, "jumlah": str(counts.get(b.label, 0))} for b in settings.kategori]
    missing = int(m.capaian["capaian"].isna().sum())
    return rows + ([{"label": "Belum dapat dinilai", "jumlah": str(missing)}] if missing else [])


def document_facts(inputs: OfficeInputs, m: Measures, context: LkipContext) -> DocumentFacts:
    """What the figures say the rendered LKIP must show, for its scorecard (tasks.reporting.scorecard)."""
    def fact(i: IndikatorLkip) -> IndikatorFakta:
        comparison = m.perbandingan.get(i["kode"], {})
        measured = i["capaian"] != "-"
        return IndikatorFakta(nama=i["nama"], target=i["target"], realisasi=i["realisasi"], capaian=i["capaian"],
                              tercapai=(i["status"] == TERCAPAI) if measured else None,
                              ada_riwayat=bool(comparison.get("tahun_sebelumnya")),
                              ada_renstra=comparison.get("renstra", {}).get("target") is not None,
                              ada_pembanding=bool(comparison.get("pembanding")))

    names = [context["penandatangan"]["nama"], context["reviu"]["penandatangan"]["nama"]] + [
        p[side]["nama"] for p in context["perjanjian"] for side in ("pihak_pertama", "pihak_kedua")]
    return DocumentFacts(tahun=m.period.tahun, satker=inputs.profile.nama,
                         indikator=[fact(i) for i in context["indikator"]], serapan=format_percent(serapan_total(m)),
                         penandatangan=sorted({n for n in names if n}),
                         pk_pihak=[(p["pihak_pertama"]["jabatan"], p["pihak_kedua"]["jabatan"])
                                   for p in context["perjanjian"]], reviu=context["reviu"]["ada"])
