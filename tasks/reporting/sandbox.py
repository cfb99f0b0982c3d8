"""The one Jinja environment templates run in: sandboxed, autoescaped, strict, and bounded.

Templates are edited by users (BAD_INPUTS 26-27). The environment only lets a template print, loop
and branch over the context: attribute walks are refused, autoescape makes &, <, > and quotes print
verbatim instead of breaking the document XML, StrictUndefined turns a misspelt name into an error,
and loops, range() and repetition are capped per render. The pipeline and `lkip check-template`
both render through `render_env()`, so a template accepted by one is accepted by the other.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import jinja2
from jinja2.sandbox import SandboxedEnvironment, SecurityError

from tasks.reporting.shelf import Shelf

MAX_RANGE_TOTAL = 100_000  # all range() items of one render together
MAX_ITERATIONS = 200_000  # all loop steps over context lists of one render together
MAX_TEXT = 100_000  # longest string a template may build
CACHED_TEMPLATES = 32  # template parts kept compiled per environment (a few per template file)


class LoopBudget:
    """Loop steps left for one render; nested loops spend from the same budget."""

    def __init__(self, steps: int):
        self.steps = steps

    def spend(self) -> None:
        self.steps -= 1
        if self.steps < 0:
            raise SecurityError(f"perulangan melebihi batas {MAX_ITERATIONS} langkah")


class CountedList(list):
    """A context list whose iteration spends from the render's loop budget."""

    def __init__(self, items, budget: LoopBudget):
        super().__init__(items)
        self._budget = budget

    def __iter__(self):
        for item in super().__iter__():
            self._budget.spend()
            yield item


class LimitedSandbox(SandboxedEnvironment):
    """The Jinja sandbox, narrowed: templates only print, loop and branch.

    Attribute access is allowed on loop variables only (loop.index, loop.first …); everything else is
    read as a key of the context's plain dicts, so no object handed to a template (a docxtpl image
    holds the whole document, with a save() method) can be walked into. Building large text with
    *, % or filters is refused, range() is capped over the whole render.
    """

    intercepted_binops = frozenset({"*", "**", "%"})

    def __init__(self, **options):
        super().__init__(**options)
        self.range_used = 0
        self._compiled: dict[str, jinja2.Template] = {}
        self.globals["range"] = self._range
        for name in ("center", "indent", "wordwrap", "format", "filesizeformat", "xmlattr", "pprint", "tojson",
                     "urlize", "map", "attr", "groupby", "sum", "batch", "slice", "random"):
            self.filters.pop(name, None)

    def is_safe_attribute(self, obj, attr, value) -> bool:
        return isinstance(obj, jinja2.runtime.LoopContext) and not attr.startswith("_")

    def is_safe_callable(self, obj) -> bool:
        return obj == self._range or isinstance(obj, jinja2.runtime.LoopContext)

    def from_string(self, source, globals=None, template_class=None):  # noqa: A002 (Jinja's signature)
        """Compile each template source once per environment: the same template renders many reports."""
        if globals or template_class or not isinstance(source, str):
            return super().from_string(source, globals, template_class)
        if source not in self._compiled:
            if len(self._compiled) >= CACHED_TEMPLATES:
                self._compiled.clear()
            self._compiled[source] = super().from_string(source)
        return self._compiled[source]

    def _range(self, *args):
        items = range(*args)
        self.range_used += len(items)
        if self.range_used > MAX_RANGE_TOTAL:
            raise SecurityError(f"perulangan melebihi batas {MAX_RANGE_TOTAL} langkah")
        return items

    def call_binop(self, context, operator, left, right):
        if operator == "%" or (operator == "**" and isinstance(right, (int, float)) and abs(right) > 64):
            raise SecurityError(f"operator {operator} tidak diizinkan di template")
        if operator == "*" and any(isinstance(v, (str, list, tuple)) for v in (left, right)):
            sequence, count = (left, right) if isinstance(left, (str, list, tuple)) else (right, left)
            if isinstance(count, int) and len(sequence) * count > MAX_TEXT:
                raise SecurityError(f"pengulangan melebihi batas {MAX_TEXT}")
        return super().call_binop(context, operator, left, right)


def jinja_env() -> SandboxedEnvironment:
    """The only environment templates run in: sandboxed, autoescaped, strict about undefined names."""
    return LimitedSandbox(autoescape=True, undefined=jinja2.StrictUndefined)


_ENVIRONMENTS = Shelf(keys=1)


@contextmanager
def render_env() -> Iterator[LimitedSandbox]:
    """An environment lent to this thread for one render, with the range budget reset: compiled
    templates are kept between renders, the per-render limits are not."""
    with _ENVIRONMENTS.lend("jinja", jinja_env) as env:
        env.range_used = 0
        yield env


