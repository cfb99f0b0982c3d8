"""score_document: a rendered LKIP read once and judged by every criterion, in the LKE's order."""

from __future__ import annotations

from functools import partial
from pathlib import Path

from tasks.reporting.scorecard import alignment, analysis, formal
from tasks.reporting.scorecard.facts import GAGAL, PERINGATAN, DocumentFacts, Kriteria, judged
from tasks.reporting.scorecard.outline import Laporan
from tasks.reporting.scorecard.reader import read_docx

CRITERIA = (  # (nomor, judul, check), in the order the scorecard lists them
    ("3.a.2", "Pengukuran berkala (triwulanan)", formal.periodic),
    ("3.a.3", "LKIP ditandatangani (formal)", formal.formalised),
    ("3.a.4", "LKIP direviu APIP", formal.reviewed),
    ("3.a.6", "LKIP tepat waktu", formal.on_time),
    ("3.b.1", "Selaras dengan Perjanjian Kinerja", alignment.pk_alignment),
    ("3.b.2", "Informasi capaian lengkap dengan narasi", analysis.disclosure),
    ("3.b.3", "Realisasi dibanding target tahunan, dengan analisis", analysis.annual_target),
    ("3.b.4", analysis.RENSTRA.judul, partial(analysis.comparison, analysis.RENSTRA)),
    ("3.b.5", analysis.HISTORY.judul, partial(analysis.comparison, analysis.HISTORY)),
    ("3.b.6", analysis.BENCHMARK.judul, partial(analysis.comparison, analysis.BENCHMARK)),
    ("3.b.7", "Penyebab, upaya dan kendala per indikator", analysis.quality),
    ("3.b.7-F", "Analisis khas per indikator, bukan formalitas", analysis.formality),
    ("3.b.8", "Efisiensi penggunaan sumber daya", alignment.efficiency),
    ("3.b.9", "Rekomendasi perbaikan kinerja", alignment.recommendations),
    ("3.c", "Tindak lanjut rekomendasi tahun lalu", alignment.follow_up),
    ("D.1", "Sistematika sesuai PermenPAN-RB 53/2014 (3.b.1)", formal.outline_order),
    ("D.2", "Tanpa sisa template, petunjuk atau rujukan berkas", formal.no_leftovers),
    ("D.3", "Daftar Isi terisi", formal.toc_filled),
    ("D.4", "Tabel tercetak rapi", formal.tables_print_well),
    ("D.5", "Ringkasan sesuai capaian (tidak bertentangan)", alignment.consistency),
    ("D.6", "Sampul dan tahun laporan", formal.identity),
)


def score_document(path: Path, facts: DocumentFacts) -> list[Kriteria]:
    """Every criterion for the LKIP at `path`; a file that cannot be read is one 'gagal' saying so."""
    try:
        naskah = read_docx(Path(path))
    except Exception as exc:  # any damage the zip or XML parser meets: told once, never a traceback
        return [judged("D.0", "Dokumen dapat dibuka", ([(
            GAGAL, f"{Path(path).name} tidak dapat dibaca sebagai dokumen Word: {_reason(exc)}.",
            "Buka di Word lalu simpan ulang sebagai .docx, atau buat ulang laporan.")], ""))]
    lap = Laporan(naskah, facts)
    return [judged(nomor, judul, _verdict(check, lap, facts)) for nomor, judul, check in CRITERIA]


def _verdict(check, lap: Laporan, facts: DocumentFacts):
    try:
        return check(lap, facts)
    except Exception as exc:  # a fault of ours must not hide the other criteria; the tests keep this path empty
        return [(PERINGATAN, f"Pemeriksaan ini tidak dapat dijalankan ({type(exc).__name__}).",
                 "Periksa kriteria ini secara manual dan laporkan ke pengelola lkip.")], ""


def _reason(exc: Exception) -> str:
    problems = getattr(exc, "problems", None)  # InputError from the zip checks
    if problems:
        return problems[0].message
    return str(exc) or type(exc).__name__
