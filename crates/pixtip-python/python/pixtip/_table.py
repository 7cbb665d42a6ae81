"""Tables (pandas, polars, dicts) to columns the Rust module reads.

Numbers (bool, integers, floats) become float64 with missing values as NaN,
as ``pd.read_csv`` would give them; dates become ISO text typed temporal
(``T``); categories are text typed nominal; everything else is text.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Optional

import numpy as np

Column = "tuple[str, Any, Optional[str]]"


def columns(data: Any) -> "list[tuple[str, Any, Optional[str]]]":
    """``data`` (a pandas or polars DataFrame, a dict of columns, or None)
    as ``(name, float64 array | list[str], type code | None)`` triples."""
    if data is None:
        return []
    module = type(data).__module__.split(".")[0]
    if module == "polars":
        return [_polars_column(data[name]) for name in data.columns]
    if module == "pandas":
        return [_pandas_column(str(name), data[name]) for name in data.columns]
    if isinstance(data, Mapping):
        return [_array_column(str(name), values) for name, values in data.items()]
    raise TypeError(
        f"data must be a pandas or polars DataFrame or a dict of columns, not {type(data).__name__}"
    )


def _pandas_column(name: str, series: Any) -> "tuple[str, Any, Optional[str]]":
    import pandas as pd

    dtype = series.dtype
    if isinstance(dtype, pd.CategoricalDtype):
        return name, _text(series.astype(object).to_numpy()), "N"
    if pd.api.types.is_bool_dtype(dtype) or pd.api.types.is_numeric_dtype(dtype):
        return name, series.to_numpy(dtype=np.float64, na_value=np.nan), None
    if pd.api.types.is_datetime64_any_dtype(dtype):
        text = series.dt.strftime("%Y-%m-%dT%H:%M:%S.%f").fillna("")
        return name, [str(t) for t in text], "T"
    return name, _text(series.to_numpy(dtype=object)), None


def _polars_column(series: Any) -> "tuple[str, Any, Optional[str]]":
    import polars as pl

    name = series.name
    dtype = series.dtype
    if dtype == pl.Boolean or dtype.is_numeric():
        values = series.cast(pl.Float64).fill_null(float("nan")).to_numpy()
        return name, np.ascontiguousarray(values, dtype=np.float64), None
    if dtype.is_temporal():
        return name, ["" if v is None else v for v in series.cast(pl.Utf8).to_list()], "T"
    if dtype in (pl.Categorical, pl.Enum):
        return name, _text(series.cast(pl.Utf8).to_list()), "N"
    return name, _text(series.cast(pl.Utf8).to_list()), None


def _array_column(name: str, values: Any) -> "tuple[str, Any, Optional[str]]":
    array = np.asarray(values)
    if array.ndim != 1:
        raise ValueError(f"column `{name}` must be one-dimensional, not shape {array.shape}")
    if array.dtype.kind in "biuf":
        return name, array.astype(np.float64), None
    if array.dtype.kind == "M":
        return name, [str(t) for t in np.datetime_as_string(array)], "T"
    return name, _text(array), None


def _text(values: Any) -> "list[str]":
    def one(value: Any) -> str:
        if value is None or (isinstance(value, float) and value != value):
            return ""
        return str(value)

    return [one(v) for v in values]
