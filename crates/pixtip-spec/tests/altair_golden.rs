//! pixtip-spec writes the same bytes as Altair's `to_json()` for the charts of
//! xtask/python/fixtures_spec.py (view names aside: Altair hashes Python objects).

mod common;

use pixtip_spec::TopLevel;

#[test]
fn every_golden_chart_equals_altair() {
    let cases = common::golden_cases();
    let mut failures = Vec::new();
    for (name, chart) in &cases {
        let path = common::fixture(&format!("golden/{name}.vl.json"));
        let altair =
            std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let ours = chart
            .to_json_pretty()
            .unwrap_or_else(|e| panic!("{name}: {e}"));
        let altair = common::normalise_view_names(&altair);
        if ours != altair {
            failures.push(format!("--- {name}\nours:\n{ours}\naltair:\n{altair}"));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} differ:\n{}",
        failures.len(),
        cases.len(),
        failures.join("\n")
    );
}

#[test]
fn every_golden_fixture_has_a_case() {
    let names: Vec<&str> = common::golden_cases().iter().map(|(n, _)| *n).collect();
    for name in common::fixture_names("golden") {
        assert!(
            names.contains(&name.as_str()),
            "fixture {name} has no Rust case"
        );
    }
}
