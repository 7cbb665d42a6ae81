//! What the command line shows: progress bars, written files, pages opened.

use anyhow::{Context, Result};
use indicatif::{ProgressBar, ProgressStyle};
use pixtip::report::{Progress, WrittenFile};
use std::path::Path;

/// indicatif draws only when stderr is a terminal, so piped runs stay clean.
pub(crate) fn progress_bar() -> ProgressBar {
    let bar = ProgressBar::new(0);
    bar.set_style(
        ProgressStyle::with_template("{msg:>10} [{bar:30}] {pos}/{len}")
            .unwrap_or_else(|_| ProgressStyle::default_bar())
            .progress_chars("=> "),
    );
    bar
}

pub(crate) fn show(bar: &ProgressBar, progress: Progress) {
    bar.set_message(progress.stage);
    bar.set_length(progress.total as u64);
    bar.set_position(progress.done as u64);
}

pub(crate) fn print_files(files: &[WrittenFile]) {
    for file in files {
        println!("  {:>10}  {}", human_bytes(file.bytes), file.path.display());
    }
}

pub(crate) fn human_bytes(bytes: u64) -> String {
    match bytes {
        b if b >= 1 << 20 => format!("{:.1} MiB", b as f64 / f64::from(1 << 20)),
        b if b >= 1 << 10 => format!("{:.1} KiB", b as f64 / f64::from(1 << 10)),
        b => format!("{b} B"),
    }
}

pub(crate) fn open_in_browser(page: &Path) -> Result<()> {
    let opener = if cfg!(target_os = "macos") {
        "open"
    } else if cfg!(windows) {
        "explorer"
    } else {
        "xdg-open"
    };
    std::process::Command::new(opener)
        .arg(page)
        .spawn()
        .with_context(|| format!("could not run {opener} to open {}", page.display()))?;
    Ok(())
}
