"""Small pieces of formal Indonesian the report text is built from: lists, clauses taken from what
staff wrote, months and quarters in words. Pure string functions."""

from __future__ import annotations

import hashlib
import re

from tasks.reading.parse import MONTHS_ID
from tasks.reporting.fmt import roman

_EMPTY = {"", "-", "--", "tidak ada", "nihil", "tidak ada kendala", "tidak ada hambatan", "tidak ada upaya", "n/a",
          "na", "0", "belum ada"}


def join_id(items: list[str], conjunction: str = "dan") -> str:
    """'a', 'a dan b', 'a, b, dan c' (the serial comma of PUEBI)."""
    items = [i for i in items if i]
    if len(items) <= 2:
        return f" {conjunction} ".join(items)
    return ", ".join(items[:-1]) + f", {conjunction} " + items[-1]


def is_empty_note(text) -> bool:
    """A kendala/upaya cell that says nothing ('-', 'Tidak ada', 'nihil')."""
    return not isinstance(text, str) or text.strip().rstrip(".").casefold() in _EMPTY


def lower_first(text: str, name: bool = False) -> str:
    """The text as the middle of a sentence: its first letter lowercased, unless it starts an acronym
    or a word the office capitalises throughout ('DPT', 'BMN', 'Pilkada' stays); a `name` (of a
    kegiatan or indicator) written in title case is kept as it is."""
    text = text.strip()
    if len(text) > 1 and (text[1].isupper() or text.split()[0] in _PROPER or (name and _title_case(text))):
        return text
    return text[:1].lower() + text[1:]


def _title_case(text: str) -> bool:
    """A name written in title case ('Perencanaan Penganggaran Pemilu'): lowering its first letter
    alone would read as a typo. A phrase whose second word is lowercase ('Penyusunan dokumen Rencana
    Kerja …') is a description that merely contains a name: its first letter is lowered."""
    words = [w for w in text.split() if w[:1].isalpha() and w.lower() not in _SMALL
             and not w.strip(",.;:()").isupper()]  # acronyms (PPK, KPPS) say nothing of title case
    return (len(words) >= 2 and words[1][0].isupper()
            and sum(w[0].isupper() for w in words) / len(words) >= 0.6)


_SMALL = {"dan", "di", "ke", "dari", "yang", "untuk", "pada", "dengan", "serta", "atau", "dalam", "oleh", "the"}


_PROPER = {"Pilkada", "Pemilu", "KPU", "Pilpres", "Pileg", "Renstra", "Sekretariat", "Sub"}


def clause(text: str) -> str:
    """Staff's text as a clause inside a sentence: trimmed, no final stop, first letter lowered."""
    return lower_first(re.sub(r"[\s.;,]+$", "", " ".join(str(text).split())))


def sentence(text: str) -> str:
    """A sentence: single spaces, first letter capitalised, one final stop."""
    text = " ".join(text.split()).strip()
    if not text:
        return ""
    text = text[0].upper() + text[1:]
    return text if text.endswith((".", "!", "?")) else text + "."


def distinct(texts) -> list[str]:
    """The non-empty texts, each once (case and final stop ignored), in order."""
    seen, out = set(), []
    for text in texts:
        if is_empty_note(text):
            continue
        key = clause(text).casefold()
        if key not in seen:
            seen.add(key)
            out.append(clause(text))
    return out


def month_name(month: int) -> str:
    return MONTHS_ID[int(month) - 1]


def runs(values) -> list[list[int]]:
    """Consecutive runs of the sorted distinct integers: [1, 2, 3, 5] -> [[1, 2, 3], [5]]."""
    out: list[list[int]] = []
    for v in sorted(set(int(v) for v in values)):
        if out and v == out[-1][-1] + 1:
            out[-1].append(v)
        else:
            out.append([v])
    return out


def months_text(months: list[int]) -> str:
    """[2, 3, 4] -> 'Februari–April'; [1, 5] -> 'Januari dan Mei'; runs of three or more joined."""
    return join_id([f"{month_name(r[0])}–{month_name(r[-1])}" if len(r) >= 3
                    else join_id([month_name(m) for m in r]) for r in runs(months)])


def quarters_text(quarters: list[int]) -> str:
    """[3, 4] -> 'triwulan III dan IV'; [2] -> 'triwulan II'."""
    quarters = sorted(set(int(q) for q in quarters))
    return "triwulan " + join_id([roman(q) for q in quarters]) if quarters else ""


def pick(key: str, options: list[str]) -> str:
    """One of `options`, chosen by `key` (an indicator's code): stable from run to run, and different
    indicators read differently."""
    digest = hashlib.sha256(key.encode("utf-8")).digest()
    return options[digest[0] % len(options)]


def mask_numbers(text: str) -> str:
    """The text with its figures replaced, to tell boilerplate from sentences that differ only by them."""
    return re.sub(r"\d+(?:[.,]\d+)*%?", "#", text)


def sentences(text: str) -> list[str]:
    """The sentences of a paragraph (split after '.', '!' or '?' followed by a space and a capital)."""
    return [s.strip() for s in re.split(r"(?<=[.!?])\s+(?=[A-Z“\"(])", text) if s.strip()]
