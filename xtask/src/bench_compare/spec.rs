//! Side-by-side timing of the spec part: the tutorial's comparison chart with
//! its 200 rows of PNG data URIs (taken from the reference spec Altair wrote),
//! serialised by pixtip-spec and by Altair's `chart.to_json()`
//! (xtask/python/bench_spec.py). Both write the same bytes; this checks that
//! first. Best of several repeats on both sides, single-threaded.

use crate::python;
use anyhow::{Context, Result, ensure};
use pixtip_spec::{
    ChannelName, Chart, Color, Data, MarkProps, Repeat, RepeatChart, Resolution, Step, Tooltip,
    TopLevel, X, Y, expr,
};
use std::hint::black_box;
use std::time::Instant;

const REPEATS_PYTHON: usize = 7;
const REPEATS_PIXTIP: usize = 50;

fn comparison(plot: Data) -> RepeatChart {
    Chart::new(plot)
        .width(Step(40.0))
        .mark_circle(MarkProps {
            x_offset: expr("random() * 16 - 8").into(),
            ..Default::default()
        })
        .encode((
            X::new("group"),
            Y::repeat().quantitative(),
            Tooltip::list(["image"]),
            Color::new("group"),
        ))
        .repeat(Repeat::list(["image1_area", "image2_area"]))
        .resolve_scale(ChannelName::Y, Resolution::Shared)
        .title("Comparison of blob areas")
}

fn best(repeats: usize, mut f: impl FnMut() -> Result<()>) -> Result<f64> {
    let mut best = f64::INFINITY;
    for _ in 0..repeats {
        let start = Instant::now();
        f()?;
        best = best.min(start.elapsed().as_secs_f64());
    }
    Ok(best)
}

pub fn run() -> Result<()> {
    let root = python::workspace_root();
    let reference = root.join("fixtures/reference/altair-200/comparison.vl.json");
    let spec: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(&reference)?)?;
    let rows = spec["datasets"]
        .as_object()
        .and_then(|d| d.values().next())
        .and_then(|v| v.as_array())
        .cloned()
        .context("no dataset in the reference spec")?;

    let printed = python::run_script("bench_spec.py", &["--repeats", &REPEATS_PYTHON.to_string()])?;
    let py: serde_json::Value =
        serde_json::from_str(printed.trim()).context("bench_spec.py output")?;
    let py_to_json = py["to_json_s"].as_f64().context("no to_json_s")?;
    let py_build = py["build_to_json_s"]
        .as_f64()
        .context("no build_to_json_s")?;

    // Same bytes on both sides.
    let chart = comparison(Data::from_values(rows.clone())?);
    let ours = chart.to_json_pretty()?;
    let altair = std::fs::read_to_string(&reference)?;
    ensure!(
        ours == altair,
        "pixtip's JSON differs from Altair's reference file"
    );
    ensure!(
        py["equals_reference"].as_bool() == Some(true),
        "Altair's to_json() here differs from its reference file"
    );

    let to_json = best(REPEATS_PIXTIP, || {
        black_box(chart.to_json_pretty()?);
        Ok(())
    })?;
    let compact = best(REPEATS_PIXTIP, || {
        black_box(chart.to_json()?);
        Ok(())
    })?;
    let build = best(REPEATS_PIXTIP, || {
        let data = Data::from_values(black_box(rows.clone()))?;
        black_box(comparison(data).to_json_pretty()?);
        Ok(())
    })?;

    println!(
        "comparison chart, 200 rows with PNG data URIs, {} bytes of JSON, identical on both sides \
         (best of {REPEATS_PYTHON} Altair, {REPEATS_PIXTIP} pixtip runs)",
        ours.len()
    );
    println!(
        "{:<44} {:>10} {:>10} {:>8}",
        "case", "altair ms", "pixtip ms", "ratio"
    );
    for (label, p, r) in [
        ("to_json of a built chart (pretty)", py_to_json, to_json),
        (
            "to_json of a built chart (pixtip compact)",
            py_to_json,
            compact,
        ),
        ("rows -> data -> chart -> to_json (pretty)", py_build, build),
    ] {
        println!(
            "{label:<44} {:>10.3} {:>10.3} {:>7.1}x",
            p * 1e3,
            r * 1e3,
            p / r
        );
    }
    Ok(())
}
