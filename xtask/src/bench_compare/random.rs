//! Side-by-side timing of the random part: the tutorial's 200-row blob
//! dataset (seed "altair", width 96, 2-D) made by `pixtip::blobs::make_blobs`
//! against the data step of make_reference.py (numpy draws, scipy filters,
//! normalisation, pandas DataFrame and the areas; xtask/python/bench_random.py).
//!
//! Python is single-threaded, so the headline ratio uses pixtip on a
//! one-thread rayon pool; the all-cores figure uses a pool with every core.
//! Each figure is the best of several repeats.

use crate::python;
use anyhow::{Context, Result, ensure};
use pixtip_tutorial::blobs::{BlobOptions, make_blobs};
use std::hint::black_box;
use std::time::Instant;

const REPEATS_PYTHON: usize = 5;
const REPEATS_PIXTIP: usize = 40;

fn best(repeats: usize, mut f: impl FnMut() -> Result<()>) -> Result<f64> {
    let mut best = f64::INFINITY;
    for _ in 0..repeats {
        let start = Instant::now();
        f()?;
        best = best.min(start.elapsed().as_secs_f64());
    }
    Ok(best)
}

fn pool(threads: usize) -> Result<rayon::ThreadPool> {
    Ok(rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .build()?)
}

pub fn run() -> Result<()> {
    let options = BlobOptions::default();
    let printed = python::run_script(
        "bench_random.py",
        &["--repeats", &REPEATS_PYTHON.to_string()],
    )?;
    let python: serde_json::Value =
        serde_json::from_str(printed.trim()).context("bench_random.py output")?;
    let python_best = python["best_s"]
        .as_f64()
        .context("bench_random.py: no best_s")?;

    // Same numbers on both sides: the areas' sum is the script's checksum.
    let data = make_blobs(&options)?;
    let checksum: f64 = data.image1_area.iter().chain(&data.image2_area).sum();
    let python_checksum = python["checksum"].as_f64().context("no checksum")?;
    ensure!(
        (checksum - python_checksum).abs() <= 1e-12,
        "pixtip areas sum to {checksum}, Python's to {python_checksum}"
    );

    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    let timed = |threads: usize| -> Result<f64> {
        let pool = pool(threads)?;
        best(REPEATS_PIXTIP, || {
            pool.install(|| black_box(make_blobs(&options)))?;
            Ok(())
        })
    };
    let one = timed(1)?;
    let all = timed(cores)?;

    println!(
        "tutorial blob dataset: 200 rows, 96x96, seed \"altair\" (best of {REPEATS_PYTHON} Python, {REPEATS_PIXTIP} pixtip runs)"
    );
    println!(
        "{:<34} {:>12} {:>12} {:>8}",
        "case", "python ms", "pixtip ms", "ratio"
    );
    for (label, time) in [
        ("1 thread".to_string(), one),
        (format!("{cores} threads (all cores)"), all),
    ] {
        println!(
            "{:<34} {:>12.2} {:>12.2} {:>7.1}x",
            format!("make_blobs, {label}"),
            python_best * 1e3,
            time * 1e3,
            python_best / time
        );
    }
    Ok(())
}
