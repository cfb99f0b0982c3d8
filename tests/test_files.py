"""The writer toolbox (tasks/files.py): atomic writes and byte-stable zips."""

from __future__ import annotations

import io
import os
import zipfile

import pytest
from openpyxl import Workbook, load_workbook

from tasks.files import TMP_PREFIX, StableZip, atomic_save, atomic_write, freeze_zip, put_text_safe, save_stable


def test_atomic_write_replaces_the_whole_file_or_nothing(tmp_path):
    target = tmp_path / "laporan.txt"
    target.write_bytes(b"lama")

    def fails(handle):
        handle.write(b"setengah")
        raise OSError(28, "No space left on device")

    with pytest.raises(OSError):
        atomic_write(target, fails)
    assert target.read_bytes() == b"lama" and os.listdir(tmp_path) == ["laporan.txt"]
    atomic_write(target, lambda handle: handle.write(b"baru"))
    assert target.read_bytes() == b"baru" and os.listdir(tmp_path) == ["laporan.txt"]


def test_atomic_save_lets_a_library_write_a_temporary_file_beside_the_target(tmp_path):
    seen = []

    def save(path):
        seen.append(path)
        path.write_text("isi", encoding="utf-8")

    out = atomic_save(tmp_path / "sub" / "a.txt", save, durable=False)
    assert out.read_text(encoding="utf-8") == "isi"
    assert seen[0].parent == out.parent and seen[0].name.startswith(TMP_PREFIX)


def test_stable_zip_gives_zipfiles_bytes_at_its_defaults(tmp_path):
    entries = [("[Content_Types].xml", b"<Types/>" * 50), ("word/document.xml", "ä".encode() * 300),
               ("word/media/image1.png", b"\x89PNG" + bytes(200))]
    ours = tmp_path / "ours.zip"
    with StableZip(ours, date=(2024, 1, 15, 8, 0, 0)) as out:
        for name, data in entries:
            out.write(name, data)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as theirs:
        for name, data in entries:
            info = zipfile.ZipInfo(name, (2024, 1, 15, 8, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            theirs.writestr(info, data)
    assert ours.read_bytes() == buffer.getvalue()


def test_stable_zip_stores_pictures_and_is_read_back(tmp_path):
    path = tmp_path / "a.docx"
    with StableZip(path, level=3, stored=(".png",)) as out:
        out.write("word/document.xml", b"<w:document/>" * 100)
        out.write("word/media/image1.png", b"\x89PNG" + bytes(100))
    with zipfile.ZipFile(path) as package:
        assert package.testzip() is None
        assert package.getinfo("word/media/image1.png").compress_type == zipfile.ZIP_STORED
        assert {i.date_time for i in package.infolist()} == {(1980, 1, 1, 0, 0, 0)}


def test_save_stable_makes_a_librarys_package_byte_stable(tmp_path):
    def book():
        wb = Workbook()
        wb.active["A1"] = "Capaian"
        return wb

    first = save_stable(tmp_path / "a.xlsx", book().save)
    second = save_stable(tmp_path / "b.xlsx", book().save)
    assert first.read_bytes() == second.read_bytes()
    assert load_workbook(first).active["A1"].value == "Capaian"
    assert sorted(os.listdir(tmp_path)) == ["a.xlsx", "b.xlsx"]
    frozen = freeze_zip(first, tmp_path / "c.xlsx", date=(2024, 1, 15, 8, 0, 0))
    assert b"2024-01-15T08:00:00Z" in zipfile.ZipFile(frozen).read("docProps/core.xml")


def test_text_that_looks_like_a_formula_stays_text(tmp_path):
    wb = Workbook()
    put_text_safe(wb.active, 1, 1, '=HYPERLINK("http://x","klik")')
    put_text_safe(wb.active, 2, 1, 5)
    wb.save(tmp_path / "a.xlsx")
    ws = load_workbook(tmp_path / "a.xlsx").active
    assert ws["A1"].data_type == "s" and ws["A1"].value.startswith("=HYPERLINK") and ws["A2"].value == 5
