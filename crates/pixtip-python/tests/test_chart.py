"""pixtip.chart: the command line's chart, from DataFrames and arrays."""

from __future__ import annotations

import json
import os
import subprocess

import numpy as np
import pandas as pd
import polars as pl
import pytest

import pixtip
from conftest import ROOT, run_cli


@pytest.fixture
def digits():
    rng = np.random.default_rng(7)
    images = (rng.random((40, 28, 28)) * 255).astype(np.uint8)
    table = pd.DataFrame(
        {
            "x": rng.normal(size=40),
            "y": rng.normal(size=40),
            "label": rng.choice(["cat", "dog", "emu"], size=40),
            "count": rng.integers(0, 9, size=40),
        }
    )
    return table, images


def cli_chart(cli, tmp_path, table, arrays: dict, *flags):
    table.to_csv(tmp_path / "table.csv", index=False)
    inputs = []
    for name, array in arrays.items():
        np.save(tmp_path / f"{name}.npy", array)
        inputs.append(str(tmp_path / f"{name}.npy"))
    out = tmp_path / "out"
    done = run_cli(
        cli, "chart", *inputs, "--table", str(tmp_path / "table.csv"), *flags, "--vl-json", "full",
        "--out", str(out),
    )
    assert done.returncode == 0, done.stderr
    return (out / "chart.vl.json").read_text()


def test_scatter_equals_the_command_lines_json(cli, tmp_path, digits):
    table, images = digits
    expected = cli_chart(
        cli, tmp_path, table, {"digits": images},
        "--x", "x", "--y", "y", "--color", "label", "--tooltip", "count,index",
        "--metric", "ink=digits:mean", "--title", "Digits",
    )
    chart = pixtip.chart(
        table, images={"digits": images}, x="x", y="y", color="label",
        tooltip=["count", "index"], metrics={"ink": "digits:mean"}, title="Digits",
    )
    assert chart.to_json() == expected
    assert chart.to_dict() == json.loads(expected)


def test_polars_and_dicts_give_the_same_chart(digits):
    table, images = digits
    from_pandas = pixtip.chart(table, images=images, x="x", y="y", color="label")
    from_polars = pixtip.chart(pl.from_pandas(table), images=images, x="x", y="y", color="label")
    from_dict = pixtip.chart(
        {name: table[name].to_numpy() for name in table.columns},
        images=images, x="x", y="y", color="label",
    )
    assert from_pandas.to_json() == from_polars.to_json() == from_dict.to_json()


def test_repeat_and_switch_equal_the_command_lines(cli, tmp_path):
    rng = np.random.default_rng(1)
    image1, image2 = rng.random((2, 12, 32, 32))
    table = pd.DataFrame({"group": rng.integers(0, 3, size=12)})
    metrics = ["area1=image1:fraction_above:0.4", "area2=image2:fraction_above:0.4"]
    flags = ["--x", "group", "--picture", "image1,image2"]
    for metric in metrics:
        flags += ["--metric", metric]
    repeat = cli_chart(cli, tmp_path, table, {"image1": image1, "image2": image2},
                       *flags, "--repeat", "area1,area2")
    chart = pixtip.chart(table, images=(image1, image2), x="group", metrics=metrics,
                         repeat=["area1", "area2"])
    assert chart.to_json() == repeat
    switch = cli_chart(cli, tmp_path, table, {"image1": image1, "image2": image2},
                       *flags, "--switch", "area1,area2")
    chart = pixtip.chart(table, images=(image1, image2), x="group", metrics=metrics,
                         switch=["area1", "area2"])
    assert chart.to_json() == switch


def test_to_altair_round_trips(digits):
    alt = pytest.importorskip("altair")
    table, images = digits
    chart = pixtip.chart(table, images=images, x="x", y="y", color="label")
    as_altair = chart.to_altair()
    assert isinstance(as_altair, alt.Chart)
    assert as_altair.to_dict() == chart.to_dict()
    table = table.assign(group=np.arange(40) % 3)
    repeat = pixtip.chart(table, images=images, x="group",
                          metrics={"ink": "image:mean"}, repeat=["ink"])
    assert isinstance(repeat.to_altair(), alt.RepeatChart)
    assert repeat.to_altair().to_dict() == repeat.to_dict()


def test_pictures_in_an_altair_chart_validate(digits):
    alt = pytest.importorskip("altair")
    table, images = digits
    table = table.assign(image=pixtip.pictures(images))
    spec = alt.Chart(table).mark_circle().encode(x="x", y="y", tooltip=["image", "label"]).to_dict()
    assert spec["encoding"]["tooltip"][0]["field"] == "image"


def test_notebooks_get_vega_lite_and_html(digits):
    table, images = digits
    bundle = pixtip.chart(table, images=images, x="x", y="y")._repr_mimebundle_()
    assert bundle["application/vnd.vegalite.v6+json"]["$schema"].endswith("v6.4.1.json")
    assert bundle["text/html"].startswith("<iframe")


def test_save_writes_html_and_json(tmp_path, digits):
    table, images = digits
    chart = pixtip.chart(table, images=images, x="x", y="y")
    assert chart.save(tmp_path / "c.vl.json") > 0
    assert json.loads((tmp_path / "c.vl.json").read_text()) == chart.to_dict()
    chart.save(tmp_path / "c.html")
    assert "vegaEmbed" in (tmp_path / "c.html").read_text()
    with pytest.raises(OSError, match=r"\.html or \.json"):
        chart.save(tmp_path / "c.png")


def test_picture_files_beside_the_page(tmp_path, digits):
    table, images = digits
    chart = pixtip.chart(table, images=images, x="x", y="y", pictures=tmp_path / "pictures")
    rows = next(iter(chart.to_dict()["datasets"].values()))
    assert rows[0]["picture"] == "pictures/0-000000.png"
    assert (tmp_path / "pictures" / "0-000039.png").exists()


def test_a_saved_page_shows_the_picture_on_hover(tmp_path, digits):
    """Chromium hovers points of a page saved from Python and sees each
    row's 56×56 picture (28×28 zoomed twice) above its fields."""
    table, images = digits
    pages = tmp_path / "pages"
    pages.mkdir()
    chart = pixtip.chart(table, images=images, x="x", y="y", tooltip=["index"])
    chart.save(pages / "chart.html", offline_js=ROOT / "node_modules")
    env = dict(os.environ, PIXTIP_PAGES_DIR=str(pages), PIXTIP_PICTURE_SIZE="56x56")
    done = subprocess.run(
        ["node", "--test", str(ROOT / "tests" / "browser" / "chart.test.mjs")],
        capture_output=True, text=True, env=env, cwd=ROOT,
    )
    assert done.returncode == 0, done.stdout + done.stderr
