"""What the scorecard is given (the figures' facts about one LKIP) and what it returns (one Kriteria per check)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

LULUS, PERINGATAN, GAGAL = "lulus", "peringatan", "gagal"


@dataclass(frozen=True)
class IndikatorFakta:
    """What the figures say about one PK indicator, to cross-check the document against."""

    nama: str
    target: str  # as printed: "1 laporan", "100%"
    realisasi: str
    capaian: str  # "100,00%"
    tercapai: bool | None  # None: not reported, or cannot be computed
    ada_riwayat: bool  # earlier years' realisation exists
    ada_renstra: bool  # a medium-term (Renstra) target exists
    ada_pembanding: bool  # a national / provincial / peer benchmark exists


@dataclass(frozen=True)
class DocumentFacts:
    """The facts an LKIP must agree with."""

    tahun: int
    satker: str
    indikator: list[IndikatorFakta]
    serapan: str  # the computed budget absorption as printed ("91,07%")
    penandatangan: list[str]  # real signer names expected on the signature blocks ([] for placeholders)
    pk_pihak: list[tuple[str, str]]  # (pihak pertama jabatan, pihak kedua jabatan) per Perjanjian Kinerja
    reviu: bool  # the profile names an APIP reviewer: a "Pernyataan Telah Direviu" page is expected
    batas_waktu: date | None = None  # the office's submission deadline; None: 15 February of the next year

    @property
    def tenggat(self) -> date:
        return self.batas_waktu or date(self.tahun + 1, 2, 15)


@dataclass(frozen=True)
class Kriteria:
    """One check of the LKE's Pelaporan Kinerja (3.a, 3.b, 3.c) or of the document itself (D.n)."""

    nomor: str  # LKE number ("3.b.1") or our own ("D.1")
    judul: str  # short, Indonesian
    hasil: str  # LULUS | PERINGATAN | GAGAL
    temuan: str  # what was found: which indicators, which heading, how many
    saran: str  # what to fix ("" when lulus)


Problem = tuple[str, str, str]  # (hasil, temuan, saran)
Verdict = tuple[list[Problem], str]  # what a check found wrong, and its finding when nothing is


def passed(temuan: str) -> Verdict:
    return [], temuan


def failed(temuan: str, saran: str) -> Verdict:
    return [(GAGAL, temuan, saran)], ""


def warned(temuan: str, saran: str) -> Verdict:
    return [(PERINGATAN, temuan, saran)], ""


def worst(*results: str) -> str:
    """The worst of several results (gagal > peringatan > lulus)."""
    order = (LULUS, PERINGATAN, GAGAL)
    return max(results, key=order.index, default=LULUS)


def judged(nomor: str, judul: str, verdict: Verdict) -> Kriteria:
    """A criterion from its check's verdict: the worst result, the findings and the advice joined in order."""
    problems, clean = verdict
    if not problems:
        return Kriteria(nomor, judul, LULUS, clean, "")
    temuan = " ".join(p[1] for p in problems)
    saran = " ".join(dict.fromkeys(p[2] for p in problems if p[2]))
    return Kriteria(nomor, judul, worst(*(p[0] for p in problems)), temuan, saran)


def indicator_list(facts: DocumentFacts, indices: list[int], limit: int = 4) -> str:
    """'no. 2 «Rasio penyelesaian NPHD…», no. 5 «…» dan 3 lainnya': indicators by number and short name."""
    shown = [f"no. {i + 1} «{shorten(facts.indikator[i].nama, 45)}»" for i in indices[:limit]]
    rest = len(indices) - limit
    return ", ".join(shown) + (f" dan {rest} lainnya" if rest > 0 else "")


def shorten(text: str, width: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"
