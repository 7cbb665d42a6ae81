"""The tutorial's route for users' own images, as a Python user writes it
today: numpy -> Pillow -> base64 data URIs -> an Altair scatter whose tooltip
shows them (alt.data_transformers.disable_max_rows(), everything embedded).
Scales as `pixtip chart --scale auto` does for float data outside [0, 1]:
the global min-max, then floor(255 * s).

Usage: python chart_altair.py CELLS.npy TABLE.csv OUT.html
"""
import base64
import io
import sys

import altair as alt
import numpy as np
import pandas as pd
from PIL import Image


def main():
    npy, csv, out = sys.argv[1:4]
    cells = np.load(npy)
    table = pd.read_csv(csv)
    finite = cells[np.isfinite(cells)]
    lo, hi = finite.min(), finite.max()

    def data_uri(image):
        levels = (255 * np.clip((image - lo) / (hi - lo), 0, 1)).astype("uint8")
        buffer = io.BytesIO()
        Image.fromarray(levels).save(buffer, format="png")
        return "data:image/png;base64," + base64.b64encode(buffer.getvalue()).decode()

    table["index"] = np.arange(len(table))
    table["picture"] = [data_uri(image) for image in cells]
    alt.data_transformers.disable_max_rows()
    chart = (
        alt.Chart(table)
        .mark_circle(opacity=0.7)
        .encode(
            x="x:Q",
            y="y:Q",
            color="cluster:N",
            tooltip=[alt.Tooltip("picture:N", title="image"), "index:Q"],
        )
        .properties(width=500, height=400)
        .interactive()
    )
    chart.save(out)


if __name__ == "__main__":
    main()
