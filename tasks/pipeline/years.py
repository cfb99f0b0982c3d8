"""An office, not an office-year: the office's root folder holds one input folder per year
(`<root>/2024/`, `<root>/2025/`, …), and a scheduled run picks its year from the date.

`OfficeSettings` is the one typed door for what a served deployment runs on (the office root, the
shared folder, how staff see the shared folder): `lkip serve` sets it in its environment, the flows
of the deployments read it once, and the tasks get it as arguments.
"""

from __future__ import annotations

import datetime
import os
import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from tasks.problems import UserError
from tasks.reading.office import classify, expand
from tasks.reading.parse import MONTHS_ID

_YEAR = re.compile(r"^\d{4}$")
ENV_ROOT, ENV_SHARE, ENV_DISPLAY = "LKIP_AKAR_SATKER", "LKIP_FOLDER_BERSAMA", "LKIP_TAMPILAN_BERSAMA"


class OfficeRootError(UserError):
    """The office root is missing or holds no year folder: .message says what the layout must be."""


@dataclass(frozen=True)
class OfficeSettings:
    """What a served deployment runs on: the office root, the shared folder, its name as staff see it."""

    root: Path
    out_dir: Path
    display_root: str = ""

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None) -> OfficeSettings:
        env = os.environ if environ is None else environ
        if not env.get(ENV_ROOT):
            raise OfficeRootError(f"{ENV_ROOT} belum diatur: deployment ini dijalankan oleh 'lkip serve --input AKAR'")
        return cls(Path(env[ENV_ROOT]), Path(env.get(ENV_SHARE) or "out/laporan"), env.get(ENV_DISPLAY, ""))

    def environment(self) -> dict[str, str]:
        """The variables `lkip serve` sets so that its deployments' runs read these settings."""
        return {ENV_ROOT: str(self.root), ENV_SHARE: str(self.out_dir), ENV_DISPLAY: self.display_root}


def year_folders(root: Path) -> dict[int, Path]:
    """The year folders of an office root, by year: sub-folders named with four digits."""
    root = Path(root)
    if not root.is_dir():
        return {}
    return {int(p.name): p for p in sorted(root.iterdir()) if p.is_dir() and _YEAR.match(p.name)}


def require_years(root: Path) -> dict[int, Path]:
    """The year folders, or an error telling the layout."""
    found = year_folders(root)
    if not found:
        raise OfficeRootError(f"folder satker {root} tidak berisi folder tahun",
                              hint=f"susun masukan per tahun: {Path(root) / '2024'}, {Path(root) / '2025'}, …, "
                                   "masing-masing berisi RAK, formulir realisasi dan profil.toml tahun itu")
    return found


def latest_year(root: Path) -> int:
    """The latest year present (the manual deployment's default)."""
    return max(require_years(root))


def scheduled_period(today: datetime.date) -> tuple[int, int | None]:
    """What the monthly schedule makes on `today`: the month just ended, or in January last year's
    LKIP with every monthly report (month None)."""
    previous = today.replace(day=1) - datetime.timedelta(days=1)
    return previous.year, None if previous.month == 12 else previous.month


def waiting_reason(root: Path, year: int, month: int | None) -> str | None:
    """Why a run of (year, month) cannot be made yet, in Indonesian; None when its data is there: the
    year's folder and at least one workbook in it."""
    folder = Path(root) / str(year)
    what = f"LKIP {year}" if month is None else f"laporan bulan {MONTHS_ID[month - 1]} {year}"
    if not folder.is_dir():
        return f"folder {folder} belum ada; {what} dibuat setelah folder itu diisi RAK dan formulir tahun {year}"
    if not any(classify(p) == "berkas kerja" for p in expand([folder])):
        return f"folder {folder} belum berisi RAK atau formulir realisasi; {what} menunggu berkas itu"
    return None


def deployment_names(kode: str) -> tuple[str, str]:
    """Names of the scheduled and the manual deployment of one office, from its code."""
    from tasks.publishing.names import safe_name

    return f"bulanan-{safe_name(kode)}", f"manual-{safe_name(kode)}"
