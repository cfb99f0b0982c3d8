"""How a rendered .docx is opened from its template and saved: the only place that uses python-docx's
package internals (python-docx < 2), tested against python-docx's and docxtpl's own path.

Opening: a template's styles, numbering and settings parts are never read or changed by a render, so
they are kept as the template's bytes instead of being parsed into python-docx objects and written
back (the styles of a Word document alone are often 350 KB of XML).

Saving, by `writer`:
- "lkip" (the default): the parts are written by our StableZip (tasks.files): every entry dated
  1980-01-01, media stored as they are, XML deflated at zlib level 3 (an LKIP's XML deflates in half
  the time of the default 6, ~25 % larger), and a part kept from the template deflated once per
  process and content;
- "docxtpl": docxtpl's own save (python-docx's OpcPackage.save), then copied as a StableZip at
  level 6: slower, the same document content. The switch back, should a python-docx release change
  the internals used here.
Both are byte-stable: the same inputs give the same file.
"""

from __future__ import annotations

import zlib
from collections import OrderedDict
from pathlib import Path

from docx.document import Document as DocxDocument
from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.package import Unmarshaller
from docx.opc.part import Part, PartFactory
from docx.opc.pkgreader import PackageReader
from docx.opc.pkgwriter import PackageWriter
from docx.package import Package
from docxtpl import DocxTemplate

from tasks.files import StableZip, deflate, freeze_zip

WRITERS = ("lkip", "docxtpl")
DOCX_WRITER = "lkip"
LEVEL = 3
STORED = (".png", ".jpg", ".jpeg", ".gif", ".emf", ".wmf")  # media: already compressed or tiny
_KEPT_AS_BYTES = frozenset({CT.WML_STYLES, CT.WML_NUMBERING, CT.WML_SETTINGS})
_CACHED = 32  # deflated template parts kept per process (a few per template)
_deflated: OrderedDict[tuple[int, int], tuple[bytes, bytes]] = OrderedDict()


def _part(partname, content_type: str, reltype: str, blob: bytes, package) -> Part:
    if content_type in _KEPT_AS_BYTES:
        return Part.load(partname, content_type, blob, package)
    return PartFactory(partname, content_type, reltype, blob, package)


def open_document(path) -> DocxDocument:
    """docx.Document(path), with the styles, numbering and settings parts left unparsed."""
    package = Package()
    Unmarshaller.unmarshal(PackageReader.from_file(path), package, _part)
    part = package.main_document_part
    if part.content_type != CT.WML_DOCUMENT_MAIN:
        raise ValueError(f"{Path(path).name} bukan berkas Word (jenis isi {part.content_type})")
    return part.document


def _deflate_kept(blob: bytes, crc_key: tuple[int, int]) -> bytes:
    """The deflated bytes of a part taken from a template unchanged, deflated once per process and
    content; the newest _CACHED kept."""
    hit = _deflated.get(crc_key)
    if hit is not None and hit[0] == blob:
        _deflated.move_to_end(crc_key)
        return hit[1]
    data = _deflated[crc_key] = (blob, deflate(blob, LEVEL))
    while len(_deflated) > _CACHED:
        _deflated.popitem(last=False)
    return data[1]


class _PackageZip:
    """What python-docx's PackageWriter writes to (its `write(pack_uri, blob)`), over a StableZip."""

    def __init__(self, path: Path):
        self.zip = StableZip(path, level=LEVEL, stored=STORED)

    def write(self, pack_uri, blob: bytes, kept: bool = False) -> None:
        deflated = _deflate_kept(blob, (zlib.crc32(blob), len(blob))) if kept else None
        if pack_uri.membername.lower().endswith(STORED):
            deflated = None
        self.zip.write(pack_uri.membername, blob, deflated=deflated)

    def close(self) -> None:
        self.zip.close()


def _save_lkip(tpl: DocxTemplate, path: Path) -> None:
    """OpcPackage.save's steps (python-docx < 2: PackageWriter's steps are static methods), the
    parts written here and the ones kept from the template marked as such."""
    package = tpl.docx.part.package
    parts = list(package.parts)
    for part in parts:
        part.before_marshal()
    out = _PackageZip(path)
    try:
        PackageWriter._write_content_types_stream(out, parts)
        PackageWriter._write_pkg_rels(out, package.rels)
        for part in parts:
            out.write(part.partname, part.blob, kept=type(part) is Part)
            if len(part.rels):
                out.write(part.partname.rels_uri, part.rels.xml)
    finally:
        out.close()


def save_document(tpl: DocxTemplate, path: Path, writer: str = DOCX_WRITER) -> Path:
    """Write a rendered template to `path` (not atomically: the caller writes to a temporary name)."""
    path = Path(path)
    if writer == "lkip":
        _save_lkip(tpl, path)
    elif writer == "docxtpl":
        raw = path.with_name(path.name + ".docxtpl")
        try:
            tpl.save(str(raw))
            freeze_zip(raw, path, stamp_core=False)  # python-docx keeps the template's dates
        finally:
            raw.unlink(missing_ok=True)
    else:
        raise ValueError(f"unknown .docx writer {writer!r}: one of {', '.join(WRITERS)}")
    return path
