"""Scales of qualitative targets: the BPK audit opinion (WTP is the best of TMP, TW, WDP, WTP),
availability (Tersedia), timeliness (Tepat Waktu), and any scale an office writes for an indicator
in atribut-indikator.csv (column `skala`, labels from worst to best: "Kurang|Cukup|Baik").

A qualitative realisation is its position on the scale, worst 0; capaian is the realisation's
position over the target's, times 100 (our rule: WDP against a WTP target is 66,67 %, Tidak
Tersedia against Tersedia 0 %), and the target is met when the realisation is at least as good.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from tasks.reading.parse import normalize_key, normalize_text

LEADING_WORDS = {"opini", "predikat", "status", "hasil", "kategori"}  # "Opini WTP" is WTP
SEPARATORS = ("|", ">", "<", "/")


def label_key(text) -> str:
    """A label as it is matched: case, punctuation and leading words like 'Opini' aside."""
    words = normalize_key(text).split()
    while len(words) > 1 and words[0] in LEADING_WORDS:
        words = words[1:]
    return " ".join(words)


@dataclass(frozen=True)
class Scale:
    """An ordered scale of labels, worst first, with the other ways each label is written."""

    labels: tuple[str, ...]
    aliases: dict[str, str] = field(default_factory=dict)  # label_key -> canonical label

    def canonical(self, text) -> str | None:
        """The scale's label a text names, or None."""
        key = label_key(text)
        for label in self.labels:
            if label_key(label) == key:
                return label
        return self.aliases.get(key)

    def position(self, text) -> int | None:
        label = self.canonical(text)
        return None if label is None else self.labels.index(label)

    @property
    def text(self) -> str:
        """The scale as written in atribut-indikator.csv."""
        return "|".join(self.labels)


BUILTIN = (
    Scale(("TMP", "TW", "WDP", "WTP"), {"tidak menyatakan pendapat": "TMP", "disclaimer": "TMP",
                                        "tidak wajar": "TW", "wajar dengan pengecualian": "WDP",
                                        "wajar tanpa pengecualian": "WTP"}),
    Scale(("Tidak Tersedia", "Tersedia"), {"belum tersedia": "Tidak Tersedia"}),
    Scale(("Terlambat", "Tepat Waktu"), {"tidak tepat waktu": "Terlambat"}),
    Scale(("Tidak Ada", "Ada"), {"belum ada": "Tidak Ada"}),
    Scale(("Belum", "Sudah"), {"belum terlaksana": "Belum", "terlaksana": "Sudah"}),
    Scale(("Tidak", "Ya"), {}),
)


def builtin_scale(label) -> Scale | None:
    """The built-in scale holding this label, when one does."""
    return next((scale for scale in BUILTIN if scale.canonical(label) is not None), None)


def parse_scale(text) -> Scale | None:
    """An office's scale from atribut-indikator.csv ('Kurang|Cukup|Baik', worst first); None when empty."""
    text = normalize_text(text)
    if not text:
        return None
    separator = next((s for s in SEPARATORS if s in text), None)
    labels = tuple(normalize_text(part) for part in (text.split(separator) if separator else [text]))
    labels = tuple(label for label in labels if label)
    if separator in (">",):  # written best first: "WTP > WDP > TW > TMP"
        labels = tuple(reversed(labels))
    if len(labels) < 2 or len({label_key(label) for label in labels}) != len(labels):
        raise ValueError(text)
    keys = tuple(label_key(label) for label in labels)
    same = next((s for s in BUILTIN if tuple(label_key(label) for label in s.labels) == keys), None)
    return same or Scale(labels)  # a built-in scale keeps its other spellings ("Wajar Tanpa Pengecualian")


def capaian_on_scale(realisasi: float, target: float) -> float:
    """Capaian of a realisation's position against the target's (positions from 0, worst)."""
    if target <= 0:
        return 100.0 if realisasi >= target else 0.0
    return realisasi / target * 100
