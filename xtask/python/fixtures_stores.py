"""Stacks in chunked stores (issue 18), written by h5py and zarr, and what
numpy reads back from them. Called by fixtures_inputs.py; writes OUT/stores/
and returns the values.json entries.

  stores/cells.h5        HDF5 (libver earliest..v110, so Debian's libhdf5
                         1.10 reads it): /u8 (4x6x5, contiguous), /group/f32
                         (5x6x5, chunks 2x6x5, gzip, NaN and inf),
                         /group/i16be (3x6x5 big-endian, chunks 1x6x5,
                         shuffle + gzip), /rgb (3x6x5x3 uint8, chunks
                         1x6x5x3, gzip), /mask (2x6x5 bool), /f64 (3x6x5),
                         /u16 (2x6x5, chunks 2x3x5, gzip), /i64 (2x6x5),
                         /one (6x5 uint16, one image), /names (strings),
                         /flat (10 uint8: a wrong rank)
  stores/single.h5       one dataset, /images (3x6x5 uint8, chunked, gzip)
  stores/v2.zarr         Zarr v2 group: u8 (4x6x5, chunks 2x6x5, blosc lz4),
                         f32 (5x6x5, chunks 2x3x5, gzip, NaN), i16 (3x6x5
                         big-endian, chunks 2x6x5, zstd), raw (3x6x5 uint8,
                         chunks 1x6x5, no compressor)
  stores/v3.zarr         Zarr v3 group: u16 (4x6x5, chunks 3x6x5, zstd), f64
                         (3x6x5, chunks 1x6x5, gzip), rgb (3x6x5x3 uint8,
                         blosc), mask (2x6x5 bool), sub/i32 (2x6x5)
  stores/root.zarr       a Zarr v3 root array (3x6x5 int32, zstd)
  stores/ome.zarr        OME-Zarr 0.4 (Zarr v2): multiscales levels 0
                         (4x6x5 uint16) and 1 (4x3x3)
  stores/ome5.zarr       OME-Zarr 0.5 (Zarr v3, attributes under `ome`)
  stores/bad/            cut.h5 (cells.h5 cut in half), corrupt.h5
                         (cells.h5 with its chunks' bytes overwritten),
                         short.zarr (a v2 array whose second chunk file is
                         shorter than its chunk), broken.zarr (a v3 array
                         whose zstd chunk is cut short)
"""
import os
import shutil

import h5py
import numcodecs
import numpy as np
import zarr
import zarr.codecs

LIBVER = ("earliest", "v110")


def h5_dataset(f, name, data, **kw):
    f.create_dataset(name, data=data, track_times=False, **kw)


def write_hdf5_layouts(f):
    """Datasets for each way pixtip reads chunks: raw and inflated by pixtip
    (unfiltered, shuffle only), and left to libhdf5 (chunks never written,
    which read as the fill value; a Fletcher-32 checksum). Their own random
    stream, so the other fixtures stay as they were."""
    rng = np.random.default_rng(18)
    h5_dataset(f, "/layout/plain", rng.integers(-(2**31), 2**31 - 1, (3, 6, 5), dtype=np.int32),
               chunks=(2, 6, 5))
    h5_dataset(f, "/layout/shuffled", rng.integers(0, 65535, (3, 6, 5), dtype=np.uint16),
               chunks=(3, 6, 5), shuffle=True)
    h5_dataset(f, "/layout/checked", rng.standard_normal((3, 6, 5)), chunks=(1, 6, 5),
               compression="gzip", fletcher32=True)
    sparse = f.create_dataset("/layout/sparse", shape=(4, 6, 5), dtype=np.uint8, chunks=(1, 6, 5),
                              compression="gzip", fillvalue=7, track_times=False)
    sparse[0] = rng.integers(0, 255, (6, 5), dtype=np.uint8)
    sparse[2] = rng.integers(0, 255, (6, 5), dtype=np.uint8)
    return ["/layout/plain", "/layout/shuffled", "/layout/checked", "/layout/sparse"]


def write_hdf5(folder, rng):
    stacks = {
        "/u8": rng.integers(0, 255, (4, 6, 5), dtype=np.uint8, endpoint=True),
        "/group/f32": (rng.standard_normal((5, 6, 5)) * 3).astype(np.float32),
        "/group/i16be": rng.integers(-32768, 32767, (3, 6, 5), endpoint=True).astype(">i2"),
        "/rgb": rng.integers(0, 255, (3, 6, 5, 3), dtype=np.uint8, endpoint=True),
        "/mask": rng.random((2, 6, 5)) > 0.5,
        "/f64": rng.standard_normal((3, 6, 5)) * 100,
        "/u16": rng.integers(0, 65535, (2, 6, 5), dtype=np.uint16, endpoint=True),
        "/i64": rng.integers(-(2**40), 2**40, (2, 6, 5), dtype=np.int64),
        "/one": rng.integers(0, 65535, (6, 5), dtype=np.uint16, endpoint=True),
    }
    stacks["/group/f32"][1, 2, 3] = np.nan
    stacks["/group/f32"][4, 0, 0] = np.inf
    options = {
        "/group/f32": {"chunks": (2, 6, 5), "compression": "gzip", "compression_opts": 4},
        "/group/i16be": {"chunks": (1, 6, 5), "compression": "gzip", "shuffle": True},
        "/rgb": {"chunks": (1, 6, 5, 3), "compression": "gzip"},
        "/u16": {"chunks": (2, 3, 5), "compression": "gzip"},
    }
    path = os.path.join(folder, "cells.h5")
    with h5py.File(path, "w", libver=LIBVER, track_order=False) as f:
        for name, data in stacks.items():
            h5_dataset(f, name, data, **options.get(name, {}))
        h5_dataset(f, "/names", np.array([b"a", b"bc"], dtype="S2"))
        h5_dataset(f, "/flat", np.arange(10, dtype=np.uint8))
        layouts = write_hdf5_layouts(f)
    values = {}
    with h5py.File(path, "r") as f:
        for name, data in stacks.items():
            back = f[name][...]
            assert back.dtype == data.dtype and np.array_equal(back, data, equal_nan=True), name
            values[f"stores/cells.h5:{name}"] = back
        for name in layouts:
            values[f"stores/cells.h5:{name}"] = f[name][...]
    single = rng.integers(0, 255, (3, 6, 5), dtype=np.uint8, endpoint=True)
    with h5py.File(os.path.join(folder, "single.h5"), "w", libver=LIBVER) as f:
        h5_dataset(f, "images", single, chunks=(1, 6, 5), compression="gzip")
    with h5py.File(os.path.join(folder, "single.h5"), "r") as f:
        values["stores/single.h5"] = f["images"][...]

    with open(path, "rb") as f:
        whole = f.read()
    bad = os.path.join(folder, "bad")
    with open(os.path.join(bad, "cut.h5"), "wb") as f:
        f.write(whole[: len(whole) // 2])
    # Overwrite every byte of /group/f32's gzip chunks: the headers stay
    # whole, the chunks no longer inflate.
    corrupt = bytearray(whole)
    with h5py.File(path, "r") as f:
        dataset = f["/group/f32"]
        for i in range(dataset.id.get_num_chunks()):
            info = dataset.id.get_chunk_info(i)
            corrupt[info.byte_offset : info.byte_offset + info.size] = b"\xa5" * info.size
    with open(os.path.join(bad, "corrupt.h5"), "wb") as f:
        f.write(bytes(corrupt))
    return values


def zarr_array(group, name, data, chunks, compressors, **kw):
    array = group.create_array(name, shape=data.shape, chunks=chunks, dtype=data.dtype,
                               compressors=compressors, **kw)
    array[...] = data
    return array


def zero_gzip_times(folder):
    """Zeroes the modification time in each gzip chunk's header (bytes 4-7,
    which readers ignore), so the chunks are the same on every run."""
    for where, _, names in os.walk(folder):
        for name in names:
            path = os.path.join(where, name)
            with open(path, "rb") as f:
                data = bytearray(f.read())
            if data[:3] == b"\x1f\x8b\x08":
                data[4:8] = b"\0\0\0\0"
                with open(path, "wb") as f:
                    f.write(bytes(data))


def write_zarr(folder, rng):
    values = {}
    v2 = {
        "u8": (rng.integers(0, 255, (4, 6, 5), dtype=np.uint8, endpoint=True), (2, 6, 5),
               numcodecs.Blosc(cname="lz4", clevel=5, shuffle=numcodecs.Blosc.SHUFFLE)),
        "f32": ((rng.standard_normal((5, 6, 5)) * 3).astype(np.float32), (2, 3, 5), numcodecs.GZip(level=5)),
        "i16": (rng.integers(-32768, 32767, (3, 6, 5), endpoint=True).astype(">i2"), (2, 6, 5),
                numcodecs.Zstd(level=3)),
        "raw": (rng.integers(0, 255, (3, 6, 5), dtype=np.uint8, endpoint=True), (1, 6, 5), None),
    }
    v2["f32"][0][2, 1, 1] = np.nan
    group = zarr.open_group(os.path.join(folder, "v2.zarr"), mode="w", zarr_format=2)
    for name, (data, chunks, compressor) in v2.items():
        zarr_array(group, name, data, chunks, compressor, fill_value=0)
    v3 = {
        "u16": (rng.integers(0, 65535, (4, 6, 5), dtype=np.uint16, endpoint=True), (3, 6, 5),
                zarr.codecs.ZstdCodec(level=3)),
        "f64": (rng.standard_normal((3, 6, 5)), (1, 6, 5), zarr.codecs.GzipCodec(level=5)),
        "rgb": (rng.integers(0, 255, (3, 6, 5, 3), dtype=np.uint8, endpoint=True), (2, 6, 5, 3),
                zarr.codecs.BloscCodec(cname="lz4", clevel=5, shuffle="shuffle")),
        "mask": (rng.random((2, 6, 5)) > 0.5, (1, 6, 5), zarr.codecs.ZstdCodec(level=3)),
        "sub/i32": (rng.integers(-(2**31), 2**31 - 1, (2, 6, 5), dtype=np.int32), (2, 6, 5),
                    zarr.codecs.ZstdCodec(level=3)),
    }
    group = zarr.open_group(os.path.join(folder, "v3.zarr"), mode="w", zarr_format=3)
    group.create_group("sub")
    for name, (data, chunks, compressor) in v3.items():
        zarr_array(group, name, data, chunks, compressor, fill_value=0)
    for version, arrays in (("v2", v2), ("v3", v3)):
        group = zarr.open_group(os.path.join(folder, f"{version}.zarr"), mode="r")
        for name, (data, _, _) in arrays.items():
            back = group[name][...]
            assert np.array_equal(back, data, equal_nan=True), (version, name)
            values[f"stores/{version}.zarr/{name}"] = back
        zero_gzip_times(os.path.join(folder, f"{version}.zarr"))

    root = rng.integers(-1000, 1000, (3, 6, 5), dtype=np.int32)
    array = zarr.create_array(os.path.join(folder, "root.zarr"), shape=root.shape, chunks=(2, 6, 5),
                              dtype=root.dtype, compressors=zarr.codecs.ZstdCodec(level=3), fill_value=0)
    array[...] = root
    values["stores/root.zarr"] = zarr.open_array(os.path.join(folder, "root.zarr"), mode="r")[...]

    levels = [rng.integers(0, 65535, (4, 6, 5), dtype=np.uint16, endpoint=True)]
    levels.append(levels[0][:, ::2, ::2].copy())
    multiscales = [{"version": "0.4", "name": "cells",
                    "axes": [{"name": "t", "type": "time"}, {"name": "y", "type": "space"},
                             {"name": "x", "type": "space"}],
                    "datasets": [{"path": str(i), "coordinateTransformations": [
                        {"type": "scale", "scale": [1.0, 2.0**i, 2.0**i]}]} for i in range(2)]}]
    for name, zarr_format in (("ome.zarr", 2), ("ome5.zarr", 3)):
        group = zarr.open_group(os.path.join(folder, name), mode="w", zarr_format=zarr_format)
        if zarr_format == 2:
            group.attrs["multiscales"] = multiscales
        else:
            group.attrs["ome"] = {"version": "0.5", "multiscales": [dict(multiscales[0], version=None)]}
        for i, level in enumerate(levels):
            compressor = numcodecs.Zstd(level=3) if zarr_format == 2 else zarr.codecs.ZstdCodec(level=3)
            zarr_array(group, str(i), level, (2,) + level.shape[1:], compressor, fill_value=0)
        values[f"stores/{name}"] = zarr.open_group(os.path.join(folder, name), mode="r")["0"][...]

    bad = os.path.join(folder, "bad")
    group = zarr.open_group(os.path.join(bad, "short.zarr"), mode="w", zarr_format=2)
    zarr_array(group, "raw", v2["raw"][0], (1, 6, 5), None, fill_value=0)
    chunk = os.path.join(bad, "short.zarr", "raw", "1.0.0")
    with open(chunk, "rb") as f:
        data = f.read()
    with open(chunk, "wb") as f:
        f.write(data[:17])
    group = zarr.open_group(os.path.join(bad, "broken.zarr"), mode="w", zarr_format=3)
    zarr_array(group, "u16", v3["u16"][0], (3, 6, 5), zarr.codecs.ZstdCodec(level=3), fill_value=0)
    chunk = os.path.join(bad, "broken.zarr", "u16", "c", "1", "0", "0")
    with open(chunk, "rb") as f:
        data = f.read()
    with open(chunk, "wb") as f:
        f.write(data[: len(data) // 2])
    return values


def write(out, describe):
    """Writes OUT/stores/; returns values.json entries made by `describe`."""
    rng = np.random.default_rng(20261206)
    folder = os.path.join(out, "stores")
    shutil.rmtree(folder, ignore_errors=True)
    os.makedirs(os.path.join(folder, "bad"), exist_ok=True)
    values = write_hdf5(folder, rng)
    values.update(write_zarr(folder, rng))
    return {key: describe(value) for key, value in values.items()}
