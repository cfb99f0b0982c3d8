"""Rendering Word documents from docxtpl templates, safely: templates are edited by users.

Jinja runs sandboxed (no attribute walks into Python internals), with autoescape (so &, <, > and
quotes print verbatim instead of breaking the document XML) and StrictUndefined. A template's
variables are checked against the context before rendering; any mistake is a RenderError naming the
template, and nothing is written.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

import jinja2
from docx.shared import Cm
from docxtpl import DocxTemplate, InlineImage
from jinja2.sandbox import SandboxedEnvironment, SecurityError


class RenderError(Exception):
    """A template that cannot be rendered; .pesan says why in Indonesian."""

    def __init__(self, pesan: str):
        super().__init__(pesan)
        self.pesan = pesan


MAX_RANGE_TOTAL = 100_000  # all range() items of one render together
MAX_REPEAT = 10_000  # "x" * n and [..] * n


class LimitedSandbox(SandboxedEnvironment):
    """The Jinja sandbox, plus limits on the two ways a template can make huge work from nothing:
    range() (counted over the whole render, so nested loops are bounded too) and repetition."""

    intercepted_binops = frozenset({"*", "**"})

    def __init__(self, **options):
        super().__init__(**options)
        self.range_used = 0
        self.globals["range"] = self._range

    def _range(self, *args):
        items = range(*args)
        self.range_used += len(items)
        if self.range_used > MAX_RANGE_TOTAL:
            raise SecurityError(f"perulangan melebihi batas {MAX_RANGE_TOTAL} langkah")
        return items

    def call_binop(self, context, operator, left, right):
        if operator == "**" and isinstance(right, (int, float)) and abs(right) > 64:
            raise SecurityError("pangkat terlalu besar")
        if operator == "*" and any(isinstance(v, (str, list, tuple)) for v in (left, right)):
            count = right if isinstance(right, int) else left
            if isinstance(count, int) and count > MAX_REPEAT:
                raise SecurityError(f"pengulangan melebihi batas {MAX_REPEAT}")
        return super().call_binop(context, operator, left, right)


def jinja_env() -> SandboxedEnvironment:
    """The only environment templates run in: sandboxed, autoescaped, strict about undefined names."""
    return LimitedSandbox(autoescape=True, undefined=jinja2.StrictUndefined)


def _is_image(value) -> bool:
    return isinstance(value, dict) and set(value) == {"path", "lebar_cm", "keterangan"}


def _with_images(tpl: DocxTemplate, value):
    """Replace every Gambar dict by an InlineImage bound to this template."""
    if _is_image(value):
        return InlineImage(tpl, value["path"], width=Cm(float(value["lebar_cm"])))
    if isinstance(value, dict):
        return {k: _with_images(tpl, v) for k, v in value.items()}
    if isinstance(value, list):
        return [_with_images(tpl, v) for v in value]
    return value


def check_template(tpl: DocxTemplate, context: dict, env: SandboxedEnvironment, name: str) -> None:
    """Syntax errors and variables the context does not have, found before anything is rendered."""
    try:
        wanted = tpl.get_undeclared_template_variables(env)
    except jinja2.TemplateSyntaxError as exc:
        raise RenderError(f"template {name} salah tulis (baris {exc.lineno}): {exc.message}") from exc
    missing = sorted(set(wanted) - set(context))
    if missing:
        raise RenderError(f"template {name} memakai variabel yang tidak ada: {', '.join(missing)}. "
                          "Lihat contracts/context.py untuk daftar variabel")


def render_docx(template: Path, context: dict, out: Path) -> Path:
    """Render `template` with `context` into `out` (written only when rendering succeeded)."""
    template, out = Path(template), Path(out)
    env = jinja_env()
    try:
        tpl = DocxTemplate(str(template))
        tpl.init_docx()
    except Exception as exc:  # a damaged .docx raises zipfile/lxml/KeyError variants
        raise RenderError(f"template {template.name} tidak dapat dibuka ({type(exc).__name__}: {exc})") from exc
    check_template(tpl, context, env, template.name)
    try:
        tpl.render(_with_images(tpl, context), jinja_env=env, autoescape=True)
    except (SecurityError, OverflowError) as exc:  # OverflowError: the sandbox's own range cap
        raise RenderError(f"template tidak diizinkan: {template.name} ({exc})") from exc
    except jinja2.TemplateError as exc:
        raise RenderError(f"template {template.name} gagal dirender: {exc}") from exc
    out.parent.mkdir(parents=True, exist_ok=True)
    handle, tmp = tempfile.mkstemp(prefix=".render-", suffix=".docx", dir=out.parent)
    os.close(handle)
    try:
        tpl.save(tmp)
        os.replace(tmp, out)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)
    return out


def soffice() -> str | None:
    """The LibreOffice executable, when installed."""
    return shutil.which("soffice") or shutil.which("libreoffice")


def to_pdf(docx: Path, out_dir: Path, timeout: int = 180) -> Path:
    """Convert with LibreOffice headless; RenderError when it is missing or fails."""
    exe = soffice()
    if exe is None:
        raise RenderError("LibreOffice tidak terpasang; PDF tidak dibuat (pasang paket libreoffice-writer-nogui)")
    with tempfile.TemporaryDirectory(prefix="lkip-lo-") as profile:
        cmd = [exe, f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", "pdf",
               "--outdir", str(out_dir), str(docx)]
        result = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout, check=False)
    pdf = Path(out_dir) / (Path(docx).stem + ".pdf")
    if result.returncode != 0 or not pdf.exists():
        raise RenderError(f"konversi PDF gagal untuk {Path(docx).name}: {result.stderr.strip()[:300]}")
    return pdf
