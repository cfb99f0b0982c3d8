"""The house's rules: which stage may import which (tasks/__init__.py), no module over ~400 lines."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

TASKS = Path(__file__).resolve().parents[1] / "tasks"
SHARED = {"problems", "frames", "files"}
ALLOWED = {  # stage -> the stages it may import, besides contracts and the shared modules
    "reading": set(),
    "measuring": {"reading"},
    "reporting": {"reading", "measuring"},
    "publishing": set(),
    "pipeline": {"reading", "measuring", "reporting", "publishing"},
    "forms": {"reading"},
    "rollup": {"reading", "measuring", "reporting", "publishing", "pipeline", "forms"},
}
MODULES = sorted(p for p in TASKS.rglob("*.py"))


def stage_of(name: str) -> str | None:
    parts = name.split(".")
    return parts[1] if len(parts) > 1 and parts[0] == "tasks" else None


def imports_of(source: str) -> set[str]:
    found = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module:
            found |= {node.module} | {f"{node.module}.{alias.name}" for alias in node.names}
    return found


def violations(relative: Path, source: str) -> list[str]:
    """The imports of a module of tasks/ (`relative` to tasks/) that its stage may not make."""
    own = relative.parts[0].removesuffix(".py")
    allowed = set() if own in SHARED or own == "__init__" else ALLOWED[own] | {own}
    found = []
    for name in sorted(imports_of(source)):
        stage = stage_of(name)
        if name.split(".")[0] == "flows" or (stage is not None and stage not in SHARED and stage not in allowed):
            found.append(f"{relative} imports {name}")
    return found


@pytest.mark.parametrize("path", MODULES, ids=lambda p: str(p.relative_to(TASKS)))
def test_a_stage_imports_only_what_its_docstring_allows(path):
    assert violations(path.relative_to(TASKS), path.read_text(encoding="utf-8")) == []


def test_a_forbidden_import_is_found():
    assert violations(Path("reading/rak.py"), "from tasks.reporting.fmt import format_number") == [
        "reading/rak.py imports tasks.reporting.fmt", "reading/rak.py imports tasks.reporting.fmt.format_number"]
    assert violations(Path("files.py"), "import tasks.reading.parse")
    assert violations(Path("pipeline/steps.py"), "from flows.laporan import laporan")
    assert violations(Path("reporting/lkip.py"), "from tasks.measuring.figures import Measures") == []


@pytest.mark.parametrize("path", MODULES + sorted((TASKS.parent / "flows").rglob("*.py")),
                         ids=lambda p: p.name)
def test_no_module_is_a_grab_bag(path):
    assert len(path.read_text(encoding="utf-8").splitlines()) <= 420
