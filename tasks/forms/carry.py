"""`lkip carry-over`: when the RAK is revised mid-year, every value already filled in the forms made
from the old RAK is carried into new forms made from the new RAK, matched by content (the kegiatan
and indicator texts, the activity text), never by code, since a revision renumbers codes. What
cannot be carried, and what the new RAK adds, is listed. The old forms are never modified.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from tasks.files import atomic_save
from tasks.forms.writer import build_form, form_name
from tasks.problems import InputError, Problems
from tasks.reading import form_layout as form
from tasks.reading.form_sheet import FormSheet, resolve_sheet
from tasks.reading.parse import normalize_key
from tasks.reading.profile import Profile
from tasks.reading.rak import Rak
from tasks.reading.realisasi import parse_identitas, read_identitas
from tasks.reading.workbook import Workbook

IDENTITAS_INPUTS = ("tanggal", "pengisi")


@dataclass
class CarryReport:
    """What one old form gave its new form."""

    source: str
    target: Path | None = None
    carried: int = 0  # cells
    not_carried: list[str] = field(default_factory=list)  # old rows with values that match nothing in the new RAK
    unfilled: list[str] = field(default_factory=list)  # new rows no old row matched
    problems: list = field(default_factory=list)


@dataclass(frozen=True)
class _OldRow:
    key: tuple
    label: str  # for the report: code and text as in the old form
    values: dict  # column key -> (value, number format or None)


def _inputs(sheet: FormSheet, row: int) -> dict:
    values = {}
    for spec in sheet.specs:
        if not spec.input or spec.key not in sheet.cols:
            continue
        col = sheet.cols[spec.key]
        value = sheet.grid.value(row, col)
        if value in ("", None) or (row, col) in sheet.grid.formulas or (row, col) in sheet.grid.errors:
            continue
        values[spec.key] = (value, "0.00%" if (row, col) in sheet.grid.percent_cells else None)
    return values


def _old_rows(book: Workbook, triwulan: int, problems: Problems) -> dict[str, list[_OldRow]]:
    """The old form's filled rows per sheet, each keyed by its texts."""
    specs = {form.SHEET_INDIKATOR: form.indikator_columns(), form.SHEET_AKTIVITAS: form.aktivitas_columns(triwulan),
             form.SHEET_ANGGARAN: form.anggaran_columns(triwulan)}
    sheets = {w: FormSheet(book.grid(n), problems, specs[w])
              for w in specs if (n := resolve_sheet(book, w, problems))}
    rows: dict[str, list[_OldRow]] = {w: [] for w in specs}
    indicator_of: dict[str, tuple] = {}
    if form.SHEET_INDIKATOR in sheets:
        sheet = sheets[form.SHEET_INDIKATOR]
        for row in sheet.data_rows():
            key = (normalize_key(sheet.raw(row, "kegiatan")), normalize_key(sheet.raw(row, "indikator")))
            indicator_of[sheet.text(row, "kode")] = key
            rows[form.SHEET_INDIKATOR].append(_OldRow(key, f"{sheet.text(row, 'kode')} {sheet.text(row, 'indikator')}",
                                                      _inputs(sheet, row)))
    if form.SHEET_AKTIVITAS in sheets:
        sheet = sheets[form.SHEET_AKTIVITAS]
        for row in sheet.data_rows():
            parent = indicator_of.get(sheet.text(row, "indikator_kode"), ("", ""))
            rows[form.SHEET_AKTIVITAS].append(_OldRow((*parent, normalize_key(sheet.raw(row, "aktivitas"))),
                                                      f"{sheet.text(row, 'kode')} {sheet.text(row, 'aktivitas')}",
                                                      _inputs(sheet, row)))
    if form.SHEET_ANGGARAN in sheets:
        sheet = sheets[form.SHEET_ANGGARAN]
        for row in sheet.data_rows():
            key = (normalize_key(sheet.raw(row, "kegiatan")), sheet.text(row, "sumber_dana").upper())
            rows[form.SHEET_ANGGARAN].append(_OldRow(key, f"{sheet.text(row, 'kegiatan_kode')} "
                                                          f"{sheet.text(row, 'sumber_dana')}", _inputs(sheet, row)))
    return rows


def _new_keys(ws, specs: list[form.Column], sheet: str, parents: dict[str, tuple]) -> dict[tuple, int]:
    """The new form's rows by the same content keys (row numbers of `ws`)."""
    col = {spec.key: i for i, spec in enumerate(specs, start=1)}
    keys = {}
    for row in range(form.HEADER_ROW + 1, ws.max_row + 1):
        cell = lambda key: ws.cell(row=row, column=col[key]).value  # noqa: E731 - one-line lookup
        if sheet == form.SHEET_INDIKATOR:
            key = (normalize_key(cell("kegiatan")), normalize_key(cell("indikator")))
            parents[cell("kode")] = key
        elif sheet == form.SHEET_AKTIVITAS:
            key = (*parents.get(cell("indikator_kode"), ("", "")), normalize_key(cell("aktivitas")))
        else:
            key = (normalize_key(cell("kegiatan")), str(cell("sumber_dana") or "").upper())
        keys[key] = row
    return keys


def carry_form(path: Path, rak: Rak, profile: Profile, out_dir: Path, force: bool = False) -> CarryReport:
    """One old form's values in a new form of the same year and quarter made from `rak`."""
    report = CarryReport(source=Path(path).name)
    problems = Problems(Path(path).name)
    try:
        book = Workbook(Path(path))
        identitas = resolve_sheet(book, form.SHEET_IDENTITAS, problems)
        _, tahun, triwulan = parse_identitas(book.grid(identitas), problems) if identitas else ("", None, None)
        if tahun is None or triwulan is None:
            report.problems = problems.items
            return report
        old = _old_rows(book, triwulan, problems)
        old_identitas = {key: value for key, (value, _) in read_identitas(book.grid(identitas), problems).items()
                         if key in IDENTITAS_INPUTS and value not in ("", None)}
    except InputError as exc:
        report.problems = problems.items + exc.problems
        return report
    target = Path(out_dir) / form_name(tahun, triwulan)
    if target.resolve() == Path(path).resolve() or (target.exists() and not force):
        raise FileExistsError(f"{target} sudah ada dan tidak ditimpa (gunakan --force, di folder lain dari "
                              "formulir lama)")
    new = build_form(rak, profile, tahun, triwulan)
    specs = {form.SHEET_INDIKATOR: form.indikator_columns(), form.SHEET_AKTIVITAS: form.aktivitas_columns(triwulan),
             form.SHEET_ANGGARAN: form.anggaran_columns(triwulan)}
    parents: dict[str, tuple] = {}
    for sheet, columns in specs.items():
        ws = new[sheet]
        keys = _new_keys(ws, columns, sheet, parents)
        col = {spec.key: i for i, spec in enumerate(columns, start=1)}
        matched = set()
        for item in old[sheet]:
            row = keys.get(item.key)
            if row is None:
                if item.values:
                    report.not_carried.append(f"{sheet}: {item.label}")
                continue
            matched.add(row)
            for key, (value, number_format) in item.values.items():
                cell = ws.cell(row=row, column=col[key], value=value)
                if number_format:
                    cell.number_format = number_format
                report.carried += 1
        if sheet != form.SHEET_ANGGARAN:  # a budget row left empty is normal: not every source funds a kegiatan
            text = col["indikator" if sheet == form.SHEET_INDIKATOR else "aktivitas"]
            report.unfilled += [f"{sheet}: {ws.cell(row=r, column=1).value} {ws.cell(row=r, column=text).value}"
                                for r in sorted(set(keys.values()) - matched)]
    _fill_identitas(new[form.SHEET_IDENTITAS], old_identitas)
    report.target = atomic_save(target, new.save)
    report.problems = problems.items
    return report


def _fill_identitas(ws, values: dict) -> None:
    for row, key in enumerate(form.IDENTITAS_FIELDS, start=form.HEADER_ROW):
        if key in values:
            ws.cell(row=row, column=2, value=values[key])
