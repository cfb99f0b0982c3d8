"""The monthly progress report template (BulananContext): sections 1-7 and the signature."""

from __future__ import annotations

from pathlib import Path

from tasks.files import save_stable
from tasks.reporting.template_builder.docx_kit import (
    CENTER,
    FIXED_TIME,
    JUSTIFY,
    RIGHT,
    Cell,
    Col,
    add_table,
    figure,
    new_document,
    para,
    signature,
    tag,
)


def bulanan_ringkasan(doc) -> None:
    doc.add_heading("1. Ringkasan", level=1)
    rows = [("Aktivitas yang direncanakan bulan {{ bulan }}", "{{ ringkasan.direncanakan }}"),
            ("Selesai", "{{ ringkasan.selesai }}"),
            ("Dalam proses", "{{ ringkasan.dalam_proses }}"),
            ("Terlambat", "{{ ringkasan.terlambat }}"),
            ("Belum dilaporkan", "{{ ringkasan.belum_dilaporkan }}"),
            ("Kepatuhan jadwal s.d. bulan {{ bulan }}", "{{ ringkasan.kepatuhan }}"),
            ("Serapan anggaran terhadap pagu", "{{ ringkasan.serapan }}"),
            ("Realisasi anggaran {{ ringkasan.anggaran_sd }}", "{{ ringkasan.realisasi_sd }}"),
            ("Rencana penarikan dana (RPD) {{ ringkasan.anggaran_sd }}", "{{ ringkasan.rpd_sd }}"),
            ("Deviasi realisasi terhadap RPD", "{{ ringkasan.deviasi }}")]
    add_table(doc, [Col("Uraian", 10), Col("Nilai", 5.5, RIGHT)], [list(r) for r in rows])


def either_table(doc, items: str, build, empty_text: str) -> None:
    """The table when the list has rows, otherwise one sentence saying there are none."""
    tag(doc, f"{{%p if {items} %}}")
    build(doc)
    tag(doc, "{%p else %}")
    para(doc, empty_text)
    tag(doc, "{%p endif %}")


def aktivitas_table(doc, items: str = "aktivitas", with_pelaksana: bool = True) -> None:
    cols = [Col("Kode", 2.4), Col("Aktivitas", 5.6 if with_pelaksana else 8.0),
            Col("Pelaksana", 2.4), Col("Status", 2.2, CENTER), Col("Keterangan", 2.9 if with_pelaksana else 3.0)]
    cells = ["{{ a.kode }}", "{{ a.nama }}", "{{ a.pelaksana }}", "{{ a.status }}", "{{ a.keterangan }}"]
    if not with_pelaksana:
        del cols[2], cells[2]
        cols[1].width += 2.3
    add_table(doc, cols, [f"{{%tr for a in {items} %}}", cells, "{%tr endfor %}"])


def terlambat_table(doc) -> None:
    cols = [Col("Kode", 2.3), Col("Aktivitas", 4.2), Col("Pelaksana", 2.3), Col("Bulan Rencana", 2.2, CENTER),
            Col("Status", 1.9, CENTER), Col("Keterangan", 2.6)]
    add_table(doc, cols, [
        "{%tr for t in terlambat %}",
        ["{{ t.kode }}", "{{ t.nama }}", "{{ t.pelaksana }}", "{{ t.bulan_rencana }}", "{{ t.status }}",
         "{{ t.keterangan }}"],
        "{%tr endfor %}",
    ])


def indikator_bulan_table(doc) -> None:
    cols = [Col("Kode", 2.0), Col("Indikator Kinerja", 5.5), Col("Target", 2.0, CENTER),
            Col("Realisasi", 2.0, CENTER), Col("Capaian", 1.8, CENTER), Col("Status", 2.2, CENTER)]
    add_table(doc, cols, [
        "{%tr for i in indikator %}",
        ["{{ i.kode }}", "{{ i.nama }}", "{{ i.target }}", "{{ i.realisasi }}", "{{ i.capaian }}", "{{ i.status }}"],
        "{%tr endfor %}",
    ])


def anggaran_bulan_table(doc) -> None:
    # Pagu is left out here (serapan already uses it) so the money columns fit one line at 8 pt.
    cols = [Col("Kegiatan", 3.2), Col("Sumber", 1.5, CENTER), Col("RPD s.d.", 3.1, RIGHT),
            Col("Realisasi s.d.", 3.1, RIGHT), Col("Serapan", 1.5, CENTER), Col("Deviasi", 3.1, RIGHT)]
    fields = ("rpd", "realisasi", "serapan", "deviasi")
    add_table(doc, cols, [
        "{%tr for a in anggaran %}",
        ["{{ a.kegiatan }}", "{{ a.sumber_dana }}"] + [f"{{{{ a.{f} }}}}" for f in fields],
        "{%tr endfor %}",
        [Cell("Jumlah", span=2, bold=True, align=CENTER)]
        + [Cell(f"{{{{ anggaran_total.{f} }}}}", bold=True) for f in fields],
    ], small=True)


def kendala_table(doc) -> None:
    cols = [Col("Indikator", 5.0), Col("Kendala", 5.25), Col("Upaya/Tindak Lanjut", 5.25)]
    add_table(doc, cols, [
        "{%tr for k in kendala %}",
        ["{{ k.indikator }}", "{{ k.kendala }}", "{{ k.upaya }}"],
        "{%tr endfor %}",
    ])


def bulanan_per_pelaksana(doc) -> None:
    doc.add_heading("7. Pelaksanaan per Sub Bagian", level=1)
    tag(doc, "{%p for u in per_pelaksana %}")
    doc.add_heading("{{ u.pelaksana }}", level=2)
    para(doc, "Sampai dengan bulan {{ bulan }} direncanakan {{ u.rencana }} jadwal aktivitas; {{ u.selesai }} "
              "selesai dan {{ u.terlambat }} terlambat. Kepatuhan jadwal: {{ u.kepatuhan }}.", align=JUSTIFY)
    either_table(doc, "u.aktivitas", lambda d: aktivitas_table(d, "u.aktivitas", with_pelaksana=False),
                 "Tidak ada aktivitas sub bagian ini yang direncanakan bulan {{ bulan }}.")
    tag(doc, "{%p endfor %}")


def build_bulanan(path: Path) -> Path:
    """The monthly progress report template (BulananContext)."""
    doc = new_document(chapters=False)
    para(doc, "{{ judul }}", style="Title", align=CENTER)
    para(doc, "{{ satker.nama_upper }}", align=CENTER, bold=True)
    para(doc, "{{ satker.alamat }}", align=CENTER)
    bulanan_ringkasan(doc)
    doc.add_heading("2. Aktivitas Bulan {{ bulan }}", level=1)
    either_table(doc, "aktivitas", aktivitas_table, "Tidak ada aktivitas yang direncanakan bulan ini.")
    doc.add_heading("3. Aktivitas Terlambat", level=1)
    either_table(doc, "terlambat", terlambat_table, "Tidak ada aktivitas yang terlambat.")
    doc.add_heading("4. Realisasi Indikator s.d. Bulan {{ bulan }}", level=1)
    para(doc, "{{ sumber_indikator }}")
    indikator_bulan_table(doc)
    doc.add_heading("5. Anggaran", level=1)
    anggaran_bulan_table(doc)
    tag(doc, "{%p if dengan_grafik %}")
    figure(doc, "grafik_anggaran", "Grafik 1. Realisasi anggaran terhadap RPD")
    figure(doc, "grafik_jadwal", "Grafik 2. Kepatuhan pelaksanaan jadwal Rencana Aksi per bulan")
    tag(doc, "{%p endif %}")
    doc.add_heading("6. Kendala dan Tindak Lanjut", level=1)
    either_table(doc, "kendala", kendala_table, "Tidak ada kendala yang dilaporkan.")
    bulanan_per_pelaksana(doc)
    signature(doc)
    return save_stable(path, doc.save, date=FIXED_TIME.timetuple()[:6])
