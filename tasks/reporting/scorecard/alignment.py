"""The report held to its plan and its own figures: aligned with the Perjanjian Kinerja (3.b.1),
efficiency and the absorption printed (3.b.8), recommendations (3.b.9), summaries that agree with the
indicators (D.5, LKE finding 13), last year's recommendations followed up (3.c)."""

from __future__ import annotations

import re

from tasks.reporting.scorecard.analysis import says
from tasks.reporting.scorecard.facts import (
    GAGAL,
    PERINGATAN,
    DocumentFacts,
    Verdict,
    indicator_list,
    passed,
    shorten,
    warned,
)
from tasks.reporting.scorecard.outline import Laporan
from tasks.reporting.scorecard.reader import Tabel
from tasks.reporting.scorecard.text import MONTHS, has_figure, mentions, norm, norm_figure, percents, sentences


def pk_windows(lap: Laporan) -> list[range]:
    """The stretches that may hold a Perjanjian Kinerja: from each short line naming it to the next such
    line, the next heading of its level or above (any heading, after a line that is not one), or the
    next part of the outline."""
    starts = [p for p in lap.text_of(range(lap.end), tables=False)
              if p.words <= 12 and "perjanjian kinerja" in norm(p.text)]
    windows = []
    for n, start in enumerate(starts):
        own = start.level or 9
        heading = next((q.pos for q in lap.paragraf[start.pos + 1:] if q.level is not None and q.level <= own
                        and not q.toc), lap.end)
        later = [q.pos for q in starts[n + 1:n + 2]] + [pos for pos in lap.placed.values() if pos > start.pos]
        windows.append(range(start.pos, min(later + [heading])))
    return windows


def pk_alignment(lap: Laporan, facts: DocumentFacts) -> Verdict:
    """3.b.1: every PK indicator in the PK table(s) and in Bab III; each PK with both parties and signatures."""
    windows = pk_windows(lap)
    tables = [t for w in windows for t in lap.tables_in(w)
              if mentions(" ".join(_head(t)), ("indikator",)) and mentions(" ".join(_head(t)), ("target",))]
    problems = []
    pk_text = norm("\n".join(cell for t in tables for row in t.rows for cell in row))
    bab3 = norm("\n".join(p.text for p in lap.text_of(lap.span("bab3"))))
    if not tables:
        problems.append((GAGAL, "Tabel Perjanjian Kinerja (indikator dan target) tidak ditemukan.",
                         "Sajikan tabel Perjanjian Kinerja di Bab II dan lampirannya, di bawah judul "
                         "'Perjanjian Kinerja'."))
    else:
        absent = [i for i, f in enumerate(facts.indikator) if norm(f.nama) not in pk_text]
        if absent:
            problems.append((GAGAL, "Indikator tidak ada di tabel Perjanjian Kinerja: "
                             f"{indicator_list(facts, absent)}.",
                             "Cantumkan setiap indikator PK dengan nama yang sama di tabel Perjanjian Kinerja."))
    not_reported = [i for i, f in enumerate(facts.indikator) if norm(f.nama) not in bab3]
    if not_reported:
        problems.append((GAGAL, f"Indikator PK tidak dilaporkan di Bab III: {indicator_list(facts, not_reported)}.",
                         "Laporkan capaian setiap indikator PK di Bab III dengan nama indikator yang sama."))
    for pertama, kedua in facts.pk_pihak:
        problem = _pk_problem(lap, windows, pertama, kedua)
        if problem:
            problems.append((GAGAL, problem, "Lampirkan Perjanjian Kinerja lengkap: PIHAK PERTAMA dan PIHAK KEDUA "
                             "dengan jabatannya, dan tanda tangan keduanya."))
    return problems, (f"{len(facts.indikator)} indikator PK ada di tabel PK dan Bab III; {len(facts.pk_pihak)} "
                      "Perjanjian Kinerja lengkap dengan kedua pihak dan tanda tangannya.")


def _head(table: Tabel) -> list[str]:
    return [cell for row in table.rows[:2] for cell in row]


def _pk_problem(lap: Laporan, windows: list[range], pertama: str, kedua: str) -> str:
    """'' when a window holds this PK whole; otherwise what its best candidate lacks."""
    best, best_missing = None, None
    for window in windows:
        text = norm("\n".join(p.text for p in lap.text_of(window)))
        if norm(pertama) not in text or norm(kedua) not in text:
            continue  # another agreement (the Sekretaris' names the Ketua too, as its pihak kedua)
        missing = [label for label, ok in (("PIHAK PERTAMA", "pihak pertama" in text),
                                           ("PIHAK KEDUA", "pihak kedua" in text)) if not ok]
        signers = lap.signers(window)
        if len(signers) < 2:
            missing.append(f"dua tanda tangan (ditemukan {len(signers)})")
        if best_missing is None or len(missing) < len(best_missing):
            best, best_missing = window, missing
    if best is None:
        return f"Perjanjian Kinerja {pertama} - {kedua} tidak ditemukan (tidak ada PK yang memuat kedua jabatan itu)."
    if not best_missing:
        return ""
    return (f"Perjanjian Kinerja {pertama} - {kedua} ({lap.where(best.start)}) tanpa "
            f"{', '.join(best_missing)}.")


def efficiency(lap: Laporan, facts: DocumentFacts) -> Verdict:
    """3.b.8: capaian against budget absorption; the absorption printed is the one computed."""
    problems = []
    bab3 = lap.span("bab3")
    table = any(mentions(" ".join(_head(t)), ("capaian",)) and mentions(" ".join(_head(t)), ("serapan",))
                for t in lap.tables_in(bab3))
    compared = [s for p in lap.text_of(bab3, tables=False) for s in sentences(p.text)
                if mentions(s, ("capaian",)) and mentions(s, ("serapan", "anggaran")) and len(percents(s)) >= 2]
    if not table and not compared:
        problems.append((GAGAL, "Tidak ada perbandingan capaian kinerja dengan serapan anggaran.",
                         "Sajikan per kegiatan capaian kinerja (%) dan serapan anggaran (%) dengan simpulan "
                         "efisiensinya."))
    wanted = norm_figure(facts.serapan)
    summary = [s for p in lap.text_of(lap.span("ikhtisar"), tables=False) for s in sentences(p.text)
               if mentions(s, ("serapan",)) and percents(s)]
    for s in summary:
        if wanted not in percents(s):
            problems.append((GAGAL, f"Ikhtisar menyebut serapan {', '.join(percents(s))}, hasil perhitungan "
                             f"{facts.serapan}: «{shorten(s, 70)}».", "Samakan angka serapan dengan hasil "
                             "perhitungan (buat ulang laporan dari data)."))
    if not summary:
        problems.append((PERINGATAN, "Ikhtisar Eksekutif tidak menyebut serapan anggaran.",
                         f"Sebutkan serapan anggaran ({facts.serapan}) di Ikhtisar Eksekutif."))
    problems += _budget_total(lap, facts)
    return problems, (f"Capaian dibandingkan dengan serapan; serapan {facts.serapan} tercetak sama di Ikhtisar "
                      "dan Bab III B.")


def _budget_total(lap: Laporan, facts: DocumentFacts) -> list[tuple[str, str, str]]:
    """The total absorption in Bab III B: the budget table's total row, else a sentence."""
    part = lap.span("anggaran") or lap.span("bab3")
    for table in lap.tables_in(part):
        head = [norm(c) for c in table.rows[0]] if table.rows else []
        col = next((n for n, c in enumerate(head) if "serapan" in c), None)
        # the grand total is the last such row (subtotals per funding source come before it)
        total = next((r for r in reversed(table.rows[1:]) if r and norm(r[0]).startswith(("jumlah", "total"))), None)
        if col is None or total is None:
            continue
        col -= len(head) - len(total)  # "Jumlah" merged over the first columns: the figures align on the right
        if 0 <= col < len(total):
            if has_figure(total[col], facts.serapan):
                return []
            return [(GAGAL, f"Baris jumlah tabel anggaran mencetak serapan «{total[col]}», hasil perhitungan "
                     f"{facts.serapan}.", "Samakan angka serapan dengan hasil perhitungan.")]
    if any(has_figure(p.text, facts.serapan) for p in lap.text_of(part)):
        return []
    return [(GAGAL, f"Serapan anggaran {facts.serapan} tidak tercetak di Bab III B Realisasi Anggaran.",
             "Sajikan pagu, realisasi dan serapan per kegiatan dengan jumlahnya.")]


RECOMMEND = ("rekomendasi", "disarankan", "direkomendasikan", "saran", "perlu", "ke depan", "tahun berikutnya",
             "tindak lanjut", "rencana", "langkah")
WHO = ("sub bagian", "subbagian", "subbag", "sekretaris", "ketua", "kasubbag", "kasubag", "kepala", "divisi",
       "bagian", "anggota", "tim", "operator", "bendahara", "pejabat", "ppk", "pokja", "satuan kerja")
WHEN = MONTHS + ("triwulan", "tw i", "tw ii", "tw iii", "tw iv", "semester", "paling lambat", "setiap bulan",
                 "minggu", "bulan", "tahun 20", "akhir tahun", "awal tahun")


def recommendations(lap: Laporan, facts: DocumentFacts) -> Verdict:
    """3.b.9: each indicator below target has a recommendation naming who and when; Bab IV recommends."""
    vague, none = [], []
    for i, fakta in enumerate(facts.indikator):
        if fakta.tercapai is not False:
            continue
        found = [s for s in lap.analysis_sentences(i) if says(s, RECOMMEND)]
        if not found:
            none.append(i)
        elif not any(mentions(s, WHO) and _when(s) for s in found):
            vague.append(i)
    problems = []
    if none:
        problems.append((GAGAL, f"Belum tercapai tanpa rekomendasi: {indicator_list(facts, none)}.",
                         "Tuliskan rekomendasi perbaikan untuk tahun berikutnya di bawah indikator itu."))
    if vague:
        problems.append((GAGAL, f"Rekomendasi tanpa penanggung jawab atau waktu: {indicator_list(facts, vague)}.",
                         "Sebutkan siapa (sub bagian/jabatan) dan kapan (triwulan/bulan) rekomendasi dilaksanakan."))
    bab4 = lap.text_of(lap.span("bab4"))
    if not any(says(s, RECOMMEND, 5) for p in bab4 for s in sentences(p.text)) and not _recommend_heading(lap):
        problems.append((GAGAL, "Bab IV Penutup tanpa rekomendasi atau langkah perbaikan.",
                         "Tambahkan rekomendasi/langkah ke depan di Bab IV."))
    return problems, ("Setiap indikator yang belum tercapai memiliki rekomendasi (siapa, kapan); Bab IV "
                      "memuat rekomendasi.")


def _when(sentence: str) -> bool:
    return mentions(sentence, WHEN) or re.search(r"\b20\d{2}\b", sentence) is not None


def _recommend_heading(lap: Laporan) -> bool:
    """A heading in Bab IV naming recommendations, with a paragraph under it."""
    bab4 = lap.span("bab4")
    for p in lap.text_of(bab4, tables=False):
        if p.level is not None and mentions(p.text, RECOMMEND):
            under = lap.text_of(range(p.pos + 1, lap.block_after(p.pos).stop), tables=False)
            return any(q.words >= 5 for q in under)
    return False


ALL_MET = re.compile(r"\b(?:seluruh|semua)\s+(?:indikator|target|sasaran)(?:\s+[\w-]+){0,4}?\s+"
                     r"(?:telah\s+|dapat\s+|berhasil\s+|sudah\s+)?(?:tercapai|dicapai|terpenuhi|terealisasi)\b")
COUNTED = re.compile(r"(\d+)\s+(?:\(\w+\)\s+)?indikator(?:\s+kinerja)?\s+(belum\s+|tidak\s+)?"
                     r"(?:telah\s+|sudah\s+)?tercapai\b")


def consistency(lap: Laporan, facts: DocumentFacts) -> Verdict:
    """D.5 (LKE finding 13): what the text says of the indicators agrees with their figures."""
    met = sum(f.tercapai is True for f in facts.indikator)
    unmet = sum(f.tercapai is False for f in facts.indikator)
    problems = []
    for p in _summaries(lap):
        text = norm(p.text)
        claim = ALL_MET.search(text)
        if claim and unmet and not re.search(r"\b(?:belum|tidak)\b", claim.group(0)):
            problems.append((GAGAL, f"«{shorten(claim.group(0), 60)}» ({lap.where(p.pos)}), padahal {unmet} "
                             "indikator belum tercapai.", "Perbaiki simpulan agar sesuai capaian indikator."))
        for count, negative in COUNTED.findall(text):
            expected = unmet if negative else met
            if int(count) != expected:
                problems.append((GAGAL, f"Tertulis {count} indikator {'belum ' if negative else ''}tercapai "
                                 f"({lap.where(p.pos)}), hasil perhitungan {expected}.",
                                 "Samakan jumlah dengan hasil perhitungan."))
    return problems, f"Ringkasan sesuai: {met} indikator tercapai, {unmet} belum tercapai."


def _summaries(lap: Laporan):
    """Where the text speaks of all indicators: Kata Pengantar, Ikhtisar, Bab III before the first
    indicator's analysis, Bab IV (a kegiatan's own '2 indikator tercapai' is not a summary)."""
    first = min((s for s in lap.starts if s is not None), default=lap.span("bab3").stop)
    parts = [lap.span("kata_pengantar"), lap.span("ikhtisar"), range(lap.span("bab3").start, first),
             lap.span("bab4")]
    return [p for part in parts for p in lap.text_of(part, tables=False)]


FOLLOW_UP = ("tindak lanjut", "ditindaklanjuti", "menindaklanjuti", "tindaklanjut")
EVALUATION = ("rekomendasi", "hasil evaluasi", "catatan evaluasi", "lhe", "evaluasi sakip", "evaluasi akuntabilitas")


def _told(lap: Laporan, p) -> bool:
    """A body sentence tells; a heading tells only with text under it."""
    if p.level is None:
        return True
    return any(q.words >= 5 for q in lap.text_of(range(p.pos + 1, lap.block_after(p.pos).stop), tables=False))


def follow_up(lap: Laporan, facts: DocumentFacts) -> Verdict:
    """3.c: the LKIP tells how last year's evaluation recommendations were followed up."""
    last = ("tahun lalu", "tahun sebelumnya", str(facts.tahun - 1))
    for p in lap.prose:
        for s in sentences(p.text):
            if mentions(s, FOLLOW_UP) and mentions(s, EVALUATION) and mentions(s, last) and _told(lap, p):
                return passed(f"Tindak lanjut rekomendasi {facts.tahun - 1} diuraikan ({lap.where(p.pos)}).")
    return warned(f"Tidak ada uraian tindak lanjut rekomendasi hasil evaluasi tahun {facts.tahun - 1}.",
                  "Uraikan rekomendasi evaluasi tahun lalu dan tindak lanjutnya (bahan pemanfaatan LKIP, LKE 3.c).")
