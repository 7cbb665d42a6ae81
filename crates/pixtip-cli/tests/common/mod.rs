//! Running the `pixtip` binary as a user does.

#![allow(clippy::unwrap_used)] // test helpers: a failed unwrap is a failed test

use std::process::{Command, Output};

/// `pixtip ARGS...`, its exit status and both outputs.
pub fn pixtip<S: AsRef<std::ffi::OsStr>>(args: &[S]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_pixtip"))
        .args(args)
        .output()
        .unwrap()
}

/// The run's standard error, as text.
pub fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}
