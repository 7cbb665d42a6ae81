//! `cargo xtask python`: the Python package (`crates/pixtip-python`) built
//! with maturin into the project's venv, then its pytest suite.

use crate::python::workspace_root;
use crate::venv;
use anyhow::{Context, Result, bail};
use std::path::PathBuf;
use std::process::Command;

/// The package's folder, relative to the workspace root.
pub const PACKAGE: &str = "crates/pixtip-python";

/// Builds and installs the package into `target/venv` (`maturin develop`,
/// in the dev profile that `cargo test` already built the facade in) and the
/// `pixtip` binary its tests compare with, then runs `pytest` on its tests
/// with `pytest_args`.
pub fn test(pytest_args: &[String]) -> Result<()> {
    let cli = crate::bench_compare::build_cli("dev")?;
    test_with_cli(&cli, pytest_args)
}

/// [`test`], comparing with the `pixtip` binary `cli` already built.
pub fn test_with_cli(cli: &std::path::Path, pytest_args: &[String]) -> Result<()> {
    let root = workspace_root();
    let python = install("dev")?;
    let status = Command::new(&python)
        .args(["-m", "pytest", "-q"])
        .arg(root.join(PACKAGE).join("tests"))
        .args(pytest_args)
        .env("PIXTIP_CLI", cli)
        .current_dir(&root)
        .status()
        .context("could not run pytest")?;
    if !status.success() {
        bail!("the Python package's tests failed");
    }
    Ok(())
}

/// Builds the package with maturin in `profile` (`dev` or `release`) and
/// installs it into the venv; returns the venv's interpreter.
pub fn install(profile: &str) -> Result<PathBuf> {
    let root = workspace_root();
    let python = venv::python()?;
    let maturin = venv::tool("maturin")?;
    println!(
        "maturin develop --profile {profile}: {PACKAGE} into {}",
        venv::dir().display()
    );
    let status = Command::new(&maturin)
        .args([
            "develop",
            "--profile",
            profile,
            "--quiet",
            "--manifest-path",
        ])
        .arg(root.join(PACKAGE).join("Cargo.toml"))
        .env("VIRTUAL_ENV", venv::dir())
        .current_dir(&root)
        .status()
        .with_context(|| format!("could not run {}", maturin.display()))?;
    if !status.success() {
        bail!("`maturin develop` failed for {PACKAGE}");
    }
    Ok(python)
}
