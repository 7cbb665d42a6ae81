"""Python values to the arguments the Rust module takes: no decisions here."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any, Optional, Union

import numpy as np

Scale = Union[str, "tuple[str, float, float]"]


def scale_text(scale: Scale) -> str:
    """``"auto"`` stays; ``("range", 0, 4095)`` becomes ``"range:0,4095"``."""
    if isinstance(scale, str):
        return scale
    if isinstance(scale, tuple) and len(scale) == 3 and isinstance(scale[0], str):
        name, lo, hi = scale
        return f"{name}:{_number(lo)},{_number(hi)}"
    raise TypeError(
        "scale must be a name ('auto', 'unit', 'global', 'per-image') or a tuple "
        f"('range' | 'percentile', lo, hi), not {scale!r}"
    )


def _number(value: Any) -> str:
    if isinstance(value, (bool, np.bool_)) or not isinstance(value, (int, float, np.number)):
        raise TypeError(f"scale bounds must be numbers, not {value!r}")
    return repr(float(value)) if isinstance(value, (float, np.floating)) else str(int(value))


def picture_options(
    *,
    labels: Optional[Sequence[str]],
    scale: Scale,
    colormap: str,
    thumbnail: Optional[int],
    zoom: Optional[int],
    png: str,
) -> dict:
    """The picture keyword arguments as the Rust module reads them."""
    if isinstance(labels, str):
        raise TypeError("labels must be a sequence of strings, one per image array")
    return {
        "scale": scale_text(scale),
        "colormap": colormap,
        "thumbnail": thumbnail,
        "zoom": zoom,
        "png": png,
        "labels": None if labels is None else [str(label) for label in labels],
    }


def native(array: Any, what: str) -> np.ndarray:
    """A numpy array in native byte order, read where it lies when it can be.

    Lists and other array-likes become arrays; big-endian arrays are copied
    once into native order (the Rust side reads native numbers only).
    """
    if not isinstance(array, np.ndarray):
        if isinstance(array, (str, bytes, Mapping)):
            raise TypeError(f"{what}: expected a numpy array, not {type(array).__name__}")
        array = np.asarray(array)
    if array.dtype.byteorder not in ("=", "|") and array.dtype.byteorder != _NATIVE:
        array = array.astype(array.dtype.newbyteorder("="))
    return array


_NATIVE = "<" if np.little_endian else ">"


def image_list(images: Any) -> "list[np.ndarray]":
    """One array, or a sequence of arrays, as a list of arrays."""
    if isinstance(images, np.ndarray):
        return [native(images, "images")]
    if isinstance(images, (list, tuple)) and images and all(
        isinstance(a, np.ndarray) or hasattr(a, "__array__") for a in images
    ):
        return [native(a, f"images[{i}]") for i, a in enumerate(images)]
    if isinstance(images, (list, tuple)) and not images:
        raise ValueError("images is empty: give an array or a sequence of arrays")
    return [native(images, "images")]
