"""pixtip: picture tooltips for numpy images, in pandas tables and Altair charts.

Images held as numpy arrays become small PNG pictures (data URIs or files)
that Vega-Lite tooltips show, in one call that runs in Rust on every core
with Python's lock released::

    import numpy as np, pandas as pd, altair as alt, pixtip

    images = np.random.default_rng(0).random((100, 32, 32), dtype=np.float32)
    df = pd.DataFrame({"brightness": images.mean(axis=(1, 2)), "i": range(100)})
    df["image"] = pixtip.pictures(images)
    alt.Chart(df).mark_circle().encode(x="i", y="brightness", tooltip=["image"])

(Vega-Lite shows a tooltip field named ``image`` as a picture.)

``pixtip.chart(df, images=images, x=..., y=...)`` makes the whole chart, as
the ``pixtip chart`` command does; ``pixtip.ndimage`` has scipy.ndimage's
Gaussian and uniform filters with scipy's results.

Everything is decided by the Rust library (scaling, pictures, charts and
error messages), so Python and the command line give the same bytes.
"""

from __future__ import annotations

from . import ndimage
from ._chart import Chart, chart
from ._pictures import pictures
from ._pixtip import __version__

__all__ = ["Chart", "chart", "ndimage", "pictures", "__version__"]
