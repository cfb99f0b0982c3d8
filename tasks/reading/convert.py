"""Workbooks staff save in other formats (LibreOffice's .ods, Excel's legacy .xls), converted to
.xlsx by LibreOffice before they are read, so that shading, hidden rows, formulas and percent
formats are read exactly as in an .xlsx. Without LibreOffice such a file is refused with the advice
to save it as .xlsx: reading only its values would lose months marked by shading and take a
formula's cached result for a typed figure.
"""

from __future__ import annotations

import atexit
import shutil
import subprocess
import tempfile
from pathlib import Path

from tasks.problems import InputError, Problem

CONVERTED_SUFFIXES = {".ods": "LibreOffice (.ods)", ".xls": "Excel lama (.xls)"}
_converted: dict[tuple[str, int, int], Path] = {}
_folder: Path | None = None


def soffice() -> str | None:
    """The LibreOffice executable, when installed."""
    return shutil.which("soffice") or shutil.which("libreoffice")


def run_soffice(args: list[str], timeout: int) -> subprocess.CompletedProcess:
    """LibreOffice headless with a profile of its own (two conversions at once would share one)."""
    exe = soffice()
    with tempfile.TemporaryDirectory(prefix="lkip-lo-") as profile:
        return subprocess.run([exe, f"-env:UserInstallation=file://{profile}", "--headless", *args],
                              capture_output=True, text=True, timeout=timeout, check=False)


def _scratch() -> Path:
    global _folder
    if _folder is None:
        _folder = Path(tempfile.mkdtemp(prefix="lkip-konversi-"))
        atexit.register(shutil.rmtree, _folder, True)
    return _folder


def as_xlsx(path: Path, kind: str) -> Path:
    """`path` (an .ods or .xls, `kind` as sniffed) converted to .xlsx, once per process and file version."""
    path = Path(path)
    stat = path.stat()
    key = (str(path.resolve()), stat.st_size, stat.st_mtime_ns)
    if key in _converted and _converted[key].exists():
        return _converted[key]
    what = CONVERTED_SUFFIXES.get(f".{kind}", kind)
    if soffice() is None:
        raise InputError([Problem(file=path.name, message=f"berkas format {what} tidak dapat dibaca lengkap di "
                                                          "komputer ini (LibreOffice tidak terpasang)",
                                  hint="buka berkas di Excel atau LibreOffice lalu simpan ulang (Save As) sebagai "
                                       ".xlsx; atau pasang LibreOffice di komputer yang menjalankan lkip")])
    out = Path(tempfile.mkdtemp(prefix="xlsx-", dir=_scratch()))
    try:
        result = run_soffice(["--convert-to", "xlsx", "--outdir", str(out), str(path)], timeout=180)
    except subprocess.TimeoutExpired:
        result = None
    converted = out / (path.stem + ".xlsx")
    if result is None or not converted.exists():
        detail = "waktu habis" if result is None else (result.stderr.strip()[:200] or "tidak ada hasil")
        raise InputError([Problem(file=path.name, message=f"berkas format {what} tidak dapat dibuka ({detail})",
                                  hint="buka berkas lalu simpan ulang sebagai .xlsx")])
    _converted[key] = converted
    return converted
