"""Golden vectors for pixtip-filter, computed with scipy.ndimage.

Usage: python3 fixtures_filter.py OUT_DIR

Writes OUT_DIR/cases.npz (inputs and expected outputs, uncompressed) and
OUT_DIR/cases.json (one entry per case: function, parameters, how to view the
input, and the names of its arrays). Inputs are small random arrays from a
fixed seed; the tutorial cases use a single 1 in a 96 x 96 zero image and are
described in the manifest instead of stored.
"""

import json
import os
import sys

import numpy as np
import scipy
from scipy import ndimage as ndi
from scipy.ndimage._filters import _gaussian_kernel1d

MODES = ["reflect", "constant", "nearest", "mirror", "wrap", "grid-constant", "grid-mirror", "grid-wrap"]

rng = np.random.default_rng(20240611)
arrays = {}
cases = []
input_names = {}


def store(name, array):
    arrays[name] = np.ascontiguousarray(array)
    return name


def view_of(base, view):
    """Applies a manifest view description, exactly as the Rust test does."""
    x = base
    if view.get("transpose"):
        x = x.T
    steps = view.get("steps")
    if steps is not None:
        starts = view.get("starts", [0] * len(steps))
        x = x[tuple(slice(st if sp > 0 else None, None, sp) for st, sp in zip(starts, steps))]
    return x


def add(name, func, base, params, view=None, dtype="f64", input_desc=None):
    """Runs scipy on the viewed input and records the case."""
    view = view or {}
    x = view_of(base, view)
    expected = run(func, x, params)
    entry = {
        "name": name,
        "func": func,
        "dtype": dtype,
        "params": params,
        "view": view,
        "expected": store(f"{name}__expected", expected),
    }
    if input_desc is None:
        # Many cases share one input array: store it once.
        if id(base) not in input_names:
            input_names[id(base)] = (store(f"input{len(input_names)}", base), base)
        entry["input"] = input_names[id(base)][0]
    else:
        entry["input_desc"] = input_desc
    cases.append(entry)


def run(func, x, p):
    mode = p.get("mode", "reflect")
    cval = p.get("cval", 0.0)
    if func == "gaussian_filter":
        return ndi.gaussian_filter(
            x, p["sigma"], order=p.get("order", 0), mode=mode, cval=cval,
            truncate=p.get("truncate", 4.0), radius=p.get("radius"), axes=p.get("axes"))
    if func == "gaussian_filter1d":
        origin = p.get("origin", 0)
        if origin == 0:
            return ndi.gaussian_filter1d(
                x, p["sigma"], axis=p["axis"], order=p.get("order", 0), mode=mode, cval=cval,
                truncate=p.get("truncate", 4.0), radius=p.get("radius"))
        # scipy's gaussian_filter1d has no origin: it is correlate1d with the
        # reversed kernel, which does.
        sd = float(p["sigma"])
        radius = p.get("radius")
        if radius is None:
            radius = int(p.get("truncate", 4.0) * sd + 0.5)
        weights = _gaussian_kernel1d(sd, p.get("order", 0), radius)[::-1]
        return ndi.correlate1d(x, weights, axis=p["axis"], mode=mode, cval=cval, origin=origin)
    if func == "uniform_filter":
        return ndi.uniform_filter(x, p["size"], mode=mode, cval=cval, origin=p.get("origin", 0), axes=p.get("axes"))
    if func == "uniform_filter1d":
        return ndi.uniform_filter1d(x, p["size"], axis=p["axis"], mode=mode, cval=cval, origin=p.get("origin", 0))
    raise ValueError(func)


def rand(*shape, dtype=np.float64):
    return (rng.random(shape) * 2.0 - 0.5).astype(dtype)


# --- 1-D: every mode, every order, short lines --------------------------------
line = rand(23)
for mode in MODES:
    for order in range(4):
        add(f"g1d_{mode}_order{order}", "gaussian_filter1d", line,
            {"sigma": 1.7, "axis": 0, "order": order, "mode": mode, "cval": 0.35})
    for n in [1, 2, 3, 5]:
        short = rand(n)
        add(f"g1d_{mode}_short{n}", "gaussian_filter1d", short,
            {"sigma": 2.0, "axis": 0, "mode": mode, "cval": -0.5})
        add(f"g1d_{mode}_short{n}_order1", "gaussian_filter1d", short,
            {"sigma": 1.5, "axis": 0, "order": 1, "mode": mode, "cval": 0.25})
        for size in [2, 7, 12]:
            add(f"u1d_{mode}_short{n}_size{size}", "uniform_filter1d", short,
                {"size": size, "axis": 0, "mode": mode, "cval": 1.5})
    for size in [1, 2, 3, 4, 5, 8]:
        lo, hi = -(size // 2), (size - 1) // 2
        for origin in sorted({lo, 0, hi}):
            add(f"u1d_{mode}_size{size}_origin{origin}", "uniform_filter1d", line,
                {"size": size, "axis": 0, "mode": mode, "cval": 0.5, "origin": origin})
    for origin in [-3, -1, 2, 3]:
        add(f"g1d_{mode}_origin{origin}", "gaussian_filter1d", line,
            {"sigma": 1.2, "axis": 0, "mode": mode, "cval": 0.1, "origin": origin, "radius": 3})

for truncate in [0.5, 1.0, 2.5, 6.0]:
    add(f"g1d_truncate{truncate}", "gaussian_filter1d", line, {"sigma": 1.3, "axis": 0, "truncate": truncate})
for radius in [0, 1, 4, 30]:
    add(f"g1d_radius{radius}", "gaussian_filter1d", line, {"sigma": 2.2, "axis": 0, "radius": radius, "order": 1})
for sigma in [0.3, 0.5, 25.0]:
    add(f"g1d_sigma{sigma}", "gaussian_filter1d", line, {"sigma": sigma, "axis": 0, "mode": "mirror"})

# --- 2-D and 3-D ---------------------------------------------------------------
img = rand(13, 17)
for mode in MODES:
    add(f"g2d_{mode}", "gaussian_filter", img, {"sigma": [1.2, 2.5], "mode": mode, "cval": 0.7})
    add(f"u2d_{mode}", "uniform_filter", img, {"size": [3, 4], "mode": mode, "cval": 0.7})
    add(f"u2d_{mode}_long", "uniform_filter", img, {"size": [20, 35], "mode": mode, "cval": -0.2})
    add(f"g2d_{mode}_wide", "gaussian_filter", img, {"sigma": [6.0, 9.0], "mode": mode, "cval": -0.2})
add("g2d_orders01", "gaussian_filter", img, {"sigma": 1.5, "order": [0, 1]})
add("g2d_orders23", "gaussian_filter", img, {"sigma": [1.1, 1.9], "order": [2, 3], "mode": "nearest"})
add("g2d_order2_all", "gaussian_filter", img, {"sigma": 2.0, "order": 2, "mode": "wrap"})
add("g2d_truncate", "gaussian_filter", img, {"sigma": 2.0, "truncate": 1.5})
add("g2d_radius", "gaussian_filter", img, {"sigma": 2.0, "radius": [3, 5]})
add("g2d_axes1", "gaussian_filter", img, {"sigma": 2.0, "axes": [1]})
add("g2d_axes10", "gaussian_filter", img, {"sigma": [1.0, 3.0], "axes": [1, 0], "order": [1, 0]})
add("g2d_sigma0", "gaussian_filter", img, {"sigma": [0.0, 2.0]})
add("g2d_sigma0_all", "gaussian_filter", img, {"sigma": 0.0})
add("g2d_modes_per_axis", "gaussian_filter", img, {"sigma": 1.5, "mode": ["wrap", "constant"], "cval": 2.0})
add("u2d_size1", "uniform_filter", img, {"size": [1, 5]})
add("u2d_size1_all", "uniform_filter", img, {"size": 1})
add("u2d_origins", "uniform_filter", img, {"size": [4, 5], "origin": [-2, 2], "mode": "mirror"})
add("u2d_axes0", "uniform_filter", img, {"size": 6, "axes": [0], "mode": "wrap"})
add("u2d_modes_per_axis", "uniform_filter", img, {"size": 3, "mode": ["nearest", "reflect"]})
add("g1d_2d_axis0", "gaussian_filter1d", img, {"sigma": 1.4, "axis": 0, "order": 1, "mode": "constant", "cval": 1.0})
add("u1d_2d_axis1", "uniform_filter1d", img, {"size": 6, "axis": 1, "origin": -3, "mode": "nearest"})

# Length-1 axes.
row = rand(1, 9)
col = rand(9, 1)
for mode in MODES:
    add(f"g2d_row_{mode}", "gaussian_filter", row, {"sigma": 1.5, "mode": mode, "cval": 0.3})
    add(f"u2d_col_{mode}", "uniform_filter", col, {"size": 3, "mode": mode, "cval": 0.3})

cube = rand(5, 6, 7)
add("g3d", "gaussian_filter", cube, {"sigma": [1.0, 0.8, 2.0], "mode": ["reflect", "wrap", "mirror"]})
add("g3d_orders", "gaussian_filter", cube, {"sigma": 1.2, "order": [1, 0, 2], "mode": "nearest"})
add("g3d_axes", "gaussian_filter", cube, {"sigma": [2.0, 1.0], "axes": [2, 0]})
add("u3d", "uniform_filter", cube, {"size": [3, 4, 2], "origin": [-1, 1, 0], "mode": "constant", "cval": 0.5})
add("u3d_axes", "uniform_filter", cube, {"size": [5, 3], "axes": [1, 2], "mode": "wrap"})

# --- views: transposed, stepped, reversed ----------------------------------------
big = rand(24, 31)
add("view_g2d_transposed", "gaussian_filter", big, {"sigma": [1.5, 2.5]}, view={"transpose": True})
add("view_u2d_transposed", "uniform_filter", big, {"size": [4, 3], "mode": "nearest"}, view={"transpose": True})
add("view_g2d_stepped", "gaussian_filter", big, {"sigma": 1.3, "mode": "mirror"},
    view={"steps": [2, 3], "starts": [1, 2]})
add("view_u2d_reversed", "uniform_filter", big, {"size": 5, "mode": "wrap"}, view={"steps": [-1, 2]})
add("view_g3d_transposed", "gaussian_filter", cube, {"sigma": [1.0, 1.5, 0.7]}, view={"transpose": True})
add("view_u3d_stepped", "uniform_filter", rand(8, 9, 10), {"size": [2, 3, 4]},
    view={"steps": [2, -1, 3], "starts": [1, 0, 0]})
add("view_g1d_stepped", "gaussian_filter1d", rand(40), {"sigma": 2.0, "axis": 0, "mode": "wrap"},
    view={"steps": [3], "starts": [1]})

# --- float32 ---------------------------------------------------------------------
img32 = rand(13, 17, dtype=np.float32)
for mode in ["reflect", "constant", "wrap"]:
    add(f"f32_g2d_{mode}", "gaussian_filter", img32, {"sigma": [1.5, 2.0], "mode": mode, "cval": 0.25}, dtype="f32")
    add(f"f32_u2d_{mode}", "uniform_filter", img32, {"size": [3, 6], "mode": mode, "cval": 0.25}, dtype="f32")
add("f32_g2d_order1", "gaussian_filter", img32, {"sigma": 1.5, "order": [1, 2]}, dtype="f32")
add("f32_view_transposed", "gaussian_filter", img32, {"sigma": 1.0}, view={"transpose": True}, dtype="f32")

# --- the tutorial: a single 1 in a 96 x 96 zero image ---------------------------
for at in [(30, 40), (2, 93)]:
    impulse = np.zeros((96, 96))
    impulse[at] = 1.0
    desc = {"kind": "impulse", "shape": [96, 96], "at": list(at)}
    for sigma in [4.8, 9.6, 14.4]:
        add(f"tutorial_gaussian_{sigma}_at{at[0]}_{at[1]}", "gaussian_filter", impulse,
            {"sigma": sigma, "mode": "reflect"}, input_desc=desc)
    for size in [28, 38, 48]:
        add(f"tutorial_uniform_{size}_at{at[0]}_{at[1]}", "uniform_filter", impulse,
            {"size": size, "mode": "constant"}, input_desc=desc)

# --- scipy's running sum, bit for bit ----------------------------------------------
# scipy (1.0 on) sums the window, then each step adds `entering - leaving` to the
# sum and divides the sum by the size; `uniform_filter1d` runs this even for
# size 1 (`uniform_filter` skips sizes <= 1), so NaN and inf spread and
# roundings of the running sum show. The uniform tests compare these cases,
# and every other uniform case, bit for bit. A separate stream keeps the
# inputs of the cases above unchanged.
exact = np.random.default_rng(20261130)
special = {
    "nan": np.array([1.0, np.nan, 2.0, 3.0]),
    "rounding": np.array([0.001, 1.0, 0.1, 3.3]),
    "inf": np.array([0.5, np.inf, 2.0, -1.0, 4.0]),
    "inf_minus_inf": np.array([1.0, np.inf, 2.0, -np.inf, 3.0, 0.25]),
    "nan_late": np.array([0.3, 0.7, 1.1, 2.9, np.nan, 0.1, 0.2, 0.6]),
}
for label, values in special.items():
    for mode in ["reflect", "constant", "nearest", "wrap"]:
        for size in [1, 2, 3]:
            add(f"exact_u1d_{label}_{mode}_size{size}", "uniform_filter1d", values,
                {"size": size, "axis": 0, "mode": mode, "cval": 0.5})
for label in ["nan", "inf"]:
    grid = exact.random((6, 7))
    grid[2, 3] = np.nan if label == "nan" else np.inf
    add(f"exact_u2d_{label}", "uniform_filter", grid, {"size": [3, 2], "mode": "nearest"})
    add(f"exact_u2d_{label}_size1_axis0", "uniform_filter", grid, {"size": [1, 3]})
    add(f"exact_u1d_{label}_size1_axis0", "uniform_filter1d", grid, {"size": 1, "axis": 0})
    add(f"exact_u1d_{label}_size1_axis1", "uniform_filter1d", grid, {"size": 1, "axis": 1})
# Steps: with the pre-1.0 arithmetic (add (in - out) / size) a 0/1 step
# averaged over 6 gives 0.9999999999999999 and the zeros after it 5.55e-17.
for dtype, dname in [(np.float64, "f64"), (np.float32, "f32")]:
    step = np.zeros(40, dtype=dtype)
    step[10:25] = 1
    for size in [3, 5, 6, 7, 10, 12]:
        for mode in ["reflect", "constant"]:
            add(f"exact_u1d_step_{dname}_size{size}_{mode}", "uniform_filter1d", step,
                {"size": size, "axis": 0, "mode": mode}, dtype=dname)
    steps2d = np.zeros((20, 30), dtype=dtype)
    steps2d[5:12, 8:21] = 1
    add(f"exact_u2d_step_{dname}", "uniform_filter", steps2d, {"size": 6}, dtype=dname)
    add(f"exact_u2d_step_{dname}_sizes", "uniform_filter", steps2d, {"size": [7, 6], "mode": "constant"},
        dtype=dname)
# Values of very different magnitudes, so that each rounding of the running
# sum is visible, on lines long enough for the blocked and SIMD paths.
wild = exact.standard_normal(300) * 10.0 ** exact.uniform(-6, 6, 300)
for mode in MODES:
    add(f"exact_u1d_wild_{mode}", "uniform_filter1d", wild, {"size": 31, "axis": 0, "mode": mode, "cval": 0.3})
tall = exact.standard_normal((71, 45)) * 10.0 ** exact.uniform(-4, 4, (71, 45))
add("exact_u2d_wild", "uniform_filter", tall, {"size": [31, 9]})
add("exact_u2d_wild_constant", "uniform_filter", tall, {"size": [5, 17], "mode": "constant", "cval": -1.5,
                                                        "origin": [2, -8]})
add("exact_u2d_wild_axes10", "uniform_filter", tall, {"size": [4, 12], "axes": [1, 0], "mode": "wrap"})
add("exact_u2d_wild_transposed", "uniform_filter", tall, {"size": [8, 3]}, view={"transpose": True})
add("exact_u3d_wild", "uniform_filter", exact.standard_normal((9, 10, 33)), {"size": [3, 5, 7], "mode": "mirror"})
add("exact_u2d_wild_f32", "uniform_filter", tall.astype(np.float32), {"size": [31, 9]}, dtype="f32")
# Large enough to run in parallel and in cache blocks (above 65,536 samples).
block = exact.random((256, 260)) * 2.0 - 0.5
add("exact_u2d_blocked", "uniform_filter", block, {"size": 31})
add("exact_u2d_blocked_constant", "uniform_filter", block, {"size": [12, 38], "mode": "constant", "cval": 0.25,
                                                           "origin": [-6, 18]})
block32 = block.astype(np.float32)
block32[100, 37] = np.nan
block32[7, 250] = np.inf
add("exact_u2d_blocked_f32", "uniform_filter", block32, {"size": [9, 31], "mode": "wrap"}, dtype="f32")

# Gaussians keep NaN and inf where scipy has them (any arithmetic order does).
for label in ["nan", "inf"]:
    grid = exact.random((12, 40))
    grid[4, 20] = np.nan if label == "nan" else np.inf
    add(f"g2d_{label}", "gaussian_filter", grid, {"sigma": [1.5, 3.0]})
    add(f"g1d_{label}", "gaussian_filter1d", grid[4], {"sigma": 2.0, "axis": 0, "order": 1})
# A Gaussian large enough for the parallel and blocked paths.
add("g2d_blocked", "gaussian_filter", block, {"sigma": [8.0, 3.5]})

# f32 with a cval that f32 cannot hold: scipy pads its float64 line buffer
# with the float64 cval. Planes of a 3-D array, enough of them to be
# filtered in parallel.
planes32 = (exact.random((3, 150, 150)) * 2.0 - 0.5).astype(np.float32)
add("exact_u3d_planes_f32_cval", "uniform_filter", planes32,
    {"size": [5, 7], "axes": [1, 2], "mode": "constant", "cval": 0.1}, dtype="f32")
add("exact_u1d_f32_cval", "uniform_filter1d", planes32[0, :20, :20].copy(),
    {"size": 6, "axis": 1, "mode": "constant", "cval": 0.1}, dtype="f32")

out = sys.argv[1]
os.makedirs(out, exist_ok=True)
np.savez(os.path.join(out, "cases.npz"), **arrays)
with open(os.path.join(out, "cases.json"), "w") as f:
    json.dump({"scipy": scipy.__version__, "numpy": np.__version__, "cases": cases}, f, indent=1)
print(f"{len(cases)} cases, {len(arrays)} arrays")
