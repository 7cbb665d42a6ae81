//! `pixtip demo` end to end against the Python reference doing the same work
//! (`make_reference.py --html`), as whole processes: wall time and peak memory,
//! the median of a few runs with the sides taking turns (the machine is shared).

use crate::python::{run_script, workspace_root};
use anyhow::{Context, Result};
use serde_json::Value;

const REPEATS: usize = 3;

pub fn run() -> Result<()> {
    let root = workspace_root();
    let binary = super::release_cli()?;
    let work = root.join("target/bench-compare-demo");
    std::fs::create_dir_all(&work)?;
    let printed = run_script(
        "bench_demo.py",
        &[
            &binary.to_string_lossy(),
            &work.to_string_lossy(),
            &REPEATS.to_string(),
        ],
    )?;
    let result: Value = serde_json::from_str(printed.trim()).context("bench_demo.py output")?;
    let median = |side: &str| -> f64 {
        let mut walls: Vec<f64> = result[side]["walls"]
            .as_array()
            .map(|walls| walls.iter().filter_map(Value::as_f64).collect())
            .unwrap_or_default();
        walls.sort_by(f64::total_cmp);
        walls.get(walls.len() / 2).copied().unwrap_or(f64::NAN)
    };
    let peak = |side: &str| result[side]["peak_kib"].as_f64().unwrap_or(f64::NAN) / 1024.0;
    let theirs = median("python");
    println!(
        "demo, 200 rows, both charts and pages written (median of {REPEATS} runs, all cores):"
    );
    println!(
        "  {:<22} {:>10} {:>14} {:>8}",
        "", "wall", "peak memory", "ratio"
    );
    for side in [
        "python",
        "pixtip",
        "pixtip --png fast",
        "pixtip --picture-files",
    ] {
        println!(
            "  {side:<22} {:>8.3} s {:>10.1} MiB {:>7.1}x",
            median(side),
            peak(side),
            theirs / median(side)
        );
    }
    println!(
        "  --picture-files / embedded (wall): {:.2}x",
        median("pixtip --picture-files") / median("pixtip")
    );
    Ok(())
}
