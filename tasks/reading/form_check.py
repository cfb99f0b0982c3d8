"""A realisation form tied to its RAK by content, not by code alone (issue 12, item 2).

A form carries, on a sheet staff never see, the fingerprint of the RAK it was made from; and every
row carries the RAK's own text beside its code (kegiatan, indicator, target, activity). Reading
checks each row's text against the RAK's for that code: a form made from another version of the
RAK, rows sorted without their code column, a realisation typed over the prefilled target, a row
deleted: each is a located error naming both texts and cells, and the row's figures are never
credited to the indicator the code now names.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass

from tasks.frames import row_tuples
from tasks.problems import Problems
from tasks.reading.form_sheet import FormSheet
from tasks.reading.parse import normalize_key, normalize_text
from tasks.reading.rak import Rak

META_SHEET = "_lkip"  # very hidden: staff cannot unhide it from Excel's menu
FINGERPRINT_LABEL = "sidik_rak"
CARRY_HINT = ("formulir ini tidak cocok dengan RAK yang sekarang: bila RAK direvisi, pindahkan isian formulir lama ke "
              "formulir dari RAK baru dengan 'lkip carry-over'; bila baris diurutkan atau diubah, kembalikan urutan "
              "dan isi kolom yang dikunci seperti semula")


def rak_fingerprint(rak: Rak) -> str:
    """What a form copies from the RAK (codes with their kegiatan, indicator, target and activity
    texts), hashed: two RAKs with the same fingerprint give the same form rows."""
    content = {
        "kegiatan": [[k.kode, normalize_key(k.nama)] for k in row_tuples(rak.kegiatan)],
        "indikator": [[i.kode, normalize_key(i.nama), normalize_key(i.target_teks)] for i in row_tuples(rak.indikator)],
        "aktivitas": [[a.kode, a.indikator_kode, normalize_key(a.nama)] for a in row_tuples(rak.aktivitas)],
    }
    return hashlib.sha256(json.dumps(content, ensure_ascii=False).encode()).hexdigest()[:32]


@dataclass
class RakIndex:
    """The RAK as the form's rows are checked against it, and how the form's fingerprint compares."""

    file: str
    kegiatan: dict[str, str]  # kode -> nama
    indikator: dict[str, tuple]  # kode -> (kegiatan nama, nama, target_teks, row)
    aktivitas: dict[str, tuple]  # kode -> (indikator kode, nama, row)
    fingerprint: str
    form_fingerprint: str | None = None  # None: a form written before forms carried one

    @classmethod
    def of(cls, rak: Rak) -> RakIndex:
        kegiatan = {k.kode: k.nama for k in row_tuples(rak.kegiatan)}
        return cls(file=rak.file, kegiatan=kegiatan,
                   indikator={i.kode: (kegiatan.get(i.kegiatan_kode, ""), i.nama, i.target_teks, i.sumber_baris)
                              for i in row_tuples(rak.indikator)},
                   aktivitas={a.kode: (a.indikator_kode, a.nama, a.sumber_baris) for a in row_tuples(rak.aktivitas)},
                   fingerprint=rak_fingerprint(rak))

    @property
    def revised(self) -> bool:
        """The form was made from another version of the RAK."""
        return self.form_fingerprint is not None and self.form_fingerprint != self.fingerprint


def _same(a, b) -> bool:
    return normalize_key(a) == normalize_key(b)


def _mismatch(sheet: FormSheet, row: int, key: str, label: str, kode: str, found, wanted, rak_row: int,
              index: RakIndex, problems: Problems) -> None:
    problems.error(f"{label} pada baris kode {kode} tidak sama dengan RAK: di formulir '{normalize_text(found)}', "
                   f"di RAK '{normalize_text(wanted)}' ({index.file} baris {rak_row}); isian baris ini tidak dipakai",
                   hint=CARRY_HINT, **sheet.where(row, key))


def indikator_matches(sheet: FormSheet, row: int, kode: str, index: RakIndex, problems: Problems) -> bool:
    """The row's kegiatan, indicator and target texts are the RAK's for `kode`."""
    kegiatan, nama, target, rak_row = index.indikator[kode]
    ok = True
    for key, label, wanted in (("indikator", "teks indikator", nama), ("kegiatan", "nama kegiatan", kegiatan)):
        if key in sheet.cols and not _same(sheet.raw(row, key), wanted):
            _mismatch(sheet, row, key, label, kode, sheet.raw(row, key), wanted, rak_row, index, problems)
            ok = False
    if ok and "target" in sheet.cols and not _same(sheet.raw(row, "target"), target):
        found = normalize_text(sheet.raw(row, "target"))
        typed_over = not sheet.text(row, "realisasi")
        guess = "; realisasi diketik di kolom Target?" if typed_over else ""
        problems.error(f"kolom Target Tahunan kode {kode} berisi '{found}', bukan target RAK '{target}'{guess}. "
                       "Isian baris ini tidak dipakai",
                       hint="kembalikan target seperti di RAK dan tulis realisasi di kolom Realisasi",
                       **sheet.where(row, "target"))
        ok = False
    return ok


def aktivitas_matches(sheet: FormSheet, row: int, kode: str, index: RakIndex, problems: Problems) -> bool:
    """The row's activity text and indicator code are the RAK's for `kode`."""
    indikator, nama, rak_row = index.aktivitas[kode]
    ok = True
    if "aktivitas" in sheet.cols and not _same(sheet.raw(row, "aktivitas"), nama):
        _mismatch(sheet, row, "aktivitas", "teks aktivitas", kode, sheet.raw(row, "aktivitas"), nama, rak_row,
                  index, problems)
        ok = False
    if "indikator_kode" in sheet.cols and sheet.text(row, "indikator_kode") not in ("", indikator):
        _mismatch(sheet, row, "indikator_kode", "kode indikator", kode, sheet.raw(row, "indikator_kode"), indikator,
                  rak_row, index, problems)
        ok = False
    return ok


def kegiatan_matches(sheet: FormSheet, row: int, kode: str, index: RakIndex, problems: Problems) -> bool:
    """A budget row's kegiatan name is the RAK's for `kode`."""
    wanted = index.kegiatan[kode]
    if "kegiatan" in sheet.cols and not _same(sheet.raw(row, "kegiatan"), wanted):
        _mismatch(sheet, row, "kegiatan", "nama kegiatan", kode, sheet.raw(row, "kegiatan"), wanted, 0, index, problems)
        return False
    return True


def report_missing(sheet: FormSheet, what: str, expected: list[str], seen: set[str], index: RakIndex,
                   problems: Problems) -> None:
    """RAK codes with no row in the form: deleted rows (an error), or, in a form made from an earlier
    RAK, what the revision added (a warning: those are 'belum dilaporkan')."""
    missing = [kode for kode in expected if kode not in seen]
    if not missing:
        return
    listed = ", ".join(missing[:10]) + (f" dan {len(missing) - 10} lainnya" if len(missing) > 10 else "")
    if index.revised:
        problems.warn(f"{what} {listed} ada di RAK tetapi tidak di formulir ini (formulir dari RAK versi lain): "
                      "dianggap belum dilaporkan", sheet=sheet.grid.sheet, hint=CARRY_HINT)
    else:
        problems.error(f"{what} {listed} ada di RAK tetapi barisnya tidak ada di formulir (terhapus?)",
                       sheet=sheet.grid.sheet, hint="jangan menghapus baris formulir; buat ulang formulir dengan "
                                                    "'lkip template' atau salin barisnya dari formulir asli")


def read_form_fingerprint(values: dict[str, str]) -> str | None:
    """The RAK fingerprint a form carries on its meta sheet (label -> value), when it has one."""
    value = normalize_text(values.get(FINGERPRINT_LABEL, ""))
    return value or None
