//! The demo's pages in a real browser: Debian's headless Chromium, driven by
//! playwright-core (`tests/browser/pages.test.mjs`, run with `node --test`).
//!
//! Needs `npm ci` (playwright-core and the vega scripts in node_modules) and
//! Debian's `chromium`; `.ci/run` installs both. Without them this test fails
//! and says what to install: a browser test that quietly skips proves nothing.

#![allow(clippy::unwrap_used)] // test helpers: a failed unwrap is a failed test

use pixtip::charts::{self, ChartOptions, PictureLookup};
use pixtip::job::{ChartRequest, MetricSpec, PictureMode, run_chart_job};
use pixtip::spec::{HtmlOptions, TopLevel};
use pixtip::{ImageTable, Metric, PictureOptions, PictureStorage, no_progress};
use pixtip_tests::browser::{check_prerequisites, run_node_checks};
use pixtip_tests::workspace_root;
use pixtip_tutorial::blobs::{BlobDataset, BlobOptions};
use pixtip_tutorial::demo::{DemoOptions, run_demo};
use std::path::Path;

/// Writes the demo with offline scripts into a fresh folder and runs the page
/// checks on it.
fn check_demo_pages(label: &str, options: DemoOptions) {
    check_prerequisites();
    let out = tempfile::tempdir().unwrap();
    let options = DemoOptions {
        offline_js: Some(workspace_root().join("node_modules")),
        ..options
    };
    run_demo(out.path(), &options, &mut |_| {}).expect("the demo runs");
    check_pages(label, out.path());
}

/// Runs the page checks on `comparison.html` and `metric-switch.html` in
/// `pages`; screenshots go to target/browser-shots/<label>.
fn check_pages(label: &str, pages: &Path) {
    check_pages_with(label, pages, &[]);
}

/// [`check_pages`] with extra settings for the page checks (see pages.test.mjs).
fn check_pages_with(label: &str, pages: &Path, settings: &[(&str, &str)]) {
    run_node_checks("pages.test.mjs", label, pages, settings, 2);
}

#[test]
fn tutorial_pages_show_picture_tooltips_in_chromium() {
    check_demo_pages("tutorial", DemoOptions::default());
}

#[test]
fn pages_with_picture_files_show_them_in_chromium() {
    check_demo_pages(
        "picture-files",
        DemoOptions {
            rows: 60,
            picture_files: true,
            ..DemoOptions::default()
        },
    );
}

/// The facade's general switch: each metric names its picture column (no
/// string `replace`), the columns have names of the user's choosing, and the
/// pictures use a colormap.
#[test]
fn explicit_metric_switch_with_any_column_names_works_in_chromium() {
    check_prerequisites();
    let blobs = BlobDataset::generate(&BlobOptions {
        rows: 40,
        ..BlobOptions::default()
    })
    .unwrap();
    let mut table = ImageTable::new();
    table.add_images("round blob", blobs.image1).unwrap();
    table.add_images("square blob", blobs.image2).unwrap();
    table.add_text("group", blobs.group).unwrap();
    table
        .add_metric("round area", "round blob", Metric::FractionAbove(0.4))
        .unwrap();
    table
        .add_metric("square area", "square blob", Metric::FractionAbove(0.4))
        .unwrap();
    let mut pictures = PictureOptions::default();
    pictures.look.colormap = pixtip::compose::Colormap::Viridis;
    let storage = PictureStorage::DataUri;
    // The page checks look up each row's single pictures under the names
    // `image1_base64` and `image2_base64`.
    let pictured: [(&str, &[&str]); 3] = [
        ("pair", &["round blob", "square blob"]),
        ("image1_base64", &["round blob"]),
        ("image2_base64", &["square blob"]),
    ];
    for (name, sources) in pictured {
        let made = table.add_pictures(name, sources, &pictures, &storage, &mut no_progress);
        made.unwrap();
    }

    let comparison = charts::strip_plots(
        &table,
        &["round area", "square area"],
        "group",
        "pair",
        &ChartOptions::titled("Comparison of blob areas"),
    )
    .unwrap();
    let switch = charts::metric_switch(
        &table,
        &[
            ("round area", "image1_base64"),
            ("square area", "image2_base64"),
        ],
        "group",
        &PictureLookup::Paired,
        &ChartOptions::titled("Area of blobs"),
    )
    .unwrap();
    let html = HtmlOptions::offline(workspace_root().join("node_modules"));
    let out = tempfile::tempdir().unwrap();
    std::fs::write(
        out.path().join("comparison.html"),
        comparison.to_html(&html).unwrap(),
    )
    .unwrap();
    std::fs::write(
        out.path().join("metric-switch.html"),
        switch.to_html(&html).unwrap(),
    )
    .unwrap();
    check_pages_with(
        "explicit-switch",
        out.path(),
        &[
            ("PIXTIP_SWITCH_TO", "square area"),
            ("PIXTIP_PAIR_FIELD", "pair"),
        ],
    );
}

/// A `pixtip chart` scatter of 8×8 uint8 images from a `.npy` with a CSV:
/// the pictures are enlarged 8x to 64×64, listed above the tooltip fields.
fn check_chart_page(label: &str, mode: PictureMode) {
    check_prerequisites();
    let dir = tempfile::tempdir().unwrap();
    let rows = 80;
    let digits = ndarray::Array3::<u8>::from_shape_fn((rows, 8, 8), |(n, y, x)| {
        if (x + y + n) % 3 == 0 {
            255
        } else {
            (n * 3) as u8
        }
    });
    let npy = dir.path().join("digits.npy");
    ndarray_npy::write_npy(&npy, &digits).unwrap();
    let mut csv = String::from("umap_x,umap_y,label\n");
    for n in 0..rows {
        let angle = n as f64 * 0.7;
        csv.push_str(&format!(
            "{},{},{}\n",
            angle.cos() * n as f64,
            angle.sin() * n as f64,
            n % 10
        ));
    }
    std::fs::write(dir.path().join("table.csv"), csv).unwrap();
    let request = ChartRequest {
        inputs: vec![npy],
        table: Some(dir.path().join("table.csv")),
        x: Some("umap_x".into()),
        y: Some("umap_y".into()),
        color: Some("label:N".into()),
        tooltip: vec!["index".into(), "label".into(), "brightness".into()],
        metrics: vec![MetricSpec::parse("brightness=digits:mean").unwrap()],
        picture_mode: mode,
        offline_scripts: Some(workspace_root().join("node_modules")),
        ..ChartRequest::default()
    };
    let out = dir.path().join("out");
    run_chart_job(&request, &out, &mut |_| {}).expect("the chart job runs");
    run_node_checks(
        "chart.test.mjs",
        label,
        &out,
        &[
            ("PIXTIP_PICTURE_SIZE", "64x64"),
            ("PIXTIP_TOOLTIP_FIELD", "brightness"),
        ],
        1,
    );
}

#[test]
fn chart_scatter_with_embedded_pictures_works_in_chromium() {
    check_chart_page("chart-embed", PictureMode::Embed);
}

#[test]
fn chart_scatter_with_picture_files_works_in_chromium() {
    check_chart_page("chart-files", PictureMode::Files);
}

/// The offline page's scripts travel as base64 `data:` URLs: scripts holding
/// `</script>`, `<!--` and `<script` in strings, regular expressions and
/// code run unchanged, and a title holding markup stays text.
#[test]
fn inlined_scripts_keep_their_meaning_in_chromium() {
    check_prerequisites();
    let dir = tempfile::tempdir().unwrap();
    let libraries = dir.path().join("node_modules");
    let tricky = r#"window.__checks = [];
var s = "</script><!--<script>";
window.__checks.push(s.length === 21);
var re = /<\/script>|<!--|<script/;
window.__checks.push(re.test("<script") && re.test("</script>"));
var script = 2, a = 1;
window.__checks.push((a <script) === true);
<!-- an HTML-like comment, which classic scripts allow at the start of a line
window.__checks.push(true);
"#;
    for (package, text) in [
        ("vega", tricky),
        ("vega-lite", "window.__checks.push('vega-lite');"),
        (
            "vega-embed",
            "window.__checks.push('vega-embed'); window.vegaEmbed = function (el, spec) { window.__embedded = spec; return Promise.resolve({}); };",
        ),
    ] {
        let build = libraries.join(package).join("build");
        std::fs::create_dir_all(&build).unwrap();
        std::fs::write(build.join(format!("{package}.min.js")), text).unwrap();
    }
    let chart = pixtip::spec::Chart::new(
        pixtip::spec::Data::from_table(pixtip::spec::Table::new().column("x", vec![1.0])).unwrap(),
    )
    .mark_point(Default::default())
    .encode([pixtip::spec::X::new("x:Q")])
    .title("</script><script>window.__injected = 1</script>");
    let page = chart.to_html(&HtmlOptions::offline(&libraries)).unwrap();
    let pages = dir.path().join("pages");
    std::fs::create_dir_all(&pages).unwrap();
    std::fs::write(pages.join("page.html"), page).unwrap();
    run_node_checks("inline.test.mjs", "inline-scripts", &pages, &[], 1);
}
