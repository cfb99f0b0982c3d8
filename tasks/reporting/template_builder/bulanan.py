"""The monthly progress report template (BulananContext): the computed summary, the month's activities
(listed once) and each sub-unit's count, the late ones, next month, the indicators on track or behind,
the budget per funding source, the current quarter's kendala, and the signature (with an optional
"Mengetahui"). Portrait A4: every table's columns add up to the 15,5 cm text width."""

from __future__ import annotations

from pathlib import Path

from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm

from tasks.files import save_stable
from tasks.reporting.template_builder.docx_kit import (
    CENTER,
    FIXED_TIME,
    JUSTIFY,
    LEFT,
    RIGHT,
    Cell,
    Col,
    add_table,
    cant_split,
    figure,
    loop_paragraphs,
    new_document,
    para,
    signature,
    tag,
)
from tasks.reporting.template_builder.docx_parts import no_borders, signature_cell

TEXT_WIDTH = 15.5  # cm: A4 portrait with margins 3 and 2.5 cm


def cols_fit(cols: list[Col]) -> list[Col]:
    """The columns, checked to fill the text width exactly (a table wider than it runs into the margin)."""
    total = round(sum(c.width for c in cols), 2)
    if total != TEXT_WIDTH:
        raise ValueError(f"table columns add up to {total} cm, not {TEXT_WIDTH}")
    return cols


def tight_cells(table, cm: float = 0.08) -> None:
    """Narrow left and right cell margins (Word's default is 0,19 cm): a money column then holds
    "Rp10.150.000.000" on one line at 8 pt."""
    margins = OxmlElement("w:tblCellMar")
    for side in ("left", "right"):
        el = OxmlElement(f"w:{side}")
        el.set(qn("w:w"), str(round(cm / 2.54 * 1440)))
        el.set(qn("w:type"), "dxa")
        margins.append(el)
    table._tbl.tblPr.append(margins)


def group_row(text: str, span: int) -> list:
    return [Cell(text, span=span, style="Grup Tabel Kecil", align=LEFT)]


def either_table(doc, items: str, build, empty_text: str) -> None:
    """The table when the list has rows, otherwise one sentence saying there are none."""
    tag(doc, f"{{%p if {items} %}}")
    build(doc)
    tag(doc, "{%p else %}")
    para(doc, empty_text, align=JUSTIFY)
    tag(doc, "{%p endif %}")


def ringkasan(doc) -> None:
    doc.add_heading("1. Ringkasan", level=1)
    loop_paragraphs(doc, "ringkasan.paragraf")
    para(doc, "Hal yang memerlukan keputusan:", bold=True)
    tag(doc, "{%p if ringkasan.keputusan %}")
    tag(doc, "{%p for k in ringkasan.keputusan %}")
    para(doc, "{{ loop.index }}. {{ k }}", align=JUSTIFY)
    tag(doc, "{%p endfor %}")
    tag(doc, "{%p else %}")
    para(doc, "Tidak ada aktivitas yang terlambat dua bulan atau lebih, dan deviasi anggaran masih dalam batas.",
         align=JUSTIFY)
    tag(doc, "{%p endif %}")
    rows = [("Aktivitas yang direncanakan bulan {{ bulan }}", "{{ ringkasan.direncanakan }}"),
            ("Selesai", "{{ ringkasan.selesai }}"),
            ("Dalam proses", "{{ ringkasan.dalam_proses }}"),
            ("Jadwal terlambat s.d. bulan {{ bulan }}", "{{ ringkasan.terlambat }}"),
            ("Jadwal belum dilaporkan s.d. bulan {{ bulan }}", "{{ ringkasan.belum_dilaporkan }}"),
            ("Kepatuhan jadwal (dari yang dilaporkan)", "{{ ringkasan.kepatuhan }}"),
            ("Realisasi anggaran {{ ringkasan.anggaran_sd }}", "{{ ringkasan.realisasi_sd }}"),
            ("Rencana penarikan dana (RPD) {{ ringkasan.anggaran_sd }}", "{{ ringkasan.rpd_sd }}"),
            ("Deviasi realisasi terhadap RPD", "{{ ringkasan.deviasi }} ({{ ringkasan.deviasi_persen }})"),
            ("Serapan anggaran terhadap pagu", "{{ ringkasan.serapan }}")]
    add_table(doc, cols_fit([Col("Uraian", 10), Col("Nilai", 5.5, RIGHT)]), [list(r) for r in rows])


def aktivitas_table(doc) -> None:
    # Pelaksana holds a short name ("Semua Subbag") on one line; notes get the room left.
    cols = cols_fit([Col("Kode", 2.2), Col("Aktivitas", 5.4), Col("Pelaksana", 2.4), Col("Status", 1.9, CENTER),
                     Col("Keterangan", 3.6)])
    add_table(doc, cols, ["{%tr for a in aktivitas %}",
                          ["{{ a.kode }}", "{{ a.nama }}", "{{ a.pelaksana }}", "{{ a.status }}", "{{ a.keterangan }}"],
                          "{%tr endfor %}"], small=True)


def per_pelaksana_table(doc) -> None:
    cols = cols_fit([Col("Sub Bagian", 4.5), Col("Rencana s.d.", 2.0, CENTER), Col("Selesai", 2.0, CENTER),
                     Col("Terlambat", 2.0, CENTER), Col("Belum dilaporkan", 2.5, CENTER),
                     Col("Kepatuhan", 2.5, CENTER)])
    add_table(doc, cols, ["{%tr for u in per_pelaksana %}",
                          ["{{ u.pelaksana }}", "{{ u.rencana }}", "{{ u.selesai }}", "{{ u.terlambat }}",
                           "{{ u.belum_dilaporkan }}", "{{ u.kepatuhan }}"],
                          "{%tr endfor %}"], small=True)


def pelaksanaan(doc) -> None:
    doc.add_heading("2. Pelaksanaan Aktivitas Bulan {{ bulan }}", level=1)
    either_table(doc, "aktivitas", aktivitas_table, "Rencana Aksi tidak menjadwalkan aktivitas pada bulan {{ bulan }}.")
    para(doc)
    para(doc, "Rekapitulasi jadwal aktivitas per sub bagian s.d. bulan {{ bulan }}:")
    per_pelaksana_table(doc)


def terlambat_table(doc) -> None:
    cols = cols_fit([Col("Kode", 2.2), Col("Aktivitas", 4.0), Col("Pelaksana", 2.4), Col("Bulan Rencana", 1.9, CENTER),
                     Col("Status", 1.7, CENTER), Col("Keterangan", 3.3)])
    add_table(doc, cols, ["{%tr for t in terlambat %}",
                          ["{{ t.kode }}", "{{ t.nama }}", "{{ t.pelaksana }}", "{{ t.bulan_rencana }}",
                           "{{ t.status }}", "{{ t.keterangan }}"],
                          "{%tr endfor %}"], small=True)


def berikutnya_table(doc) -> None:
    cols = cols_fit([Col("Kode", 2.2), Col("Aktivitas", 10.9), Col("Pelaksana", 2.4)])
    add_table(doc, cols, ["{%tr for a in berikutnya.aktivitas %}",
                          ["{{ a.kode }}", "{{ a.nama }}", "{{ a.pelaksana }}"], "{%tr endfor %}"], small=True)


def indikator_table(doc) -> None:
    cols = cols_fit([Col("No", 0.8, CENTER), Col("Indikator Kinerja", 4.6), Col("Target Tahunan", 1.8, CENTER),
                     Col("Target s.d. TW {{ triwulan_diukur }}", 1.8, CENTER), Col("Realisasi", 1.8, CENTER),
                     Col("Status", 1.7, CENTER), Col("Keterangan", 3.0)])
    table = add_table(doc, cols, ["{%tr for i in indikator %}",
                                  ["{{ i.no }}", "{{ i.nama }}", "{{ i.target }}", "{{ i.target_jatuh_tempo }}",
                                   "{{ i.realisasi }}", "{{ i.kemajuan }}", "{{ i.alasan }}"],
                                  "{%tr endfor %}"], small=True)
    tight_cells(table)


def indikator(doc) -> None:
    doc.add_heading("5. Capaian Indikator Kinerja", level=1)
    para(doc, "{{ sumber_indikator }}", align=JUSTIFY)
    tag(doc, "{%p if indikator_diukur %}")
    indikator_table(doc)
    tag(doc, "{%p endif %}")


MONEY = ("pagu", "rpd", "realisasi", "deviasi", "deviasi_persen", "serapan")


def anggaran_table(doc) -> None:
    # Whole rupiah at 8 pt with narrow cell margins: "-Rp10.150.000.000" fits 2,45 cm on one line.
    cols = cols_fit([Col("Kegiatan", 3.1), Col("Pagu", 2.45, RIGHT), Col("RPD s.d.", 2.45, RIGHT),
                     Col("Realisasi s.d.", 2.45, RIGHT), Col("Deviasi", 2.45, RIGHT), Col("Deviasi (%)", 1.3, RIGHT),
                     Col("Serapan", 1.3, RIGHT)])
    table = add_table(doc, cols, [
        "{%tr for s in anggaran %}",
        group_row("{{ s.nama }}", len(cols)),
        "{%tr for a in s.baris %}",
        ["{{ a.kegiatan }}"] + [f"{{{{ a.{f} }}}}" for f in MONEY],
        "{%tr endfor %}",
        [Cell("{{ s.subtotal.kegiatan }}", bold=True)] + [Cell(f"{{{{ s.subtotal.{f} }}}}", bold=True) for f in MONEY],
        "{%tr endfor %}",
        [Cell("{{ anggaran_total.kegiatan }}", bold=True)]
        + [Cell(f"{{{{ anggaran_total.{f} }}}}", bold=True) for f in MONEY],
    ], small=True)
    tight_cells(table)


def anggaran(doc) -> None:
    doc.add_heading("6. Anggaran per Sumber Dana", level=1)
    para(doc, "Pagu, rencana penarikan dana (RPD) dan realisasi {{ ringkasan.anggaran_sd }}; deviasi adalah "
              "realisasi kumulatif dikurangi RPD kumulatif.", align=JUSTIFY)
    either_table(doc, "anggaran", anggaran_table, "Data anggaran belum dilaporkan pada formulir realisasi.")
    tag(doc, "{%p if dengan_grafik %}")
    figure(doc, "grafik_anggaran", "Grafik 1. Realisasi anggaran terhadap RPD")
    figure(doc, "grafik_jadwal", "Grafik 2. Kepatuhan pelaksanaan jadwal Rencana Aksi per bulan")
    tag(doc, "{%p endif %}")


def kendala_table(doc) -> None:
    cols = cols_fit([Col("Indikator", 5.0), Col("Kendala", 5.25), Col("Upaya/Tindak Lanjut", 5.25)])
    add_table(doc, cols, ["{%tr for k in kendala %}", ["{{ k.indikator }}", "{{ k.kendala }}", "{{ k.upaya }}"],
                          "{%tr endfor %}"], small=True)


def kendala(doc) -> None:
    doc.add_heading("7. Kendala dan Tindak Lanjut", level=1)
    tag(doc, "{%p if kendala_triwulan %}")
    either_table(doc, "kendala", kendala_table, "Formulir {{ kendala_triwulan }} tidak mencatat kendala.")
    tag(doc, "{%p else %}")
    para(doc, "Kendala dan upaya dilaporkan bersama realisasi indikator setelah Triwulan I berakhir.")
    tag(doc, "{%p endif %}")


def signature_with_mengetahui(doc) -> None:
    """The signer on the right under place and date; 'Mengetahui' and its official on the left."""
    table = doc.add_table(rows=1, cols=2)
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    no_borders(table)
    for grid_col in table._tbl.tblGrid.gridCol_lst:
        grid_col.w = Cm(TEXT_WIDTH / 2)
    blocks = (("Mengetahui,", "mengetahui"), ("{{ kota_tanggal }}", "penandatangan"))
    for cell, (first, who) in zip(table.rows[0].cells, blocks, strict=True):
        cell.width = Cm(TEXT_WIDTH / 2)
        signature_cell(doc, cell, first, who)
    cant_split(table.rows[0])


def signatures(doc) -> None:
    tag(doc, "{%p if ada_mengetahui %}")
    para(doc)
    signature_with_mengetahui(doc)
    tag(doc, "{%p else %}")
    signature(doc)
    tag(doc, "{%p endif %}")


def title_block(doc, last_line: str) -> None:
    """The report's title, the period, the office and one more line (its address, or the period's dates)."""
    para(doc, "{{ judul }}", style="Title", align=CENTER)
    para(doc, "{{ subjudul }}", align=CENTER, bold=True)
    para(doc, "{{ satker.nama_upper }}", align=CENTER, bold=True)
    para(doc, last_line, align=CENTER)


def build_bulanan(path: Path) -> Path:
    """The monthly progress report template (BulananContext)."""
    doc = new_document(chapters=False)
    title_block(doc, "{{ satker.alamat }}")
    ringkasan(doc)
    pelaksanaan(doc)
    doc.add_heading("3. Aktivitas Terlambat", level=1)
    either_table(doc, "terlambat", terlambat_table, "Tidak ada aktivitas yang terlambat s.d. bulan {{ bulan }}.")
    doc.add_heading("4. Rencana Bulan Berikutnya", level=1)
    para(doc, "{{ berikutnya.paragraf }}", align=JUSTIFY)
    tag(doc, "{%p if berikutnya.aktivitas %}")
    berikutnya_table(doc)
    tag(doc, "{%p endif %}")
    indikator(doc)
    anggaran(doc)
    kendala(doc)
    signatures(doc)
    return save_stable(path, doc.save, date=FIXED_TIME.timetuple()[:6])
