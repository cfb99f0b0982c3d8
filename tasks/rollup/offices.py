"""The offices a roll-up runs: the office-year folders under its root, and the codes two folders
share (neither is run: their reports would land in one folder and their capaian be credited to one
office)."""

from __future__ import annotations

from pathlib import Path

from tasks.problems import InputError, UserError
from tasks.reading.profile import PROFILE_NAME, Profile, load_profile


class RollupError(UserError):
    """A roll-up that cannot start: .message says why, .hint what to do."""


def office_folders(root: Path) -> list[Path]:
    """The office-year folders under `root`, sorted (hidden ones, like the roll-up's markers, left out);
    a root holding none is refused."""
    root = Path(root)
    folders = sorted(p for p in root.iterdir() if p.is_dir() and not p.name.startswith("."))
    if not folders:
        raise RollupError(f"tidak ada folder satker di {root}",
                          hint=f"setiap satker-tahun satu subfolder berisi {PROFILE_NAME}, RAK dan realisasinya "
                               "(seperti data/pasaman-barat-2024); periksa --root")
    return folders


def shared_codes(folders: list[Path]) -> dict[str, dict[str, Profile]]:
    """Office code -> {folder name: its profile}, in folder order, for the codes of more than one folder.
    A profile that cannot be read is left to the office's own run, which says why."""
    by_code: dict[str, dict[str, Profile]] = {}
    for folder in sorted(Path(f) for f in folders):
        path = folder / PROFILE_NAME
        if not path.is_file():
            continue
        try:
            profile = load_profile(path)
        except InputError:
            continue
        by_code.setdefault(profile.kode, {})[folder.name] = profile
    return {kode: profiles for kode, profiles in by_code.items() if len(profiles) > 1}


def shared_code_reason(kode: str, folder: str, names: list[str]) -> str:
    """Why an office of a shared code is not run, naming the other folders."""
    others = ", ".join(n for n in names if n != folder)
    return (f"Kode satker {kode} juga dipakai oleh folder {others}; tidak ada yang direkap agar laporan dan "
            f"capaiannya tidak tertukar. Saran: perbaiki kode satker di {PROFILE_NAME} salah satu folder")
