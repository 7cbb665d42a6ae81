//! `pixtip demo` end to end against the Python reference doing the same work
//! (`make_reference.py --html`), as whole processes: wall time and peak memory.

use crate::python::{run_script, workspace_root};
use anyhow::{Context, Result};
use serde_json::Value;

const REPEATS: usize = 5;

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
    let best = |side: &str| -> f64 {
        result[side]["walls"]
            .as_array()
            .map(|walls| {
                walls
                    .iter()
                    .filter_map(Value::as_f64)
                    .fold(f64::INFINITY, f64::min)
            })
            .unwrap_or(f64::NAN)
    };
    let peak = |side: &str| result[side]["peak_kib"].as_f64().unwrap_or(f64::NAN) / 1024.0;
    let theirs = best("python");
    println!("demo, 200 rows, both charts and pages written (best of {REPEATS} runs, all cores):");
    println!(
        "  {:<18} {:>10} {:>14} {:>8}",
        "", "wall", "peak memory", "ratio"
    );
    for side in ["python", "pixtip", "pixtip --png fast"] {
        println!(
            "  {side:<18} {:>8.3} s {:>10.1} MiB {:>7.1}x",
            best(side),
            peak(side),
            theirs / best(side)
        );
    }
    Ok(())
}
