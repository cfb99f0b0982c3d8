"""Files that are not what they claim to be (BAD_INPUTS.md 22-25): a named cause, never a traceback."""

from __future__ import annotations

import hashlib
import zipfile
from pathlib import Path

import pytest

from tasks.problems import InputError
from tasks.reading.rak import read_rak
from tasks.reading.workbook import Workbook, is_ignored
from tests.builders import write_rak


def cause(path: Path) -> str:
    with pytest.raises(InputError) as info:
        Workbook(path)
    (problem,) = info.value.problems
    assert problem.file == path.name
    return problem.message


def test_zero_byte_file(tmp_path):
    (tmp_path / "RAK.xlsx").write_bytes(b"")
    assert "0 byte" in cause(tmp_path / "RAK.xlsx")


def test_truncated_file(tmp_path):
    data = write_rak(tmp_path / "full.xlsx").read_bytes()
    (tmp_path / "RAK.xlsx").write_bytes(data[: len(data) // 2])
    assert "terpotong" in cause(tmp_path / "RAK.xlsx")


@pytest.mark.parametrize("content, word", [
    (b"kegiatan;indikator;target\n1;Jumlah laporan;1 laporan\n", "CSV"),
    (b"<html><body><table><tr><td>RAK</td></tr></table></body></html>", "HTML"),
])
def test_csv_or_html_saved_as_xlsx(tmp_path, content, word):
    (tmp_path / "RAK.xlsx").write_bytes(content)
    assert word in cause(tmp_path / "RAK.xlsx")


def test_password_protected_workbook(tmp_path):
    # An encrypted OOXML file is an OLE2 container holding EncryptionInfo and EncryptedPackage streams.
    header = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504
    stream_names = "EncryptionInfo".encode("utf-16-le") + "EncryptedPackage".encode("utf-16-le")
    (tmp_path / "RAK.xlsx").write_bytes(header + stream_names + b"\x00" * 1024)
    assert "kata sandi" in cause(tmp_path / "RAK.xlsx")


def test_word_document_named_xlsx(tmp_path):
    with zipfile.ZipFile(tmp_path / "RAK.xlsx", "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<document/>")
    assert "Word" in cause(tmp_path / "RAK.xlsx")


def test_xml_entity_expansion_is_refused_before_parsing(tmp_path):
    source = write_rak(tmp_path / "ok.xlsx")
    target = tmp_path / "RAK.xlsx"
    billion_laughs = ('<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
                      '<!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>')
    with zipfile.ZipFile(source) as src, zipfile.ZipFile(target, "w") as dst:
        for item in src.infolist():
            data = src.read(item)
            if item.filename == "xl/worksheets/sheet1.xml":
                data = billion_laughs.encode() + data.split(b"?>", 1)[-1]
            dst.writestr(item, data)
    assert "DTD" in cause(target)


def test_zip_bomb_is_refused_before_parsing(tmp_path):
    source = write_rak(tmp_path / "ok.xlsx")
    target = tmp_path / "RAK.xlsx"
    with zipfile.ZipFile(source) as src, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as dst:
        for item in src.infolist():
            dst.writestr(item, src.read(item))
        dst.writestr("xl/media/padding.bin", b"\0" * (300 * 1024 * 1024))
    assert "zip bomb" in cause(target)


def test_read_rak_reports_instead_of_raising(tmp_path):
    (tmp_path / "RAK.xlsx").write_bytes(b"")
    rak = read_rak(tmp_path / "RAK.xlsx")
    assert [p.message for p in rak.problems] == ["berkas kosong (0 byte)"]
    assert rak.indikator.empty


@pytest.mark.parametrize("name", ["~$RAK.xlsx", ".~lock.RAK.xlsx#", "desktop.ini", "Thumbs.db", "RAK.xlsx.tmp",
                                  ".DS_Store", "~WRL0001.tmp"])
def test_lock_and_temp_files_are_ignored(name):
    assert is_ignored(Path(name))


def test_real_files_are_not_ignored():
    assert not is_ignored(Path("RAK-2024.xlsx")) and not is_ignored(Path("realisasi-2024-TW1.xlsx"))


def test_xlsm_is_read(tmp_path):
    xlsx = write_rak(tmp_path / "RAK.xlsx")
    xlsm = tmp_path / "RAK.xlsm"
    xlsm.write_bytes(xlsx.read_bytes())
    assert len(read_rak(xlsm).aktivitas) == 4


def test_inputs_are_never_modified(tmp_path):
    path = write_rak(tmp_path / "RAK.xlsx")
    before = hashlib.sha256(path.read_bytes()).hexdigest(), path.stat().st_mtime_ns
    read_rak(path)
    assert (hashlib.sha256(path.read_bytes()).hexdigest(), path.stat().st_mtime_ns) == before


# --- the streamed sheet XML agrees with openpyxl's full load (the oracle it replaces) ----------------

def _tricky_workbook(path: Path) -> Path:
    """Fills of every colour kind, formats, formulas (also shared), errors, hidden rows/cols, 1904."""
    import openpyxl
    from openpyxl.styles import Color, PatternFill
    from openpyxl.utils.datetime import CALENDAR_MAC_1904

    book = openpyxl.Workbook()
    book.epoch = CALENDAR_MAC_1904
    ws = book.active
    ws.title = "Data"
    fills = [PatternFill("solid", fgColor="FFFF0000"), PatternFill("solid", fgColor="FFFFFFFF"),
             PatternFill("solid", fgColor=Color(theme=0)), PatternFill("solid", fgColor=Color(theme=0, tint=-0.15)),
             PatternFill("solid", fgColor=Color(theme=4)), PatternFill("solid", fgColor=Color(indexed=22)),
             PatternFill("gray125"), PatternFill(None), PatternFill("solid", fgColor="00FFFFFF")]
    for col, fill in enumerate(fills, start=1):
        ws.cell(row=1, column=col, value="x").fill = fill
    ws["A2"], ws["B2"], ws["C2"] = "=B2*2", 3, "#DIV/0!"
    ws["A3"], ws["B3"] = "=B3*2", 4
    for ref, fmt, value in [("D2", "0%", 0.5), ("E2", "0.0%", 0.25), ("F2", "0.00%", 0.1), ("G2", "0.0", 2),
                            ("H2", "0%", "teks")]:
        ws[ref] = value
        ws[ref].number_format = fmt
    ws["A7"], ws["B7"] = 1, 2
    ws["J1048576"].fill = fills[0]  # a stray formatted cell at the last row
    ws.row_dimensions[5].hidden = True
    ws.column_dimensions.group("K", "M", hidden=True)
    book.create_sheet("Kosong")
    book.save(path)
    # Excel writes copied formulas as one shared formula, and some writers omit cell references.
    with zipfile.ZipFile(path) as src:
        parts = {i.filename: src.read(i) for i in src.infolist()}
    xml = parts["xl/worksheets/sheet1.xml"].decode()
    xml = xml.replace("<f>B2*2</f>", '<f t="shared" ref="A2:A3" si="0">B2*2</f>')
    xml = xml.replace("<f>B3*2</f>", '<f t="shared" si="0"/>')
    xml = xml.replace('<c r="A7"', "<c").replace('<c r="B7"', "<c")
    parts["xl/worksheets/sheet1.xml"] = xml.encode()
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as dst:
        for name, data in parts.items():
            dst.writestr(name, data)
    return path


def _openpyxl_view(ws) -> dict:
    """What the readers used to take from openpyxl, computed the way they did."""
    def filled(fill) -> bool:
        if fill.fill_type in (None, "none"):
            return False
        color = fill.fgColor
        if color.type == "rgb":
            return str(color.rgb).upper() not in {"FFFFFFFF", "00FFFFFF", "FFFFFF", "00000000"}
        if color.type == "theme":
            return not (color.theme in (0, None) and not color.tint)
        return True

    cells = ws._cells.items()
    return {
        "shaded": {k for k, c in cells if filled(c.fill)},
        "formulas": {k: str(c.value) for k, c in cells if c.data_type == "f"},
        "errors": {k: str(c.value) for k, c in cells if c.data_type == "e"},
        "percent": {k for k, c in cells if c.data_type == "n" and "%" in (c.number_format or "")},
        "hidden_rows": {r for r, d in ws.row_dimensions.items() if d.hidden},
        "hidden_cols": {c for d in ws.column_dimensions.values() if d.hidden
                        for c in range(d.min or 1, (d.max or d.min or 1) + 1)},
    }


def test_sheet_xml_agrees_with_openpyxl(tmp_path):
    import openpyxl

    path = _tricky_workbook(tmp_path / "tricky.xlsx")
    grid = Workbook(path).grid("Data")
    oracle = _openpyxl_view(openpyxl.load_workbook(path)["Data"])
    ours = {"shaded": set(grid.shaded_cells), "formulas": grid.formulas, "errors": grid.errors,
            "percent": set(grid.percent_cells), "hidden_rows": set(grid.hidden_rows),
            "hidden_cols": set(grid.hidden_cols)}
    assert ours == oracle
    # and the oracle saw what the workbook was built to hold
    assert {(1, 1), (1, 4), (1, 5), (1, 6), (1048576, 10)} == ours["shaded"]  # gray125 names no colour
    assert ours["formulas"] == {(2, 1): "=B2*2", (3, 1): "=B3*2"}
    assert ours["errors"] == {(2, 3): "#DIV/0!"} and ours["percent"] == {(2, 4), (2, 5), (2, 6)}
    assert ours["hidden_rows"] == {5} and ours["hidden_cols"] == {11, 12, 13}
    assert grid.date1904 and not Workbook(path).grid("Kosong").shaded_cells


@pytest.mark.parametrize("part, cut", [("xl/styles.xml", 200), ("xl/worksheets/sheet1.xml", 400)])
def test_damaged_xml_part_is_a_clear_error(tmp_path, part, cut):
    """A part cut short (styles read by ElementTree, a sheet by expat) names the file, never a traceback."""
    path = _tricky_workbook(tmp_path / "tricky.xlsx")
    with zipfile.ZipFile(path) as src:
        parts = {i.filename: src.read(i) for i in src.infolist()}
    parts[part] = parts[part][:cut]
    broken = tmp_path / "rusak.xlsx"
    with zipfile.ZipFile(broken, "w") as dst:
        for name, data in parts.items():
            dst.writestr(name, data)
    with pytest.raises(InputError) as info:
        Workbook(broken).grid("Data")
    (problem,) = info.value.problems
    assert problem.file == "rusak.xlsx" and "tidak dapat dibaca" in problem.message
