"""The report as a formal document: its outline (D.1), signatures (3.a.3), reviu page (3.a.4), date
(3.a.6), quarterly measurement (3.a.2), and what must not be printed (D.2), the table of contents (D.3),
tables that print well (D.4), cover and years (D.6)."""

from __future__ import annotations

import re
from datetime import date

from tasks.reporting.scorecard.facts import GAGAL, PERINGATAN, DocumentFacts, Verdict, failed, passed, shorten, warned
from tasks.reporting.scorecard.outline import OUTLINE, SUBPARTS, Laporan, bab_number, matches
from tasks.reporting.scorecard.text import (
    MONTHS,
    OneOf,
    mentions,
    norm,
    place_date,
    placeholder_hits,
    placeholder_hits_each,
)

ROMAN = {1: "I", 2: "II", 3: "III", 4: "IV"}


def outline_order(lap: Laporan, facts: DocumentFacts) -> Verdict:
    """D.1: the parts of the PermenPAN-RB 53/2014 outline, present and in order."""
    problems = []
    missing = [p.label for p in OUTLINE if p.key not in lap.placed and p.key not in lap.misplaced]
    if missing:
        problems.append((GAGAL, f"Tidak ditemukan judul: {', '.join(missing)}.",
                         "Tambahkan bagian yang belum ada dengan judul yang memuat namanya (mis. "
                         "'BAB III AKUNTABILITAS KINERJA'), sesuai kerangka PermenPAN-RB 53/2014."))
    misplaced = [p.label for p in OUTLINE if p.key in lap.misplaced]
    if misplaced:
        problems.append((GAGAL, f"Tidak pada urutannya: {', '.join(misplaced)}.",
                         "Susun ulang: Kata Pengantar, Ikhtisar Eksekutif, Daftar Isi, Bab I-IV, Lampiran."))
    for part in OUTLINE:
        if part.bab and part.key in lap.placed:
            pos = lap.placed[part.key]
            number = bab_number(lap.paragraf[pos].text) or bab_number(_title_before(lap, pos))
            if number is not None and number != part.bab:
                title = shorten(lap.paragraf[pos].text, 50)
                problems.append((GAGAL, f"Judul «{title}» bernomor {ROMAN.get(number, number)}, seharusnya "
                                 f"Bab {ROMAN[part.bab]}.", "Perbaiki nomor bab."))
    for parent, part in SUBPARTS:
        if parent in lap.placed and part.key not in lap.subplaced:
            problems.append((GAGAL, f"Tidak ditemukan subjudul {part.label}.",
                             f"Tambahkan subjudul «{part.words[0].title()}» di {part.label.split(':')[0]}."))
    return problems, ("Kata Pengantar, Ikhtisar Eksekutif, Daftar Isi, Bab I-IV (dengan Perjanjian Kinerja, "
                      "Capaian Kinerja dan Realisasi Anggaran) dan Lampiran ada, berurutan.")


def _title_before(lap: Laporan, pos: int) -> str:
    """The title just above a chapter title ('BAB III' on its own line above 'AKUNTABILITAS KINERJA')."""
    before = [t for t in lap.titles if t.pos < pos]
    return before[-1].text if before and before[-1].pos >= pos - 2 else ""


def formalised(lap: Laporan, facts: DocumentFacts) -> Verdict:
    """3.a.3: the Kata Pengantar signed (place, date, jabatan, name); no placeholder signer anywhere."""
    problems = []
    kp = lap.span("kata_pengantar")
    if not kp:
        problems.append((GAGAL, "Kata Pengantar tidak ditemukan, sehingga penanda tangan laporan tidak terlihat.",
                         "Tambahkan Kata Pengantar yang ditandatangani."))
    else:
        lines = [line for p in lap.text_of(kp) for line in p.text.split("\n")]
        if not any(place_date(line) for line in lines):
            problems.append((GAGAL, "Kata Pengantar tanpa tempat dan tanggal (mis. 'Simpang Empat, 31 Januari "
                             f"{facts.tahun + 1}').", "Tambahkan tempat dan tanggal di atas jabatan penanda tangan."))
        if not lap.signers(kp) and not any(placeholder_hits(p.text) for p in lap.text_of(kp)):
            problems.append((GAGAL, "Kata Pengantar tanpa blok tanda tangan (jabatan lalu nama).",
                             "Cantumkan jabatan dan nama lengkap penanda tangan di bawah Kata Pengantar."))
    prose = lap.prose
    hits = [(kind, p) for p, kinds in zip(prose, placeholder_hits_each([p.text for p in prose]), strict=True)
            for kind in kinds]
    if hits:
        shown = "; ".join(f"«{shorten(p.text, 40)}» ({kind}; {lap.where(p.pos)})" for kind, p in hits[:4])
        more = f" dan {len(hits) - 4} lainnya" if len(hits) > 4 else ""
        problems.append((GAGAL, f"Penanda tangan contoh: {shown}{more}.",
                         "Isi nama dan NIP penanda tangan yang sebenarnya di profil.toml, lalu buat ulang laporan."))
    text = norm("\n".join(p.text for p in lap.prose))
    absent = [name for name in facts.penandatangan if norm(name) not in text]
    if absent:
        problems.append((GAGAL, f"Nama penanda tangan tidak tercetak: {', '.join(absent)}.",
                         "Cantumkan nama penanda tangan sesuai profil pada blok tanda tangan."))
    return problems, "Kata Pengantar bertempat, bertanggal, berjabatan dan bernama; tidak ada penanda tangan contoh."


REVIU = ("pernyataan telah direviu", "pernyataan telah di-reviu", "pernyataan telah di reviu",
         "pernyataan telah direview", "pernyataan reviu")


def reviewed(lap: Laporan, facts: DocumentFacts) -> Verdict:
    """3.a.4: a 'Pernyataan Telah Direviu' page signed by the APIP reviewer."""
    title = next((p for p in lap.paragraf if not p.toc and p.words <= 12 and mentions(p.text, REVIU)), None)
    signed = title is not None and lap.signers(lap.block_after(title.pos))
    if signed:
        return passed("Halaman Pernyataan Telah Direviu ada dan ditandatangani.")
    if title is not None:
        return failed(f"Halaman «{shorten(title.text, 40)}» tanpa tanda tangan peninjau.",
                      "Cantumkan jabatan dan nama pejabat APIP yang mereviu di bawah pernyataan.")
    if facts.reviu:
        return failed("Halaman Pernyataan Telah Direviu tidak ditemukan, padahal profil menyebut peninjau APIP.",
                      "Tambahkan halaman Pernyataan Telah Direviu yang ditandatangani peninjau.")
    return warned("Tidak ada halaman Pernyataan Telah Direviu.",
                  "LKIP sebaiknya direviu APIP (Inspektorat) sebelum disampaikan; lampirkan pernyataan telah direviu.")


def on_time(lap: Laporan, facts: DocumentFacts) -> Verdict:
    """3.a.6: the Kata Pengantar's date after the year reported and by the deadline."""
    kp = lap.span("kata_pengantar")
    dates = [d for p in lap.text_of(kp) for line in p.text.split("\n") if (d := place_date(line))]
    if not dates:
        return warned("Tanggal penandatanganan tidak ditemukan di Kata Pengantar.",
                      "Cantumkan tempat dan tanggal penandatanganan.")
    signed, deadline = dates[0], facts.tenggat
    problems = []
    if signed < date(facts.tahun + 1, 1, 1) or signed.year > facts.tahun + 1:
        problems.append((GAGAL, f"Bertanggal {_tanggal(signed)}: bukan awal tahun {facts.tahun + 1} "
                         f"(LKIP tahun {facts.tahun}).", "Perbaiki tanggal penandatanganan."))
    elif signed > deadline:
        problems.append((PERINGATAN, f"Bertanggal {_tanggal(signed)}, sesudah batas penyampaian "
                         f"{_tanggal(deadline)}.", "Sampaikan LKIP sebelum batas waktunya."))
    return problems, f"Bertanggal {_tanggal(signed)}, sebelum batas {_tanggal(deadline)}."


def _tanggal(day: date) -> str:
    return f"{day.day} {MONTHS[day.month - 1].title()} {day.year}"


QUARTER = re.compile(r"\b(?:triwulan|tw)\s*(?:i{1,3}|iv|[1-4])\b")


def periodic(lap: Laporan, facts: DocumentFacts) -> Verdict:
    """3.a.2: the LKIP shows the quarterly measurement (a table of capaian per triwulan)."""
    for table in lap.naskah.tabel:
        head = norm(" ".join(cell for row in table.rows[:2] for cell in row))
        if len(set(QUARTER.findall(head))) >= 2 or (mentions(head, ("triwulan", "tw")) and _quarters_in(table) >= 2):
            return passed(f"Tabel capaian per triwulan ada ({lap.where(table.first)}).")
    said = any(mentions(p.text, ("triwulan", "triwulanan")) for p in lap.prose)
    found = "Triwulan hanya disebut dalam teks" if said else "Tidak ada capaian per triwulan"
    return warned(f"{found}; tidak ada tabel capaian per triwulan.",
                  "Lampirkan tabel capaian indikator per triwulan (TW I-IV).")


def _quarters_in(table) -> int:
    """How many quarters a table's whole text names (joined only for a table whose header speaks of them)."""
    return len(set(QUARTER.findall(norm(" ".join(cell for row in table.rows for cell in row)))))


LEFTOVER_PATTERNS = (
    (r"\{\{|\}\}|\{%|%\}|\{#", "tag template"),
    (r"(?<![\w-])(?:nan|NaN|None|NaT|null)(?![\w-])", "nilai kosong dari program"),
    (r"#(?:N/A|REF!|DIV/0!|VALUE!|NAME\?|NUM!)", "galat Excel"),
    (r"(?i:bagian ini belum diisi|lorem ipsum)|\bTODO\b", "bagian belum diisi"),
    (r"(?i:\bklik\b|\bclick\b|update field|perbarui daftar isi|tekan f9|ketik di sini)", "petunjuk untuk pengguna"),
    (r"(?<![\w-])[\w-]+\.(?i:xlsx|xlsm|xls|csv|docx|toml|ods|json)\b", "nama berkas"),
    (r"![A-Z]{1,3}\$?\d+\b|\b[A-Z]{1,3}\d+:[A-Z]{1,3}\d+\b", "rujukan sel"),
)
# What every match of a pattern above holds, in the patterns' order: the tag's braces; the empty
# value's word; the Excel error; TODO or (in any case) the unfilled phrase; the instruction (in any
# case); the file's extension after its dot; a cell reference's "!" or ":" before its column letter.
LEFTOVERS = OneOf(
    LEFTOVER_PATTERNS,
    needles=r"\{\{|\}\}|\{%|%\}|\{#|(?<![\w-])(?:nan|NaN|None|NaT|null)(?![\w-])"
            r"|#(?:N/A|REF!|DIV/0!|VALUE!|NAME\?|NUM!)|TODO|\.(?i:xlsx|xlsm|xls|csv|docx|toml|ods|json)|[!:][A-Z]",
    words=("bagian ini belum diisi", "lorem ipsum", "klik", "click", "update field", "perbarui daftar isi",
           "tekan f9", "ketik di sini"))


def no_leftovers(lap: Laporan, facts: DocumentFacts) -> Verdict:
    """D.2: no template tags, empty values, instructions, file names or cell references in the text."""
    prose = lap.prose
    hits = [(kind, found, p.pos) for p, each in zip(prose, LEFTOVERS.each([p.text for p in prose]), strict=True)
            for kind, found in each]
    if not hits:
        return passed("Tidak ada tag, nilai kosong, petunjuk, nama berkas atau rujukan sel dalam teks.")
    shown = "; ".join(f"{kind} «{shorten(found, 30)}» ({lap.where(pos)})" for kind, found, pos in hits[:5])
    more = f" dan {len(hits) - 5} lainnya" if len(hits) > 5 else ""
    return failed(f"{len(hits)} temuan: {shown}{more}.",
                  "Hapus dari teks; sumber data (berkas, sel) cukup disimpan di lampiran kerja, bukan dicetak.")


PAGE = re.compile(r"\S.*?[\t .…]\s*(?:\d+|[ivxlc]+)\s*$", re.IGNORECASE)


def toc_filled(lap: Laporan, facts: DocumentFacts) -> Verdict:
    """D.3: the Daftar Isi lists the chapters with their page numbers."""
    entries = [p for p in lap.paragraf if p.toc and p.text]
    typed = [p for p in lap.text_of(lap.span("daftar_isi"), tables=False)[1:] if PAGE.match(p.text)]
    numbered = [p.text for p in entries + typed if PAGE.match(p.text)]
    if not numbered:
        shown = f": «{shorten(entries[0].text, 60)}»" if entries else ""
        return failed(f"Daftar Isi belum berisi entri bernomor halaman{shown}.",
                      "Perbarui daftar isi (di Word: References > Update Table) sebelum dicetak atau dijadikan PDF.")
    chapters = [p for p in OUTLINE if p.bab]
    absent = [p.label for p in chapters if not any(matches(p, line) for line in numbered)]
    if absent:
        return failed(f"{len(numbered)} entri, tetapi tanpa {', '.join(absent)}.",
                      "Perbarui daftar isi agar memuat setiap bab.")
    return passed(f"{len(numbered)} entri bernomor halaman, Bab I-IV termasuk.")


def tables_print_well(lap: Laporan, facts: DocumentFacts) -> Verdict:
    """D.4: table rows never split across pages; long tables repeat their header row."""
    split, no_header = [], []
    for table in lap.naskah.tabel:
        name = f"tabel ke-{table.index + 1} («{shorten(' | '.join(table.rows[0]) if table.rows else '', 30)}»)"
        if not all(table.cant_split):
            split.append(name)
        if len(table.rows) > 15 and not table.header[:1] == (True,):
            no_header.append(f"{name}, {len(table.rows)} baris")
    problems = []
    if split:
        problems.append((PERINGATAN, f"Baris dapat terpotong antarhalaman: {_listed(split)}.",
                         "Atur baris tabel 'Allow row to break across pages' menjadi tidak aktif."))
    if no_header:
        problems.append((PERINGATAN, f"Baris judul tidak berulang di setiap halaman: {_listed(no_header)}.",
                         "Aktifkan 'Repeat as header row' pada baris judul tabel panjang."))
    return problems, f"{len(lap.naskah.tabel)} tabel: baris tidak terpotong, judul tabel panjang berulang."


def _listed(items: list[str], limit: int = 3) -> str:
    return ", ".join(items[:limit]) + (f" dan {len(items) - limit} lainnya" if len(items) > limit else "")


YEAR = re.compile(r"\btahun\s+((?:19|20)\d{2})\b(?!\s*-\s*\d)")


def identity(lap: Laporan, facts: DocumentFacts) -> Verdict:
    """D.6: the cover names the report, the office and the year; no title names another year."""
    first = lap.placed.get("kata_pengantar", min(30, lap.end))
    cover = norm(" ".join(p.text for p in lap.text_of(range(first))))
    problems = []
    expected = (("judul laporan kinerja", mentions(cover, ("laporan kinerja", "lkip", "lakip", "lkj"))),
                (facts.satker, norm(facts.satker) in cover), (f"tahun {facts.tahun}", str(facts.tahun) in cover))
    lacking = [what for what, ok in expected if not ok]
    if lacking:
        problems.append((GAGAL, f"Sampul tidak memuat {', '.join(lacking)}.",
                         "Sampul memuat judul Laporan Kinerja, nama satker dan tahun laporan."))
    # a heading on last year's evaluation and its follow-up names last year rightly
    looking_back = ("tindak lanjut", "evaluasi", "rekomendasi", "sebelumnya")
    stale = [t for t in lap.titles if any(int(y) != facts.tahun and not (int(y) == facts.tahun - 1 and any(
        w in norm(t.text) for w in looking_back)) for y in YEAR.findall(norm(t.text)))]
    if stale:
        shown = _listed([f"«{shorten(t.text, 50)}»" for t in stale])
        problems.append((PERINGATAN, f"Judul dengan tahun lain: {shown}.",
                         f"Periksa apakah teks tahun lalu tersalin; laporan ini tahun {facts.tahun}."))
    return problems, f"Sampul memuat judul, {facts.satker} dan tahun {facts.tahun}."

