"""Rendering one Word document from a docxtpl template, safely: templates are edited by users.

Jinja runs in tasks.reporting.sandbox's environment (sandboxed, autoescaped, StrictUndefined,
bounded). A template's syntax and top-level variables are checked against the context before
rendering; any mistake is a RenderError naming the template, and nothing is written.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

import jinja2
from docx.shared import Cm
from docxtpl import DocxTemplate, InlineImage
from jinja2.sandbox import SecurityError

from tasks.files import atomic_save
from tasks.reporting.docx_package import DOCX_WRITER, save_document
from tasks.reporting.docx_template import FastTemplate
from tasks.reporting.sandbox import CACHED_TEMPLATES, MAX_ITERATIONS, CountedList, LoopBudget, render_env


class RenderError(Exception):
    """A template that cannot be rendered; .pesan says why in Indonesian."""

    def __init__(self, pesan: str):
        super().__init__(pesan)
        self.pesan = pesan


_variables: dict[str, set[str] | jinja2.TemplateSyntaxError] = {}


def _is_image(value) -> bool:
    return isinstance(value, dict) and set(value) == {"path", "lebar_cm", "keterangan"}


def _prepared(tpl: DocxTemplate, value, budget: LoopBudget):
    """The context as the template sees it: Gambar dicts become InlineImages, lists count their loops."""
    if _is_image(value):
        return InlineImage(tpl, value["path"], width=Cm(float(value["lebar_cm"])))
    if isinstance(value, dict):
        return {k: _prepared(tpl, v, budget) for k, v in value.items()}
    if isinstance(value, list):
        return CountedList((_prepared(tpl, v, budget) for v in value), budget)
    return value


def check_template(tpl: DocxTemplate, context: dict, env: jinja2.Environment, name: str) -> None:
    """Syntax errors and variables the context does not have, found before anything is rendered.

    The template's variables are read once per template content (a sha256 of the file)."""
    key = hashlib.sha256(Path(tpl.template_file).read_bytes()).hexdigest()
    wanted = _variables.get(key)
    if wanted is None:
        try:
            wanted = set(tpl.get_undeclared_template_variables(env))
        except jinja2.TemplateSyntaxError as exc:
            wanted = exc
        if len(_variables) >= CACHED_TEMPLATES:
            _variables.clear()
        _variables[key] = wanted
    if isinstance(wanted, jinja2.TemplateSyntaxError):
        raise RenderError(f"template {name} salah tulis (baris {wanted.lineno}): {wanted.message}") from wanted
    missing = sorted(set(wanted) - set(context))
    if missing:
        raise RenderError(f"template {name} memakai variabel yang tidak ada: {', '.join(missing)}. "
                          "Lihat contracts/context.py untuk daftar variabel")


def render_docx(template: Path, context: dict, out: Path, writer: str = DOCX_WRITER) -> Path:
    """Render `template` with `context` into `out` (written only when rendering succeeded)."""
    template, out = Path(template), Path(out)
    env = render_env()
    try:
        tpl = FastTemplate(str(template))
        tpl.init_docx()
    except Exception as exc:  # a damaged .docx raises zipfile/lxml/KeyError variants
        raise RenderError(f"template {template.name} tidak dapat dibuka ({type(exc).__name__}: {exc})") from exc
    check_template(tpl, context, env, template.name)
    try:
        tpl.render(_prepared(tpl, context, LoopBudget(MAX_ITERATIONS)), jinja_env=env, autoescape=True)
    except (SecurityError, OverflowError, MemoryError) as exc:  # OverflowError: the sandbox's own range cap
        raise RenderError(f"template tidak diizinkan: {template.name} ({exc})") from exc
    except jinja2.TemplateError as exc:
        raise RenderError(f"template {template.name} gagal dirender: {exc}") from exc
    return atomic_save(out, lambda tmp: save_document(tpl, tmp, writer), durable=False)
