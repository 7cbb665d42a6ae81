//! The atlas in a real browser: Debian's headless Chromium, driven by
//! playwright-core (`tests/browser/atlas.test.mjs`, run with `node --test`):
//! hovering a cell of the overview shows its montage, a click opens the
//! cell's page, and hovering a point there shows its image.
//!
//! Needs `npm ci` and Debian's `chromium`, as `tests/browser.rs` does.

#![allow(clippy::unwrap_used)] // test helpers: a failed unwrap is a failed test

use pixtip::atlas::run_atlas_job;
use pixtip::job::ChartRequest;
use pixtip_tests::workspace_root;
use std::process::Command;

#[test]
fn atlas_cells_open_their_pages_in_chromium() {
    let root = workspace_root();
    let chromium = std::env::var("CHROMIUM").unwrap_or_else(|_| "/usr/bin/chromium".into());
    assert!(
        root.join("node_modules/playwright-core").exists(),
        "node_modules/playwright-core is missing: run `npm ci` in {}",
        root.display()
    );
    assert!(
        std::path::Path::new(&chromium).exists(),
        "{chromium} is missing: install Debian's chromium or set CHROMIUM"
    );
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
    let shots = root.join("target/browser-shots/atlas");
    std::fs::create_dir_all(&shots).unwrap();
    let output = Command::new("node")
        .arg("--test")
        .arg(root.join("tests/browser/atlas.test.mjs"))
        .env("PIXTIP_PAGES_DIR", &out)
        .env("PIXTIP_SHOTS_DIR", &shots)
        .env("CHROMIUM", chromium)
        .current_dir(&root)
        .output()
        .expect("node runs");
    let stdout = String::from_utf8_lossy(&output.stdout);
    println!("{stdout}{}", String::from_utf8_lossy(&output.stderr));
    assert!(
        output.status.success(),
        "the atlas browser check failed; see above"
    );
    assert!(stdout.contains("# pass 1\n"), "the atlas check ran");
}
