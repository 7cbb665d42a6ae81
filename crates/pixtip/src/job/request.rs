//! What a chart job is told, and what it reports.

use crate::error::PixtipError;
use crate::load::CsvOptions;
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
