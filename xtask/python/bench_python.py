"""The Python package against the Python it replaces, in one process, on
the same inputs (median of REPEATS runs each).

Usage: python bench_python.py REPEATS
Prints one JSON object of timings in seconds:
  pictures:  10,000 float32 64x64 cell images in [0, 1], the tutorial's loop
             ((255*x).astype('uint8') -> Pillow PNG -> base64) vs pixtip.pictures
  tutorial:  the tutorial end to end (200 rows: blobs, areas, pictures, both
             Altair charts to JSON) with scipy + Pillow vs pixtip.ndimage + pixtip.pictures
  gaussian:  gaussian_filter 2048^2 sigma 8, scipy vs pixtip on 1 and 2 threads
             (pixtip's thread count is fixed per process: RAYON_NUM_THREADS)
"""
import base64
import json
import os
import statistics
import subprocess
import sys
import time
from io import BytesIO

import numpy as np


def median_time(function, repeats):
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        function()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def pillow_uri(image):
    from PIL import Image

    buffered = BytesIO()
    Image.fromarray((255 * image).astype("uint8")).save(buffered, format="PNG")
    return "data:image/png;base64," + base64.b64encode(buffered.getvalue()).decode()


def cells(n):
    """n float32 64x64 cell-like images in [0, 1] (a Gaussian blob on faint
    noise), as the tutorial's loop expects its values."""
    rng = np.random.default_rng(0)
    yy, xx = np.mgrid[0:64, 0:64]
    cx, cy = rng.uniform(16, 48, (2, n, 1, 1))
    r = rng.uniform(4, 14, (n, 1, 1))
    blob = np.exp(-((xx - cx) ** 2 + (yy - cy) ** 2) / (2 * r * r))
    return np.clip(blob * 0.9 + rng.normal(0, 0.03, (n, 64, 64)), 0, 1).astype(np.float32)


def bench_pictures(repeats):
    import pixtip

    images = cells(10_000)
    python = median_time(lambda: [pillow_uri(x) for x in images], repeats)
    ours = median_time(lambda: pixtip.pictures(images), repeats)
    return {"python": python, "pixtip": ours, "images": len(images)}


def tutorial(use_pixtip, rows=200, width=96):
    """The tutorial's code (make_reference.py), with the filters and the
    pictures from scipy + Pillow or from pixtip."""
    import altair as alt
    import pandas as pd

    if use_pixtip:
        import pixtip
        from pixtip import ndimage as ndi
    else:
        from PIL import Image, ImageDraw
        from scipy import ndimage as ndi

    rng = np.random.default_rng([ord(c) for c in "altair"])

    def create_blobs(blob_shape, img_width=width, sizes=[0.05, 0.1, 0.15]):
        mask = np.zeros((img_width, img_width))
        points = (img_width * rng.random(2)).astype(int)
        mask[tuple(points)] = 1
        if blob_shape == "circle":
            im = ndi.gaussian_filter(mask, sigma=rng.choice(sizes) * img_width)
        else:
            im = ndi.uniform_filter(mask, size=rng.choice(sizes) * img_width, mode="constant") * rng.normal(
                4, size=(img_width, img_width)
            )
        return im / im.max()

    df = pd.DataFrame(
        {
            "image1": [create_blobs("circle") for _ in range(rows)],
            "image2": [create_blobs("square", sizes=[0.3, 0.4, 0.5]) for _ in range(rows)],
            "group": rng.choice(["a", "b", "c"], size=rows),
        }
    )
    df[["image1_area", "image2_area"]] = df[["image1", "image2"]].map(lambda x: (x > 0.4).mean())
    if use_pixtip:
        image1, image2 = np.stack(df["image1"]), np.stack(df["image2"])
        options = dict(scale="unit", thumbnail=None, zoom=1)
        df["image"] = pixtip.pictures((image1, image2), labels=("im1", "im2"), **options)
        df["image1_base64"] = pixtip.pictures(image1, **options)
        df["image2_base64"] = pixtip.pictures(image2, **options)
    else:
        def pair(row):
            gap = np.ones([row["image1"].shape[0], 10])
            img = Image.fromarray((255 * np.concatenate([row["image1"], gap, row["image2"]], axis=1)).astype("uint8"))
            ImageDraw.Draw(img).text((3, 0), "im1", fill=255)
            ImageDraw.Draw(img).text((3 + row["image1"].shape[1] + gap.shape[1], 0), "im2", fill=255)
            buffered = BytesIO()
            img.save(buffered, format="PNG")
            return "data:image/png;base64," + base64.b64encode(buffered.getvalue()).decode()

        df["image"] = df.apply(pair, axis=1)
        df[["image1_base64", "image2_base64"]] = df[["image1", "image2"]].map(pillow_uri)
    plot = df.drop(columns=["image1", "image2", "image1_base64", "image2_base64"])
    comparison = (
        alt.Chart(plot, width=alt.Step(40))
        .mark_circle(xOffset=alt.expr("random() * 16 - 8"))
        .encode(x="group", y=alt.Y(alt.repeat(), type="quantitative"), tooltip=["image"], color="group")
        .repeat(["image1_area", "image2_area"])
        .resolve_scale(y="shared")
        .properties(title="Comparison of blob areas")
    )
    plot = df.drop(columns=["image1", "image2", "image"])
    metric = alt.param(
        value="image1_area",
        bind=alt.binding_select(options=["image1_area", "image2_area"], name="Image metric "),
    )
    switch = alt.hconcat(
        alt.Chart().mark_text(angle=270, dx=-150, fontWeight="bold").encode(alt.TextValue(alt.expr(f"{metric.name}"))),
        alt.Chart(plot, width=alt.Step(40))
        .mark_circle(xOffset=alt.expr("random() * 16 - 8"))
        .encode(x="group", y=alt.Y("image_area:Q").title(""), tooltip=["image:N"], color="group")
        .properties(title="Area of blobs")
        .transform_calculate(
            image_area=f"datum[{metric.name}]",
            image=f'datum[replace({metric.name}, "_area", "_base64")]',
        ),
    ).add_params(metric)
    return comparison.to_json(), switch.to_json()


def bench_tutorial(repeats):
    tutorial(True), tutorial(False)  # imports and first-call set-up outside the timing
    return {
        "python": median_time(lambda: tutorial(False), repeats),
        "pixtip": median_time(lambda: tutorial(True), repeats),
    }


def gaussian_pixtip(repeats):
    from pixtip import ndimage

    image = np.random.default_rng(0).random((2048, 2048))
    ndimage.gaussian_filter(image, 8.0)
    return median_time(lambda: ndimage.gaussian_filter(image, 8.0), repeats)


def bench_gaussian(repeats):
    from scipy import ndimage

    image = np.random.default_rng(0).random((2048, 2048))
    result = {"scipy": median_time(lambda: ndimage.gaussian_filter(image, 8.0), repeats)}
    for threads in (1, 2):
        env = dict(os.environ, RAYON_NUM_THREADS=str(threads))
        done = subprocess.run([sys.executable, __file__, "--gaussian-pixtip", str(repeats)],
                              env=env, capture_output=True, text=True, check=True)
        result[f"pixtip_{threads}"] = float(done.stdout)
    return result


def main():
    if sys.argv[1] == "--gaussian-pixtip":
        print(gaussian_pixtip(int(sys.argv[2])))
        return
    repeats = int(sys.argv[1])
    print(json.dumps({
        "pictures": bench_pictures(repeats),
        "tutorial": bench_tutorial(repeats),
        "gaussian": bench_gaussian(repeats),
    }))


if __name__ == "__main__":
    main()
