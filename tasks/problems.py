"""Problems found in an input: one record per cell, reported together, in Indonesian."""

from __future__ import annotations

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

    def describe(self) -> str:
        """One line for the console: where, what, and how to fix it."""
        where = [self.file]
        if self.sheet:
            where.append(f"sheet '{self.sheet}'")
        if self.cell:
            where.append(f"sel {self.cell}" + (f" ({self.header})" if self.header else ""))
        elif self.row is not None:
            where.append(f"baris {self.row}")
        text = f"{self.severity.label}: {', '.join(where)}: {self.message}"
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
