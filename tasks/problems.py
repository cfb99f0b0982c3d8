"""Problems found in an input: one record per cell, reported together, in Indonesian."""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field
from enum import Enum


class Severity(str, Enum):
    """How bad a problem is: an error blocks the report, a warning is listed, info is a note."""

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def label(self) -> str:
        return {"error": "GALAT", "warning": "PERINGATAN", "info": "CATATAN"}[self.value]


@dataclass(frozen=True)
class Problem:
    """One thing wrong (or worth knowing) about one place in one input file."""

    file: str
    message: str
    severity: Severity = Severity.ERROR
    sheet: str = ""
    cell: str = ""
    row: int | None = None
    column: str = ""
    header: str = ""
    value: str = ""
    hint: str = ""

    def to_dict(self) -> dict:
        data = asdict(self)
        data["severity"] = self.severity.value
        return data

    def where(self, with_file: bool = True) -> str:
        """Where the problem is: file, sheet (a TOML file's section) and cell (a text file's line)."""
        where = [self.file] if with_file else []
        if self.sheet:
            where.append(f"bagian {self.sheet}" if self.file.endswith(".toml") else f"sheet '{self.sheet}'")
        if self.cell:
            where.append(("" if self.cell.startswith("baris ") else "sel ") + self.cell
                         + (f" ({self.header})" if self.header else ""))
        elif self.row is not None:
            where.append(f"baris {self.row}")
        return ", ".join(where)

    def describe(self) -> str:
        """One line for the console: where, what, and how to fix it."""
        text = f"{self.severity.label}: {self.where()}: {self.message}"
        if self.value:
            text += f" [nilai: {self.value!r}]"
        if self.hint:
            text += f" Saran: {self.hint}"
        return text


@dataclass
class Problems:
    """Collects problems for one file so that all of them are reported at once."""

    file: str
    items: list[Problem] = field(default_factory=list)

    def add(self, message: str, severity: Severity = Severity.ERROR, **where) -> None:
        self.items.append(Problem(file=self.file, message=message, severity=severity, **where))

    def error(self, message: str, **where) -> None:
        self.add(message, Severity.ERROR, **where)

    def warn(self, message: str, **where) -> None:
        self.add(message, Severity.WARNING, **where)

    def info(self, message: str, **where) -> None:
        self.add(message, Severity.INFO, **where)

    @property
    def has_errors(self) -> bool:
        return any(p.severity is Severity.ERROR for p in self.items)


class UserError(Exception):
    """A failure told to a person: .message says what in Indonesian, .hint what to do (may be empty)."""

    def __init__(self, message: str, hint: str = ""):
        super().__init__(message)
        self.message, self.hint = message, hint


class InputError(Exception):
    """A file that cannot be read at all; carries the problems that say why."""

    def __init__(self, problems: list[Problem]):
        super().__init__("; ".join(p.message for p in problems))
        self.problems = problems


# --- telling problems to a person ------------------------------------------------------------------

CONSOLE_LIMIT = 40  # past this many problems the console shows a summary by kind
# What differs from row to row in one kind of message: quoted values, (asides), codes, numbers.
_VARYING = re.compile(r"'[^']*'|\"[^\"]*\"|\((?:[^()]|\([^()]*\))*\)|\b[A-Z]+\d+(?:\.[A-Z]*\d+)*\b|\d+(?:[.,]\d+)*")
_KIND_WORDS = 6


def unique(problems: list[Problem]) -> list[Problem]:
    """Each problem once, in the order first found (two checks may find the same thing)."""
    return list(dict.fromkeys(problems))


def kind_of(problem: Problem) -> tuple[Severity, str, str]:
    """What makes problems 'the same kind': severity, file, and the message's opening words (up to its
    first ':' or ';') without the values that differ per row."""
    opening = re.split(r"[:;]", _VARYING.sub("…", problem.message), maxsplit=1)[0]
    return problem.severity, problem.file, " ".join(opening.split()[:_KIND_WORDS])


FULL_LIST = "Daftar lengkap: lkip validate FOLDER --rinci (satu baris per masalah) atau --json."


def summary_lines(problems: list[Problem], limit: int | None = CONSOLE_LIMIT, examples: int = 3,
                  full: str = FULL_LIST) -> list[str]:
    """The lines a console shows: one per problem, each once; past `limit`, one line per kind with
    its count and the first `examples` of it (errors first), then `full`: where the whole list is."""
    problems = unique(problems)
    if limit is None or len(problems) <= limit:
        return [p.describe() for p in problems]
    kinds: dict[tuple, list[Problem]] = {}
    for problem in problems:
        kinds.setdefault(kind_of(problem), []).append(problem)
    order = list(Severity)
    lines = [f"{len(problems)} masalah, terlalu banyak untuk ditampilkan satu per satu; ringkasan per jenis "
             f"({len(kinds)} jenis):"]
    for (severity, file, _), items in sorted(kinds.items(), key=lambda kv: (order.index(kv[0][0]), -len(kv[1]))):
        lines.append(f"{severity.label} ×{len(items)} {file}: {items[0].message}"
                     + (f" Saran: {items[0].hint}" if items[0].hint else ""))
        lines += [f"    contoh: {p.where(with_file=False) or p.file}" + (f" [nilai: {p.value!r}]" if p.value else "")
                  for p in items[:examples]]
        if len(items) > examples:
            lines.append(f"    … dan {len(items) - examples} lainnya")
    lines.append(full)
    return lines

