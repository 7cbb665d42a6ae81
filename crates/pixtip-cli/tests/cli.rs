//! The `pixtip` binary as a user runs it: what it writes, what it prints, and
//! how it refuses bad arguments (one line, non-zero exit, never a panic).

#![allow(clippy::unwrap_used)] // test helpers: a failed unwrap is a failed test

mod common;

use common::{pixtip, stderr};

#[test]
fn demo_writes_the_charts_pages_and_areas_and_reports_sizes() {
    let out = tempfile::tempdir().unwrap();
    let dir = out.path().join("new/folder");
    let output = pixtip(&[
        "demo",
        "--out",
        dir.to_str().unwrap(),
        "--rows",
        "4",
        "--save-arrays",
    ]);
    assert!(output.status.success(), "{}", stderr(&output));
    let stdout = String::from_utf8_lossy(&output.stdout);
    for name in [
        "comparison.vl.json",
        "comparison.html",
        "metric-switch.vl.json",
        "metric-switch.html",
        "areas.csv",
        "arrays.npz",
    ] {
        assert!(dir.join(name).is_file(), "{name} missing");
        assert!(stdout.contains(name), "{name} not reported:\n{stdout}");
    }
    assert!(
        stdout.contains("without pictures") && stdout.contains("raw float64 arrays"),
        "{stdout}"
    );
    // Not a terminal: no progress bar escape codes in the output.
    assert!(!stdout.contains('\u{1b}') && !stderr(&output).contains('\u{1b}'));
    let csv = std::fs::read_to_string(dir.join("areas.csv")).unwrap();
    assert_eq!(csv.lines().count(), 5);
}

#[test]
fn bad_arguments_get_one_line_and_a_nonzero_exit() {
    let out = tempfile::tempdir().unwrap();
    let dir = out.path().to_str().unwrap();
    let not_a_folder = out.path().join("file");
    std::fs::write(&not_a_folder, b"x").unwrap();
    let cases: Vec<(Vec<&str>, &str)> = vec![
        (vec!["demo"], "--out"),
        (vec!["demo", "--out", dir, "--ndim", "4"], "--ndim"),
        (vec!["demo", "--out", dir, "--rows", "-3"], "-3"),
        (vec!["demo", "--out", dir, "--seed", "1,x"], "--seed"),
        (
            vec!["demo", "--out", dir, "--seed", "1", "--seed-text", "a"],
            "--seed",
        ),
        (vec!["demo", "--out", dir, "--width", "0"], "width"),
        (
            vec![
                "demo",
                "--out",
                not_a_folder.to_str().unwrap(),
                "--rows",
                "2",
            ],
            "file",
        ),
        (vec!["frobnicate"], "frobnicate"),
    ];
    for (args, mentions) in cases {
        let output = pixtip(&args);
        let text = stderr(&output);
        assert!(!output.status.success(), "{args:?} succeeded");
        assert_eq!(text.trim_end().lines().count(), 1, "{args:?}: {text}");
        assert!(
            text.starts_with("pixtip: ") && text.contains(mentions),
            "{args:?}: {text}"
        );
        assert!(!text.contains("panicked"), "{args:?}: {text}");
    }
    // Nothing was written for the refused runs.
    assert_eq!(std::fs::read_dir(out.path()).unwrap().count(), 1);
}

#[test]
fn sizes_over_the_memory_budget_are_refused_before_anything_is_written() {
    let out = tempfile::tempdir().unwrap();
    let dir = out.path().join("demo");
    for args in [
        &["--width", "100000", "--rows", "1"][..],
        &["--width", "2000", "--ndim", "3"][..],
        &["--rows", "200", "--memory-budget", "1"][..],
    ] {
        let mut all = vec!["demo", "--out", dir.to_str().unwrap()];
        all.extend_from_slice(args);
        let output = pixtip(&all);
        assert_eq!(output.status.code(), Some(1), "{args:?}");
        let message = stderr(&output);
        assert_eq!(message.lines().count(), 1, "{message}");
        assert!(
            message.contains("would need") && message.contains("the memory budget is"),
            "{args:?}: {message}"
        );
        assert!(!dir.exists(), "{args:?} wrote its folder");
    }
}
