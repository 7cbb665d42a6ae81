//! `cargo xtask fixtures`: regenerate the golden fixtures from the Python tools.
//!
//! Each part is a script `xtask/python/fixtures_<part>.py` that takes the
//! output folder `fixtures/<part>` as its only argument and writes every file
//! there; the tests compare against those files with no Python needed.

use crate::python;
use anyhow::{Result, bail};

/// Every fixture part, in the order they are written.
const PARTS: &[&str] = &[
    "filter",
    "random",
    "compose",
    "spec",
    "facade",
    "inputs",
    "reference",
    "atlas",
];

pub fn run(args: &[String]) -> Result<()> {
    run_into(args, false)
}

/// Regenerates the parts into `target/fixtures-check/` and compares them
/// with the committed `fixtures/` ([`crate::fixtures_check`]).
pub fn check(args: &[String]) -> Result<()> {
    run_into(args, true)
}

fn run_into(args: &[String], check: bool) -> Result<()> {
    let parts: Vec<&str> = if args.is_empty() {
        PARTS.to_vec()
    } else {
        args.iter().map(String::as_str).collect()
    };
    let root = python::workspace_root();
    let mut differences = Vec::new();
    for part in parts {
        if !PARTS.contains(&part) {
            bail!("unknown fixture part `{part}`; parts: {}", PARTS.join(", "));
        }
        let script = format!("fixtures_{part}.py");
        if !root.join("xtask/python").join(&script).exists() {
            println!("fixtures {part}: no script yet");
            continue;
        }
        let committed = root.join("fixtures").join(part);
        let out = if check {
            let fresh = root.join("target/fixtures-check").join(part);
            if fresh.exists() {
                std::fs::remove_dir_all(&fresh)?;
            }
            fresh
        } else {
            committed.clone()
        };
        std::fs::create_dir_all(&out)?;
        let out_arg = out.to_string_lossy().into_owned();
        let printed = python::run_script(&script, &[&out_arg])?;
        print!("{printed}");
        println!("fixtures {part}: written to {}", out.display());
        if check {
            differences.extend(crate::fixtures_check::compare(part, &committed, &out)?);
        }
    }
    if check {
        crate::fixtures_check::report(&differences)?;
    }
    Ok(())
}
