//! Loading the scipy fixtures written by `cargo xtask fixtures filter`.

#![allow(dead_code)]

use ndarray::{ArrayD, ArrayViewD, Axis, Dimension, Slice};
use ndarray_npy::NpzReader;
use pixtip_filter::Mode;
use serde_json::Value;
use std::fs::File;
use std::path::PathBuf;

/// `fixtures/filter/<name>`.
pub fn fixture(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../fixtures/filter")
        .join(name)
}

/// The manifest's case list.
pub fn cases() -> Vec<Value> {
    let text = std::fs::read_to_string(fixture("cases.json")).expect("fixtures/filter/cases.json");
    let manifest: Value = serde_json::from_str(&text).expect("valid JSON");
    manifest["cases"].as_array().expect("cases list").clone()
}

/// The fixture archive.
pub type Npz = NpzReader<File>;

/// The fixture arrays.
pub fn arrays() -> Npz {
    NpzReader::new(File::open(fixture("cases.npz")).expect("fixtures/filter/cases.npz"))
        .expect("npz")
}

/// scipy's mode name as a [`Mode`].
pub fn mode(name: &str) -> Mode {
    Mode::from_scipy_name(name).unwrap_or_else(|| panic!("unknown mode {name}"))
}

/// The case's input, before any view is applied.
pub fn input<T>(case: &Value, npz: &mut NpzReader<File>) -> ArrayD<T>
where
    T: ndarray_npy::ReadableElement + Copy + From<u8>,
{
    if let Some(desc) = case.get("input_desc") {
        let shape: Vec<usize> = desc["shape"]
            .as_array()
            .expect("shape")
            .iter()
            .map(as_usize)
            .collect();
        let at: Vec<usize> = desc["at"]
            .as_array()
            .expect("at")
            .iter()
            .map(as_usize)
            .collect();
        let mut image = ArrayD::from_elem(shape, T::from(0u8));
        image[at.as_slice()] = T::from(1u8);
        return image;
    }
    npz.by_name(case["input"].as_str().expect("input name"))
        .expect("input array")
}

/// Applies the manifest's view (transpose, then per-axis steps) like numpy.
pub fn view<'a, T>(base: &'a ArrayD<T>, view: &Value) -> ArrayViewD<'a, T> {
    let mut v = base.view();
    if view.get("transpose").and_then(Value::as_bool) == Some(true) {
        v = v.reversed_axes();
    }
    if let Some(steps) = view.get("steps").and_then(Value::as_array) {
        let starts: Vec<isize> = match view.get("starts").and_then(Value::as_array) {
            Some(starts) => starts
                .iter()
                .map(|s| s.as_i64().expect("start") as isize)
                .collect(),
            None => vec![0; steps.len()],
        };
        for (axis, step) in steps.iter().enumerate() {
            let step = step.as_i64().expect("step") as isize;
            // numpy's `start::step` for positive steps, `::step` for negative ones.
            let start = if step > 0 { starts[axis] } else { 0 };
            v.slice_axis_inplace(Axis(axis), Slice::new(start, None, step));
        }
    }
    v
}

pub fn as_usize(v: &Value) -> usize {
    v.as_u64().expect("unsigned integer") as usize
}

pub fn as_isize(v: &Value) -> isize {
    v.as_i64().expect("integer") as isize
}

/// Largest relative difference, with `floor` as the smallest denominator,
/// and where it happened. Equal values (the same infinity) and NaN against
/// NaN count as no difference.
pub fn worst_difference(
    actual: &ArrayD<f64>,
    expected: &ArrayD<f64>,
    floor: f64,
) -> (f64, Vec<usize>) {
    assert_eq!(actual.shape(), expected.shape(), "shapes differ");
    let mut worst = (0.0, vec![]);
    for ((index, a), e) in actual.indexed_iter().zip(expected.iter()) {
        let difference = if a == e || (a.is_nan() && e.is_nan()) {
            0.0
        } else {
            (a - e).abs() / e.abs().max(floor)
        };
        if difference > worst.0 || difference.is_nan() {
            worst = (difference, index.slice().to_vec());
        }
    }
    worst
}
