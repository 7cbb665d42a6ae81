"""Golden Vega-Lite specs written by Altair, for pixtip-spec's equality tests.

Usage: python fixtures_spec.py OUT_DIR   (run by `cargo xtask fixtures spec`)

Writes
  OUT_DIR/vega-lite-schema.json   the official Vega-Lite 6.4.1 JSON schema, from
                                  node_modules/vega-lite/build (re-serialised compactly,
                                  $ref fragments percent-encoded)
  OUT_DIR/golden/<case>.vl.json   Altair's chart.to_json() for each case below
  OUT_DIR/gallery/<name>.vl.json  Altair's chart.to_json() for the gallery examples of
                                  gallery_spec.py

Every case uses the small tables DF and LOOKUP; the Rust tests in
crates/pixtip-spec/tests/altair_golden.rs build the same charts and compare bytes.
"""
import json
import warnings
import os
import sys
import urllib.parse

import altair as alt
import pandas as pd

import gallery_spec

DF = pd.DataFrame(
    {
        "a": ["x", "y", "z", "x"],
        "b": [1.5, 2.0, 3.25, 0.5],
        "c": [1, 2, 3, 4],
        "g": ["p", "q", "p", "q"],
    }
)
LOOKUP = pd.DataFrame({"g": ["p", "q"], "label": ["P!", "Q\u00e9 </script>"]})


def cases():
    base = alt.Chart(DF)
    out = {}
    out["bar"] = base.mark_bar().encode(x="a", y="b")
    out["shorthand_aggregate"] = base.mark_bar(color="steelblue").encode(
        x="a:O", y="mean(b):Q", tooltip=["a", "count()", "sum(c)"]
    )
    both = alt.Chart(DF).encode(x="a")
    out["layer"] = both.mark_bar().encode(y="b") + both.mark_text(dy=-5).encode(y="b", text="c")
    out["layer_resolve"] = alt.layer(
        both.mark_line().encode(y="b"), both.mark_point().encode(y="c")
    ).resolve_scale(y="independent")
    out["facet_grid"] = base.mark_point().encode(x="b:Q", y="c:Q").facet(row="g", column="a")
    out["facet_wrapped"] = base.mark_point().encode(x="b", y="c").facet(facet="a", columns=2)
    out["vconcat"] = alt.vconcat(base.mark_bar().encode(x="a", y="b"), base.mark_tick().encode(x="c"))
    out["hconcat_title"] = alt.hconcat(
        base.mark_point().encode(x="b", y="c"), base.mark_rule().encode(y="mean(b)")
    ).properties(title=alt.Title("Two views", subtitle="side by side"))
    out["concat_columns"] = alt.concat(
        base.mark_area().encode(x="c", y="b"), base.mark_square().encode(x="c", y="b"), columns=1
    )
    out["repeat_grid"] = (
        base.mark_point()
        .encode(x=alt.X(alt.repeat("column"), type="quantitative"), y=alt.Y(alt.repeat("row"), type="quantitative"))
        .repeat(row=["b", "c"], column=["c", "b"])
    )
    out["transforms"] = (
        base.mark_bar()
        .encode(x="a:N", y="total:Q")
        .transform_calculate(double="2 * datum.b")
        .transform_filter("datum.c > 1")
        .transform_joinaggregate(total="sum(double)", groupby=["a"])
        .transform_window(rank="rank()", sort=[alt.SortField("b", order="descending")])
        .transform_bin("binned", "b", bin=alt.Bin(maxbins=5))
        .transform_lookup(lookup="g", from_=alt.LookupData(data=LOOKUP, key="g", fields=["label"]))
    )
    out["fold_aggregate"] = (
        base.mark_bar()
        .encode(x="key:N", y="m:Q")
        .transform_fold(["b", "c"], as_=["key", "value"])
        .transform_aggregate(m="mean(value)", groupby=["key"])
    )
    sel = alt.selection_point(fields=["g"])
    out["selection_point"] = (
        base.mark_point()
        .encode(x="b", y="c", color=alt.condition(sel, "g:N", alt.value("lightgray")))
        .add_params(sel)
    )
    brush = alt.selection_interval(encodings=["x"])
    out["selection_filter"] = alt.layer(
        base.mark_point().encode(x="b", y="c").add_params(brush),
        base.mark_point(color="red").encode(x="b", y="c").transform_filter(brush),
    )
    out["interactive"] = base.mark_circle(size=60).encode(x="b", y="c").interactive()
    slider = alt.param(value=50, bind=alt.binding_range(min=10, max=200, step=10, name="size "))
    radio = alt.param(value="p", bind=alt.binding_radio(options=["p", "q"], labels=["P", "Q"], name="group "))
    check = alt.param(value=True, bind=alt.binding_checkbox(name="filled "))
    text = alt.param(value="hello", bind=alt.binding(input="text", name="label "))
    out["bindings"] = (
        base.mark_point(size=alt.expr(slider.name), strokeWidth=alt.expr(f"{check.name} ? 3 : 1"))
        .encode(
            x="b",
            y="c",
            opacity=alt.condition(f"datum.g == {radio.name}", alt.value(1.0), alt.value(0.2)),
        )
        .properties(title=alt.Title(alt.expr(text.name)))
        .add_params(slider, radio, check, text)
    )
    out["url_data"] = (
        alt.Chart("data/cars.json").mark_point().encode(x="Horsepower:Q", y="Miles_per_Gallon:Q", color="Origin:N")
    )
    out["config_title"] = (
        base.mark_line(point=True, interpolate="monotone")
        .encode(x=alt.X("c", title="C axis", axis=alt.Axis(grid=False)), y=alt.Y("b", scale=alt.Scale(zero=False)))
        .properties(width=200, height=100, title="Line")
        .configure_axis(labelFontSize=12)
        .configure_view(stroke=None)
    )
    out["empty_datum"] = alt.Chart().mark_rule().encode(y=alt.datum(2))
    out["layer_encode"] = alt.layer(base.mark_bar(), base.mark_text(dy=-5).encode(text="c")).encode(x="a", y="b")
    pick = alt.selection_point(fields=["g"])
    level = alt.param(value=1)
    pts = base.mark_point().encode(x="b", y="c")
    out["layer_params"] = alt.layer(pts, pts.mark_line()).add_params(pick, level)
    out["concat_params"] = alt.hconcat(pts, pts.mark_line()).add_params(pick, level)
    return out


def encode_refs(node):
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "$ref" and isinstance(value, str):
                node[key] = urllib.parse.quote(value, safe="#/")
            else:
                encode_refs(value)
    elif isinstance(node, list):
        for item in node:
            encode_refs(item)


def main():
    # Altair warns when it merges the selection pushed into each concat child.
    warnings.simplefilter("ignore", UserWarning)
    out_dir = sys.argv[1]
    golden = os.path.join(out_dir, "golden")
    os.makedirs(golden, exist_ok=True)
    here = os.path.dirname(os.path.abspath(__file__))
    schema_src = os.path.join(here, "..", "..", "node_modules", "vega-lite", "build", "vega-lite-schema.json")
    with open(schema_src) as f:
        schema = json.load(f)
    # Vega-Lite's refs such as "#/definitions/MarkPropDef<(Gradient|string|null)>"
    # are not valid URI references, so strict validators (the Rust `jsonschema`
    # crate) refuse the schema. Percent-encoding the fragments, as RFC 3986 asks,
    # points at the same definitions.
    encode_refs(schema)
    with open(os.path.join(out_dir, "vega-lite-schema.json"), "w") as f:
        json.dump(schema, f, separators=(",", ":"), sort_keys=True)
    for name, chart in cases().items():
        with open(os.path.join(golden, f"{name}.vl.json"), "w") as f:
            f.write(chart.to_json())
    gallery_dir = os.path.join(out_dir, "gallery")
    os.makedirs(gallery_dir, exist_ok=True)
    gallery = gallery_spec.cases()
    for name, chart in gallery.items():
        with open(os.path.join(gallery_dir, f"{name}.vl.json"), "w") as f:
            f.write(chart.to_json())
    print(f"wrote {len(cases())} golden specs, {len(gallery)} gallery specs and the schema to {out_dir}")


if __name__ == "__main__":
    main()
