"""Columns every dataset carries so that a problem, and later a figure, traces back to a cell."""

import functools

import numpy as np
import pandas as pd
import pandera.pandas as pa
from pandera.engines import pandas_engine
from pandera.typing import Series

from contracts.checked import validated


class Teks(pandas_engine.STRING):
    """Text columns: pandera's `str` (same coercion, same rule, same messages), checked in one step.

    Under pandas 3 pandera checks a text column element by element and, even when every element
    passes, formats the (empty) failure cases into a message it then discards: about a third of a
    contract check's time. Here a column whose elements all pass reports one `True`; a column with
    a failing element goes through pandera's own path and its failure cases unchanged.
    """

    def check(self, pandera_dtype, data_container=None):
        result = super().check(pandera_dtype, data_container)
        if isinstance(result, np.ndarray) and result.all():
            return True
        return result


class Sumber(pa.DataFrameModel):
    """Where a row was read: file, sheet and Excel row (1-based)."""

    sumber_file: Series[Teks] = pa.Field(description="Name of the input file the row was read from")
    sumber_sheet: Series[Teks] = pa.Field(description="Sheet (or 'Tabel' for a Word document) of the row")
    sumber_baris: Series[int] = pa.Field(ge=1, description="Excel row number (1-based) of the row")

    class Config:
        coerce = True


_BLOCK = "_tabel"  # which of the tables validated together a row belongs to


def validate_together(model: type[pa.DataFrameModel], frames: dict) -> dict:
    """Validate several tables of one contract in one call and return them, checked, under their keys.

    A validation has a fixed cost of several milliseconds whatever the rows, and one office-year
    needs many small tables of the same contract (the four quarters' forms, capaian to each
    quarter); one call over their concatenation checks exactly the same rules, with uniqueness
    (of a column, or of the model's `unique` columns) held within each table, as when each table
    is validated alone.
    """
    present = {key: frame for key, frame in frames.items() if len(frame.columns)}  # no columns: not read
    if not present:
        return dict(frames)
    parts = [frame.assign(**{_BLOCK: i}) for i, frame in enumerate(present.values())]
    checked = _check_blocks(model, pd.concat(parts, ignore_index=True), present)
    return {key: checked.get(key, frame) for key, frame in frames.items()}


def validate_records(model: type[pa.DataFrameModel], tables: dict, dtypes: dict[str, str]) -> dict:
    """Build several tables of one contract from their records (one DataFrame, columns cast to
    `dtypes`) and validate them together as validate_together does; the tables under their keys."""
    rows = [{**rec, _BLOCK: i} for i, records in enumerate(tables.values()) for rec in records]
    frame = pd.DataFrame(rows, columns=[*model.to_schema().columns, _BLOCK]).astype({**dtypes, _BLOCK: "int64"})
    return _check_blocks(model, frame, tables)


def _check_blocks(model: type[pa.DataFrameModel], frame: pd.DataFrame, tables: dict) -> dict:
    """Validate rows of several tables (column _BLOCK: which) and cut them back into the tables."""
    checked = validated(_per_table_schema(model), frame).drop(columns=_BLOCK)
    result, start = {}, 0
    for key, table in tables.items():
        part = checked.iloc[start:start + len(table)]
        part.index = pd.RangeIndex(len(part))  # reset_index(drop=True), without its copy of every column
        result[key] = part
        start += len(table)
    return result


@functools.lru_cache(maxsize=None)
def _per_table_schema(model: type[pa.DataFrameModel]) -> pa.DataFrameSchema:
    """The model's schema with every uniqueness rule scoped to the table a row came from."""
    schema = model.to_schema()
    unique_columns = [name for name, column in schema.columns.items() if column.unique]
    schema = schema.update_columns({name: {"unique": False} for name in unique_columns})
    checks = list(schema.checks) + [
        pa.Check(lambda frame, name=name: ~frame.duplicated([_BLOCK, name], keep=False),
                 name=f"unique_{name}_per_table", error=f"duplicate values in '{name}' within one table")
        for name in unique_columns]
    schema = schema.add_columns({_BLOCK: pa.Column(int)})  # add_columns and update_columns return copies
    schema.checks = checks
    schema.unique = [_BLOCK, *schema.unique] if schema.unique else None
    return schema
