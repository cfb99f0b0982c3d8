"""contracts.checked.validated says no more than pandera: every table it accepts, pandera accepts,
with the same result; every table pandera rejects goes to pandera and raises pandera's error."""

from __future__ import annotations

import math

import pandas as pd
import pandera.pandas as pa
import pytest
from pandera.errors import SchemaError, SchemaErrors
from pandera.typing import Series

from contracts import checked
from contracts.checked import validated
from contracts.common import Teks
from tests.conftest import SAMPLE


@pytest.fixture(scope="module")
def sample_calls(monkeypatch_module):
    """Every contract check made while reading the sample and computing all its figures: (schema, table)."""
    from tasks.measuring.figures import compute_figures
    from tasks.reading.office import load_inputs
    from tasks.reporting.documents import report_periods

    calls = []
    fast = checked._fast

    def recording(plan, frame):
        schema = next(s for s, p in checked._plans.values() if p is plan)
        calls.append((schema, frame.copy()))
        return fast(plan, frame)

    monkeypatch_module.setattr(checked, "_fast", recording)
    inputs = load_inputs([SAMPLE], 2024)
    assert inputs.ok
    compute_figures(inputs, report_periods(inputs, 2024))
    monkeypatch_module.undo()
    return calls


@pytest.fixture(scope="module")
def monkeypatch_module():
    with pytest.MonkeyPatch.context() as patch:
        yield patch


def _pandera(schema, frame):
    try:
        return schema.validate(frame.copy())
    except (SchemaError, SchemaErrors):
        return None


def _compare(schema, frame) -> tuple[str, str]:
    """(what pandera said, what differs) for `frame`: ('rejects' or 'accepts', '' when the fast
    path agrees: it sent the table to pandera, or returned what pandera returns)."""
    expected = _pandera(schema, frame)
    said = "rejects" if expected is None else "accepts"
    plan = checked._plan(schema)
    got = checked._fast(plan, frame.copy()) if plan is not None else None
    if got is None:
        return said, ""  # pandera decides: validated() returns or raises exactly what pandera does
    if expected is None:
        return said, f"{schema.name}: accepted a table pandera rejects"
    try:
        pd.testing.assert_frame_equal(got, expected, check_exact=True)
    except AssertionError as exc:
        return said, f"{schema.name}: {exc}"
    return said, ""


def test_every_contract_of_the_sample_is_checked_on_the_fast_path_with_pandera_s_result(sample_calls):
    names = {schema.name for schema, _ in sample_calls}
    assert len(sample_calls) >= 20 and {"RakRaw", "CapaianIndikator", "ProgresAktivitas"} <= names
    for schema, frame in sample_calls:
        plan = checked._plan(schema)
        assert plan is not None, f"{schema.name}: no fast path"
        got = checked._fast(plan, frame.copy())
        assert got is not None, f"{schema.name}: a sound table sent to pandera"
        pd.testing.assert_frame_equal(got, schema.validate(frame.copy()), check_exact=True)


def _broken(frame: pd.DataFrame):
    """Tables that break one rule or none: each column nulled, pushed out of range, given the wrong
    type or a stray text; a row doubled; a column dropped; a column added."""
    if len(frame):
        for column in frame.columns:
            series = frame[column]
            numeric = pd.api.types.is_numeric_dtype(series) and not pd.api.types.is_bool_dtype(series)
            for value in (None, "??", -1e9, 7) if numeric else (None, "??", 3.5):
                changed = frame.copy()
                try:
                    changed[column] = changed[column].astype(object)
                    changed.iloc[0, changed.columns.get_loc(column)] = value
                except (TypeError, ValueError):
                    continue
                yield f"{column}={value!r}", changed
        yield "row doubled", pd.concat([frame, frame.iloc[:1]], ignore_index=True)
    for column in frame.columns[:3]:
        yield f"without {column}", frame.drop(columns=[column])
    yield "extra column", frame.assign(asing=1)


def test_a_broken_table_is_never_accepted_where_pandera_rejects_it(sample_calls):
    seen, disagreements, said = set(), [], {"rejects": 0, "accepts": 0}
    for schema, frame in sample_calls:
        if schema.name in seen:  # one table per contract keeps the test a few seconds long
            continue
        seen.add(schema.name)
        for what, changed in _broken(frame.head(4)):
            verdict, problem = _compare(schema, changed)
            said[verdict] += 1
            if problem:
                disagreements.append(f"{what}: {problem}")
    assert not disagreements, disagreements[:5]
    assert said["rejects"] > 300 and said["accepts"] > 100, said  # both kinds of table were tried


class Baris(pa.DataFrameModel):
    kode: Series[Teks] = pa.Field(unique=True, str_matches=r"^K\d\d$")
    nilai: Series[float] = pa.Field(nullable=True, ge=0, le=100)
    bulan: Series[bool] = pa.Field(alias=r"^bulan_\d+$", regex=True)

    @pa.check("nilai")
    def bulat(cls, series: pd.Series) -> pd.Series:
        return series == series.round()

    @pa.dataframe_check
    def nilai_ada(cls, frame: pd.DataFrame) -> pd.Series:
        return frame["nilai"].notna() | ~frame["bulan_1"]

    class Config:
        coerce = True
        strict = True


def baris(**columns) -> pd.DataFrame:
    base = {"kode": ["K01", "K02"], "nilai": [1.0, math.nan], "bulan_1": [True, False], "bulan_2": [False, False]}
    return pd.DataFrame({**base, **columns})


def test_a_sound_table_is_returned_as_pandera_returns_it_coerced():
    frame = baris(nilai=pd.Series([1, None], dtype=object))  # coerced to float as pandera does
    pd.testing.assert_frame_equal(validated(Baris, frame), Baris.validate(frame.copy()))
    assert validated(Baris, frame)["nilai"].dtype == "float64" and frame["nilai"].dtype == object  # input kept


@pytest.mark.parametrize("frame", [
    baris(kode=["K01", "K01"]),  # a column's uniqueness
    baris(kode=["K01", "X"]),  # a built-in check
    baris(nilai=[1.5, math.nan]),  # a check of the model's own
    baris(nilai=[math.nan, math.nan]),  # a table check
    baris(nilai=[-1.0, math.nan]),  # a bound
    baris(asing=[1, 2]),  # strict: a column the contract does not have
    baris().drop(columns=["bulan_1", "bulan_2"]),  # a regex column that matches none
    baris(nilai=["satu", None]),  # a coercion that fails
], ids=["unique", "str_matches", "custom", "table-check", "ge", "strict", "regex", "coerce"])
def test_a_table_that_breaks_a_rule_raises_pandera_s_own_error(frame):
    assert checked._fast(checked._plan(Baris.to_schema()), frame) is None
    with pytest.raises((SchemaError, SchemaErrors)) as ours:
        validated(Baris, frame)
    with pytest.raises((SchemaError, SchemaErrors)) as theirs:
        Baris.validate(frame)
    assert str(ours.value) == str(theirs.value)


@pytest.mark.parametrize("dtype", ["Int64", "boolean", "Float64", "string"])
def test_a_missing_value_in_a_nullable_pandas_dtype_is_seen(dtype):
    """pandas' own nullable dtypes hold pd.NA where numpy's int and bool cannot hold a null."""
    schema = pa.DataFrameSchema({"a": pa.Column(dtype, nullable=False)})
    frame = pd.DataFrame({"a": pd.array([None, None], dtype=dtype)})
    assert checked._fast(checked._plan(schema), frame) is None
    with pytest.raises(SchemaError):
        validated(schema, frame)


def test_a_schema_with_a_feature_the_fast_path_does_not_run_goes_to_pandera():
    positive = pa.Check(lambda groups: all((s > 0).all() for s in groups.values()), groupby="b")
    grouped = pa.DataFrameSchema({"a": pa.Column(int, positive), "b": pa.Column(str)})
    indexed = pa.DataFrameSchema({"a": pa.Column(int)}, index=pa.Index(int))
    assert checked._plan(grouped) is None and checked._plan(indexed) is None
    frame = pd.DataFrame({"a": [1, 2], "b": ["x", "y"]})
    pd.testing.assert_frame_equal(validated(grouped, frame), grouped.validate(frame))
