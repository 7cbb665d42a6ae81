"""``pixtip.pictures``: tooltip pictures for stacks of numpy images."""

from __future__ import annotations

import os
from collections.abc import Sequence
from typing import Any, Optional, Union

from . import _pixtip
from ._args import Scale, image_list, picture_options


def pictures(
    images: Any,
    *,
    labels: Optional[Sequence[str]] = None,
    scale: Scale = "auto",
    colormap: str = "gray",
    thumbnail: Optional[int] = 128,
    zoom: Optional[int] = None,
    png: str = "default",
    files: Union[str, "os.PathLike[str]", None] = None,
) -> "list[str]":
    """One tooltip picture per image, as PNG data URIs (or files).

    ``images`` is one array whose first axis counts the images (``N×H×W``
    gray, ``N×H×W×3|4`` colour, ``N×D×H×W`` volumes shown as their maximum
    along D), or a sequence of such arrays with the same N, joined side by
    side in each picture and labelled with ``labels``. Any dtype numpy has
    for images (bool, int8…int64, uint8…uint64, float32, float64), C or
    Fortran order, strided views: arrays are read where they lie, one image
    at a time, on every core, with the GIL released.

    ``scale`` maps values to 8-bit levels: ``"auto"`` (uint8 as it is, bool as
    0/255, floats in [0, 1] as ``(255 * x).astype('uint8')``, everything else
    by the column's min–max), ``"unit"``, ``"global"``, ``"per-image"``,
    ``("range", lo, hi)`` or ``("percentile", lo, hi)``. NaN pixels are
    magenta. ``colormap`` is a matplotlib name for gray images (``"gray"``,
    ``"viridis"``, ``"magma"``, ``"inferno"``, ``"plasma"``, ``"cividis"``).
    Pictures are shrunk to ``thumbnail`` pixels on their longest side (None
    keeps sizes); images under 32 px grow by a whole factor to about 64 px, or
    by ``zoom``. ``png`` is ``"fast"``, ``"default"`` or ``"smallest"``.

    With ``files="pictures"`` the PNG files are written into that folder
    (written whole under a temporary name, then swapped in; an existing
    folder is replaced only if pixtip wrote it) and their paths relative to
    the folder's parent are returned, e.g. ``"pictures/0-000000.png"``.

    The tutorial's pair of images with labels:

    >>> import numpy as np, pixtip
    >>> image1 = np.random.default_rng(1).random((3, 96, 96))
    >>> image2 = np.random.default_rng(2).random((3, 96, 96))
    >>> uris = pixtip.pictures((image1, image2), labels=("im1", "im2"), thumbnail=None, zoom=1)
    >>> len(uris), uris[0][:22]
    (3, 'data:image/png;base64,')

    Raises ``TypeError`` for objects and dtypes it cannot read,
    ``ValueError`` for bad shapes, scales and values (naming the row), and
    ``OSError`` for folders it cannot write.
    """
    arrays = image_list(images)
    options = picture_options(
        labels=labels, scale=scale, colormap=colormap, thumbnail=thumbnail, zoom=zoom, png=png
    )
    return _pixtip.pictures(arrays, options, None if files is None else os.fspath(files))
