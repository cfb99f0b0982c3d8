"""Files that are not what they claim to be (BAD_INPUTS.md 22-25): a named cause, never a traceback."""

from __future__ import annotations

import hashlib
import zipfile
from pathlib import Path

import pytest

from tasks.problems import InputError
from tasks.rak import read_rak
from tasks.workbook import Workbook, is_ignored
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


def test_legacy_xls_is_read_from_its_marks(tmp_path):
    import xlwt

    from tests.builders import HEADER_TOP, ROWS

    book = xlwt.Workbook()
    ws = book.add_sheet("RAK")
    for col, text in enumerate(HEADER_TOP):
        if text:
            ws.write(0, col, text)
    for m in range(12):
        ws.write(1, 6 + m, f"B{m + 1}")
    for r, (k_no, keg, i_no, ind, target, akt, months, pel) in enumerate(ROWS, start=2):
        for col, value in zip((0, 1, 2, 3, 4, 5, 18), (f"{k_no}.", keg, i_no, ind, target, akt, pel)):
            ws.write(r, col, value)
        for m in months:
            ws.write(r, 6 + m - 1, "v")
    book.save(str(tmp_path / "RAK.xls"))
    rak = read_rak(tmp_path / "RAK.xls")
    assert len(rak.aktivitas) == 4 and len(rak.bulan) == 9
    assert any("arsiran" in p.message for p in rak.problems)
