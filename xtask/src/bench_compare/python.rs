//! The Python package against the Python it replaces, in one process
//! (`bench_python.py`): `pixtip.pictures` against the tutorial's Pillow
//! loop, the tutorial end to end with pixtip's filters and pictures, and
//! `pixtip.ndimage.gaussian_filter` against scipy's on 1 and 2 threads.

use crate::python::run_script;
use anyhow::{Context, Result};
use serde_json::Value;

const REPEATS: usize = 3;

pub fn run() -> Result<()> {
    crate::python_package::install("release")?;
    let printed = run_script("bench_python.py", &[&REPEATS.to_string()])?;
    let result: Value = serde_json::from_str(printed.trim()).context("bench_python.py output")?;
    let seconds = |part: &str, side: &str| result[part][side].as_f64().unwrap_or(f64::NAN);
    println!("the Python package, same process, same inputs (median of {REPEATS}):");
    println!(
        "  {:<58} {:>10} {:>10} {:>7}",
        "", "Python", "pixtip", "ratio"
    );
    let row = |what: &str, python: f64, ours: f64| {
        println!(
            "  {what:<58} {:>8.1} ms {:>7.1} ms {:>6.1}x",
            python * 1e3,
            ours * 1e3,
            python / ours
        );
    };
    row(
        "pictures: 10,000 float32 64x64 (Pillow loop vs pictures)",
        seconds("pictures", "python"),
        seconds("pictures", "pixtip"),
    );
    row(
        "the tutorial end to end, 200 rows (scipy+Pillow vs pixtip)",
        seconds("tutorial", "python"),
        seconds("tutorial", "pixtip"),
    );
    for threads in [1, 2] {
        row(
            &format!("gaussian_filter 2048², sigma 8, pixtip on {threads} thread(s)"),
            seconds("gaussian", "scipy"),
            seconds("gaussian", &format!("pixtip_{threads}")),
        );
    }
    Ok(())
}
