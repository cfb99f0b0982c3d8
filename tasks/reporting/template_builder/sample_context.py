"""templates/lkip.sample.json: a complete LkipContext made from the bundled sample (data/), cut to a
few kegiatan so that a template author reads it in one sitting; charts point at the placeholder
chart. Written by the builder, so it never drifts from what the pipeline really gives a template."""

from __future__ import annotations

import json
from pathlib import Path

DATA = Path(__file__).resolve().parents[3] / "data" / "pasaman-barat-2024"
CHART = "templates/contoh-grafik.png"
KEEP_KEGIATAN = 3  # the first kegiatan with three of their indicators, and every kegiatan with one missed
KEEP_INDICATORS = 3


def _trim(context: dict) -> dict:
    kept = []
    for k in context["kegiatan"]:
        missed = [i for i in k["indikator"] if i["rekomendasi"]]
        if len(kept) < KEEP_KEGIATAN or missed:
            kept.append({**k, "indikator": (k["indikator"][:KEEP_INDICATORS] + missed[:1])[:KEEP_INDICATORS + 1]})
    numbers = {i["no"] for k in kept for i in k["indikator"]}
    names = {k["nama"] for k in kept}
    pk = [{"no": k["no"], "nama": k["nama"], "indikator": k["indikator"][:KEEP_INDICATORS]}
          for k in context["pk_kegiatan"] if k["nama"] in names]
    out = {**context, "kegiatan": kept, "indikator": [i for i in context["indikator"] if i["no"] in numbers],
           "pk_kegiatan": pk, "triwulan": [t for t in context["triwulan"] if t["no"] in numbers],
           "rak": [{**k, "indikator": k["indikator"][:2]} for k in context["rak"][:2]],
           "perjanjian": [{**p, "kegiatan": pk, "anggaran": p["anggaran"][:KEEP_KEGIATAN]}
                          for p in context["perjanjian"]]}
    out["bab4"] = {**out["bab4"], "rekomendasi": [r for i in out["indikator"] for r in i["rekomendasi"]]}
    out["anggaran"] = {**out["anggaran"], "efisiensi": out["anggaran"]["efisiensi"][:KEEP_KEGIATAN],
                       "sumber": [{**s, "baris": s["baris"][:KEEP_KEGIATAN]} for s in out["anggaran"]["sumber"]]}
    for key in ("grafik_capaian", "grafik_anggaran", "grafik_jadwal"):
        out[key] = {**out[key], "path": CHART}
    return out


def lkip_sample(data: Path = DATA) -> dict:
    """The LKIP context of the sample's year, trimmed, with a Daftar Isi as a paginated run gives it."""
    from tasks.measuring.figures import Period, compute_figures
    from tasks.reading.office import load_inputs
    from tasks.reporting.context import gambar, office_view
    from tasks.reporting.documents import lkip_signing_date
    from tasks.reporting.lkip import lkip_context

    inputs = load_inputs([data])
    tahun = inputs.rak.tahun or 2024
    figures = compute_figures(inputs, [Period(tahun)])
    images = {k: gambar(CHART, "") for k in ("capaian", "anggaran", "jadwal")}
    context = lkip_context(inputs, figures[Period(tahun)], office_view(inputs, figures), images,
                           lkip_signing_date(tahun))
    context["daftar_isi"] = [{"judul": title, "tingkat": level, "halaman": page} for title, level, page in (
        ("KATA PENGANTAR", "1", "ii"), ("IKHTISAR EKSEKUTIF", "1", "iii"), ("BAB I PENDAHULUAN", "1", "1"),
        ("A. Organisasi", "2", "1"), ("BAB II PERENCANAAN KINERJA", "1", "3"), ("B. Perjanjian Kinerja", "2", "3"),
        ("BAB III AKUNTABILITAS KINERJA", "1", "5"), ("BAB IV PENUTUP", "1", "44"),
        (f"LAMPIRAN 1 PERJANJIAN KINERJA TAHUN {tahun}", "1", "47"))]
    return _trim(context)


def write_lkip_sample(path: Path) -> Path:
    path.write_text(json.dumps(lkip_sample(), ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return path


SAMPLE_MONTH = 8  # August: a quarter ended (TW II), one running (TW III), late activities, the budget behind plan
SAMPLE_QUARTER = 2
KEEP_ROWS = 3


def _trim_bulanan(context: dict) -> dict:
    """Every list cut to a few rows (a nested one too), charts on the placeholder chart."""
    def cut(value):
        if isinstance(value, list):
            return [cut(v) for v in value[:KEEP_ROWS]]
        if isinstance(value, dict):
            return {k: cut(v) for k, v in value.items()}
        return value

    out = cut(context)
    for key in ("grafik_anggaran", "grafik_jadwal"):
        out[key] = {**out[key], "path": CHART}
    return out


def period_sample(kind: str, data: Path = DATA, number: int = SAMPLE_MONTH) -> dict:
    """The context of one month ("bulanan") or quarter ("triwulan") of the sample, trimmed."""
    from tasks.measuring.figures import Period, compute_figures
    from tasks.reading.office import load_inputs
    from tasks.reporting.bulanan import bulanan_context
    from tasks.reporting.context import gambar, office_view
    from tasks.reporting.triwulan import triwulan_context

    inputs = load_inputs([data])
    tahun = inputs.rak.tahun or 2024
    period = Period(tahun, bulan=number) if kind == "bulanan" else Period(tahun, triwulan=number)
    figures = compute_figures(inputs, [period])
    images = {k: gambar(CHART, "") for k in ("capaian", "anggaran", "jadwal")}
    build = bulanan_context if kind == "bulanan" else triwulan_context
    return _trim_bulanan(build(inputs, figures[period], office_view(inputs, figures), images))


def _write(path: Path, context: dict) -> Path:
    path.write_text(json.dumps(context, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return path


def write_bulanan_sample(path: Path) -> Path:
    return _write(path, period_sample("bulanan"))


def write_triwulan_sample(path: Path) -> Path:
    return _write(path, period_sample("triwulan", number=SAMPLE_QUARTER))
