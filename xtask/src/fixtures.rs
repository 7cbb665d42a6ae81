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
    let parts: Vec<&str> = if args.is_empty() {
        PARTS.to_vec()
    } else {
        args.iter().map(String::as_str).collect()
    };
    let root = python::workspace_root();
    for part in parts {
        if !PARTS.contains(&part) {
            bail!("unknown fixture part `{part}`; parts: {}", PARTS.join(", "));
        }
        let script = format!("fixtures_{part}.py");
        if !root.join("xtask/python").join(&script).exists() {
            println!("fixtures {part}: no script yet");
            continue;
        }
        let out = root.join("fixtures").join(part);
        std::fs::create_dir_all(&out)?;
        let out_arg = out.to_string_lossy().into_owned();
        let printed = python::run_script(&script, &[&out_arg])?;
        print!("{printed}");
        println!("fixtures {part}: written to {}", out.display());
    }
    Ok(())
}
