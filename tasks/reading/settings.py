"""Measurement settings the office may change without code (pengaturan.toml in the input folder).

Defaults follow ../shared/DOMAIN.md: the printed capaian is capped at 100 (KPU practice), five rating
bands on half-open intervals, efficiency judged as capaian kinerja against serapan anggaran.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from pathlib import Path

from tasks.problems import InputError, Problem

SETTINGS_NAME = "pengaturan.toml"
CAPS = (None, 100.0, 110.0, 120.0)
EFFICIENCY_RULES = ("capaian_vs_serapan", "biaya_output")


@dataclass(frozen=True)
class Band:
    """A rating band: capaian from `bawah` (inclusive) up to the next band's lower bound."""

    bawah: float
    label: str


DEFAULT_BANDS = (Band(91, "Sangat Baik"), Band(76, "Baik"), Band(66, "Cukup"), Band(51, "Kurang"),
                 Band(float("-inf"), "Sangat Kurang"))


@dataclass(frozen=True)
class Settings:
    """How capaian is capped and rated, and how efficiency is judged."""

    batas_capaian: float | None = 100.0  # None: no cap on the printed figure
    kategori: tuple[Band, ...] = DEFAULT_BANDS
    efisiensi: str = "capaian_vs_serapan"
    sumber: str = "bawaan"  # where the settings came from, for the run summary

    def band(self, capaian: float) -> str:
        """Label of the band a capaian falls in (bands sorted from the top)."""
        for band in sorted(self.kategori, key=lambda b: b.bawah, reverse=True):
            if capaian >= band.bawah:
                return band.label
        return self.kategori[-1].label


def load_settings(path: Path | None) -> Settings:
    """Settings from pengaturan.toml; defaults when the file does not exist."""
    if path is None or not Path(path).exists():
        return Settings()
    try:
        data = tomllib.loads(Path(path).read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise _problem(path, f"pengaturan tidak dapat dibaca: {exc}") from exc
    section = data.get("capaian", {})
    if not isinstance(section, dict):
        raise _problem(path, "bagian [capaian] tidak valid", "tulis pengaturan di bawah judul [capaian]")
    try:
        return _settings_from(section, Path(path))
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        raise _problem(path, f"pengaturan tidak valid ({type(exc).__name__}: {exc})",
                       "lihat contoh pengaturan.toml di README: batas, efisiensi, [[capaian.kategori]] bawah/label"
                       ) from exc


def _problem(path: Path, message: str, hint: str = "") -> InputError:
    return InputError([Problem(file=Path(path).name, message=message, hint=hint)])


def _settings_from(data: dict, path: Path) -> Settings:
    cap = data.get("batas", 100)
    cap = None if cap in (None, "tidak", "none", 0) else float(cap)  # ValueError for text: reported above
    if cap not in CAPS:
        raise _problem(path, f"batas capaian {cap} tidak didukung",
                       "pilih batas = 100, 110, 120, atau \"tidak\" untuk tanpa batas")
    rule = data.get("efisiensi", "capaian_vs_serapan")
    if rule not in EFFICIENCY_RULES:
        raise _problem(path, f"aturan efisiensi '{rule}' tidak dikenal", "pilih " + " atau ".join(EFFICIENCY_RULES))
    bands = tuple(Band(float(b["bawah"]), str(b["label"])) for b in data.get("kategori", ())) or DEFAULT_BANDS
    bands = tuple(sorted(bands, key=lambda b: b.bawah, reverse=True))
    bands = bands[:-1] + (Band(float("-inf"), bands[-1].label),)  # the lowest band takes everything below
    return Settings(batas_capaian=cap, kategori=bands, efisiensi=rule, sumber=path.name)
