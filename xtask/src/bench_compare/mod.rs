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
mod python;
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
    ("python", python::run),
    ("atlas", atlas::run),
];

/// Builds the release `pixtip` binary and returns its path.
pub(crate) fn release_cli() -> Result<std::path::PathBuf> {
    build_cli("release")
}

/// Builds the `pixtip` binary in `profile` (`dev` or `release`) and returns
/// its path.
pub(crate) fn build_cli(profile: &str) -> Result<std::path::PathBuf> {
    let root = crate::python::workspace_root();
    let status = std::process::Command::new(env!("CARGO"))
        .args(["build", "--quiet", "--profile", profile, "-p", "pixtip-cli"])
        .current_dir(&root)
        .status()
        .map_err(|e| anyhow::anyhow!("could not run cargo build: {e}"))?;
    if !status.success() {
        bail!("building pixtip-cli failed");
    }
    let folder = if profile == "dev" { "debug" } else { profile };
    Ok(root.join("target").join(folder).join("pixtip"))
}

/// The CPU the figures are measured on: `/proc/cpuinfo`'s model name, the
/// number of cores and the widest x86 vector extension detected (a virtual
/// machine's model name can be as vague as "Intel(R) Xeon(R) Processor").
fn cpu_model() -> String {
    let cpuinfo = std::fs::read_to_string("/proc/cpuinfo").unwrap_or_default();
    let model = cpuinfo
        .lines()
        .find_map(|line| line.strip_prefix("model name")?.split_once(':'))
        .map_or(std::env::consts::ARCH, |(_, name)| name.trim());
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    #[cfg(target_arch = "x86_64")]
    let vectors = if std::arch::is_x86_feature_detected!("avx512f") {
        ", AVX-512"
    } else if std::arch::is_x86_feature_detected!("avx2") {
        ", AVX2"
    } else {
        ""
    };
    #[cfg(not(target_arch = "x86_64"))]
    let vectors = "";
    format!("{model} ({cores} cores{vectors})")
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
        // Every figure below this header was measured on this CPU.
        println!("== bench-compare {name} on {}", cpu_model());
        task()?;
    }
    Ok(())
}
