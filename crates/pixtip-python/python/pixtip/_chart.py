"""``pixtip.chart`` and the ``Chart`` it returns."""

from __future__ import annotations

import json
import os
from collections.abc import Mapping, Sequence
from typing import Any, Optional, Union

from . import _pixtip
from ._args import Scale, image_list, native, picture_options
from ._table import columns

VEGALITE_MIMETYPE = "application/vnd.vegalite.v6+json"


class Chart:
    """A Vega-Lite chart made by pixtip, shown in Jupyter as Altair's are.

    ``to_dict()`` / ``to_json()`` give the specification (the same bytes as
    ``pixtip chart`` writes to ``chart.vl.json``), ``save()`` writes
    ``.html`` or ``.json``, ``to_altair()`` returns an Altair chart to keep
    building on.
    """

    def __init__(self, rust_chart: Any) -> None:
        self._chart = rust_chart

    def to_json(self) -> str:
        """The specification as JSON, indented as Altair's ``to_json()``."""
        return self._chart.to_json()

    def to_dict(self) -> dict:
        """The specification as a dict."""
        return json.loads(self._chart.to_json())

    def to_html(self, offline_js: Union[str, "os.PathLike[str]", None] = None) -> str:
        """A standalone page; ``offline_js`` is a ``node_modules`` folder whose
        vega scripts are inlined (by default they load from a CDN)."""
        return self._chart.to_html(None if offline_js is None else os.fspath(offline_js))

    def save(
        self, path: Union[str, "os.PathLike[str]"], offline_js: Union[str, "os.PathLike[str]", None] = None
    ) -> int:
        """Writes ``.html`` or ``.json`` (``.vl.json``) by the name's ending,
        atomically; returns the bytes written."""
        return self._chart.save(os.fspath(path), None if offline_js is None else os.fspath(offline_js))

    def to_altair(self) -> Any:
        """The chart as an Altair chart object (``altair`` must be installed)."""
        import altair as alt

        spec = self.to_dict()
        kinds = [
            ("repeat", alt.RepeatChart),
            ("hconcat", alt.HConcatChart),
            ("vconcat", alt.VConcatChart),
            ("concat", alt.ConcatChart),
            ("layer", alt.LayerChart),
            ("facet", alt.FacetChart),
        ]
        for key, kind in kinds:
            if key in spec:
                return kind.from_dict(spec)
        return alt.Chart.from_dict(spec)

    def _repr_mimebundle_(self, include: Any = None, exclude: Any = None) -> dict:
        return {
            VEGALITE_MIMETYPE: self.to_dict(),
            "text/html": self._chart.notebook_html(),
            "text/plain": repr(self),
        }

    def __repr__(self) -> str:
        spec = self.to_dict()
        title = spec.get("title")
        if isinstance(title, dict):
            title = title.get("text")
        return f"pixtip.Chart(title={title!r})"


def _named_images(images: Any) -> "list[tuple[str, Any]]":
    if isinstance(images, Mapping):
        if not images:
            raise ValueError("images is empty: give an array, a sequence of arrays or a dict")
        return [(str(name), native(array, f"images[{name!r}]")) for name, array in images.items()]
    arrays = image_list(images)
    if len(arrays) == 1:
        return [("image", arrays[0])]
    return [(f"image{i + 1}", array) for i, array in enumerate(arrays)]


def chart(
    data: Any = None,
    *,
    images: Any,
    x: Optional[str] = None,
    y: Optional[str] = None,
    color: Optional[str] = None,
    tooltip: Sequence[str] = (),
    title: Optional[str] = None,
    repeat: Optional[Sequence[str]] = None,
    switch: Optional[Sequence[str]] = None,
    metrics: Union[Mapping[str, str], Sequence[str], None] = None,
    picture: Optional[Sequence[str]] = None,
    pictures: Union[str, "os.PathLike[str]"] = "embed",
    labels: Optional[Sequence[str]] = None,
    scale: Scale = "auto",
    colormap: str = "gray",
    thumbnail: Optional[int] = 128,
    zoom: Optional[int] = None,
    png: str = "default",
) -> Chart:
    """The ``pixtip chart`` command as a call: a chart whose tooltips show
    each row's images.

    ``data`` is a pandas or polars DataFrame or a dict of columns (row i
    describes image i); ``images`` an array (column ``image``), a sequence of
    arrays (``image1``, ``image2``, …) or a dict name → array, each with the
    same number of images as ``data`` has rows. Fields are ``data``'s columns,
    the image metrics and ``index``, with Altair's type suffixes
    (``"label:N"``).

    The chart is a scatter of ``x`` against ``y`` (defaults: ``index``, and
    the first metric or number column), coloured by ``color``, with
    ``tooltip`` fields under the picture; ``repeat=[f1, f2]`` gives the
    tutorial's strips per field and ``switch=[f1, f2]`` its dropdown, grouped
    along ``x``. ``metrics`` maps new columns to ``"IMAGES:KIND[:ARG]"``
    (``{"area": "image1:fraction_above:0.4"}``; kinds ``mean``, ``min``,
    ``max``, ``sum``, ``fraction_above``). ``picture`` names the image columns
    joined in each picture (default: all of them, labelled with their names
    or ``labels``). ``pictures`` is ``"embed"`` (data URIs) or a folder to
    write PNG files into, which the saved page refers to relatively. The
    picture options are those of :func:`pixtip.pictures`.

    >>> import numpy as np, pandas as pd, pixtip
    >>> images = np.random.default_rng(0).random((5, 16, 16))
    >>> df = pd.DataFrame({"size": [1.0, 2.0, 3.0, 4.0, 5.0]})
    >>> c = pixtip.chart(df, images=images, x="size", metrics={"brightness": "image:mean"})
    >>> c.to_dict()["mark"]["type"]
    'circle'
    """
    named = _named_images(images)
    if isinstance(metrics, Mapping):
        metric_specs = [f"{name}={spec}" for name, spec in metrics.items()]
    else:
        metric_specs = list(metrics or [])
    args = {
        "x": x,
        "y": y,
        "color": color,
        "tooltip": [str(t) for t in tooltip],
        "title": title,
        "picture": [name for name, _ in named] if picture is None else [str(p) for p in picture],
        "metrics": metric_specs,
        "repeat": None if repeat is None else [str(f) for f in repeat],
        "switch": None if switch is None else [str(f) for f in switch],
    }
    options = picture_options(
        labels=labels, scale=scale, colormap=colormap, thumbnail=thumbnail, zoom=zoom, png=png
    )
    storage = os.fspath(pictures)
    return Chart(_pixtip.chart(columns(data), named, args, options, storage))
