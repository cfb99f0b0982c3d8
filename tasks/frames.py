"""Rows of a DataFrame as plain Python values, for the loops that turn small tables into records.

`DataFrame.itertuples` and `to_dict("records")` cost about a millisecond per call on our 20-column
tables whatever their rows (pandas 3 takes each column through `iloc`, builds a namedtuple class
per call and boxes text element by element), and one office-year makes some two hundred such
calls. These give the same rows from one object array of the frame, with the row classes kept.
"""

from __future__ import annotations

import collections
import functools
from collections.abc import Iterator

import numpy as np
import pandas as pd
from pandas.core.arrays.string_ import StringArray


@functools.lru_cache(maxsize=256)
def _row_type(fields: tuple[str, ...]) -> type:
    return collections.namedtuple("Baris", fields, rename=True)


def _rows(frame: pd.DataFrame) -> list[list]:
    """The rows as lists of Python values (numbers become int, float or bool, as pandas iterates them):
    frame.to_numpy(dtype=object).tolist(), from the blocks where they are all plain (see above)."""
    blocks = _plain_blocks(frame)
    if blocks is None:
        return frame.to_numpy(dtype=object).tolist()
    values = np.empty(frame.shape, dtype=object)
    for where, block in blocks:
        values[:, where] = block
    return values.tolist()


def _plain_blocks(frame: pd.DataFrame) -> list[tuple] | None:
    """(column positions, rows × columns object array) per block of `frame`; None when a block is of a
    kind whose Python values only pandas knows how to make."""
    found = []
    for block in frame._mgr.blocks:
        values, where = block.values, block.mgr_locs.indexer
        if isinstance(values, np.ndarray) and values.ndim == 2 and values.dtype.kind in "biufO":
            found.append((where, values.T if values.dtype.kind == "O" else values.astype(object).T))
        elif type(values) is StringArray:  # one column; its object array holds str and the dtype's NA
            found.append((where, values._ndarray[:, None]))
        else:
            return None
    return found


def row_tuples(frame: pd.DataFrame) -> Iterator[tuple]:
    """Like frame.itertuples(index=False): one namedtuple per row, fields named after the columns
    (a name that is not an identifier becomes _<position>, as pandas does)."""
    make = _row_type(tuple(str(name) for name in frame.columns))._make
    if not len(frame.columns):
        return iter([make(())] * len(frame))
    return map(make, _rows(frame))


def row_dicts(frame: pd.DataFrame) -> list[dict]:
    """Like frame.to_dict("records"): one dict per row, column name to value (a numpy number inside an
    object column stays as it is, and a nullable column's missing value stays pd.NA)."""
    names = list(frame.columns)
    if not names:
        return [{} for _ in range(len(frame))]
    return [dict(zip(names, row, strict=True)) for row in _rows(frame)]


def columns(frame: pd.DataFrame, *names: str) -> Iterator[tuple]:
    """zip(frame[a], frame[b], ...) over plain values: the columns' tolist(), not element by element."""
    return zip(*(_column_values(frame, name) for name in names), strict=True)


def _column_values(frame: pd.DataFrame, name: str) -> list:
    """frame[name].tolist() (which is the column's array's tolist()) without a Series built around the
    array (~10 µs a column); a name the frame has twice as pandas gives it."""
    loc = frame.columns.get_loc(name)
    if isinstance(loc, int):
        return frame._get_column_array(loc).tolist()
    return frame[name].tolist()
