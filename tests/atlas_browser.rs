//! The atlas in a real browser: Debian's headless Chromium, driven by
//! playwright-core (`tests/browser/atlas.test.mjs`, run with `node --test`):
//! hovering a cell of the overview shows its montage, a click opens the
//! cell's page, and hovering a point there shows its image.
//!
//! Needs `npm ci` and Debian's `chromium`, as `tests/browser.rs` does.

#![allow(clippy::unwrap_used)] // test helpers: a failed unwrap is a failed test

use pixtip::atlas::run_atlas_job;
use pixtip::job::ChartRequest;
use pixtip_tests::browser::{check_prerequisites, run_node_checks};
use pixtip_tests::workspace_root;

#[test]
fn atlas_cells_open_their_pages_in_chromium() {
    let root = workspace_root();
    check_prerequisites();
    let dir = tempfile::tempdir().unwrap();
    let xy: ndarray::Array2<f64> =
        ndarray_npy::read_npy(root.join("fixtures/atlas/digits_xy.npy")).unwrap();
    let mut csv = String::from("x,y,label\n");
    for (i, row) in xy.rows().into_iter().enumerate() {
        let field = |v: f64| {
            if v.is_finite() {
                v.to_string()
            } else {
                String::new()
            }
        };
        csv.push_str(&format!("{},{},{}\n", field(row[0]), field(row[1]), i % 3));
    }
    let table = dir.path().join("digits.csv");
    std::fs::write(&table, csv).unwrap();
    let request = ChartRequest {
        inputs: vec![root.join("fixtures/atlas/digits.npy")],
        table: Some(table),
        x: Some("x".into()),
        y: Some("y".into()),
        color: Some("label:N".into()),
        offline_scripts: Some(root.join("node_modules")),
        ..ChartRequest::default()
    };
    let out = dir.path().join("atlas");
    let options = pixtip::atlas::AtlasOptions {
        grid: 6,
        ..Default::default()
    };
    run_atlas_job(&request, &options, &out, &mut |_| {}).unwrap();
    run_node_checks("atlas.test.mjs", "atlas", &out, &[], 1);
}
