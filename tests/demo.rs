//! `pixtip demo` end to end through the facade: the tutorial's numbers equal
//! the Python reference's, the charts equal Altair's, and the variants (3-D,
//! picture files, saved arrays, bad input) do what they promise.

#![allow(clippy::unwrap_used)] // test helpers: a failed unwrap is a failed test

use ndarray::{ArrayD, Axis};
use ndarray_npy::NpzReader;
use pixtip::encode::decode_data_uri;
use pixtip_random::Seed;
use pixtip_tests::fixture_path;
use pixtip_tutorial::demo::{DemoOptions, DemoSummary, run_demo};
use serde_json::Value;
use std::path::Path;

fn run(out: &Path, options: &DemoOptions) -> DemoSummary {
    run_demo(out, options, &mut |_| {}).expect("the demo runs")
}

/// (group, image1_area, image2_area) rows of an areas.csv.
fn read_areas(path: &Path) -> Vec<(String, f64, f64)> {
    let text = std::fs::read_to_string(path).unwrap();
    let mut lines = text.lines();
    assert_eq!(lines.next(), Some("group,image1_area,image2_area"));
    lines
        .map(|line| {
            let fields: Vec<&str> = line.split(',').collect();
            (
                fields[0].to_string(),
                fields[1].parse().unwrap(),
                fields[2].parse().unwrap(),
            )
        })
        .collect()
}

fn assert_same_areas(ours: &Path, reference: &Path) {
    let ours = read_areas(ours);
    let reference = read_areas(reference);
    assert_eq!(ours.len(), reference.len(), "row count");
    for (row, (a, b)) in ours.iter().zip(&reference).enumerate() {
        assert_eq!(a.0, b.0, "row {row}: group");
        assert_eq!(
            a.1.to_bits(),
            b.1.to_bits(),
            "row {row}: image1_area {} vs {}",
            a.1,
            b.1
        );
        assert_eq!(
            a.2.to_bits(),
            b.2.to_bits(),
            "row {row}: image2_area {} vs {}",
            a.2,
            b.2
        );
    }
}

/// Replaces what legitimately differs between two producers of the same chart:
/// dataset names (they hash the pictures' bytes), param names (Altair's are
/// random) and the picture strings (PNG encoders differ; the pixels are
/// compared elsewhere). Everything else must be equal.
fn normalise(value: &Value) -> Value {
    let text = serde_json::to_string(value).unwrap();
    let mut out = String::with_capacity(text.len());
    let mut rest = text.as_str();
    // Rewrite "data-<hex>", "param_<id>" and data URIs token by token.
    while let Some(start) = ["\"data-", "param_", "\"data:image/png;base64,"]
        .iter()
        .filter_map(|p| rest.find(p).map(|i| (i, *p)))
        .min_by_key(|(i, _)| *i)
    {
        let (index, prefix) = start;
        out.push_str(&rest[..index]);
        let after = &rest[index + prefix.len()..];
        let end = after
            .find(|c: char| !(c.is_ascii_alphanumeric() || c == '+' || c == '/' || c == '='))
            .unwrap_or(after.len());
        out.push_str(match prefix {
            "\"data-" => "\"DATASET",
            "param_" => "PARAM",
            _ => "\"PICTURE",
        });
        rest = &after[end..];
    }
    out.push_str(rest);
    serde_json::from_str(&out).unwrap()
}

fn read_json(path: &Path) -> Value {
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

/// Every picture string in a chart's datasets, by field.
fn pictures(spec: &Value, field: &str) -> Vec<String> {
    spec["datasets"]
        .as_object()
        .unwrap()
        .values()
        .flat_map(|rows| rows.as_array().unwrap())
        .filter_map(|row| row[field].as_str().map(str::to_string))
        .collect()
}

#[test]
fn the_tutorial_demo_matches_the_python_reference() {
    let out = tempfile::tempdir().unwrap();
    let summary = run(
        out.path(),
        &DemoOptions {
            save_arrays: true,
            ..DemoOptions::default()
        },
    );
    let reference = fixture_path("reference/altair-200");

    // The numbers: areas.csv equal to pandas' output, bit for bit.
    assert_same_areas(&out.path().join("areas.csv"), &reference.join("areas.csv"));

    // The charts: Altair's JSON, up to names and picture bytes.
    for name in ["comparison.vl.json", "metric-switch.vl.json"] {
        let ours = read_json(&out.path().join(name));
        let altair = read_json(&reference.join(name));
        assert_eq!(
            normalise(&ours),
            normalise(&altair),
            "{name} differs from Altair's"
        );
    }

    // The pictures: 200 labelled pairs of 202x96, 400 singles of 96x96.
    let comparison = read_json(&out.path().join("comparison.vl.json"));
    let pairs = pictures(&comparison, "image");
    assert_eq!(pairs.len(), 200);
    for uri in &pairs {
        let picture = decode_data_uri(uri).unwrap();
        assert_eq!((picture.width(), picture.height()), (202, 96));
    }
    let switch = read_json(&out.path().join("metric-switch.vl.json"));
    for field in ["image1_base64", "image2_base64"] {
        let singles = pictures(&switch, field);
        assert_eq!(singles.len(), 200, "{field}");
        let picture = decode_data_uri(&singles[7]).unwrap();
        assert_eq!((picture.width(), picture.height()), (96, 96));
    }

    // The arrays: the first rows equal numpy's within 1e-12.
    let mut ours =
        NpzReader::new(std::fs::File::open(out.path().join("arrays.npz")).unwrap()).unwrap();
    let mut theirs =
        NpzReader::new(std::fs::File::open(reference.join("arrays-first4.npz")).unwrap()).unwrap();
    for key in ["image1", "image2"] {
        let a: ArrayD<f64> = ours.by_name(key).unwrap();
        let b: ArrayD<f64> = theirs.by_name(key).unwrap();
        assert_eq!(a.shape(), &[200, 96, 96]);
        let first = a.slice_axis(Axis(0), (0..b.shape()[0]).into());
        let worst = first
            .iter()
            .zip(&b)
            .map(|(x, y)| (x - y).abs())
            .fold(0.0, f64::max);
        assert!(worst <= 1e-12, "{key}: largest difference {worst:e}");
    }

    // The pages embed the charts; the report counts the pictures.
    for page in ["comparison.html", "metric-switch.html"] {
        let html = std::fs::read_to_string(out.path().join(page)).unwrap();
        assert!(
            html.contains("vegaEmbed")
                && html.contains("Comparison of blob areas") == (page == "comparison.html")
        );
    }
    let report = &summary.size_report;
    assert_eq!(report.charts.len(), 2);
    assert_eq!(report.charts[0].pictures, 200);
    assert_eq!(report.charts[1].pictures, 400);
    assert!(report.charts[0].without_pictures * 10 < report.charts[0].with_pictures);
    assert_eq!(report.raw_array_bytes, 2 * 200 * 96 * 96 * 8);
    let written: Vec<String> = summary
        .files
        .iter()
        .map(|f| f.path.file_name().unwrap().to_string_lossy().into_owned())
        .collect();
    assert_eq!(
        written,
        [
            "comparison.vl.json",
            "comparison.html",
            "metric-switch.vl.json",
            "metric-switch.html",
            "areas.csv",
            "arrays.npz"
        ]
    );
    // Atomic writes leave no temporary files behind.
    let leftovers = std::fs::read_dir(out.path())
        .unwrap()
        .filter(|e| {
            e.as_ref()
                .unwrap()
                .file_name()
                .to_string_lossy()
                .starts_with(".pixtip-")
        })
        .count();
    assert_eq!(leftovers, 0);
}

#[test]
fn volumes_match_the_reference_and_show_max_projections() {
    let out = tempfile::tempdir().unwrap();
    run(
        out.path(),
        &DemoOptions {
            rows: 6,
            width: 24,
            ndim: 3,
            seed: Seed::text("pixtip"),
            ..DemoOptions::default()
        },
    );
    assert_same_areas(
        &out.path().join("areas.csv"),
        &fixture_path("reference/pixtip-rows6-w24-3d/areas.csv"),
    );
    let comparison = read_json(&out.path().join("comparison.vl.json"));
    for uri in pictures(&comparison, "image") {
        let picture = decode_data_uri(&uri).unwrap();
        assert_eq!((picture.width(), picture.height()), (24 + 10 + 24, 24));
    }
}

#[test]
fn other_seeds_match_their_references() {
    for (case, seed) in [
        ("int7-rows12-w32", Seed::Int(7)),
        ("list-rows9-w40", Seed::List(vec![1, 2, 3, 4, 5])),
    ] {
        let reference = fixture_path(&format!("reference/{case}"));
        let cases: Value = read_json(&fixture_path("reference/cases.json"));
        let spec = cases
            .as_array()
            .unwrap()
            .iter()
            .find(|c| c["name"] == case)
            .unwrap();
        let out = tempfile::tempdir().unwrap();
        run(
            out.path(),
            &DemoOptions {
                rows: spec["rows"].as_u64().unwrap() as usize,
                width: spec["width"].as_u64().unwrap() as usize,
                seed,
                ..DemoOptions::default()
            },
        );
        assert_same_areas(&out.path().join("areas.csv"), &reference.join("areas.csv"));
        for name in ["comparison.vl.json", "metric-switch.vl.json"] {
            let ours = read_json(&out.path().join(name));
            let altair = read_json(&reference.join(name));
            assert_eq!(
                normalise(&ours),
                normalise(&altair),
                "{case}: {name} differs from Altair's"
            );
        }
    }
}

#[test]
fn picture_files_keep_the_chart_small() {
    let out = tempfile::tempdir().unwrap();
    let summary = run(
        out.path(),
        &DemoOptions {
            rows: 5,
            picture_files: true,
            ..DemoOptions::default()
        },
    );
    let comparison = read_json(&out.path().join("comparison.vl.json"));
    let pairs = pictures(&comparison, "image");
    assert_eq!(pairs[0], "pictures/0-000000.png");
    for url in &pairs {
        let png = std::fs::read(out.path().join(url)).unwrap();
        assert_eq!(&png[1..4], b"PNG", "{url}");
    }
    assert_eq!(
        std::fs::read_dir(out.path().join("pictures"))
            .unwrap()
            .count(),
        15
    );
    assert!(summary.size_report.picture_file_bytes > 0);
    let bytes = std::fs::metadata(out.path().join("comparison.vl.json"))
        .unwrap()
        .len();
    assert!(bytes < 4000, "comparison.vl.json is {bytes} bytes");
}

#[test]
fn bad_options_are_errors_and_write_no_chart() {
    for options in [
        DemoOptions {
            width: 0,
            ..DemoOptions::default()
        },
        DemoOptions {
            ndim: 0,
            ..DemoOptions::default()
        },
    ] {
        let out = tempfile::tempdir().unwrap();
        let error = run_demo(out.path(), &options, &mut |_| {}).unwrap_err();
        assert!(!error.to_string().is_empty());
        assert_eq!(std::fs::read_dir(out.path()).unwrap().count(), 0, "{error}");
    }
    // An output path that is a file: a clear error naming it.
    let file = tempfile::NamedTempFile::new().unwrap();
    let error = run_demo(
        file.path(),
        &DemoOptions {
            rows: 2,
            ..DemoOptions::default()
        },
        &mut |_| {},
    )
    .unwrap_err();
    assert!(
        error
            .to_string()
            .contains(&file.path().display().to_string()),
        "{error}"
    );
}
