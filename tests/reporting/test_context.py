"""Report contexts on the sample: every key of the typed context, nothing printed as nan/None/inf."""

from __future__ import annotations

import dataclasses
import datetime
import json
from pathlib import Path
from typing import get_type_hints

import pytest

from contracts.context import BulananContext, LkipContext
from tasks.measuring.figures import Period, compute_figures, measure
from tasks.reporting.bulanan import bulanan_context
from tasks.reporting.charts import chart_anggaran, chart_capaian, chart_jadwal
from tasks.reporting.context import gambar, office_view
from tasks.reporting.lkip import lkip_context

SAMPLE = Path(__file__).resolve().parents[2] / "data" / "pasaman-barat-2024"
BAD_WORDS = ("nan", "None", "inf", "NaT")


@pytest.fixture(scope="module")
def inputs(sample_inputs):
    return sample_inputs


@pytest.fixture(scope="module")
def charts(tmp_path_factory, inputs):
    folder = tmp_path_factory.mktemp("grafik")
    m = measure(inputs, Period(2024))
    return {"capaian": gambar(chart_capaian(m.capaian, inputs.settings, folder / "c.png"), "c"),
            "anggaran": gambar(chart_anggaran(m.anggaran_bulanan, folder / "a.png"), "a"),
            "jadwal": gambar(chart_jadwal(m.jadwal, folder / "j.png"), "j")}


def strings(value):
    if isinstance(value, dict):
        for v in value.values():
            yield from strings(v)
    elif isinstance(value, list):
        for v in value:
            yield from strings(v)
    elif isinstance(value, str):
        yield value


def assert_clean(context):
    for text in strings(context):
        assert text.strip() not in BAD_WORDS and "nan%" not in text and "None" not in text.split(), text


def alone(inputs, period: Period):
    """A period's figures and office view, computed for that period alone."""
    figures = compute_figures(inputs, [period])
    return figures[period], office_view(inputs, figures)


def left_empty_in_tw4(inputs, kode: str):
    """The sample with one indicator's TW IV realisation left empty (the sample reports every one)."""
    forms = []
    for real in inputs.realisasi:
        if real.triwulan == 4:
            table = real.indikator.copy()
            table.loc[table["indikator_kode"] == kode, "realisasi"] = float("nan")
            real = dataclasses.replace(real, indikator=table)
        forms.append(real)
    return dataclasses.replace(inputs, realisasi=forms)


def test_lkip_context(inputs, charts):
    inputs = left_empty_in_tw4(inputs, "K01.I17")
    m, view = alone(inputs, Period(2024))
    context = lkip_context(inputs, m, view, charts, datetime.date(2025, 1, 31))
    assert set(context) == set(get_type_hints(LkipContext))
    assert len(context["indikator"]) == 46 and len(context["rak"]) == 13
    assert sum(len(i["aktivitas"]) for k in context["rak"] for i in k["indikator"]) == 76
    assert context["kota_tanggal"] == "Simpang Empat, 31 Januari 2025"
    assert context["penandatangan"]["nama"] == "Andri Saputra"
    assert context["reviu"]["ada"] and context["reviu"]["penandatangan"]["nip"] == "NIP. 197611202003121002"
    assert [p["subjudul"] for p in context["perjanjian"]] == ["KETUA KPU KABUPATEN PASAMAN BARAT",
                                                               "SEKRETARIS KPU KABUPATEN PASAMAN BARAT"]
    first = context["indikator"][0]
    assert first["capaian"] == "100,00%" and first["kategori"] == "Sangat Baik"
    assert all(b["teks"] for i in context["indikator"] for b in i["analisis"])
    assert [b["label"] for b in first["analisis"]][0] == "Capaian"
    not_reported = next(i for i in context["indikator"] if i["kode"] == "K01.I17")
    assert not_reported["realisasi"] == "belum dilaporkan" and not_reported["capaian"] == "-"
    assert "Pasaman Barat" in context["narasi"]["kata_pengantar"][0] and "{satker}" not in str(context["narasi"])
    assert_clean(context)
    json.dumps(context)  # plain data only


def test_bulanan_context_lists_late_activities(inputs, charts):
    m, view = alone(inputs, Period(2024, bulan=6))
    context = bulanan_context(inputs, m, view, charts)
    assert set(context) == set(get_type_hints(BulananContext))
    assert context["bulan"] == "Juni" and context["kota_tanggal"] == "Simpang Empat, 30 Juni 2024"
    late = {row["kode"] for row in context["terlambat"]}
    assert "K01.I05.A01" in late  # late in the sample from May
    assert all(a["status"] for a in context["aktivitas"])
    assert_clean(context)


def test_charts_are_png(charts):
    for item in charts.values():
        assert Path(item["path"]).read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_reused_chart_figures_leave_no_trace(inputs, tmp_path):
    """The monthly charts reuse one figure per thread: a chart drawn after another, or in a new thread,
    is byte for byte the chart drawn alone, so reruns publish identical files."""
    import hashlib
    import threading

    from PIL import Image

    figures = compute_figures(inputs, [Period(2024, bulan=3), Period(2024, bulan=12)])
    march, december = figures[Period(2024, bulan=3)], figures[Period(2024, bulan=12)]

    def digest(draw, m, name):
        return hashlib.sha256(draw(m, tmp_path / name).read_bytes()).hexdigest()

    for draw in (lambda m, p: chart_jadwal(m.jadwal, p), lambda m, p: chart_anggaran(m.anggaran_bulanan, p)):
        first = digest(draw, march, "1.png")
        assert digest(draw, december, "2.png") != first
        assert digest(draw, march, "3.png") == first
        elsewhere = []
        thread = threading.Thread(target=lambda: elsewhere.append(digest(draw, march, "4.png")))
        thread.start()
        thread.join()
        assert elsewhere == [first]
    with Image.open(tmp_path / "3.png") as image:
        assert image.mode == "L" and image.size == (1125, 480)  # greyscale, 7.5 x 3.2 in at 150 dpi


def test_budget_chart_backgrounds_are_bounded_and_reused(inputs, tmp_path):
    """Offices of a roll-up give the budget chart many y-axis tops: the backgrounds kept are bounded
    (least recently used dropped) and a chart is the same bytes whether its background was kept or not."""
    import hashlib

    from tasks.reporting.charts import _AnggaranFigure, _reused, chart_anggaran

    per_bulan = measure(inputs, Period(2024, bulan=12)).anggaran_bulanan
    scaled = [per_bulan.assign(rpd_kumulatif=per_bulan["rpd_kumulatif"] * f,
                               realisasi_kumulatif=per_bulan["realisasi_kumulatif"] * f)
              for f in (1.7 ** k for k in range(40))]  # 40 different tops
    first = hashlib.sha256(chart_anggaran(scaled[0], tmp_path / "0.png").read_bytes()).hexdigest()
    for i, frame in enumerate(scaled[1:], start=1):
        chart_anggaran(frame, tmp_path / f"{i}.png")
    with _reused(_AnggaranFigure) as figure:
        assert len(figure._backgrounds) == figure._KEEP  # bounded; the first top has been dropped
    again = hashlib.sha256(chart_anggaran(scaled[0], tmp_path / "again.png").read_bytes()).hexdigest()
    assert again == first


def test_a_figure_drawn_in_one_thread_is_reused_by_the_next_and_never_shared(inputs, tmp_path):
    """Figures (and their kept backgrounds) are kept once per process: they outlive the thread that drew
    with them, and two threads drawing at once get two."""
    import threading

    from tasks.reporting.charts import _FIGURES, _AnggaranFigure, _reused

    capaian = measure(inputs, Period(2024)).capaian.head(7)
    key = ("capaian", 7)

    def draw(name: str) -> None:
        thread = threading.Thread(target=chart_capaian, args=(capaian, inputs.settings, tmp_path / name))
        thread.start()
        thread.join()

    draw("a.png")
    (kept,) = _FIGURES.idle(key)
    draw("b.png")
    assert _FIGURES.idle(key) == [kept]  # the second thread drew with the first thread's figure
    assert (tmp_path / "a.png").read_bytes() == (tmp_path / "b.png").read_bytes()
    with _reused(_AnggaranFigure) as one, _reused(_AnggaranFigure) as other:
        assert one is not other  # lent to one holder at a time


def test_contexts_sharing_one_office_view_equal_contexts_built_alone(inputs, charts):
    """The months of one quarter share their indicator contexts through the office view: every
    month's context is the one it gets built on its own."""
    periods = [Period(2024, bulan=b) for b in range(1, 13)]
    figures = compute_figures(inputs, periods)
    view = office_view(inputs, figures)
    shared = {p.bulan: bulanan_context(inputs, figures[p], view, charts) for p in periods}
    for period in periods:
        assert shared[period.bulan] == bulanan_context(inputs, *alone(inputs, period), charts)
    assert len(view.indicators) == 5  # none measured yet (January, February), then one per quarter ended


def test_a_placeholder_signer_is_never_printed(inputs, charts):
    """A name or NIP the profile holds only as a place to fill leaves a blank line to sign on."""
    from dataclasses import replace

    from tasks.reading.profile import Penandatangan

    signers = {**inputs.profile.penandatangan, "ketua": Penandatangan("Ketua KPU Kabupaten", "NAMA KETUA"),
               "sekretaris": Penandatangan("Sekretaris", "Rina", "19xxxxxxxxxxxxxxxx")}
    other = replace(inputs, profile=replace(inputs.profile, penandatangan=signers))
    m, view = alone(other, Period(2024))
    context = lkip_context(other, m, view, charts, datetime.date(2025, 1, 31))
    assert context["penandatangan"]["nama"] == "" and "NAMA KETUA" not in json.dumps(context)
    sekretaris = context["perjanjian"][1]["pihak_pertama"]
    assert sekretaris["nama"] == "Rina" and sekretaris["nip"] == ""


def test_the_capaian_chart_of_an_office_is_the_same_whatever_was_drawn_before(inputs, tmp_path):
    """The LKIP's capaian chart keeps a figure per number of indicators and a background per y-range and
    bands: one office's chart after others (fewer indicators, one not measured, another top, other
    bands), or in a new thread, is byte for byte the chart drawn first; no figure or "-" of an office
    drawn before is left on it."""
    import hashlib
    import threading

    from contracts.capaian import CapaianIndikator
    from tasks.reading.settings import Band
    from tasks.reporting.charts import _CAPAIAN_FIGURES

    capaian = measure(inputs, Period(2024)).capaian
    col = CapaianIndikator.capaian_dicap

    def digest(frame, settings, name):
        return hashlib.sha256(chart_capaian(frame, settings, tmp_path / name).read_bytes()).hexdigest()

    first = digest(capaian, inputs.settings, "0.png")
    others = [capaian.head(30), capaian.assign(**{col: capaian[col].where(capaian.index != capaian.index[3])}),
              capaian.assign(**{col: capaian[col] * 0.5})]
    seen = {first} | {digest(frame, inputs.settings, f"{i}.png") for i, frame in enumerate(others, start=1)}
    assert len(seen) == 4  # each of them a chart of its own
    bands = dataclasses.replace(inputs.settings, kategori=(Band(80, "Baik"), Band(float("-inf"), "Kurang")))
    assert digest(capaian, bands, "bands.png") not in seen
    for n in range(1, _CAPAIAN_FIGURES + 2):  # more numbers of indicators than figures kept
        digest(capaian.head(n), inputs.settings, f"n{n}.png")
    assert digest(capaian, inputs.settings, "again.png") == first
    elsewhere = []
    thread = threading.Thread(target=lambda: elsewhere.append(digest(capaian, inputs.settings, "thread.png")))
    thread.start()
    thread.join()
    assert elsewhere == [first]


def _chart_bytes(figure, capaian, settings, path) -> bytes:
    return figure.draw(capaian, settings, path).read_bytes()


def test_a_kept_capaian_figure_holds_no_pixels_of_its_own_and_draws_the_same_bytes(inputs, tmp_path):
    """Up to 24 capaian figures stay in each worker of a roll-up: each keeps its background at one byte
    per pixel and draws on a renderer lent while it draws, and its charts are byte for byte those of a
    figure with pixels of its own, its background kept as copied (the way every chart was drawn before)."""
    import numpy as np

    from tasks.reporting.charts import _CapaianFigure

    class OwnPixels(_CapaianFigure):
        _COMPACT = False

    capaian = measure(inputs, Period(2024)).capaian
    higher = capaian.assign(**{"capaian_dicap": capaian["capaian_dicap"] * 1.5})  # another y-range
    compact, own = _CapaianFigure(len(capaian)), OwnPixels(len(capaian))
    for i, frame in enumerate([capaian, higher, capaian]):  # a background drawn, another, the first kept
        assert (_chart_bytes(compact, frame, inputs.settings, tmp_path / f"c{i}.png")
                == _chart_bytes(own, frame, inputs.settings, tmp_path / f"o{i}.png"))
    assert compact.fig.canvas.renderer is None  # between charts, no canvas pixels
    (width, height) = compact.fig.canvas.get_width_height(physical=True)
    kept = list(compact._backgrounds.values())
    assert len(kept) == 2 and all(isinstance(b, np.ndarray) and b.dtype == np.uint8 and b.shape == (height, width)
                                  for b in kept)


def test_a_compact_figure_keeps_a_background_that_is_not_plain_grey_as_it_was_drawn(inputs, tmp_path):
    """One byte per pixel holds a background only when it is opaque grey (as the charts are designed);
    a chart someone gave colour, say a red band, is kept whole and drawn as before."""
    from matplotlib.backends._backend_agg import BufferRegion

    from tasks.reporting.charts import _CapaianFigure

    class Red(_CapaianFigure):
        def _background_changed(self, key) -> None:
            super()._background_changed(key)
            self._bands[0].set_facecolor("#ff0000")

    class RedOwnPixels(Red):
        _COMPACT = False

    capaian = measure(inputs, Period(2024)).capaian
    compact = Red(len(capaian))
    first = _chart_bytes(compact, capaian, inputs.settings, tmp_path / "c.png")
    assert first == _chart_bytes(RedOwnPixels(len(capaian)), capaian, inputs.settings, tmp_path / "o.png")
    assert [type(b) for b in compact._backgrounds.values()] == [BufferRegion]
    assert _chart_bytes(compact, capaian, inputs.settings, tmp_path / "again.png") == first


def test_capaian_charts_drawn_in_two_threads_at_once_are_those_drawn_one_by_one(inputs, tmp_path):
    """Compact figures for two numbers of indicators drawn by two threads at the same time: they are
    the same size in pixels, so both ask for a renderer of one key, and the renderer lent to one is
    never lent to the other; every chart is the one drawn alone."""
    import threading

    capaian = measure(inputs, Period(2024)).capaian
    frames = {n: capaian.head(n) for n in (len(capaian), len(capaian) - 3)}
    alone = {n: chart_capaian(f, inputs.settings, tmp_path / f"alone-{n}.png").read_bytes() for n, f in frames.items()}
    results: dict[str, bytes] = {}

    def draw(n: int) -> None:
        for i in range(8):
            results[f"{n}-{i}"] = chart_capaian(frames[n], inputs.settings, tmp_path / f"{n}-{i}.png").read_bytes()

    threads = [threading.Thread(target=draw, args=(n,)) for n in frames]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(results) == 16 and all(data == alone[int(key.split("-")[0])] for key, data in results.items())
