//! `cargo xtask test`: everything the tests need, then every test.
//!
//! A fresh clone passes with this one command: it checks that no crate's
//! modules import each other in a cycle (`cargo xtask cycles`), installs the npm packages
//! from the committed lockfile (`npm ci`), finds Chromium (`$CHROMIUM`, or
//! Debian's `/usr/bin/chromium`, installed with apt-get when running as root
//! on a Debian machine), checks for the system's HDF5 library (the HDF5
//! reader links it; installed the same way), and runs `cargo test --workspace` with any further
//! arguments, then builds the Python package into the project's venv
//! (`target/venv`, made from the pinned requirements) and runs its pytest
//! suite. Where it cannot install something it says exactly what to run.

use crate::python::workspace_root;
use anyhow::{Context, Result, bail};
use std::path::Path;
use std::process::Command;

pub fn run(args: &[String]) -> Result<()> {
    let root = workspace_root();
    step("cargo xtask cycles (modules import without cycles)");
    crate::cycles::run(&[])?;
    step("npm ci (playwright-core and the vega scripts, from package-lock.json)");
    let npm = Command::new("npm")
        .args(["ci", "--no-audit", "--no-fund"])
        .current_dir(&root)
        .status()
        .context("npm is needed for the browser tests: install Node.js 20 or later")?;
    if !npm.success() {
        bail!("`npm ci` failed in {}", root.display());
    }
    step("Chromium for the browser tests");
    ensure_chromium()?;
    step("libhdf5 for the HDF5 reader (Debian's libhdf5-dev, found by pkg-config)");
    ensure_hdf5()?;
    step("the Python venv (target/venv, from xtask/python/requirements.txt)");
    crate::venv::python()?;
    step("cargo test --workspace");
    let status = Command::new(env!("CARGO"))
        .args(["test", "--workspace"])
        .args(args)
        .current_dir(&root)
        .status()
        .context("could not run cargo test")?;
    if !status.success() {
        bail!("tests failed");
    }
    step("the Python package: maturin develop, then pytest");
    // `cargo test` built the `pixtip` binary for the CLI's tests, with the
    // workspace's features: the Python tests compare with that one.
    crate::python_package::test_with_cli(&root.join("target/debug/pixtip"), &[])
}

fn step(what: &str) {
    println!("\n=== {what}");
}

fn ensure_chromium() -> Result<()> {
    if let Ok(path) = std::env::var("CHROMIUM") {
        if Path::new(&path).exists() {
            println!("using $CHROMIUM = {path}");
            return Ok(());
        }
        bail!("$CHROMIUM is {path}, which does not exist");
    }
    let debian = Path::new("/usr/bin/chromium");
    if debian.exists() {
        println!("using {}", debian.display());
        return Ok(());
    }
    install_or_bail(
        &["chromium", "fonts-dejavu-core"],
        "the browser tests need Chromium: run `sudo apt-get install chromium` (Debian/Ubuntu) or set CHROMIUM to a Chromium binary",
    )
}

/// Whether pkg-config finds HDF5, as the `hdf5-metno-sys` build does.
fn hdf5_found() -> bool {
    Command::new("pkg-config")
        .args(["--exists", "hdf5"])
        .status()
        .is_ok_and(|s| s.success())
}

fn ensure_hdf5() -> Result<()> {
    if hdf5_found() {
        println!("pkg-config finds hdf5");
        return Ok(());
    }
    install_or_bail(
        &["libhdf5-dev", "pkg-config"],
        "pixtip's HDF5 reader links the system's libhdf5 (1.10 or later), which pkg-config does not find: run `sudo apt-get install libhdf5-dev pkg-config` (Debian/Ubuntu), `brew install hdf5 pkg-config` (macOS), or set HDF5_DIR to an HDF5 installation",
    )
}

/// Installs Debian's `packages` with apt-get when this is a root Debian
/// machine (CI's); elsewhere fails with `otherwise`, which says what to do.
fn install_or_bail(packages: &[&str], otherwise: &str) -> Result<()> {
    if !(is_root() && Path::new("/usr/bin/apt-get").exists()) {
        bail!("{otherwise}");
    }
    println!("installing Debian's {} with apt-get", packages.join(" "));
    apt_install(packages)
}

fn is_root() -> bool {
    Command::new("id")
        .arg("-u")
        .output()
        .is_ok_and(|o| String::from_utf8_lossy(&o.stdout).trim() == "0")
}

/// `apt-get update`, then `apt-get install` of `packages`, without questions.
fn apt_install(packages: &[&str]) -> Result<()> {
    let mut install = vec!["install", "-y", "-qq", "--no-install-recommends"];
    install.extend(packages);
    for args in [&["update", "-qq"][..], &install[..]] {
        let status = Command::new("apt-get")
            .args(args)
            .env("DEBIAN_FRONTEND", "noninteractive")
            .status()
            .context("could not run apt-get")?;
        if !status.success() {
            bail!("`apt-get {}` failed", args.join(" "));
        }
    }
    Ok(())
}
