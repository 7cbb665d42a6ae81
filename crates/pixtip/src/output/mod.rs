//! Writing results to disk: every file is written whole or not at all, and
//! a run's output folder is swapped in whole at the end.
//!
//! A single file goes to a temporary file in the target's own folder and is
//! renamed over the target once written and synced; a run's folder is
//! staged beside its target and renamed in at the end, so a failure, a full
//! disk or an interrupted run never leaves a half-written chart or a mix of
//! old and new files behind.

mod chart_files;
mod files;
mod folders;
mod save;

pub use chart_files::{ChartFiles, SpecPictures, write_chart_files};
pub use files::{write_atomic, write_atomic_with, write_file};
pub use folders::{OUTPUT_MARKER, OutputFolder, StagedFolder};
pub use save::{ChartFormat, Save};
