"""Charts for the reports, drawn to PNG with matplotlib (Agg, no screen).

Figures are built without pyplot (no global state), so offices can be drawn in parallel. Designed
to stay legible printed in black and white: greys and hatching for the rating bands,
distinct line styles and markers instead of colours alone, values written on the bars.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

from tasks.fmt import format_percent
from tasks.parse import MONTHS_ID
from tasks.settings import Settings

BAND_GREYS = ["#f2f2f2", "#d9d9d9", "#bfbfbf", "#a6a6a6", "#8c8c8c"]
BAND_HATCH = ["", "..", "//", "xx", "\\\\"]
DPI = 150
_META = {"Software": None}  # keep PNG bytes free of the matplotlib version


def _figure(width: float, height: float):
    """A figure of its own (no pyplot global state), so charts can be drawn in parallel threads."""
    fig = Figure(figsize=(width, height))
    FigureCanvasAgg(fig)
    return fig, fig.add_subplot()


def _save(fig, path: Path) -> Path:
    fig.tight_layout()
    fig.savefig(path, dpi=DPI, metadata=_META)
    return path


def _band_spans(ax, settings: Settings, top: float) -> None:
    """Shade the rating bands behind the bars, labelled, hatched for black-and-white print."""
    bands = sorted(settings.kategori, key=lambda b: b.bawah)
    for i, band in enumerate(bands):
        low = max(band.bawah, 0)
        high = bands[i + 1].bawah if i + 1 < len(bands) else top
        ax.axvspan(low, high, facecolor=BAND_GREYS[i % 5], hatch=BAND_HATCH[i % 5], edgecolor="#ffffff",
                   linewidth=0, zorder=0)
        ax.text((low + high) / 2, 1.0, band.label, transform=ax.get_xaxis_transform(), ha="center", va="bottom",
                fontsize=6.5)


def chart_capaian(capaian: pd.DataFrame, settings: Settings, path: Path) -> Path:
    """Horizontal bars: capped capaian per indicator against the rating bands."""
    data = capaian.iloc[::-1]
    top = max(110.0, float(data["capaian_dicap"].max() or 0) + 10)
    fig, ax = _figure(7.5, max(3.0, 0.19 * len(data) + 1))
    _band_spans(ax, settings, top)
    values = data["capaian_dicap"].fillna(0)
    ax.barh(data["kode"], values, color="#404040", height=0.6, zorder=2)
    for y, (value, status) in enumerate(zip(data["capaian_dicap"], data["status"])):
        label = format_percent(value) if pd.notna(value) else status
        ax.text((value if pd.notna(value) else 0) + 1, y, label, va="center", fontsize=6, zorder=3)
    ax.set_xlim(0, top)
    ax.set_xlabel("Capaian (%)")
    ax.tick_params(axis="y", labelsize=6)
    return _save(fig, path)


def chart_anggaran(per_bulan: pd.DataFrame, path: Path) -> Path:
    """Cumulative realisation against cumulative RPD by month, in billions of rupiah."""
    fig, ax = _figure(7.5, 3.2)
    months = [MONTHS_ID[m - 1][:3] for m in per_bulan["bulan"]]
    ax.plot(months, per_bulan["rpd_kumulatif"] / 1e9, linestyle="--", marker="s", color="#7f7f7f",
            label="RPD kumulatif")
    ax.plot(months, per_bulan["realisasi_kumulatif"] / 1e9, linestyle="-", marker="o", color="#000000",
            label="Realisasi kumulatif")
    ax.set_ylabel("Miliar rupiah")
    ax.legend(frameon=False, fontsize=8)
    ax.grid(axis="y", color="#d9d9d9", linewidth=0.5)
    return _save(fig, path)


def chart_jadwal(per_bulan: pd.DataFrame, path: Path) -> Path:
    """Schedule adherence to date, by month, with the value on each bar."""
    fig, ax = _figure(7.5, 3.0)
    months = [MONTHS_ID[m - 1][:3] for m in per_bulan["bulan"]]
    values = per_bulan["kepatuhan"].fillna(0)
    bars = ax.bar(months, values, color="#595959", hatch="//", edgecolor="#ffffff")
    for bar, value in zip(bars, per_bulan["kepatuhan"]):
        ax.text(bar.get_x() + bar.get_width() / 2, bar.get_height() + 1, format_percent(value, 1), ha="center",
                fontsize=6.5)
    ax.set_ylim(0, 110)
    ax.set_ylabel("Kepatuhan jadwal (%)")
    return _save(fig, path)
