//! What a chart is asked for, and what making it reports.

use crate::error::{PixtipError, RequestError};
use crate::load::TableOptions;
use crate::metrics::Metric;
use crate::output::SpecPictures;
use crate::pictures::PictureOptions;
use crate::report::{SizeReport, WrittenFile};
use std::path::PathBuf;

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
        let bad = |why: &str| {
            PixtipError::from(RequestError::BadMetric {
                text: text.to_string(),
                why: why.to_string(),
            })
        };
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
    /// Strip plots side by side, one per field, grouped along x.
    Repeat(Vec<String>),
    /// One chart whose dropdown switches between these fields.
    Switch(Vec<String>),
}

impl ChartKind {
    /// What errors call the chart: `scatter`, `repeat`, `switch`.
    pub fn name(&self) -> &'static str {
        match self {
            ChartKind::Scatter => "scatter",
            ChartKind::Repeat(_) => "repeat",
            ChartKind::Switch(_) => "switch",
        }
    }
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

/// A chart asked of image inputs and a table: what to read, what to chart,
/// how to make the pictures and where they go. `pixtip chart` fills one from
/// its flags, the Python package from its arguments; [`run_chart_job`]
/// writes it, [`RequestError`] says what it lacks.
///
/// [`run_chart_job`]: super::run_chart_job
#[derive(Debug, Clone, Default)]
pub struct ChartRequest {
    /// `.npy`, `.npz`, TIFF files, HDF5 datasets, Zarr arrays and image
    /// folders; row i of each is row i. A Parquet or Arrow file among them
    /// is the table (when `table` is not given), its image columns included.
    pub inputs: Vec<PathBuf>,
    /// A CSV, Parquet or Arrow IPC table whose row i describes image i.
    pub table: Option<PathBuf>,
    /// How the table is read: types given for its columns, and the shape
    /// of one image in its list columns of numbers.
    pub table_options: TableOptions,
    /// The table column naming each row's file in the (single) image folder.
    pub file_name_column: Option<String>,
    /// The chart: a scatter, strip plots or a metric switch.
    pub chart: ChartKind,
    /// The scatter's x field, or the groups along x of the other charts.
    pub x: Option<String>,
    /// The scatter's y field.
    pub y: Option<String>,
    /// The colour field.
    pub color: Option<String>,
    /// More fields in the tooltip.
    pub tooltip: Vec<String>,
    /// The chart's title.
    pub title: Option<String>,
    /// Image columns shown side by side in each picture (default: the first).
    pub picture_sources: Vec<String>,
    /// Metric columns to compute before charting.
    pub metrics: Vec<MetricSpec>,
    /// How pictures are made.
    pub picture_options: PictureOptions,
    /// Where pictures go: into the page, or into files beside it.
    pub picture_mode: PictureMode,
    /// Inline vega's scripts from this `node_modules` folder (otherwise
    /// the page loads them from a CDN).
    pub offline_scripts: Option<PathBuf>,
    /// Whether `chart.vl.json` repeats the pictures embedded in the page.
    pub spec_pictures: SpecPictures,
    /// Write the page even when it is larger than a browser opens.
    pub allow_large_page: bool,
}

/// What [`run_chart_job`](super::run_chart_job) did.
#[derive(Debug, Clone)]
pub struct JobSummary {
    /// Every file written, in order (the picture folder as one entry).
    pub files: Vec<WrittenFile>,
    /// Sizes of the chart with and without pictures.
    pub size_report: SizeReport,
    /// The rows charted.
    pub rows: usize,
}
