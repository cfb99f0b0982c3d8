"""The one typed request for a run of one office-year: built by the CLI and by the flows from their
parameters, and passed as it is to every step."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class RunRequest:
    """What a run makes and where: the office-year's input folder, the shared folder, the year, one
    month or the whole year (None), PDF copies, final marks, charts, the LKIP's Daftar Isi paginated."""

    input_dir: Path
    out_dir: Path
    year: int
    month: int | None = None
    pdf: bool = False
    final: bool = False
    charts: bool = True
    pages: bool = True  # number the LKIP's Daftar Isi (LibreOffice lays the report out once: a few seconds)
    display_root: str = ""  # the shared folder as staff see it (e.g. \\\\server\\bersama), for paths told to them
    # (host, pid) of a run whose lock this one waits for until its lease ends: the roll-up's earlier
    # attempt at this office, whose worker died (on another machine its lock looks alive till then)
    lock_of_dead_attempt: tuple[str, int] | None = None
    lock_patience: float = 0.0  # seconds to wait for another run's lock (0: refused at once, as staff expect)

    def __post_init__(self) -> None:
        object.__setattr__(self, "input_dir", Path(self.input_dir))
        object.__setattr__(self, "out_dir", Path(self.out_dir))

    def manifest_parameters(self) -> dict:
        """The parameters recorded in manifest.json (the users' words)."""
        return {"tahun": self.year, "bulan": self.month, "pdf": self.pdf, "final": self.final, "grafik": self.charts,
                "halaman": self.pages}
