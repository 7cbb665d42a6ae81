//! Strings a user wrote stay data in Chromium: hostile column names and
//! values, and names that are JavaScript's own (`tests/browser/hostile.test.mjs`,
//! `javascript_names.test.mjs`). Needs `npm ci` and Chromium, as
//! `tests/browser.rs` does.

#![allow(clippy::unwrap_used)] // test helpers: a failed unwrap is a failed test

use pixtip::job::{ChartRequest, run_chart_job};
use pixtip_tests::browser::{check_prerequisites, run_node_checks};
use pixtip_tests::workspace_root;

/// Quotes a CSV field.
fn csv_field(text: &str) -> String {
    format!("\"{}\"", text.replace('"', "\"\""))
}

/// Column names, values, a title and a file name carrying quotes, markup,
/// `</script>`, backslashes, dots, brackets, U+2028 and `javascript:` reach
/// the page as text: nothing injected runs, the tooltip shows them as they
/// are, and the field named with dots and brackets plots its own column.
#[test]
fn hostile_strings_stay_data_in_chromium() {
    check_prerequisites();
    let dir = tempfile::tempdir().unwrap();
    let x = "a.b[0]";
    let y = "it's \"y\" \\ <b>";
    let color = "</script><script>window.__pwned=1</script>";
    let values = [
        "<img src=x onerror=\"window.__pwned=1\">",
        "javascript:window.__pwned=1",
        "line\u{2028}break",
        "back\\slash '\"",
    ];
    let xs = [3.0, 1.0, 4.0, 2.0];
    let mut csv = [x, y, color].map(csv_field).join(",");
    csv.push('\n');
    for (i, value) in values.iter().enumerate() {
        csv.push_str(&format!("{},{},{}\n", xs[i], i * 10, csv_field(value)));
    }
    std::fs::write(dir.path().join("table.csv"), csv).unwrap();
    let npy = dir.path().join("cells\"<i>.npy");
    ndarray_npy::write_npy(&npy, &ndarray::Array3::<u8>::from_elem((4, 8, 8), 200)).unwrap();
    let request = ChartRequest {
        inputs: vec![npy],
        table: Some(dir.path().join("table.csv")),
        x: Some(x.into()),
        y: Some(y.into()),
        color: Some(color.into()),
        tooltip: vec![y.into(), color.into()],
        title: Some("\"</script><script>window.__pwned=1</script>".into()),
        offline_scripts: Some(workspace_root().join("node_modules")),
        ..ChartRequest::default()
    };
    let out = dir.path().join("out");
    run_chart_job(&request, &out, &mut |_| {}).expect("the chart job runs");
    let hostile = serde_json::json!({"x": x, "y": y, "color": color, "values": values, "xs": xs});
    run_node_checks(
        "hostile.test.mjs",
        "hostile",
        &out,
        &[("PIXTIP_HOSTILE", &hostile.to_string())],
        1,
    );
}

/// Every property of `Object.prototype`, plus `__proto__` and `prototype`.
const JAVASCRIPT_NAMES: [&str; 13] = [
    "constructor",
    "__defineGetter__",
    "__defineSetter__",
    "hasOwnProperty",
    "__lookupGetter__",
    "__lookupSetter__",
    "isPrototypeOf",
    "propertyIsEnumerable",
    "toString",
    "valueOf",
    "__proto__",
    "toLocaleString",
    "prototype",
];

/// Columns named after JavaScript's own properties (a Formula 1 table has a
/// `constructor` column) chart like any other: each name serves as x, y,
/// colour and tooltip field on some page, and every page plots its points
/// where their values say, shows the names as text and logs no error.
#[test]
fn javascript_property_names_stay_data_in_chromium() {
    check_prerequisites();
    let dir = tempfile::tempdir().unwrap();
    let rows = 6;
    let mut csv = JAVASCRIPT_NAMES.join(",");
    csv.push('\n');
    for r in 0..rows {
        let cells: Vec<String> = (0..JAVASCRIPT_NAMES.len())
            .map(|j| (10 * (j + 1) * (r + 1) + r).to_string())
            .collect();
        csv.push_str(&cells.join(","));
        csv.push('\n');
    }
    std::fs::write(dir.path().join("table.csv"), csv).unwrap();
    let npy = dir.path().join("cells.npy");
    ndarray_npy::write_npy(&npy, &ndarray::Array3::<u8>::from_elem((rows, 8, 8), 200)).unwrap();
    let pages = dir.path().join("pages");
    std::fs::create_dir(&pages).unwrap();
    let n = JAVASCRIPT_NAMES.len();
    for i in 0..n {
        let request = ChartRequest {
            inputs: vec![npy.clone()],
            table: Some(dir.path().join("table.csv")),
            x: Some(JAVASCRIPT_NAMES[i].into()),
            y: Some(JAVASCRIPT_NAMES[(i + 1) % n].into()),
            color: Some(format!("{}:N", JAVASCRIPT_NAMES[(i + 2) % n])),
            tooltip: JAVASCRIPT_NAMES.iter().map(|s| s.to_string()).collect(),
            offline_scripts: Some(workspace_root().join("node_modules")),
            ..ChartRequest::default()
        };
        run_chart_job(&request, &pages.join(i.to_string()), &mut |_| {})
            .expect("the chart job runs");
    }
    let names = serde_json::json!({"names": JAVASCRIPT_NAMES, "rows": rows});
    run_node_checks(
        "javascript_names.test.mjs",
        "javascript-names",
        &pages,
        &[("PIXTIP_JS_NAMES", &names.to_string())],
        1,
    );
}
