"""The Daftar Isi's page numbers: the rendered report is laid out once by LibreOffice (the PDF's
outline gives the page each heading lands on), and the numbers are printed as each section numbers
its pages (roman in the front matter, arabic from Bab I). The entries are what the document's own
headings say, so an office's edited template gets a true table of contents too."""

from __future__ import annotations

import functools
import re
import tempfile
from dataclasses import dataclass
from pathlib import Path

from docx import Document
from lxml import etree

from contracts.context import EntriDaftarIsi
from tasks.reading.convert import soffice
from tasks.reporting.pdf import to_pdf
from tasks.reporting.render import render_body, render_docx_listing

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
TOC_LEVELS = 2  # the TOC field's \o "1-2"
PLACEHOLDER_PAGE = "000"  # as wide as the widest real number, so laying out the entries moves nothing


@dataclass(frozen=True)
class Heading:
    level: int
    text: str
    section: int  # index of the document section it is in


@dataclass(frozen=True)
class Numbering:
    fmt: str  # "decimal", "lowerRoman", …
    start: int | None  # the section restarts at this number; None: continues


def style_names(doc) -> dict[str, str]:
    """styleId -> name, read from the styles part's XML (the renderer keeps parts unparsed)."""
    for rel in doc.part.rels.values():
        if rel.reltype.endswith("/styles") and not rel.is_external:
            part = rel.target_part
            if hasattr(part, "element"):
                return _names(part.element)
            return dict(_names_of(part.blob))  # the template's bytes: read once per content
    return {}


def _names(root) -> dict[str, str]:
    return {st.get(f"{W}styleId"): (st.find(f"{W}name").get(f"{W}val") if st.find(f"{W}name") is not None
                                     else "") for st in root.iter(f"{W}style")}


@functools.lru_cache(maxsize=16)
def _names_of(blob: bytes) -> tuple[tuple[str, str], ...]:
    return tuple(_names(etree.fromstring(blob)).items())


def _level(name: str) -> int | None:
    match = re.match(r"(?:heading|judul)\s+(\d)$", name.strip().casefold())
    return int(match.group(1)) if match else None


def _text(p) -> str:
    return " ".join("".join(t.text or "" for t in p.iter(f"{W}t")).split())


def document_outline(doc) -> tuple[list[Heading], list[Numbering]]:
    """The headings of a python-docx Document (or a .docx path) in order with their section, and each
    section's page numbering."""
    doc = Document(str(doc)) if isinstance(doc, (str, Path)) else doc
    return body_outline(doc.element.body, style_names(doc))


def render_outline(template: Path, context: dict) -> tuple[list[Heading], list[Numbering]]:
    """The headings a render of `template` with `context` prints, with its sections' page numbering:
    what the Daftar Isi lists, from the rendered body alone (tasks.reporting.render.render_body)."""
    body, tpl = render_body(template, context)
    return body_outline(body, style_names(tpl.docx))


def render_with_daftar_isi(template: Path, context: dict, out: Path, numbered: bool, writer: str
                           ) -> tuple[list[Heading], list[Numbering]]:
    """Render the LKIP into `out` with a Daftar Isi of the headings the render prints, and give its
    outline (render_outline's). The entries' pages are empty, or with `numbered` placeholders as
    wide as real numbers (for `paginate` to lay the report out as it will be). context["daftar_isi"]
    is set to the entries rendered. The template is rendered once when its Daftar Isi loop allows
    (tasks.reporting.render.render_docx_listing)."""
    found: list[tuple[list[Heading], list[Numbering]]] = []

    def entries(body, tpl) -> list[EntriDaftarIsi]:
        found.append(body_outline(body, style_names(tpl.docx)))
        headings = found[-1][0]
        return toc_entries(headings) if numbered else toc_entries(headings, [""] * len(headings))

    context["daftar_isi"] = render_docx_listing(template, context, out, "daftar_isi", entries, writer)
    return found[-1]


def body_outline(body, names: dict[str, str]) -> tuple[list[Heading], list[Numbering]]:
    """document_outline of a document's body element (`names`: styleId -> style name)."""
    headings, section, sections = [], 0, []
    for child in body:
        if child.tag != f"{W}p":
            if child.tag == f"{W}sectPr":
                sections.append(child)
            continue
        p_pr = child.find(f"{W}pPr")
        style = p_pr.find(f"{W}pStyle") if p_pr is not None else None
        level = _level(names.get(style.get(f"{W}val"), "")) if style is not None else None
        text = _text(child)
        if level is not None and text:
            headings.append(Heading(level, text, section))
        if p_pr is not None and p_pr.find(f"{W}sectPr") is not None:
            sections.append(p_pr.find(f"{W}sectPr"))
            section += 1
    numbering = []
    for sect in sections:
        num = sect.find(f"{W}pgNumType")
        fmt = num.get(f"{W}fmt", "decimal") if num is not None else "decimal"
        start = num.get(f"{W}start") if num is not None else None
        numbering.append(Numbering(fmt, int(start) if start else None))
    return headings, numbering or [Numbering("decimal", None)]


def _roman(number: int) -> str:
    values = [(1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"), (50, "l"), (40, "xl"),
              (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i")]
    out = ""
    for value, letters in values:
        while number >= value:
            out += letters
            number -= value
    return out


def printed(number: int, fmt: str) -> str:
    if fmt == "lowerRoman":
        return _roman(number)
    if fmt == "upperRoman":
        return _roman(number).upper()
    return str(number)


def pdf_heading_pages(pdf: Path) -> list[tuple[str, int]]:
    """(title, 0-based page) of every bookmark of the PDF, in order (LibreOffice writes one per heading)."""
    from pypdf import PdfReader

    reader = PdfReader(str(pdf))
    found: list[tuple[str, int]] = []

    def walk(items) -> None:
        for item in items:
            if isinstance(item, list):
                walk(item)
            else:
                found.append((" ".join(str(item.title).split()), reader.get_destination_page_number(item)))

    walk(reader.outline)
    return found


def page_labels(headings: list[Heading], numbering: list[Numbering], pages: list[tuple[str, int]]) -> list[str]:
    """The printed page of each heading: matched to the PDF's bookmarks in order by title, each
    section's pages counted from the page its first heading is on (a section restarting at `start`)
    or continuing the previous section's count. '' for a heading the PDF does not show."""
    queue, index = list(pages), []
    for h in headings:
        hit = next((i for i, (title, _) in enumerate(queue) if title == h.text), None)
        index.append(None if hit is None else queue[hit][1])
        if hit is not None:
            queue = queue[hit + 1:]
    first_page: dict[int, int] = {}
    for h, page in zip(headings, index):
        if page is not None:
            first_page.setdefault(h.section, page)
    labels = []
    for h, page in zip(headings, index):
        if page is None:
            labels.append("")
            continue
        base, number = _section_base(h.section, numbering, first_page)
        labels.append(printed(page - base + number, numbering[min(h.section, len(numbering) - 1)].fmt))
    return labels


def _section_base(section: int, numbering: list[Numbering], first_page: dict[int, int]) -> tuple[int, int]:
    """(PDF page, printed number) an earlier or this section's count starts from."""
    s = section
    while s > 0 and numbering[min(s, len(numbering) - 1)].start is None:
        s -= 1
    start = numbering[min(s, len(numbering) - 1)].start or 1
    return (first_page.get(s, 0) if s > 0 else 0), start


def toc_entries(headings: list[Heading], labels: list[str] | None = None) -> list[EntriDaftarIsi]:
    """The Daftar Isi's entries: the headings of levels 1..TOC_LEVELS with their printed pages."""
    labels = labels or [PLACEHOLDER_PAGE] * len(headings)
    return [{"judul": h.text, "tingkat": str(h.level), "halaman": label}
            for h, label in zip(headings, labels) if h.level <= TOC_LEVELS]


def can_paginate() -> bool:
    return soffice() is not None


def paginate(docx: Path, outline: tuple[list[Heading], list[Numbering]] | None = None) -> list[str]:
    """The printed page of each heading of the rendered `docx` (LibreOffice lays it out once;
    `outline`: its document_outline, when known)."""
    headings, numbering = outline or document_outline(docx)
    with tempfile.TemporaryDirectory(prefix="lkip-halaman-") as tmp:
        pdf = to_pdf(docx, Path(tmp))
        return page_labels(headings, numbering, pdf_heading_pages(pdf))
