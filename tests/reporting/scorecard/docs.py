"""Small LKIPs built inside the tests: a document is a list of parts (a spec), so a test can take the
minimal passing LKIP and change exactly one thing in it before writing it with python-docx."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from docx import Document
from docx.oxml import OxmlElement
from docx.oxml.ns import qn

from tasks.reporting.scorecard import DocumentFacts, IndikatorFakta, score_document

SEKRETARIS = "Sekretaris KPU Kabupaten Pasaman Barat"
KETUA = "Ketua KPU Kabupaten Pasaman Barat"
KETUA_PROV = "Ketua KPU Provinsi Sumatera Barat"
I1 = IndikatorFakta("Rencana program dan anggaran disusun tepat waktu", "1 laporan", "1 laporan", "100,00%",
                    True, True, True, True)
I2 = IndikatorFakta("Tingkat kepatuhan pelaksanaan kampanye terhadap regulasi", "100%", "70%", "70,00%",
                    False, True, True, True)
I3 = IndikatorFakta("Persentase partisipasi pemilih dalam Pemilihan", "77,5%", "82,3%", "106,19%",
                    True, True, True, True)
I4 = IndikatorFakta("Persentase permohonan informasi publik yang dilayani", "100%", "100%", "100,00%",
                    True, True, True, True)
FACTS = DocumentFacts(tahun=2024, satker="KPU Kabupaten Pasaman Barat", indikator=[I1, I2, I3, I4],
                      serapan="91,07%", penandatangan=["Budi Santoso, S.H.", "Ani Lestari, S.E."],
                      pk_pihak=[(SEKRETARIS, KETUA), (KETUA, KETUA_PROV)], reviu=True)


def h(level: int, text: str) -> tuple:
    return ("h", level, text)


def p(text: str) -> tuple:
    return ("p", text)


def table(rows: list[list[str]], cant_split: bool = True, header: bool = True) -> tuple:
    return ("table", rows, cant_split, header)


def signed(role: list[str], name: str, place_date: str = "") -> list[tuple]:
    lines = ([p(place_date)] if place_date else []) + [p(r) for r in role] + [p(""), p(""), p(name)]
    return lines


def sign_table(left: tuple[list[str], str], right: tuple[list[str], str]) -> tuple:
    """Two signers side by side in a borderless table: each cell holds jabatan lines, space, the name."""
    cells = ["\n".join(role + ["", "", name]) for role, name in (left, right)]
    return table([cells], header=False)


def toc(entries: list[tuple[str, str]]) -> tuple:
    return ("toc", entries)


def pk(pertama: str, pertama_nama: str, kedua: str, kedua_nama: str) -> list[tuple]:
    rows = [["No", "Indikator Kinerja", "Target"]] + [[str(n), i.nama, i.target]
                                                     for n, i in enumerate(FACTS.indikator, 1)]
    return [h(2, "PERJANJIAN KINERJA TAHUN 2024"),
            p(f"Nama: {pertama_nama}"), p(f"Jabatan: {pertama}"), p("selanjutnya disebut PIHAK PERTAMA."),
            p(f"Nama: {kedua_nama}"), p(f"Jabatan: {kedua}"), p("selaku atasan pihak pertama, selanjutnya disebut "
                                                                   "PIHAK KEDUA."),
            p("Pihak pertama berjanji akan mewujudkan target kinerja tahunan sesuai lampiran perjanjian ini."),
            table(rows),
            sign_table((["PIHAK KEDUA,", kedua], kedua_nama), (["PIHAK PERTAMA,", pertama], pertama_nama))]


def indicator_1() -> list[tuple]:
    return [
        p(f"1. {I1.nama}"),
        p("Target indikator ini 1 laporan dengan realisasi 1 laporan, capaian 100,00% sehingga tercapai."),
        p("Dibandingkan tahun 2023 (1 laporan) dan tahun 2022 (1 laporan), capaian tetap sehingga trennya stabil."),
        p("Target jangka menengah Renstra KPU 2020-2024 sebesar 1 laporan per tahun telah terpenuhi sampai 2024."),
        p("Rata-rata nasional KPU kabupaten/kota 100% tepat waktu (sumber: Laporan Kinerja KPU RI 2024)."),
        p("Penyebab keberhasilan: penyusunan dimulai sejak Januari karena jadwal rapat telah ditetapkan pada "
          "akhir tahun sebelumnya."),
        p("Upaya yang dilakukan: Sub Bagian Perencanaan menyusun jadwal harian dan memantau setiap revisi DIPA."),
        p("Kendala: revisi anggaran hibah beberapa kali mengubah rincian output kegiatan perencanaan."),
        p("Efisiensi: capaian 100,00% dengan serapan anggaran 95,10%, sehingga kegiatan ini efisien."),
    ]


def indicator_2() -> list[tuple]:
    return [
        p(f"2. {I2.nama}"),
        p("Target 100% dengan realisasi 70%, capaian 70,00% sehingga indikator ini belum tercapai."),
        p("Capaian belum memenuhi target karena tiga peserta terlambat menyampaikan laporan kampanye meskipun "
          "telah diingatkan secara tertulis."),
        p("Pada tahun 2023 kepatuhan 85% dan tahun 2022 sebesar 80%, sehingga tren tahun ini menurun."),
        p("Target Renstra 2020-2024 sebesar 100% belum tercapai hingga akhir periode Renstra."),
        p("Rata-rata Provinsi Sumatera Barat 88% (sumber: Laporan KPU Provinsi Sumatera Barat 2024)."),
        p("Upaya yang dilakukan: surat teguran dikirim kepada peserta yang terlambat dan pendampingan dibuka."),
        p("Kendala: sebagian penghubung peserta berganti orang selama masa kampanye sehingga informasi terputus."),
        p("Rekomendasi: Sub Bagian Teknis Penyelenggaraan dan Hukum menyusun daftar periksa kepatuhan kampanye "
          "paling lambat Triwulan I 2025."),
        p("Efisiensi: capaian 70,00% dengan serapan anggaran 88,40%, sehingga kegiatan ini belum efisien."),
    ]


def indicator_3() -> list[tuple]:
    return [
        p(f"3. {I3.nama}"),
        p("Target 77,5% dengan realisasi 82,3%, capaian 106,19%."),
        p("Capaian melebihi target karena sosialisasi tatap muka di setiap nagari meningkatkan kehadiran "
          "pemilih muda."),
        p("Partisipasi pada Pemilu 2019 sebesar 80,1% dan Pilkada 2020 sebesar 65,4%; tren tahun ini meningkat."),
        p("Target Renstra KPU 2020-2024 untuk partisipasi sebesar 77,5% terlampaui pada tahun terakhir Renstra."),
        p("Angka ini di atas rata-rata nasional Pilkada 2024 sebesar 71% sebagaimana diumumkan KPU RI."),
        p("Upaya yang dilakukan: relawan demokrasi mendatangi pasar dan sekolah pada bulan Oktober dan November."),
        p("Tidak terdapat kendala berarti; cuaca hujan di dua kecamatan hanya menunda distribusi undangan."),
        p("Efisiensi: capaian 106,19% dengan serapan anggaran 89,70%, sehingga kegiatan ini efisien."),
    ]


def indicator_4() -> list[tuple]:
    return [
        p(f"4. {I4.nama}"),
        p("Target 100% dengan realisasi 100%, capaian 100,00%."),
        p("Target tercapai karena PPID menjawab setiap permohonan melalui kanal daring dalam tiga hari kerja."),
        p("Pada tahun 2023 sebesar 96% dan tahun 2022 sebesar 92%, tren layanan informasi meningkat."),
        p("Target Renstra 2020-2024 sebesar 100% tercapai pada tahun 2024."),
        p("Standar nasional Komisi Informasi 100% permohonan dijawab (sumber: Peraturan Komisi Informasi 1/2021)."),
        p("Upaya yang dilakukan: formulir permohonan daring disederhanakan dan diumumkan di media sosial."),
        p("Kendala: sebagian pemohon mengajukan permohonan berulang untuk dokumen yang sama."),
        p("Efisiensi: capaian 100,00% dengan serapan anggaran 97,20%, sehingga kegiatan ini efisien."),
    ]


def passing_spec() -> list:
    """A minimal LKIP that passes every criterion against FACTS."""
    capaian_rows = [["No", "Indikator Kinerja", "Target", "Realisasi", "Capaian"]] + [
        [str(n), i.nama, i.target, i.realisasi, i.capaian] for n, i in enumerate(FACTS.indikator, 1)]
    return [
        ("title", "LAPORAN KINERJA INSTANSI PEMERINTAH TAHUN 2024"),
        p("KPU KABUPATEN PASAMAN BARAT"), p("2024"),
        h(1, "PERNYATAAN TELAH DIREVIU"),
        p("Kami telah mereviu Laporan Kinerja KPU Kabupaten Pasaman Barat Tahun 2024 sesuai pedoman reviu."),
        *signed(["Inspektur Wilayah I,"], "Rudi Hartono", "Jakarta, 20 Januari 2025"),
        h(1, "KATA PENGANTAR"),
        p("Puji syukur kami panjatkan atas tersusunnya Laporan Kinerja KPU Kabupaten Pasaman Barat Tahun 2024."),
        *signed(["KETUA KPU KABUPATEN PASAMAN BARAT,"], "Budi Santoso, S.H.", "Simpang Empat, 31 Januari 2025"),
        h(1, "IKHTISAR EKSEKUTIF"),
        p("Pada tahun 2024 ditetapkan 4 indikator kinerja: 3 indikator tercapai dan 1 indikator belum tercapai."),
        p("Serapan anggaran mencapai 91,07% dari pagu."),
        ("tocheading", "DAFTAR ISI"),
        toc([("KATA PENGANTAR", "i"), ("IKHTISAR EKSEKUTIF", "ii"), ("BAB I PENDAHULUAN", "1"),
             ("BAB II PERENCANAAN KINERJA", "3"), ("BAB III AKUNTABILITAS KINERJA", "5"), ("BAB IV PENUTUP", "9"),
             ("LAMPIRAN", "10")]),
        h(1, "BAB I PENDAHULUAN"),
        p("KPU Kabupaten Pasaman Barat adalah penyelenggara pemilihan umum di tingkat kabupaten."),
        h(2, "Tindak Lanjut Rekomendasi Tahun Lalu"),
        p("Rekomendasi hasil evaluasi LKIP tahun 2023 telah ditindaklanjuti dengan menambah analisis efisiensi."),
        h(1, "BAB II PERENCANAAN KINERJA"),
        h(2, "A. Rencana Strategis"),
        p("Rencana Strategis KPU 2020-2024 menjadi acuan sasaran kinerja KPU Kabupaten Pasaman Barat."),
        h(2, "B. Perjanjian Kinerja"),
        p("Perjanjian Kinerja Tahun 2024 memuat indikator dan target berikut."),
        table([["No", "Indikator Kinerja", "Target"]] + [[str(n), i.nama, i.target]
                                                         for n, i in enumerate(FACTS.indikator, 1)]),
        h(1, "BAB III AKUNTABILITAS KINERJA"),
        h(2, "A. Capaian Kinerja Organisasi"),
        p("Pengukuran capaian dilakukan setiap triwulan; capaian tahunan disajikan pada tabel berikut."),
        table(capaian_rows),
        *indicator_1(), *indicator_2(), *indicator_3(), *indicator_4(),
        h(2, "B. Realisasi Anggaran"),
        p("Serapan anggaran Tahun 2024 sebesar 91,07% dari pagu setelah revisi."),
        table([["Kegiatan", "Pagu", "Realisasi", "Serapan"],
               ["Perencanaan", "Rp100.000.000", "Rp95.100.000", "95,10%"],
               ["Jumlah", "Rp100.000.000", "Rp91.070.000", "91,07%"]]),
        table([["Kegiatan", "Capaian Kinerja", "Serapan Anggaran", "Efisiensi"],
               ["Perencanaan", "100,00%", "95,10%", "efisien"]]),
        h(1, "BAB IV PENUTUP"),
        h(2, "A. Kesimpulan"),
        p("Sebagian besar indikator tercapai; satu indikator belum tercapai dan diuraikan pada Bab III."),
        h(2, "B. Rekomendasi"),
        p("Rekomendasi: Sub Bagian Teknis Penyelenggaraan dan Hukum menyusun daftar periksa kepatuhan kampanye "
          "paling lambat Triwulan I 2025."),
        h(1, "LAMPIRAN"),
        *pk(SEKRETARIS, "Ani Lestari, S.E.", KETUA, "Budi Santoso, S.H."),
        *pk(KETUA, "Budi Santoso, S.H.", KETUA_PROV, "Dedi Kurniawan"),
        h(2, "Capaian per Triwulan"),
        table([["Indikator Kinerja", "TW I", "TW II", "TW III", "TW IV"]]
              + [[i.nama, "-", "-", "-", i.capaian] for i in FACTS.indikator]),
    ]


# --- a long LKIP ------------------------------------------------------------------------------------

WHAT = ("sosialisasi tatap muka", "bimbingan teknis", "rapat koordinasi", "pendampingan lapangan",
        "supervisi berjenjang", "uji petik dokumen", "pemantauan daring")
WHO = ("Sub Bagian Perencanaan, Data dan Informasi", "Sub Bagian Teknis Penyelenggaraan dan Hukum",
       "Sub Bagian Keuangan, Umum dan Logistik", "Sub Bagian SDM dan Parmas", "Sekretaris")
WHERE = ("kecamatan", "nagari", "kantor", "gudang logistik", "sekolah", "pasar", "posko")


def large(n: int) -> tuple[list, DocumentFacts]:
    """An LKIP of n indicators (every third not met) that passes every criterion: each analysis says
    the same things in its own words, as a real one must, and a long RAK table in the Lampiran."""
    indicators = [IndikatorFakta(f"Indikator kinerja {WHAT[i % 7]} di {WHERE[i % 7 - 3]} ke-{i + 1}", "100%",
                                 "80%" if i % 3 == 1 else "100%", "80,00%" if i % 3 == 1 else "100,00%",
                                 i % 3 != 1, True, True, True) for i in range(n)]
    facts = dataclasses.replace(FACTS, indikator=indicators)
    met = sum(1 for i in indicators if i.tercapai)
    spec = passing_spec()
    spec = replaced(spec, "ditetapkan 4 indikator kinerja: 3 indikator tercapai dan 1 indikator belum",
                    f"ditetapkan {n} indikator kinerja: {met} indikator tercapai dan {n - met} indikator belum")
    first = spec.index(p(f"1. {I1.nama}"))
    stop = spec.index(("h", 2, "B. Realisasi Anggaran"))
    analyses = [part for i, fakta in enumerate(indicators) for part in _analysis(i, fakta)]
    spec = spec[:first] + analyses + spec[stop:]
    for old in (I1, I2, I3, I4):  # the tables list the new indicators instead
        spec = [_retabled(x, indicators) if x[0] == "table" and old.nama in repr(x) else x for x in spec]
    rak = [["Kegiatan", "Indikator Kinerja", "Aktivitas", "Pelaksana"]] + [
        [f"Kegiatan {WHAT[r % 7]}", indicators[r % n].nama, f"Pelaksanaan {WHAT[(r + 2) % 7]} tahap {r + 1}",
         WHO[r % 5]] for r in range(6 * n)]
    return spec + [h(2, "Rencana Aksi Kinerja"), table(rak)], facts


def _retabled(part: tuple, indicators: list[IndikatorFakta]) -> tuple:
    head = part[1][0]
    rows = [[{"No": str(n), "Indikator Kinerja": i.nama, "Target": i.target, "Realisasi": i.realisasi,
              "Capaian": i.capaian, "TW I": "-", "TW II": "-", "TW III": "-", "TW IV": i.capaian}[c]
             for c in head] for n, i in enumerate(indicators, 1)]
    return ("table", [head] + rows, *part[2:])


def _analysis(i: int, fakta: IndikatorFakta) -> list[tuple]:
    what, where, who = WHAT[i % 7], WHERE[(i // 7) % 7], WHO[(i // 49) % 5]
    parts = [
        p(f"{i + 1}. {fakta.nama}"),
        p(f"Target {fakta.target} dengan realisasi {fakta.realisasi}, capaian {fakta.capaian}."),
        p(f"Capaian ini {'belum ' if not fakta.tercapai else ''}memenuhi target karena {what} di setiap {where} "
          f"{'tertunda' if not fakta.tercapai else 'berjalan'} sesuai jadwal."),
        p(f"Pada tahun 2023 sebesar 90% dan tahun 2022 sebesar 85% untuk {what} di {where}, tren meningkat."),
        p(f"Target Renstra 2020-2024 untuk {what} di {where} sebesar 100% tercapai pada tahun terakhir."),
        p(f"Rata-rata provinsi untuk {what} di {where} 95% (sumber: KPU Provinsi Sumatera Barat 2024)."),
        p(f"Upaya yang dilakukan: {what} diperluas ke setiap {where} bersama {who}."),
        p(f"Kendala: jarak tempuh ke {where} terjauh membatasi frekuensi {what}."),
        p(f"Efisiensi: capaian {fakta.capaian} dengan serapan anggaran 90,00% pada kegiatan {what}."),
    ]
    if not fakta.tercapai:
        parts.append(p(f"Rekomendasi: {who} menjadwalkan ulang {what} di {where} paling lambat Triwulan II 2025."))
    return parts


# --- changing a spec -----------------------------------------------------------------------------

def replaced(spec, old: str, new: str):
    """The spec with every occurrence of `old` in its text replaced (table cells included)."""
    if isinstance(spec, str):
        return spec.replace(old, new)
    if isinstance(spec, (list, tuple)):
        return type(spec)(replaced(x, old, new) for x in spec)
    return spec


def without(spec: list, text: str) -> list:
    """The spec without the parts whose text holds `text`."""
    return [part for part in spec if text not in repr(part)]


def inserted_after(spec: list, text: str, *parts) -> list:
    """The spec with `parts` inserted after the first part whose text holds `text`."""
    i = next(n for n, part in enumerate(spec) if text in repr(part))
    return spec[: i + 1] + list(parts) + spec[i + 1:]


def replaced_part(spec: list, old: tuple, *new) -> list:
    """The spec with the first part equal to `old` replaced by `new` (none: removed)."""
    i = spec.index(old)
    return spec[:i] + list(new) + spec[i + 1:]


def scored(spec: list, folder: Path, facts: DocumentFacts = FACTS) -> dict:
    """The spec written as a .docx and scored: nomor -> Kriteria."""
    return {k.nomor: k for k in score_document(build(spec, folder / "lkip.docx"), facts)}


def not_passed(results: dict) -> dict[str, str]:
    """nomor -> hasil of every criterion that is not 'lulus'."""
    return {n: k.hasil for n, k in results.items() if k.hasil != "lulus"}


# --- writing -------------------------------------------------------------------------------------

def build(spec: list, path: Path) -> Path:
    doc = Document()
    for part in spec:
        kind = part[0]
        if kind == "h":
            doc.add_heading(part[2], level=part[1])
        elif kind == "p":
            doc.add_paragraph(part[1])
        elif kind == "title":
            doc.add_paragraph(part[1], style="Title")
        elif kind == "tocheading":
            doc.add_paragraph(part[1], style="TOC Heading")
        elif kind == "table":
            _table(doc, *part[1:])
        elif kind == "toc":
            _toc(doc, part[1])
        elif kind == "raw":  # a function that adds to the document itself
            part[1](doc)
    doc.save(str(path))
    return path


def _table(doc, rows: list[list[str]], cant_split: bool, header: bool) -> None:
    t = doc.add_table(rows=len(rows), cols=max(len(r) for r in rows))
    for r, values in enumerate(rows):
        row = t.rows[r]
        tr_pr = row._tr.get_or_add_trPr()
        if cant_split:
            tr_pr.append(OxmlElement("w:cantSplit"))
        if header and r == 0:
            tr_pr.append(OxmlElement("w:tblHeader"))
        for c, value in enumerate(values):
            lines = value.split("\n")
            cell = row.cells[c]
            cell.text = lines[0]
            for line in lines[1:]:
                cell.add_paragraph(line)


def _field_char(run, kind: str) -> None:
    char = OxmlElement("w:fldChar")
    char.set(qn("w:fldCharType"), kind)
    run._r.append(char)


def _toc(doc, entries: list[tuple[str, str]]) -> None:
    """A TOC field whose result is the entries (title, tab, page), as Word leaves it after an update."""
    for n, (title, page) in enumerate(entries):
        para = doc.add_paragraph()
        if n == 0:
            _field_char(para.add_run(), "begin")
            instr = OxmlElement("w:instrText")
            instr.text = 'TOC \\o "1-3" \\h \\z \\u'
            para.add_run()._r.append(instr)
            _field_char(para.add_run(), "separate")
        para.add_run(f"{title}\t{page}")
        if n == len(entries) - 1:
            _field_char(para.add_run(), "end")
