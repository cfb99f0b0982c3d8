"""Where things are in an LKIP: the parts of the PermenPAN-RB 53/2014 outline found by their heading
words, and in Bab III A the stretch of text under each PK indicator (from the paragraph that names it
to the next indicator's)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property

from tasks.reporting.scorecard.facts import DocumentFacts, shorten
from tasks.reporting.scorecard.reader import Naskah, Paragraf, Tabel
from tasks.reporting.scorecard.text import norm, sentences, signature_names

ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "v": 5, "1": 1, "2": 2, "3": 3, "4": 4, "5": 5}
BAB = re.compile(r"\bbab\s+([ivx]+|\d)\b")
NUMBERING = re.compile(r"^\s*(?:[\dA-Za-z]{1,3}[.)]\s*)+")
TYPED_TOC_LINE = re.compile(r"(?:\.{3,}|…|\t)\s*(?:\d+|[ivxlc]+)\s*$", re.IGNORECASE)


@dataclass(frozen=True)
class Part:
    """One part of the outline the document should have."""

    key: str
    label: str  # how messages name it
    words: tuple[str, ...]  # a title holding one of these phrases is this part
    bab: int | None = None  # its chapter number, when it is a chapter
    prefix: bool = False  # the title must start with the phrase ("LAMPIRAN 1 …", not "DAFTAR LAMPIRAN")


OUTLINE = (
    Part("kata_pengantar", "Kata Pengantar", ("kata pengantar",)),
    Part("ikhtisar", "Ikhtisar Eksekutif", ("ikhtisar eksekutif", "ringkasan eksekutif", "ikhtisar")),
    Part("daftar_isi", "Daftar Isi", ("daftar isi",)),
    Part("bab1", "Bab I Pendahuluan", ("pendahuluan",), 1),
    Part("bab2", "Bab II Perencanaan Kinerja", ("perencanaan kinerja", "perencanaan dan perjanjian kinerja"), 2),
    Part("bab3", "Bab III Akuntabilitas Kinerja", ("akuntabilitas kinerja",), 3),
    Part("bab4", "Bab IV Penutup", ("penutup",), 4),
    Part("lampiran", "Lampiran", ("lampiran",), prefix=True),
)
SUBPARTS = (  # (part holding it, the subpart)
    ("bab2", Part("pk", "Bab II: Perjanjian Kinerja", ("perjanjian kinerja",))),
    ("bab3", Part("capaian", "Bab III A: Capaian Kinerja", ("capaian kinerja",))),
    ("bab3", Part("anggaran", "Bab III B: Realisasi Anggaran",
                  ("realisasi anggaran", "akuntabilitas keuangan", "realisasi keuangan"))),
)
SUBKEYS = {part.key: parent for parent, part in SUBPARTS}


def is_heading(p: Paragraf) -> bool:
    """A heading by its style: a heading level, or a style named as a title ("Judul Indikator", "Title")."""
    return p.level is not None or any(w in p.style for w in ("heading", "judul", "title"))


def is_title(p: Paragraf) -> bool:
    """A paragraph a reader takes for a title: a heading, or a short line in capitals (not a typed
    table-of-contents line ending in its page number)."""
    if p.table is not None or p.toc or not p.text or TYPED_TOC_LINE.search(p.text):
        return False
    return is_heading(p) or (p.words <= 10 and p.text.isupper())


def matches(part: Part, text: str) -> bool:
    text = norm(text)
    if part.prefix:
        return any(NUMBERING.sub("", text).startswith(w) for w in part.words)
    return any(w in text for w in part.words)


def bab_number(text: str) -> int | None:
    match = BAB.search(norm(text))
    return ROMAN.get(match.group(1)) if match else None


class Laporan:
    """A document read, with its outline and per-indicator stretches found once for all criteria."""

    def __init__(self, naskah: Naskah, facts: DocumentFacts):
        self.naskah, self.facts = naskah, facts
        self.paragraf = naskah.paragraf
        self.end = len(self.paragraf)

    @cached_property
    def titles(self) -> list[Paragraf]:
        return [p for p in self.paragraf if is_title(p)]

    @cached_property
    def placed(self) -> dict[str, int]:
        """Part key -> position of its title, in outline order (greedily, each after the one before)."""
        found, prev = {}, -1
        for part in OUTLINE:
            candidates = [p.pos for p in self.titles if matches(part, p.text)]
            after = [c for c in candidates if c > prev]
            if after:
                found[part.key] = prev = after[0]
        return found

    @cached_property
    def misplaced(self) -> dict[str, int]:
        """Parts whose title exists only before the part that should precede them."""
        out = {}
        for part in OUTLINE:
            if part.key not in self.placed:
                # a chapter counts only as a heading or a "BAB …" line, not a cover's "LAPORAN AKUNTABILITAS KINERJA"
                candidates = [p.pos for p in self.titles if matches(part, p.text)
                              and (not part.bab or p.level is not None or bab_number(p.text))]
                if candidates:
                    out[part.key] = candidates[0]
        return out

    def span(self, key: str) -> range:
        """The positions of a part or subpart (its title to the next one's), empty when it is not found."""
        if key in SUBKEYS:
            return self._sub_span(key) if key in self.subplaced else range(0)
        start = self.placed.get(key)
        if start is None:
            return range(0)
        later = [pos for pos in self.placed.values() if pos > start]
        return range(start, min(later, default=self.end))

    @cached_property
    def subplaced(self) -> dict[str, int]:
        found = {}
        for parent, part in SUBPARTS:
            inside = self.span(parent)
            after = found["capaian"] if part.key == "anggaran" and "capaian" in found else inside.start
            pos = next((p.pos for p in self.titles if after < p.pos < inside.stop and matches(part, p.text)), None)
            if pos is not None:
                found[part.key] = pos
        return found

    def _sub_span(self, key: str) -> range:
        start = self.subplaced[key]
        parent = self.span(SUBKEYS[key])
        later = [pos for pos in self.subplaced.values() if pos > start]
        return range(start, min(later + [parent.stop]))

    @cached_property
    def bab3a(self) -> range:
        """Bab III A (capaian): from its title, or Bab III's, to Bab III B or the end of Bab III."""
        bab3 = self.span("bab3")
        start = self.subplaced.get("capaian", bab3.start)
        stop = self.subplaced.get("anggaran", bab3.stop)
        return range(start, stop) if bab3 else range(0)

    def text_of(self, positions: range, tables: bool = True) -> list[Paragraf]:
        return [p for p in self.paragraf[positions.start:positions.stop]
                if p.text and not p.toc and (tables or p.table is None)]

    def tables_in(self, positions: range) -> list[Tabel]:
        return [t for t in self.naskah.tabel if t.first in positions]

    # --- the indicators' stretches in Bab III A ----------------------------------------------------

    @cached_property
    def starts(self) -> list[int | None]:
        """Per indicator (facts order), the position of the paragraph that opens its analysis."""
        prose = [(p, norm(p.text)) for p in self.text_of(self.bab3a, tables=False)]  # each normalised once
        starts: list[int | None] = []
        taken: set[int] = set()
        prev = -1
        for fakta in self.facts.indikator:
            name = norm(fakta.nama)
            ranked = sorted((_rank(p.text, name), p.pos) for p, text in prose if name and name in text
                            and p.pos not in taken)
            pick = next((pos for _, pos in ranked if pos > prev), None)
            if pick is None and ranked:
                pick = ranked[0][1]
            starts.append(pick)
            if pick is not None:
                taken.add(pick)
                prev = max(prev, pick)
        return starts

    @cached_property
    def regions(self) -> list[range | None]:
        """Per indicator, the positions of its analysis: its opening paragraph to the next indicator's."""
        found = sorted({s for s in self.starts if s is not None})
        out = []
        for start in self.starts:
            if start is None:
                out.append(None)
                continue
            later = [s for s in found if s > start]
            out.append(range(start, min(later, default=self.bab3a.stop)))
        return out

    def analysis(self, i: int) -> list[Paragraf]:
        """The paragraphs of indicator i's analysis after its opening one (tables in it included)."""
        region = self.regions[i]
        return [] if region is None else self.text_of(range(region.start + 1, region.stop))

    def analysis_sentences(self, i: int) -> list[str]:
        return self._sentences[i]

    @cached_property
    def _sentences(self) -> list[list[str]]:
        """Per indicator, the sentences of its analysis (asked for by most criteria: split once)."""
        return [[s for p in self.analysis(i) for s in sentences(p.text)] for i in range(len(self.facts.indikator))]

    @cached_property
    def prose(self) -> list[Paragraf]:
        """Every paragraph with text outside the table of contents, table cells included."""
        return self.text_of(range(self.end))

    def analysis_text(self, i: int) -> str:
        region = self.regions[i]
        return "" if region is None else "\n".join(p.text for p in self.text_of(region))

    def block_after(self, pos: int) -> range:
        """From a title to the next heading of its level or higher (or the next part of the outline)."""
        own = self.paragraf[pos].level or 1
        stop = next((p.pos for p in self.paragraf[pos + 1:] if p.level is not None and p.level <= own
                     and not p.toc), self.end)
        later = [start for start in self.placed.values() if start > pos]
        return range(pos, min(later + [stop]))

    def signers(self, positions: range) -> list[str]:
        """The names signed in a stretch: its prose read top to bottom, each table column by column (two
        signers side by side in a borderless table)."""
        prose = [p.text for p in self.text_of(positions, tables=False)]
        names = signature_names([line for text in prose for line in text.split("\n")])
        for table in self.tables_in(positions):
            for col in range(max((len(r) for r in table.rows), default=0)):
                column = [line for row in table.rows if col < len(row) for line in row[col].split("\n")]
                names += signature_names(column)
        return names

    # --- for messages -------------------------------------------------------------------------------

    def where(self, pos: int) -> str:
        """'Bab III Akuntabilitas Kinerja, di bawah «2. Rasio penyelesaian…»': where a paragraph stands."""
        part = max(((p, k) for k, p in self.placed.items() if p <= pos), default=None)
        label = next((x.label for x in OUTLINE if part and x.key == part[1]), "sebelum Kata Pengantar")
        heading = next((t for t in reversed(self.titles) if t.pos <= pos and is_heading(t)), None)
        place = label
        if heading is not None and heading.pos != (part[0] if part else None):
            place += f", di bawah «{shorten(heading.text, 50)}»"
        table = self.paragraf[pos].table
        if table is not None:
            place += f", tabel ke-{table + 1}"
        return place


def _rank(text: str, name: str) -> int:
    """0: the paragraph is the indicator's title (numbering aside), 1: nearly, 2: it only mentions it."""
    rest = NUMBERING.sub("", norm(text)).replace(name, "").strip(" .:;-")
    return 0 if not rest else 1 if len(rest) <= 25 else 2
