//! The atlas against numpy (fixtures/atlas, written by `cargo xtask fixtures
//! atlas`): cell assignment, members, mean images, the member nearest the
//! mean, the even samples, field means and the most common label; then the
//! pages it writes: every link of the overview resolves.

#![allow(clippy::unwrap_used)] // test code: a failed unwrap is a failed test

use ndarray::Array2;
use pixtip::atlas::{
    AtlasFields, AtlasOptions, AtlasOutput, Cells, cell_images, even_sample, field_mean,
    most_common, write_atlas,
};
use pixtip::table::TableColumn;
use pixtip::{ImageColumn, ImageTable, PictureOptions, no_progress};
use serde_json::Value;
use std::path::{Path, PathBuf};

const CASES: &[&str] = &["digits", "floats", "one", "same", "line"];

fn fixtures() -> PathBuf {
    pixtip_tests::workspace_root().join("fixtures/atlas")
}

fn load(case: &str) -> (ImageColumn, Vec<f64>, Vec<f64>, Value) {
    let dir = fixtures();
    let (_, images) = pixtip::load::read_images(dir.join(format!("{case}.npy")))
        .unwrap()
        .into_iter()
        .next()
        .unwrap();
    let xy: Array2<f64> = ndarray_npy::read_npy(dir.join(format!("{case}_xy.npy"))).unwrap();
    let expected: Value =
        serde_json::from_str(&std::fs::read_to_string(dir.join(format!("{case}.json"))).unwrap())
            .unwrap();
    (
        images,
        xy.column(0).to_vec(),
        xy.column(1).to_vec(),
        expected,
    )
}

fn rows(value: &Value) -> Vec<u32> {
    value
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_u64().unwrap() as u32)
        .collect()
}

#[test]
fn cells_means_and_representatives_equal_numpys() {
    for case in CASES {
        let (images, xs, ys, expected) = load(case);
        let n = expected["grid"].as_u64().unwrap() as usize;
        let k = expected["samples"].as_u64().unwrap() as usize;
        let cells = Cells::assign(&xs, &ys, n).unwrap();
        assert_eq!(
            cells.grid.x0,
            expected["x0"].as_f64().unwrap(),
            "{case}: x0"
        );
        assert_eq!(
            cells.grid.y0,
            expected["y0"].as_f64().unwrap(),
            "{case}: y0"
        );
        assert_eq!(
            cells.grid.side,
            expected["side"].as_f64().unwrap(),
            "{case}: side"
        );
        for (row, want) in expected["cells_of_rows"]
            .as_array()
            .unwrap()
            .iter()
            .enumerate()
        {
            let got = cells.grid.cell_of(xs[row], ys[row]);
            let want = want.as_array().map(|cr| {
                (
                    cr[0].as_u64().unwrap() as usize,
                    cr[1].as_u64().unwrap() as usize,
                )
            });
            assert_eq!(got, want, "{case}: the cell of row {row}");
        }
        let labels = TableColumn::Numbers((0..xs.len()).map(|i| (i * 7 % 5) as f64).collect());
        let want_cells = expected["cells"].as_array().unwrap();
        let occupied = cells.occupied();
        assert_eq!(occupied.len(), want_cells.len(), "{case}: occupied cells");
        for (&(col, row), want) in occupied.iter().zip(want_cells) {
            let at = format!("{case}: cell {col}-{row}");
            assert_eq!(
                (col as u64, row as u64),
                (want["col"].as_u64().unwrap(), want["row"].as_u64().unwrap()),
                "{at}"
            );
            let members = cells.members(col, row);
            assert_eq!(members, rows(&want["members"]).as_slice(), "{at}: members");
            let summary = cell_images(&images, case, members).unwrap();
            let mean: Vec<f64> = want["mean"]
                .as_array()
                .unwrap()
                .iter()
                .map(|v| v.as_f64().unwrap())
                .collect();
            let got: Vec<f64> = summary.mean.iter().copied().collect();
            assert_eq!(got, mean, "{at}: the mean image");
            assert_eq!(
                u64::from(summary.representative),
                want["representative"].as_u64().unwrap(),
                "{at}: the member nearest the mean"
            );
            assert_eq!(
                even_sample(members, k),
                rows(&want["sample"]),
                "{at}: sample"
            );
            let x_mean = field_mean(&xs, members).unwrap();
            let want_x = want["x_mean"].as_f64().unwrap();
            assert!(
                (x_mean - want_x).abs() <= 1e-12 * want_x.abs().max(1.0),
                "{at}: mean x {x_mean} against numpy's {want_x}"
            );
            assert_eq!(
                most_common(&labels, members),
                want["top_label"],
                "{at}: label"
            );
        }
        assert_eq!(
            cells.left_out,
            expected["cells_of_rows"]
                .as_array()
                .unwrap()
                .iter()
                .filter(|c| c.is_null())
                .count(),
            "{case}: rows left out"
        );
    }
}

/// The digits fixture as a table, and its atlas written into a temporary folder.
fn digits_atlas(
    options: &AtlasOptions,
    files: bool,
) -> (tempfile::TempDir, pixtip::atlas::AtlasSummary) {
    let (images, xs, ys, _) = load("digits");
    let mut table = ImageTable::new();
    table.add_images("digits", images).unwrap();
    table.add_numbers("x", xs.clone()).unwrap();
    table.add_numbers("y", ys).unwrap();
    table
        .add_text(
            "label",
            (0..xs.len())
                .map(|i| format!("l{}", i % 3))
                .collect::<Vec<_>>(),
        )
        .unwrap();
    let fields = AtlasFields {
        x: "x".into(),
        y: "y".into(),
        images: "digits".into(),
        color: Some("label".into()),
        tooltip: vec!["label".into()],
        title: Some("digits".into()),
    };
    let dir = tempfile::tempdir().unwrap();
    let output = AtlasOutput {
        picture_files: files,
        ..Default::default()
    };
    let summary = write_atlas(
        &table,
        &fields,
        options,
        &PictureOptions::default(),
        &output,
        dir.path(),
        &mut no_progress,
    )
    .unwrap();
    (dir, summary)
}

fn overview_rows(dir: &Path) -> Vec<Value> {
    let spec: Value =
        serde_json::from_str(&std::fs::read_to_string(dir.join("atlas.vl.json")).unwrap()).unwrap();
    spec["datasets"]
        .as_object()
        .unwrap()
        .values()
        .flat_map(|rows| rows.as_array().unwrap().clone())
        .collect()
}

#[test]
fn every_link_of_the_overview_resolves_and_every_page_links_back() {
    let options = AtlasOptions {
        grid: 5,
        detail_max: 10,
        ..Default::default()
    };
    let (dir, summary) = digits_atlas(&options, false);
    let dir = dir.path();
    assert_eq!((summary.placed, summary.left_out), (298, 2));
    let rows = overview_rows(dir);
    assert_eq!(rows.len(), summary.cells);
    let mut counted = 0;
    for row in &rows {
        for key in ["page", "montage"] {
            let link = row[key].as_str().unwrap();
            assert!(dir.join(link).is_file(), "{key} {link} is not a file");
        }
        assert!(
            row["picture"]
                .as_str()
                .unwrap()
                .starts_with("data:image/png;base64,")
        );
        let count = row["count"].as_f64().unwrap() as usize;
        counted += count;
        let page = std::fs::read_to_string(dir.join(row["page"].as_str().unwrap())).unwrap();
        assert!(page.contains("<a href=\"../index.html\">"), "no link back");
        assert!(dir.join("cells/../index.html").is_file());
        let shown = page.matches("data:image/png;base64,").count();
        assert_eq!(
            shown,
            count.min(10),
            "{}: pictures on the page",
            row["cell"]
        );
        assert_eq!(page.contains("this page shows 10 of them"), count > 10);
        assert!(
            page.contains("\"renderer\":\"canvas\""),
            "region pages draw on a canvas"
        );
    }
    assert_eq!(counted, 298);
    let index = std::fs::read_to_string(dir.join("index.html")).unwrap();
    assert!(index.contains("\"renderer\":\"canvas\""));
    let pages = pixtip_tests::entry_names(&dir.join("cells"))
        .iter()
        .filter(|name| name.ends_with(".html"))
        .count();
    assert_eq!(pages, rows.len(), "a page per occupied cell, no more");
}

#[test]
fn picture_files_go_in_bounded_sub_folders() {
    let options = AtlasOptions {
        grid: 3,
        ..Default::default()
    };
    let (dir, _) = digits_atlas(&options, true);
    let dir = dir.path();
    let folder = dir.join("cells/pictures/0");
    let files = std::fs::read_dir(&folder).unwrap().count();
    assert_eq!(files, 298, "one file per placed image");
    let page = std::fs::read_to_string(dir.join("cells/0-0.html")).unwrap();
    assert!(
        page.contains("\"pictures/0/"),
        "pages refer to their pictures"
    );
    assert!(!page.contains("data:image/png;base64,"));
}

#[test]
fn mean_summary_and_the_overview_tooltip() {
    let options = AtlasOptions {
        grid: 2,
        summary: pixtip::atlas::Summary::Mean,
        ..Default::default()
    };
    let (dir, summary) = digits_atlas(&options, false);
    let rows = overview_rows(dir.path());
    assert_eq!(rows.len(), summary.cells);
    for row in rows {
        assert!(row["mean_0"].is_number(), "the mean of x: {row}");
        assert!(row["top_color"].as_str().unwrap().starts_with('l'));
    }
}
