"""How a run ends, told to people: the outcome (done, done with warnings, failed, waiting for data),
its one-paragraph Indonesian message, and what is written for staff in the shared folder (the status
file, the problems workbook, the annotated copies of their workbooks).

Pure apart from `tell_staff`, which writes through tasks.publishing.feedback.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from pathlib import Path, PureWindowsPath
from zoneinfo import ZoneInfo

from tasks.pipeline.request import RunRequest
from tasks.problems import Problem, Severity, UserError
from tasks.publishing.feedback import (
    ANNOTATED_DIR,
    STATUS_NAME,
    annotate_inputs,
    clear_annotated,
    clear_feedback,
    shown,
    write_problems_workbook,
    write_status,
)
from tasks.publishing.lock import RunLockError
from tasks.publishing.names import PublishError, office_folder, problems_path
from tasks.publishing.share import SHARE_UNREACHABLE, Published
from tasks.reading.parse import MONTHS_ID

SELESAI, PERINGATAN, GAGAL, MENUNGGU = "selesai", "peringatan", "gagal", "menunggu"
STATE_NAMES = {SELESAI: "Selesai", PERINGATAN: "Selesai dengan peringatan", GAGAL: "Gagal",
               MENUNGGU: "Menunggu data"}
ZONE = ZoneInfo("Asia/Jakarta")


@dataclass(frozen=True)
class Outcome:
    """How one run ended: its kind (SELESAI, PERINGATAN, GAGAL, MENUNGGU) and its message for people."""

    kind: str
    message: str
    problems: list[Problem] = field(default_factory=list)
    published: list[Published] = field(default_factory=list)
    error: Exception | None = None

    @property
    def state_name(self) -> str:
        return STATE_NAMES[self.kind]


def run_label(year: int, month: int | None) -> str:
    """What a run makes, as staff say it: 'LKIP 2024' or 'Bulanan 2024-05'."""
    return f"LKIP {year}" if month is None else f"Bulanan {year}-{month:02d}"


def when_text(moment: datetime.datetime) -> str:
    """'2 Desember 2026 pukul 13.05 WIB'."""
    local = moment.astimezone(ZONE)
    return f"{local.day} {MONTHS_ID[local.month - 1]} {local.year} pukul {local:%H.%M} WIB"


def _errors(problems: list[Problem]) -> list[Problem]:
    return [p for p in shown(problems) if p.severity is Severity.ERROR]


def _first(p: Problem) -> str:
    return f"{p.where()}: {p.message}" + (f" ({p.hint})" if p.hint else "")


def failure_message(problems: list[Problem]) -> str:
    """One paragraph: how many errors in which files, the first one, and where the full list is."""
    errors = _errors(problems)
    files = sorted({p.file for p in errors})
    more = f" dan {len(errors) - 1} galat lainnya" if len(errors) > 1 else ""
    return (f"Masukan belum valid; tidak ada laporan baru yang diterbitkan: {len(errors)} galat pada "
            f"{len(files)} berkas ({', '.join(files[:4])}{', …' if len(files) > 4 else ''}). Pertama: "
            f"{_first(errors[0]) if errors else '-'}{more}. Daftar lengkap: berkas Daftar-Masalah dan salinan "
            f"bertanda di folder {ANNOTATED_DIR}, di folder laporan satker pada folder bersama.")


def outcome_of(problems: list[Problem], published: list[Published]) -> Outcome:
    """A run that published: done, or done with warnings (input warnings, or a report under another name)."""
    warnings = [p for p in shown(problems) if p.severity is Severity.WARNING]
    notes = [item for item in published if item.catatan]
    if not warnings and not notes:
        return Outcome(SELESAI, f"{len(published)} berkas diterbitkan tanpa masalah.", problems, published)
    parts = [f"{len(published)} berkas diterbitkan"]
    if warnings:
        parts.append(f"{len(warnings)} peringatan pada masukan (pertama: {_first(warnings[0])})")
    if notes:
        parts.append(f"{len(notes)} catatan penerbitan (pertama: {notes[0].catatan})")
    return Outcome(PERINGATAN, "; ".join(parts) + ".", problems, published)


def failed(error: Exception, problems: list[Problem] | None = None) -> Outcome:
    """A run stopped by an expected error (a UserError: the share, the lock, publishing, the inputs)."""
    if getattr(error, "problems", None):  # invalid inputs: the first error and where the full list is
        return Outcome(GAGAL, failure_message(error.problems), problems or error.problems, error=error)
    message = error.message if isinstance(error, UserError) else str(error)
    hint = getattr(error, "hint", "")
    return Outcome(GAGAL, message + (f" Saran: {hint}" if hint else ""), problems or [], error=error)


def not_told(outcome: Outcome) -> str:
    """Why an outcome is not written to the office's folder ('' when it is): a run refused by the lock
    leaves the status to the run holding it, and a share that cannot be reached cannot be written."""
    if isinstance(outcome.error, RunLockError):
        return "laporan sedang dibuat oleh proses lain, yang menulis statusnya sendiri"
    if isinstance(outcome.error, PublishError) and SHARE_UNREACHABLE in outcome.error.message:
        return SHARE_UNREACHABLE
    return ""


def waiting(reason: str) -> Outcome:
    return Outcome(MENUNGGU, f"Menunggu data: {reason}")


# --- told in the shared folder -------------------------------------------------------------------

def display_path(path: Path, request: RunRequest) -> str:
    """A path as staff see it: under the display root (e.g. \\\\server\\bersama) when one is set."""
    if not request.display_root:
        return str(path)
    relative = Path(path).resolve().relative_to(Path(request.out_dir).resolve())
    if "\\" in request.display_root:
        return str(PureWindowsPath(request.display_root, *relative.parts))
    return request.display_root.rstrip("/") + "/" + relative.as_posix()


ROLLUP = "rekap nasional"


def status_text(office: str, request: RunRequest, outcome: Outcome, started: datetime.datetime,
                next_run: datetime.datetime | None, workbook: Path | None, annotated: bool = False,
                via: str = "") -> str:
    """The status file: the last run, its result, what to do, the next scheduled run. `via`: the run
    was part of a larger one (ROLLUP), which neither knows nor changes the office's own schedule."""
    lines = [f"Status laporan {office} tahun {request.year}", "",
             f"Proses terakhir   : {run_label(request.year, request.month)}, {when_text(started)}"
             + (f" (bagian dari {via})" if via else ""),
             f"Hasil             : {outcome.state_name.upper()}", f"Keterangan        : {outcome.message}"]
    if outcome.published:
        lines += ["", "Berkas yang diterbitkan:"] + [f"  - {display_path(p.path, request)}"
                                                    + (f" ({p.catatan})" if p.catatan else "")
                                                    for p in outcome.published]
    if workbook is not None:
        copies = (f" Salinan berkas Anda dengan sel bermasalah ditandai (dan komentar di setiap sel) ada di "
                  f"{display_path(workbook.parent / ANNOTATED_DIR, request)}." if annotated else "")
        lines += ["", f"Yang harus dilakukan: buka {display_path(workbook, request)}; setiap masalah tertulis "
                      f"dengan berkas, sheet, sel, nilai dan sarannya.{copies} Perbaiki berkas asli Anda di folder "
                      f"masukan, bukan salinannya."]
    if outcome.kind == GAGAL:
        lines += ["", "Laporan yang sudah terbit sebelumnya tidak diubah."]
    lines += ["", "Proses berikutnya : " + (when_text(next_run) if next_run else
                                              f"sesuai jadwal satker sendiri (tidak diubah oleh {via})" if via
                                              else "tidak ada jadwal (hanya dijalankan manual)")]
    return "\n".join(lines) + "\n"


def tell_staff(request: RunRequest, kode: str, office: str, outcome: Outcome, started: datetime.datetime,
               next_run: datetime.datetime | None = None, via: str = "") -> list[Path]:
    """Write the status file; the problems workbook and annotated copies when there is something to
    tell, else remove those of an earlier run. Returns the files written."""
    folder = office_folder(request.out_dir, kode, request.year)
    workbook = problems_path(request.out_dir, kode, request.year, office)
    listed = shown(outcome.problems)
    written: list[Path] = []
    copies: list[Path] = []
    if listed:
        title = f"Masalah pada berkas masukan {office} tahun {request.year} ({when_text(started)})"
        written.append(write_problems_workbook(listed, workbook, title))
        clear_annotated(folder)  # the copies of an earlier run: replaced as a whole
        copies, _ = annotate_inputs(request.input_dir, listed, folder / ANNOTATED_DIR)
        written += copies
    else:
        clear_feedback(folder, workbook)
    text = status_text(office, request, outcome, started, next_run, workbook if listed else None, bool(copies),
                       via)
    written.append(write_status(folder / STATUS_NAME, text))
    return written
