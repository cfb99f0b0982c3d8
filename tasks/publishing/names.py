"""Where reports live in the shared folder: names built from codes (office code, year, month), never
from free text, so `../../x`, `CON`, `a/b` or 300-character names cannot escape or break the
folder (BAD_INPUTS 28)."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

from tasks.problems import UserError

MAX_NAME = 64
KINDS = ("lkip", "bulanan", "triwulan", "lkip-sumber", "lkip-penilaian")
# The LKIP's companions, beside it: its lineage workbook and its scorecard against the LKE.
COMPANIONS = {"lkip-sumber": "sumber", "lkip-penilaian": "penilaian"}

_UNSAFE = re.compile(r"[^A-Za-z0-9._-]")
_SUFFIX = re.compile(r"\.[A-Za-z0-9]{1,10}")
_RESERVED = {"CON", "PRN", "AUX", "NUL"} | {f"{p}{i}" for p in ("COM", "LPT") for i in range(1, 10)}


class PublishError(UserError):
    """A report that cannot be published: .message in Indonesian; `permanent` when waiting cannot cure
    the cause (disk full, a folder in the way), so it is not tried again."""

    def __init__(self, message: str, hint: str = "", permanent: bool = False):
        super().__init__(message, hint)
        self.permanent = permanent


# --- names --------------------------------------------------------------------------------------

def safe_name(code: str) -> str:
    """A file or folder name made from a code that can neither escape a folder nor break Windows."""
    name = _UNSAFE.sub("-", str(code)).lstrip(".-")[:MAX_NAME]
    # Windows drops trailing dots, so "x." and "x" would be the same file on the share.
    name = name.rstrip(".")
    if not name:
        raise PublishError(f"kode {code!r} tidak dapat dijadikan nama berkas")
    if name.split(".")[0].upper() in _RESERVED:
        raise PublishError(f"kode {code!r} adalah nama perangkat Windows dan tidak dapat dipakai sebagai nama berkas")
    return name


def words(text: str, limit: int = 48) -> str:
    """Free text (an office's name) as words in a file name: 'KPU Kabupaten Pasaman Barat' ->
    'KPU-Kabupaten-Pasaman-Barat'; ASCII letters and digits only, so it can never escape a folder."""
    ascii_text = unicodedata.normalize("NFKD", str(text)).encode("ascii", "ignore").decode("ascii")
    joined = "-".join(re.findall(r"[A-Za-z0-9]+", ascii_text))
    return joined[:limit].rstrip("-")


def office_folder(root: Path, satker: str, tahun: int) -> Path:
    """The folder of one office-year in the shared folder: code and year (unique across offices)."""
    folder = Path(root) / safe_name(satker) / str(_tahun(tahun))
    require_inside(folder, root)
    return folder


def problems_path(root: Path, satker: str, tahun: int, office: str = "") -> Path:
    """The problems workbook of one office-year, beside its reports."""
    tail = f"-{words(office)}" if words(office) else f"-{safe_name(satker)}"
    return office_folder(root, satker, tahun) / f"Daftar-Masalah-{_tahun(tahun)}{tail}.xlsx"


MONTHS = ("Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober",
          "November", "Desember")


def report_path(root: Path, satker: str, tahun: int, kind: str, bulan: int | None = None,
                suffix: str = ".docx", nama: str = "", triwulan: int | None = None) -> Path:
    """Where a report lives under the shared folder; always inside root. Folders are codes (unique
    across offices); with the office's name `nama`, file names carry it and the period in words, so a
    report e-mailed on still says what it is: LKIP-2024-KPU-Kabupaten-Pasaman-Barat.docx,
    bulanan/Laporan-Bulanan-2024-05-Mei-KPU-Kabupaten-Pasaman-Barat.docx,
    triwulan/Laporan-Triwulan-2024-TW2-KPU-Kabupaten-Pasaman-Barat.docx."""
    folder = office_folder(root, satker, tahun)
    office = f"-{words(nama)}" if words(nama) else ""
    if kind == "lkip":
        path = folder / f"LKIP-{tahun}{office}{_suffix(suffix)}"
    elif kind in COMPANIONS:
        path = folder / f"LKIP-{tahun}{office}-{COMPANIONS[kind]}{_suffix(suffix)}"
    elif kind == "bulanan":
        month = _bulan(bulan)
        name = (f"Laporan-Bulanan-{tahun}-{month:02d}-{MONTHS[month - 1]}{office}" if office
                else f"{tahun}-{month:02d}")
        path = folder / "bulanan" / f"{name}{_suffix(suffix)}"
    elif kind == "triwulan":  # the quarterly measurement reports, beside the monthly ones
        quarter = _triwulan(triwulan)
        name = f"Laporan-Triwulan-{tahun}-TW{quarter}{office}" if office else f"{tahun}-TW{quarter}"
        path = folder / "triwulan" / f"{name}{_suffix(suffix)}"
    else:
        raise PublishError(f"jenis laporan tidak dikenal: {kind!r} (pilih salah satu: {', '.join(KINDS)})")
    require_inside(path, root)
    return path


def _tahun(tahun: int) -> int:
    """The year as a four-digit int; anything else would make a strange folder name."""
    if isinstance(tahun, bool) or not isinstance(tahun, int) or not 1000 <= tahun <= 9999:
        raise PublishError(f"tahun tidak valid: {tahun!r} (harus empat angka, mis. 2024)")
    return tahun


def _bulan(bulan: int | None) -> int:
    """The month as 1..12."""
    if isinstance(bulan, bool) or not isinstance(bulan, int) or not 1 <= bulan <= 12:
        raise PublishError(f"bulan tidak valid: {bulan!r} (harus 1 sampai 12)")
    return bulan


def _triwulan(triwulan: int | None) -> int:
    """The quarter as 1..4."""
    if isinstance(triwulan, bool) or not isinstance(triwulan, int) or not 1 <= triwulan <= 4:
        raise PublishError(f"triwulan tidak valid: {triwulan!r} (harus 1 sampai 4)")
    return triwulan


def _suffix(suffix: str) -> str:
    """A plain extension such as ".docx"; a suffix is part of the name, so it must be safe too."""
    if not _SUFFIX.fullmatch(suffix):
        raise PublishError(f"akhiran berkas tidak valid: {suffix!r} (mis. .docx)")
    return suffix


def require_inside(path: Path, root: Path) -> None:
    """Refuse a path that resolves outside root (e.g. through a symlinked folder)."""
    if not Path(path).resolve().is_relative_to(Path(root).resolve()):
        raise PublishError(f"lokasi berkas {path} berada di luar folder bersama {root}")


