"""PDF copies of the rendered documents, converted by LibreOffice headless when it is installed."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

from tasks.files import atomic_write
from tasks.reading.convert import run_soffice, soffice
from tasks.reporting.render import RenderError

FIXED_DATE = b"D:20240115080000"  # the templates' fixed time (template_builder FIXED_TIME)


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
    for doc, pdf in zip(docs, pdfs, strict=True):
        stable = stable_pdf(pdf.read_bytes(), Path(doc).read_bytes())
        atomic_write(pdf, lambda f, data=stable: f.write(data), durable=False)
    return pdfs


def stable_pdf(pdf: bytes, source: bytes) -> bytes:
    """The PDF with what LibreOffice varies from one conversion to the next made a function of the source
    document: its creation and modification dates fixed, its /ID and /DocChecksum the source's digest (each
    the same length, so the cross-reference offsets still hold). The same .docx then gives the same PDF, and
    a rerun leaves a published PDF untouched."""
    digest = hashlib.md5(source).hexdigest().upper().encode()  # an identifier, not a security measure
    pdf = re.sub(rb"/(CreationDate|ModDate)\(D:\d{14}", lambda m: b"/" + m.group(1) + b"(" + FIXED_DATE, pdf)
    pdf = re.sub(rb"(/ID \[\s*)<[0-9A-Fa-f]{32}>(\s*)<[0-9A-Fa-f]{32}>",
                 lambda m: m.group(1) + b"<" + digest + b">" + m.group(2) + b"<" + digest + b">", pdf)
    return re.sub(rb"/DocChecksum /[0-9A-Fa-f]{32}", b"/DocChecksum /" + digest, pdf)
