"""Inputs for `cargo xtask bench-compare chart`: N float32 64x64 cell-like
images (a Gaussian blob on noise, values in the hundreds, so the auto
scaling takes the global min-max) in one .npy, and a CSV table of an
embedding (x, y) and a cluster per row.

Usage: python chart_inputs.py OUT_DIR N   (writes cells_N.npy, table_N.csv)
       python chart_inputs.py OUT_DIR N digits   (digits_N.npy: uint8 28x28
       strokes on faint noise, MNIST-sized, and digits_N.csv: x, y, label)
"""
import os
import sys

import numpy as np


def digits(out, n):
    npy = os.path.join(out, f"digits_{n}.npy")
    csv = os.path.join(out, f"digits_{n}.csv")
    if os.path.exists(npy) and os.path.exists(csv):
        return
    rng = np.random.default_rng(1)
    yy, xx = np.mgrid[0:28, 0:28]
    images = np.lib.format.open_memmap(npy + ".partial", mode="w+", dtype=np.uint8, shape=(n, 28, 28))
    labels = rng.integers(0, 10, n)
    for start in range(0, n, 20000):
        k = min(20000, n - start)
        # A ring of the label's size with a stroke across: thick, bright
        # lines on black, as handwritten digits are.
        r = (5 + labels[start:start + k] * 0.6)[:, None, None]
        cx = rng.uniform(12, 16, k)[:, None, None]
        cy = rng.uniform(12, 16, k)[:, None, None]
        ring = np.abs(np.hypot(xx - cx, yy - cy) - r) < 1.6
        slope = rng.uniform(-1, 1, k)[:, None, None]
        stroke = (np.abs((xx - cx) - slope * (yy - cy)) < 1.2) & (np.abs(yy - cy) < r)
        ink = (ring | stroke) * rng.integers(180, 256, (k, 1, 1))
        images[start:start + k] = np.clip(ink + rng.integers(0, 12, (k, 28, 28)), 0, 255).astype(np.uint8)
    images.flush()
    del images
    os.replace(npy + ".partial", npy)
    embedding = rng.normal(size=(n, 2))
    with open(csv + ".partial", "w") as f:
        f.write("x,y,label\n")
        for i in range(n):
            f.write(f"{embedding[i, 0]:.5f},{embedding[i, 1]:.5f},{labels[i]}\n")
    os.replace(csv + ".partial", csv)


def main():
    out, n = sys.argv[1], int(sys.argv[2])
    if sys.argv[3:] == ["digits"]:
        return digits(out, n)
    npy = os.path.join(out, f"cells_{n}.npy")
    csv = os.path.join(out, f"table_{n}.csv")
    if os.path.exists(npy) and os.path.exists(csv):
        return
    rng = np.random.default_rng(0)
    yy, xx = np.mgrid[0:64, 0:64]
    cells = np.lib.format.open_memmap(npy + ".partial", mode="w+", dtype=np.float32, shape=(n, 64, 64))
    for start in range(0, n, 5000):
        k = min(5000, n - start)
        cx = rng.uniform(16, 48, k)[:, None, None]
        cy = rng.uniform(16, 48, k)[:, None, None]
        r = rng.uniform(4, 14, k)[:, None, None]
        blob = np.exp(-((xx - cx) ** 2 + (yy - cy) ** 2) / (2 * r * r))
        cells[start:start + k] = (blob * 1000 + rng.normal(0, 30, (k, 64, 64))).astype(np.float32)
    cells.flush()
    del cells
    os.replace(npy + ".partial", npy)
    embedding = rng.normal(size=(n, 2))
    with open(csv + ".partial", "w") as f:
        f.write("x,y,cluster\n")
        for i in range(n):
            f.write(f"{embedding[i, 0]:.5f},{embedding[i, 1]:.5f},c{i % 7}\n")
    os.replace(csv + ".partial", csv)


if __name__ == "__main__":
    main()
