//! `pixtip chart --atlas`: the options and the report of an atlas run.

use crate::flag_errors::in_flags;
use crate::terminal::{print_files, progress_bar, show};
use anyhow::Result;
use clap::Args;
use pixtip::atlas::{AtlasOptions, Summary, run_atlas_job};
use pixtip::job::ChartRequest;
use pixtip::report::Progress;
use std::path::Path;

/// The atlas's own options (flattened into `pixtip chart`).
#[derive(Args)]
pub struct AtlasArgs {
    /// Write an atlas instead of one page: an overview drawn with the images
    /// (DIR/index.html) and a page per grid cell (DIR/cells/), for up to
    /// millions of images.
    #[arg(long)]
    pub atlas: bool,
    /// Cells along each axis of the atlas's grid.
    #[arg(long, default_value_t = 48, value_name = "N", requires = "atlas")]
    pub grid: usize,
    /// Members shown in a cell's montage besides its mean image.
    #[arg(long, default_value_t = 8, value_name = "K", requires = "atlas")]
    pub samples: usize,
    /// The most points a cell's page shows; larger cells show an even sample.
    #[arg(long, default_value_t = 20_000, value_name = "M", requires = "atlas")]
    pub detail_max: usize,
    /// What marks a cell on the overview: the member nearest the cell's
    /// mean image (representative) or the mean image itself (mean).
    #[arg(long, value_enum, default_value_t = SummaryArg::Representative, requires = "atlas")]
    pub summary: SummaryArg,
    /// Write a page even when it is larger than a browser opens (over
    /// 300,000 points or about 200 MB).
    #[arg(long)]
    pub force_large_page: bool,
}

#[derive(Clone, Copy, clap::ValueEnum)]
pub enum SummaryArg {
    Representative,
    Mean,
}

/// Runs the atlas and prints what it holds.
pub fn run(request: &ChartRequest, args: &AtlasArgs, out: &Path) -> Result<()> {
    let options = AtlasOptions {
        grid: args.grid,
        samples: args.samples,
        detail_max: args.detail_max.max(1),
        summary: match args.summary {
            SummaryArg::Representative => Summary::Representative,
            SummaryArg::Mean => Summary::Mean,
        },
        ..AtlasOptions::default()
    };
    let bar = progress_bar();
    let summary = run_atlas_job(request, &options, out, &mut |progress: Progress| {
        show(&bar, progress)
    })
    .map_err(in_flags)?;
    bar.finish_and_clear();
    let atlas = &summary.atlas;
    println!(
        "{} rows; {} placed in {} cells of a {}x{} grid (cell side {}); {} left out (NaN or infinite x or y)",
        summary.rows,
        atlas.placed,
        atlas.cells,
        atlas.grid.size,
        atlas.grid.size,
        atlas.grid.side,
        atlas.left_out
    );
    println!(
        "largest cell: {} images; {} cell pages show an even sample of {}",
        atlas.largest_cell, atlas.sampled_cells, options.detail_max
    );
    println!("wrote:");
    print_files(&summary.files);
    Ok(())
}
