"""A sheet of the realisation form as read: its header found by the column labels of the form's
layout (tasks.reading.form_layout), not by position, and every cell read with its location, so that a
problem names file, sheet, cell, column header and value. Sheets are resolved by name, tolerant of
case and spaces.
"""

from __future__ import annotations

from tasks.problems import Problems
from tasks.reading import form_layout as form
from tasks.reading.parse import (
    DECIMAL_UNITS,
    MISSING_MARKERS,
    ZERO_WORDS,
    ParseError,
    normalize_key,
    normalize_text,
    parse_number,
    parse_quantity,
)
from tasks.reading.workbook import Grid, Workbook


class FormSheet:
    """A form sheet with its header mapped: column key -> column number."""

    def __init__(self, grid: Grid, problems: Problems, columns: list[form.Column]):
        self.grid, self.problems, self.specs = grid, problems, columns
        self.labels = {spec.key: spec.label for spec in reversed(columns)}  # the first spec of a key wins
        self.header_row, self.cols = self._find_header()
        self._hidden_said = False
        hidden = [self.labels[k] for k, col in self.cols.items() if col in grid.hidden_cols]
        if hidden:
            problems.warn(f"kolom tersembunyi ikut dibaca: {', '.join(hidden)}", sheet=grid.sheet,
                          row=self.header_row, hint="tampilkan (unhide) kolom tersebut dan periksa isinya")

    def _find_header(self) -> tuple[int, dict[str, int]]:
        """The header row (the one naming most of the form's columns) and each column's position; a
        visible column wins over a hidden one of the same name."""
        wanted = {spec.match_key: spec.key for spec in self.specs}
        best = (0, {})
        for row in sorted(self.grid.rows)[:30]:
            found = {}
            for col, value in enumerate(self.grid.rows[row], start=1):
                key = wanted.get(normalize_key(value))
                if key and (key not in found or (found[key] in self.grid.hidden_cols
                                                 and col not in self.grid.hidden_cols)):
                    found[key] = col
            if len(found) > len(best[1]):
                best = (row, found)
        return best

    def check_merges(self) -> None:
        """A merged range over cells staff fill in hides values from every row but its first (BAD_INPUTS 1)."""
        inputs = {self.cols[s.key] for s in self.specs if s.input and s.key in self.cols}
        for r1, c1, r2, c2 in self.grid.merges:
            if r2 > self.header_row and inputs & set(range(c1, c2 + 1)):
                rng = f"{Grid.cell_name(r1, c1)}:{Grid.cell_name(r2, c2)}"
                self.problems.error(f"sel gabungan (merge) {rng} di kolom isian", sheet=self.grid.sheet, cell=rng,
                                    row=r1, hint="pisahkan sel gabungan (Unmerge) dan isi setiap baris sendiri")

    def require(self, keys: list[str]) -> bool:
        missing = [spec.label for spec in self.specs if spec.key in keys and spec.key not in self.cols]
        if missing:
            headers = [normalize_text(v) for v in self.grid.rows.get(self.header_row, []) if normalize_text(v)]
            self.problems.error(f"kolom wajib tidak ditemukan: {', '.join(missing)}. Judul kolom yang ditemukan: "
                                f"{', '.join(headers) or '-'}", sheet=self.grid.sheet, row=self.header_row or None,
                                hint="gunakan formulir dari 'lkip template' dan jangan mengubah judul kolom")
        return not missing

    def data_rows(self) -> list[int]:
        """Every row under the header, hidden or filtered ones too (said once per sheet)."""
        rows = [r for r in sorted(self.grid.rows) if r > self.header_row]
        hidden = [r for r in rows if r in self.grid.hidden_rows]
        if hidden and not self._hidden_said:
            self._hidden_said = True
            shown = ", ".join(map(str, hidden[:15])) + (f" dan {len(hidden) - 15} lainnya" if len(hidden) > 15 else "")
            self.problems.warn(f"baris tersembunyi atau tersaring (filter) ikut dibaca: baris {shown}",
                               sheet=self.grid.sheet, row=hidden[0],
                               hint="tampilkan semua baris (Unhide, Clear Filter) dan periksa isinya")
        return rows

    def raw(self, row: int, key: str):
        return self.grid.value(row, self.cols[key]) if key in self.cols else ""

    def text(self, row: int, key: str) -> str:
        return normalize_text(self.raw(row, key))

    def cell(self, row: int, key: str) -> str:
        """The cell's name ("D7") in the column of `key`."""
        return Grid.cell_name(row, self.cols.get(key, 1))

    def where(self, row: int, key: str) -> dict:
        """Where a problem is, as Problems' keyword arguments (call it only when reporting one)."""
        cell = self.cell(row, key)
        return {"sheet": self.grid.sheet, "cell": cell, "row": row, "column": cell.rstrip("0123456789"),
                "header": self.labels.get(key, ""), "value": normalize_text(self.raw(row, key))[:80]}

    def number(self, row: int, key: str, *, integral: bool, percent_ok: bool, unit: str | None = None):
        """A number cell: Excel errors, formulas, text numbers, stray percents and units reported at the cell.

        With `unit`, a value written with its unit ("2 Lap") is accepted when the unit agrees.
        """
        col = self.cols.get(key)
        if col is None or self._special(row, col, key):
            return None
        raw = self.raw(row, key)
        try:
            if unit is not None and isinstance(raw, str) and _has_letters(raw):
                return self._quantity(raw, unit, row, key)
            number = parse_number(raw, integral=integral)
        except ParseError as exc:
            self.problems.error(exc.message, hint=exc.hint, **self.where(row, key))
            return None
        value = number.value
        if (row, col) in self.grid.percent_cells and value is not None:
            return self._checked_percent(value * 100, percent_ok, row, key)  # Excel keeps 95,5% as 0.955
        if number.percent:
            return self._checked_percent(value, percent_ok, row, key)
        if value is not None and number.from_text and normalize_text(raw).casefold() in ZERO_WORDS:
            self.problems.warn(f"'{normalize_text(raw)}' dibaca sebagai 0", hint="ketik 0 bila memang nol; "
                               "kosongkan sel bila belum ada data", **self.where(row, key))
        elif value is not None and number.from_text:
            self.problems.warn("angka disimpan sebagai teks; tetap dibaca", hint="ubah format sel menjadi angka",
                               **self.where(row, key))
        return value

    def _special(self, row: int, col: int, key: str) -> bool:
        """Excel error and formula cells are reported and never used."""
        if (row, col) in self.grid.errors:
            self.problems.error(f"sel berisi galat Excel {self.grid.errors[(row, col)]}",
                                hint="ketik nilainya sebagai angka", **self.where(row, key))
            return True
        if (row, col) in self.grid.formulas:
            self.problems.error("sel berisi rumus; hasil rumus tidak dipakai",
                                hint="ketik nilainya sebagai angka (salin, lalu Paste Values)",
                                **{**self.where(row, key), "value": self.grid.formulas[(row, col)][:80]})
            return True
        return False

    def _checked_percent(self, value, percent_ok: bool, row: int, key: str):
        if percent_ok:
            return value
        self.problems.error("nilai persen di kolom yang bukan persen",
                            hint="tulis angkanya saja dalam satuan kolom ini", **self.where(row, key))
        return None

    def _quantity(self, raw: str, unit: str, row: int, key: str):
        value, found = parse_quantity(raw, integral_default=unit not in DECIMAL_UNITS)
        if found and unit and found != unit:
            self.problems.error(f"satuan '{found}' tidak sesuai dengan satuan indikator '{unit}'",
                                hint=f"tulis angka saja, dalam satuan {unit}", **self.where(row, key))
            return None
        return value


def _has_letters(text: str) -> bool:
    return any(ch.isalpha() for ch in text) and normalize_text(text).casefold() not in MISSING_MARKERS | ZERO_WORDS \
        and not normalize_text(text).lstrip().lower().startswith(("rp", "idr"))


def resolve_sheet(book: Workbook, wanted: str, problems: Problems) -> str | None:
    """The sheet meant by `wanted`: exact, or by case/space-insensitive name (with a warning)."""
    matches = [s for s in book.sheet_names if normalize_key(s) == normalize_key(wanted)]
    name = wanted if wanted in book.sheet_names else (matches[0] if matches else None)
    if name is None:
        problems.error(f"sheet '{wanted}' tidak ditemukan. Sheet yang ada: {', '.join(book.sheet_names)}",
                       hint=f"kembalikan nama sheet menjadi '{wanted}'")
        return None
    if name != wanted:
        problems.warn(f"sheet '{name}' dianggap sebagai sheet '{wanted}'", sheet=name,
                      hint=f"ganti nama sheet menjadi '{wanted}'")
    if book.hidden.get(name):
        problems.warn("sheet tersembunyi; tetap dibaca", sheet=name, hint="tampilkan (unhide) sheet ini")
    return name
