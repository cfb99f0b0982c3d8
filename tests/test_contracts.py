"""Validating several tables of one contract at once checks exactly what validating each alone does."""

from __future__ import annotations

import pandas as pd
import pandera.pandas as pa
import pytest
from pandera.errors import SchemaError
from pandera.typing import Series

from contracts.common import Teks, validate_together


class Row(pa.DataFrameModel):
    kode: Series[str] = pa.Field(unique=True, str_matches=r"^K\d\d$")
    triwulan: Series[int] = pa.Field(isin=[1, 2, 3, 4])
    nilai: Series[float] = pa.Field(nullable=True, ge=0)

    class Config:
        coerce = True
        unique = ["kode", "triwulan"]


def table(*rows) -> pd.DataFrame:
    return pd.DataFrame(rows, columns=["kode", "triwulan", "nilai"])


def test_tables_come_back_checked_under_their_keys():
    a, b = table(("K01", 1, 1), ("K02", 1, None)), table(("K01", 2, 3))
    checked = validate_together(Row, {"a": a, "b": b, "kosong": pd.DataFrame()})
    pd.testing.assert_frame_equal(checked["a"], Row.validate(a))
    pd.testing.assert_frame_equal(checked["b"], Row.validate(b))
    assert checked["kosong"].empty and list(checked) == ["a", "b", "kosong"]


def test_uniqueness_holds_within_each_table_not_across():
    same_code = {1: table(("K01", 1, 1)), 2: table(("K01", 1, 2))}  # each valid alone
    assert len(validate_together(Row, same_code)) == 2
    with pytest.raises(SchemaError):
        validate_together(Row, {1: table(("K01", 1, 1), ("K01", 2, 2)), 2: table(("K02", 1, 1))})
    with pytest.raises(SchemaError):
        validate_together(Row, {1: table(("K01", 1, 1), ("K01", 1, 2))})


@pytest.mark.parametrize("bad", [("K1", 1, 1.0), ("K03", 5, 1.0), ("K03", 1, -1.0)])
def test_a_bad_row_in_any_table_fails_the_check(bad):
    with pytest.raises(SchemaError):
        validate_together(Row, {1: table(("K01", 1, 1)), 2: table(("K02", 1, 1), bad)})


class AsTeks(pa.DataFrameModel):
    teks: Series[Teks] = pa.Field(nullable=True)


@pytest.mark.parametrize("values, dtype", [(["a", None, "c"], None), (["a", 1, 2.5], object), ([1, 2], "int64"),
                                           ([None, None], object)])
def test_teks_checks_and_coerces_exactly_as_pandera_str(values, dtype):
    frame = pd.DataFrame({"teks": pd.Series(values, dtype=dtype)})
    outcomes = []
    for dtype_ in (str, Teks):
        for coerce in (False, True):
            schema = pa.DataFrameSchema({"teks": pa.Column(dtype_, nullable=True)}, coerce=coerce)
            try:
                outcomes.append(("ok", schema.validate(frame.copy())))
            except SchemaError as error:
                outcomes.append(("galat", (str(error), error.failure_cases)))
    for plain, fast in zip(outcomes[:2], outcomes[2:], strict=True):
        assert plain[0] == fast[0]
        if plain[0] == "ok":
            pd.testing.assert_frame_equal(plain[1], fast[1])
        else:
            assert plain[1][0] == fast[1][0]
            assert str(plain[1][1]) == str(fast[1][1])


def test_teks_reports_every_non_text_element_in_lazy_validation():
    frame = pd.DataFrame({"teks": pd.Series(["a", 7, "b", 8.5], dtype=object)})
    with pytest.raises(pa.errors.SchemaErrors) as caught:
        AsTeks.validate(frame, lazy=True)
    assert sorted(caught.value.failure_cases["index"].tolist()) == [1, 3]
