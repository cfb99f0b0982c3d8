"""What only the XML of an .xlsx tells: fills, number formats, formula and error cells, hidden rows
and columns, the 1904 date system. Read by streaming each part once, without building a workbook
object model (openpyxl's full load costs ~0.2 s per workbook; this costs a few milliseconds).

It reads the cells present in the file and nothing else, so a stray formatted cell at row
1,048,576 is one cell. The archive has already been checked for zip bombs and DTDs
(tasks.workbook.check_zip) before any part is parsed here.

Semantics follow openpyxl's, which the readers were first written against: a cell's fill is its
style's fill (applyFill is ignored, as Excel does when it shows the cell); a colour given by index
counts as a fill; theme colour 0 without a tint is the page background; a cell with a <f> child is
a formula cell whatever its cached value; shared formulas are translated to their own cell.
"""

from __future__ import annotations

import posixpath
import re
import zipfile
from dataclasses import dataclass, field
from xml.etree.ElementTree import iterparse
from xml.parsers import expat

_CELL_REF = re.compile(r"^\$?([A-Za-z]{1,3})\$?(\d+)$")
_PERCENT_BUILTIN = {9, 10}  # "0%" and "0.00%"; no other built-in number format shows a percent
_WHITE = {"FFFFFFFF", "00FFFFFF", "FFFFFF"}
_NO_COLOUR = "00000000"  # openpyxl's default rgb when a pattern fill names no colour


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _true(value: str | None) -> bool:
    return value is not None and value.strip().lower() in ("1", "true")


def column_index(letters: str) -> int:
    index = 0
    for ch in letters.upper():
        index = index * 26 + ord(ch) - 64
    return index


def _filled(pattern: str | None, colour: dict[str, str] | None) -> bool:
    """A visible pattern fill that is not white (same rule as for openpyxl's Fill objects)."""
    if pattern in (None, "none"):
        return False
    if pattern == "gradient":
        return True
    colour = colour or {}
    if "indexed" in colour:
        return True
    if "theme" in colour:
        try:
            tint = float(colour.get("tint", 0) or 0)
        except ValueError:
            tint = 0.0
        return not (colour["theme"].strip() == "0" and not tint)
    if "auto" in colour:
        return True
    rgb = colour.get("rgb", _NO_COLOUR).upper()
    return rgb not in _WHITE and rgb != _NO_COLOUR


@dataclass
class Styles:
    """Per cell-style index (the `s` attribute of a cell): shaded, shown as a percent."""

    shaded: list[bool] = field(default_factory=list)
    percent: list[bool] = field(default_factory=list)

    def is_shaded(self, style: int) -> bool:
        return 0 <= style < len(self.shaded) and self.shaded[style]

    def is_percent(self, style: int) -> bool:
        return 0 <= style < len(self.percent) and self.percent[style]


def read_styles(archive: zipfile.ZipFile, part: str | None) -> Styles:
    if part is None or part not in archive.NameToInfo:
        return Styles()
    formats: dict[int, str] = {}
    fills: list[bool] = []
    xfs: list[tuple[int, int]] = []
    section = ""
    pattern: str | None = None
    colour: dict[str, str] | None = None
    in_fill = False
    with archive.open(part) as fh:
        for event, elem in iterparse(fh, events=("start", "end")):
            tag = _local(elem.tag)
            if event == "start":
                if tag in ("numFmts", "fills", "cellXfs", "cellStyleXfs", "dxfs"):
                    section = tag
                elif section == "fills" and tag == "fill":
                    in_fill, pattern, colour = True, None, None
                elif in_fill and tag == "patternFill":
                    pattern = elem.get("patternType")
                elif in_fill and tag == "gradientFill":
                    pattern = "gradient"
                elif in_fill and tag == "fgColor" and pattern != "gradient":
                    colour = dict(elem.attrib)
                continue
            if tag in ("numFmts", "fills", "cellXfs", "cellStyleXfs", "dxfs"):
                section = ""
            elif section == "numFmts" and tag == "numFmt":
                formats[int(elem.get("numFmtId", "0"))] = elem.get("formatCode", "")
            elif section == "fills" and tag == "fill":
                fills.append(_filled(pattern, colour))
                in_fill = False
            elif section == "cellXfs" and tag == "xf":
                xfs.append((int(elem.get("numFmtId", "0")), int(elem.get("fillId", "0"))))
            elem.clear()
    styles = Styles()
    for fmt, fill in xfs:
        styles.shaded.append(0 <= fill < len(fills) and fills[fill])
        styles.percent.append(fmt in _PERCENT_BUILTIN or "%" in formats.get(fmt, ""))
    return styles


@dataclass
class SheetFacts:
    shaded: set[tuple[int, int]] = field(default_factory=set)
    percent: set[tuple[int, int]] = field(default_factory=set)
    formulas: dict[tuple[int, int], str] = field(default_factory=dict)
    errors: dict[tuple[int, int], str] = field(default_factory=dict)
    hidden_rows: set[int] = field(default_factory=set)
    hidden_cols: set[int] = field(default_factory=set)


@dataclass
class XlsxFacts:
    """Parts and styles of one workbook; `sheet(name)` streams that sheet's XML."""

    path: str
    parts: dict[str, str]  # sheet name -> part path
    styles: Styles
    date1904: bool

    def sheet(self, name: str) -> SheetFacts:
        part = self.parts.get(name)
        if part is None:
            return SheetFacts()
        scanner = _SheetScanner(self.styles)
        with zipfile.ZipFile(self.path) as archive, archive.open(part) as fh:
            scanner.parse(fh)
        return scanner.facts


class _SheetScanner:
    """One pass of expat over a sheet's XML, with callbacks: no element objects are built, which
    makes it several times faster than ElementTree.iterparse on sheets of styled empty cells."""

    def __init__(self, styles: Styles):
        self.styles, self.facts = styles, SheetFacts()
        self.row = self.col = 0
        self.in_data = False
        self.ref: str | None = None  # reference of the open cell, not parsed yet
        self.cell: tuple[bool, str] | None = None  # percent style? and type of the open <c>
        self.formula: tuple[str, dict] | None = None
        self.value: str | None = None
        self.text: list[str] | None = None  # characters being collected (<f>, or <v> of an error cell)
        self.text_attrs: dict = {}
        self.shared: dict[str, tuple[str, int, int]] = {}
        self.flags: dict[str | None, tuple[bool, bool]] = {}  # `s` attribute -> (shaded, percent)
        self.parser = expat.ParserCreate()

    def parse(self, fh) -> None:
        parser = self.parser
        parser.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)
        parser.buffer_text = True
        parser.StartElementHandler, parser.EndElementHandler = self.start, self.end
        parser.ParseFile(fh)

    def start(self, name: str, attrs: dict) -> None:
        tag = name.rpartition(":")[2] if ":" in name else name
        if tag == "c" and self.in_data:
            self.open_cell(attrs)
        elif self.cell is not None and tag in ("f", "v"):
            if tag == "f" or self.cell[1] == "e":
                self.text, self.text_attrs = [], attrs
                self.parser.CharacterDataHandler = self.characters  # text is collected only here
        elif tag == "row" and self.in_data:
            self.row, self.col, self.ref = int(attrs.get("r") or self.where()[0] + 1), 0, None
            if _true(attrs.get("hidden")):
                self.facts.hidden_rows.add(self.row)
        elif tag == "sheetData":
            self.in_data = True
        elif tag == "col" and _true(attrs.get("hidden")):
            low = int(attrs.get("min") or 1)
            self.facts.hidden_cols.update(range(low, int(attrs.get("max") or low) + 1))

    def open_cell(self, attrs: dict) -> None:
        # Most cells are plain; their reference is parsed only when a fact about them is recorded.
        ref = attrs.get("r")
        if ref:
            self.ref = ref
        else:
            self.row, self.col = self.where()
            self.col, self.ref = self.col + 1, None
        style = attrs.get("s")
        flags = self.flags.get(style)
        if flags is None:
            index = int(style or 0)
            flags = self.flags[style] = (self.styles.is_shaded(index), self.styles.is_percent(index))
        self.cell, self.formula, self.value = (flags[1], attrs.get("t") or "n"), None, None
        if flags[0]:
            self.facts.shaded.add(self.where())

    def where(self) -> tuple[int, int]:
        """(row, column) of the open cell."""
        match = _CELL_REF.match(self.ref) if self.ref else None
        if match:
            self.row, self.col, self.ref = int(match.group(2)), column_index(match.group(1)), None
        return self.row, self.col

    def characters(self, data: str) -> None:
        if self.text is not None:
            self.text.append(data)

    def end(self, name: str) -> None:
        tag = name.rpartition(":")[2] if ":" in name else name
        if self.text is not None and tag in ("f", "v"):
            if tag == "f":
                self.formula = ("".join(self.text), self.text_attrs)
            else:
                self.value = "".join(self.text)
            self.text = None
            self.parser.CharacterDataHandler = None
        elif tag == "c" and self.cell is not None:
            self.close_cell()
        elif tag == "sheetData":
            self.in_data = False

    def close_cell(self) -> None:
        percent, kind = self.cell
        self.cell = None
        if self.formula is not None:
            row, col = self.where()
            self.facts.formulas[(row, col)] = "=" + _formula_text(*self.formula, row, col, self.shared)
        elif kind == "e":
            self.facts.errors[self.where()] = self.value or ""
        elif kind == "n" and percent:
            self.facts.percent.add(self.where())


def _formula_text(text: str, attrs: dict, row: int, col: int, shared: dict) -> str:
    if attrs.get("t") != "shared" or attrs.get("si") is None:
        return text
    key = attrs.get("si")
    if text:
        shared[key] = (text, row, col)
        return text
    if key not in shared:
        return text
    master, master_row, master_col = shared[key]
    # small modules, imported here: only shared formulas need them
    from openpyxl.formula.tokenizer import TokenizerError
    from openpyxl.formula.translate import Translator, TranslatorError
    from openpyxl.utils import get_column_letter

    origin = f"{get_column_letter(master_col)}{master_row}"
    try:
        return Translator("=" + master, origin).translate_formula(f"{get_column_letter(col)}{row}")[1:]
    except (TokenizerError, TranslatorError, ValueError):  # still a formula: show the master's text
        return master


def _relationships(archive: zipfile.ZipFile, source: str) -> dict[str, tuple[str, str]]:
    """Id -> (type suffix, absolute part path) of a part's relationships."""
    folder, name = posixpath.split(source)
    rels = posixpath.join(folder, "_rels", name + ".rels")
    found: dict[str, tuple[str, str]] = {}
    if rels not in archive.NameToInfo:
        return found
    with archive.open(rels) as fh:
        for _, elem in iterparse(fh):
            if _local(elem.tag) == "Relationship" and elem.get("TargetMode") != "External":
                target = elem.get("Target", "")
                path = target.lstrip("/") if target.startswith("/") else posixpath.normpath(
                    posixpath.join(folder, target))
                found[elem.get("Id", "")] = (elem.get("Type", "").rsplit("/", 1)[-1], path)
    return found


def read_xlsx_facts(path: str) -> XlsxFacts:
    """The sheet parts, styles and date system of an .xlsx already checked by check_zip."""
    with zipfile.ZipFile(path) as archive:
        return _read_xlsx_facts(archive, path)


def _read_xlsx_facts(archive: zipfile.ZipFile, path: str) -> XlsxFacts:
    workbook = "xl/workbook.xml"
    rels = _relationships(archive, workbook)
    parts: dict[str, str] = {}
    date1904 = False
    with archive.open(workbook) as fh:
        for _, elem in iterparse(fh):
            tag = _local(elem.tag)
            if tag == "sheet":
                rid = next((v for k, v in elem.attrib.items() if _local(k) == "id"), "")
                if rid in rels and rels[rid][1] in archive.NameToInfo:
                    parts[elem.get("name", "")] = rels[rid][1]
            elif tag == "workbookPr":
                date1904 = _true(elem.get("date1904"))
    styles_part = next((path for kind, path in rels.values() if kind == "styles"), None)
    return XlsxFacts(path, parts, read_styles(archive, styles_part), date1904)
