"""Charts for the reports, drawn to PNG with matplotlib (Agg, no screen).

Figures are built without pyplot (no global state), so offices can be drawn in parallel. The two
monthly charts (budget and schedule, drawn for every monthly report) keep one figure per thread with
a fixed January–December axis, keep the drawn axes as a background per y-range, and draw only their
data on it: axes, ticks and labels cost more than the data. Designed to stay legible printed in black
and white: greyscale PNGs, graded greys for the rating bands, distinct line styles and markers
instead of colours alone, values written on the bars.
"""

from __future__ import annotations

import math
import sys
import zlib
from collections import OrderedDict
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import numpy as np
import pandas as pd
from matplotlib.backends.backend_agg import FigureCanvasAgg, RendererAgg
from matplotlib.figure import Figure
from matplotlib.ticker import FuncFormatter
from PIL import Image

from contracts.capaian import CapaianIndikator
from tasks.reading.parse import MONTHS_ID
from tasks.reading.settings import Settings
from tasks.reporting.fmt import format_number, format_percent
from tasks.reporting.shelf import Shelf

BAND_GREYS = ["#d4d4d4", "#e0e0e0", "#eaeaea", "#f2f2f2", "#fafafa"]  # lowest band darkest, behind dark bars
DPI = 150


def _figure(width: float, height: float):
    """A figure of its own (no pyplot global state), so charts can be drawn in parallel threads."""
    fig = Figure(figsize=(width, height), dpi=DPI)
    FigureCanvasAgg(fig)
    return fig, fig.add_subplot()


def _write_png(canvas, path: Path) -> Path:
    """Write what the canvas holds as a greyscale PNG: the charts are grey by design, and one byte per
    pixel instead of four makes the file smaller and the encoding (a third of a chart's cost) faster.
    zlib's run-length strategy suits a chart's long runs of one grey: ~15 KB a chart, in two thirds of
    the time of the fastest default level (~18 KB)."""
    image = Image.frombuffer("RGBA", canvas.get_width_height(), canvas.buffer_rgba(), "raw", "RGBA", 0, 1)
    image.convert("L").save(path, format="PNG", dpi=(DPI, DPI), compress_level=1, compress_type=zlib.Z_RLE)
    return path


MONTHS = [name[:3] for name in MONTHS_ID]
_MARGINS = {"left": 0.085, "right": 0.985, "top": 0.95, "bottom": 0.1}
# One capaian figure per number of indicators, the least recently used dropped. Offices of a roll-up
# have from a few to some forty indicators: a figure built and its background drawn cost ~0.14 s, a
# kept one ~0.015 s; each kept costs ~0.6 MB (a background or two at one byte per pixel: it draws on
# a renderer lent from _RENDERERS, ~4.6 MB each when every figure had its own pixels).
_CAPAIAN_FIGURES = 24
# the budget and schedule figures, and a capaian figure per number of indicators (tasks.reporting.shelf)
_FIGURES = Shelf(keys=2 + _CAPAIAN_FIGURES)


def _reused(kind: type):
    """A figure of `kind`, lent to this thread while it draws (built on first use)."""
    return _FIGURES.lend(kind, kind)


def _by_month(per_bulan: pd.DataFrame, column: str) -> dict[int, float | None]:
    return {int(m): (None if pd.isna(v) else float(v)) for m, v in zip(per_bulan["bulan"], per_bulan[column])}


def _band_spans(ax, settings: Settings, top: float) -> list:
    """Shade the rating bands behind the bars (horizontal bands of grey, the lowest darkest, their lower
    bounds dotted), labelled on the right: legible in black-and-white print."""
    bands = sorted(settings.kategori, key=lambda b: b.bawah)
    artists = []
    for i, band in enumerate(bands):
        low = max(band.bawah, 0)
        high = bands[i + 1].bawah if i + 1 < len(bands) else top
        artists += [ax.axhspan(low, high, facecolor=BAND_GREYS[i % 5], edgecolor="#ffffff", linewidth=0, zorder=0),
                    ax.axhline(low, color="#9e9e9e", linewidth=0.5, linestyle=":", zorder=1),
                    ax.text(1.005, (low + high) / 2, band.label, transform=ax.get_yaxis_transform(), ha="left",
                            va="center", fontsize=6.5)]
    return artists


def _nice_top(value: float) -> float:
    """The y-axis top above `value`, rounded to 1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6 or 8 x 10^k."""
    if not value > 0:
        return 1.0
    scale = 10 ** math.floor(math.log10(value))
    return next(step * scale for step in (1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10) if value <= step * scale)


class _LentCanvas(FigureCanvasAgg):
    """A canvas with no pixels of its own: it draws on the renderer lent to it (`lent`) while it draws."""

    lent: RendererAgg | None = None

    def get_renderer(self):
        return self.lent


# Renderers for compact figures, by (width, height, dpi) in pixels: one per thread drawing at once.
_RENDERERS = Shelf(keys=4)


class _Blitted:
    """A reused figure whose axes, ticks and labels are drawn once per y-range and kept as a
    background; each chart restores it and draws only its data (`dynamic`) on top."""

    # Backgrounds kept per figure, least recently used dropped first (~2 MB each). The budget chart's
    # top takes ~10 values per decade and an office's months span two decades; offices of a roll-up
    # differ, and with a smaller cache most budget charts missed and drew their axes again.
    _KEEP = 32
    # A compact figure keeps its backgrounds at one byte per pixel and has no pixels of its own: it
    # draws on a renderer lent while it draws (~0.6 MB kept instead of ~4.6 MB). Restoring costs ~1 ms
    # more: worth it for a chart drawn once per office (the LKIP's capaian), of which many figures are
    # kept, not for those drawn thirteen times (budget, schedule).
    _COMPACT = False

    def __init__(self, width: float, height: float):
        self.fig, self.ax = _figure(width, height)
        if self._COMPACT:
            _LentCanvas(self.fig)
        self.fig.subplots_adjust(**_MARGINS)
        self.dynamic: list = []
        self._backgrounds: OrderedDict[float, object] = OrderedDict()

    def _background_changed(self, key) -> None:
        """Called before the background of `key` is drawn (it was not kept): set its static artists."""

    def _save(self, top: float, path: Path, key=None) -> Path:
        """Draw the dynamic artists over the background of `key` (the y-range `top` unless given)."""
        with self._canvas() as canvas:
            self.ax.set_ylim(0, top)
            key = top if key is None else key
            background = self._backgrounds.get(key)
            if background is None:
                self._background_changed(key)
                for artist in self.dynamic:
                    artist.set_visible(False)
                canvas.draw()
                for artist in self.dynamic:
                    artist.set_visible(True)
                if len(self._backgrounds) >= self._KEEP:
                    self._backgrounds.popitem(last=False)
                background = self._backgrounds[key] = self._kept(canvas)
            else:
                self._backgrounds.move_to_end(key)
            _restore(canvas, background)
            for artist in self.dynamic + [self.ax.spines["bottom"]]:  # data under the x-axis line
                self.ax.draw_artist(artist)
            return _write_png(canvas, path)

    @contextmanager
    def _canvas(self) -> Iterator[FigureCanvasAgg]:
        """The figure's canvas, ready to draw: a compact figure's with a renderer lent for the chart."""
        canvas = self.fig.canvas
        if not self._COMPACT:
            yield canvas
            return
        width, height = canvas.get_width_height(physical=True)
        dpi = self.fig.dpi
        with _RENDERERS.lend((width, height, dpi), lambda: RendererAgg(width, height, dpi)) as renderer:
            canvas.lent = canvas.renderer = renderer
            try:
                yield canvas
            finally:
                canvas.lent = canvas.renderer = None

    def _kept(self, canvas: FigureCanvasAgg):
        """The background just drawn, as kept: its pixels (copy_from_bbox), or, for a compact figure
        whose background is opaque grey (as every chart's is), one byte per pixel instead of four."""
        if self._COMPACT:
            pixels = np.asarray(canvas.buffer_rgba())
            grey = pixels[..., 0]
            if (pixels[..., 3] == 255).all() and (pixels[..., 1] == grey).all() and (pixels[..., 2] == grey).all():
                return grey.copy()
        return canvas.copy_from_bbox(self.fig.bbox)


# grey level v -> the RGBA pixel (v, v, v, 255), as one 32-bit word in the machine's byte order
_OPAQUE_GREY = (np.arange(256, dtype=np.uint32) * 0x010101) | np.uint32(0xFF000000)
if sys.byteorder == "big":
    _OPAQUE_GREY = _OPAQUE_GREY.byteswap()


def _restore(canvas: FigureCanvasAgg, background) -> None:
    """Put a kept background back on the canvas, the same pixels however it was kept."""
    if isinstance(background, np.ndarray):
        np.take(_OPAQUE_GREY, background, out=np.asarray(canvas.buffer_rgba()).view(np.uint32)[..., 0])
    else:
        canvas.restore_region(background)


class _AnggaranFigure(_Blitted):
    """Cumulative RPD and realisation, January to December; months after the report's are empty."""

    def __init__(self):
        super().__init__(7.5, 3.2)
        self.rpd, = self.ax.plot([], [], linestyle="--", marker="s", color="#7f7f7f", label="RPD kumulatif")
        self.real, = self.ax.plot([], [], linestyle="-", marker="o", color="#000000", label="Realisasi kumulatif")
        self.dynamic = [self.rpd, self.real]
        self.ax.set_xticks(range(12), MONTHS)
        self.ax.set_xlim(-0.5, 11.5)
        self.ax.set_ylabel("Miliar rupiah")
        self.ax.yaxis.set_major_formatter(FuncFormatter(lambda value, _: format_number(value)))
        self.ax.legend(frameon=False, fontsize=8, loc="lower right")  # cumulative lines leave it empty
        self.ax.grid(axis="y", color="#d9d9d9", linewidth=0.5)

    def draw(self, per_bulan: pd.DataFrame, path: Path) -> Path:
        x = [int(m) - 1 for m in per_bulan["bulan"]]
        rpd, real = (per_bulan["rpd_kumulatif"] / 1e9).tolist(), (per_bulan["realisasi_kumulatif"] / 1e9).tolist()
        self.rpd.set_data(x, rpd)
        self.real.set_data(x, real)
        top = max([v for v in rpd + real if math.isfinite(v)], default=0)
        return self._save(_nice_top(top * 1.05), path)


class _JadwalFigure(_Blitted):
    """Schedule adherence to date per month, January to December, the value written on each bar."""

    def __init__(self):
        super().__init__(7.5, 3.0)
        self.bars = list(self.ax.bar(range(12), [0] * 12, color="#595959", linewidth=0))
        self.labels = [self.ax.text(i, 0, "", ha="center", fontsize=6.5) for i in range(12)]
        self.dynamic = self.bars + self.labels
        self.ax.set_xticks(range(12), MONTHS)
        self.ax.set_xlim(-0.6, 11.6)
        self.ax.set_ylabel("Kepatuhan jadwal (%)")

    def draw(self, per_bulan: pd.DataFrame, path: Path) -> Path:
        values = _by_month(per_bulan, "kepatuhan")
        for month, (bar, label) in enumerate(zip(self.bars, self.labels), start=1):
            value = values.get(month)
            bar.set_height(value or 0)
            label.set_text(format_percent(value, 1) if month in values else "")
            label.set_y((value or 0) + 1)
        return self._save(110, path)


class _CapaianFigure(_Blitted):
    """Vertical bars for `n` indicators numbered 1..n against the rating bands, a figure below 100
    written on its bar, an indicator that cannot be measured marked "-". The axes with their n tick
    labels and the bands are the background, kept per y-range and bands; the bars and figures are
    drawn over it."""

    _KEEP = 4  # offices of a roll-up mostly share the y-range (the cap + 10) and the bands
    _COMPACT = True  # up to _CAPAIAN_FIGURES of them are kept, each drawn once per office

    def __init__(self, n: int):
        super().__init__(7.5, 3.6)
        self.fig.subplots_adjust(left=0.08, right=0.87, bottom=0.14, top=0.97)  # fixed: a tight layout draws twice
        numbers = list(range(1, n + 1))
        self.bars = list(self.ax.bar(numbers, [0] * n, color="#404040", width=0.7, zorder=2))
        self.figures = [self.ax.text(x, 0, "", ha="center", va="bottom", fontsize=5.5, rotation=90, zorder=3)
                        for x in numbers]
        self.dashes = [self.ax.text(x, 2, "", ha="center", va="bottom", fontsize=6, zorder=3) for x in numbers]
        self.dynamic = self.bars + self.figures + self.dashes
        self.ax.set_xlim(0.3, n + 0.7)
        self.ax.set_xticks(numbers)
        self.ax.tick_params(axis="x", labelsize=5.5, length=2)
        self.ax.tick_params(axis="y", labelsize=6.5)
        self.ax.set_xlabel("Nomor indikator (Tabel 3.1)", fontsize=7)
        self.ax.set_ylabel("Capaian (%)", fontsize=7)
        self._bands: list = []
        self._settings: Settings | None = None

    def _background_changed(self, key) -> None:
        for artist in self._bands:
            artist.remove()
        self._bands = _band_spans(self.ax, self._settings, key[0])

    def draw(self, capaian: pd.DataFrame, settings: Settings, path: Path) -> Path:
        values = capaian[CapaianIndikator.capaian_dicap].tolist()
        top = max(110.0, float(max((v for v in values if v == v), default=0)) + 10)
        for bar, figure, dash, value in zip(self.bars, self.figures, self.dashes, values):
            measured = value == value  # not NaN
            bar.set_height(value if measured else 0)
            figure.set_text(format_number(round(float(value))) if measured and value < 100 else "")
            figure.set_y(value + 1.5 if measured else 0)
            dash.set_text("" if measured else "-")
        self._settings = settings
        bands = tuple((b.bawah, b.label) for b in sorted(settings.kategori, key=lambda b: b.bawah))
        return self._save(top, path, key=(top, bands))


def chart_capaian(capaian: pd.DataFrame, settings: Settings, path: Path) -> Path:
    """Vertical bars: the printed capaian of every indicator, numbered as in the report's tables
    (1, 2, … in RAK order), against the rating bands; a figure below 100 is written on its bar, an
    indicator that cannot be measured is marked "-"."""
    n = len(capaian)
    with _FIGURES.lend(("capaian", n), lambda: _CapaianFigure(n)) as figure:
        return figure.draw(capaian, settings, path)


def chart_anggaran(per_bulan: pd.DataFrame, path: Path) -> Path:
    """Cumulative realisation against cumulative RPD by month, in billions of rupiah."""
    with _reused(_AnggaranFigure) as figure:
        return figure.draw(per_bulan, path)


def chart_jadwal(per_bulan: pd.DataFrame, path: Path) -> Path:
    """Schedule adherence to date, by month, with the value on each bar ("-" where nothing was planned)."""
    with _reused(_JadwalFigure) as figure:
        return figure.draw(per_bulan, path)
