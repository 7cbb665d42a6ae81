//! `pixtip chart` as a library call: inputs and a table in, a chart with
//! picture tooltips out, written whole or not at all.

use crate::charts::{self, ChartOptions, PictureLookup, ScatterOptions};
use crate::error::PixtipError;
use crate::images::ImageColumn;
use crate::load::{
    CsvOptions, ImageFolder, TableOptions, is_table_file, read_images, read_table, split_zarr_input,
};
use crate::metrics::Metric;
use crate::output::{ChartFiles, OutputFolder, SpecPictures, write_chart_files};
use crate::page_size::{PageLimits, estimate_page};
use crate::pictures::{PictureOptions, PictureStorage};
use crate::report::{Progress, SizeReport, WrittenFile};
use crate::table::{Column, ImageTable};
use pixtip_spec::{AnyChart, HtmlOptions};
use std::path::{Path, PathBuf};

/// A metric column to compute: `name = metric(source)`.
#[derive(Debug, Clone, PartialEq)]
pub struct MetricSpec {
    /// The new column.
    pub name: String,
    /// The image column measured.
    pub source: String,
    /// What is measured.
    pub metric: Metric,
}

impl MetricSpec {
    /// Parses `NAME=COLUMN:KIND[:ARG]` (`area=cells:fraction_above:0.4`).
    pub fn parse(text: &str) -> Result<MetricSpec, PixtipError> {
        let bad = |why: &str| PixtipError::Chart(format!("--metric `{text}`: {why}"));
        let (name, rest) = text
            .split_once('=')
            .ok_or_else(|| bad("expected NAME=COLUMN:KIND[:ARG]"))?;
        let (source, kind) = rest
            .split_once(':')
            .ok_or_else(|| bad("expected NAME=COLUMN:KIND[:ARG]"))?;
        if name.is_empty() || source.is_empty() {
            return Err(bad("the name and the column must not be empty"));
        }
        let metric = Metric::parse(kind).map_err(|why| bad(&why))?;
        Ok(MetricSpec {
            name: name.to_string(),
            source: source.to_string(),
            metric,
        })
    }
}

/// Which chart to make.
#[derive(Debug, Clone, PartialEq, Default)]
pub enum ChartKind {
    /// A scatter of `x` against `y` (defaults: `index`, and the first metric
    /// or number column).
    #[default]
    Scatter,
    /// The tutorial's strip plots, one per field, grouped along x.
    Repeat(Vec<String>),
    /// The tutorial's dropdown chart switching between these fields.
    Switch(Vec<String>),
}

/// Whether pictures go inside the chart or into files beside it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum PictureMode {
    /// As data URIs inside the chart.
    #[default]
    Embed,
    /// As PNG files in `DIR/pictures/`.
    Files,
}

/// Everything `pixtip chart` is told.
#[derive(Debug, Clone, Default)]
pub struct ChartJob {
    /// `.npy`, `.npz`, TIFF files and image folders; row i of each is row
    /// i. A Parquet or Arrow file among them is the table (when `table` is
    /// not given), its image columns included.
    pub inputs: Vec<PathBuf>,
    /// A CSV, Parquet or Arrow IPC table whose row i describes image i.
    pub table: Option<PathBuf>,
    /// The table column naming each row's file in the (single) image folder.
    pub file_column: Option<String>,
    /// Types given for table columns.
    pub csv: CsvOptions,
    /// The shape of one image in a table's list columns of numbers.
    pub shape: Option<Vec<usize>>,
    /// Fields on the axes (scatter), or the groups (repeat, switch).
    pub x: Option<String>,
    /// The scatter's y field.
    pub y: Option<String>,
    /// Colour field.
    pub color: Option<String>,
    /// More tooltip fields.
    pub tooltip: Vec<String>,
    /// Chart title.
    pub title: Option<String>,
    /// Image columns shown side by side in each picture (default: the first).
    pub picture: Vec<String>,
    /// Metric columns to compute.
    pub metrics: Vec<MetricSpec>,
    /// The chart kind.
    pub kind: ChartKind,
    /// How pictures are made.
    pub pictures: PictureOptions,
    /// Where pictures go.
    pub mode: PictureMode,
    /// Inline vega's scripts from this `node_modules`.
    pub offline_js: Option<PathBuf>,
    /// Whether `chart.vl.json` repeats the pictures embedded in the page.
    pub spec_pictures: SpecPictures,
    /// Write the page even when it is larger than a browser opens.
    pub force_large_page: bool,
}

/// What a chart job did.
#[derive(Debug, Clone)]
pub struct JobSummary {
    /// Every file written, in order (the picture folder as one entry).
    pub files: Vec<WrittenFile>,
    /// Sizes of the chart with and without pictures.
    pub size_report: SizeReport,
    /// The rows charted.
    pub rows: usize,
}

const PICTURE_FOLDER: &str = "pictures";

/// The table a job charts: the CSV's columns, the image columns, `index`,
/// and the metrics.
pub fn build_table(
    job: &ChartJob,
    progress: &mut dyn FnMut(Progress),
) -> Result<ImageTable, PixtipError> {
    if job.inputs.is_empty() {
        return Err(PixtipError::Chart(
            "no input: give a .npy, a .npz, a TIFF, an HDF5 dataset, a Zarr array, a table or a folder of images".into(),
        ));
    }
    // A Parquet or Arrow input is the table, and may hold the images.
    let mut table_path = job.table.clone();
    let mut image_inputs = Vec::new();
    for input in &job.inputs {
        if is_table_file(input) && !input.is_dir() {
            if let Some(other) = &table_path {
                return Err(PixtipError::Chart(format!(
                    "{} is a table, and {} is the table already: give one",
                    input.display(),
                    other.display()
                )));
            }
            table_path = Some(input.clone());
        } else {
            image_inputs.push(input);
        }
    }
    let table_options = TableOptions {
        types: job.csv.types.clone(),
        shape: job.shape.clone(),
    };
    let mut table = match &table_path {
        Some(path) => read_table(path, &table_options)?,
        None => ImageTable::new(),
    };
    let table_name = table_path
        .as_ref()
        .map_or_else(|| "the table".to_string(), |p| p.display().to_string());
    let mut images: Vec<(String, ImageColumn, String)> = Vec::new();
    for input in image_inputs {
        progress(Progress {
            stage: "images",
            done: images.len(),
            total: job.inputs.len(),
        });
        let columns = match (&job.file_column, input.is_dir()) {
            (Some(file_column), true) if split_zarr_input(input).is_none() => {
                if table_path.is_none() {
                    return Err(PixtipError::Chart("--file-column needs --table".into()));
                }
                let names = table.text(file_column)?.to_vec();
                let folder = ImageFolder::with_names(input, &names, file_column)?;
                let name = input
                    .file_name()
                    .map_or_else(|| "images".into(), |n| n.to_string_lossy().into_owned());
                vec![(name, ImageColumn::from_source(folder))]
            }
            _ => read_images(input)?,
        };
        for (name, column) in columns {
            images.push((name, column, input.display().to_string()));
        }
    }
    let has_table = table_path.is_some();
    if images.is_empty() && image_columns(&table).is_empty() {
        return Err(PixtipError::Chart(format!(
            "{table_name} holds no image column (binary or struct<bytes, path> cells of PNG/JPEG/TIFF, or number lists with --shape) and no images are given"
        )));
    }
    if let Some((first_name, first, first_origin)) = images.first() {
        for (name, column, origin) in &images {
            if column.len() != first.len() {
                return Err(PixtipError::RowCounts {
                    first: format!("{first_origin} (`{first_name}`)"),
                    first_rows: first.len(),
                    second: format!("{origin} (`{name}`)"),
                    second_rows: column.len(),
                });
            }
        }
        if has_table && table.rows() != first.len() {
            return Err(PixtipError::RowCounts {
                first: table_name,
                first_rows: table.rows(),
                second: format!("{first_origin} (`{first_name}`)"),
                second_rows: first.len(),
            });
        }
    }
    for (name, column, origin) in images {
        table.add_images(name.clone(), column).map_err(|e| match e {
            PixtipError::DuplicateColumn { name } => PixtipError::Chart(format!(
                "{origin} gives an image column `{name}`, a name already taken; rename the file or the table's column"
            )),
            other => other,
        })?;
    }
    add_index_and_metrics(job, &mut table, progress)?;
    Ok(table)
}

/// Adds what every charted table has after its own columns and images: an
/// `index` column (0, 1, …) unless the table has one, then `job.metrics`.
pub fn add_index_and_metrics(
    job: &ChartJob,
    table: &mut ImageTable,
    progress: &mut dyn FnMut(Progress),
) -> Result<(), PixtipError> {
    if table.column("index").is_err() {
        let rows = table.rows();
        table.add_numbers("index", (0..rows).map(|i| i as f64).collect())?;
    }
    for (done, spec) in job.metrics.iter().enumerate() {
        progress(Progress {
            stage: "metrics",
            done,
            total: job.metrics.len(),
        });
        table.add_metric(spec.name.clone(), &spec.source, spec.metric)?;
    }
    Ok(())
}

fn image_columns(table: &ImageTable) -> Vec<String> {
    table
        .column_names()
        .filter(|n| matches!(table.column(n), Ok(Column::Images(_))))
        .map(str::to_string)
        .collect()
}

/// Runs the job into `out`: `chart.vl.json`, `chart.html` and, with picture
/// files, `pictures/`. The whole folder is written under a temporary name
/// and swapped into place at the end ([`OutputFolder`]): a failed or killed
/// run leaves the previous output or none.
pub fn run_chart_job(
    job: &ChartJob,
    out: &Path,
    progress: &mut dyn FnMut(Progress),
) -> Result<JobSummary, PixtipError> {
    let mut table = build_table(job, progress)?;
    let rows = table.rows();
    let folder = OutputFolder::begin(out, &job.inputs)?;
    let storage = match job.mode {
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
    } = make_chart(job, &mut table, &storage, progress)?;
    progress(Progress {
        stage: "charts",
        done: 0,
        total: 1,
    });
    // Canvas, not SVG: a large chart renders about twice as fast and shows a
    // hovered picture many times sooner (issue 16's measurements).
    let html_options = match &job.offline_js {
        Some(dir) => HtmlOptions::offline(dir),
        None => HtmlOptions::default(),
    }
    .canvas();
    let field_refs: Vec<&str> = picture_fields.iter().map(String::as_str).collect();
    let mut files = Vec::new();
    if job.mode == PictureMode::Files {
        files.push(WrittenFile {
            path: out.join(PICTURE_FOLDER),
            bytes: picture_bytes,
        });
    }
    // Embedded pictures go into the page; the spec file leaves them out
    // unless asked (the table's picture fields, by their data keys).
    let left_out: Vec<&str> =
        if job.mode == PictureMode::Embed && job.spec_pictures == SpecPictures::InPageOnly {
            field_refs.clone()
        } else {
            Vec::new()
        };
    let mut left_out_bytes = 0u64;
    for field in &left_out {
        left_out_bytes += match table.column(field)? {
            Column::SpooledPictures(spool) => spool.text_bytes() + 2 * spool.len() as u64,
            _ => table.text(field)?.iter().map(|r| r.len() as u64 + 2).sum(),
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
        if let Ok(Column::SpooledPictures(spool)) = table.column(field)
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
            picture_file_bytes: if job.mode == PictureMode::Files {
                picture_bytes
            } else {
                0
            },
        },
        rows,
    })
}

/// A chart made by [`make_chart`].
#[derive(Debug, Clone)]
pub struct MadeChart {
    /// The chart.
    pub chart: AnyChart,
    /// The picture columns its tooltips show.
    pub picture_fields: Vec<String>,
    /// The PNG bytes of the pictures made for it.
    pub picture_bytes: u64,
}

/// The chart a job asks for, from a `table` that already holds its columns,
/// images, `index` and metrics ([`build_table`], or a table made in memory):
/// adds the picture columns the chart shows, stored as `storage` says, then
/// builds the scatter, repeat or switch chart. [`run_chart_job`] and the
/// Python package both make their charts here.
pub fn make_chart(
    job: &ChartJob,
    table: &mut ImageTable,
    storage: &PictureStorage,
    progress: &mut dyn FnMut(Progress),
) -> Result<MadeChart, PixtipError> {
    let all_images = image_columns(table);
    let shown: Vec<String> = if job.picture.is_empty() {
        all_images.iter().take(1).cloned().collect()
    } else {
        job.picture.clone()
    };
    let mut picture_bytes = 0u64;
    let mut make_pictures = |table: &mut ImageTable, name: &str, sources: &[&str]| {
        let mut report = |done, total| {
            progress(Progress {
                stage: "pictures",
                done,
                total,
            })
        };
        let summary =
            table.add_pictures_with_progress(name, sources, &job.pictures, storage, &mut report)?;
        picture_bytes += summary.bytes.png as u64;
        Ok::<(), PixtipError>(())
    };
    let picture = table.free_name("picture");
    let sources: Vec<&str> = shown.iter().map(String::as_str).collect();
    if !job.force_large_page {
        let embed = job.mode == PictureMode::Embed;
        estimate_page(table, &sources, &job.pictures, embed)?.check(&PageLimits::default())?;
    }
    make_pictures(table, &picture, &sources)?;

    let chart_options = |default_title: &str| ChartOptions {
        title: job
            .title
            .clone()
            .unwrap_or_else(|| default_title.to_string()),
        ..ChartOptions::comparison()
    };
    let group = || {
        job.x.clone().or_else(|| job.color.clone()).ok_or_else(|| {
            PixtipError::Chart("--repeat and --switch need --x FIELD, the groups along x".into())
        })
    };
    let (chart, picture_fields): (AnyChart, Vec<String>) = match &job.kind {
        ChartKind::Scatter => {
            let x = job.x.clone().unwrap_or_else(|| "index".into());
            let y = match &job.y {
                Some(y) => y.clone(),
                None => default_y(table, job)?,
            };
            let options = ScatterOptions {
                color: job.color.clone(),
                tooltip: job.tooltip.clone(),
                title: job.title.clone(),
                size: None,
            };
            let chart = charts::scatter(table, &x, &y, Some(&picture), &options)?;
            (chart.into(), vec![picture.clone()])
        }
        ChartKind::Repeat(fields) => {
            let group = group()?;
            let fields: Vec<&str> = fields.iter().map(String::as_str).collect();
            let chart = charts::comparison(
                table,
                &fields,
                &group,
                &picture,
                &chart_options("Comparison"),
            )?;
            (chart.into(), vec![picture.clone()])
        }
        ChartKind::Switch(fields) => {
            let group = group()?;
            // Each field shows the picture of the image column it measures,
            // or the default picture when it does not come from a metric.
            let mut pairs = Vec::new();
            let mut made: Vec<(String, String)> = Vec::new();
            for field in fields {
                let source = job
                    .metrics
                    .iter()
                    .find(|m| &m.name == field)
                    .map(|m| m.source.clone());
                let picture_of = match source {
                    Some(source) if shown != [source.clone()] => {
                        match made.iter().find(|(s, _)| *s == source) {
                            Some((_, p)) => p.clone(),
                            None => {
                                // Picture columns keep their names as data keys,
                                // so the spec file can leave them out by name.
                                let wanted = format!("{source}_picture");
                                let wanted = if charts::is_safe_key(&wanted) {
                                    wanted
                                } else {
                                    "picture".to_string()
                                };
                                let name = table.free_name(&wanted);
                                make_pictures(table, &name, &[&source])?;
                                made.push((source, name.clone()));
                                name
                            }
                        }
                    }
                    _ => picture.clone(),
                };
                pairs.push((field.clone(), picture_of));
            }
            let refs: Vec<(&str, &str)> = pairs
                .iter()
                .map(|(m, p)| (m.as_str(), p.as_str()))
                .collect();
            let chart = charts::metric_switch(
                table,
                &refs,
                &group,
                &PictureLookup::Explicit,
                &chart_options("Metric"),
            )?;
            let mut fields: Vec<String> = pairs.into_iter().map(|(_, p)| p).collect();
            fields.dedup();
            (chart.into(), fields)
        }
    };
    Ok(MadeChart {
        chart,
        picture_fields,
        picture_bytes,
    })
}

/// The scatter's y when none is given: the first metric, else the first
/// number column of the table other than `index`.
fn default_y(table: &ImageTable, job: &ChartJob) -> Result<String, PixtipError> {
    if let Some(metric) = job.metrics.first() {
        return Ok(metric.name.clone());
    }
    table
        .column_names()
        .find(|n| *n != "index" && matches!(table.column(n), Ok(Column::Numbers(_))))
        .map(str::to_string)
        .ok_or_else(|| {
            PixtipError::Chart(
                "nothing to plot on y: give --y FIELD, a --table with numbers, or a --metric"
                    .into(),
            )
        })
}
