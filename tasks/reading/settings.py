"""Measurement settings the office may change without code (pengaturan.toml in the input folder).

Defaults follow ../shared/DOMAIN.md: the printed capaian is capped at 100 (KPU practice), five rating
bands on half-open intervals, efficiency judged as capaian kinerja against serapan anggaran.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from tasks.problems import InputError, Problem, Problems, Severity
from tasks.reading.text_files import load_toml

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
    """Settings from pengaturan.toml; defaults when the file does not exist. Raises one InputError
    listing every mistake (a warning alone does not raise)."""
    settings, problems = read_settings(path)
    if any(p.severity is Severity.ERROR for p in problems):
        raise InputError(problems)
    return settings


def read_settings(path: Path | None) -> tuple[Settings, list[Problem]]:
    """Settings from pengaturan.toml (UTF-8 or Windows ANSI) and every problem found, each with its
    entry and what to write; on an error the defaults stand in (the run is stopped by the error)."""
    if path is None or not Path(path).exists():
        return Settings(), []
    data, problems = load_toml(path, "pengaturan")
    if data is None:
        return Settings(), problems
    found = Problems(Path(path).name)
    section = data.get("capaian", {})
    for key in sorted(set(data) - {"capaian"}):
        found.warn(f"bagian [{key}] tidak dikenal, diabaikan", sheet=f"[{key}]",
                   hint="semua pengaturan ditulis di bawah judul [capaian]")
    if not isinstance(section, dict):
        found.error("[capaian] harus berupa bagian berisi isian", sheet="[capaian]",
                    hint="tulis judul [capaian] pada barisnya sendiri, lalu batas = 100, efisiensi = \"…\"")
        return Settings(), found.items
    settings = _settings_from(section, Path(path).name, found)
    return (Settings() if found.has_errors else settings), found.items


_KNOWN = {"batas", "efisiensi", "kategori"}


def _settings_from(data: dict, name: str, problems: Problems) -> Settings:
    for key in sorted(set(data) - _KNOWN):
        problems.warn(f"isian '{key}' tidak dikenal, diabaikan", sheet="[capaian]", value=str(data[key])[:60],
                      hint="isian yang dikenal: batas, efisiensi, [[capaian.kategori]]")
    return Settings(batas_capaian=_cap(data.get("batas", 100), problems),
                    kategori=_bands(data.get("kategori", []), problems),
                    efisiensi=_rule(data.get("efisiensi", "capaian_vs_serapan"), problems), sumber=name)


def _cap(value, problems: Problems) -> float | None:
    if value in (None, 0) or (isinstance(value, str) and value.strip().casefold() in ("tidak", "none", "")):
        return None
    if isinstance(value, bool) or not isinstance(value, (int, float)) or float(value) not in CAPS:
        problems.error(f"batas capaian {value!r} tidak didukung", sheet="[capaian] batas", value=str(value)[:60],
                       hint="pilih batas = 100, 110, 120, atau \"tidak\" untuk tanpa batas")
        return 100.0
    return float(value)


def _rule(value, problems: Problems) -> str:
    if value not in EFFICIENCY_RULES:
        problems.error(f"aturan efisiensi '{value}' tidak dikenal", sheet="[capaian] efisiensi",
                       value=str(value)[:60], hint="pilih efisiensi = \"" + "\" atau \"".join(EFFICIENCY_RULES) + "\"")
        return "capaian_vs_serapan"
    return value


def _bands(entries, problems: Problems) -> tuple[Band, ...]:
    if not isinstance(entries, list) or not all(isinstance(e, dict) for e in entries):
        problems.error("[[capaian.kategori]] harus berupa daftar bagian", sheet="[[capaian.kategori]]",
                       hint="tulis setiap kategori dengan judul [[capaian.kategori]], lalu bawah = angka, "
                            "label = \"teks\"")
        return DEFAULT_BANDS
    bands = []
    for n, entry in enumerate(entries, start=1):
        section = f"[[capaian.kategori]] ke-{n}"
        bawah, label = entry.get("bawah"), entry.get("label")
        if isinstance(bawah, bool) or not isinstance(bawah, (int, float)):
            problems.error(f"batas bawah kategori harus angka, tertulis {bawah!r}", sheet=section,
                           value=str(bawah)[:60], hint="tulis bawah = 76 (tanpa tanda kutip)")
            continue
        if not isinstance(label, str) or not label.strip():
            problems.error("label kategori kosong atau bukan teks", sheet=section, value=str(label)[:60],
                           hint="tulis label = \"Baik\"")
            continue
        bands.append(Band(float(bawah), label.strip()))
    if not bands:
        return DEFAULT_BANDS
    bands.sort(key=lambda b: b.bawah, reverse=True)
    seen = [b.bawah for b in bands]
    if len(set(seen)) != len(seen):
        problems.error("dua kategori memakai batas bawah yang sama", sheet="[[capaian.kategori]]",
                       value=", ".join(f"{b:g}" for b in seen), hint="beri setiap kategori batas bawah yang berbeda")
    return tuple(bands[:-1]) + (Band(float("-inf"), bands[-1].label),)  # the lowest band takes everything below
