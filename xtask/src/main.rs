//! `cargo xtask <task>`: the project's tasks, as a plain Rust program.
//!
//! - `fixtures [PART...]`: regenerate golden fixtures under `fixtures/` from the
//!   Python tools (numpy, scipy, Pillow, Altair must be installed: `pip install
//!   numpy scipy pandas pillow altair matplotlib`). PART is one of `filter`,
//!   `random`, `compose`, `spec`, `reference`; none means all.
//! - `bench-compare [PART...]`: time pixtip and the Python reference on the same
//!   inputs, side by side, and print the ratios.
//! - `fuzz [INPUTS]`: mutated inputs through every user-facing parser
//!   (`.npy`, `.npz`, CSV, scales, metrics, shorthands, escaping); fails on a panic.
//! - `cycles [CRATE...]`: the module dependency graph of each crate under
//!   `crates/`; fails if modules (files, or top-level modules taken whole)
//!   depend on each other in a cycle.
//! - `test [ARGS...]`: install what the tests need (npm packages, Chromium),
//!   then `cargo test --workspace ARGS`.

mod bench_compare;
mod cycles;
mod fixtures;
mod fuzz;
mod python;
mod test;

use anyhow::{Result, bail};

fn main() -> Result<()> {
    let mut args = std::env::args().skip(1);
    let task = args.next().unwrap_or_default();
    let rest: Vec<String> = args.collect();
    match task.as_str() {
        "fixtures" => fixtures::run(&rest),
        "bench-compare" => bench_compare::run(&rest),
        "test" => test::run(&rest),
        "fuzz" => fuzz::run(&rest),
        "cycles" => cycles::run(&rest),
        "" | "help" | "--help" | "-h" => {
            println!("usage: cargo xtask <fixtures|bench-compare|cycles|fuzz|test> [ARGS...]");
            Ok(())
        }
        other => bail!("unknown task `{other}`; try `cargo xtask help`"),
    }
}
