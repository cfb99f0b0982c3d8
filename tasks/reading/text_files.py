"""The office's own text files (profil.toml, narasi.toml, pengaturan.toml, the CSV files), read the
way Notepad and Excel save them: UTF-8 with or without BOM, UTF-16, or the Windows "ANSI" code page; a TOML
mistake told with its line and what to write, in Indonesian."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

from tasks.problems import Problem

ENCODINGS = ("utf-8-sig", "cp1252", "latin-1")  # latin-1 decodes any byte: the last resort
_TOML_LINE = re.compile(r"\(at line (\d+), column (\d+)\)")
_TOML_EXPLAINED = (
    ("Expected '=' after a key", "setelah nama isian harus ada tanda ="),
    ("Invalid value", "nilai tidak sah (teks harus diapit tanda kutip \"...\")"),
    ("Unterminated string", "tanda kutip pembuka tanpa penutup"),
    ("Illegal character '\\n'", "tanda kutip pembuka tanpa penutup (teks satu baris harus ditutup \" sebelum akhir "
                                 "baris; teks beberapa baris diapit \"\"\"...\"\"\")"),
    ("Illegal character", "ada karakter yang tidak boleh"),
    ("Cannot declare", "bagian [..] atau isian ditulis dua kali"),
    ("Cannot overwrite a value", "isian ditulis dua kali"),
    ("Expected newline or end of document", "ada teks berlebih setelah nilai pada baris ini"),
    ("Invalid statement", "baris tidak dapat dibaca (bukan isian = nilai, bukan judul [bagian])"),
)


def read_text(path: Path) -> str:
    """The file's text, whether saved as UTF-16 with BOM or in one of ENCODINGS (OSError when it cannot be read)."""
    data = Path(path).read_bytes()
    utf16 = data.startswith((b"\xff\xfe", b"\xfe\xff"))  # Excel's "Unicode Text", Notepad's "UTF-16"
    for encoding in ("utf-16",) * utf16 + ENCODINGS:
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise AssertionError("latin-1 decodes every byte")



def first_line(path: Path) -> list[str]:
    """The file's first line (empty when it cannot be read or is empty)."""
    try:
        return read_text(path).splitlines()[:1]
    except OSError:
        return []


CLOSE_AND_RETRY = "tutup berkas di Excel bila sedang dibuka, lalu jalankan lagi"


def read_text_or_report(path: Path, problems, what: str, hint: str = CLOSE_AND_RETRY) -> str | None:
    """The file's text, or None with an error on `problems` ("berkas <what> tidak dapat dibaca: …")."""
    try:
        return read_text(path)
    except OSError as exc:
        problems.error(f"berkas {what} tidak dapat dibaca: {exc.strerror or exc}", hint=hint)
        return None

def toml_problem(path: Path, exc: tomllib.TOMLDecodeError, what: str) -> Problem:
    """A TOML syntax error as a Problem with its line, said in Indonesian."""
    message = str(exc)
    match = _TOML_LINE.search(message)
    line = int(match.group(1)) if match else None
    explained = next((text for english, text in _TOML_EXPLAINED if message.startswith(english)), "")
    detail = explained or _TOML_LINE.sub("", message).strip()
    return Problem(file=Path(path).name, message=f"{what} tidak dapat dibaca: {detail}", row=line,
                   cell=f"baris {line}" if line else "", value=message,
                   hint="tulis isian sebagai nama = \"teks\" atau nama = angka, satu per baris; judul bagian "
                        "seperti [satker] pada barisnya sendiri")


def load_toml(path: Path, what: str) -> tuple[dict | None, list[Problem]]:
    """A TOML file's data, or None with the problem that says why."""
    try:
        return tomllib.loads(read_text(path)), []
    except FileNotFoundError:
        return None, [Problem(file=Path(path).name, message=f"{what} tidak ditemukan")]
    except OSError as exc:
        return None, [Problem(file=Path(path).name, message=f"{what} tidak dapat dibaca: {exc.strerror or exc}")]
    except tomllib.TOMLDecodeError as exc:
        return None, [toml_problem(path, exc, what)]
