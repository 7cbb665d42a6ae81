//! Side-by-side timing of the compose part against the Python reference.
//!
//! Python (xtask/python/bench_compose.py) times the tutorial's
//! `create_tooltip_image` on row 0 of the tutorial's arrays and Pillow's PNG
//! encoding of the 600 reference pictures; this side times pixtip on the same
//! floats and the same pixels (decoded from Pillow's PNGs), and compares the
//! bytes of the 600 data URIs.

use anyhow::{Context, Result};
use ndarray::Array2;
use pixtip_compose::{PairOptions, Picture, tooltip_pair};
use pixtip_encode::{ByteCount, Preset, decode_data_uri, encode_data_uri, encode_data_uri_many};
use std::path::Path;
use std::time::Instant;

/// Best per-call time in milliseconds over `repeats` runs of `inner` calls.
fn best_ms(repeats: usize, inner: usize, mut f: impl FnMut() -> Result<()>) -> Result<f64> {
    let mut best = f64::INFINITY;
    for _ in 0..repeats {
        let start = Instant::now();
        for _ in 0..inner {
            f()?;
        }
        best = best.min(start.elapsed().as_secs_f64() * 1e3 / inner as f64);
    }
    Ok(best)
}

fn chart_rows(root: &Path, name: &str) -> Result<Vec<serde_json::Value>> {
    let path = root.join("fixtures/reference/altair-200").join(name);
    let text =
        std::fs::read_to_string(&path).with_context(|| format!("reading {}", path.display()))?;
    let chart: serde_json::Value = serde_json::from_str(&text)?;
    let rows = chart["datasets"]
        .as_object()
        .and_then(|d| d.values().next())
        .and_then(|rows| rows.as_array())
        .context("chart has no dataset rows")?;
    Ok(rows.clone())
}

/// The 600 tooltip data URIs of the reference charts: 200 pairs, 400 singles.
fn pillow_uris(root: &Path) -> Result<Vec<String>> {
    let mut uris = Vec::new();
    for row in chart_rows(root, "comparison.vl.json")? {
        uris.push(row["image"].as_str().context("image")?.to_string());
    }
    for row in chart_rows(root, "metric-switch.vl.json")? {
        for key in ["image1_base64", "image2_base64"] {
            uris.push(row[key].as_str().context("single image")?.to_string());
        }
    }
    Ok(uris)
}

pub fn run() -> Result<()> {
    let root = crate::python::workspace_root();
    let inputs = std::env::temp_dir().join(format!("pixtip-bench-compose-{}", std::process::id()));
    let inputs_arg = inputs.to_string_lossy().into_owned();
    let printed = crate::python::run_script("bench_compose.py", &[&inputs_arg])?;
    let py: serde_json::Value =
        serde_json::from_str(printed.trim()).context("bench_compose.py output")?;
    let number = |key: &str| py[key].as_f64().with_context(|| format!("{key} missing"));

    let image1: Array2<f64> = ndarray_npy::read_npy(inputs.join("image1.npy"))?;
    let image2: Array2<f64> = ndarray_npy::read_npy(inputs.join("image2.npy"))?;
    let _ = std::fs::remove_dir_all(&inputs);
    let options = PairOptions::default();
    let pair_ms = |preset: Preset| {
        best_ms(7, 200, || {
            let pair = tooltip_pair(&image1, &image2, &options)?;
            std::hint::black_box(encode_data_uri(&pair, preset)?);
            Ok(())
        })
    };
    let (pair_default, pair_fast) = (pair_ms(Preset::Default)?, pair_ms(Preset::Fast)?);

    let uris = pillow_uris(&root)?;
    let pictures: Vec<Picture> = uris
        .iter()
        .map(|u| decode_data_uri(u))
        .collect::<Result<_, _>>()?;
    let pillow = ByteCount {
        pictures: uris.len(),
        png: 0,
        data_uri: number("pillow_bytes")? as usize,
    };
    let sequential = |preset: Preset, repeats: usize| -> Result<(f64, ByteCount)> {
        let mut count = ByteCount::default();
        let ms = best_ms(repeats, 1, || {
            count = pictures
                .iter()
                .map(|p| encode_data_uri(p, preset).map(|u| ByteCount::of_data_uri(&u)))
                .sum::<Result<ByteCount, _>>()?;
            Ok(())
        })?;
        Ok((ms, count))
    };
    let (fast_ms, fast_bytes) = sequential(Preset::Fast, 3)?;
    let (default_ms, default_bytes) = sequential(Preset::Default, 3)?;
    let parallel_ms = best_ms(3, 1, || {
        std::hint::black_box(encode_data_uri_many(&pictures, Preset::Default)?);
        Ok(())
    })?;
    let start = Instant::now();
    let (_, smallest_bytes) = encode_data_uri_many(&pictures, Preset::Smallest)?;
    let smallest_ms = start.elapsed().as_secs_f64() * 1e3;

    let py_pair = number("pair_ms")?;
    let py_encode = number("encode600_ms")?;
    let threads = rayon::current_num_threads();
    println!(
        "{:<58} {:>11} {:>11} {:>8}",
        "task", "python ms", "pixtip ms", "ratio"
    );
    let row =
        |task: &str, p: f64, r: f64| println!("{task:<58} {p:>11.3} {r:>11.3} {:>7.1}x", p / r);
    row(
        "96x202 pair: compose+labels+PNG+base64 (Default)",
        py_pair,
        pair_default,
    );
    row(
        "96x202 pair: compose+labels+PNG+base64 (Fast)",
        py_pair,
        pair_fast,
    );
    row(
        "600 pictures: PNG+base64, 1 thread (Default)",
        py_encode,
        default_ms,
    );
    row(
        "600 pictures: PNG+base64, 1 thread (Fast)",
        py_encode,
        fast_ms,
    );
    row(
        &format!("600 pictures: PNG+base64, {threads} threads (Default)"),
        py_encode,
        parallel_ms,
    );
    row(
        &format!("600 pictures: PNG+base64, {threads} threads (Smallest)"),
        py_encode,
        smallest_ms,
    );
    println!(
        "throughput, {threads} threads, Default: {:.0} pictures/s",
        pictures.len() as f64 / (parallel_ms / 1e3)
    );
    // Raw pixels in (bytes of the pictures' samples) per second of one core,
    // PNG and base64 included: the measure of the preset's speed.
    let raw_mb: f64 = pictures
        .iter()
        .map(|p| {
            let samples = match p.kind() {
                pixtip_compose::PictureKind::Gray => 1,
                pixtip_compose::PictureKind::Gray16 => 2,
                pixtip_compose::PictureKind::Rgb => 3,
                pixtip_compose::PictureKind::Rgba => 4,
            };
            f64::from(p.width()) * f64::from(p.height()) * samples as f64
        })
        .sum::<f64>()
        / 1e6;
    println!(
        "raw pixels per core (1 thread, {raw_mb:.2} MB): Default {:.0} MB/s, Fast {:.0} MB/s, Pillow {:.0} MB/s",
        raw_mb / (default_ms / 1e3),
        raw_mb / (fast_ms / 1e3),
        raw_mb / (py_encode / 1e3)
    );
    println!(
        "\n{:<34} {:>12} {:>10}",
        "600 tooltip data URIs", "bytes", "/ Pillow"
    );
    let size = |name: &str, b: ByteCount| {
        println!(
            "{name:<34} {:>12} {:>10.3}",
            b.data_uri,
            b.data_uri as f64 / pillow.data_uri as f64
        )
    };
    size("Pillow (reference charts)", pillow);
    size("pixtip Fast", fast_bytes);
    size("pixtip Default", default_bytes);
    size("pixtip Smallest", smallest_bytes);
    Ok(())
}
