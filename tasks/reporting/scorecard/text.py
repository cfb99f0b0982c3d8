"""Reading Indonesian report prose: normalised matching, sentences and their labels, figures, dates,
signature blocks and placeholder signers. Pure string functions."""

from __future__ import annotations

import bisect
import functools
import re
import unicodedata
from datetime import date

MONTHS = ("januari", "februari", "maret", "april", "mei", "juni", "juli", "agustus", "september", "oktober",
          "november", "desember")
_DASHES = str.maketrans({"–": "-", "—": "-", "‑": "-", "’": "'", "‘": "'", "“": '"', "”": '"', "\u00a0": " "})
NUMBER = re.compile(r"(?<![\w])(?:rp\.?\s*)?\d+(?:[.,]\d+)*(?:\s*%)?", re.IGNORECASE)
PERCENT = re.compile(r"(?<![\w,.])\d{1,3}(?:\.\d{3})*(?:,\d+)?\s*%")
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[\"(\[]?[A-Z0-9])|\n+")
_LABEL = re.compile(r"^\s*((?:[^\s:.]+\s+){0,8}[^\s:.]+)\s*:\s+(?=\S)")
_WORD = re.compile(r"[^\W\d_]+(?:[-/'][^\W\d_]+)*")


KEPT_UP_TO = 4096  # characters: a sentence, a paragraph, an indicator's analysis
LONG_KEPT = 16  # longer texts kept: one office's chapters and whole prose (7 for the sample LKIP)


def norm(text: str) -> str:
    """For matching: NFKC, lower case, one kind of dash and quote, single spaces. Texts of up to
    KEPT_UP_TO characters are kept by the thousand (the same sentences are asked by several criteria);
    of longer ones (a chapter or the document's prose, joined by a criterion) only the last LONG_KEPT.
    When they were kept with the short ones, every office's chapters stayed in a roll-up worker until
    the roll-up ended (~0.5 MB an office)."""
    return _kept_norm(text) if len(text) <= KEPT_UP_TO else _long_norm(text)


def _norm(text: str) -> str:
    return " ".join(unicodedata.normalize("NFKC", text).translate(_DASHES).lower().split())


_kept_norm = functools.lru_cache(maxsize=1 << 14)(_norm)
_long_norm = functools.lru_cache(maxsize=LONG_KEPT)(_norm)


@functools.lru_cache(maxsize=1 << 10)  # one office's texts (some are whole analyses: a few kB each)
def norm_figure(text: str) -> str:
    """A printed figure as compared: normalised, no space before '%', 'Rp 1.000' as 'rp1.000' (kept per
    text: an indicator's analysis is searched for each of its figures)."""
    return re.sub(r"rp\.?\s+", "rp", re.sub(r"\s+%", "%", norm(text)))


def has_figure(text: str, figure: str) -> bool:
    """Whether `figure` ("1 laporan", "100,00%", "1") stands in `text` as a whole figure, not inside a longer one."""
    wanted = norm_figure(figure)
    if not wanted:
        return True
    pattern = rf"(?<![\w.,]){re.escape(wanted)}(?![\w]|[.,]\d)"
    return re.search(pattern, norm_figure(text)) is not None


def percents(text: str) -> list[str]:
    """The percentages printed in a text, normalised ("91,07%")."""
    return [norm_figure(m.group(0)) for m in PERCENT.finditer(text)]


def percent_value(text: str) -> float | None:
    """'120,50%' -> 120.5; None when the text is not a percentage."""
    match = PERCENT.search(text)
    if not match:
        return None
    return float(match.group(0).rstrip("% ").replace(".", "").replace(",", "."))


@functools.lru_cache(maxsize=1 << 14)
def sentences(text: str) -> tuple[str, ...]:
    return tuple(s.strip() for s in _SENTENCE_END.split(text) if s and s.strip())


@functools.lru_cache(maxsize=1 << 14)  # an analysis sentence is asked by several criteria
def labelled(sentence: str) -> tuple[str, str]:
    """('5) penyebab keberhasilan/kegagalan tw iv', 'Jumlah personel …'): the short 'label:' prefixes
    of a sentence (up to nine words before a colon, as many as there are) apart from its content."""
    labels, rest = [], sentence
    for _ in range(4):
        match = _LABEL.match(rest)
        if not match:
            break
        labels.append(match.group(1))
        rest = rest[match.end():]
    return norm(" ".join(labels)), rest.strip()


def words(text: str) -> list[str]:
    """The words of a text, figures left out."""
    return _WORD.findall(text.lower())


def masked(sentence: str, names: tuple[str, ...] = ()) -> str:
    """A sentence as compared for repetition: labels dropped, the indicator's own name and every figure
    masked, lower case, punctuation dropped."""
    _, content = labelled(sentence)
    text = norm(content)
    for name in names:
        if name:
            text = text.replace(norm(name), " § ")
    text = NUMBER.sub(" # ", text)
    return " ".join(re.sub(r"[^\w#§ ]+", " ", text).split())


def figure_count(sentence: str) -> int:
    return len(NUMBER.findall(sentence))


@functools.lru_cache(maxsize=256)
def _keywords(words_: tuple[str, ...]) -> re.Pattern:
    return re.compile(r"(?<!\w)(?:" + "|".join(re.escape(w) for w in words_) + r")(?!\w)")


@functools.lru_cache(maxsize=1 << 15)  # the same sentences are asked for the same words by several criteria
def mentions(text: str, keywords: tuple[str, ...]) -> bool:
    """Whether a normalised text holds one of the keywords (whole words or phrases)."""
    return _keywords(keywords).search(norm(text)) is not None


class OneOf:
    """(kind, first text found) for each of the patterns found in a text, in the patterns' order: one
    regex pass over the text for all of them (a document has thousands of paragraphs).

    `needles`: a pattern that finds, in any text where one of the patterns matches, something inside
    that match (e.g. a literal each match must contain, under the same flags); `words`: lower-case
    literals of which a case-insensitive match holds one (searched in the texts' lower case, where
    Python's regular expressions take a thousand positions a millisecond for a case-insensitive
    alternation, a literal search hundreds of times more). `each` then searches the needles and
    words once over all texts joined and runs the patterns only on the texts one touched.
    """

    def __init__(self, patterns: tuple[tuple[str, str], ...], needles: str = "", words: tuple[str, ...] = ()):
        self._joined = re.compile("|".join(f"(?P<k{n}>{pattern})" for n, (pattern, _) in enumerate(patterns)))
        self._kinds = [kind for _, kind in patterns]
        self._needles = re.compile(needles) if needles else None
        assert all(word == word.lower() and word.isascii() for word in words), words
        self._words = re.compile("|".join(re.escape(word) for word in words)) if words else None

    def __call__(self, text: str) -> list[tuple[str, str]]:
        hits: dict[int, str] = {}
        for match in self._joined.finditer(text):
            hits.setdefault(int(match.lastgroup[1:]), match.group(0))
        return [(self._kinds[n], hits[n]) for n in sorted(hits)]

    def each(self, texts: list[str]) -> list[list[tuple[str, str]]]:
        """What __call__ gives for each text, in one needle search over them all (without needles, one
        call per text). Every text a needle match overlaps is looked at, a match across two texts
        included, so no text with a hit is skipped."""
        if self._needles is None and self._words is None:
            return [self(text) for text in texts]
        joined = "\n".join(texts)
        spans = [match.span() for match in self._needles.finditer(joined)] if self._needles is not None else []
        if self._words is not None:
            folded = ascii_fold(joined)
            if folded is None:  # a letter whose lower case is longer: positions would shift, every text is looked at
                return [self(text) for text in texts]
            spans += [match.span() for match in self._words.finditer(folded)]
        starts, offset = [], 0
        for text in texts:
            starts.append(offset)
            offset += len(text) + 1
        touched: set[int] = set()
        for start, end in spans:
            first = bisect.bisect_right(starts, start) - 1
            last = bisect.bisect_right(starts, max(end - 1, start)) - 1
            touched.update(range(first, last + 1))
        return [self(text) if i in touched else [] for i, text in enumerate(texts)]


# The four letters that Python's case-insensitive matching takes for an ASCII letter besides its two
# cases ('İ', 'ı', 'ſ', the Kelvin sign): folded to it, so that a lower-case literal is found wherever
# the case-insensitive pattern would match.
_TWINS = {"\u0130": "i", "\u0131": "i", "\u017f": "s", "\u212a": "k"}
_ASCII_TWINS = str.maketrans(_TWINS)


def ascii_fold(text: str) -> str | None:
    """`text` in lower case with the twins of ASCII letters folded to them, position for position;
    None when a character's lower case is longer than the character (positions would not hold)."""
    if any(twin in text for twin in _TWINS):  # rare: str.translate looks at every character in Python
        text = text.translate(_ASCII_TWINS)
    folded = text.lower()
    return folded if len(folded) == len(text) else None


# --- dates ---------------------------------------------------------------------------------------

PLACE_DATE = re.compile(r"^([A-Z][^\d,]{1,40}),\s*(\d{1,2})\s+(" + "|".join(MONTHS) + r")\s+(\d{4})\s*$",
                        re.IGNORECASE)


def place_date(line: str) -> date | None:
    """'Simpang Empat, 31 Januari 2025' -> date(2025, 1, 31); None for anything else."""
    match = PLACE_DATE.match(" ".join(line.split()))
    if not match:
        return None
    try:
        return date(int(match.group(4)), MONTHS.index(match.group(3).lower()) + 1, int(match.group(2)))
    except ValueError:
        return None


# --- signature blocks ----------------------------------------------------------------------------

ROLE_WORDS = ("ketua", "sekretaris", "kepala", "inspektur", "inspektorat", "pihak pertama", "pihak kedua",
              "anggota", "plt", "plh", "kasubbag", "kasubag", "mengetahui", "bupati", "pejabat", "auditor",
              "reviu", "reviewer", "peninjau", "direktur", "koordinator", "a.n", "penyusun", "apip")
NOT_NAMES = ("ttd", "tertanda", "tanda tangan", "cap", "stempel", "materai", "meterai")  # marks where one signed
INSTITUTION_WORDS = ("kpu", "kabupaten", "kota", "provinsi", "republik", "indonesia", "komisi", "pemilihan",
                     "sekretariat", "inspektorat", "umum")


def is_role_line(line: str) -> bool:
    """A signature block's jabatan line ('KETUA KPU KABUPATEN PASAMAN BARAT,', 'PIHAK KEDUA')."""
    return 0 < len(line.split()) <= 12 and mentions(line, ROLE_WORDS) and not line.rstrip().endswith(".")


def is_name_line(line: str) -> bool:
    """A signer's name: short, capitalised, no figures, no jabatan or institution words, not a label."""
    text = line.strip()
    tokens = text.split()
    if not 1 <= len(tokens) <= 8 or any(ch.isdigit() for ch in text) or text[0].islower():
        return False
    if text.endswith((",", ":")) or ":" in text or mentions(text, ROLE_WORDS + INSTITUTION_WORDS + NOT_NAMES):
        return False
    if text.endswith(".") and not re.search(r"\b\w{1,4}\.$", text):  # a sentence, not "…, S.H."
        return False
    names = [t for t in tokens if t[0].isalpha()]
    capital = sum(t[0].isupper() for t in names)
    return bool(names) and capital >= 0.6 * len(names) and not is_placeholder_name(text)


def signature_names(lines: list[str]) -> list[str]:
    """The signers' names in a column of lines: a name line with a jabatan line at most five non-empty
    lines above it (a signature block: jabatan, the space to sign, the name, its NIP)."""
    found, last_role = [], None
    nonempty = [line.strip() for line in lines if line.strip()]
    for i, line in enumerate(nonempty):
        if is_role_line(line):
            last_role = i
        elif last_role is not None and i - last_role <= 5 and is_name_line(line):
            found.append(line)
            last_role = None
    return found


# --- placeholders --------------------------------------------------------------------------------

_PLACEHOLDERS = OneOf((
    (r"\b(?i:nama\s+(?:ketua|sekretaris|pejabat|penandatangan|inspektur|kepala|reviewer|pihak\s+(?:pertama|kedua)))\b",
     "nama penanda tangan belum diisi"),
    (r"\b\d{0,8}(?i:x{4,})\b", "NIP contoh ('19xxxx…')"),
    (r"\b(?i:nip)\.?\s*:?\s*(?:[.…_-]{3,}|…)\s*$", "NIP belum diisi"),
    (r"[\[<]\s*(?i:nama|nip|jabatan|tanggal|tempat)\b[^\]>]{0,20}[\]>]", "isian dalam kurung belum diganti"),
    (r"(?:^|:)\s*(?:(?:…|\.{3,})\s*)+$", "titik-titik isian"),
), needles=r"[\[<…]|\.{3}", words=("nama", "xxxx", "nip"))  # what every match above holds: a bracket,
# dots, or (in any case) a name, x's, "nip"


def placeholder_hits(line: str) -> list[str]:
    """What in a line is a placeholder for a signer, a NIP or a date (kinds, in Indonesian)."""
    return [kind for kind, _ in _PLACEHOLDERS(line)]


def placeholder_hits_each(lines: list[str]) -> list[list[str]]:
    """placeholder_hits of each line, the lines searched together (see OneOf.each)."""
    return [[kind for kind, _ in found] for found in _PLACEHOLDERS.each(lines)]


def is_placeholder_name(line: str) -> bool:
    return bool(placeholder_hits(line))
