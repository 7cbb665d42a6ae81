//! `pixtip chart --atlas` at scale, as whole processes: 1,000,000 uint8
//! 28×28 images (a 784 MB `.npy`) and 100,000 float32 64×64 images (1.6 GB),
//! each with a CSV of x, y and label, written once under
//! `target/bench-compare-atlas/`; wall time and peak memory from GNU time;
//! then the overview and the largest region page in headless Chromium.

use crate::python::workspace_root;
use anyhow::{Context, Result, bail};
use rayon::prelude::*;
use serde_json::Value;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::Command;

/// A well-mixed 64-bit hash (splitmix64): the inputs' only randomness.
fn mix(mut z: u64) -> u64 {
    z = z.wrapping_add(0x9e37_79b9_7f4a_7c15);
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

fn unit(seed: u64) -> f64 {
    (mix(seed) >> 11) as f64 / (1u64 << 53) as f64
}

/// A normal deviate (Box–Muller) from two hashes.
fn normal(seed: u64) -> f64 {
    let (u, v) = (unit(seed).max(1e-12), unit(seed ^ 0x5555));
    (-2.0 * u.ln()).sqrt() * (std::f64::consts::TAU * v).cos()
}

fn npy_header(descr: &str, shape: &[usize]) -> Vec<u8> {
    let dims: Vec<String> = shape.iter().map(ToString::to_string).collect();
    let mut dict = format!(
        "{{'descr': '{descr}', 'fortran_order': False, 'shape': ({}), }}",
        dims.join(", ")
    );
    while (10 + dict.len() + 1) % 64 != 0 {
        dict.push(' ');
    }
    dict.push('\n');
    let mut header = b"\x93NUMPY\x01\x00".to_vec();
    header.extend((dict.len() as u16).to_le_bytes());
    header.extend(dict.as_bytes());
    header
}

/// Writes `rows` images of `side`² from `pixel(row, y, x)` and the CSV of
/// x, y and label (ten clusters on a circle), in chunks made in parallel.
fn write_inputs(
    dir: &Path,
    name: &str,
    rows: usize,
    side: usize,
    descr: &str,
    pixel: impl Fn(usize, usize, usize, &mut Vec<u8>) + Sync,
) -> Result<(PathBuf, PathBuf)> {
    let npy = dir.join(format!("{name}.npy"));
    let csv = dir.join(format!("{name}.csv"));
    if npy.exists() && csv.exists() {
        return Ok((npy, csv));
    }
    let mut out = std::io::BufWriter::new(std::fs::File::create(&npy)?);
    out.write_all(&npy_header(descr, &[rows, side, side]))?;
    let chunk = 10_000;
    for start in (0..rows).step_by(chunk) {
        let end = (start + chunk).min(rows);
        let bytes: Vec<Vec<u8>> = (start..end)
            .into_par_iter()
            .map(|row| {
                let mut bytes = Vec::new();
                for y in 0..side {
                    for x in 0..side {
                        pixel(row, y, x, &mut bytes);
                    }
                }
                bytes
            })
            .collect();
        for b in bytes {
            out.write_all(&b)?;
        }
    }
    out.flush()?;
    let mut table = std::io::BufWriter::new(std::fs::File::create(&csv)?);
    writeln!(table, "x,y,label")?;
    for row in 0..rows {
        let label = row % 10;
        let angle = label as f64 * std::f64::consts::TAU / 10.0;
        let seed = (row as u64) << 8;
        let x = 10.0 * angle.cos() + 1.6 * normal(seed ^ 1);
        let y = 10.0 * angle.sin() + 1.6 * normal(seed ^ 2);
        writeln!(table, "{x:.5},{y:.5},{label}")?;
    }
    table.flush()?;
    Ok((npy, csv))
}

/// A digit-like stroke: a ring whose size and thickness follow the label,
/// moved and stretched a little per row.
fn digit_pixel(row: usize, y: usize, x: usize, out: &mut Vec<u8>) {
    let label = (row % 10) as f64;
    let seed = row as u64;
    let (cx, cy) = (14.0 + 2.0 * normal(seed ^ 3), 14.0 + 2.0 * normal(seed ^ 4));
    let (rx, ry) = (4.0 + label * 0.5, 9.0 - label * 0.3 + normal(seed ^ 5));
    let d = (((x as f64 - cx) / rx).powi(2) + ((y as f64 - cy) / ry).powi(2)).sqrt();
    let ink = (1.0 - ((d - 1.0).abs() * 3.0)).clamp(0.0, 1.0);
    out.push((ink * 255.0) as u8);
}

/// Smooth waves with noise, in float32.
fn float_pixel(row: usize, y: usize, x: usize, out: &mut Vec<u8>) {
    let f = 0.05 + (row % 10) as f64 * 0.02;
    let noise = unit(((row as u64) << 12) ^ ((y * 64 + x) as u64)) - 0.5;
    let v = ((x as f64 * f).sin() * (y as f64 * f * 1.3).cos() + 0.3 * noise) as f32;
    out.extend(v.to_le_bytes());
}

fn cpu_model() -> String {
    std::fs::read_to_string("/proc/cpuinfo")
        .ok()
        .and_then(|text| {
            text.lines()
                .find(|l| l.starts_with("model name"))
                .and_then(|l| l.split(':').nth(1))
                .map(|m| m.trim().to_string())
        })
        .unwrap_or_else(|| "unknown CPU".into())
}

/// Runs the atlas under GNU time: (wall seconds, peak KiB).
fn timed_atlas(binary: &Path, npy: &Path, csv: &Path, out: &Path) -> Result<(f64, f64)> {
    let _ = std::fs::remove_dir_all(out);
    let output = Command::new("/usr/bin/time")
        .args(["-f", "%e %M"])
        .arg(binary)
        .arg("chart")
        .arg(npy)
        .arg("--table")
        .arg(csv)
        .args(["--x", "x", "--y", "y", "--color", "label:N", "--atlas"])
        .arg("--offline-js")
        .arg(workspace_root().join("node_modules"))
        .arg("--out")
        .arg(out)
        .output()
        .context("could not run /usr/bin/time (Debian's `time` package)")?;
    let stderr = String::from_utf8_lossy(&output.stderr);
    if !output.status.success() {
        bail!("pixtip chart --atlas failed: {stderr}");
    }
    print!("{}", String::from_utf8_lossy(&output.stdout));
    let last = stderr.lines().last().unwrap_or_default();
    let mut parts = last.split_whitespace().map(str::parse::<f64>);
    match (parts.next(), parts.next()) {
        (Some(Ok(wall)), Some(Ok(kib))) => Ok((wall, kib)),
        _ => bail!("unexpected GNU time output: {last}"),
    }
}

/// The largest cell's page, from the overview's data.
fn largest_page(out: &Path) -> Result<String> {
    let spec: Value = serde_json::from_str(&std::fs::read_to_string(out.join("atlas.vl.json"))?)?;
    let rows: Vec<Value> = spec["datasets"]
        .as_object()
        .context("datasets")?
        .values()
        .flat_map(|r| r.as_array().cloned().unwrap_or_default())
        .collect();
    rows.iter()
        .max_by(|a, b| {
            a["count"]
                .as_f64()
                .partial_cmp(&b["count"].as_f64())
                .unwrap_or(std::cmp::Ordering::Equal)
        })
        .and_then(|r| r["page"].as_str().map(str::to_string))
        .context("no cells")
}

fn browser_timing(out: &Path, page: &str) -> Result<Value> {
    let root = workspace_root();
    let output = Command::new("node")
        .arg(root.join("tests/browser/atlas_timing.mjs"))
        .arg(out)
        .arg(page)
        .current_dir(&root)
        .output()
        .context("could not run node tests/browser/atlas_timing.mjs")?;
    if !output.status.success() {
        bail!(
            "atlas_timing.mjs failed: {}",
            String::from_utf8_lossy(&output.stderr)
        );
    }
    Ok(serde_json::from_slice(&output.stdout)?)
}

pub fn run() -> Result<()> {
    let root = workspace_root();
    let binary = super::release_cli()?;
    let work = root.join("target/bench-compare-atlas");
    std::fs::create_dir_all(&work)?;
    println!(
        "CPU: {} ({} threads)",
        cpu_model(),
        rayon::current_num_threads()
    );
    let digits = write_inputs(&work, "digits-1m", 1_000_000, 28, "|u1", digit_pixel)?;
    let floats = write_inputs(&work, "floats-100k", 100_000, 64, "<f4", float_pixel)?;
    for (label, (npy, csv), goal) in [
        ("1,000,000 uint8 28x28", digits, 60.0),
        ("100,000 float32 64x64", floats, 20.0),
    ] {
        let out = work.join(format!(
            "out-{}",
            npy.file_stem().unwrap_or_default().to_string_lossy()
        ));
        let (wall, kib) = timed_atlas(&binary, &npy, &csv, &out)?;
        println!(
            "  atlas of {label}: {wall:.1} s (goal < {goal} s), peak {:.0} MiB (goal < 1024 MiB)",
            kib / 1024.0
        );
        let page = largest_page(&out)?;
        let timing = browser_timing(&out, &page)?;
        println!(
            "  Chromium: overview first render {:.0} ms (goal < 1500), hover to montage {} ms (goal < 200); largest region page ({page}, {} points) first render {:.0} ms (goal < 3000)",
            timing["overview_ms"].as_f64().unwrap_or(f64::NAN),
            timing["hover_ms"],
            timing["region_points"],
            timing["region_ms"].as_f64().unwrap_or(f64::NAN),
        );
    }
    Ok(())
}
