//! The command line's arguments, as clap reads them, and the parsers that
//! turn a malformed value into a bad argument.

use crate::atlas;
use crate::flag_errors::in_flags;
use anyhow::{Context, Result, bail};
use clap::{Args, Parser, Subcommand};
use pixtip::Scaling;
use pixtip::compose::Colormap;
use pixtip::encode::Preset;
use pixtip::job::MetricSpec;
use pixtip::spec::FieldType;
use pixtip_random::Seed;
use std::path::PathBuf;

/// Images in ndarray arrays to Vega-Lite charts whose tooltips show the images.
#[derive(Parser)]
#[command(name = "pixtip", version, about)]
pub(crate) struct Cli {
    #[command(subcommand)]
    pub(crate) command: Command,
}

#[derive(Subcommand)]
pub(crate) enum Command {
    /// Reproduce the Altair tutorial: blob images, their areas, and two charts
    /// whose tooltips show the images.
    Demo(DemoArgs),
    /// Chart your own images: .npy/.npz stacks, multi-page TIFFs, HDF5
    /// datasets, Zarr arrays or image folders, with a CSV, Parquet or Arrow table (which may hold the images
    /// itself), as a chart whose tooltips show the images.
    #[command(after_help = CHART_EXAMPLES)]
    Chart(Box<ChartArgs>),
}

/// One line per input format, shown after `pixtip chart --help`.
const CHART_EXAMPLES: &str = "\
Inputs, one example each:
  .npy stack          pixtip chart cells.npy --table cells.csv --out out
  .npz archive        pixtip chart arrays.npz --picture image1,image2 --out out
  image folder        pixtip chart shots/ --table shots.csv --file-column file --out out
  multi-page TIFF     pixtip chart stack.tif --out out            (page i is row i)
  HDF5 dataset        pixtip chart cells.h5:/group/images --table cells.csv --out out
  Zarr array          pixtip chart cells.zarr/images --out out    (v2 or v3)
  OME-Zarr image      pixtip chart image.ome.zarr --out out       (its first level)
  Parquet + images    pixtip chart data.parquet --picture image --x a --y b --out out
  Arrow IPC/Feather   pixtip chart data.feather --picture image --out out
  Arrow IPC stream    pixtip chart cache.arrow --picture image --out out
  number-list column  pixtip chart mnist.parquet --picture pixels --shape 28,28 --out out";

#[derive(Args)]
pub(crate) struct ChartArgs {
    /// .npy files (a column named after the file), .npz files (a column per
    /// key), TIFF files (a column of their pages), HDF5 datasets
    /// (file.h5:/group/dataset, or file.h5 holding one dataset), Zarr v2/v3
    /// arrays (store.zarr/path, store.zarr for a root array or an OME-Zarr
    /// group's first level), each a column named after the dataset or
    /// array, folders of PNG/TIFF/JPEG
    /// images (a column named after the folder), or one Parquet / Arrow IPC
    /// file or stream (.parquet, .arrow, .feather, .arrows) table whose binary
    /// or struct<bytes, path> columns of PNG/JPEG/TIFF bytes are image
    /// columns. Row i of every input is row i.
    #[arg(required = true, value_name = "INPUT")]
    pub(crate) inputs: Vec<PathBuf>,
    /// Folder to write chart.vl.json, chart.html (and pictures/) into.
    #[arg(long, value_name = "DIR")]
    pub(crate) out: PathBuf,
    /// A CSV, Parquet or Arrow IPC table whose row i describes image i.
    #[arg(long, value_name = "FILE")]
    pub(crate) table: Option<PathBuf>,
    /// The shape of one image in a table's list columns of numbers (H,W or
    /// H,W,C): with it they are image columns.
    #[arg(long, value_name = "H,W[,C]", value_delimiter = ',')]
    pub(crate) shape: Option<Vec<usize>>,
    /// The table column naming each row's file in the image folder.
    #[arg(long, value_name = "NAME", requires = "table")]
    pub(crate) file_column: Option<String>,
    /// Types of table columns, as NAME:Q|N|O|T (repeatable).
    #[arg(long = "type", value_name = "NAME:TYPE", value_parser = parse_type)]
    pub(crate) types: Vec<(String, FieldType)>,
    /// The x field (scatter), or the groups along x (--repeat, --switch).
    #[arg(long, value_name = "FIELD")]
    pub(crate) x: Option<String>,
    /// The y field of the scatter.
    #[arg(long, value_name = "FIELD")]
    pub(crate) y: Option<String>,
    /// Colour the points by this field.
    #[arg(long, value_name = "FIELD")]
    pub(crate) color: Option<String>,
    /// More fields in the tooltip, comma-separated.
    #[arg(long, value_name = "FIELD,...", value_delimiter = ',')]
    pub(crate) tooltip: Vec<String>,
    /// The chart's title.
    #[arg(long, value_name = "TEXT")]
    pub(crate) title: Option<String>,
    /// Image columns shown side by side in each tooltip (default: the first).
    #[arg(long, value_name = "COLUMN,...", value_delimiter = ',')]
    pub(crate) picture: Vec<String>,
    /// A metric column computed per image: NAME=COLUMN:KIND or NAME=COLUMN:KIND:ARG, KIND one of
    /// fraction_above:T, mean, min, max, sum (repeatable).
    #[arg(long, value_name = "NAME=COLUMN:KIND[:ARG]", value_parser = parse_metric)]
    pub(crate) metric: Vec<MetricSpec>,
    /// Strip plots of these fields side by side, grouped along --x.
    #[arg(
        long,
        value_name = "FIELD,...",
        value_delimiter = ',',
        conflicts_with = "switch"
    )]
    pub(crate) repeat: Vec<String>,
    /// One chart with a dropdown switching between these fields.
    #[arg(long, value_name = "FIELD,...", value_delimiter = ',')]
    pub(crate) switch: Vec<String>,
    /// Values to 8-bit levels: auto, unit, global, per-image, range:LO,HI, percentile:LO,HI.
    #[arg(long, default_value = "auto", value_name = "SCALE", value_parser = parse_scale)]
    pub(crate) scale: Scaling,
    /// Colours of gray images: gray, viridis, magma, inferno, plasma or cividis.
    #[arg(long, default_value = "gray", value_name = "NAME", value_parser = Colormap::parse)]
    pub(crate) colormap: Colormap,
    /// Longest side of a picture in pixels (0: keep sizes).
    #[arg(long, default_value_t = 128, value_name = "PX")]
    pub(crate) thumbnail: u32,
    /// Enlarge every image by this whole factor (default: images under 32 px grow to about 64 px).
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u32).range(1..=64))]
    pub(crate) zoom: Option<u32>,
    /// Pictures inside the chart (embed) or as PNG files in DIR/pictures/ (files).
    #[arg(long, value_enum, default_value_t = PicturesArg::Embed)]
    pub(crate) pictures: PicturesArg,
    /// What chart.vl.json holds of embedded pictures: none (lean: they are
    /// in chart.html, the spec's picture cells are null) or all (full).
    #[arg(long, value_enum, default_value_t = VlJsonArg::Lean)]
    pub(crate) vl_json: VlJsonArg,
    #[command(flatten)]
    pub(crate) page: PageArgs,
    #[command(flatten)]
    pub(crate) atlas: atlas::AtlasArgs,
}

#[derive(Clone, Copy, clap::ValueEnum)]
pub(crate) enum PicturesArg {
    Embed,
    Files,
}

#[derive(Clone, Copy, clap::ValueEnum)]
pub(crate) enum VlJsonArg {
    Lean,
    Full,
}

#[derive(Args)]
pub(crate) struct DemoArgs {
    /// Folder to write the charts, pages and areas.csv into (created if missing).
    #[arg(long, value_name = "DIR")]
    pub(crate) out: PathBuf,
    /// Number of rows (pairs of images).
    #[arg(long, default_value_t = 200, value_name = "N")]
    pub(crate) rows: usize,
    /// Image width in pixels.
    #[arg(long, default_value_t = 96, value_name = "W")]
    pub(crate) width: usize,
    /// Image dimensionality: 2, or 3 for volumes shown as max projections.
    #[arg(long, default_value_t = 2, value_name = "2|3", value_parser = clap::value_parser!(u8).range(2..=3))]
    pub(crate) ndim: u8,
    /// Integer seed, or a comma-separated list of integers.
    #[arg(long, value_name = "N[,N...]", conflicts_with = "seed_text", value_parser = parse_seed_arg)]
    pub(crate) seed: Option<Seed>,
    /// Seed from the code points of TEXT, as the tutorial does with "altair".
    #[arg(long, value_name = "TEXT", default_value = "altair")]
    pub(crate) seed_text: String,
    /// Also write arrays.npz with the float64 image stacks image1 and image2.
    #[arg(long)]
    pub(crate) save_arrays: bool,
    /// Write the pictures as PNG files in DIR/pictures/ instead of embedding
    /// them in the charts: much smaller charts that must travel with the folder.
    #[arg(long)]
    pub(crate) picture_files: bool,
    /// The most memory the images may take, in MiB (default: three quarters
    /// of the memory available now).
    #[arg(long, value_name = "MIB")]
    pub(crate) memory_budget: Option<u64>,
    #[command(flatten)]
    pub(crate) page: PageArgs,
}

/// How `chart` and `demo` write and show their pages.
#[derive(Args)]
pub(crate) struct PageArgs {
    /// PNG compression: default (no larger than Pillow's), fast (about 6x
    /// quicker, 1.3x larger) or smallest (0.83x Pillow's bytes, slow).
    /// Except with smallest, a picture that is exactly an 8-bit PNG the
    /// input stores (a table's cell, a folder's file) is that PNG, without
    /// its metadata chunks.
    #[arg(long, value_enum, default_value_t = PngPreset::Default)]
    pub(crate) png: PngPreset,
    /// Inline vega, vega-lite and vega-embed from this folder (a node_modules
    /// holding them) so the pages work offline, instead of loading them from a CDN.
    #[arg(long, value_name = "DIR")]
    pub(crate) offline_js: Option<PathBuf>,
    /// Open the page in the default browser when done (the demo's metric-switch page).
    #[arg(long)]
    pub(crate) open: bool,
}

/// The PNG presets, as the command line names them.
#[derive(Clone, Copy, clap::ValueEnum)]
pub(crate) enum PngPreset {
    Fast,
    Default,
    Smallest,
}

/// `7` is numpy's int seed 7, `1,2,3` its list seed [1, 2, 3] (as make_reference.py reads them).
pub(crate) fn parse_seed(text: &str) -> Result<Seed> {
    let numbers = text
        .split(',')
        .map(|part| {
            part.trim()
                .parse::<u128>()
                .with_context(|| format!("--seed: `{part}` is not a non-negative integer"))
        })
        .collect::<Result<Vec<u128>>>()?;
    Ok(match numbers.as_slice() {
        [] => bail!("--seed needs at least one integer"),
        [single] => Seed::Int(*single),
        _ => Seed::List(numbers),
    })
}

pub(crate) fn preset(png: PngPreset) -> Preset {
    match png {
        PngPreset::Fast => Preset::Fast,
        PngPreset::Default => Preset::Default,
        PngPreset::Smallest => Preset::Smallest,
    }
}

// The value parsers below make a malformed value a bad argument (exit 2),
// like any other that clap refuses.

/// `target:N` as a column and its type.
pub(crate) fn parse_type(text: &str) -> Result<(String, FieldType), String> {
    let (name, code) = text
        .rsplit_once(':')
        .ok_or_else(|| format!("--type `{text}`: expected NAME:Q|N|O|T"))?;
    match FieldType::parse(code) {
        Some(t) if t != FieldType::GeoJson => Ok((name.to_string(), t)),
        _ => Err(format!("--type `{text}`: the type must be Q, N, O or T")),
    }
}

pub(crate) fn parse_metric(text: &str) -> Result<MetricSpec, String> {
    MetricSpec::parse(text).map_err(|e| in_flags(e).to_string())
}

pub(crate) fn parse_scale(text: &str) -> Result<Scaling, String> {
    Scaling::parse(text).map_err(|e| e.to_string())
}

pub(crate) fn parse_seed_arg(text: &str) -> Result<Seed, String> {
    parse_seed(text).map_err(|e| format!("{e:#}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn seeds_parse_as_make_reference_reads_them() {
        assert_eq!(parse_seed("7").unwrap(), Seed::Int(7));
        assert_eq!(parse_seed("1, 2,3").unwrap(), Seed::List(vec![1, 2, 3]));
        assert!(parse_seed("x").is_err());
        assert!(parse_seed("-1").is_err());
    }

    #[test]
    fn the_command_line_is_well_formed() {
        use clap::CommandFactory;
        Cli::command().debug_assert();
    }
}
