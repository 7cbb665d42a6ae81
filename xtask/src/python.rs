//! Running the Python scripts that produce reference vectors and timings.

use anyhow::{Context, Result, bail};
use std::path::{Path, PathBuf};
use std::process::Command;

/// The workspace root: xtask lives one level below it.
pub fn workspace_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .map(Path::to_path_buf)
        .unwrap_or_else(|| PathBuf::from("."))
}

/// The Python interpreter: `$PIXTIP_PYTHON`, else the project's venv
/// (made or updated first).
pub fn interpreter() -> Result<PathBuf> {
    crate::venv::python()
}

/// Runs `xtask/python/<script>` with `args`, from the workspace root, and
/// returns its standard output.
pub fn run_script(script: &str, args: &[&str]) -> Result<String> {
    let root = workspace_root();
    let path = root.join("xtask/python").join(script);
    let python = interpreter()?;
    let output = Command::new(&python)
        .arg(&path)
        .args(args)
        .current_dir(&root)
        .output()
        .with_context(|| format!("could not start {} for {script}", python.display()))?;
    if !output.status.success() {
        bail!(
            "{script} failed ({}):\n{}",
            output.status,
            String::from_utf8_lossy(&output.stderr)
        );
    }
    Ok(String::from_utf8_lossy(&output.stdout).into_owned())
}
