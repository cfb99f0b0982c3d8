"""Rendering one Word document from a docxtpl template, safely: templates are edited by users.

Jinja runs in tasks.reporting.sandbox's environment (sandboxed, autoescaped, StrictUndefined,
bounded). A template's syntax and top-level variables are checked against the context before
rendering; any mistake is a RenderError naming the template, and nothing is written.
"""

from __future__ import annotations

import hashlib
import html
import re
import secrets
from collections.abc import Callable
from pathlib import Path

import jinja2
from docx.shared import Cm
from docxtpl import DocxTemplate, InlineImage
from jinja2.sandbox import SecurityError
from lxml import etree

from tasks.files import atomic_save
from tasks.problems import UserError
from tasks.reporting.docx_package import DOCX_WRITER, save_document
from tasks.reporting.docx_template import FastTemplate
from tasks.reporting.layout import keep_rows_together
from tasks.reporting.loop_split import split_loop
from tasks.reporting.sandbox import CACHED_TEMPLATES, MAX_ITERATIONS, CountedList, LoopBudget, render_env


class RenderError(UserError):
    """A template that cannot be rendered: .message says why in Indonesian, .tag is the template tag at
    fault when it can be told."""

    def __init__(self, message: str, tag: str = ""):
        super().__init__(message)
        self.tag = tag


_TAG = re.compile(r"\{\{.*?\}\}|\{%.*?%\}", re.DOTALL)
_QUOTED = re.compile(r"'([^']+)'")
_CLOSERS = {"endfor": "for", "endif": "if", "endmacro": "macro", "endblock": "block", "endwith": "with"}


def template_tags(tpl: DocxTemplate) -> list[str]:
    """The Jinja tags of a template's body, headers and footers, as docxtpl compiles them (a tag that
    Word split over several runs joined, its XML removed)."""
    tpl.init_docx()  # the template as written: a rendered one is read again from its file
    parts = [tpl.get_xml()] + [tpl.get_part_xml(part) for uri in (tpl.HEADER_URI, tpl.FOOTER_URI)
                               for _, part in tpl.get_headers_footers(uri)]
    tags = []
    for xml in parts:
        for tag in _TAG.findall(tpl.patch_xml(xml)):
            tags.append(html.unescape(re.sub(r"<[^>]*>", "", tag)))
    return tags


def culprit_tag(tpl: DocxTemplate, exc: Exception, env: jinja2.Environment) -> str:
    """The tag an error comes from: the one naming what the message quotes (the undefined name, the
    refused attribute, the missing end tag's opener), else the first that does not compile alone."""
    try:
        tags = template_tags(tpl)
    except Exception:  # noqa: BLE001 - naming the tag is a courtesy; the error itself is reported anyway
        return ""
    for name in reversed(_QUOTED.findall(str(getattr(exc, "message", None) or exc))):
        opener = _CLOSERS.get(name)
        if opener:
            found = [t for t in tags if re.match(rf"\{{%-?\s*(p|tr|tc)?\s*{opener}\b", t)]
            if found:
                return found[-1]
        found = [t for t in tags if re.search(rf"(?<![\w.]){re.escape(name)}(?!\w)", t)
                 or re.search(rf"\.{re.escape(name)}(?!\w)", t)]
        if found:
            return found[0]
    message = str(exc)
    for sign, hint in (("operator %", "%"), ("operator **", "**"), ("pengulangan", "*"), ("perulangan", "range(")):
        if sign in message:
            return next((t for t in tags if hint in t and (t.startswith("{{") or hint == "range(")), "")
    for tag in tags:
        if tag.startswith("{{"):
            try:
                env.parse(tag)
            except jinja2.TemplateSyntaxError:
                return tag
    return _unclosed_tag(tpl)


_OPENERS = re.compile(r"\{\{|\{%")


def _unclosed_tag(tpl: DocxTemplate) -> str:
    """The start of a tag with no end ('{{ i.nama }'), in the template's text."""
    text = re.sub(r"<[^>]*>", "", tpl.patch_xml(tpl.get_xml()))
    for match in _OPENERS.finditer(text):
        closer = "}}" if match.group() == "{{" else "%}"
        rest = text[match.end():]
        following = _OPENERS.search(rest)
        end = rest.find(closer)
        if end < 0 or (following and following.start() < end):
            return html.unescape(text[match.start():match.end() + (following.start() if following else 40)]).strip()
    return ""


def _where(tag: str) -> str:
    return f" pada tag {tag}" if tag else ""


# Jinja's messages, said in Indonesian (the original is kept in brackets for a developer).
_EXPLAINED = (
    (re.compile(r"^'([^']+)' is undefined"), "nama '{0}' tidak ada di konteks"),
    (re.compile(r"has no attribute '([^']+)'"), "isian '{0}' tidak ada"),
    (re.compile(r"^access to attribute '([^']+)'"), "akses ke atribut '{0}' tidak diizinkan"),
    (re.compile(r"^No filter named '([^']+)'"), "filter '{0}' tidak tersedia atau tidak diizinkan"),
    (re.compile(r"^No test named '([^']+)'"), "uji '{0}' tidak tersedia"),
    (re.compile(r"^Unexpected end of template"), "tag pembuka tanpa tag penutup (endfor/endif)"),
    (re.compile(r"^Encountered unknown tag '([^']+)'"), "tag '{0}' tidak dikenal atau tanpa pasangan"),
    (re.compile(r"^unexpected '([^']+)'"), "tanda '{0}' tidak pada tempatnya"),
    (re.compile(r"^expected token '([^']+)'"), "tanda '{0}' diharapkan"),
)


def explain(exc: Exception) -> str:
    """A Jinja error in Indonesian, the original message after it."""
    message = str(getattr(exc, "message", None) or exc)
    for pattern, text in _EXPLAINED:
        match = pattern.search(message)
        if match:
            return f"{text.format(*match.groups())} [{message}]"
    return message


_variables: dict[str, set[str] | jinja2.TemplateSyntaxError] = {}


def _is_image(value) -> bool:
    return isinstance(value, dict) and set(value) == {"path", "lebar_cm", "keterangan"}


def _prepared(tpl: DocxTemplate, value, budget: LoopBudget, images: bool = True):
    """The context as the template sees it: Gambar dicts become InlineImages (with `images` False, empty
    text: nothing placed), lists count their loops."""
    if _is_image(value):
        return InlineImage(tpl, value["path"], width=Cm(float(value["lebar_cm"]))) if images else ""
    if isinstance(value, dict):
        return {k: _prepared(tpl, v, budget, images) for k, v in value.items()}
    if isinstance(value, list):
        return CountedList((_prepared(tpl, v, budget, images) for v in value), budget)
    return value


def check_variables(tpl: DocxTemplate, context: dict, env: jinja2.Environment, name: str) -> None:
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
        tag = culprit_tag(tpl, wanted, env)
        raise RenderError(f"template {name} salah tulis{_where(tag)}: {explain(wanted)}", tag) from wanted
    missing = sorted(set(wanted) - set(context))
    if missing:
        tag = next((t for name_ in missing for t in template_tags(tpl)
                    if re.search(rf"(?<![\w.]){re.escape(name_)}(?!\w)", t)), "")
        raise RenderError(f"template {name} memakai variabel yang tidak ada: {', '.join(missing)}{_where(tag)}. "
                          "Lihat contracts/context.py untuk daftar variabel", tag)


def render_docx(template: Path, context: dict, out: Path, writer: str = DOCX_WRITER) -> Path:
    """Render `template` with `context` into `out`, written only when rendering succeeded."""
    tpl = _rendered(Path(template), context, lambda tpl, env: tpl.render(
        _prepared(tpl, context, LoopBudget(MAX_ITERATIONS)), jinja_env=env, autoescape=True))
    keep_rows_together(tpl.docx.element.body)
    return atomic_save(Path(out), lambda tmp: save_document(tpl, tmp, writer), durable=False)


def render_docx_listing(template: Path, context: dict, out: Path, name: str,
                        listing: Callable[[object, FastTemplate], list], writer: str = DOCX_WRITER) -> list:
    """render_docx of `template` where the context list `name` (the Daftar Isi) is made from the rest
    of the render: `listing(body, tpl)` gets the body rendered with `context` as given, parsed as
    render_body gives it, and returns the list rendered in its place; returns that list.

    When the template's loop over `name` renders alone as in place (tasks.reporting.loop_split), the
    template is rendered once: the rest with a marker where the loop was, then the loop alone. The
    document is the one render_docx makes with the list in the context. Otherwise it is rendered
    twice, render_body then render_docx. Errors as render_docx."""
    made: list = []

    def render(tpl: FastTemplate, env: jinja2.Environment) -> None:
        source = tpl.patch_xml(tpl.get_xml())
        cut = _cut(source, env, name)
        if cut is None:
            return  # rendered twice, below
        outer, loop, whole = cut
        budget = LoopBudget(MAX_ITERATIONS)

        class Spliced:  # the body's template as docxtpl's render_xml_part renders it
            def render(self, ctx: dict) -> str:
                rest = env.from_string(outer).render(ctx)
                if rest.count(_MARKER) > 1:
                    raise RuntimeError("the Daftar Isi's loop was rendered more than once")
                as_given = rest.replace(_MARKER, env.from_string(loop).render(ctx))
                made.append(listing(_parsed(_docxtpl_post(tpl, as_given)), tpl))
                listed = env.from_string(loop).render({**ctx, name: _prepared(tpl, made[-1], budget)})
                return rest.replace(_MARKER, listed)

        class Splicing:  # the environment docxtpl is given for the body: it compiles `whole` to Spliced
            def from_string(self, text: str):
                # a docxtpl preparing the body otherwise: rendered as it is, then (nothing made) twice below
                return Spliced() if text == whole else env.from_string(text)

        tpl.build_xml = lambda ctx, jinja_env=None: tpl.render_xml_part(source, tpl.docx._part, ctx, Splicing())
        tpl.render(_prepared(tpl, context, budget), jinja_env=env, autoescape=True)

    tpl = _rendered(Path(template), context, render)
    if not made:
        body, plain = render_body(template, context)
        made.append(listing(body, plain))
        render_docx(template, {**context, name: made[0]}, out, writer)
        return made[0]
    keep_rows_together(tpl.docx.element.body)
    atomic_save(Path(out), lambda tmp: save_document(tpl, tmp, writer), durable=False)
    return made[0]


_MARKER = f"lkip{secrets.token_hex(12)}"  # letters and digits only: Jinja and docxtpl leave it as it is
_cuts: dict[tuple[str, str], tuple[str, str, str] | None] = {}
_UNCUT = object()


def _cut(source: str, env: jinja2.Environment, name: str) -> tuple[str, str, str] | None:
    """(the body with a marker where its loop over `name` was, that loop, the whole body), each as
    docxtpl's render_xml_part hands its source to Jinja; None when the loop does not render alone as in
    place. Made once per template content."""
    key = (source, name)
    cut = _cuts.get(key, _UNCUT)
    if cut is _UNCUT:  # shared by threads: a lookup and one store, never a check-then-read
        split = split_loop(source, env, name)
        cut = None if split is None else (_docxtpl_pre(split.before) + _MARKER + _docxtpl_pre(split.after),
                                          _docxtpl_pre(split.loop), _docxtpl_pre(source))
        if len(_cuts) >= CACHED_TEMPLATES:
            _cuts.clear()
        _cuts[key] = cut
    return cut


# docxtpl's render_xml_part (0.20) before and after Jinja renders a part; tests/reporting/test_listing.py
# holds them to docxtpl's own.
def _docxtpl_pre(source: str) -> str:
    return re.sub(r"<w:p([ >])", r"\n<w:p\1", source)


def _docxtpl_post(tpl: FastTemplate, rendered: str) -> str:
    xml = rendered.replace("\n<w:p ", "<w:p ").replace("\n<w:p>", "<w:p>")  # re.sub(r"\n<w:p([ >])", r"<w:p\1")
    xml = xml.replace("{_{", "{{").replace("}_}", "}}").replace("{_%", "{%").replace("%_}", "%}")
    return tpl.resolve_listing(xml)


def _parsed(xml: str):
    """A rendered body parsed as docxtpl parses one (FastTemplate.fix_tables), entities never resolved;
    a parser of its own per call (cheap): nothing shared between the threads that render."""
    return etree.fromstring(xml.encode("utf-8"), etree.XMLParser(recover=True, resolve_entities=False,
                                                                 no_network=True))


def render_body(template: Path, context: dict) -> tuple[object, FastTemplate]:
    """The rendered body of `template` with `context`, parsed (the w:body element), and the template:
    the body alone, no image placed, no header, footer or package built (what reading the
    rendered text needs: images add no text). Errors as render_docx."""
    found: list = []

    def body(tpl: FastTemplate, env: jinja2.Environment) -> None:
        tpl.render_init()
        env.autoescape = True  # as DocxTemplate.render(autoescape=True) sets it
        found.append(_parsed(tpl.build_xml(_prepared(tpl, context, LoopBudget(MAX_ITERATIONS), images=False), env)))

    tpl = _rendered(Path(template), context, body)
    return found[0], tpl


def _rendered(template: Path, context: dict, render: Callable[[FastTemplate, jinja2.Environment], None]
              ) -> FastTemplate:
    """The template opened, its variables checked against `context` and `render` run on it; any fault a
    RenderError naming the template (and the tag at fault when it can be told)."""
    try:
        tpl = FastTemplate(str(template))
        tpl.init_docx()
    except Exception as exc:  # a damaged .docx raises zipfile/lxml/KeyError variants
        raise RenderError(f"template {template.name} tidak dapat dibuka ({type(exc).__name__}: {exc})") from exc
    with render_env() as env:
        check_variables(tpl, context, env, template.name)
        try:
            render(tpl, env)
        except (SecurityError, OverflowError, MemoryError) as exc:  # OverflowError: the sandbox's own range cap
            tag = culprit_tag(tpl, exc, env)
            raise RenderError(f"template tidak diizinkan: {template.name}{_where(tag)} ({explain(exc)})",
                              tag) from exc
        except jinja2.TemplateError as exc:
            tag = culprit_tag(tpl, exc, env)
            raise RenderError(f"template {template.name} gagal dirender{_where(tag)}: {explain(exc)}", tag) from exc
    return tpl
