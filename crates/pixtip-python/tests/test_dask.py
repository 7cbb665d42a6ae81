"""Dask maps pixtip.pictures over a dataframe's partitions: the same
pictures as one call, with the threaded scheduler."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

import pixtip

dd = pytest.importorskip("dask.dataframe")
import dask  # noqa: E402


def add_pictures(partition: pd.DataFrame) -> pd.DataFrame:
    images = np.stack(partition["pixels"].to_list())
    return partition.assign(picture=pixtip.pictures(images, scale=("range", 0, 1)))


def test_partitions_give_the_pictures_of_one_call():
    rng = np.random.default_rng(2)
    images = rng.random((200, 28, 28), dtype=np.float32)
    frame = pd.DataFrame({"i": np.arange(200), "pixels": list(images)})
    # Arrays stay arrays: dask would otherwise turn object columns into text.
    with dask.config.set({"dataframe.convert-string": False, "scheduler": "threads"}):
        lazy = dd.from_pandas(frame, npartitions=7)
        meta = frame.head(0).assign(picture=pd.Series(dtype=object))
        result = lazy.map_partitions(add_pictures, meta=meta).compute()
    assert result["picture"].tolist() == pixtip.pictures(images, scale=("range", 0, 1))
    assert result["i"].tolist() == list(range(200))
