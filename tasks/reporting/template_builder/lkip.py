"""The LKIP template (LkipContext), in the outline of PermenPAN-RB 53/2014: cover, Kata Pengantar,
Ikhtisar Eksekutif and Daftar Isi (roman page numbers), Bab I-IV (arabic from 1), Lampiran 1 the
Perjanjian Kinerja, Lampiran 2-3 the RAK and the quarterly measurement (landscape).

Tables group their rows under a kegiatan row that stays with them; rows never split across pages;
headings, table titles and charts stay with what follows them.
"""

from __future__ import annotations

from pathlib import Path

from docx.enum.section import WD_SECTION
from docx.enum.text import WD_BREAK
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
    labelled,
    loop_paragraphs,
    new_document,
    number_pages,
    optional_figure,
    para,
    set_page,
    signature,
    table_title,
    tag,
)
from tasks.reporting.template_builder.docx_parts import signature_pair, toc_field


def group_row(text: str, span: int, small: bool = False) -> list:
    """A row holding a kegiatan's title over all columns; it keeps with the rows it heads."""
    return [Cell(text, span=span, style="Grup Tabel Kecil" if small else "Grup Tabel", align=LEFT)]


def lkip_cover(doc) -> None:
    """Title, office, address and year, centered; the next Heading 1 starts a new page."""
    para(doc, size=12).paragraph_format.space_before = Cm(5)
    para(doc, "{{ judul }}", style="Title", align=CENTER)
    para(doc).paragraph_format.space_before = Cm(6)
    para(doc, "{{ satker.nama_upper }}", align=CENTER, bold=True, size=14)
    para(doc, "{{ satker.alamat }}", align=CENTER)
    para(doc, "{{ tahun }}", align=CENTER, bold=True, size=14)


def lkip_kata_pengantar(doc) -> None:
    doc.add_heading("KATA PENGANTAR", level=1)
    loop_paragraphs(doc, "narasi.kata_pengantar")
    signature(doc)


def lkip_reviu(doc) -> None:
    """The APIP's review statement, on its own page, when the profile names the reviewer."""
    tag(doc, "{%p if reviu.ada %}")
    doc.add_heading("PERNYATAAN TELAH DIREVIU", level=1)
    loop_paragraphs(doc, "reviu.paragraf")
    signature(doc, "reviu.")
    tag(doc, "{%p endif %}")


def lkip_ikhtisar(doc) -> None:
    """The year in a few computed paragraphs and the count of indicators per rating band."""
    doc.add_heading("IKHTISAR EKSEKUTIF", level=1)
    loop_paragraphs(doc, "ikhtisar.paragraf")
    table_title(doc, "Ringkasan capaian indikator menurut kategori")
    add_table(doc, [Col("Kategori Capaian", 9), Col("Jumlah Indikator", 4, CENTER)], [
        "{%tr for k in ikhtisar.kategori %}",
        ["{{ k.label }}", "{{ k.jumlah }}"],
        "{%tr endfor %}",
        [Cell("Jumlah", bold=True), Cell("{{ ikhtisar.jumlah_indikator }}", bold=True)],
    ])


def lkip_daftar_isi(doc) -> None:
    para(doc, "DAFTAR ISI", style="TOC Heading", align=CENTER).paragraph_format.page_break_before = True
    toc_field(doc, "daftar_isi")


def lkip_bab_1(doc) -> None:
    doc.add_heading("BAB I PENDAHULUAN", level=1)
    for title, items in (("A. Organisasi", "narasi.organisasi"), ("B. Tugas dan Fungsi", "narasi.tugas_fungsi"),
                         ("C. Struktur Organisasi", "narasi.struktur"), ("D. Isu Strategis", "narasi.isu_strategis")):
        doc.add_heading(title, level=2)
        loop_paragraphs(doc, items)


def pk_table(doc, items: str, small: bool = False) -> None:
    """Sasaran/kegiatan rows over their indicators and targets."""
    widths = (1.0, 11.5, 3.0) if not small else (1.0, 11.0, 3.5)
    cols = [Col("No", widths[0], CENTER), Col("Indikator Kinerja", widths[1]), Col("Target", widths[2], CENTER)]
    add_table(doc, cols, [
        f"{{%tr for k in {items} %}}",
        group_row("{{ k.no }}. {{ k.nama }}", 3),
        "{%tr for i in k.indikator %}",
        ["{{ loop.index }}", "{{ i.nama }}", "{{ i.target }}"],
        "{%tr endfor %}",
        "{%tr endfor %}",
    ], header=[["No", "Sasaran / Indikator Kinerja", "Target"]])


def lkip_bab_2(doc) -> None:
    doc.add_heading("BAB II PERENCANAAN KINERJA", level=1)
    doc.add_heading("A. Rencana Strategis", level=2)
    loop_paragraphs(doc, "narasi.renstra")
    doc.add_heading("B. Perjanjian Kinerja", level=2)
    loop_paragraphs(doc, "pk_pengantar")
    table_title(doc, "Tabel 2.1 Perjanjian Kinerja Tahun {{ tahun }}")
    pk_table(doc, "pk_kegiatan")


def capaian_table(doc) -> None:
    cols = [Col("No", 0.9, CENTER), Col("Indikator Kinerja", 6.0), Col("Target", 2.1, CENTER),
            Col("Realisasi", 2.1, CENTER), Col("Capaian", 1.9, CENTER), Col("Kategori", 2.5, CENTER)]
    add_table(doc, cols, [
        "{%tr for k in kegiatan %}",
        group_row("{{ k.judul }}", 6),
        "{%tr for i in k.indikator %}",
        ["{{ i.no }}", "{{ i.nama }}", "{{ i.target }}", "{{ i.realisasi }}", "{{ i.capaian }}", "{{ i.kategori }}"],
        "{%tr endfor %}",
        "{%tr endfor %}",
    ])


def indicator_analysis(doc) -> None:
    """Per kegiatan its paragraph, then per indicator the points its data supports."""
    tag(doc, "{%p for k in kegiatan %}")
    para(doc, "{{ k.judul }}", style="Heading 3")
    tag(doc, "{%p for p in k.paragraf %}")
    para(doc, "{{ p }}", align=JUSTIFY)
    tag(doc, "{%p endfor %}")
    tag(doc, "{%p for i in k.indikator %}")
    para(doc, "{{ i.no }}. {{ i.nama }}", style="Judul Indikator")
    tag(doc, "{%p for b in i.analisis %}")
    labelled(doc, "{{ b.label }}: ", "{{ b.teks }}", "Butir Analisis")
    tag(doc, "{%p endfor %}")
    tag(doc, "{%p endfor %}")
    tag(doc, "{%p endfor %}")


def anggaran_table(doc) -> None:
    # Money columns wide enough for "Rp30.050.000.000,00" on one line at 10 pt.
    cols = [Col("Kegiatan", 5.2), Col("Pagu", 4.2, RIGHT), Col("Realisasi", 4.2, RIGHT), Col("Serapan", 1.9, CENTER)]
    add_table(doc, cols, [
        "{%tr for s in anggaran.sumber %}",
        group_row("{{ s.nama }}", 4),
        "{%tr for a in s.baris %}",
        ["{{ a.kegiatan }}", "{{ a.pagu }}", "{{ a.realisasi }}", "{{ a.serapan }}"],
        "{%tr endfor %}",
        [Cell("{{ s.subtotal.kegiatan }}", bold=True), Cell("{{ s.subtotal.pagu }}", bold=True),
         Cell("{{ s.subtotal.realisasi }}", bold=True), Cell("{{ s.subtotal.serapan }}", bold=True)],
        "{%tr endfor %}",
        [Cell("{{ anggaran.total.kegiatan }}", bold=True), Cell("{{ anggaran.total.pagu }}", bold=True),
         Cell("{{ anggaran.total.realisasi }}", bold=True), Cell("{{ anggaran.total.serapan }}", bold=True)],
    ])


def efisiensi_table(doc) -> None:
    cols = [Col("No", 0.9, CENTER), Col("Kegiatan", 5.5), Col("Capaian Kinerja", 2.2, CENTER),
            Col("Serapan Anggaran", 2.2, CENTER), Col("Indeks Efisiensi", 2.2, CENTER), Col("Penilaian", 2.5, CENTER)]
    add_table(doc, cols, [
        "{%tr for e in anggaran.efisiensi %}",
        ["{{ e.no }}", "{{ e.kegiatan }}", "{{ e.capaian }}", "{{ e.serapan }}", "{{ e.indeks }}", "{{ e.penilaian }}"],
        "{%tr endfor %}",
    ])


def lkip_bab_3(doc) -> None:
    doc.add_heading("BAB III AKUNTABILITAS KINERJA", level=1)
    doc.add_heading("A. Capaian Kinerja Organisasi", level=2)
    loop_paragraphs(doc, "bab3.pengantar")
    table_title(doc, "Tabel 3.1 Capaian indikator kinerja Tahun {{ tahun }}")
    capaian_table(doc)
    optional_figure(doc, "grafik_capaian", "Grafik 3.1 Capaian kinerja per indikator (nomor sesuai Tabel 3.1)")
    loop_paragraphs(doc, "bab3.grafik")
    loop_paragraphs(doc, "bab3.ketersediaan")
    indicator_analysis(doc)
    doc.add_heading("B. Realisasi Anggaran", level=2)
    loop_paragraphs(doc, "anggaran.paragraf")
    table_title(doc, "Tabel 3.2 Realisasi anggaran per sumber dana dan kegiatan Tahun {{ tahun }}")
    anggaran_table(doc)
    optional_figure(doc, "grafik_anggaran", "Grafik 3.2 Realisasi anggaran terhadap RPD (kumulatif per bulan)")
    loop_paragraphs(doc, "anggaran.grafik_anggaran")
    optional_figure(doc, "grafik_jadwal", "Grafik 3.3 Kepatuhan pelaksanaan jadwal Rencana Aksi per bulan")
    loop_paragraphs(doc, "anggaran.grafik_jadwal")
    para(doc, "Efisiensi Penggunaan Sumber Daya", style="Heading 3")
    loop_paragraphs(doc, "anggaran.efisiensi_paragraf")
    table_title(doc, "Tabel 3.3 Efisiensi penggunaan anggaran per kegiatan Tahun {{ tahun }}")
    efisiensi_table(doc)


def rekomendasi_table(doc) -> None:
    cols = [Col("Indikator", 4.0), Col("Rekomendasi", 6.3), Col("Penanggung Jawab", 2.8), Col("Waktu", 2.4, CENTER)]
    add_table(doc, cols, [
        "{%tr for r in bab4.rekomendasi %}",
        ["{{ r.indikator }}", "{{ r.rekomendasi }}", "{{ r.penanggung_jawab }}", "{{ r.waktu }}"],
        "{%tr endfor %}",
    ])


def lkip_bab_4(doc) -> None:
    doc.add_heading("BAB IV PENUTUP", level=1)
    doc.add_heading("A. Kesimpulan", level=2)
    loop_paragraphs(doc, "bab4.kesimpulan")
    loop_paragraphs(doc, "narasi.kesimpulan")
    doc.add_heading("B. Rekomendasi dan Langkah ke Depan", level=2)
    tag(doc, "{%p if bab4.rekomendasi %}")
    para(doc, "Untuk indikator yang belum mencapai target, rekomendasi perbaikan Tahun {{ tahun_berikut }} "
              "ditetapkan sebagai berikut.", align=JUSTIFY)
    table_title(doc, "Tabel 4.1 Rekomendasi perbaikan kinerja")
    rekomendasi_table(doc)
    tag(doc, "{%p endif %}")
    loop_paragraphs(doc, "narasi.langkah")
    tag(doc, "{%p if narasi.tindak_lanjut %}")
    doc.add_heading("C. Tindak Lanjut Rekomendasi Evaluasi Tahun {{ tahun_lalu }}", level=2)
    loop_paragraphs(doc, "narasi.tindak_lanjut")
    tag(doc, "{%p endif %}")


def perjanjian(doc) -> None:
    """Each Perjanjian Kinerja on its own pages: the agreement, its signatures, its table and budget."""
    tag(doc, "{%p for pk in perjanjian %}")
    tag(doc, "{%p if not loop.first %}")
    doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
    tag(doc, "{%p endif %}")
    para(doc, "{{ pk.judul }}", align=CENTER, bold=True, size=14)
    para(doc, "{{ pk.subjudul }}", align=CENTER, bold=True)
    tag(doc, "{%p for p in pk.pembuka %}")
    para(doc, "{{ p }}", align=JUSTIFY)
    tag(doc, "{%p endfor %}")
    para(doc, "{{ pk.kota_tanggal }}", align=RIGHT).paragraph_format.keep_with_next = True
    signature_pair(doc, "pk.pihak_kedua", "pk.pihak_pertama")
    doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
    para(doc, "LAMPIRAN {{ pk.judul }}", align=CENTER, bold=True)
    para(doc, "{{ pk.subjudul }}", align=CENTER, bold=True)
    para(doc, "Sasaran, indikator kinerja dan target", bold=True).paragraph_format.keep_with_next = True
    pk_table(doc, "pk.kegiatan", small=True)
    para(doc, "Anggaran", bold=True).paragraph_format.keep_with_next = True
    add_table(doc, [Col("No", 1.0, CENTER), Col("Kegiatan", 10.5), Col("Pagu", 4.0, RIGHT)], [
        "{%tr for a in pk.anggaran %}",
        ["{{ a.no }}", "{{ a.kegiatan }}", "{{ a.pagu }}"],
        "{%tr endfor %}",
        [Cell("Jumlah", span=2, bold=True, align=CENTER), Cell("{{ pk.anggaran_total }}", bold=True)],
    ])
    para(doc).paragraph_format.keep_with_next = True
    para(doc, "{{ pk.kota_tanggal }}", align=RIGHT).paragraph_format.keep_with_next = True
    signature_pair(doc, "pk.pihak_kedua", "pk.pihak_pertama")
    tag(doc, "{%p endfor %}")


def rak_table(doc) -> None:
    """The RAK: kegiatan rows over their indicators, each indicator over its activities."""
    month = 0.95  # "Jan".."Des" on one line at 8 pt, cell margins included
    cols = ([Col("Indikator Kinerja", 4.4), Col("Target", 1.5, CENTER), Col("Kegiatan yang dilaksanakan", 4.9)]
            + [Col(f"{{{{ bulan_singkat[{m}] }}}}", month, CENTER) for m in range(12)]
            + [Col("Pelaksana", 3.5)])
    first = ["Indikator Kinerja", "Target", "Kegiatan yang dilaksanakan", Cell("Rencana Pelaksanaan", span=12),
             "Pelaksana"]
    second = [""] * 3 + [c.title for c in cols[3:15]] + [""]
    add_table(doc, cols, [
        "{%tr for k in rak %}",
        group_row("{{ k.judul }}", 16, small=True),
        "{%tr for i in k.indikator %}",
        "{%tr for r in i.aktivitas %}",
        ["{% vm %}{{ i.nama }}", "{% vm %}{{ i.target }}", "{{ r.aktivitas }}"]
        + [f"{{{{ r.bulan[{m}] }}}}" for m in range(12)] + ["{{ r.pelaksana }}"],
        "{%tr endfor %}",
        "{%tr endfor %}",
        "{%tr endfor %}",
    ], header=[first, second], merge_down=(0, 1, 2, 15), small=True)


def triwulan_table(doc) -> None:
    """The quarterly measurement: one row per indicator, the four quarters side by side."""
    quarter = [Col("Realisasi", 1.7, CENTER), Col("Capaian", 1.7, CENTER)]
    cols = ([Col("No", 0.9, CENTER), Col("Indikator Kinerja", 5.6), Col("Target", 1.7, CENTER)] + quarter * 4
            + [Col("Capaian Tahun", 1.7, CENTER), Col("Status", 2.2, CENTER)])
    first = (["No", "Indikator Kinerja", "Target"] + [Cell(f"Triwulan {tw}", span=2) for tw in ("I", "II", "III", "IV")]
             + ["Capaian Tahun", "Status"])
    second = [""] * 3 + ["Realisasi", "Capaian"] * 4 + ["", ""]
    body = ["{{ t.no }}", "{{ t.nama }}", "{{ t.target }}"]
    for q in range(4):
        body += [f"{{{{ t.tw[{q}].realisasi }}}}", f"{{{{ t.tw[{q}].capaian }}}}"]
    add_table(doc, cols, ["{%tr for t in triwulan %}", body + ["{{ t.capaian }}", "{{ t.status }}"],
                          "{%tr endfor %}"], header=[first, second], merge_down=(0, 1, 2, 11, 12), small=True)


def lkip_lampiran(doc) -> None:
    """Lampiran 1 (portrait): the agreements; Lampiran 2-3 (landscape): the RAK and the quarters."""
    section = doc.add_section(WD_SECTION.NEW_PAGE)
    number_pages(section)
    section.different_first_page_header_footer = False  # the copied cover setting would hide page numbers
    doc.add_heading("LAMPIRAN 1 PERJANJIAN KINERJA TAHUN {{ tahun }}", level=1)
    perjanjian(doc)
    section = doc.add_section(WD_SECTION.NEW_PAGE)
    set_page(section, landscape=True)
    number_pages(section)
    doc.add_heading("LAMPIRAN 2 RENCANA AKSI KINERJA TAHUN {{ tahun }}", level=1)
    rak_table(doc)
    doc.add_heading("LAMPIRAN 3 PENGUKURAN KINERJA PER TRIWULAN TAHUN {{ tahun }}", level=1)
    triwulan_table(doc)


def build_lkip(path: Path) -> Path:
    """The annual report template (LkipContext)."""
    doc = new_document(chapters=True)
    number_pages(doc.sections[0], "lowerRoman", start=1)
    for part in (lkip_cover, lkip_kata_pengantar, lkip_reviu, lkip_ikhtisar, lkip_daftar_isi):
        part(doc)
    body = doc.add_section(WD_SECTION.NEW_PAGE)
    body.different_first_page_header_footer = False
    number_pages(body, "decimal", start=1)
    for part in (lkip_bab_1, lkip_bab_2, lkip_bab_3, lkip_bab_4, lkip_lampiran):
        part(doc)
    return save_stable(path, doc.save, date=FIXED_TIME.timetuple()[:6])
