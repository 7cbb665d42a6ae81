//! Charts from Parquet (the shape Hugging Face writes), Arrow IPC files and
//! streams / Feather,
//! multi-page TIFF, HDF5 and Zarr inputs in headless Chromium: hovering each point shows
//! that row's picture, pixel for pixel as numpy's values make it
//! (`tests/browser/formats.test.mjs`). Needs `npm ci` and Chromium, as
//! `tests/browser.rs` does.

#![allow(clippy::unwrap_used)] // test helpers: a failed unwrap is a failed test

use pixtip::job::{ChartRequest, PictureMode, run_chart_job};
use pixtip::load::TableOptions;
use pixtip::{PictureOptions, PictureSize, Scaling};
use pixtip_tests::browser::{check_prerequisites, run_node_checks};
use pixtip_tests::{input_path, json_number, read_json, workspace_root};
use serde_json::{Value, json};
use std::path::PathBuf;

/// How the pictures' levels follow the images' values.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Levels {
    /// `--scale per-image`: numpy's floor(255 · (v − lo)/(hi − lo)) over
    /// each image's own range.
    PerImage,
    /// Auto scaling of `uint8` images: the values as they are (and the
    /// pictures the PNGs the table stores); wider images' levels unchecked.
    AsStored,
}

/// Row `row`'s picture under `levels`; `None` for RGBA pictures, whose
/// colours a canvas reads back only roughly.
fn expected_picture(key: &str, page: Option<usize>, levels: Levels) -> Value {
    let entry = &read_json(&input_path("values.json"))[key];
    let mut shape: Vec<usize> = entry["shape"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d.as_u64().unwrap() as usize)
        .collect();
    let values: Vec<f64> = entry["values"]
        .as_array()
        .unwrap()
        .iter()
        .map(json_number)
        .collect();
    let mut values = values;
    if let Some(page) = page {
        shape.remove(0);
        let per: usize = shape.iter().product();
        values = values[page * per..(page + 1) * per].to_vec();
    }
    let (lo, hi) = values
        .iter()
        .filter(|v| v.is_finite())
        .fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), &v| {
            (lo.min(v), hi.max(v))
        });
    let level = |v: f64| match levels {
        Levels::PerImage => (255.0 * ((v - lo) / (hi - lo)).clamp(0.0, 1.0)).floor() as u8,
        Levels::AsStored => v as u8,
    };
    let checked = levels == Levels::PerImage || entry["dtype"] == "uint8";
    let rgb: Option<Vec<u8>> = match shape.get(2) {
        _ if !checked => None,
        None => Some(values.iter().flat_map(|&v| [level(v); 3]).collect()),
        Some(3) => Some(values.iter().map(|&v| level(v)).collect()),
        _ => None,
    };
    json!({"width": shape[1], "height": shape[0], "rgb": rgb})
}

fn check(
    label: &str,
    input: PathBuf,
    shape: Option<Vec<usize>>,
    keys: &[(String, Option<usize>)],
    levels: Levels,
) {
    let root = workspace_root();
    let dir = tempfile::tempdir().unwrap();
    let request = ChartRequest {
        inputs: vec![input],
        x: Some("index".into()),
        y: Some("index".into()),
        table_options: TableOptions {
            shape,
            ..TableOptions::default()
        },
        picture_options: PictureOptions {
            scale: match levels {
                Levels::PerImage => Scaling::PerImage,
                Levels::AsStored => Scaling::Auto,
            },
            size: PictureSize::ACTUAL,
            ..PictureOptions::default()
        },
        picture_mode: PictureMode::Files,
        offline_scripts: Some(root.join("node_modules")),
        ..ChartRequest::default()
    };
    let out = dir.path().join("out");
    run_chart_job(&request, &out, &mut |_| {}).expect("the chart job runs");
    let expected: serde_json::Map<String, Value> = keys
        .iter()
        .enumerate()
        .map(|(row, (key, page))| (row.to_string(), expected_picture(key, *page, levels)))
        .collect();
    check_prerequisites();
    let expected = Value::Object(expected).to_string();
    run_node_checks(
        "formats.test.mjs",
        label,
        &out,
        &[("PIXTIP_EXPECTED", &expected)],
        1,
    );
}

#[test]
fn charts_from_parquet_arrow_tiff_hdf5_and_zarr_show_each_rows_picture_in_chromium() {
    let rows = |prefix: &str, n: usize| -> Vec<(String, Option<usize>)> {
        (0..n)
            .map(|row| (format!("{prefix}/{row}"), None))
            .collect()
    };
    check(
        "formats-parquet",
        input_path("formats/hf.parquet"),
        None,
        &rows("formats/hf.parquet/image", 5),
        Levels::PerImage,
    );
    // Auto scaling at the images' own size: the 8-bit PNG cells' pictures
    // are the PNGs the table stores.
    check(
        "formats-parquet-as-stored",
        input_path("formats/hf.parquet"),
        None,
        &rows("formats/hf.parquet/image", 5),
        Levels::AsStored,
    );
    check(
        "formats-feather",
        input_path("formats/images.feather"),
        None,
        &rows("formats/images/image", 3),
        Levels::PerImage,
    );
    check(
        "formats-arrow-stream",
        input_path("formats/images.arrows"),
        None,
        &rows("formats/images/image", 3),
        Levels::PerImage,
    );
    check(
        "formats-list",
        input_path("formats/lists.parquet"),
        Some(vec![6, 5]),
        &rows("formats/lists.parquet/pixels", 3),
        Levels::PerImage,
    );
    let pages: Vec<(String, Option<usize>)> = (0..4)
        .map(|page| ("formats/stack_u8.tif".to_string(), Some(page)))
        .collect();
    check(
        "formats-tiff",
        input_path("formats/stack_u8.tif"),
        None,
        &pages,
        Levels::PerImage,
    );
    let stack = |key: &str, n: usize| -> Vec<(String, Option<usize>)> {
        (0..n).map(|row| (key.to_string(), Some(row))).collect()
    };
    check(
        "formats-hdf5",
        input_path("stores/cells.h5:/group/i16be"),
        None,
        &stack("stores/cells.h5:/group/i16be", 3),
        Levels::PerImage,
    );
    check(
        "formats-zarr",
        input_path("stores/v3.zarr/u16"),
        None,
        &stack("stores/v3.zarr/u16", 4),
        Levels::PerImage,
    );
}
