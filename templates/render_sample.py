"""Render one Word template with a sample context, as the pipeline does, for template authors.

    python templates/render_sample.py templates/lkip.docx templates/lkip.sample.json out/lkip-contoh.docx

Jinja runs sandboxed, with autoescape (so &, <, > and quotes in the data print verbatim) and
StrictUndefined (a misspelt name is an error, not an empty cell). Before rendering, the template's
variables are checked against the context's top-level keys. Every Gambar (a dict with exactly the keys
path, lebar_cm, keterangan) becomes a docxtpl InlineImage; a relative image path is looked up from the
current folder, then from the repository root.

Needs only docxtpl and jinja2; exit 0 when written, 1 when the template or the context is wrong.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import jinja2
from docx.shared import Cm
from docxtpl import DocxTemplate, InlineImage
from jinja2.sandbox import SandboxedEnvironment

REPO = Path(__file__).resolve().parent.parent
GAMBAR_KEYS = {"path", "lebar_cm", "keterangan"}


class TemplateProblem(Exception):
    """Something a template author must fix; the message says what."""


def jinja_env() -> SandboxedEnvironment:
    """Sandboxed, autoescaped, strict about undefined names: the environment the pipeline uses."""
    return SandboxedEnvironment(autoescape=True, undefined=jinja2.StrictUndefined)


def load_context(path: Path) -> dict:
    """The sample context: a JSON object whose keys are the template's top-level variables."""
    try:
        context = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise TemplateProblem(f"cannot read context {path}: {exc}") from exc
    if not isinstance(context, dict):
        raise TemplateProblem(f"context {path} must be a JSON object, not {type(context).__name__}")
    return context


def check_variables(tpl: DocxTemplate, context: dict, env: SandboxedEnvironment) -> None:
    """Fail, naming them, when the template uses top-level variables the context does not have."""
    try:
        used = tpl.get_undeclared_template_variables(env)
    except jinja2.TemplateSyntaxError as exc:
        raise TemplateProblem(f"template syntax error (line {exc.lineno} of the patched XML): {exc.message}") from exc
    missing = sorted(set(used) - set(context))
    if missing:
        raise TemplateProblem(f"template uses variables missing from the context: {', '.join(missing)} "
                              "(see contracts/context.py for what exists)")


def find_image(path: str) -> Path:
    """A chart path as given, else relative to the repository root."""
    for candidate in (Path(path), REPO / path):
        if candidate.is_file():
            return candidate
    raise TemplateProblem(f"image not found: {path}")


def with_images(tpl: DocxTemplate, value):
    """A copy of the context with every Gambar dict replaced by an InlineImage."""
    if isinstance(value, dict) and set(value) == GAMBAR_KEYS:
        return InlineImage(tpl, str(find_image(value["path"])), width=Cm(float(value["lebar_cm"])))
    if isinstance(value, dict):
        return {key: with_images(tpl, item) for key, item in value.items()}
    if isinstance(value, list):
        return [with_images(tpl, item) for item in value]
    return value


def render(template: Path, context_path: Path, out: Path) -> Path:
    """Check, render and save; nothing is written when a check or the rendering fails."""
    env = jinja_env()
    tpl = DocxTemplate(str(template))
    context = load_context(context_path)
    check_variables(tpl, context, env)
    try:
        tpl.render(with_images(tpl, context), jinja_env=env, autoescape=True)
    except jinja2.TemplateError as exc:  # UndefinedError, SecurityError, syntax errors
        near = " | ".join(line.strip() for line in getattr(exc, "docx_context", []) if line.strip())
        raise TemplateProblem(f"rendering failed: {exc}" + (f" (near: {near[:300]})" if near else "")) from exc
    out.parent.mkdir(parents=True, exist_ok=True)
    tpl.save(str(out))
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("template", type=Path, help="the .docx template")
    parser.add_argument("context", type=Path, help="the sample context, JSON")
    parser.add_argument("out", type=Path, help="the .docx to write")
    args = parser.parse_args(argv)
    try:
        print(render(args.template, args.context, args.out))
    except TemplateProblem as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
