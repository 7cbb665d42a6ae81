//! `pixtip chart --atlas` as a library call: the chart job's inputs and
//! table in, an atlas folder out, written whole or not at all.

use super::options::{AtlasFields, AtlasOptions};
use super::write::{AtlasOutput, AtlasSummary, write_atlas};
use crate::error::PixtipError;
use crate::job::{ChartJob, ChartKind, PictureMode, build_table};
use crate::output::OutputFolder;
use crate::report::{Progress, WrittenFile};
use crate::table::Column;
use pixtip_spec::HtmlOptions;
use std::path::Path;

/// What an atlas job did.
#[derive(Debug, Clone)]
pub struct AtlasJobSummary {
    /// The files and folders written.
    pub files: Vec<WrittenFile>,
    /// What the atlas holds.
    pub atlas: AtlasSummary,
    /// Rows of the table.
    pub rows: usize,
}

/// Runs `job` as an atlas into `out`: `index.html`, `atlas.vl.json` and
/// `cells/`, staged and swapped in whole like [`run_chart_job`](crate::job::run_chart_job).
/// The job's `x` and `y` must be number columns; its first `picture`
/// column (or the first image column) is the one the atlas shows.
pub fn run_atlas_job(
    job: &ChartJob,
    options: &AtlasOptions,
    out: &Path,
    progress: &mut dyn FnMut(Progress),
) -> Result<AtlasJobSummary, PixtipError> {
    if job.kind != ChartKind::Scatter {
        return Err(PixtipError::Chart(
            "--atlas draws a scatter of --x and --y; it does not combine with --repeat or --switch"
                .into(),
        ));
    }
    let (Some(x), Some(y)) = (&job.x, &job.y) else {
        return Err(PixtipError::Chart(
            "--atlas needs --x FIELD and --y FIELD, two number columns to place the images by"
                .into(),
        ));
    };
    if options.grid == 0 {
        return Err(PixtipError::Chart(
            "--grid 0: the atlas needs at least one cell along each axis".into(),
        ));
    }
    let table = build_table(job, progress)?;
    let images = match job.picture.first() {
        Some(name) => name.clone(),
        None => table
            .column_names()
            .find(|n| matches!(table.column(n), Ok(Column::Images(_))))
            .map(str::to_string)
            .ok_or_else(|| PixtipError::Chart("no image column to draw".into()))?,
    };
    let fields = AtlasFields {
        x: x.clone(),
        y: y.clone(),
        images,
        color: job.color.clone(),
        tooltip: job.tooltip.clone(),
        title: job.title.clone(),
    };
    let output = AtlasOutput {
        picture_files: job.mode == PictureMode::Files,
        html: match &job.offline_js {
            Some(dir) => HtmlOptions::offline(dir),
            None => HtmlOptions::default(),
        },
    };
    let folder = OutputFolder::begin(out, &job.inputs)?;
    let atlas = write_atlas(
        &table,
        &fields,
        options,
        &job.pictures,
        &output,
        folder.path(),
        progress,
    )?;
    let cells_bytes = folder_bytes(&folder.path().join("cells"));
    let json_bytes = std::fs::metadata(folder.path().join("atlas.vl.json")).map_or(0, |m| m.len());
    folder.commit()?;
    Ok(AtlasJobSummary {
        files: vec![
            WrittenFile {
                path: out.join("index.html"),
                bytes: atlas.overview_bytes,
            },
            WrittenFile {
                path: out.join("atlas.vl.json"),
                bytes: json_bytes,
            },
            WrittenFile {
                path: out.join("cells"),
                bytes: cells_bytes,
            },
        ],
        atlas,
        rows: table.rows(),
    })
}

/// Bytes of the files in a folder and its sub-folders.
fn folder_bytes(dir: &Path) -> u64 {
    let mut total = 0;
    let mut folders = vec![dir.to_path_buf()];
    while let Some(folder) = folders.pop() {
        let Ok(entries) = std::fs::read_dir(&folder) else {
            continue;
        };
        for entry in entries.flatten() {
            match entry.metadata() {
                Ok(m) if m.is_dir() => folders.push(entry.path()),
                Ok(m) => total += m.len(),
                Err(_) => {}
            }
        }
    }
    total
}
