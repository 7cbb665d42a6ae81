//! pixtip-tutorial: the Altair tutorial ["Displaying Numpy Images in
//! Tooltips"](https://altair-viz.github.io/case_studies/numpy-tooltip-images.html),
//! reproduced with pixtip.
//!
//! **For**: the tutorial's own data and run: [`blobs`] makes its synthetic
//! blob images number for number from the tutorial's seed, and [`demo`] runs
//! it end to end (`pixtip demo`): areas, tooltip pictures, both charts
//! ([`demo::charts`]: the facade's charts with the tutorial's columns and
//! titles), their pages, `areas.csv` and `arrays.npz`. [`blobs::MemoryBudget`]
//! keeps the demo's sizes within the machine's memory.
//!
//! **Not for**: users' own images, which the `pixtip` facade loads, measures
//! and charts; this crate only shows the facade at work on the tutorial.
//!
//! ```
//! use pixtip_tutorial::demo::{DemoOptions, run_demo};
//! let out = tempfile::tempdir()?;
//! let options = DemoOptions { rows: 4, width: 24, ..DemoOptions::default() };
//! let summary = run_demo(out.path(), &options, &mut |_| {})?;
//! assert!(out.path().join("comparison.html").exists());
//! assert_eq!(summary.table.rows(), 4);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

pub mod blobs;
pub mod demo;
mod error;

pub use error::TutorialError;
