"""Rendering Word documents from docxtpl templates, safely: templates are edited by users.

Jinja runs sandboxed (no attribute walks into Python internals), with autoescape (so &, <, > and
quotes print verbatim instead of breaking the document XML) and StrictUndefined. A template's
variables are checked against the context before rendering; any mistake is a RenderError naming the
template, and nothing is written.
"""

from __future__ import annotations

import hashlib
import os
import re
import struct
import shutil
import subprocess
import tempfile
import threading
import zlib
from collections import OrderedDict
from pathlib import Path

import jinja2
from docx.document import Document as DocxDocument
from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.package import Unmarshaller
from docx.opc.part import Part, PartFactory
from docx.opc.pkgreader import PackageReader
from docx.opc.pkgwriter import PackageWriter
from docx.package import Package
from docx.shared import Cm
from docxtpl import DocxTemplate, InlineImage
from lxml import etree
from jinja2.sandbox import SandboxedEnvironment, SecurityError


class RenderError(Exception):
    """A template that cannot be rendered; .pesan says why in Indonesian."""

    def __init__(self, pesan: str):
        super().__init__(pesan)
        self.pesan = pesan


MAX_RANGE_TOTAL = 100_000  # all range() items of one render together
MAX_ITERATIONS = 200_000  # all loop steps over context lists of one render together
MAX_TEXT = 100_000  # longest string a template may build


class _Budget:
    """Loop steps left for one render; nested loops spend from the same budget."""

    def __init__(self, steps: int):
        self.steps = steps

    def spend(self) -> None:
        self.steps -= 1
        if self.steps < 0:
            raise SecurityError(f"perulangan melebihi batas {MAX_ITERATIONS} langkah")


class _CountedList(list):
    """A context list whose iteration spends from the render's loop budget."""

    def __init__(self, items, budget: _Budget):
        super().__init__(items)
        self._budget = budget

    def __iter__(self):
        for item in super().__iter__():
            self._budget.spend()
            yield item


class LimitedSandbox(SandboxedEnvironment):
    """The Jinja sandbox, narrowed: templates only print, loop and branch.

    Attribute access is allowed on loop variables only (loop.index, loop.first …); everything else is
    read as a key of the context's plain dicts, so no object handed to a template (a docxtpl image
    holds the whole document, with a save() method) can be walked into. Building large text with
    *, % or filters is refused, range() is capped over the whole render.
    """

    intercepted_binops = frozenset({"*", "**", "%"})

    def __init__(self, **options):
        super().__init__(**options)
        self.range_used = 0
        self._compiled: dict[str, jinja2.Template] = {}
        self.globals["range"] = self._range
        for name in ("center", "indent", "wordwrap", "format", "filesizeformat", "xmlattr", "pprint", "tojson",
                     "urlize", "map", "attr", "groupby", "sum", "batch", "slice", "random"):
            self.filters.pop(name, None)

    def is_safe_attribute(self, obj, attr, value) -> bool:
        return isinstance(obj, jinja2.runtime.LoopContext) and not attr.startswith("_")

    def is_safe_callable(self, obj) -> bool:
        return obj == self._range or isinstance(obj, jinja2.runtime.LoopContext)

    def from_string(self, source, globals=None, template_class=None):  # noqa: A002 (Jinja's signature)
        """Compile each template source once per environment: the same template renders many reports."""
        if globals or template_class or not isinstance(source, str):
            return super().from_string(source, globals, template_class)
        if source not in self._compiled:
            if len(self._compiled) >= _CACHED_TEMPLATES:
                self._compiled.clear()
            self._compiled[source] = super().from_string(source)
        return self._compiled[source]

    def _range(self, *args):
        items = range(*args)
        self.range_used += len(items)
        if self.range_used > MAX_RANGE_TOTAL:
            raise SecurityError(f"perulangan melebihi batas {MAX_RANGE_TOTAL} langkah")
        return items

    def call_binop(self, context, operator, left, right):
        if operator == "%" or (operator == "**" and isinstance(right, (int, float)) and abs(right) > 64):
            raise SecurityError(f"operator {operator} tidak diizinkan di template")
        if operator == "*" and any(isinstance(v, (str, list, tuple)) for v in (left, right)):
            sequence, count = (left, right) if isinstance(left, (str, list, tuple)) else (right, left)
            if isinstance(count, int) and len(sequence) * count > MAX_TEXT:
                raise SecurityError(f"pengulangan melebihi batas {MAX_TEXT}")
        return super().call_binop(context, operator, left, right)


_CACHED_TEMPLATES = 32  # template parts kept compiled per environment (a few per template file)


def jinja_env() -> SandboxedEnvironment:
    """The only environment templates run in: sandboxed, autoescaped, strict about undefined names."""
    return LimitedSandbox(autoescape=True, undefined=jinja2.StrictUndefined)


_local = threading.local()


def _render_env() -> LimitedSandbox:
    """This thread's environment, with the range budget reset: compiled templates are kept between
    renders, the per-render limits are not."""
    env = getattr(_local, "env", None)
    if env is None:
        env = _local.env = jinja_env()
    env.range_used = 0
    return env


_patched: dict[str, str] = {}
_variables: dict[str, set[str] | jinja2.TemplateSyntaxError] = {}


_LISTING = re.compile("[\t\a\n\f]")
_DECLARATION = re.compile(r"<\?xml[^>]*\?>\s*")
_PARAGRAPH = re.compile(r"<w:p(?: [^>]*)?>.*?</w:p>", re.DOTALL)  # docxtpl's own paragraph pattern
_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


_NS = {"w": _W[1:-1]}
_CELL_COUNT = etree.XPath("count(w:tc)", namespaces=_NS)
_SPANS = etree.XPath("w:tc/w:tcPr/w:gridSpan/@w:val", namespaces=_NS)


def _cells(row) -> tuple[int, int]:
    """A table row's cells, counted as elements and as grid columns (gridSpan), as docxtpl counts them."""
    cells = int(_CELL_COUNT(row))
    return cells, cells + sum(int(span) - 1 for span in _SPANS(row))


def _grid_fits(tree) -> bool:
    """True when docxtpl's fix_tables would change nothing: every table has a grid, and its widest row
    (in cells) is no wider, and its widest row (in grid columns) no narrower, than the grid."""
    for table in tree.iter(_W + "tbl"):
        grid = table.find(_W + "tblGrid")
        if grid is None:
            return False
        columns = len(grid.findall(_W + "gridCol"))
        counts = [_cells(row) for row in table.iter(_W + "tr")]
        if not counts or max(c for c, _ in counts) > columns or max(s for _, s in counts) < columns:
            return False
    return True


# Parts a render never reads or changes, kept as the template's bytes instead of being parsed into
# python-docx objects and written back: the styles of a Word document alone are often 350 KB of XML,
# parsed and serialised again for every document otherwise.
_KEPT_AS_BYTES = frozenset({CT.WML_STYLES, CT.WML_NUMBERING, CT.WML_SETTINGS})


def _part(partname, content_type: str, reltype: str, blob: bytes, package) -> Part:
    if content_type in _KEPT_AS_BYTES:
        return Part.load(partname, content_type, blob, package)
    return PartFactory(partname, content_type, reltype, blob, package)


def _open_document(path) -> DocxDocument:
    """docx.Document(path), with the parts in _KEPT_AS_BYTES left unparsed."""
    package = Package()
    Unmarshaller.unmarshal(PackageReader.from_file(path), package, _part)
    part = package.main_document_part
    if part.content_type != CT.WML_DOCUMENT_MAIN:
        raise ValueError(f"{Path(path).name} bukan berkas Word (jenis isi {part.content_type})")
    return part.document


class _Template(DocxTemplate):
    """docxtpl, with its XML clean-up of each template part done once per process and part content,
    its rewrite of tabs/newlines in text applied only to the paragraphs that have any, and its table
    fix-up run only when a table's grid does not fit its rows."""

    def resolve_listing(self, xml):
        # docxtpl turns \t, \a, \n and \f inside <w:t> into tabs, paragraphs, breaks and page breaks by
        # running three nested regular expressions over every paragraph and run. A paragraph without any
        # of those characters comes out unchanged, so only the others (a few per document: an image's
        # XML is indented with newlines) go through docxtpl's rewrite, each one exactly as it would there.
        declaration = _DECLARATION.match(xml)
        if _LISTING.search(xml, declaration.end() if declaration else 0) is None:
            return xml

        def resolve(paragraph: str) -> str:
            return DocxTemplate.resolve_listing(self, paragraph)

        return _PARAGRAPH.sub(lambda m: resolve(m.group(0)) if _LISTING.search(m.group(0)) else m.group(0), xml)

    def fix_tables(self, xml):
        # docxtpl widens or narrows a table's grid when column loops ({%tc %}) changed its rows' cell
        # count, walking every row and cell in Python. The check is the same count, done faster; when a
        # grid does not fit, docxtpl's own fix-up runs on the whole document.
        tree = etree.fromstring(xml, parser=etree.XMLParser(recover=True))
        try:
            fits = _grid_fits(tree)
        except (TypeError, ValueError):  # a gridSpan without a number: docxtpl's fix-up handles it
            fits = False
        return tree if fits else DocxTemplate.fix_tables(self, xml)

    def init_docx(self, reload: bool = True):
        if not self.docx or (self.is_rendered and reload):
            self.docx = _open_document(self.template_file)
            self.is_rendered = False

    def patch_xml(self, src_xml):
        patched = _patched.get(src_xml)
        if patched is None:  # shared by threads: a lookup and one store, never a check-then-read
            if len(_patched) >= _CACHED_TEMPLATES:
                _patched.clear()
            patched = _patched[src_xml] = super().patch_xml(src_xml)
        return patched


def _is_image(value) -> bool:
    return isinstance(value, dict) and set(value) == {"path", "lebar_cm", "keterangan"}


def _prepared(tpl: DocxTemplate, value, budget: _Budget):
    """The context as the template sees it: Gambar dicts become InlineImages, lists count their loops."""
    if _is_image(value):
        return InlineImage(tpl, value["path"], width=Cm(float(value["lebar_cm"])))
    if isinstance(value, dict):
        return {k: _prepared(tpl, v, budget) for k, v in value.items()}
    if isinstance(value, list):
        return _CountedList((_prepared(tpl, v, budget) for v in value), budget)
    return value


def check_template(tpl: DocxTemplate, context: dict, env: SandboxedEnvironment, name: str) -> None:
    """Syntax errors and variables the context does not have, found before anything is rendered.

    The template's variables are read once per template content (a sha256 of the file)."""
    key = hashlib.sha256(Path(tpl.template_file).read_bytes()).hexdigest()
    wanted = _variables.get(key)
    if wanted is None:
        try:
            wanted = set(tpl.get_undeclared_template_variables(env))
        except jinja2.TemplateSyntaxError as exc:
            wanted = exc
        if len(_variables) >= _CACHED_TEMPLATES:
            _variables.clear()
        _variables[key] = wanted
    if isinstance(wanted, jinja2.TemplateSyntaxError):
        raise RenderError(f"template {name} salah tulis (baris {wanted.lineno}): {wanted.message}") from wanted
    missing = sorted(set(wanted) - set(context))
    if missing:
        raise RenderError(f"template {name} memakai variabel yang tidak ada: {', '.join(missing)}. "
                          "Lihat contracts/context.py untuk daftar variabel")


def render_docx(template: Path, context: dict, out: Path) -> Path:
    """Render `template` with `context` into `out` (written only when rendering succeeded)."""
    template, out = Path(template), Path(out)
    env = _render_env()
    try:
        tpl = _Template(str(template))
        tpl.init_docx()
    except Exception as exc:  # a damaged .docx raises zipfile/lxml/KeyError variants
        raise RenderError(f"template {template.name} tidak dapat dibuka ({type(exc).__name__}: {exc})") from exc
    check_template(tpl, context, env, template.name)
    try:
        tpl.render(_prepared(tpl, context, _Budget(MAX_ITERATIONS)), jinja_env=env, autoescape=True)
    except (SecurityError, OverflowError, MemoryError) as exc:  # OverflowError: the sandbox's own range cap
        raise RenderError(f"template tidak diizinkan: {template.name} ({exc})") from exc
    except jinja2.TemplateError as exc:
        raise RenderError(f"template {template.name} gagal dirender: {exc}") from exc
    out.parent.mkdir(parents=True, exist_ok=True)
    handle, tmp = tempfile.mkstemp(prefix=".render-", suffix=".docx", dir=out.parent)
    os.close(handle)
    try:
        save_stable(tpl, Path(tmp))
        os.replace(tmp, out)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)
    return out


_STORED = (".png", ".jpg", ".jpeg", ".gif", ".emf", ".wmf")  # media: already compressed or tiny
_DOS_DATE, _DOS_TIME = (0 << 9) | (1 << 5) | 1, 0  # every entry dated 1980-01-01 00:00
_LEVEL = 3  # zlib level: an LKIP's XML deflates in half the time of the default 6, ~25% larger
_ZIP_LIMIT = 0xFFFFFFFF  # sizes and offsets of a zip without zip64 extensions
_deflated: OrderedDict[tuple[int, int], tuple[bytes, bytes]] = OrderedDict()


def _deflate(blob: bytes) -> bytes:
    packer = zlib.compressobj(_LEVEL, zlib.DEFLATED, -15)  # raw deflate, as in a zip entry
    return packer.compress(blob) + packer.flush()


def _deflate_kept(blob: bytes, crc: int) -> bytes:
    """The deflated bytes of a part taken from a template unchanged (its styles are ~800 KB of XML in
    every document), deflated once per process and content; the newest _CACHED_TEMPLATES kept."""
    key = (crc, len(blob))
    hit = _deflated.get(key)
    if hit is not None and hit[0] == blob:
        return hit[1]
    data = _deflated[key] = (blob, _deflate(blob))
    while len(_deflated) > _CACHED_TEMPLATES:
        _deflated.popitem(last=False)
    return data[1]


class _StableZipWriter:
    """python-docx's physical package writer (write, close), writing a plain zip itself: every entry
    dated 1980-01-01, so the same inputs give the same bytes (a rerun then finds the published file
    unchanged and leaves it alone); media stored as they are; a part taken unchanged from the
    template deflated once per process (see _deflate_kept)."""

    def __init__(self, path: Path):
        self._file = open(path, "wb")  # noqa: SIM115 (closed by close(), as python-docx's writer is)
        self._entries: list[tuple[bytes, int, int, int, int, int, int]] = []

    def write(self, pack_uri, blob: bytes, kept: bool = False) -> None:
        name = pack_uri.membername
        encoded = name.encode("utf-8")
        flags = 0 if name.isascii() else 0x800  # bit 11: the name is UTF-8
        crc = zlib.crc32(blob)
        if name.lower().endswith(_STORED):
            method, data = 0, blob
        else:
            method, data = 8, (_deflate_kept(blob, crc) if kept else _deflate(blob))
        offset = self._file.tell()
        if max(offset, len(blob)) > _ZIP_LIMIT or len(self._entries) >= 0xFFFF:
            raise RenderError(f"dokumen terlalu besar untuk ditulis ({name})")
        self._file.write(struct.pack("<4s5H3I2H", b"PK\x03\x04", 20, flags, method, _DOS_TIME, _DOS_DATE, crc,
                                     len(data), len(blob), len(encoded), 0) + encoded)
        self._file.write(data)
        self._entries.append((encoded, flags, method, crc, len(data), len(blob), offset))

    def close(self) -> None:
        start = self._file.tell()
        for encoded, flags, method, crc, packed, size, offset in self._entries:
            self._file.write(struct.pack("<4s6H3I5H2I", b"PK\x01\x02", (3 << 8) | 20, 20, flags, method, _DOS_TIME,
                                         _DOS_DATE, crc, packed, size, len(encoded), 0, 0, 0, 0, 0o600 << 16,
                                         offset) + encoded)
        end = self._file.tell()
        self._file.write(struct.pack("<4s4H2IH", b"PK\x05\x06", 0, 0, len(self._entries), len(self._entries),
                                     end - start, start, 0))
        self._file.close()


def save_stable(tpl: DocxTemplate, path: Path) -> None:
    """Write a rendered template as python-docx's OpcPackage.save does, through _StableZipWriter
    (python-docx < 2: PackageWriter's steps are static methods; the parts are written here, marking
    the ones kept from the template as bytes)."""
    package = tpl.docx.part.package
    parts = list(package.parts)
    for part in parts:
        part.before_marshal()
    writer = _StableZipWriter(path)
    try:
        PackageWriter._write_content_types_stream(writer, parts)
        PackageWriter._write_pkg_rels(writer, package.rels)
        for part in parts:
            writer.write(part.partname, part.blob, kept=type(part) is Part)
            if len(part.rels):
                writer.write(part.partname.rels_uri, part.rels.xml)
    finally:
        writer.close()


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
