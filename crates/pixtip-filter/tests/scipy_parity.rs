//! Every case of fixtures/filter/cases.json, compared with scipy's output:
//! 1e-12 relative for f64, f32 rounding for f32 (each with a tiny absolute
//! floor for values near zero).

mod common;

use common::{as_isize, as_usize, mode, view, worst_difference};
use ndarray::{ArrayD, ArrayViewD, Dimension};
use pixtip_filter::{
    Element, FilterError, Gaussian1dOptions, GaussianOptions, PerAxis, Uniform1dOptions,
    UniformOptions, gaussian_filter, gaussian_filter1d, uniform_filter, uniform_filter1d,
};
use serde_json::Value;

fn per_axis_f64(v: &Value) -> PerAxis<f64> {
    match v.as_array() {
        Some(list) => list
            .iter()
            .map(|x| x.as_f64().expect("number"))
            .collect::<Vec<_>>()
            .into(),
        None => v.as_f64().expect("number").into(),
    }
}

fn per_axis<T>(v: Option<&Value>, default: T, convert: impl Fn(&Value) -> T) -> PerAxis<T> {
    match v {
        None => PerAxis::All(default),
        Some(Value::Array(list)) => list.iter().map(&convert).collect::<Vec<_>>().into(),
        Some(single) => PerAxis::All(convert(single)),
    }
}

fn mode_of(v: &Value) -> pixtip_filter::Mode {
    mode(v.as_str().expect("mode name"))
}

/// Runs the case's function on `input` with the manifest's parameters.
fn run<T: Element>(
    func: &str,
    p: &Value,
    input: &ArrayViewD<'_, T>,
) -> Result<ArrayD<T>, FilterError> {
    let cval = p.get("cval").and_then(Value::as_f64).unwrap_or(0.0);
    let axes = p
        .get("axes")
        .and_then(Value::as_array)
        .map(|a| a.iter().map(as_usize).collect());
    match func {
        "gaussian_filter" => {
            let options = GaussianOptions {
                order: per_axis(p.get("order"), 0, as_usize),
                mode: per_axis(p.get("mode"), pixtip_filter::Mode::Reflect, mode_of),
                cval,
                truncate: p.get("truncate").and_then(Value::as_f64).unwrap_or(4.0),
                radius: p
                    .get("radius")
                    .filter(|r| !r.is_null())
                    .map(|r| per_axis(Some(r), 0, as_usize)),
                origin: PerAxis::All(0),
                axes,
            };
            gaussian_filter(input, per_axis_f64(&p["sigma"]), &options)
        }
        "gaussian_filter1d" => {
            let options = Gaussian1dOptions {
                order: p.get("order").map_or(0, as_usize),
                mode: p.get("mode").map_or(pixtip_filter::Mode::Reflect, mode_of),
                cval,
                truncate: p.get("truncate").and_then(Value::as_f64).unwrap_or(4.0),
                radius: p.get("radius").filter(|r| !r.is_null()).map(as_usize),
                origin: p.get("origin").map_or(0, as_isize),
            };
            gaussian_filter1d(
                input,
                p["sigma"].as_f64().expect("sigma"),
                as_usize(&p["axis"]),
                &options,
            )
        }
        "uniform_filter" => {
            let options = UniformOptions {
                mode: per_axis(p.get("mode"), pixtip_filter::Mode::Reflect, mode_of),
                cval,
                origin: per_axis(p.get("origin"), 0, as_isize),
                axes,
            };
            uniform_filter(input, per_axis(p.get("size"), 3, as_usize), &options)
        }
        "uniform_filter1d" => {
            let options = Uniform1dOptions {
                mode: p.get("mode").map_or(pixtip_filter::Mode::Reflect, mode_of),
                cval,
                origin: p.get("origin").map_or(0, as_isize),
            };
            uniform_filter1d(input, as_usize(&p["size"]), as_usize(&p["axis"]), &options)
        }
        other => panic!("unknown function {other}"),
    }
}

/// The case's result from pixtip and from scipy, both widened to `f64` (which
/// keeps every `f32` bit).
fn outputs(case: &Value, npz: &mut common::Npz) -> (ArrayD<f64>, ArrayD<f64>) {
    let name = case["name"].as_str().expect("name");
    let func = case["func"].as_str().expect("func");
    let expected_name = case["expected"].as_str().expect("name");
    if case["dtype"] == "f32" {
        let base = common::input::<f32>(case, npz);
        let out = run(func, &case["params"], &view(&base, &case["view"])).expect(name);
        let expected: ArrayD<f32> = npz.by_name(expected_name).expect("expected");
        (out.mapv(f64::from), expected.mapv(f64::from))
    } else {
        let base = common::input::<f64>(case, npz);
        let out = run(func, &case["params"], &view(&base, &case["view"])).expect(name);
        let expected: ArrayD<f64> = npz.by_name(expected_name).expect("expected");
        (out, expected)
    }
}

#[test]
fn every_fixture_case_matches_scipy() {
    let mut npz = common::arrays();
    let mut failures = Vec::new();
    let mut checked = 0;
    let mut overall = (0.0f64, String::new());
    for case in common::cases() {
        let name = case["name"].as_str().expect("name");
        let (actual, expected) = outputs(&case, &mut npz);
        let (rtol, floor) = if case["dtype"] == "f32" {
            (3e-7, 1e-6)
        } else {
            (1e-12, 1e-12)
        };
        let scale = expected
            .iter()
            .filter(|v| v.is_finite())
            .fold(0.0f64, |m, v| m.max(v.abs()));
        let (worst, at) = worst_difference(&actual, &expected, floor * scale.max(1e-300));
        if case["dtype"] == "f64" && worst > overall.0 {
            overall = (worst, name.to_string());
        }
        if worst > rtol || worst.is_nan() {
            failures.push(format!("{name}: relative difference {worst:e} at {at:?}"));
        }
        checked += 1;
    }
    eprintln!(
        "{checked} cases; worst f64 relative difference {:e} ({})",
        overall.0, overall.1
    );
    assert_all_agree(&failures, checked, 550, "cases", "differ from scipy");
}

/// The uniform filters use scipy's running sum in scipy's order (sum the
/// window, add `entering - leaving` per step, divide each output), so every
/// uniform case, `f64` and `f32`, NaN and inf included, equals scipy's bit for bit.
#[test]
fn uniform_cases_equal_scipy_bit_for_bit() {
    let mut npz = common::arrays();
    let mut failures = Vec::new();
    let mut checked = 0;
    for case in common::cases() {
        if !case["func"].as_str().expect("func").starts_with("uniform") {
            continue;
        }
        let name = case["name"].as_str().expect("name");
        let (actual, expected) = outputs(&case, &mut npz);
        let differ = actual
            .indexed_iter()
            .zip(expected.iter())
            .find(|((_, a), e)| !(a.to_bits() == e.to_bits() || (a.is_nan() && e.is_nan())));
        if let Some(((at, a), e)) = differ {
            failures.push(format!(
                "{name}: {a:e} where scipy has {e:e} at {:?}",
                at.slice()
            ));
        }
        checked += 1;
    }
    eprintln!("{checked} uniform cases compared bit for bit");
    assert_all_agree(
        &failures,
        checked,
        250,
        "uniform cases",
        "differ from scipy in some bit",
    );
}

/// More than `at_least` `cases` were checked and none `differ` (each
/// failure is a line naming its case).
fn assert_all_agree(
    failures: &[String],
    checked: usize,
    at_least: usize,
    cases: &str,
    differ: &str,
) {
    assert!(checked > at_least, "only {checked} {cases} found");
    assert!(
        failures.is_empty(),
        "{} of {checked} {cases} {differ}:\n{}",
        failures.len(),
        failures.join("\n")
    );
}
