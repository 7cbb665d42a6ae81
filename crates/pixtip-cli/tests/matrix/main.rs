//! The bad-input matrix: every row of docs/bad-input.md run as written there,
//! over `pixtip chart`, `pixtip demo` and the library's loaders. Each case
//! builds its hostile files in a folder of its own that also holds an
//! earlier run's output; a refused case must leave that folder exactly as
//! it was, a case that succeeds must change nothing but the output.

#![allow(clippy::unwrap_used)] // test helpers: a failed unwrap is a failed test

mod arrays;
mod atlas;
mod files;
mod folders;
mod formats;
mod outputs;
mod run;
mod scaling;
mod stores;
mod tables;

use run::{Case, run_case};
use std::collections::BTreeMap;

fn cases() -> Vec<&'static Case> {
    [
        arrays::CASES,
        folders::CASES,
        formats::CASES,
        stores::CASES,
        tables::CASES,
        scaling::CASES,
        outputs::CASES,
        atlas::CASES,
    ]
    .into_iter()
    .flatten()
    .collect()
}

/// A panic's message.
pub fn panic_text(panic: &Box<dyn std::any::Any + Send>) -> String {
    panic
        .downcast_ref::<String>()
        .cloned()
        .or_else(|| panic.downcast_ref::<&str>().map(|s| s.to_string()))
        .unwrap_or_else(|| "a panic".into())
}

/// One table row of the doc: its cells, `\|` read as `|`.
struct DocRow {
    cells: Vec<String>,
}

/// The rows of the doc's matrix table (those whose first cell is a `name`).
fn doc_rows() -> BTreeMap<String, DocRow> {
    let path = pixtip_tests::workspace_root().join("docs/bad-input.md");
    let doc = std::fs::read_to_string(&path).unwrap();
    let mut rows = BTreeMap::new();
    for line in doc.lines().filter(|l| l.starts_with("| `")) {
        let mut cells = Vec::new();
        let mut cell = String::new();
        let mut chars = line.trim().trim_start_matches('|').chars().peekable();
        while let Some(c) = chars.next() {
            match c {
                '\\' if chars.peek() == Some(&'|') => {
                    cell.push('|');
                    chars.next();
                }
                '|' => cells.push(std::mem::take(&mut cell).trim().to_string()),
                c => cell.push(c),
            }
        }
        let name = cells[0].trim_matches('`').to_string();
        assert!(
            rows.insert(name.clone(), DocRow { cells }).is_none(),
            "{name} is in the doc twice"
        );
    }
    rows
}

/// A doc cell without its code-span backticks.
fn code(cell: &str) -> &str {
    let cell = cell.trim();
    match cell.strip_prefix("`` ").and_then(|c| c.strip_suffix(" ``")) {
        Some(inner) => inner,
        None => cell.trim_matches('`'),
    }
}

#[test]
fn the_doc_lists_exactly_the_matrix_cases_with_their_results() {
    let doc = doc_rows();
    let cases = cases();
    let names: Vec<&str> = cases.iter().map(|c| c.name).collect();
    let documented: Vec<&str> = doc.keys().map(String::as_str).collect();
    let mut sorted = names.clone();
    sorted.sort_unstable();
    sorted.dedup();
    assert_eq!(sorted.len(), names.len(), "a case name is used twice");
    assert_eq!(
        sorted, documented,
        "cases (left) and doc rows (right) differ"
    );
    for case in cases {
        let row = &doc[case.name];
        assert_eq!(
            row.cells.len(),
            5,
            "{}: {} cells",
            case.name,
            row.cells.len()
        );
        assert_eq!(code(&row.cells[3]), case.result, "{}'s result", case.name);
    }
    assert!(names.len() >= 40, "{} cases", names.len());
}

#[test]
fn every_bad_input_is_refused_as_the_doc_says_and_leaves_the_old_output() {
    let doc = doc_rows();
    let mut failures = Vec::new();
    for case in cases() {
        match run_case(case) {
            Err(why) => failures.push(format!("{}: {why}", case.name)),
            Ok(observed) => {
                if let Some(why) = observed.skipped {
                    println!("{}: skipped: {why}", case.name);
                    continue;
                }
                let documented = doc.get(case.name).map(|r| code(&r.cells[4]).to_string());
                if !observed.succeeded() && documented.as_deref() != Some(&observed.message) {
                    failures.push(format!(
                        "{}: the doc's message differs; the run says\n    `` {} ``",
                        case.name,
                        observed.message.replace('|', "\\|")
                    ));
                }
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
