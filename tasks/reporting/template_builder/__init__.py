"""The bundled Word templates (templates/lkip.docx, bulanan.docx, triwulan.docx) and the placeholder chart
of their sample contexts, generated from code so that a change is reviewable in a diff; the files
are byte-stable, and a test proves the committed ones are what this code writes.

    .venv/bin/python -m tasks.reporting.template_builder [--out-dir templates]

An office that wants its own layout copies a generated .docx into its input folder (templat/),
edits it in Word, and keeps it there (tasks.reporting.templates).
"""

from __future__ import annotations

import argparse
from pathlib import Path

from tasks.reporting.template_builder.bulanan import build_bulanan
from tasks.reporting.template_builder.lkip import build_lkip
from tasks.reporting.template_builder.sample_context import (
    write_bulanan_sample,
    write_lkip_sample,
    write_triwulan_sample,
)
from tasks.reporting.template_builder.triwulan import build_triwulan

TEMPLATES = Path(__file__).resolve().parents[3] / "templates"


def build_placeholder_chart(path: Path) -> Path:
    """A small bar chart standing in for every Gambar of the sample contexts."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    labels, values = ["K01.I01", "K02.I02", "K05.I01"], [100.0, 90.0, 60.0]
    fig, ax = plt.subplots(figsize=(6, 3), dpi=100)
    ax.bar(labels, values, color=["#2e7d32", "#f9a825", "#c62828"])
    ax.axhline(100, color="grey", linewidth=0.8, linestyle="--")
    ax.set_ylim(0, 110)
    ax.set_ylabel("Capaian (%)")
    ax.set_title("Contoh grafik (placeholder)")
    fig.tight_layout()
    fig.savefig(path, metadata={"Software": None})
    plt.close(fig)
    return path



def build_templates(out_dir: Path, chart: bool = True, sample: bool = True) -> list[Path]:
    """Write lkip.docx, bulanan.docx, triwulan.docx and (with `chart`) contoh-grafik.png, (with `sample`) the sample
    contexts made from data/ into `out_dir`."""
    out_dir.mkdir(parents=True, exist_ok=True)
    written = [build_lkip(out_dir / "lkip.docx"), build_bulanan(out_dir / "bulanan.docx"),
               build_triwulan(out_dir / "triwulan.docx")]
    if chart:
        written.append(build_placeholder_chart(out_dir / "contoh-grafik.png"))
    if sample:
        written += [write_lkip_sample(out_dir / "lkip.sample.json"),
                    write_bulanan_sample(out_dir / "bulanan.sample.json"),
                    write_triwulan_sample(out_dir / "triwulan.sample.json")]
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Generate the bundled Word templates.")
    parser.add_argument("--out-dir", type=Path, default=TEMPLATES, help="folder to write into (default: %(default)s)")
    parser.add_argument("--no-chart", action="store_true", help="do not (re)write contoh-grafik.png")
    parser.add_argument("--no-sample", action="store_true", help="do not (re)write the *.sample.json files")
    args = parser.parse_args(argv)
    for path in build_templates(args.out_dir, chart=not args.no_chart, sample=not args.no_sample):
        print(path)
    return 0
