"""Columns every dataset carries so that a problem, and later a figure, traces back to a cell."""

import pandera.pandas as pa
from pandera.typing import Series


class Sumber(pa.DataFrameModel):
    """Where a row was read: file, sheet and Excel row (1-based)."""

    sumber_file: Series[str] = pa.Field(description="Name of the input file the row was read from")
    sumber_sheet: Series[str] = pa.Field(description="Sheet (or 'Tabel' for a Word document) of the row")
    sumber_baris: Series[int] = pa.Field(ge=1, description="Excel row number (1-based) of the row")

    class Config:
        coerce = True
