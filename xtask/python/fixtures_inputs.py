"""Users' inputs and what numpy and Pillow make of them (cargo xtask fixtures inputs).

Usage: python fixtures_inputs.py OUT_DIR   (fixtures/inputs)

Writes small files of every kind `pixtip chart` reads, and the values and
8-bit levels the Rust tests compare against, pixel for pixel:

  npy/<name>.npy     stacks of 3 images of 6x5: uint8, uint16, int16, uint32
                     (one constant image), float32 and float64 (NaN, +-inf,
                     values outside [0, 1]), unit_float64 (all in [0, 1], NaN),
                     bool, big_endian_u2 ('>u2'), fortran_f8 (fortran_order),
                     rgb (2x6x5x3 float64 in [0, 1], one NaN channel), rgba
                     (2x6x5x4 uint8), volume (3x4x6x5 float64, N x D x H x W),
                     single (one 6x5 float64 image, H x W), large (64x256 uint8)
  pair.npz           keys `left` (float32, 3x6x5) and `right` (uint16, 3x6x5)
  stacks.csv         3 rows for the stacks, with hostile text in `label`
  folder/            a_gray8.png, b_rgb8.png, c_rgba8.png, d_gray16.png (Pillow),
                     e_gray16.tif (Pillow, 16-bit), f_photo.jpg (4:4:4); all 6x5
  folder.csv         6 rows naming the folder's files (not in sorted order)
  float_tiff/        gray TIFFs of wide samples: a_float32.tif (Pillow mode F,
                     with NaN and values outside [0, 1]), b_int32.tif (Pillow
                     mode I), c_float64.tif (tifffile, with -inf)
  bad/object.npy     an object array (a pickle), bad/complex.npy (complex64)
  values.json        every input's numpy dtype name, shape and values (C order;
                     NaN and infinities as the strings "nan", "inf", "-inf")
  levels.json        for every input column and scaling rule, the expected
                     picture of each row: mode L, RGB or RGBA, width, height and
                     the bytes, from numpy's floor(255 * clip((v - lo)/(hi - lo),
                     0, 1)) with lo, hi as the rule picks them (nanpercentile
                     for percentile); NaN pixels magenta (255, 0, 255)
  formats/           Parquet, Arrow IPC and multi-page TIFF inputs
                     (fixtures_formats.py, pyarrow and tifffile)
  stores/            HDF5 files and Zarr v2/v3 stores, OME-Zarr groups
                     (fixtures_stores.py, h5py and zarr)
  large_reduce2.png  Pillow's Image.reduce(2) of npy/large.npy: the 128-px
                     thumbnail of a 64x256 picture (area averaging)
"""
import json
import os
import shutil
import sys

import numpy as np
import tifffile
from PIL import Image

import fixtures_formats
import fixtures_stores

NAN_COLOUR = (255, 0, 255)
SCALES = ["auto", "unit", "global", "per-image", None, "percentile:10,90"]
# The fixed range of each input, in its own units.
RANGES = {
    "uint8": "range:20,230",
    "uint16": "range:1000,60000",
    "int16": "range:-20000,20000",
    "uint32": "range:100000,3000000000",
    "bool": "range:0,1",
}
FLOAT_RANGE = "range:-0.5,1.5"


def stack(rng, dtype, shape=(3, 6, 5)):
    info = np.iinfo(dtype)
    return rng.integers(info.min, info.max, size=shape, endpoint=True, dtype=dtype)


def with_specials(x):
    """NaN, +inf and -inf in the first image, a NaN in the last."""
    x = x.copy()
    x[0, 0, 0] = np.nan
    x[0, 1, 2] = np.inf
    x[0, 5, 4] = -np.inf
    x[-1, 3, 3] = np.nan
    return x


def make_npy(rng):
    arrays = {}
    arrays["uint8"] = stack(rng, np.uint8)
    arrays["uint16"] = stack(rng, np.uint16)
    arrays["int16"] = stack(rng, np.int16)
    u32 = stack(rng, np.uint32)
    u32[2] = 123456789  # a constant image: its own range is empty, every level 0
    arrays["uint32"] = u32
    arrays["float32"] = with_specials((rng.standard_normal((3, 6, 5)) * 2.0).astype(np.float32))
    arrays["float64"] = with_specials(rng.standard_normal((3, 6, 5)) * 3.0 + 0.5)
    unit = rng.random((3, 6, 5))
    unit[1, 2, 2] = np.nan
    unit[0, 0, 0], unit[0, 0, 1] = 0.0, 1.0
    arrays["unit_float64"] = unit
    arrays["bool"] = rng.random((3, 6, 5)) > 0.5
    arrays["big_endian_u2"] = stack(rng, np.uint16).astype(">u2")
    arrays["fortran_f8"] = np.asfortranarray(rng.standard_normal((3, 6, 5)))
    rgb = rng.random((2, 6, 5, 3))
    rgb[1, 4, 1, 2] = np.nan  # one channel NaN: the whole pixel is magenta
    arrays["rgb"] = rgb
    arrays["rgba"] = stack(rng, np.uint8, (2, 6, 5, 4))
    arrays["volume"] = rng.standard_normal((3, 4, 6, 5))
    arrays["single"] = rng.standard_normal((6, 5)) * 10.0
    return arrays


def make_folder(rng, folder):
    """The folder's images as Pillow writes them, and as Pillow reads them back."""
    os.makedirs(folder, exist_ok=True)
    gray8 = stack(rng, np.uint8, (6, 5))
    rgb8 = stack(rng, np.uint8, (6, 5, 3))
    rgba8 = stack(rng, np.uint8, (6, 5, 4))
    gray16 = stack(rng, np.uint16, (6, 5))
    tiff16 = stack(rng, np.uint16, (6, 5))
    # A smooth picture, so the JPEG's blocks hold few coefficients. Saved
    # 4:4:4: with chroma subsampled (Pillow's default 4:2:0), libjpeg's
    # "fancy" upsampling and the image crate's differ by a level here and
    # there, and JPEG decoders are not specified to the bit anyway.
    yy, xx = np.mgrid[0:6, 0:5]
    photo = np.stack([40 + 20 * xx, 90 + 10 * yy, 160 + 5 * (xx + yy)], axis=-1).astype(np.uint8)
    Image.fromarray(gray8).save(os.path.join(folder, "a_gray8.png"))
    Image.fromarray(rgb8).save(os.path.join(folder, "b_rgb8.png"))
    Image.fromarray(rgba8).save(os.path.join(folder, "c_rgba8.png"))
    Image.fromarray(gray16).save(os.path.join(folder, "d_gray16.png"))
    Image.fromarray(tiff16).save(os.path.join(folder, "e_gray16.tif"))
    Image.fromarray(photo).save(os.path.join(folder, "f_photo.jpg"), quality=95, subsampling=0)
    images = {}
    for name in sorted(os.listdir(folder)):
        with Image.open(os.path.join(folder, name)) as image:
            values = np.asarray(image)
        if name.endswith(("gray16.png", "gray16.tif")):
            values = values.astype(np.uint16)  # Pillow may read 16-bit gray as int32 "I"
        images[name] = values
    assert (images["a_gray8.png"] == gray8).all() and (images["d_gray16.png"] == gray16).all()
    assert (images["e_gray16.tif"] == tiff16).all() and (images["c_rgba8.png"] == rgba8).all()
    return images


def make_float_tiffs(rng, folder):
    """Gray TIFFs of 32-bit float and int samples, as Pillow writes and reads them."""
    os.makedirs(folder, exist_ok=True)
    floats = (rng.standard_normal((6, 5)) * 2.0).astype(np.float32)
    floats[2, 3] = np.nan
    ints = rng.integers(-(2**31), 2**31 - 1, size=(4, 7), dtype=np.int32)
    Image.fromarray(floats, mode="F").save(os.path.join(folder, "a_float32.tif"))
    Image.fromarray(ints, mode="I").save(os.path.join(folder, "b_int32.tif"))
    # Pillow does not write float64 TIFFs; tifffile does, and reads them back.
    doubles = rng.standard_normal((5, 6)) * 1e3
    doubles[0, 1] = -np.inf
    tifffile.imwrite(os.path.join(folder, "c_float64.tif"), doubles)
    images = {}
    for name in sorted(os.listdir(folder)):
        if name == "c_float64.tif":
            images[name] = tifffile.imread(os.path.join(folder, name))
            continue
        with Image.open(os.path.join(folder, name)) as image:
            images[name] = np.asarray(image)
    assert np.array_equal(images["a_float32.tif"], floats, equal_nan=True)
    assert np.array_equal(images["c_float64.tif"], doubles) and images["c_float64.tif"].dtype == np.float64
    assert (images["b_int32.tif"] == ints).all() and images["b_int32.tif"].dtype == np.int32
    return images


def json_values(x):
    flat = np.asarray(x, dtype=np.float64).ravel(order="C")
    out = []
    for v in flat.tolist():
        if np.isnan(v):
            out.append("nan")
        elif np.isinf(v):
            out.append("inf" if v > 0 else "-inf")
        elif float(v).is_integer():
            out.append(int(v))
        else:
            out.append(v)
    return out


def describe(x):
    return {"dtype": x.dtype.name, "shape": list(x.shape), "values": json_values(x)}


def levels(v, lo, hi):
    """floor(255 * clip((v - lo) / (hi - lo), 0, 1)); an empty range gives 0."""
    v = np.asarray(v, dtype=np.float64)
    if not hi > lo:
        return np.zeros(v.shape, dtype=np.uint8)
    with np.errstate(invalid="ignore"):
        s = np.clip((v - lo) / (hi - lo), 0.0, 1.0)
    return np.floor(255.0 * np.nan_to_num(s, nan=0.0)).astype(np.uint8)


def finite_range(values):
    finite = values[np.isfinite(values)]
    return float(finite.min()), float(finite.max())


def shown(image):
    """What is drawn of an image: volumes (D x H x W, W not 3 or 4) by their maximum along D."""
    if image.ndim == 3 and image.shape[-1] not in (3, 4):
        return np.max(image.astype(np.float64), axis=0)
    return image.astype(np.float64)


def picture(image, dtype, rule, column_range):
    """The expected picture of one image: (mode, width, height, bytes)."""
    values = shown(image)
    if rule == "auto" and dtype == "uint8":
        lv = values.astype(np.uint8)
    else:
        if rule in ("auto", "global"):
            lo, hi = column_range(dtype)
        elif rule == "unit":
            lo, hi = 0.0, 1.0
        elif rule == "per-image":
            lo, hi = finite_range(values)
        elif rule.startswith("range:"):
            lo, hi = (float(t) for t in rule[len("range:"):].split(","))
        elif rule.startswith("percentile:"):
            qlo, qhi = (float(t) for t in rule[len("percentile:"):].split(","))
            finite_or_nan = np.where(np.isfinite(values), values, np.nan)
            lo, hi = (float(p) for p in np.nanpercentile(finite_or_nan, [qlo, qhi]))
        else:
            raise ValueError(rule)
        lv = levels(values, lo, hi)
    nan = np.isnan(values)
    height, width = values.shape[:2]
    if values.ndim == 2:
        if not nan.any():
            return "L", width, height, lv
        rgb = np.repeat(lv[:, :, None], 3, axis=2)
        rgb[nan] = NAN_COLOUR
        return "RGB", width, height, rgb
    channels = values.shape[2]
    pixel_nan = nan.any(axis=2)
    lv[pixel_nan] = (NAN_COLOUR + (255,))[:channels]
    return ("RGB" if channels == 3 else "RGBA"), width, height, lv


def column_rules(images, dtypes):
    """lo, hi of the auto and global rules for a column (images of possibly mixed dtypes)."""
    scaled = [i for i, d in enumerate(dtypes) if d not in ("uint8", "bool")]
    all_values = np.concatenate([images[i].astype(np.float64).ravel() for i in range(len(images))])
    global_range = finite_range(all_values)
    auto_range = None
    if scaled:
        values = np.concatenate([images[i].astype(np.float64).ravel() for i in scaled])
        lo, hi = finite_range(values)
        floats_only = all(dtypes[i].startswith("float") for i in scaled)
        auto_range = (0.0, 1.0) if floats_only and lo >= 0.0 and hi <= 1.0 else (lo, hi)
    return auto_range, global_range


def level_cases(name, images, dtypes, column):
    auto_range, global_range = column_rules(images, dtypes)
    cases = []
    range_rule = RANGES.get(dtypes[0], FLOAT_RANGE)
    for rule in SCALES:
        rule = rule or range_rule
        base = rule.split(":")[0]

        def column_range(dtype):
            if base == "global":
                return global_range
            return (0.0, 1.0) if dtype == "bool" else auto_range

        rows = []
        for image, dtype in zip(images, dtypes):
            mode, width, height, pixels = picture(image, dtype, rule, column_range)
            rows.append({"mode": mode, "width": int(width), "height": int(height),
                         "pixels": pixels.ravel().tolist()})
        cases.append({"input": name, "column": column, "scale": rule, "rows": rows})
    return cases


def main():
    out = sys.argv[1]
    if os.path.isdir(out):
        shutil.rmtree(out)
    os.makedirs(os.path.join(out, "npy"))
    os.makedirs(os.path.join(out, "bad"))
    rng = np.random.default_rng(20261130)

    values = {}
    cases = []
    arrays = make_npy(rng)
    for name, x in arrays.items():
        path = f"npy/{name}.npy"
        np.save(os.path.join(out, path), x)
        values[path] = describe(x)
        images = [x] if x.ndim == 2 else list(x)
        dtypes = [x.dtype.name] * len(images)
        cases += level_cases(path, images, dtypes, name)
    # Only for thumbnails: no level cases.
    large = np.add.outer(np.arange(64) * 3, np.arange(256)).astype(np.uint8) ^ stack(rng, np.uint8, (64, 256)) // 8
    np.save(os.path.join(out, "npy/large.npy"), large)
    values["npy/large.npy"] = describe(large)
    Image.fromarray(large).reduce(2).save(os.path.join(out, "large_reduce2.png"))

    left = (rng.random((3, 6, 5)) * 4.0 - 1.0).astype(np.float32)
    right = stack(rng, np.uint16)
    np.savez_compressed(os.path.join(out, "pair.npz"), left=left, right=right)
    for key, x in (("left", left), ("right", right)):
        values[f"pair.npz/{key}"] = describe(x)
        cases += level_cases("pair.npz", list(x), [x.dtype.name] * 3, key)

    folder = make_folder(rng, os.path.join(out, "folder"))
    names = sorted(folder)
    for name in names:
        values[f"folder/{name}"] = describe(folder[name])
    dtypes = [folder[n].dtype.name for n in names]
    cases += level_cases("folder", [folder[n] for n in names], dtypes, "folder")

    wide = make_float_tiffs(rng, os.path.join(out, "float_tiff"))
    names = sorted(wide)
    for name in names:
        values[f"float_tiff/{name}"] = describe(wide[name])
    cases += level_cases("float_tiff", [wide[n] for n in names], [wide[n].dtype.name for n in names], "float_tiff")

    names = sorted(folder)
    with open(os.path.join(out, "stacks.csv"), "w", newline="") as f:
        f.write("label,group,score\n../../etc/passwd,a,0.5\nsub/dir.png,b,1.5\n<b>x</b>,a,2.5\n")
    order = [3, 0, 5, 1, 4, 2]
    with open(os.path.join(out, "folder.csv"), "w", newline="") as f:
        f.write("file,kind,weight\n")
        for i, k in enumerate(order):
            f.write(f"{names[k]},{names[k].split('_')[1].split('.')[0]},{i * 1.25}\n")

    np.save(os.path.join(out, "bad/object.npy"), np.array([{"a": 1}, None], dtype=object), allow_pickle=True)
    np.save(os.path.join(out, "bad/complex.npy"), np.ones((2, 3, 3), dtype=np.complex64))

    # Parquet, Arrow IPC and multi-page TIFF (pyarrow, tifffile): formats/.
    values.update(fixtures_formats.write(out, describe))
    # HDF5 and Zarr stores (h5py, zarr): stores/.
    values.update(fixtures_stores.write(out, describe))

    with open(os.path.join(out, "values.json"), "w") as f:
        json.dump(values, f, separators=(",", ":"))
    with open(os.path.join(out, "levels.json"), "w") as f:
        json.dump(cases, f, separators=(",", ":"))
    print(f"wrote {len(values)} inputs and {len(cases)} level cases")


if __name__ == "__main__":
    main()
