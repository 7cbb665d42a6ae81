"""scipy.ndimage's Gaussian and uniform filters, with scipy's signatures and
results, computed in Rust on every core with the GIL released.

Uniform filters equal scipy's bit for bit; Gaussian filters within 1e-12
relative. ``float64`` and ``float32`` inputs are filtered in their own type
(``float32`` rounded after each axis, as scipy does); integer inputs are
computed in float64 and truncated after each axis, as scipy casts them.

Differences on purpose, as in the Rust library: a negative or non-finite
sigma, a size of 0 and an order above 3 raise ``ValueError``; ``output`` may
be None, the input's dtype or ``float64`` (not an array to write into).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Optional, Union

import numpy as np

from . import _pixtip
from ._args import native

__all__ = ["gaussian_filter", "gaussian_filter1d", "uniform_filter", "uniform_filter1d"]

Number = Union[float, Sequence[float]]


def _input_and_widen(input: Any, output: Any) -> "tuple[np.ndarray, bool]":
    array = native(input, "input")
    if array.dtype.kind not in "iuf" or array.dtype.itemsize > 8 or array.dtype == np.float16:
        raise TypeError(
            f"input must be float64, float32 or an integer type, not dtype {array.dtype}"
        )
    if output is None:
        return array, False
    if isinstance(output, np.ndarray):
        raise TypeError("output must be None or a dtype; pixtip returns a new array")
    wanted = np.dtype(output)
    if wanted == array.dtype:
        return array, False
    if wanted == np.float64 and (array.dtype.kind in "iu" or array.dtype == np.float32):
        return array, True
    raise TypeError(f"output dtype {wanted} is not supported for input dtype {array.dtype}")


def _axes(axes: Optional[Sequence[int]], ndim: int) -> Optional["list[int]"]:
    if axes is None:
        return None
    if isinstance(axes, (int, np.integer)):
        axes = [axes]
    normal = []
    for axis in axes:
        axis = int(axis)
        if not -ndim <= axis < ndim:
            raise ValueError(f"axis {axis} is out of range for an array of {ndim} dimensions")
        normal.append(axis % ndim)
    return normal


def _per_axis(value: Any, cast: Any) -> Any:
    if isinstance(value, (str, bytes)):
        return value
    if isinstance(value, (Sequence, np.ndarray)):
        return [cast(v) for v in value]
    return cast(value)


def _mode(mode: Any) -> Any:
    return mode if isinstance(mode, str) else [str(m) for m in mode]


def gaussian_filter(
    input: Any,
    sigma: Number,
    order: Union[int, Sequence[int]] = 0,
    output: Any = None,
    mode: Union[str, Sequence[str]] = "reflect",
    cval: float = 0.0,
    truncate: float = 4.0,
    *,
    radius: Union[None, int, Sequence[int]] = None,
    axes: Optional[Sequence[int]] = None,
) -> np.ndarray:
    """Multidimensional Gaussian filter, as ``scipy.ndimage.gaussian_filter``.

    >>> import numpy as np
    >>> from pixtip import ndimage
    >>> ndimage.gaussian_filter(np.eye(3), 1.0).round(3)[0]
    array([0.502, 0.329, 0.168])
    """
    array, widen = _input_and_widen(input, output)
    return _pixtip.gaussian_filter_impl(
        array,
        _per_axis(sigma, float),
        _per_axis(order, int),
        _mode(mode),
        float(cval),
        float(truncate),
        None if radius is None else _per_axis(radius, int),
        _axes(axes, array.ndim),
        widen,
    )


def gaussian_filter1d(
    input: Any,
    sigma: float,
    axis: int = -1,
    order: int = 0,
    output: Any = None,
    mode: str = "reflect",
    cval: float = 0.0,
    truncate: float = 4.0,
    *,
    radius: Optional[int] = None,
) -> np.ndarray:
    """1-D Gaussian filter along ``axis``, as ``scipy.ndimage.gaussian_filter1d``."""
    # ``gaussian_filter`` on the one axis, with scipy's scalar arguments.
    return gaussian_filter(
        input,
        float(sigma),
        int(order),
        output,
        str(mode),
        cval,
        truncate,
        radius=None if radius is None else int(radius),
        axes=[axis],
    )


def uniform_filter(
    input: Any,
    size: Union[int, Sequence[int]] = 3,
    output: Any = None,
    mode: Union[str, Sequence[str]] = "reflect",
    cval: float = 0.0,
    origin: Union[int, Sequence[int]] = 0,
    *,
    axes: Optional[Sequence[int]] = None,
) -> np.ndarray:
    """Multidimensional uniform (box) filter, as ``scipy.ndimage.uniform_filter``.

    >>> import numpy as np
    >>> from pixtip import ndimage
    >>> ndimage.uniform_filter(np.array([0.0, 3.0, 6.0]), 3)
    array([1., 3., 5.])
    """
    array, widen = _input_and_widen(input, output)
    return _pixtip.uniform_filter_impl(
        array,
        _per_axis(size, int),
        _mode(mode),
        float(cval),
        _per_axis(origin, int),
        _axes(axes, array.ndim),
        widen,
    )


def uniform_filter1d(
    input: Any,
    size: int,
    axis: int = -1,
    output: Any = None,
    mode: str = "reflect",
    cval: float = 0.0,
    origin: int = 0,
) -> np.ndarray:
    """1-D uniform filter along ``axis``, as ``scipy.ndimage.uniform_filter1d``."""
    array, widen = _input_and_widen(input, output)
    return _pixtip.uniform_filter1d_impl(
        array, int(size), str(mode), float(cval), int(origin), _axes([axis], array.ndim)[0], widen
    )
