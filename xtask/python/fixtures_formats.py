"""Tables and stacks where users keep images (issue 18), written by pyarrow and
tifffile, and what numpy, Pillow and pyarrow read back from them. Called by
fixtures_inputs.py; writes OUT/formats/ and returns the values.json entries.

  formats/hf.parquet      the shape Hugging Face `datasets` writes: image:
                          struct<bytes: binary, path: string> of PNG (gray 8,
                          RGB, RGBA, gray 16) and TIFF (16-bit) bytes; label
                          (int64), name (string, one null), score (float64,
                          one null), when (timestamp[ns], naive), at
                          (timestamp[ms, UTC]), day (date32), kind
                          (dictionary<int32, string>); row groups of 2 rows
  formats/images.feather  Feather v2 (lz4): image (binary PNG), pixels
                          (fixed_size_list<uint8>[30], a 6x5 image), floats
                          (list<float32>, 6x5), x (float32)
  formats/images.arrow    the same table, uncompressed Arrow IPC file
  formats/images.arrows   the same table as an Arrow IPC stream
  formats/paths.parquet   image: struct<bytes, path> whose bytes are null in
                          rows 0 (path: paths/gray.png, beside it), 2 (a
                          missing file) and 3 (a null cell)
  formats/lists.parquet   pixels as fixed_size_list<float32>[30] (6x5), zstd
  formats/stack_*.tif     multi-page TIFFs (tifffile): uint8, uint16, float32
                          (NaN, inf), int16, rgb (uint8, 3 pages of 6x5x3)
  formats/bad/*           sizes.tif (pages of 6x5 and 7x5), not_images.parquet
                          (a binary column of text), truncated.parquet (the
                          footer of a file whose last row group lost bytes),
                          cut.parquet (a file cut short: no footer)
  formats/tables.json     each table's columns as pyarrow reads them (numbers
                          with nulls as "nan", text, ISO dates)
"""
import io
import json
import os

import numpy as np
import pyarrow as pa
import pyarrow.feather as feather
import pyarrow.parquet as pq
import tifffile
from PIL import Image


def png_bytes(array, fmt="PNG"):
    out = io.BytesIO()
    Image.fromarray(array).save(out, format=fmt)
    return out.getvalue()


def pillow_reads(data):
    with Image.open(io.BytesIO(data)) as image:
        values = np.asarray(image)
    if values.dtype == np.int32 and values.ndim == 2:
        values = values.astype(np.uint16)  # Pillow reads 16-bit gray as "I"
    return values


def scalar(value):
    if value is None:
        return "nan"
    if isinstance(value, float) and (np.isnan(value) or np.isinf(value)):
        return "nan" if np.isnan(value) else ("inf" if value > 0 else "-inf")
    return value


def hf_table(rng):
    images = [
        rng.integers(0, 255, (6, 5), dtype=np.uint8, endpoint=True),
        rng.integers(0, 255, (6, 5, 3), dtype=np.uint8, endpoint=True),
        rng.integers(0, 255, (6, 5, 4), dtype=np.uint8, endpoint=True),
        rng.integers(0, 65535, (6, 5), dtype=np.uint16, endpoint=True),
        rng.integers(0, 65535, (4, 7), dtype=np.uint16, endpoint=True),
    ]
    encoded = [png_bytes(a) for a in images[:4]] + [png_bytes(images[4], "TIFF")]
    paths = [f"img_{i}.{'tif' if i == 4 else 'png'}" for i in range(5)]
    table = pa.table(
        {
            "image": pa.array(
                [{"bytes": b, "path": p} for b, p in zip(encoded, paths)],
                type=pa.struct([("bytes", pa.binary()), ("path", pa.string())]),
            ),
            "label": pa.array([3, 1, 4, 1, 5], type=pa.int64()),
            "name": pa.array(["gray", "rgb", None, "<b>16</b>", "tiff"]),
            "score": pa.array([0.5, None, -2.25, 1e300, 7.0]),
            "when": pa.array(np.array(["2024-01-01T00:00:00", "2024-02-29T12:30:00.250",
                                       "1969-12-31T23:59:59", "2000-01-01T00:00:00",
                                       "2024-06-30T08:00:00"], dtype="datetime64[ns]")),
            "at": pa.array([0, 1_000, 86_400_000, -1, 1_700_000_000_000],
                           type=pa.timestamp("ms", tz="UTC")),
            "day": pa.array([0, 19723, -1, 11016, 1], type=pa.date32()),
            "kind": pa.array(["a", "b", "a", "c", "b"]).dictionary_encode(),
        }
    )
    return table, [pillow_reads(b) for b in encoded]


def list_table(rng):
    images = rng.integers(0, 255, (3, 6, 5), dtype=np.uint8, endpoint=True)
    floats = (rng.standard_normal((3, 6, 5)) * 2).astype(np.float32)
    floats[1, 2, 3] = np.nan
    encoded = [png_bytes(a) for a in images]
    table = pa.table(
        {
            "image": pa.array(encoded, type=pa.binary()),
            "pixels": pa.array([a.ravel() for a in images], type=pa.list_(pa.uint8(), 30)),
            "floats": pa.array([a.ravel() for a in floats], type=pa.list_(pa.float32())),
            "x": pa.array([1.5, 2.5, 3.5], type=pa.float32()),
        }
    )
    return table, images, floats


def describe_table(table):
    columns = {}
    for name in table.column_names:
        column = table.column(name).combine_chunks()
        kind = column.type
        if pa.types.is_dictionary(kind):
            columns[name] = [None if v is None else str(v) for v in column.to_pylist()]
        elif pa.types.is_timestamp(kind):
            unit = {"s": 1, "ms": 1_000, "us": 1_000_000, "ns": 1_000_000_000}[kind.unit]
            columns[name] = [None if v is None else v for v in column.cast(pa.int64()).to_pylist()]
            columns[name] = {"epoch_units": columns[name], "per_second": unit, "utc": kind.tz is not None}
        elif pa.types.is_date32(kind):
            columns[name] = {"days": column.cast(pa.int32()).to_pylist()}
        elif pa.types.is_integer(kind) or pa.types.is_floating(kind):
            columns[name] = [scalar(v) for v in column.to_pylist()]
        elif pa.types.is_string(kind):
            columns[name] = ["" if v is None else v for v in column.to_pylist()]
    return columns


def write(out, describe):
    """Writes OUT/formats/; returns values.json entries made by `describe`."""
    rng = np.random.default_rng(20261205)
    folder = os.path.join(out, "formats")
    os.makedirs(os.path.join(folder, "bad"), exist_ok=True)
    values = {}
    tables = {}

    hf, hf_images = hf_table(rng)
    pq.write_table(hf, os.path.join(folder, "hf.parquet"), row_group_size=2)
    for row, image in enumerate(hf_images):
        values[f"formats/hf.parquet/image/{row}"] = describe(image)
    tables["hf.parquet"] = describe_table(pq.read_table(os.path.join(folder, "hf.parquet")))

    lists, images, floats = list_table(rng)
    feather.write_feather(lists, os.path.join(folder, "images.feather"), chunksize=2)
    feather.write_feather(lists, os.path.join(folder, "images.arrow"), compression="uncompressed", chunksize=2)
    pq.write_table(lists.select(["pixels", "x"]).cast(pa.schema([("pixels", pa.list_(pa.float32(), 30)), ("x", pa.float32())])),
                   os.path.join(folder, "lists.parquet"), compression="zstd")
    for row in range(3):
        values[f"formats/images/image/{row}"] = describe(pillow_reads(lists.column("image")[row].as_py()))
        values[f"formats/images/pixels/{row}"] = describe(images[row])
        values[f"formats/images/floats/{row}"] = describe(floats[row])
        values[f"formats/lists.parquet/pixels/{row}"] = describe(images[row].astype(np.float32))
    # The same table as an Arrow IPC stream (what Hugging Face `datasets`
    # caches as .arrow files): no footer, batches read in order.
    with pa.OSFile(os.path.join(folder, "images.arrows"), "wb") as sink:
        with pa.ipc.new_stream(sink, lists.schema) as writer:
            for batch in lists.to_batches(max_chunksize=2):
                writer.write_batch(batch)

    # Hugging Face image cells that keep a file's path and no bytes.
    os.makedirs(os.path.join(folder, "paths"), exist_ok=True)
    hf_bytes = [cell["bytes"] for cell in hf.column("image").to_pylist()]
    with open(os.path.join(folder, "paths", "gray.png"), "wb") as f:
        f.write(hf_bytes[0])
    paths = pa.array(
        [{"bytes": None, "path": "paths/gray.png"}, {"bytes": hf_bytes[1], "path": "elsewhere.png"},
         {"bytes": None, "path": "paths/missing.png"}, None],
        type=pa.struct([("bytes", pa.binary()), ("path", pa.string())]),
    )
    pq.write_table(pa.table({"image": paths}), os.path.join(folder, "paths.parquet"))
    values["formats/paths.parquet/image/0"] = describe(hf_images[0])
    values["formats/paths.parquet/image/1"] = describe(hf_images[1])

    back = feather.read_table(os.path.join(folder, "images.feather"))
    assert back.select(["image", "pixels", "x"]).equals(lists.select(["image", "pixels", "x"]))
    tables["images.feather"] = describe_table(back.select(["x"]))

    stacks = {
        "stack_u8": rng.integers(0, 255, (4, 6, 5), dtype=np.uint8, endpoint=True),
        "stack_u16": rng.integers(0, 65535, (3, 6, 5), dtype=np.uint16, endpoint=True),
        "stack_i16": rng.integers(-32768, 32767, (2, 6, 5), dtype=np.int16, endpoint=True),
        "stack_f32": (rng.standard_normal((3, 6, 5)) * 3).astype(np.float32),
        "stack_rgb": rng.integers(0, 255, (3, 6, 5, 3), dtype=np.uint8, endpoint=True),
    }
    stacks["stack_f32"][0, 1, 1] = np.nan
    stacks["stack_f32"][2, 0, 4] = np.inf
    for name, stack in stacks.items():
        path = os.path.join(folder, f"{name}.tif")
        photometric = "rgb" if stack.ndim == 4 else "minisblack"
        tifffile.imwrite(path, stack, photometric=photometric, metadata=None)
        back = tifffile.imread(path)
        assert np.array_equal(back, stack, equal_nan=True) and back.dtype == stack.dtype
        with tifffile.TiffFile(path) as tif:
            assert len(tif.pages) == stack.shape[0], name
        values[f"formats/{name}.tif"] = describe(back)

    bad = os.path.join(folder, "bad")
    with tifffile.TiffWriter(os.path.join(bad, "sizes.tif")) as tif:
        tif.write(np.zeros((6, 5), np.uint8), metadata=None)
        tif.write(np.zeros((6, 5), np.uint8), metadata=None)
        tif.write(np.zeros((7, 5), np.uint8), metadata=None)
    pq.write_table(pa.table({"image": pa.array([b"not an image", b"\x89PNX"], type=pa.binary()),
                             "x": [1.0, 2.0]}), os.path.join(bad, "not_images.parquet"))
    # A file whose last row group lost 64 bytes: the footer is whole, and
    # points past the end of the file.
    whole = io.BytesIO()
    pq.write_table(pa.table({"x": np.arange(4000, dtype=np.float64)}), whole, row_group_size=1000,
                   compression="none")
    data = whole.getvalue()
    meta = pq.ParquetFile(io.BytesIO(data)).metadata
    last = meta.row_group(meta.num_row_groups - 1).column(0)
    cut_at = last.data_page_offset + 16
    with open(os.path.join(bad, "truncated.parquet"), "wb") as f:
        f.write(data[:cut_at] + data[cut_at + 64:])
    with open(os.path.join(bad, "cut.parquet"), "wb") as f:
        f.write(data[: len(data) // 2])

    with open(os.path.join(folder, "tables.json"), "w") as f:
        json.dump(tables, f, separators=(",", ":"))
    return values
