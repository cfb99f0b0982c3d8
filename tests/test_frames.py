"""Rows as plain values: the same rows as pandas' itertuples(index=False) and to_dict("records")."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest

from tasks.frames import columns, row_dicts, row_tuples


def same(a, b) -> bool:
    """Equal and of one type; pandas gives a nullable integer column's numbers as numpy scalars, we as int."""
    if isinstance(b, np.integer):
        b = b.item()
    if type(a) is not type(b):
        return False
    if a is pd.NA or a is pd.NaT or (isinstance(a, float) and math.isnan(a)):
        return a is b or (isinstance(b, float) and math.isnan(b))
    return a == b


FRAMES = {
    "mixed": pd.DataFrame({"kode": ["1.1", None, "1.3"], "nilai": [1.5, np.nan, 3.0], "n": [1, 2, 3],
                           "ok": [True, False, True], "sumber": [["a!b!C3"], [], ["x"]],
                           "jumlah": pd.array([1, None, 3], dtype="Int64"),
                           "tanggal": pd.to_datetime(["2024-01-31", None, "2024-03-31"]),
                           "campur": pd.Series([np.float64(1.5), "x", None], dtype=object)}),
    "names that are not identifiers": pd.DataFrame({"no.": [1], "class": ["x"], "_tersembunyi": [2.0], "2": ["y"]}),
    "duplicate names": pd.DataFrame([[1, "a"], [2, "b"]], columns=["x", "x"]),
    "no rows": pd.DataFrame({"kode": pd.Series([], dtype="str"), "nilai": pd.Series([], dtype="float64")}),
    "no columns": pd.DataFrame(index=range(2)),
}


@pytest.mark.parametrize("name", FRAMES)
def test_row_tuples_are_itertuples(name):
    frame = FRAMES[name]
    ours, theirs = list(row_tuples(frame)), list(frame.itertuples(index=False))
    assert len(ours) == len(theirs)
    for a, b in zip(ours, theirs, strict=True):
        assert a._fields == b._fields and all(same(x, y) for x, y in zip(a, b, strict=True))


@pytest.mark.parametrize("name", [n for n in FRAMES if n != "duplicate names"])  # to_dict refuses those
def test_row_dicts_are_records(name):
    # to_dict also unboxes numpy numbers inside object columns and gives None for a nullable column's
    # NA; our tables have neither (numbers live in numeric columns), and row_dicts leaves them as they are
    frame = FRAMES[name].drop(columns=["jumlah", "campur"], errors="ignore")
    ours, theirs = row_dicts(frame), frame.to_dict("records")
    assert len(ours) == len(theirs)
    for a, b in zip(ours, theirs, strict=True):
        assert list(a) == list(b) and all(same(a[k], b[k]) for k in a)


def test_columns_zip_plain_values():
    frame = FRAMES["mixed"]
    rows = list(columns(frame, "n", "kode"))
    assert [n for n, _ in rows] == [1, 2, 3] and all(type(n) is int for n, _ in rows)
    assert rows[0][1] == "1.1" and rows[2][1] == "1.3" and pd.isna(rows[1][1])


@pytest.mark.parametrize("name", [n for n in FRAMES if n not in ("duplicate names", "no columns")])
def test_columns_are_each_columns_tolist(name):
    frame = pd.concat([FRAMES[name], FRAMES[name]], ignore_index=True)  # concatenated: blocks unconsolidated
    ours = list(columns(frame, *frame.columns))
    theirs = list(zip(*(frame[n].tolist() for n in frame.columns), strict=True))
    assert len(ours) == len(theirs)
    for a, b in zip(ours, theirs, strict=True):
        assert all(same(x, y) for x, y in zip(a, b, strict=True))


def test_columns_of_a_name_given_twice_or_missing_are_as_pandas_gives_them():
    with pytest.raises(AttributeError):  # frame["x"] is a DataFrame there: no tolist, as before
        list(columns(FRAMES["duplicate names"], "x"))
    with pytest.raises(KeyError):
        list(columns(FRAMES["mixed"], "tidak ada"))


def _unconsolidated() -> pd.DataFrame:
    frame = pd.DataFrame({"a": [1.0, 2.0]})
    for name, values in (("b", ["x", None]), ("c", [3.0, np.nan]), ("d", [1, 2]), ("e", [True, False])):
        frame[name] = values  # a block per column added, not merged
    return frame


PLAIN = {
    "text with missing (str)": pd.DataFrame({"t": pd.Series(["a", None, "c"], dtype="str"), "n": [1, 2, 3]}),
    "text with missing (string)": pd.DataFrame({"t": pd.array(["a", None, "c"], dtype="string"), "x": [.5, 1., 2.]}),
    "narrow numbers": pd.DataFrame({"f": np.array([1.5, np.nan], dtype="float32"), "u": np.array([1, 255], "uint8"),
                                    "i": np.array([-1, 7], "int16")}),
    "unconsolidated": _unconsolidated(),
    "columns picked out of order": pd.DataFrame({"a": [1, 2], "b": ["x", "y"], "c": [.1, .2], "d": [3, 4]})[
        ["d", "b", "a", "c"]],
    "rows sliced": pd.DataFrame({"a": range(6), "b": list("abcdef"), "c": np.arange(6) / 2}).iloc[1:5:2],
    "objects": pd.DataFrame({"o": pd.Series([[1], {"k": 2}, None], dtype=object), "n": [np.nan, 1.0, 2.0]}),
}


@pytest.mark.parametrize("name", [*FRAMES, *PLAIN])
def test_rows_are_to_numpy_object(name):
    """The block-wise rows are to_numpy(dtype=object)'s, value for value and type for type."""
    from tasks.frames import _rows

    frame = {**FRAMES, **PLAIN}[name]
    ours, theirs = _rows(frame), frame.to_numpy(dtype=object).tolist()
    assert len(ours) == len(theirs)
    for a, b in zip(ours, theirs, strict=True):
        assert len(a) == len(b) and all(
            (x is y) or (type(x) is type(y) and (x == y or (x != x and y != y))) for x, y in zip(a, b, strict=True))


@pytest.mark.parametrize("name", PLAIN)
def test_plain_tables_take_the_block_path(name):
    """The tables our steps convert (numbers, bools, objects, text) are assembled from their blocks, not
    left to to_numpy; a date or nullable column is."""
    from tasks.frames import _plain_blocks

    assert _plain_blocks(PLAIN[name]) is not None
    assert _plain_blocks(FRAMES["mixed"]) is None
