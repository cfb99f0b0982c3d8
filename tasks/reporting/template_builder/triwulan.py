"""The quarterly measurement report template (TriwulanContext): the summary, every indicator measured
at the quarter's end (the quarter alone, to date, against what was due), the schedule per sub-unit,
the late activities, the budget per funding source, the quarter's kendala, and the signature."""

from __future__ import annotations

from pathlib import Path

from tasks.files import save_stable
from tasks.reporting.template_builder.bulanan import (
    anggaran_table,
    cols_fit,
    either_table,
    kendala_table,
    per_pelaksana_table,
    signatures,
    terlambat_table,
    tight_cells,
    title_block,
)
from tasks.reporting.template_builder.docx_kit import (
    CENTER,
    FIXED_TIME,
    JUSTIFY,
    RIGHT,
    Col,
    add_table,
    figure,
    loop_paragraphs,
    new_document,
    para,
    tag,
)


def indikator_table(doc) -> None:
    cols = cols_fit([Col("No", 0.8, CENTER), Col("Indikator Kinerja", 4.2), Col("Target Tahunan", 1.6, CENTER),
                     Col("Target s.d. TW {{ triwulan }}", 1.6, CENTER), Col("Realisasi TW {{ triwulan }}", 1.6, CENTER),
                     Col("Realisasi s.d. TW {{ triwulan }}", 1.6, CENTER), Col("Status", 1.6, CENTER),
                     Col("Keterangan", 2.5)])
    table = add_table(doc, cols, ["{%tr for i in indikator %}",
                                  ["{{ i.no }}", "{{ i.nama }}", "{{ i.target }}", "{{ i.target_jatuh_tempo }}",
                                   "{{ i.realisasi_triwulan }}", "{{ i.realisasi }}", "{{ i.kemajuan }}",
                                   "{{ i.alasan }}"],
                                  "{%tr endfor %}"], small=True)
    tight_cells(table)


def kategori_table(doc) -> None:
    add_table(doc, cols_fit([Col("Status terhadap target yang jatuh tempo", 11.5), Col("Jumlah indikator", 4, RIGHT)]),
              ["{%tr for k in kategori %}", ["{{ k.label }}", "{{ k.jumlah }}"], "{%tr endfor %}"])


def build_triwulan(path: Path) -> Path:
    """The quarterly measurement report template (TriwulanContext)."""
    doc = new_document(chapters=False)
    title_block(doc, "Periode {{ periode }}")
    doc.add_heading("1. Ringkasan", level=1)
    loop_paragraphs(doc, "ringkasan")
    tag(doc, "{%p if keputusan %}")
    para(doc, "Hal yang memerlukan keputusan:", bold=True)
    tag(doc, "{%p for k in keputusan %}")
    para(doc, "{{ loop.index }}. {{ k }}", align=JUSTIFY)
    tag(doc, "{%p endfor %}")
    tag(doc, "{%p endif %}")
    kategori_table(doc)
    doc.add_heading("2. Pengukuran Indikator Kinerja Triwulan {{ triwulan }}", level=1)
    indikator_table(doc)
    doc.add_heading("3. Pelaksanaan Rencana Aksi s.d. Triwulan {{ triwulan }}", level=1)
    per_pelaksana_table(doc)
    para(doc)
    para(doc, "Aktivitas yang terlambat pada akhir triwulan:")
    either_table(doc, "terlambat", terlambat_table, "Tidak ada aktivitas yang terlambat pada akhir triwulan.")
    doc.add_heading("4. Realisasi Anggaran s.d. Triwulan {{ triwulan }}", level=1)
    either_table(doc, "anggaran", anggaran_table, "Data anggaran belum dilaporkan pada formulir realisasi.")
    tag(doc, "{%p if dengan_grafik %}")
    figure(doc, "grafik_anggaran", "Grafik 1. Realisasi anggaran terhadap RPD")
    figure(doc, "grafik_jadwal", "Grafik 2. Kepatuhan pelaksanaan jadwal Rencana Aksi per bulan")
    tag(doc, "{%p endif %}")
    doc.add_heading("5. Kendala dan Tindak Lanjut Triwulan {{ triwulan }}", level=1)
    either_table(doc, "kendala", kendala_table, "Formulir Triwulan {{ triwulan }} tidak mencatat kendala.")
    signatures(doc)
    return save_stable(path, doc.save, date=FIXED_TIME.timetuple()[:6])
