//! An atlas of a chart request (`pixtip chart --atlas`): the request's
//! inputs and table in, an atlas folder out, written whole or not at all.

use super::options::{AtlasFields, AtlasOptions};
use super::write::{AtlasOutput, AtlasSummary, write_atlas};
use crate::error::{AtlasError, PixtipError, RequestError};
use crate::job::{ChartKind, ChartRequest, PictureMode, build_table};
use crate::output::OutputFolder;
use crate::report::{Progress, WrittenFile};
use crate::table::TableColumn;
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

/// Runs `request` as an atlas into `out`: `index.html`, `atlas.vl.json` and
/// `cells/`, staged and swapped in whole like [`run_chart_job`](crate::job::run_chart_job).
/// The request's `x` and `y` must be number columns; its first picture source
/// column (or the first image column) is the one the atlas shows.
pub fn run_atlas_job(
    request: &ChartRequest,
    options: &AtlasOptions,
    out: &Path,
    progress: &mut dyn FnMut(Progress),
) -> Result<AtlasJobSummary, PixtipError> {
    if request.chart != ChartKind::Scatter {
        return Err(RequestError::AtlasNotScatter {
            chart: request.chart.name(),
        }
        .into());
    }
    let (Some(x), Some(y)) = (&request.x, &request.y) else {
        return Err(RequestError::AtlasNeedsXY.into());
    };
    if options.grid == 0 {
        return Err(RequestError::EmptyGrid.into());
    }
    let table = build_table(request, progress)?;
    let images = match request.picture_sources.first() {
        Some(name) => name.clone(),
        None => table
            .column_names()
            .find(|n| matches!(table.column(n), Ok(TableColumn::Images(_))))
            .map(str::to_string)
            .ok_or(AtlasError::NoImageColumn)?,
    };
    let fields = AtlasFields {
        x: x.clone(),
        y: y.clone(),
        images,
        color: request.color.clone(),
        tooltip: request.tooltip.clone(),
        title: request.title.clone(),
    };
    let output = AtlasOutput {
        picture_files: request.picture_mode == PictureMode::Files,
        html: match &request.offline_scripts {
            Some(dir) => HtmlOptions::offline(dir),
            None => HtmlOptions::default(),
        },
    };
    let folder = OutputFolder::begin(out, &request.inputs)?;
    let atlas = write_atlas(
        &table,
        &fields,
        options,
        &request.picture_options,
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
