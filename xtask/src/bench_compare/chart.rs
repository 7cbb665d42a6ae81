//! `pixtip chart` on users'-own-image sized inputs, as whole processes:
//! 10,000 float32 64x64 images embedded, against the Python route
//! (numpy → Pillow → base64 → Altair, `chart_altair.py`); 10,000 and 100,000
//! with picture files; then the 100,000-point page in headless Chromium
//! (time to first render, hover to picture).

use crate::python::{run_script, workspace_root};
use anyhow::{Context, Result, bail};
use serde_json::Value;
use std::process::Command;

/// Runs of each case (the median is printed); `PIXTIP_BENCH_REPEATS` sets another number.
fn repeats() -> usize {
    std::env::var("PIXTIP_BENCH_REPEATS")
        .ok()
        .and_then(|n| n.parse().ok())
        .filter(|&n| n > 0)
        .unwrap_or(3)
}

pub fn run() -> Result<()> {
    let root = workspace_root();
    let binary = super::release_cli()?;
    let work = root.join("target/bench-compare-chart");
    std::fs::create_dir_all(&work)?;
    let printed = run_script(
        "bench_chart.py",
        &[
            &binary.to_string_lossy(),
            &work.to_string_lossy(),
            &repeats().to_string(),
        ],
    )?;
    let result: Value = serde_json::from_str(printed.trim()).context("bench_chart.py output")?;
    let median_of = |side: &str, key: &str| -> f64 {
        let mut times: Vec<f64> = result[side][key]
            .as_array()
            .map(|w| w.iter().filter_map(Value::as_f64).collect())
            .unwrap_or_default();
        times.sort_by(f64::total_cmp);
        times.get(times.len() / 2).copied().unwrap_or(f64::NAN)
    };
    let median = |side: &str| median_of(side, "walls");
    // User + system CPU: steadier than wall time where another process
    // shares the cores or the disk charges for file creation.
    let cpu = |side: &str| median_of(side, "cpus");
    let mib = |side: &str, key: &str| result[side][key].as_f64().unwrap_or(f64::NAN) / 1_048_576.0;
    let python = median("python 10k embed");
    println!(
        "pixtip chart, float32 64x64 images, whole processes (median of {}, all cores), on {}:",
        repeats(),
        cpu_model()
    );
    println!(
        "  {:<28} {:>9} {:>9} {:>12} {:>11} {:>14} {:>8}",
        "", "wall", "CPU", "peak memory", "page", "picture files", "ratio"
    );
    for side in [
        "python 10k embed",
        "pixtip 10k embed",
        "pixtip 10k files",
        "pixtip 100k files",
        "pixtip 10k files h5",
        "pixtip 100k files h5",
        "pixtip 100k files h5 shuffle",
        "pixtip 100k u8 files",
        "pixtip 10k files parquet",
        "pixtip 100k files parquet",
        "pixtip 1M digits embed",
    ] {
        if result.get(side).is_none() {
            continue; // the million digits run only with PIXTIP_BENCH_MILLION=1
        }
        println!(
            "  {side:<28} {:>7.2} s {:>7.2} s {:>8.1} MiB {:>7.1} MiB {:>10.1} MiB {:>7.1}x",
            median(side),
            cpu(side),
            mib(side, "peak_kib") * 1024.0,
            mib(side, "page_bytes"),
            mib(side, "picture_bytes"),
            python / median(side)
        );
    }
    let peak = |side: &str| result[side]["peak_kib"].as_f64().unwrap_or(f64::NAN);
    for (source, large, small) in [
        (".npy", "pixtip 100k files", "pixtip 10k files"),
        ("HDF5", "pixtip 100k files h5", "pixtip 10k files h5"),
        (
            "Parquet",
            "pixtip 100k files parquet",
            "pixtip 10k files parquet",
        ),
    ] {
        println!(
            "  peak memory 100k / 10k with picture files, from {source}: {:.2}x",
            peak(large) / peak(small)
        );
    }
    for (store, npy) in [
        ("pixtip 100k files h5", "pixtip 100k files"),
        ("pixtip 100k files h5 shuffle", "pixtip 100k files"),
        ("pixtip 100k files parquet", "pixtip 100k u8 files"),
    ] {
        println!(
            "  {store} / the same images from .npy: {:.2}x the time ({:.2}x the CPU time), {:.2}x the peak memory",
            median(store) / median(npy),
            cpu(store) / cpu(npy),
            peak(store) / peak(npy)
        );
    }

    let pages = result["pixtip 100k files"]["out"]
        .as_str()
        .context("bench_chart.py names the 100k output")?;
    let output = Command::new("node")
        .arg(root.join("tests/browser/timing.mjs"))
        .arg(pages)
        .current_dir(&root)
        .output()
        .context("could not run node tests/browser/timing.mjs")?;
    if !output.status.success() {
        bail!(
            "timing.mjs failed: {}",
            String::from_utf8_lossy(&output.stderr)
        );
    }
    let timing: Value = serde_json::from_slice(&output.stdout).context("timing.mjs output")?;
    println!(
        "  Chromium, 100k points with picture files: first render {:.0} ms, hover to picture {} ms",
        timing["first_render_ms"].as_f64().unwrap_or(f64::NAN),
        timing["hover_ms"]
    );
    Ok(())
}

/// The CPU's model name (Linux `/proc/cpuinfo`), printed beside the figures.
fn cpu_model() -> String {
    let cores = std::thread::available_parallelism().map_or(0, |n| n.get());
    let model = std::fs::read_to_string("/proc/cpuinfo")
        .ok()
        .and_then(|info| {
            info.lines()
                .find(|l| l.starts_with("model name"))
                .and_then(|l| l.split_once(':'))
                .map(|(_, m)| m.trim().to_string())
        })
        .unwrap_or_else(|| "an unknown CPU".into());
    format!("{model}, {cores} cores")
}
