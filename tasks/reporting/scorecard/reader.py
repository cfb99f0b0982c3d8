"""A rendered .docx read as the reader sees it: every paragraph, in document order, table cells included.

Nothing of our template's internals is assumed: an office may have restyled or rewritten its
template, so the checks find things by their words. What is kept per paragraph is what a reader
sees or Word's navigation pane shows: the text (content controls, hyperlinks, fields' results and
text boxes included, Word's fallback copies of drawings left out), the style name, the heading
level ("Heading N" / "Judul N" or an outline level, directly or through the style it is based on),
and whether it is an entry of a table of contents (inside a TOC field, a TOC content control or in
a "TOC N" style).

The package is checked first (truncated archives, zip bombs and DTDs refused, as for the office's
workbooks), its main part found through the package relationships, and parsed with plain lxml.
"""

from __future__ import annotations

import functools
import hashlib
import posixpath
import re
import zipfile
from dataclasses import dataclass
from pathlib import Path

from lxml import etree  # installed with python-docx; plain lxml elements are several times faster to walk

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
WRAPPERS = {f"{W}sdt", f"{W}sdtContent", f"{W}customXml", f"{W}smartTag"}  # containers of blocks or cells
HEADING_NAME = re.compile(r"^(?:heading|judul)\s*([1-9])$")
TEXT_TAGS = tuple(f"{W}{t}" for t in ("t", "tab", "br", "cr", "noBreakHyphen", "fldChar", "instrText", "fldSimple"))
TOC_STYLE = re.compile(r"^(?:toc|daftar isi)\s*[1-9]$")


@dataclass(frozen=True)
class Paragraf:
    """One paragraph, in a table cell or not."""

    pos: int  # its place in document order
    text: str  # tabs kept, line breaks as "\n"
    style: str  # the style's name, lower case ("heading 1", "normal", "judul indikator")
    level: int | None  # heading level 1-9, None for body text
    table: int | None  # index into Naskah.tabel of the (outermost) table holding it
    toc: bool  # an entry of a table of contents

    @property
    def words(self) -> int:
        return len(self.text.split())


@dataclass(frozen=True)
class Tabel:
    """One top-level table: its cells' text row by row (a table nested in a cell reads as that cell's text)."""

    index: int
    first: int  # pos of its first paragraph
    last: int  # pos of its last paragraph
    rows: tuple[tuple[str, ...], ...]
    cant_split: tuple[bool, ...]  # per row: w:trPr/w:cantSplit (the row never breaks across pages)
    header: tuple[bool, ...]  # per row: w:trPr/w:tblHeader (repeated at the top of every page)


@dataclass(frozen=True)
class Naskah:
    """A whole document as read."""

    paragraf: tuple[Paragraf, ...]
    tabel: tuple[Tabel, ...]
    update_fields: bool  # settings.xml asks Word to refresh fields (the TOC) on opening


def read_docx(path: Path) -> Naskah:
    """Read a .docx; raises on a file that is not a readable Word document (the caller says so once)."""
    from tasks.reading.workbook import check_zip, sniff

    path = Path(path)
    if sniff(path) != "zip":
        raise ValueError("bukan dokumen Word .docx (format lama .doc, atau dokumen berkata sandi?)")
    with check_zip(path) as archive:  # truncated archives, zip bombs and DTDs refused before parsing
        main = _target(archive, "_rels/.rels", "/officeDocument")
        if main is None:
            raise ValueError("bukan dokumen Word: bagian dokumen utama tidak ada")
        rels = posixpath.join(posixpath.dirname(main), "_rels", posixpath.basename(main) + ".rels")
        body = _xml(archive, main).find(f"{W}body")
        styles = _styles_of(archive, _target(archive, rels, "/styles"))
        settings = _xml(archive, _target(archive, rels, "/settings"))
    if body is None:
        raise ValueError("bukan dokumen Word: isi dokumen tidak ada")
    for fallback in list(body.iter(MC_FALLBACK)):  # the VML copy of a text box: its text is read once, from Choice
        fallback.getparent().remove(fallback)
    reader = _Reader(styles)
    reader.blocks(body)
    flag = settings.find(f"{W}updateFields") if settings is not None else None
    update = flag is not None and flag.get(f"{W}val", "true").lower() in {"true", "1", "on"}
    return Naskah(tuple(reader.paragraphs), tuple(reader.tables), update)


_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=True, remove_comments=True)


def _xml(archive: zipfile.ZipFile, name: str | None):
    """A part parsed by plain lxml (no python-docx element classes: reading stays a few ms per thousand
    paragraphs); None when the package has no such part."""
    if name is None or name not in archive.namelist():
        return None
    return etree.fromstring(archive.read(name), _PARSER)


def _target(archive: zipfile.ZipFile, rels: str, kind: str) -> str | None:
    """The part a relationship of this kind points to, from the folder of the .rels file's source."""
    root = _xml(archive, rels)
    if root is None:
        return None
    base = posixpath.dirname(posixpath.dirname(rels))
    for rel in root:
        if (rel.get("Type") or "").endswith(kind) and rel.get("TargetMode") != "External":
            target = rel.get("Target") or ""
            return target.lstrip("/") if target.startswith("/") else posixpath.normpath(posixpath.join(base, target))
    return None


def _styles_of(archive: zipfile.ZipFile, name: str | None) -> dict[str, tuple[str, int | None]]:
    """The styles part read as _styles reads it, once per content: the LKIPs of one template share
    their styles part byte for byte (a third of the package's XML)."""
    data = archive.read(name) if name is not None and name in archive.namelist() else b""
    key = hashlib.sha256(data).digest()
    styles = _STYLES.get(key)
    if styles is None:
        styles = _styles(etree.fromstring(data, _PARSER) if data else None)
        if len(_STYLES) >= 16:
            _STYLES.clear()
        _STYLES[key] = styles
    return styles


_STYLES: dict[bytes, dict[str, tuple[str, int | None]]] = {}


def _styles(styles) -> dict[str, tuple[str, int | None]]:
    """styleId -> (name, heading level), the level found on the style or the styles it is based on."""
    raw: dict[str, tuple[str, str | None, int | None]] = {}
    for style in (styles.iterchildren(f"{W}style") if styles is not None else ()):
        sid = style.get(f"{W}styleId", "")
        name = style.find(f"{W}name")
        based = style.find(f"{W}basedOn")
        outline = style.find(f"{W}pPr/{W}outlineLvl")
        raw[sid] = ((name.get(f"{W}val", "") if name is not None else sid).lower(),
                    based.get(f"{W}val") if based is not None else None,
                    _outline_level(outline))
    resolved = {}
    for sid, (name, _, _) in raw.items():
        level, seen, current = None, set(), sid
        while current in raw and current not in seen and level is None:
            seen.add(current)
            cname, based, outline = raw[current]
            match = HEADING_NAME.match(cname) or HEADING_NAME.match(current.lower())
            level = int(match.group(1)) if match else outline
            current = based
        if name in {"toc heading", "title", "subtitle"} or TOC_STYLE.match(name):
            level = None  # based on Heading 1 in Word's own template, but not a chapter
        resolved[sid] = (name, level)
    return resolved


def _outline_level(element) -> int | None:
    if element is None:
        return None
    try:
        value = int(element.get(f"{W}val", "9"))
    except ValueError:
        return None
    return value + 1 if 0 <= value < 9 else None  # 9 is "body text"


class _Reader:
    """Walks the body once, keeping the field state (a TOC field spans many paragraphs) as it goes."""

    def __init__(self, styles: dict[str, tuple[str, int | None]]):
        self.styles = styles
        self.default = next((v for k, v in styles.items() if v[0] == "normal"), ("normal", None))
        self.paragraphs: list[Paragraf] = []
        self.tables: list[Tabel] = []
        self.fields: list[str] = []  # instructions of the fields open at this point, outermost first
        self.instr: list[str] = []  # instruction text of the field being begun
        self.toc_control = 0  # depth of content controls that are a table of contents
        self.table: int | None = None

    def blocks(self, parent) -> None:
        for child in parent.iterchildren():
            tag = child.tag
            if tag == f"{W}p":
                self.paragraph(child)
            elif tag == f"{W}tbl":
                self.tbl(child)
            elif tag in WRAPPERS:
                is_toc = tag == f"{W}sdt" and _is_toc_control(child)
                self.toc_control += is_toc
                self.blocks(child)
                self.toc_control -= is_toc

    def tbl(self, element) -> None:
        if self.table is not None:  # a nested table: its paragraphs belong to the outer cell
            for tr in _rows(element):
                for tc in _cells(tr):
                    self.blocks(tc)
            return
        self.table = len(self.tables)
        first = len(self.paragraphs)
        rows, cant, header = [], [], []
        for tr in _rows(element):
            cells = []
            for tc in _cells(tr):
                start = len(self.paragraphs)
                self.blocks(tc)
                cells.append("\n".join(p.text for p in self.paragraphs[start:] if p.text))
            rows.append(tuple(cells))
            cant.append(_row_flag(tr, "cantSplit"))
            header.append(_row_flag(tr, "tblHeader"))
        self.tables.append(Tabel(self.table, first, len(self.paragraphs) - 1, tuple(rows), tuple(cant),
                                 tuple(header)))
        self.table = None

    def paragraph(self, p) -> None:
        style_id, outline = _properties(p)
        name, level = self.styles.get(style_id.get(_VAL, "") if style_id is not None else "", self.default)
        direct = _outline_level(outline)
        in_toc = bool(self.toc_control) or _is_toc_style(name) or (bool(self.fields) and self._in_toc())
        text = []
        for el in p.iter(*TEXT_TAGS):  # filtered by lxml itself: run properties are never visited
            tag = el.tag
            if tag == _T:
                text.append(el.text or "")
            elif tag == _TAB:
                if el.getparent().tag != _TABS:  # a tab stop definition, not a tab character
                    text.append("\t")
            elif tag in _BREAKS:
                text.append("\n")
            elif tag == _NO_BREAK_HYPHEN:
                text.append("-")
            elif tag == _FLD_CHAR:
                self._field_char(el.get(_FLD_CHAR_TYPE))
                in_toc = in_toc or self._in_toc()
            elif tag == _INSTR_TEXT:
                self.instr.append(el.text or "")
            elif tag == _FLD_SIMPLE and (el.get(_INSTR) or "").strip().upper().startswith("TOC"):
                in_toc = True
        self.paragraphs.append(Paragraf(len(self.paragraphs), "".join(text).strip(), name,
                                        direct if direct is not None else level, self.table,
                                        in_toc and name != "toc heading"))

    def _field_char(self, kind: str | None) -> None:
        if kind == "begin":
            self.fields.append("")
            self.instr = []
        elif kind == "separate" and self.fields:
            self.fields[-1] = "".join(self.instr).strip().upper()
        elif kind == "end" and self.fields:
            self.fields.pop()

    def _in_toc(self) -> bool:
        return any(f.startswith("TOC") for f in self.fields)


# the names paragraph() compares tags and attributes with, made once
_T, _TAB, _TABS, _NO_BREAK_HYPHEN = f"{W}t", f"{W}tab", f"{W}tabs", f"{W}noBreakHyphen"
_BREAKS = (f"{W}br", f"{W}cr")
_FLD_CHAR, _FLD_CHAR_TYPE, _INSTR_TEXT = f"{W}fldChar", f"{W}fldCharType", f"{W}instrText"
_FLD_SIMPLE, _INSTR, _VAL = f"{W}fldSimple", f"{W}instr", f"{W}val"
_P_PR, _P_STYLE, _P_OUTLINE = f"{W}pPr", f"{W}pStyle", f"{W}outlineLvl"


def _properties(p) -> tuple:
    """The paragraph's w:pPr/w:pStyle and w:pPr/w:outlineLvl (each the first, or None), as
    p.find() of those paths finds them, in one look at pPr's children (path lookups cost most of
    reading a paragraph)."""
    ppr = p[0] if len(p) else None
    if ppr is None or ppr.tag != _P_PR:
        ppr = next(p.iterchildren(_P_PR), None)  # properties after other children: not as Word writes them
        if ppr is None:
            return None, None
    style = outline = None
    for child in ppr:
        tag = child.tag
        if tag == _P_STYLE and style is None:
            style = child
        elif tag == _P_OUTLINE and outline is None:
            outline = child
    return style, outline


@functools.lru_cache(maxsize=256)
def _is_toc_style(name: str) -> bool:
    return TOC_STYLE.match(name) is not None


def _children(element, tag: str):
    """The element's children of `tag` (w:tr of a table, w:tc of a row), through content controls."""
    for child in element.iterchildren():
        if child.tag == tag:
            yield child
        elif child.tag in WRAPPERS:
            yield from _children(child, tag)


def _rows(tbl):
    return _children(tbl, f"{W}tr")


def _cells(tr):
    return _children(tr, f"{W}tc")


def _row_flag(tr, name: str) -> bool:
    flag = tr.find(f"{W}trPr/{W}{name}")
    return flag is not None and flag.get(f"{W}val", "true").lower() not in {"false", "0", "off"}


def _is_toc_control(sdt) -> bool:
    gallery = sdt.find(f"{W}sdtPr/{W}docPartObj/{W}docPartGallery")
    return gallery is not None and "table of contents" in (gallery.get(f"{W}val") or "").lower()
