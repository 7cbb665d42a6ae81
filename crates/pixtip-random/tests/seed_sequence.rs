//! SeedSequence and PCG64 seeding against numpy's own values.

#![allow(clippy::unwrap_used)] // a failed unwrap is a failed test or bench setup

mod common;

use common::{hex_u128, json, seed, u64_text};
use pixtip_random::{Pcg64, SeedSequence};
use pixtip_tests::json_ints;

#[test]
fn seed_sequence_matches_numpy_for_every_seed() {
    let seeds = json("seeds.json");
    let seeds = seeds.as_array().expect("seeds");
    assert!(seeds.len() >= 10);
    for entry in seeds {
        let name = entry["seed"]["name"].as_str().expect("name");
        let ss = SeedSequence::new(seed(&entry["seed"]));
        let words: Vec<u32> = json_ints(&entry["entropy_words"], "entropy_words");
        assert_eq!(
            ss.entropy_words(),
            words.as_slice(),
            "{name}: entropy words"
        );
        let pool: Vec<u32> = json_ints(&entry["pool"], "pool");
        assert_eq!(ss.pool().to_vec(), pool, "{name}: pool");
        let state_u32: Vec<u32> = json_ints(&entry["state_u32"], "state_u32");
        assert_eq!(
            ss.generate_state_u32(state_u32.len()),
            state_u32,
            "{name}: u32 state"
        );
        let state_u64: Vec<u64> = entry["state_u64"]
            .as_array()
            .expect("u64")
            .iter()
            .map(u64_text)
            .collect();
        assert_eq!(
            ss.generate_state_u64(state_u64.len()),
            state_u64,
            "{name}: u64 state"
        );
    }
}

#[test]
fn pcg64_seeding_matches_numpy_state_and_increment() {
    let seeds = json("seeds.json");
    for entry in seeds.as_array().expect("seeds") {
        let name = entry["seed"]["name"].as_str().expect("name");
        let bits = Pcg64::new(seed(&entry["seed"]));
        assert_eq!(bits.state(), hex_u128(&entry["pcg_state"]), "{name}: state");
        assert_eq!(bits.increment(), hex_u128(&entry["pcg_inc"]), "{name}: inc");
        assert_eq!(bits.spare_u32(), None);
    }
}

#[test]
fn prefixes_of_generate_state_agree() {
    let ss = SeedSequence::new(pixtip_random::Seed::text("altair"));
    let long = ss.generate_state_u32(12);
    assert_eq!(ss.generate_state_u32(5), long[..5].to_vec());
}
