"""pixtip.pictures: the facade's pictures, for every dtype and scale."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

import pixtip
from conftest import FIXTURES, decode, run_cli

LEVELS = json.loads((FIXTURES / "inputs" / "levels.json").read_text())
NPY_CASES = [case for case in LEVELS if case["input"].startswith("npy/")]


def scale_argument(text: str):
    """The command line's `range:LO,HI` as the Python tuple."""
    if ":" not in text:
        return text
    name, bounds = text.split(":")
    lo, hi = (float(b) for b in bounds.split(","))
    return (name, lo, hi)


def stack_of(name: str) -> np.ndarray:
    array = np.load(FIXTURES / "inputs" / name)
    return array[np.newaxis] if array.ndim == 2 else array


@pytest.mark.parametrize(
    "case", NPY_CASES, ids=[f"{c['input']}-{c['scale']}" for c in NPY_CASES]
)
def test_levels_equal_numpys(case):
    """Every dtype (big-endian and Fortran order too) under every scale gives
    the levels numpy computed for the fixture, pixel for pixel."""
    images = stack_of(case["input"])
    uris = pixtip.pictures(images, scale=scale_argument(case["scale"]), thumbnail=None, zoom=1)
    assert len(uris) == len(case["rows"])
    for row, (uri, expected) in enumerate(zip(uris, case["rows"])):
        mode, pixels = decode(uri)
        assert mode == expected["mode"], f"row {row}"
        assert pixels.shape[:2] == (expected["height"], expected["width"]), f"row {row}"
        assert pixels.flatten().tolist() == expected["pixels"], f"row {row} differs"


@pytest.mark.parametrize("name", ["uint8", "float32", "int16", "uint16", "rgb", "volume", "bool"])
@pytest.mark.parametrize("scale", ["auto", "per-image", "percentile:10,90"])
def test_bytes_equal_the_command_lines(cli, tmp_path, name, scale):
    """The same images through `pixtip chart` and through pixtip.pictures
    give the same PNG bytes: one picture path."""
    out = tmp_path / "out"
    done = run_cli(
        cli, "chart", str(FIXTURES / "inputs" / "npy" / f"{name}.npy"), "--scale", scale,
        "--y", "index", "--vl-json", "full", "--out", str(out),
    )
    assert done.returncode == 0, done.stderr
    spec = json.loads((out / "chart.vl.json").read_text())
    rows = next(iter(spec["datasets"].values()))
    from_cli = [row[key] for row in rows for key in row if str(row[key]).startswith("data:image")]
    from_python = pixtip.pictures(stack_of(f"npy/{name}.npy"), scale=scale_argument(scale))
    assert from_python == from_cli


def test_views_and_layouts_read_where_they_lie():
    rng = np.random.default_rng(3)
    base = rng.random((8, 20, 24)).astype(np.float32)
    strided = base[::2, ::-1, 1::2]
    fortran = np.asfortranarray(strided)
    copied = np.ascontiguousarray(strided)
    assert pixtip.pictures(strided) == pixtip.pictures(copied) == pixtip.pictures(fortran)


def test_the_tutorials_pair_is_labelled_and_joined():
    rng = np.random.default_rng(0)
    image1, image2 = rng.random((2, 4, 96, 96))
    uris = pixtip.pictures((image1, image2), labels=("im1", "im2"), thumbnail=None, zoom=1)
    mode, pixels = decode(uris[0])
    assert mode == "L" and pixels.shape == (96, 202)
    single1 = decode(pixtip.pictures(image1, thumbnail=None, zoom=1)[0])[1]
    # Outside the label box the left picture is image1's picture.
    assert (pixels[30:, :96] == single1[30:]).all()
    assert (pixels[:, 96:106] == 255).all(), "the 10 px white gap"


def test_files_are_written_and_referenced_relatively(tmp_path):
    images = np.arange(3 * 8 * 8, dtype=np.uint16).reshape(3, 8, 8)
    folder = tmp_path / "pictures"
    paths = pixtip.pictures(images, files=folder)
    assert paths == [f"pictures/0-{row:06d}.png" for row in range(3)]
    uris = pixtip.pictures(images)
    for path, uri in zip(paths, uris):
        import base64

        assert (tmp_path / path).read_bytes() == base64.b64decode(uri.split(",", 1)[1])
    # Written again: the earlier folder (marked as pixtip's) is replaced whole.
    assert pixtip.pictures(images[:1], files=folder) == ["pictures/0-000000.png"]
    assert sorted(p.name for p in folder.iterdir() if p.suffix == ".png") == ["0-000000.png"]


def test_colormaps_thumbnails_and_png_presets():
    images = np.random.default_rng(5).random((2, 300, 150))
    mode, pixels = decode(pixtip.pictures(images, colormap="viridis")[0])
    assert mode == "RGB" and pixels.shape == (128, 64, 3)
    big = pixtip.pictures(images, thumbnail=None, png="fast")
    assert decode(big[0])[1].shape == (300, 150)
    assert decode(pixtip.pictures(images, png="smallest", thumbnail=16)[0])[1].shape == (16, 8)


def test_nan_pixels_are_magenta_and_infinities_clamp():
    image = np.array([[[0.0, np.nan], [np.inf, -np.inf]]])
    mode, pixels = decode(pixtip.pictures(image, zoom=1)[0])
    assert mode == "RGB"
    assert pixels[0, 1].tolist() == [255, 0, 255]
    assert pixels[1, 0].tolist() == [255, 255, 255] and pixels[1, 1].tolist() == [0, 0, 0]


def test_the_tutorials_pictures_equal_the_demos(cli, tmp_path):
    """`pixtip demo` pictures its blobs through the facade; the same arrays
    through pixtip.pictures give the same data URIs, pair and singles."""
    out = tmp_path / "demo"
    done = run_cli(cli, "demo", "--rows", "12", "--save-arrays", "--out", str(out))
    assert done.returncode == 0, done.stderr
    arrays = np.load(out / "arrays.npz")
    image1, image2 = arrays["image1"], arrays["image2"]
    tutorial = dict(scale="unit", thumbnail=None, zoom=1)
    comparison = json.loads((out / "comparison.vl.json").read_text())
    rows = next(iter(comparison["datasets"].values()))
    assert [row["image"] for row in rows] == pixtip.pictures(
        (image1, image2), labels=("im1", "im2"), **tutorial
    )
    switch = json.loads((out / "metric-switch.vl.json").read_text())
    rows = next(iter(switch["datasets"].values()))
    assert [row["image1_base64"] for row in rows] == pixtip.pictures(image1, **tutorial)
    assert [row["image2_base64"] for row in rows] == pixtip.pictures(image2, **tutorial)
