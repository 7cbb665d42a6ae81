//! Replays numpy call sequences (fixtures/random/sessions.*) and compares every
//! result bit for bit, then the final bit generator state.

#![allow(clippy::unwrap_used)] // a failed unwrap is a failed test or bench setup

mod common;

use common::{hex_u128, int, json, named_seed};
use ndarray::{ArrayD, Dimension, IxDyn};
use ndarray_npy::NpzReader;
use pixtip_random::{Endpoint, Generator, default_rng};
use pixtip_tests::json_ints;
use serde_json::Value;
use std::fs::File;

fn shape(args: &Value) -> Option<IxDyn> {
    args.get("size").map(|size| {
        let dims: Vec<usize> = json_ints(size, "size");
        IxDyn(&dims)
    })
}

fn scalar<T: Clone>(value: T) -> ArrayD<T> {
    ArrayD::from_elem(IxDyn(&[]), value)
}

fn f64_bits(a: &ArrayD<f64>) -> Vec<u64> {
    a.iter().map(|v| v.to_bits()).collect()
}

enum Result_ {
    Floats(ArrayD<f64>),
    Ints(ArrayD<i64>),
    Words(ArrayD<u64>),
    Strings(ArrayD<String>),
}

fn run(rng: &mut Generator, op: &str, args: &Value) -> Result_ {
    let size = shape(args);
    let endpoint = if args.get("endpoint") == Some(&Value::Bool(true)) {
        Endpoint::Included
    } else {
        Endpoint::Excluded
    };
    match op {
        "random" => Result_::Floats(match size {
            Some(s) => rng.random_array(s).unwrap(),
            None => scalar(rng.random()),
        }),
        "standard_normal" => Result_::Floats(match size {
            Some(s) => rng.standard_normal_array(s).unwrap(),
            None => scalar(rng.standard_normal()),
        }),
        "normal" => {
            let loc = args["loc"].as_f64().unwrap();
            let scale = args["scale"].as_f64().unwrap();
            Result_::Floats(match size {
                Some(s) => rng.normal_array(loc, scale, s).unwrap(),
                None => scalar(rng.normal(loc, scale).unwrap()),
            })
        }
        "integers" => {
            let (low, high) = (int(&args["low"]), int(&args["high"]));
            Result_::Ints(match size {
                Some(s) => rng.integers_array_with(low, high, endpoint, s).unwrap(),
                None => scalar(rng.integers_with(low, high, endpoint).unwrap()),
            })
        }
        "random_raw" => {
            let s = size.expect("random_raw size");
            let bits = rng.bit_generator_mut();
            let n = s.size();
            let words: Vec<u64> = (0..n).map(|_| bits.next_u64()).collect();
            Result_::Words(ArrayD::from_shape_vec(s, words).unwrap())
        }
        "choice" => {
            let population = args["population"].as_array().expect("population");
            match &population[0] {
                Value::String(_) => {
                    let pop: Vec<String> = population
                        .iter()
                        .map(|v| v.as_str().unwrap().to_string())
                        .collect();
                    Result_::Strings(match size {
                        Some(s) => rng.choice_array(&pop, s).unwrap(),
                        None => scalar(rng.choice(&pop).unwrap()),
                    })
                }
                v if v.is_i64() => {
                    let pop: Vec<i64> = population.iter().map(|v| v.as_i64().unwrap()).collect();
                    Result_::Ints(match size {
                        Some(s) => rng.choice_array(&pop, s).unwrap(),
                        None => scalar(rng.choice(&pop).unwrap()),
                    })
                }
                _ => {
                    let pop: Vec<f64> = population.iter().map(|v| v.as_f64().unwrap()).collect();
                    Result_::Floats(match size {
                        Some(s) => rng.choice_array(&pop, s).unwrap(),
                        None => scalar(rng.choice(&pop).unwrap()),
                    })
                }
            }
        }
        other => panic!("unknown op {other}"),
    }
}

#[test]
fn every_session_matches_numpy_call_by_call() {
    let manifest = json("sessions.json");
    let mut npz = NpzReader::new(File::open(common::fixture("sessions.npz")).unwrap()).unwrap();
    let sessions = manifest.as_array().unwrap();
    assert!(sessions.len() >= 8);
    let mut calls_checked = 0;
    for session in sessions {
        let name = session["name"].as_str().unwrap();
        let mut rng = default_rng(named_seed(session["seed"].as_str().unwrap()));
        for (i, call) in session["calls"].as_array().unwrap().iter().enumerate() {
            let op = call["op"].as_str().unwrap();
            let here = format!("{name} call {i} ({op} {})", call["args"]);
            let key = call
                .get("array")
                .and_then(Value::as_str)
                .map(|k| format!("{k}.npy"));
            match run(&mut rng, op, &call["args"]) {
                Result_::Floats(got) => {
                    let want: ArrayD<f64> = npz.by_name(&key.unwrap()).unwrap();
                    assert_eq!(got.shape(), want.shape(), "{here}: shape");
                    assert_eq!(f64_bits(&got), f64_bits(&want), "{here}: values");
                }
                Result_::Ints(got) => {
                    let want: ArrayD<i64> = npz.by_name(&key.unwrap()).unwrap();
                    assert_eq!(got, want, "{here}");
                }
                Result_::Words(got) => {
                    let want: ArrayD<u64> = npz.by_name(&key.unwrap()).unwrap();
                    assert_eq!(got, want, "{here}");
                }
                Result_::Strings(got) => {
                    let want: Vec<String> = call["strings"]
                        .as_array()
                        .unwrap()
                        .iter()
                        .map(|v| v.as_str().unwrap().to_string())
                        .collect();
                    let want_shape: Vec<usize> = call["shape"]
                        .as_array()
                        .unwrap()
                        .iter()
                        .map(|v| v.as_u64().unwrap() as usize)
                        .collect();
                    assert_eq!(got.shape(), want_shape.as_slice(), "{here}: shape");
                    assert_eq!(got.iter().cloned().collect::<Vec<_>>(), want, "{here}");
                }
            }
            calls_checked += 1;
        }
        let bits = rng.bit_generator();
        assert_eq!(
            bits.state(),
            hex_u128(&session["final_state"]),
            "{name}: final state"
        );
        let spare = (session["final_has_uint32"] == 1)
            .then(|| session["final_uinteger"].as_u64().unwrap() as u32);
        assert_eq!(bits.spare_u32(), spare, "{name}: buffered 32-bit half");
    }
    assert!(calls_checked > 200, "only {calls_checked} calls");
}
