"""Small workbooks built inside tests: a RAK in the printed layout, altered one mistake at a time."""

from __future__ import annotations

from pathlib import Path
from typing import Callable

from openpyxl import Workbook
from openpyxl.styles import PatternFill

SHADE = PatternFill("solid", fgColor="A6A6A6")
UNITS = "Sub Bagian Perencanaan, Data dan Informasi"

# (kegiatan no, kegiatan, indikator no, indikator, target, aktivitas, months, pelaksana)
ROWS = [
    (1, "Perencanaan Penganggaran Pemilu", 1, "Jumlah dokumen perencanaan", "2 laporan",
     "Penyusunan RKAKL", [1, 2], UNITS),
    (1, "Perencanaan Penganggaran Pemilu", 1, "Jumlah dokumen perencanaan", "2 laporan",
     "Revisi anggaran", [6], UNITS),
    (1, "Perencanaan Penganggaran Pemilu", 2, "Persentase anggaran terserap", "95%",
     "Monitoring realisasi anggaran", [3, 6, 9, 12], "Sub Bagian Keuangan, Umum dan Logistik"),
    (2, "Pembentukan Badan Adhoc (3360)", 1, "Persentase badan adhoc dilatih", "80-90%",
     "Pelatihan PPK", [4, 5], "Sub Bagian SDM dan Parmas"),
]
HEADER_TOP = ["Sasaran Strategis/Kegiatan", None, "Indikator Kinerja Kegiatan", None, "Target",
              "Kegiatan yang akan dilaksanakan", "Rencana Pelaksanaan"] + [None] * 11 + ["Pelaksana"]
FIRST_DATA_ROW = 7  # title 1-2, blank 3, header 4-5, column numbers 6


def month_labels(style: str = "B") -> list:
    names = ["Jan", "Feb", "Mar", "Apr", "Mei", "Jun", "Jul", "Agu", "Sep", "Okt", "Nov", "Des"]
    full = ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober",
            "November", "Desember"]
    return {"B": [f"B{m}" for m in range(1, 13)], "digits": list(range(1, 13)), "short": names,
            "full": full}[style]


def write_rak(path: Path, rows=ROWS, *, months: str = "B", mark: str | None = None, merge: bool = True,
              title: bool = True, mutate: Callable | None = None) -> Path:
    """A RAK in the printed layout; `mark` writes a character in planned months instead of shading."""
    book = Workbook()
    ws = book.active
    ws.title = "RAK"
    start = 4 if title else 1
    if title:
        ws["A1"] = "RENCANA AKSI KINERJA (RAK)"
        ws["A2"] = "KPU KABUPATEN CONTOH TAHUN 2024"
    _header(ws, start, months)
    first = start + 3
    for offset, row in enumerate(rows):
        _data_row(ws, first + offset, row, mark)
    if merge:
        _merge_blocks(ws, rows, first)
    if mutate is not None:
        mutate(ws)
    book.save(path)
    return path


def _header(ws, row: int, months: str) -> None:
    for col, text in enumerate(HEADER_TOP, start=1):
        if text:
            ws.cell(row=row, column=col, value=text)
    for col, label in enumerate(month_labels(months), start=7):
        ws.cell(row=row + 1, column=col, value=label)
    for rng in ("A{r}:B{s}", "C{r}:D{s}", "E{r}:E{s}", "F{r}:F{s}", "G{r}:R{r}", "S{r}:S{s}"):
        ws.merge_cells(rng.format(r=row, s=row + 1))
    ws.merge_cells(f"A{row + 2}:B{row + 2}")
    ws.merge_cells(f"C{row + 2}:D{row + 2}")
    for col, number in zip([1, 3] + list(range(5, 20)), range(1, 18)):
        ws.cell(row=row + 2, column=col, value=number)


def _data_row(ws, row: int, values, mark: str | None) -> None:
    k_no, kegiatan, i_no, indikator, target, aktivitas, months, pelaksana = values
    for col, value in zip((1, 2, 3, 4, 5, 6, 19), (f"{k_no}.", kegiatan, i_no, indikator, target, aktivitas,
                                                      pelaksana)):
        ws.cell(row=row, column=col, value=value)
    for month in months:
        cell = ws.cell(row=row, column=6 + month)
        if mark is None:
            cell.fill = SHADE
        else:
            cell.value = mark


def _merge_blocks(ws, rows, first: int) -> None:
    """Merge kegiatan, indicator and target cells over their rows, blank the covered cells."""
    for cols, key in (((1, 2), lambda r: r[0]), ((3, 4, 5), lambda r: (r[0], r[2]))):
        start = 0
        for i in range(1, len(rows) + 1):
            if i == len(rows) or key(rows[i]) != key(rows[start]):
                if i - start > 1:
                    for col in cols:
                        for r in range(first + start + 1, first + i):
                            ws.cell(row=r, column=col).value = None
                        ws.merge_cells(start_row=first + start, start_column=col, end_row=first + i - 1,
                                       end_column=col)
                start = i


# --- office folders built from the sample (the sample itself is never written) ---------------------

SAMPLE_OFFICE = Path(__file__).resolve().parents[1] / "data" / "pasaman-barat-2024"


def settled_copy(folder: Path) -> Path:
    """A copy of the sample office-year whose attribute file settles every inferred attribute (the
    lines its warnings ask for), so that a run on it has nothing to tell."""
    import re
    import shutil

    from tasks.reading.office import load_inputs

    shutil.copytree(SAMPLE_OFFICE, folder, ignore=shutil.ignore_patterns("sumber"))
    asked = [m.group(1) for p in load_inputs([folder], 2024).problems
             for m in [re.search(r"menulis baris '([^']+)'", p.hint)] if m]
    assert asked  # the sample leaves attributes to infer: the lines asked for are in the file's own layout
    with (folder / "atribut-indikator.csv").open("a", encoding="utf-8") as handle:
        handle.write("".join(f"{line}\n" for line in asked))
    return folder


def office_year_without_forms(root: Path, year: int) -> Path:
    """`root/<year>`: the sample's RAK retitled for `year`, its profile and text files, no form yet."""
    import shutil

    from openpyxl import load_workbook

    folder = Path(root) / str(year)
    folder.mkdir(parents=True)
    for name in ("profil.toml", "atribut-indikator.csv", "narasi.toml"):
        shutil.copy(SAMPLE_OFFICE / name, folder / name)
    book = load_workbook(SAMPLE_OFFICE / "RAK-2024.xlsx")
    sheet = book.worksheets[0]
    sheet["A2"] = f"KPU KABUPATEN PASAMAN BARAT TAHUN {year}"
    sheet.title = f"RAK {year}"
    book.save(folder / f"RAK-{year}.xlsx")
    return folder


def set_form_cell(path: Path, sheet: str, cell: str, value) -> None:
    """Change one cell of a form copy (as a staffer typing into it would)."""
    from openpyxl import load_workbook

    book = load_workbook(path)
    book[sheet][cell] = value
    book.save(path)
