"""Golden vectors for the atlas (`pixtip::atlas`): cell assignment on an
N x N grid of square cells, each cell's members, mean image, the member
nearest the mean, the even sample, the means of a field and the most common
label, computed with numpy from small inputs written beside them.

Usage: fixtures_atlas.py OUT_DIR
"""

import json
import sys
from collections import Counter
from pathlib import Path

import numpy as np


def reference(images, x, y, n, k):
    finite = np.isfinite(x) & np.isfinite(y)
    x0, x1 = x[finite].min(), x[finite].max()
    y0, y1 = y[finite].min(), y[finite].max()
    span = max(x1 - x0, y1 - y0)
    side = span / n if span > 0 else 1.0
    col = np.full(len(x), -1)
    row = np.full(len(x), -1)
    col[finite] = np.minimum(np.floor((x[finite] - x0) / side), n - 1).astype(int)
    row[finite] = np.minimum(np.floor((y[finite] - y0) / side), n - 1).astype(int)
    labels = (np.arange(len(x)) * 7 % 5).astype(np.float64)
    cells = []
    for r in range(n):
        for c in range(n):
            members = np.flatnonzero((col == c) & (row == r))
            if len(members) == 0:
                continue
            stack = images[members].astype(np.float64)
            # Row by row along axis 0, then divided: numpy's mean of a stack.
            mean = stack.sum(axis=0) / len(members)
            squares = ((stack - mean) ** 2).reshape(len(members), -1)
            # Accumulated left to right, as pixtip adds a member's pixels.
            distance = np.add.accumulate(squares, axis=1)[:, -1]
            representative = int(members[np.argmin(distance)])
            m = len(members)
            sample = members if m <= k else members[(np.arange(k) * m) // k]
            xs = x[members]
            xs = xs[np.isfinite(xs)]
            top = Counter(labels[members].tolist()).most_common(1)[0][0]
            cells.append(
                {
                    "col": c,
                    "row": r,
                    "members": members.tolist(),
                    "mean": mean.ravel().tolist(),
                    "representative": representative,
                    "sample": [int(s) for s in sample],
                    "x_mean": float(xs.mean()),
                    "top_label": top,
                }
            )
    return {
        "grid": n,
        "samples": k,
        "x0": float(x0),
        "y0": float(y0),
        "side": float(side),
        "cells_of_rows": [
            [int(c), int(r)] if c >= 0 else None for c, r in zip(col, row)
        ],
        "cells": cells,
    }


def write(out, name, images, x, y, n, k):
    np.save(out / f"{name}.npy", images)
    np.save(out / f"{name}_xy.npy", np.stack([x, y], axis=1))
    with open(out / f"{name}.json", "w") as f:
        json.dump(reference(images, x, y, n, k), f, indent=1)
        f.write("\n")


def main():
    out = Path(sys.argv[1])
    out.mkdir(parents=True, exist_ok=True)
    rng = np.random.default_rng(16)

    # Three clusters, a NaN, an infinity, and points on the far edges.
    centres = np.array([[0.0, 0.0], [5.0, 1.0], [2.0, 6.0]])
    which = rng.integers(0, 3, 300)
    xy = centres[which] + rng.normal(0, 0.8, (300, 2))
    x, y = xy[:, 0].copy(), xy[:, 1].copy()
    x[7] = np.nan
    y[11] = np.inf
    digits = rng.integers(0, 256, (300, 8, 8), dtype=np.uint8)
    write(out, "digits", digits, x, y, 5, 4)

    floats = rng.normal(0, 1, (120, 6, 7)).astype(np.float32)
    fx = rng.uniform(-3, 3, 120)
    fy = rng.uniform(10, 11, 120)
    fx[::17] = np.nan
    write(out, "floats", floats, fx, fy, 3, 8)

    write(out, "one", rng.integers(0, 256, (1, 4, 4), dtype=np.uint8),
          np.array([2.5]), np.array([-1.0]), 4, 8)
    write(out, "same", rng.integers(0, 256, (10, 3, 3), dtype=np.uint8),
          np.full(10, 1.25), np.full(10, 1.25), 48, 3)
    write(out, "line", rng.normal(0, 1, (40, 5, 5)),
          np.zeros(40), np.linspace(0, 1, 40), 6, 2)
    print("atlas: digits, floats, one, same, line")


if __name__ == "__main__":
    main()
