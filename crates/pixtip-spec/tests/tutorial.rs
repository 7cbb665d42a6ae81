//! The tutorial's two charts equal Altair's output byte for byte when built
//! from the same rows (taken from Altair's own JSON).

#[path = "../examples/tutorial_charts.rs"]
mod tutorial;

use pixtip_spec::TopLevel;
use std::path::PathBuf;

fn reference(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../fixtures/reference/altair-200")
        .join(name)
}

fn first_difference(a: &str, b: &str) -> String {
    let pos = a
        .bytes()
        .zip(b.bytes())
        .position(|(x, y)| x != y)
        .unwrap_or(a.len().min(b.len()));
    let lo = pos.saturating_sub(80);
    format!(
        "first difference at byte {pos}:\n ours:   {:?}\n altair: {:?}",
        &a[lo..(pos + 80).min(a.len())],
        &b[lo..(pos + 80).min(b.len())]
    )
}

fn check(name: &str, ours: String) {
    let altair = std::fs::read_to_string(reference(name)).expect("reference file");
    assert!(
        ours == altair,
        "{name}: {}",
        first_difference(&ours, &altair)
    );
}

#[test]
fn comparison_chart_equals_altair_byte_for_byte() {
    let data = tutorial::reference_rows(&reference("comparison.vl.json")).expect("rows");
    assert_eq!(
        data.dataset_name(),
        Some("data-f2d0fc6818ee386dcb6350bb9e5ba677")
    );
    check(
        "comparison.vl.json",
        tutorial::comparison(data)
            .to_json_pretty()
            .expect("valid chart"),
    );
}

#[test]
fn metric_switch_chart_equals_altair_byte_for_byte() {
    let data = tutorial::reference_rows(&reference("metric-switch.vl.json")).expect("rows");
    check(
        "metric-switch.vl.json",
        tutorial::metric_switch(data)
            .to_json_pretty()
            .expect("valid chart"),
    );
}

#[test]
fn tutorial_charts_are_valid_vega_lite() {
    let schema_path =
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../fixtures/spec/vega-lite-schema.json");
    let schema: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(schema_path).expect("schema"))
            .expect("schema JSON");
    let validator = jsonschema::validator_for(&schema).expect("schema compiles");
    let comparison = tutorial::comparison(
        tutorial::reference_rows(&reference("comparison.vl.json")).expect("rows"),
    );
    let metric = tutorial::metric_switch(
        tutorial::reference_rows(&reference("metric-switch.vl.json")).expect("rows"),
    );
    for spec in [
        comparison.to_value().expect("spec"),
        metric.to_value().expect("spec"),
    ] {
        let errors: Vec<String> = validator
            .iter_errors(&spec)
            .take(3)
            .map(|e| e.to_string())
            .collect();
        assert!(errors.is_empty(), "{errors:?}");
    }
}
