"""The LKIP template (LkipContext): cover, Kata Pengantar, Ikhtisar, Daftar Isi, Bab I-IV, landscape Lampiran 1-3."""

from __future__ import annotations

from pathlib import Path

from docx.enum.section import WD_SECTION
from docx.shared import Cm

from tasks.files import save_stable
from tasks.reporting.template_builder.docx_kit import (
    CENTER,
    FIXED_TIME,
    JUSTIFY,
    RIGHT,
    Cell,
    Col,
    add_field,
    add_table,
    enable_update_fields,
    figure,
    labelled,
    loop_paragraphs,
    new_document,
    para,
    set_page,
    signature,
    table_title,
    tag,
)


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


def lkip_ikhtisar(doc) -> None:
    """The summary sentence, the count per rating band, the capaian chart."""
    doc.add_heading("IKHTISAR EKSEKUTIF", level=1)
    para(doc, "Pada tahun {{ tahun }}, {{ satker.nama }} menetapkan {{ ringkasan.jumlah_indikator }} indikator "
              "kinerja dalam Perjanjian Kinerja. Sebanyak {{ ringkasan.tercapai }} indikator tercapai, "
              "{{ ringkasan.belum_tercapai }} indikator belum tercapai, dan {{ ringkasan.belum_dilaporkan }} "
              "indikator belum dilaporkan, dengan rata-rata capaian {{ ringkasan.rata_capaian }}.", align=JUSTIFY)
    para(doc, "Serapan anggaran mencapai {{ ringkasan.serapan }} dari pagu, dan kepatuhan pelaksanaan jadwal "
              "Rencana Aksi Kinerja sebesar {{ ringkasan.kepatuhan }}.", align=JUSTIFY)
    table_title(doc, "Tabel 1. Jumlah indikator per kategori capaian")
    add_table(doc, [Col("Kategori", 9), Col("Jumlah Indikator", 4, CENTER)], [
        "{%tr for k in ringkasan.kategori %}",
        ["{{ k.label }}", "{{ k.jumlah }}"],
        "{%tr endfor %}",
        [Cell("Jumlah", bold=True), Cell("{{ ringkasan.jumlah_indikator }}", bold=True)],
    ])
    tag(doc, "{%p if dengan_grafik %}")
    figure(doc, "grafik_capaian", "Grafik 1. Capaian kinerja per indikator")
    tag(doc, "{%p endif %}")


def lkip_daftar_isi(doc) -> None:
    """A real TOC field over Heading 1-3; settings.xml asks Word to refresh it on opening."""
    para(doc, "DAFTAR ISI", style="TOC Heading", align=CENTER).paragraph_format.page_break_before = True
    add_field(doc.add_paragraph(), 'TOC \\o "1-3" \\h \\z \\u',
              "Daftar isi diperbarui saat dokumen dibuka di Word (atau klik kanan > Update Field).")


def lkip_bab_1(doc) -> None:
    doc.add_heading("BAB I PENDAHULUAN", level=1)
    for title, items in (("A. Organisasi", "narasi.organisasi"), ("B. Tugas dan Fungsi", "narasi.tugas_fungsi"),
                         ("C. Struktur Organisasi", "narasi.struktur"), ("D. Isu Strategis", "narasi.isu_strategis")):
        doc.add_heading(title, level=2)
        loop_paragraphs(doc, items)


def pk_table(doc, small: bool = False) -> None:
    """The Perjanjian Kinerja: one row per indicator, No and Kegiatan merged down per kegiatan ({% vm %})."""
    widths = (1.0, 5.0, 6.5, 3.0) if not small else (1.2, 8.0, 12.0, 4.5)
    cols = [Col("No", widths[0], CENTER), Col("Sasaran/Kegiatan", widths[1]),
            Col("Indikator Kinerja", widths[2]), Col("Target", widths[3], CENTER)]
    add_table(doc, cols, [
        "{%tr for k in kegiatan %}",
        "{%tr for i in k.indikator %}",
        ["{% vm %}{{ k.no }}", "{% vm %}{{ k.nama }}", "{{ i.nama }}", "{{ i.target }}"],
        "{%tr endfor %}",
        "{%tr endfor %}",
    ], small=small)


def lkip_bab_2(doc) -> None:
    doc.add_heading("BAB II PERENCANAAN KINERJA", level=1)
    doc.add_heading("A. Rencana Strategis", level=2)
    loop_paragraphs(doc, "narasi.renstra")
    doc.add_heading("B. Perjanjian Kinerja", level=2)
    para(doc, "Perjanjian Kinerja {{ satker.nama }} Tahun {{ tahun }} memuat indikator kinerja dan target "
              "sebagai berikut.", align=JUSTIFY)
    table_title(doc, "Tabel 2. Perjanjian Kinerja Tahun {{ tahun }}")
    pk_table(doc)


def capaian_table(doc) -> None:
    cols = [Col("No", 1.0, CENTER), Col("Indikator Kinerja", 6.0), Col("Target", 2.2, CENTER),
            Col("Realisasi", 2.2, CENTER), Col("Capaian", 2.0, CENTER), Col("Kategori", 2.1, CENTER)]
    add_table(doc, cols, [
        "{%tr for i in indikator %}",
        ["{{ i.no }}", "{{ i.nama }}", "{{ i.target }}", "{{ i.realisasi }}", "{{ i.capaian }}", "{{ i.kategori }}"],
        "{%tr endfor %}",
    ])


def indicator_analysis(doc) -> None:
    """Per indicator, the seven points of PermenPAN-RB 53/2014, then where the figures came from."""
    tag(doc, "{%p for i in indikator %}")
    para(doc, "{{ i.no }}. {{ i.nama }}", style="Judul Indikator")
    points = [
        ("1)\tPerbandingan target dan realisasi: ", "{{ i.analisis.target_vs_realisasi }}"),
        ("2)\tPerbandingan dengan tahun lalu dan tahun-tahun sebelumnya: ", "{{ i.analisis.vs_tahun_lalu }}"),
        ("3)\tPerbandingan dengan target jangka menengah (Renstra): ", "{{ i.analisis.vs_renstra }}"),
        ("4)\tPerbandingan dengan standar nasional: ", "{{ i.analisis.vs_standar_nasional }}"),
        ("5)\tPenyebab keberhasilan/kegagalan: ",
         "{{ i.analisis.penyebab }} Upaya yang dilakukan: {{ i.analisis.upaya }}"),
        ("6)\tEfisiensi penggunaan sumber daya: ", "{{ i.analisis.efisiensi }}"),
        ("7)\tKegiatan yang menunjang pencapaian: ", ""),
    ]
    for label, text in points:
        labelled(doc, label, text, "Butir Analisis")
    tag(doc, "{%p for a in i.analisis.aktivitas %}")
    para(doc, "–\t{{ a }}", style="Butir Aktivitas")
    tag(doc, "{%p endfor %}")
    para(doc, "Sumber data: {{ i.sumber }}", style="Catatan Sumber")
    tag(doc, "{%p endfor %}")


def anggaran_table(doc) -> None:
    # Money columns wide enough for "Rp30.050.000.000,00" on one line at 10 pt.
    cols = [Col("Kegiatan", 4.3), Col("Sumber Dana", 1.6, CENTER), Col("Pagu", 3.9, RIGHT),
            Col("Realisasi", 3.9, RIGHT), Col("Serapan", 1.8, CENTER)]
    add_table(doc, cols, [
        "{%tr for a in anggaran %}",
        ["{{ a.kegiatan }}", "{{ a.sumber_dana }}", "{{ a.pagu }}", "{{ a.realisasi }}", "{{ a.serapan }}"],
        "{%tr endfor %}",
        [Cell("Jumlah", span=2, bold=True, align=CENTER), Cell("{{ anggaran_total.pagu }}", bold=True),
         Cell("{{ anggaran_total.realisasi }}", bold=True), Cell("{{ anggaran_total.serapan }}", bold=True)],
    ])


def lkip_bab_3(doc) -> None:
    doc.add_heading("BAB III AKUNTABILITAS KINERJA", level=1)
    doc.add_heading("A. Capaian Kinerja Organisasi", level=2)
    para(doc, "Capaian indikator kinerja {{ satker.nama }} Tahun {{ tahun }} disajikan pada tabel berikut, "
              "kemudian diuraikan per indikator.", align=JUSTIFY)
    table_title(doc, "Tabel 3. Capaian indikator kinerja Tahun {{ tahun }}")
    capaian_table(doc)
    indicator_analysis(doc)
    doc.add_heading("B. Realisasi Anggaran", level=2)
    table_title(doc, "Tabel 4. Realisasi anggaran per kegiatan Tahun {{ tahun }}")
    anggaran_table(doc)
    tag(doc, "{%p if dengan_grafik %}")
    figure(doc, "grafik_anggaran", "Grafik 2. Realisasi anggaran terhadap RPD (kumulatif per bulan)")
    figure(doc, "grafik_jadwal", "Grafik 3. Kepatuhan pelaksanaan jadwal Rencana Aksi per bulan")
    tag(doc, "{%p endif %}")


def lkip_bab_4(doc) -> None:
    doc.add_heading("BAB IV PENUTUP", level=1)
    doc.add_heading("A. Kesimpulan", level=2)
    loop_paragraphs(doc, "narasi.kesimpulan")
    doc.add_heading("B. Langkah ke Depan", level=2)
    loop_paragraphs(doc, "narasi.langkah")


def rak_table(doc) -> None:
    """The RAK as printed: two header rows, "Rencana Pelaksanaan" over the twelve months."""
    month = 0.95  # "Jan".."Des" on one line at 8 pt, cell margins included
    cols = ([Col("Kegiatan", 2.8), Col("Indikator Kinerja", 3.7), Col("Target", 1.5, CENTER),
             Col("Kegiatan yang dilaksanakan", 4.2)]
            + [Col(f"{{{{ bulan_singkat[{m}] }}}}", month, CENTER) for m in range(12)]
            + [Col("Pelaksana", 2.1)])
    first = ["Kegiatan", "Indikator Kinerja", "Target", "Kegiatan yang dilaksanakan",
             Cell("Rencana Pelaksanaan", span=12), "Pelaksana"]
    second = [""] * 4 + [c.title for c in cols[4:16]] + [""]
    add_table(doc, cols, [
        "{%tr for r in rak %}",
        ["{{ r.kegiatan }}", "{{ r.indikator }}", "{{ r.target }}", "{{ r.aktivitas }}"]
        + [f"{{{{ r.bulan[{m}] }}}}" for m in range(12)] + ["{{ r.pelaksana }}"],
        "{%tr endfor %}",
    ], header=[first, second], merge_down=(0, 1, 2, 3, 16), small=True)


def triwulan_table(doc) -> None:
    """Capaian per quarter: one row per indicator and quarter, the indicator merged down ({% vm %})."""
    cols = [Col("No", 1.0, CENTER), Col("Indikator Kinerja", 10.7), Col("Triwulan", 2.0, CENTER),
            Col("Target", 2.8, CENTER), Col("Realisasi s.d. Triwulan", 3.0, CENTER),
            Col("Capaian", 2.4, CENTER), Col("Status", 3.8, CENTER)]
    add_table(doc, cols, [
        "{%tr for i in indikator %}",
        "{%tr for t in i.per_triwulan %}",
        ["{% vm %}{{ i.no }}", "{% vm %}{{ i.nama }}", "TW {{ t.tw }}", "{{ t.target }}", "{{ t.realisasi }}",
         "{{ t.capaian }}", "{{ t.status }}"],
        "{%tr endfor %}",
        "{%tr endfor %}",
    ], small=True)


def lkip_lampiran(doc) -> None:
    """A landscape section: PK, RAK, capaian per quarter, each starting a page."""
    section = doc.add_section(WD_SECTION.NEW_PAGE)
    set_page(section, landscape=True)
    section.different_first_page_header_footer = False  # the copied cover setting would hide page numbers
    doc.add_heading("LAMPIRAN 1 PERJANJIAN KINERJA TAHUN {{ tahun }}", level=1)
    pk_table(doc, small=True)
    doc.add_heading("LAMPIRAN 2 RENCANA AKSI KINERJA TAHUN {{ tahun }}", level=1)
    rak_table(doc)
    doc.add_heading("LAMPIRAN 3 CAPAIAN KINERJA PER TRIWULAN TAHUN {{ tahun }}", level=1)
    triwulan_table(doc)


def build_lkip(path: Path) -> Path:
    """The annual report template (LkipContext)."""
    doc = new_document(chapters=True)
    for part in (lkip_cover, lkip_kata_pengantar, lkip_ikhtisar, lkip_daftar_isi, lkip_bab_1, lkip_bab_2,
                 lkip_bab_3, lkip_bab_4, lkip_lampiran):
        part(doc)
    enable_update_fields(doc)
    return save_stable(path, doc.save, date=FIXED_TIME.timetuple()[:6])
