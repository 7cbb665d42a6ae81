//! A chart request run into an output folder, written whole or not at all.

use super::make::{MadeChart, make_chart};
use super::request::{ChartRequest, JobSummary, PictureMode};
use super::table::build_table;
use crate::error::PixtipError;
use crate::output::{ChartFiles, OutputFolder, SpecPictures, write_chart_files};
use crate::pictures::PictureStorage;
use crate::report::{Progress, SizeReport, WrittenFile};
use crate::table::TableColumn;
use pixtip_spec::HtmlOptions;
use std::path::Path;

const PICTURE_FOLDER: &str = "pictures";

/// Runs the request into `out`: `chart.vl.json`, `chart.html` and, with picture
/// files, `pictures/`. The whole folder is written under a temporary name
/// and swapped into place at the end ([`OutputFolder`]): a failed or killed
/// run leaves the previous output or none.
pub fn run_chart_job(
    request: &ChartRequest,
    out: &Path,
    progress: &mut dyn FnMut(Progress),
) -> Result<JobSummary, PixtipError> {
    let mut table = build_table(request, progress)?;
    let rows = table.rows();
    let folder = OutputFolder::begin(out, &request.inputs)?;
    let storage = match request.picture_mode {
        PictureMode::Files => {
            let dir = folder.path().join(PICTURE_FOLDER);
            std::fs::create_dir(&dir).map_err(|source| PixtipError::Io {
                path: dir.clone(),
                source,
            })?;
            PictureStorage::files(dir, PICTURE_FOLDER)
        }
        // Embedded pictures wait in a temporary file until the page is
        // written, so memory holds 8 bytes a row of them, not the pictures.
        PictureMode::Embed => PictureStorage::DataUriSpooled {
            dir: folder.path().to_path_buf(),
        },
    };
    let MadeChart {
        chart,
        picture_fields,
        picture_bytes,
    } = make_chart(request, &mut table, &storage, progress)?;
    progress(Progress {
        stage: "charts",
        done: 0,
        total: 1,
    });
    // Canvas, not SVG: a large chart renders about twice as fast and shows a
    // hovered picture many times sooner (issue 16's measurements).
    let html_options = match &request.offline_scripts {
        Some(dir) => HtmlOptions::offline(dir),
        None => HtmlOptions::default(),
    }
    .canvas();
    let field_refs: Vec<&str> = picture_fields.iter().map(String::as_str).collect();
    let mut files = Vec::new();
    if request.picture_mode == PictureMode::Files {
        files.push(WrittenFile {
            path: out.join(PICTURE_FOLDER),
            bytes: picture_bytes,
        });
    }
    // Embedded pictures go into the page; the spec file leaves them out
    // unless asked (the table's picture fields, by their data keys).
    let left_out: Vec<&str> = if request.picture_mode == PictureMode::Embed
        && request.spec_pictures == SpecPictures::InPageOnly
    {
        field_refs.clone()
    } else {
        Vec::new()
    };
    let mut left_out_bytes = 0u64;
    for field in &left_out {
        left_out_bytes += match table.column(field)? {
            TableColumn::SpooledPictures(spool) => spool.text_bytes() + 2 * spool.len() as u64,
            _ => {
                let texts = table.text(field)?;
                texts.text_bytes() as u64 + 2 * texts.len() as u64
            }
        };
    }
    let chart_files = ChartFiles {
        name: "chart",
        picture_fields: &field_refs,
        left_out: &left_out,
        left_out_bytes,
    };
    let (written, size) = write_chart_files(
        &chart,
        folder.path(),
        out,
        "chart",
        &chart_files,
        &html_options,
    )?;
    files.extend(written);
    // A picture that could not be read back was written as null: fail.
    for field in &field_refs {
        if let Ok(TableColumn::SpooledPictures(spool)) = table.column(field)
            && let Some(source) = spool.take_error()
        {
            return Err(PixtipError::Io {
                path: folder.path().to_path_buf(),
                source,
            });
        }
    }
    folder.commit()?;
    Ok(JobSummary {
        files,
        size_report: SizeReport {
            charts: vec![size],
            raw_array_bytes: 0,
            picture_file_bytes: if request.picture_mode == PictureMode::Files {
                picture_bytes
            } else {
                0
            },
        },
        rows,
    })
}
