//! `pixtip chart --atlas`: grids, coordinates and cells at their corners.

use crate::files::uint8_stack;
use crate::run::{Case, Ctx, Observed, chart};

/// Charts `stack.npy` (one image per CSV row) with `table.csv` holding
/// `csv` as an atlas, with `more` arguments.
fn atlas(ctx: &Ctx, csv: &str, more: &[&str]) -> Observed {
    let rows = csv.lines().count().saturating_sub(1);
    let stack = ctx.put("stack.npy", &uint8_stack(rows));
    let table = ctx.put("table.csv", csv.as_bytes());
    let mut args = vec![stack.as_str(), "--table", &table, "--atlas"];
    args.extend(more);
    chart(ctx, &args)
}

const XY: &[&str] = &["--x", "x", "--y", "y"];

/// [`atlas`] over `--x x --y y`, with `more` arguments.
fn atlas_xy(ctx: &Ctx, csv: &str, more: &[&str]) -> Observed {
    atlas(ctx, csv, &[XY, more].concat())
}

/// The overview's cells as (name, count), and the count of region pages.
fn overview(ctx: &Ctx) -> (Vec<(String, u64)>, usize) {
    let text = std::fs::read_to_string(ctx.path("out/atlas.vl.json")).unwrap();
    let spec: serde_json::Value = serde_json::from_str(&text).unwrap();
    let cells = spec["datasets"]
        .as_object()
        .unwrap()
        .values()
        .flat_map(|rows| rows.as_array().unwrap().clone())
        .map(|row| {
            (
                row["cell"].as_str().unwrap().to_string(),
                row["count"].as_f64().unwrap() as u64,
            )
        })
        .collect();
    let pages = pixtip_tests::entry_names(&ctx.path("out/cells"))
        .iter()
        .filter(|name| name.ends_with(".html"))
        .count();
    (cells, pages)
}

/// An atlas of `csv` whose points all fall in one cell: `count` of them.
fn one_cell(ctx: &Ctx, csv: &str, count: u64) -> Observed {
    let observed = atlas(ctx, csv, XY);
    assert_eq!(overview(ctx), (vec![("0-0".into(), count)], 1));
    observed
}

pub const CASES: &[Case] = &[
    Case {
        name: "page-too-many-points",
        result: "exit 1",
        run: |ctx| {
            let rows = 300_001;
            let stack = ctx.put(
                "big.npy",
                &crate::files::npy("|u1", false, &[rows, 1, 1], &vec![7u8; rows]),
            );
            chart(ctx, &[&stack, "--y", "index"]).mentions(&["300001 points", "--atlas"])
        },
    },
    Case {
        name: "atlas-grid-zero",
        result: "exit 1",
        run: |ctx| atlas_xy(ctx, "x,y\n1,2\n3,4\n", &["--grid", "0"]).mentions(&["--grid 0"]),
    },
    Case {
        name: "atlas-no-x-y",
        result: "exit 1",
        run: |ctx| atlas(ctx, "x,y\n1,2\n3,4\n", &[]).mentions(&["--x", "--y"]),
    },
    Case {
        name: "atlas-text-x",
        result: "exit 1",
        run: |ctx| atlas(ctx, "x,y\na,2\nb,4\n", XY).mentions(&["x (--x)", "`x`"]),
    },
    Case {
        name: "atlas-all-nan",
        result: "exit 1",
        run: |ctx| atlas(ctx, "x,y\n,2\nnan,4\n", XY).mentions(&["finite x and y"]),
    },
    Case {
        name: "atlas-with-repeat",
        result: "exit 1",
        run: |ctx| atlas_xy(ctx, "x,y\n1,2\n3,4\n", &["--repeat", "y"]).mentions(&["--repeat"]),
    },
    Case {
        name: "atlas-grid-without-atlas",
        result: "exit 2",
        run: |ctx| {
            let stack = ctx.put("stack.npy", &uint8_stack(2));
            chart(ctx, &[&stack, "--y", "index", "--grid", "4"]).mentions(&["--atlas"])
        },
    },
    Case {
        name: "atlas-one-point",
        result: "exit 0",
        run: |ctx| one_cell(ctx, "x,y\n1.5,-2\n", 1),
    },
    Case {
        name: "atlas-all-in-one-cell",
        result: "exit 0",
        run: |ctx| one_cell(ctx, "x,y\n2,2\n2,2\n2,2\n2,2\n", 4),
    },
    Case {
        name: "atlas-nan-coordinates",
        result: "exit 0",
        run: |ctx| {
            let observed = atlas_xy(ctx, "x,y\n0,0\nnan,1\n1,1\n1,inf\n,\n", &["--grid", "2"]);
            let (cells, pages) = overview(ctx);
            assert_eq!(cells, vec![("0-0".into(), 1), ("1-1".into(), 1)]);
            assert_eq!(pages, 2);
            observed
        },
    },
];
