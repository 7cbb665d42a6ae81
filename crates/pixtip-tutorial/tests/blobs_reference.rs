//! The blob dataset against make_reference.py's outputs in fixtures/reference:
//! groups and areas exactly (the CSV's %.17g round-trips), images to 1e-12.

#![allow(clippy::unwrap_used)] // a failed unwrap is a failed test

use ndarray::{ArrayD, Axis};
use ndarray_npy::NpzReader;
use pixtip_tutorial::blobs::{BlobDataset, BlobOptions, Seed, make_blobs};
use std::fs::File;
use std::path::PathBuf;

fn reference(case: &str) -> PathBuf {
    pixtip_tests::fixture_path("reference").join(case)
}

struct Areas {
    group: Vec<String>,
    image1_area: Vec<f64>,
    image2_area: Vec<f64>,
}

fn read_areas(case: &str) -> Areas {
    let text = std::fs::read_to_string(reference(case).join("areas.csv")).unwrap();
    let mut lines = text.lines();
    assert_eq!(lines.next(), Some("group,image1_area,image2_area"));
    let mut areas = Areas {
        group: vec![],
        image1_area: vec![],
        image2_area: vec![],
    };
    for line in lines {
        let fields: Vec<&str> = line.split(',').collect();
        assert_eq!(fields.len(), 3, "{case}: line {line:?}");
        areas.group.push(fields[0].to_string());
        areas.image1_area.push(fields[1].parse().unwrap());
        areas.image2_area.push(fields[2].parse().unwrap());
    }
    areas
}

fn assert_areas_equal(case: &str, data: &BlobDataset) {
    let want = read_areas(case);
    assert_eq!(data.len(), want.group.len(), "{case}: rows");
    assert_eq!(data.group, want.group, "{case}: groups");
    for (column, got, want) in [
        ("image1_area", &data.image1_area, &want.image1_area),
        ("image2_area", &data.image2_area, &want.image2_area),
    ] {
        for (row, (g, w)) in got.iter().zip(want).enumerate() {
            assert_eq!(
                g.to_bits(),
                w.to_bits(),
                "{case}: {column} row {row}: {g} vs {w}"
            );
        }
    }
}

/// Checks the first `stack.len_of(Axis(0))` images against the stack.
fn assert_images_close(case: &str, column: &str, got: &[ArrayD<f64>], stack: &ArrayD<f64>) {
    let rows = stack.len_of(Axis(0));
    assert!(
        rows > 0 && rows <= got.len(),
        "{case}: {column} has {rows} reference rows"
    );
    for (row, image) in got.iter().enumerate().take(rows) {
        let want = stack.index_axis(Axis(0), row);
        assert_eq!(
            image.shape(),
            want.shape(),
            "{case}: {column} row {row} shape"
        );
        let worst = image
            .iter()
            .zip(want.iter())
            .map(|(a, b)| (a - b).abs())
            .fold(0.0, f64::max);
        assert!(
            worst <= 1e-12,
            "{case}: {column} row {row} differs by {worst}"
        );
    }
}

fn check_case(case: &str, npz_name: &str, options: BlobOptions) {
    let data = make_blobs(&options).unwrap();
    assert_areas_equal(case, &data);
    let mut npz = NpzReader::new(File::open(reference(case).join(npz_name)).unwrap()).unwrap();
    for (column, images) in [("image1", &data.image1), ("image2", &data.image2)] {
        let stack: ArrayD<f64> = npz.by_name(&format!("{column}.npy")).unwrap();
        assert_images_close(case, column, images, &stack);
    }
}

#[test]
fn tutorial_dataset_matches_the_reference() {
    check_case("altair-200", "arrays-first4.npz", BlobOptions::default());
}

/// The other reference cases (each check names its case): an int seed, a
/// list seed, 3-D images, and the tutorial's seed with 30 rows.
#[test]
fn seed_size_and_dimension_cases_match() {
    let cases = [
        (
            "int7-rows12-w32",
            BlobOptions {
                seed: Seed::Int(7),
                rows: 12,
                width: 32,
                ..BlobOptions::default()
            },
        ),
        (
            "list-rows9-w40",
            BlobOptions {
                seed: Seed::List(vec![1, 2, 3, 4, 5]),
                rows: 9,
                width: 40,
                ..BlobOptions::default()
            },
        ),
        (
            "pixtip-rows6-w24-3d",
            BlobOptions {
                seed: Seed::text("pixtip"),
                rows: 6,
                width: 24,
                ndim: 3,
                ..BlobOptions::default()
            },
        ),
        (
            "altair-rows30-w96",
            BlobOptions {
                rows: 30,
                ..BlobOptions::default()
            },
        ),
    ];
    for (case, options) in cases {
        check_case(case, "arrays.npz", options);
    }
}

#[test]
fn cases_json_lists_the_cases_tested_here() {
    let text = std::fs::read_to_string(reference("cases.json")).unwrap();
    let cases: serde_json::Value = serde_json::from_str(&text).unwrap();
    let names: Vec<&str> = cases
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["name"].as_str().unwrap())
        .collect();
    assert_eq!(
        names,
        [
            "int7-rows12-w32",
            "list-rows9-w40",
            "pixtip-rows6-w24-3d",
            "altair-rows30-w96"
        ]
    );
}
