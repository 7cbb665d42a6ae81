//! Charts from Altair's example gallery (xtask/python/gallery_*.py) built with
//! pixtip-spec write the bytes Altair 6 writes (view names normalised, as the
//! crate doc lists), and validate against the Vega-Lite schema.

// Formatted by the workspace's settings, as the other tests that share it.
#[rustfmt::skip]
#[path = "../common/mod.rs"]
mod common;

mod charts;

use pixtip_spec::TopLevel;

/// Gallery charts whose JSON differs from Altair's, and why. The test checks
/// that each still differs, so a fix shows up as a failure to update this list.
const NOT_MATCHED: &[(&str, &str)] = &[];

/// Altair's JSON for a gallery chart, as written.
fn altair(name: &str) -> String {
    let path = common::fixture(&format!("gallery/{name}.vl.json"));
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// Altair's JSON with view names normalised (the crate doc lists why).
fn golden(name: &str) -> String {
    common::normalise_view_names(&altair(name))
}

#[test]
fn gallery_charts_equal_altair() {
    let cases = charts::gallery();
    let mut failures = Vec::new();
    let mut matched = 0;
    let mut byte_equal = 0;
    for (name, chart) in &cases {
        let ours = chart.to_json_pretty().unwrap_or_else(|e| panic!("{name}: {e}"));
        let same = ours == golden(name);
        let expected_to_differ = NOT_MATCHED.iter().any(|(n, _)| n == name);
        match (same, expected_to_differ) {
            (true, false) => {
                matched += 1;
                if ours == altair(name) {
                    byte_equal += 1;
                }
            }
            (false, true) => {}
            (true, true) => {
                failures.push(format!("--- {name} now matches: take it off NOT_MATCHED"))
            }
            (false, false) => failures
                .push(format!("--- {name}\n{}", common::first_difference(&ours, &golden(name)))),
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} gallery charts differ:\n{}",
        failures.len(),
        cases.len(),
        failures.join("\n")
    );
    eprintln!(
        "{matched} of {} gallery charts equal Altair's JSON: {byte_equal} byte for byte, {} after \
         naming views view_<index>",
        cases.len(),
        matched - byte_equal
    );
    assert!(matched >= 30, "only {matched} gallery charts match Altair");
}

#[test]
fn every_gallery_fixture_has_a_port() {
    let mut names: Vec<&str> = charts::gallery().iter().map(|(n, _)| *n).collect();
    let mut fixtures = common::fixture_names("gallery");
    names.sort_unstable();
    fixtures.sort_unstable();
    assert_eq!(fixtures, names, "gallery fixtures and Rust ports differ");
}

#[test]
fn gallery_charts_are_valid_vega_lite() {
    let validator = common::validator();
    let mut failures = Vec::new();
    for (name, chart) in charts::gallery() {
        let value = chart.to_value().unwrap_or_else(|e| panic!("{name}: {e}"));
        let errors: Vec<String> = validator
            .iter_errors(&value)
            .map(|e| format!("{e} at {}", e.instance_path()))
            .collect();
        if !errors.is_empty() {
            failures.push(format!("{name}: {}", errors.join("; ")));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// Non-blank lines and characters (white space left out) between the
/// `-- <name>` markers of a source file, summed over the gallery.
fn measure(text: &str, marker: &str) -> (usize, usize, usize) {
    let (mut charts, mut lines, mut chars) = (0, 0, 0);
    let mut inside = false;
    for line in text.lines() {
        if let Some(name) = line.strip_prefix(marker) {
            inside = name != "gallery_end";
            charts += usize::from(inside);
            continue;
        }
        if inside && !line.trim().is_empty() {
            lines += 1;
            chars += line.chars().filter(|c| !c.is_whitespace()).count();
        }
    }
    (charts, lines, chars)
}

#[test]
fn line_counts_of_the_ports() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let read = |p: &str| std::fs::read_to_string(root.join(p)).expect("source");
    let python = ["basic", "advanced"]
        .map(|part| measure(&read(&format!("../../xtask/python/gallery_{part}.py")), "# -- "))
        .into_iter()
        .fold((0, 0, 0), |sum, part| (sum.0 + part.0, sum.1 + part.1, sum.2 + part.2));
    let rust = ["basic", "advanced"]
        .map(|part| measure(&read(&format!("tests/gallery/charts/{part}.rs")), "// -- "))
        .into_iter()
        .fold((0, 0, 0), |sum, part| (sum.0 + part.0, sum.1 + part.1, sum.2 + part.2));
    eprintln!(
        "gallery: {} charts; Altair {} lines, {} characters; pixtip {} lines, {} characters",
        python.0, python.1, python.2, rust.1, rust.2
    );
    assert_eq!(python.0, rust.0, "every Altair example has one port");
    // Rust's closing braces and rustfmt's wrapping make the ports a little
    // longer than Altair's code; not past 1.2 times (417 against 375 lines).
    assert!(rust.1 * 10 <= python.1 * 12, "ports grew: {rust:?} vs {python:?}");
}
