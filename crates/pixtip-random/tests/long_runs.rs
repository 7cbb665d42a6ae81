//! Million-draw runs: the xor of all bit patterns, the first and last values
//! and the final state must equal numpy's (fixtures/random/long_runs.json).

#![allow(clippy::unwrap_used)] // a failed unwrap is a failed test or bench setup

mod common;

use common::{hex_u128, json, named_seed};
use pixtip_random::{Generator, default_rng};
use serde_json::Value;

fn text_or_float_bits(v: &Value) -> u64 {
    match v {
        Value::String(s) => s.parse::<i128>().expect("integer") as u64,
        v => v.as_f64().expect("float").to_bits(),
    }
}

/// `n` draws of `integers(0, high)`, each as numpy's int64 bit pattern.
fn integer_bits(rng: &mut Generator, high: i64, n: usize) -> Vec<u64> {
    let draws = rng.integers_array(0, high, n).unwrap();
    draws.iter().map(|&v| v as u64).collect()
}

#[test]
fn long_runs_match_numpy() {
    let runs = json("long_runs.json");
    for run in runs.as_array().unwrap() {
        let op = run["op"].as_str().unwrap();
        let n = run["n"].as_u64().unwrap() as usize;
        let mut rng = default_rng(named_seed(run["seed"].as_str().unwrap()));
        let words: Vec<u64> = match op {
            "standard_normal" => rng
                .standard_normal_array(n)
                .unwrap()
                .iter()
                .map(|v| v.to_bits())
                .collect(),
            "random" => rng
                .random_array(n)
                .unwrap()
                .iter()
                .map(|v| v.to_bits())
                .collect(),
            "random_raw" => (0..n).map(|_| rng.bit_generator_mut().next_u64()).collect(),
            "integers_0_3" => integer_bits(&mut rng, 3, n),
            "integers_0_1e12" => integer_bits(&mut rng, 1_000_000_000_000, n),
            other => panic!("unknown op {other}"),
        };
        let here = format!("{} {op} x{n}", run["seed"]);
        let first: Vec<u64> = run["first"]
            .as_array()
            .unwrap()
            .iter()
            .map(text_or_float_bits)
            .collect();
        let last: Vec<u64> = run["last"]
            .as_array()
            .unwrap()
            .iter()
            .map(text_or_float_bits)
            .collect();
        assert_eq!(words[..3].to_vec(), first, "{here}: first values");
        assert_eq!(words[n - 3..].to_vec(), last, "{here}: last values");
        let xor = words.iter().fold(0u64, |acc, w| acc ^ w);
        assert_eq!(
            xor.to_string(),
            run["xor"].as_str().unwrap(),
            "{here}: xor of all values"
        );
        let bits = rng.bit_generator();
        assert_eq!(
            bits.state(),
            hex_u128(&run["final_state"]),
            "{here}: final state"
        );
        assert_eq!(
            bits.spare_u32().is_some(),
            run["final_has_uint32"] == 1,
            "{here}: buffered half"
        );
    }
}
