"""The analysis of each PK indicator in Bab III A: disclosure (3.b.2), against the annual target (3.b.3),
the Renstra (3.b.4), earlier years (3.b.5) and a benchmark (3.b.6), causes, efforts and obstacles
(3.b.7) and whether that text is boilerplate (3.b.7-F, LKE finding 8)."""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass

from tasks.reporting.scorecard.facts import (
    GAGAL,
    PERINGATAN,
    DocumentFacts,
    Verdict,
    failed,
    indicator_list,
    passed,
    shorten,
)
from tasks.reporting.scorecard.outline import Laporan
from tasks.reporting.scorecard.text import (
    figure_count,
    has_figure,
    labelled,
    masked,
    mentions,
    norm,
    percent_value,
    sentences,
    words,
)

CAUSE = ("penyebab", "karena", "disebabkan", "dikarenakan", "sebab", "akibat", "faktor", "didukung", "berkat",
         "keberhasilan", "kegagalan")
EFFORT = ("upaya", "langkah", "dilakukan", "tindak lanjut", "strategi", "ditempuh", "solusi")
OBSTACLE = ("kendala", "hambatan", "permasalahan", "masalah", "tantangan", "terhambat", "terkendala")
GAP = ("target", "capaian", "tercapai", "realisasi", "melebihi", "melampaui", "terlampaui")
NOT_AVAILABLE = ("tidak tersedia", "belum tersedia", "tidak ada", "belum ada", "belum dapat dibandingkan",
                 "tidak dapat dibandingkan", "belum dapat dilakukan", "tidak dapat dilakukan", "belum ditetapkan")
REPEATED = 3  # a sentence in more than this many indicators' analyses is boilerplate (LKE finding 8)
YEARS = re.compile(r"\b(?:19|20)\d{2}(?:\s*[-–/]\s*(?:19|20)\d{2})?\b")


def says(sentence: str, keywords: tuple[str, ...], content_min: int = 6) -> bool:
    """Whether a sentence says something of this kind: a label naming it over a real content
    ('Kendala: jaringan terputus di dua kecamatan'), or a content sentence using the word."""
    label, content = labelled(sentence)
    n = len(words(content))
    return bool(label and mentions(label, keywords) and n >= 3) or (mentions(content, keywords) and n >= content_min)


def has_value(sentence: str) -> bool:
    """A figure other than a year or a period ('2020-2024')."""
    return re.search(r"\d", YEARS.sub(" ", sentence)) is not None


def disclosure(lap: Laporan, facts: DocumentFacts) -> Verdict:
    """3.b.2: every PK indicator in Bab III with its target, realisation and capaian as computed, and narrative."""
    rows = [(row, [norm(c) for c in row]) for t in lap.tables_in(lap.span("bab3")) for row in t.rows]
    no_figures, no_text = [], []
    for i, fakta in enumerate(facts.indikator):
        figures = [f for f in (fakta.target, fakta.realisasi, fakta.capaian) if f.strip() not in {"", "-"}]
        name = norm(fakta.nama)
        in_table = any(any(name in c for c in normed) and all(any(has_figure(c, f) for c in row) for f in figures)
                       for row, normed in rows)
        text = lap.analysis_text(i)
        if not in_table and not all(has_figure(text, f) for f in figures):
            no_figures.append(i)
        if not any(p.table is None and len(words(p.text)) >= 8 for p in lap.analysis(i)):
            no_text.append(i)
    problems = []
    if no_figures:
        problems.append((GAGAL, f"Target, realisasi dan capaian tidak tercetak sesuai data untuk "
                         f"{indicator_list(facts, no_figures)}.",
                         "Sajikan target, realisasi dan capaian setiap indikator PK seperti hasil perhitungan."))
    if no_text:
        problems.append((GAGAL, f"Tanpa uraian (hanya tabel) untuk {indicator_list(facts, no_text)}.",
                         "Uraikan setiap indikator di Bab III A di bawah judul yang memuat nama indikatornya."))
    return problems, f"{len(facts.indikator)} indikator PK diuraikan dengan target, realisasi, capaian dan narasi."


def annual_target(lap: Laporan, facts: DocumentFacts) -> Verdict:
    """3.b.3: realisation against the annual target, with why: below target and above 100 % explained."""
    unmet, above, bare = [], [], []
    for i, fakta in enumerate(facts.indikator):
        explained = any(_explains(s) for s in lap.analysis_sentences(i))
        value = percent_value(fakta.capaian)
        if explained:
            continue
        if fakta.tercapai is False:
            unmet.append(i)
        elif value is not None and value > 100:
            above.append(i)
        elif fakta.tercapai:
            bare.append(i)
    problems = []
    if unmet:
        problems.append((GAGAL, f"Belum tercapai tanpa penjelasan sebabnya: {indicator_list(facts, unmet)}.",
                         "Jelaskan mengapa target belum tercapai (penyebab, kendala), bukan hanya angkanya."))
    if above:
        problems.append((GAGAL, f"Capaian di atas 100% tanpa penjelasan: {indicator_list(facts, above)}.",
                         "Jelaskan mengapa target terlampaui dan apakah target perlu dinaikkan."))
    if bare:
        problems.append((PERINGATAN, f"Tercapai tanpa uraian penyebab keberhasilan: {indicator_list(facts, bare)}.",
                         "Tambahkan penyebab keberhasilan yang khas untuk indikator itu."))
    return problems, "Setiap indikator yang belum tercapai atau melampaui target dijelaskan penyebabnya."


def _explains(sentence: str) -> bool:
    """Why the realisation stands where it does against the target: an item labelled as the cause
    ('Penyebab keberhasilan/kegagalan: …'), or a sentence that gives a cause for the capaian."""
    label, content = labelled(sentence)
    if label and mentions(label, CAUSE) and len(words(content)) >= 3:
        return True
    return len(words(content)) >= 8 and mentions(content, CAUSE) and mentions(content, GAP)


@dataclass(frozen=True)
class Comparison:
    """One of the LKE's comparisons of the realisation: what it is about and what it needs."""

    nomor: str
    judul: str
    has_data: str  # the IndikatorFakta flag
    topic: tuple[str, ...]
    lacking: str  # what the indicators without data lack, for the message
    add_data: str  # where the office adds it
    by_year: bool = False  # naming an earlier year is the comparison; and 2-3 years or the trend are asked
    sourced: bool = False  # the comparison names its source

    def compares(self, sentence: str, tahun: int) -> bool:
        if mentions(sentence, NOT_AVAILABLE) or not has_value(sentence):
            return False
        return mentions(sentence, self.topic) or (self.by_year and bool(earlier_years(sentence, tahun)))


RENSTRA = Comparison("3.b.4", "Realisasi dibanding target jangka menengah (Renstra)", "ada_renstra",
                     ("renstra", "jangka menengah", "rencana strategis"), "target Renstra",
                     "Isi target_renstra di riwayat-indikator.csv.")
HISTORY = Comparison("3.b.5", "Realisasi dibanding tahun-tahun sebelumnya", "ada_riwayat",
                     ("tahun lalu", "tahun sebelumnya", "tahun-tahun sebelumnya", "periode sebelumnya"),
                     "realisasi tahun-tahun sebelumnya", "Isi realisasi 2-3 tahun terakhir di riwayat-indikator.csv.",
                     by_year=True)
BENCHMARK = Comparison("3.b.6", "Realisasi dibanding pembanding nasional/provinsi, dengan sumber", "ada_pembanding",
                       ("nasional", "provinsi", "rata-rata", "standar", "kabupaten lain", "kabupaten/kota lain",
                        "pembanding", "kabupaten/kota"), "pembanding nasional/provinsi",
                       "Tambahkan angka pembanding beserta sumbernya (mis. angka nasional yang diumumkan KPU).",
                       sourced=True)
SOURCE = ("sumber", "menurut", "berdasarkan", "diumumkan", "dirilis", "dipublikasikan", "data kpu", "laporan kpu")
TREND = ("tren", "trend", "meningkat", "menurun", "naik", "turun", "stabil", "tetap")


def comparison(kind: Comparison, lap: Laporan, facts: DocumentFacts) -> Verdict:
    """3.b.4/5/6: where the data exists the text compares; where not, it says so once, never in every analysis."""
    problems, one_year, unsourced = [], [], []
    missing = []
    for i, fakta in enumerate(facts.indikator):
        if not getattr(fakta, kind.has_data):
            continue
        found = [s for s in lap.analysis_sentences(i) if kind.compares(s, facts.tahun)]
        if not found:
            missing.append(i)
        elif kind.by_year and not _trend(found, facts.tahun):
            one_year.append(i)
        elif kind.sourced and not any(mentions(s, SOURCE) for s in found):
            unsourced.append(i)
    if missing:
        problems.append((GAGAL, f"Data {kind.lacking} ada, tetapi tidak dibandingkan untuk "
                         f"{indicator_list(facts, missing)}.", f"Uraikan perbandingan dengan {kind.lacking} "
                         "beserta angkanya di bawah indikator itu."))
    if one_year:
        problems.append((PERINGATAN, f"Hanya satu tahun pembanding, tanpa tren: {indicator_list(facts, one_year)}.",
                         "Bandingkan dengan 2-3 tahun sebelumnya dan sebutkan trennya."))
    if unsourced:
        problems.append((GAGAL, f"Pembanding tanpa sumber: {indicator_list(facts, unsourced)}.",
                         "Sebutkan sumber angka pembanding (mis. 'sebagaimana diumumkan KPU RI')."))
    repeated = _repeated_notes(lap, facts, kind)
    if repeated:
        sentence, count = repeated
        problems.append((GAGAL, f"Kalimat «{shorten(sentence, 80)}» diulang di {count} indikator.",
                         f"Sebutkan sekali (mis. di awal Bab III A) indikator mana yang belum memiliki "
                         f"{kind.lacking}, alih-alih mengulangnya di setiap indikator."))
    lacking = [i for i, fakta in enumerate(facts.indikator) if not getattr(fakta, kind.has_data)]
    if lacking:
        said = ""
        if not repeated:
            stated = any(_is_note(s, kind) for p in lap.prose for s in sentences(p.text))
            said = "; dokumen menyebutkannya" if stated else "; dokumen tidak menyebutkannya"
        problems.append((PERINGATAN, f"{len(lacking)} indikator tanpa data {kind.lacking}: "
                         f"{indicator_list(facts, lacking)}{said}.", kind.add_data))
    return problems, f"Setiap indikator dibandingkan dengan {kind.lacking}."


def earlier_years(sentence: str, tahun: int) -> set[int]:
    """The years of the five before `tahun` a sentence names on their own (a period '2020-2024' is not one)."""
    alone = re.sub(r"\b(?:19|20)\d{2}\s*[-–/]\s*(?:19|20)\d{2}\b", " ", sentence)
    return {int(y) for y in re.findall(r"\b(?:19|20)\d{2}\b", alone) if tahun - 6 < int(y) < tahun}


def _trend(found: list[str], tahun: int) -> bool:
    years = {y for s in found for y in earlier_years(s, tahun)}
    return len(years) >= 2 or any(mentions(s, TREND) for s in found)


def _is_note(sentence: str, kind: Comparison) -> bool:
    return mentions(sentence, NOT_AVAILABLE) and mentions(sentence, kind.topic + (kind.lacking,))


def _repeated_notes(lap: Laporan, facts: DocumentFacts, kind: Comparison) -> tuple[str, int] | None:
    """The 'not available' sentence of this comparison repeated in the most analyses, when more than REPEATED."""
    seen: dict[str, set[int]] = defaultdict(set)
    example: dict[str, str] = {}
    for i, fakta in enumerate(facts.indikator):
        for s in lap.analysis_sentences(i):
            if _is_note(s, kind):
                key = masked(s, (fakta.nama,))
                seen[key].add(i)
                example.setdefault(key, labelled(s)[1])
    key = max(seen, key=lambda k: len(seen[k]), default=None)
    return (example[key], len(seen[key])) if key is not None and len(seen[key]) > REPEATED else None


def quality(lap: Laporan, facts: DocumentFacts) -> Verdict:
    """3.b.7: per indicator, the causes of success or failure, the efforts made and the obstacles met."""
    lacking: dict[str, list[int]] = {"penyebab": [], "upaya": [], "kendala": []}
    for i in range(len(facts.indikator)):
        found = lap.analysis_sentences(i)
        for what, keywords in (("penyebab", CAUSE), ("upaya", EFFORT), ("kendala", OBSTACLE)):
            if not any(says(s, keywords) for s in found):
                lacking[what].append(i)
    problems = [(GAGAL, f"Tanpa uraian {what}: {indicator_list(facts, ids)}.",
                 "Uraikan per indikator penyebab keberhasilan/kegagalan, upaya yang dilakukan dan kendalanya "
                 "(tulis 'tidak terdapat kendala' bila memang tidak ada).")
                for what, ids in lacking.items() if ids]
    return problems, "Setiap indikator memuat penyebab, upaya dan kendalanya."


def formality(lap: Laporan, facts: DocumentFacts) -> Verdict:
    """3.b.7-F (LKE finding 8): a sentence of 8+ words (figures masked) repeated in more than three analyses."""
    seen: dict[str, set[int]] = defaultdict(set)
    example: dict[str, str] = {}
    notes = (RENSTRA, HISTORY, BENCHMARK)
    for i, fakta in enumerate(facts.indikator):
        for s in lap.analysis_sentences(i):
            key = masked(s, (fakta.nama,))
            if len(words(key)) < 8 or figure_count(labelled(s)[1]) > 1 or any(_is_note(s, k) for k in notes):
                continue  # short, a statement of figures, or a 'not available' note (judged under 3.b.4-6)
            seen[key].add(i)
            example.setdefault(key, labelled(s)[1])
    repeated = sorted(((len(ids), key) for key, ids in seen.items() if len(ids) > REPEATED), reverse=True)
    if not repeated:
        return passed("Tidak ada kalimat analisis yang diulang di lebih dari tiga indikator.")
    shown = "; ".join(f"«{shorten(example[key], 70)}» di {n} indikator" for n, key in repeated[:3])
    more = f" dan {len(repeated) - 3} kalimat lain" if len(repeated) > 3 else ""
    return failed(f"Kalimat yang sama di banyak indikator: {shown}{more}.",
                  "Tulis penyebab, upaya, kendala dan rekomendasi yang khas untuk setiap indikator; kalimat "
                  "seragam dinilai evaluator 'hanya formalitas'.")
