"""PDF copies of the rendered documents, converted by LibreOffice headless when it is installed."""

from __future__ import annotations

from pathlib import Path

from tasks.reading.convert import run_soffice, soffice
from tasks.reporting.render import RenderError


def to_pdf(docx: Path, out_dir: Path, timeout: int = 180) -> Path:
    """Convert one document with LibreOffice headless; RenderError when it is missing or fails."""
    return to_pdfs([docx], out_dir, timeout)[0]


def to_pdfs(docs: list[Path], out_dir: Path, timeout: int = 600) -> list[Path]:
    """Convert several documents in one LibreOffice start (it costs about a second and a half)."""
    if soffice() is None:
        raise RenderError("LibreOffice tidak terpasang; PDF tidak dibuat (pasang paket libreoffice-writer-nogui)")
    result = run_soffice(["--convert-to", "pdf", "--outdir", str(out_dir), *map(str, docs)], timeout)
    pdfs = [Path(out_dir) / (Path(d).stem + ".pdf") for d in docs]
    missing = [p.name for p in pdfs if not p.exists()]
    if result.returncode != 0 or missing:
        raise RenderError(f"konversi PDF gagal ({', '.join(missing) or 'LibreOffice'}): {result.stderr.strip()[:300]}")
    return pdfs
