//! The project's Python: a virtual environment at `target/venv`, made from
//! the pinned `xtask/python/requirements.txt`, so fixtures, comparisons and
//! the Python package's tests need nothing installed by hand.
//!
//! The venv is made once and brought up to date whenever the requirements
//! file changes (a copy of it is kept inside the venv as a stamp).
//! `$PIXTIP_PYTHON` names another interpreter, used as it is.

use crate::python::workspace_root;
use anyhow::{Context, Result, bail};
use std::path::{Path, PathBuf};
use std::process::Command;

/// The pinned requirements, relative to the workspace root.
const REQUIREMENTS: &str = "xtask/python/requirements.txt";

/// The venv's folder.
pub fn dir() -> PathBuf {
    workspace_root().join("target/venv")
}

/// The interpreter to run the project's Python with: `$PIXTIP_PYTHON`, or
/// the venv's, made or updated first.
pub fn python() -> Result<PathBuf> {
    if let Ok(python) = std::env::var("PIXTIP_PYTHON") {
        return Ok(PathBuf::from(python));
    }
    let venv = dir();
    let python = venv.join("bin/python");
    let wanted = std::fs::read_to_string(workspace_root().join(REQUIREMENTS))
        .with_context(|| format!("reading {REQUIREMENTS}"))?;
    let stamp = venv.join("pixtip-requirements.txt");
    if python.exists() && std::fs::read_to_string(&stamp).is_ok_and(|have| have == wanted) {
        return Ok(python);
    }
    if !python.exists() {
        println!("making the Python virtual environment {}", venv.display());
        run(Command::new(base_python()).args(["-m", "venv"]).arg(&venv))?;
    }
    println!("installing {REQUIREMENTS} into {}", venv.display());
    run(Command::new(&python)
        .args([
            "-m",
            "pip",
            "install",
            "--quiet",
            "--disable-pip-version-check",
            "-r",
        ])
        .arg(workspace_root().join(REQUIREMENTS)))?;
    std::fs::write(&stamp, wanted)?;
    Ok(python)
}

/// A Python 3 to make the venv with: `python3`, else `python`.
fn base_python() -> &'static str {
    let works = |name: &str| {
        Command::new(name)
            .args([
                "-c",
                "import sys, venv; sys.exit(sys.version_info < (3, 9))",
            ])
            .status()
            .is_ok_and(|s| s.success())
    };
    if works("python3") {
        "python3"
    } else {
        "python"
    }
}

fn run(command: &mut Command) -> Result<()> {
    let shown = format!("{command:?}");
    let status = command
        .status()
        .with_context(|| format!("could not run {shown}: is Python 3.9+ with venv installed?"))?;
    if !status.success() {
        bail!("{shown} failed ({status})");
    }
    Ok(())
}

/// A program the venv installed (`maturin`, `pytest`), by name.
pub fn tool(name: &str) -> Result<PathBuf> {
    let python = python()?;
    let bin = python.parent().unwrap_or(Path::new("."));
    Ok(bin.join(name))
}
