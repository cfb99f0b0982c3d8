"""validated(contract, frame): a table checked against its pandera contract, a sound table in a
fraction of pandera's time, any doubt decided and reported by pandera itself.

Pandera's `validate` costs 2.5-14 ms a call whatever the rows (each column's schema deep-copied to
coerce it, a configuration context copied per check, an error collector and failure-case tables
built for checks that pass): 24 calls, 0.08-0.15 s an office-year, every call on a table our own
code built. Here a table is first checked by the contract's own rules, run directly: each column's
coercion (`DataType.try_coerce`), dtype rule (`DataType.check`), nullability, uniqueness and checks
(the contract's check functions through pandera's own check backend: the same `ignore_na`
handling), then the table's unique columns and table checks. Only a table that passes every rule
is returned from here; a rule that fails, raises, or is of a kind this path does not run (a
groupby check, an index, parsers, defaults, an ordered or filtering schema, duplicate or missing
columns) sends the table to `schema.validate`, which decides and raises pandera's own error. So
the fast path can only ever say less than pandera: what it accepts, pandera accepts, with the
same result (tests/test_checked.py compares both on every call of the sample's run and on tables
broken on purpose).
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

import numpy as np
import pandas as pd
import pandera.pandas as pa
from pandera.backends.pandas.checks import PandasCheckBackend
from pandera.engines.pandas_engine import Engine


@dataclass(frozen=True)
class _Column:
    name: str
    regex: bool
    dtype: object  # a pandera DataType, or None
    coerce: bool
    nullable: bool
    unique: bool
    checks: tuple  # PandasCheckBackend per check


@dataclass(frozen=True)
class _Plan:
    columns: tuple[_Column, ...]
    strict: bool
    unique: tuple[str, ...]
    checks: tuple  # PandasCheckBackend per table check


def validated(contract, frame: pd.DataFrame) -> pd.DataFrame:
    """`frame` checked against `contract` (a DataFrameModel or a DataFrameSchema), as
    `contract.validate(frame)` returns it; pandera's SchemaError when it does not hold."""
    schema = contract.to_schema() if isinstance(contract, type) else contract
    plan = _plan(schema) if _default_config() else None
    if plan is not None:
        result = _fast(plan, frame)
        if result is not None:
            return result
    return schema.validate(frame)


def _default_config() -> bool:
    """Pandera configured as it ships (validation on, schema and data, its pandas backend): what the
    fast path runs; any other setting is pandera's alone."""
    from pandera.config import CONFIG, ValidationDepth

    return (CONFIG.validation_enabled and not CONFIG.use_narwhals_backend
            and CONFIG.validation_depth in (None, ValidationDepth.SCHEMA_AND_DATA))


def _plan(schema: pa.DataFrameSchema) -> _Plan | None:
    """What the fast path checks for `schema`, made once per schema; None when the schema uses a
    feature it does not run (then every table goes through pandera)."""
    key = id(schema)
    kept = _plans.get(key)
    if kept is None or kept[0] is not schema:
        kept = (schema, _make_plan(schema))
        _plans[key] = kept  # the schema kept alive with its plan: its id is not reused
    return kept[1]


_plans: dict[int, tuple[pa.DataFrameSchema, _Plan | None]] = {}


def _make_plan(schema: pa.DataFrameSchema) -> _Plan | None:
    if (schema.index is not None or schema.dtype is not None or schema.ordered or schema.strict == "filter"
            or schema.add_missing_columns or schema.drop_invalid_rows or schema.unique_column_names
            or getattr(schema, "parsers", None) or schema.report_duplicates != "all"):
        return None
    columns = []
    for name, column in schema.columns.items():
        if (not isinstance(name, str) or not column.required or column.parsers or column.default is not None
                or column.drop_invalid_rows or column.report_duplicates != "all"):
            return None
        checks = _backends(column.checks)
        if checks is None:
            return None
        columns.append(_Column(name, bool(column.regex), column.dtype, bool(column.coerce or schema.coerce),
                               bool(column.nullable), bool(column.unique), checks))
    checks = _backends(schema.checks)
    if checks is None:
        return None
    return _Plan(tuple(columns), bool(schema.strict), tuple(schema.unique or ()), checks)


def _backends(checks) -> tuple | None:
    """Pandera's pandas backend for each check, as `Check.__call__` makes it; None for a check this
    path does not run."""
    if any(not isinstance(c, pa.Check) or c.groupby is not None or c.raise_warning for c in checks):
        return None
    for kind in (pd.Series, pd.DataFrame):  # registers pandas' implementations of the built-in checks
        if pa.Check.get_backend(kind()) is not PandasCheckBackend:
            return None
    for check in checks:
        name = getattr(check._check_fn, "__name__", None)
        if name is not None and check.is_builtin_check(name):
            check._check_fn = check.get_builtin_check_fn(name)  # what Check.__call__ does before each run
    return tuple(PandasCheckBackend(c) for c in checks)


def _fast(plan: _Plan, frame: pd.DataFrame) -> pd.DataFrame | None:
    """The checked table when every rule holds, else None (pandera decides)."""
    if not isinstance(frame, pd.DataFrame) or not frame.columns.is_unique:
        return None
    names = [c for c in frame.columns if isinstance(c, str)]
    if len(names) != len(frame.columns):
        return None
    coerced: dict[str, pd.Series] = {}
    matched: set[str] = set()
    try:
        for column in plan.columns:
            targets = _matching(column, names)
            if not targets:
                return None  # a missing column: pandera says which
            matched.update(targets)
            for name in targets:
                series = frame[name]
                if column.coerce and column.dtype is not None and series.dtype != column.dtype.type:
                    series = coerced[name] = column.dtype.try_coerce(series)  # same dtype: nothing to coerce
                if not _column_holds(column, series):
                    return None
        if plan.strict and len(matched) != len(names):
            return None  # a column the contract does not have
        result = frame.copy(deep=False)
        for name, series in coerced.items():
            result[name] = series
        if plan.unique and result.duplicated(subset=list(plan.unique), keep=False).any():
            return None
        if not all(_passes(backend, result) for backend in plan.checks):
            return None
    except Exception:  # a rule that cannot be run here: pandera runs it and says what it found
        return None
    return result


def _matching(column: _Column, names: list[str]) -> list[str]:
    if not column.regex:
        return [column.name] if column.name in names else []
    return [name for name in names if _pattern(column.name).match(name)]


@functools.lru_cache(maxsize=None)
def _pattern(regex: str) -> re.Pattern:
    return re.compile(regex)  # pandera matches with str.match: anchored at the start, as re.match


def _column_holds(column: _Column, series: pd.Series) -> bool:
    if column.dtype is not None:
        verdict = column.dtype.check(_engine_dtype(series.dtype), series)
        if not (verdict is True or (isinstance(verdict, np.ndarray | pd.Series) and bool(np.all(verdict)))):
            return False
    nulls = _nulls(series)
    if nulls is not None and not column.nullable:
        return False
    if column.unique and series.duplicated(keep=False).any():
        return False
    for backend in column.checks:
        # as PandasCheckBackend.preprocess_field: a check that ignores nulls sees the values without them
        obj = series[~nulls] if nulls is not None and backend.check.ignore_na else series
        if not _verdict(backend.apply(obj)):
            return False
    return True


def _nulls(series: pd.Series) -> pd.Series | None:
    """Where the column is null, or None when nothing in it is (numpy's int and bool columns never are;
    pandas' nullable Int64 and boolean can be)."""
    if isinstance(series.dtype, np.dtype) and series.dtype.kind in "iub":
        return None
    nulls = np.asarray(series.array.isna())  # series.isna()'s mask, without a Series built around it (~60 µs)
    return pd.Series(nulls, index=series.index) if nulls.any() else None


@functools.lru_cache(maxsize=256)
def _engine_dtype(dtype) -> object:
    return Engine.dtype(dtype)


def _passes(backend: PandasCheckBackend, obj) -> bool:
    """A table check's verdict as pandera's backend reaches it, without building the failure cases."""
    return _verdict(backend.apply(backend.preprocess(obj, None)))


def _verdict(output) -> bool:
    """A check's output read as pandera's backend reads it when it passes; an output of another shape
    or dtype counts as a failure here (pandera then decides)."""
    if isinstance(output, bool | np.bool_):
        return bool(output)
    if isinstance(output, pd.Series):
        return output.dtype == bool and bool(output.all())
    if isinstance(output, pd.DataFrame):
        return all(dtype == bool for dtype in output.dtypes) and bool(output.all(axis=None))
    return False
