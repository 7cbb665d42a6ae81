"""Inputs for `cargo xtask bench-compare chart`: N float32 64x64 cell-like
images (a Gaussian blob on noise, values in the hundreds, so the auto
scaling takes the global min-max) in one .npy, and a CSV table of an
embedding (x, y) and a cluster per row.

Usage: python chart_inputs.py OUT_DIR N   (writes cells_N.npy, table_N.csv)
       python chart_inputs.py OUT_DIR N digits   (digits_N.npy: uint8 28x28
       strokes on faint noise, MNIST-sized, and digits_N.csv: x, y, label)
       python chart_inputs.py OUT_DIR N stores   (after the first form: the
       same cells as cells_N.h5:/cells, chunked 256 rows and gzip-4 as h5py
       users write them, and as cells_shuffle_N.h5:/cells with the shuffle
       filter before gzip; as 8-bit cells_u8_N.npy; and those 8-bit images as
       PNG bytes in cells_png_N.parquet, struct<bytes, path> with x, y and
       cluster, as Hugging Face stores them)
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


def stores(out, n):
    import io

    import h5py
    import pyarrow as pa
    import pyarrow.parquet as pq
    from PIL import Image

    h5 = os.path.join(out, f"cells_{n}.h5")
    shuffled = os.path.join(out, f"cells_shuffle_{n}.h5")
    u8 = os.path.join(out, f"cells_u8_{n}.npy")
    parquet = os.path.join(out, f"cells_png_{n}.parquet")
    if all(os.path.exists(p) for p in (h5, shuffled, u8, parquet)):
        return
    cells = np.load(os.path.join(out, f"cells_{n}.npy"), mmap_mode="r")
    # gzip alone, and gzip after HDF5's byte shuffle (h5py's shuffle=True).
    for path, shuffle in ((h5, False), (shuffled, True)):
        with h5py.File(path + ".partial", "w") as f:
            dataset = f.create_dataset("cells", shape=cells.shape, dtype=cells.dtype,
                                       chunks=(256, 64, 64), compression="gzip", compression_opts=4,
                                       shuffle=shuffle)
            for start in range(0, n, 5000):
                dataset[start:start + 5000] = cells[start:start + 5000]
        os.replace(path + ".partial", path)
    lo, hi = float(cells.min()), float(cells.max())
    images = np.lib.format.open_memmap(u8 + ".partial", mode="w+", dtype=np.uint8, shape=cells.shape)
    for start in range(0, n, 5000):
        block = (cells[start:start + 5000].astype(np.float64) - lo) / (hi - lo)
        images[start:start + 5000] = np.clip(np.round(block * 255), 0, 255).astype(np.uint8)
    images.flush()
    os.replace(u8 + ".partial", u8)
    table = np.genfromtxt(os.path.join(out, f"table_{n}.csv"), delimiter=",", names=True, dtype=None,
                          encoding="utf-8")
    pngs = []
    for i in range(n):
        buffer = io.BytesIO()
        Image.fromarray(np.asarray(images[i])).save(buffer, format="PNG")
        pngs.append({"bytes": buffer.getvalue(), "path": f"cell_{i}.png"})
    columns = {
        "image": pa.array(pngs, type=pa.struct([("bytes", pa.binary()), ("path", pa.string())])),
        "x": pa.array(table["x"]),
        "y": pa.array(table["y"]),
        "cluster": pa.array(table["cluster"].astype(str)),
    }
    pq.write_table(pa.table(columns), parquet + ".partial", row_group_size=1000)
    os.replace(parquet + ".partial", parquet)


def main():
    out, n = sys.argv[1], int(sys.argv[2])
    if sys.argv[3:] == ["digits"]:
        return digits(out, n)
    if sys.argv[3:] == ["stores"]:
        return stores(out, n)
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
