//! `cargo xtask <task>`: the project's tasks, as a plain Rust program.
//! `cargo xtask help` (or `cargo xtask <task> --help`) lists them with their
//! arguments.
//!
//! Tasks that run Python (`fixtures`, `bench-compare`, `python`) make their
//! own virtual environment, `target/venv`, from the pinned
//! `xtask/python/requirements.txt` (see [`venv`]); `$PIXTIP_PYTHON` names
//! another interpreter instead.

mod bench_compare;
mod cycles;
mod fixtures;
mod fixtures_check;
mod fuzz;
mod fuzz_stores;
mod fuzz_text;
mod python;
mod python_package;
mod test;
mod venv;

use anyhow::Result;
use clap::{Parser, Subcommand};

/// The project's tasks.
#[derive(Parser)]
#[command(name = "cargo xtask", about = "pixtip's project tasks", version = None)]
struct Cli {
    #[command(subcommand)]
    task: Task,
}

#[derive(Subcommand)]
enum Task {
    /// Regenerate the golden fixtures under fixtures/ from numpy, scipy,
    /// Pillow, matplotlib and Altair (installed into target/venv first).
    Fixtures {
        /// Write into target/fixtures-check/ and compare with the committed
        /// fixtures instead (bit for bit; .npz by member; scipy's Gaussian
        /// outputs within 1e-15 relative).
        #[arg(long)]
        check: bool,
        /// Parts to write: filter, random, compose, spec, facade, inputs,
        /// reference; none means all.
        parts: Vec<String>,
    },
    /// Time pixtip and the Python reference on the same inputs, side by
    /// side, and print the ratios.
    BenchCompare {
        /// Parts to time: filter, random, compose, spec, demo, chart,
        /// python; none means all.
        parts: Vec<String>,
    },
    /// Feed mutated inputs through every user-facing parser (`.npy`, `.npz`,
    /// CSV, scales, metrics, shorthands, escaping); fails on a panic.
    Fuzz {
        /// How many inputs in all (underscores allowed: 10_000_000).
        #[arg(default_value = "10_000_000")]
        inputs: String,
        /// Run only these targets (npy, npz, csv, text, png, parquet, ipc,
        /// tiff, hdf5, zarr); each keeps its share of INPUTS.
        #[arg(long = "target")]
        targets: Vec<String>,
    },
    /// Run one fuzz target on one input file (how `fuzz` runs the targets
    /// whose C libraries can crash the process, in a child of their own).
    #[command(hide = true)]
    FuzzOne {
        /// The target.
        target: String,
        /// The input.
        file: std::path::PathBuf,
    },
    /// Read each crate's module graph and fail on a cycle between files or
    /// top-level modules.
    Cycles {
        /// Read the crates of another checkout.
        #[arg(long)]
        root: Option<String>,
        /// Crates to read; none means all.
        crates: Vec<String>,
    },
    /// Make target/venv (the pinned Python tools) and print its interpreter.
    Venv,
    /// Build the Python package into target/venv and run its pytest suite.
    Python {
        /// Arguments passed on to pytest.
        #[arg(trailing_var_arg = true, allow_hyphen_values = true)]
        pytest_args: Vec<String>,
    },
    /// Install what the tests need (npm packages, Chromium, the Python
    /// venv), then run `cargo test --workspace` and the Python tests.
    Test {
        /// Arguments passed on to `cargo test --workspace`.
        #[arg(trailing_var_arg = true, allow_hyphen_values = true)]
        cargo_args: Vec<String>,
    },
}

fn main() -> Result<()> {
    let cli = Cli::parse();
    if matches!(cli.task, Task::BenchCompare { .. } | Task::Fuzz { .. }) && cfg!(debug_assertions) {
        // `cargo xtask` runs in the dev profile so that it shares the test
        // build; timings and ten million fuzz inputs want the release one.
        return rerun_in_release();
    }
    match cli.task {
        Task::Fixtures {
            check: false,
            parts,
        } => fixtures::run(&parts),
        Task::Fixtures { check: true, parts } => fixtures::check(&parts),
        Task::BenchCompare { parts } => bench_compare::run(&parts),
        Task::Fuzz { inputs, targets } => fuzz::run(&inputs, &targets),
        Task::FuzzOne { target, file } => fuzz::run_one(&target, &file),
        Task::Cycles { root, crates } => {
            let mut args: Vec<String> = root.map(|r| vec!["--root".into(), r]).unwrap_or_default();
            args.extend(crates);
            cycles::run(&args)
        }
        Task::Venv => {
            println!("{}", venv::python()?.display());
            Ok(())
        }
        Task::Python { pytest_args } => python_package::test(&pytest_args),
        Task::Test { cargo_args } => test::run(&cargo_args),
    }
}

/// Runs this same command again from a release build of xtask and exits with
/// its status.
fn rerun_in_release() -> Result<()> {
    let status = std::process::Command::new(env!("CARGO"))
        .args(["run", "--release", "--quiet", "--package", "xtask", "--"])
        .args(std::env::args_os().skip(1))
        .current_dir(python::workspace_root())
        .status()
        .map_err(|e| anyhow::anyhow!("could not run cargo: {e}"))?;
    std::process::exit(status.code().unwrap_or(1));
}
