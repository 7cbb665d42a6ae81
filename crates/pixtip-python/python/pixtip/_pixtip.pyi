"""Type stubs of the extension module; the public API is in pixtip/__init__.py."""

from typing import Any, Optional, Sequence

__version__: str

class RustChart:
    def to_json(self) -> str: ...
    def to_html(self, offline_js: Optional[str] = None) -> str: ...
    def save(self, path: str, offline_js: Optional[str] = None) -> int: ...
    def notebook_html(self) -> str: ...

def pictures(images: Sequence[Any], options: dict, files: Optional[str] = None) -> list[str]: ...
def chart(
    columns: Sequence[tuple[str, Any, Optional[str]]],
    images: Sequence[tuple[str, Any]],
    args: dict,
    options: dict,
    pictures: str,
) -> RustChart: ...
def gaussian_filter_impl(
    input: Any, sigma: Any, order: Any, mode: Any, cval: float, truncate: float,
    radius: Any, axes: Optional[list[int]], widen: bool,
) -> Any: ...
def uniform_filter_impl(
    input: Any, size: Any, mode: Any, cval: float, origin: Any, axes: Optional[list[int]], widen: bool,
) -> Any: ...
def uniform_filter1d_impl(
    input: Any, size: int, mode_name: str, cval: float, origin: int, axis: int, widen: bool,
) -> Any: ...
