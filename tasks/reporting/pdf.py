"""PDF copies of the rendered documents, converted by LibreOffice headless when it is installed."""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

from tasks.reporting.render import RenderError


def soffice() -> str | None:
    """The LibreOffice executable, when installed."""
    return shutil.which("soffice") or shutil.which("libreoffice")


def to_pdf(docx: Path, out_dir: Path, timeout: int = 180) -> Path:
    """Convert one document with LibreOffice headless; RenderError when it is missing or fails."""
    return to_pdfs([docx], out_dir, timeout)[0]


def to_pdfs(docs: list[Path], out_dir: Path, timeout: int = 600) -> list[Path]:
    """Convert several documents in one LibreOffice start (it costs about a second and a half)."""
    exe = soffice()
    if exe is None:
        raise RenderError("LibreOffice tidak terpasang; PDF tidak dibuat (pasang paket libreoffice-writer-nogui)")
    with tempfile.TemporaryDirectory(prefix="lkip-lo-") as profile:
        cmd = [exe, f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", "pdf",
               "--outdir", str(out_dir), *map(str, docs)]
        result = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout, check=False)
    pdfs = [Path(out_dir) / (Path(d).stem + ".pdf") for d in docs]
    missing = [p.name for p in pdfs if not p.exists()]
    if result.returncode != 0 or missing:
        raise RenderError(f"konversi PDF gagal ({', '.join(missing) or 'LibreOffice'}): {result.stderr.strip()[:300]}")
    return pdfs
