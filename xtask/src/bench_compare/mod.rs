//! `cargo xtask bench-compare`: pixtip and the Python reference on the same
//! inputs, timed side by side, reported as ratios python-time / pixtip-time.
//!
//! Each part lives in its own module and prints its own table.

use anyhow::{Result, bail};

mod atlas;
mod chart;
mod compose;
mod demo;
mod filter;
mod random;
mod spec;

type Part = (&'static str, fn() -> Result<()>);

const PARTS: &[Part] = &[
    ("filter", filter::run),
    ("random", random::run),
    ("compose", compose::run),
    ("spec", spec::run),
    ("demo", demo::run),
    ("chart", chart::run),
    ("atlas", atlas::run),
];

/// Builds the release `pixtip` binary and returns its path.
fn release_cli() -> Result<std::path::PathBuf> {
    let root = crate::python::workspace_root();
    let status = std::process::Command::new("cargo")
        .args(["build", "--release", "--quiet", "-p", "pixtip-cli"])
        .current_dir(&root)
        .status()
        .map_err(|e| anyhow::anyhow!("could not run cargo build: {e}"))?;
    if !status.success() {
        bail!("building pixtip-cli failed");
    }
    Ok(root.join("target/release/pixtip"))
}

pub fn run(args: &[String]) -> Result<()> {
    let wanted: Vec<&str> = if args.is_empty() {
        PARTS.iter().map(|(name, _)| *name).collect()
    } else {
        args.iter().map(String::as_str).collect()
    };
    for name in wanted {
        let Some((_, task)) = PARTS.iter().find(|(n, _)| *n == name) else {
            let names: Vec<&str> = PARTS.iter().map(|(n, _)| *n).collect();
            bail!("unknown part `{name}`; parts: {}", names.join(", "));
        };
        println!("== bench-compare {name}");
        task()?;
    }
    Ok(())
}
