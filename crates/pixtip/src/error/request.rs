//! Why a chart request cannot be carried out, in the request's own words:
//! its fields and charts, not the flags of a command line (the command line
//! words them as flags itself).

use std::path::PathBuf;
use thiserror::Error;

/// A [`ChartRequest`](crate::job::ChartRequest) (or an atlas's) that cannot
/// make a chart, naming the fields at fault.
#[derive(Debug, Error, Clone, PartialEq)]
#[non_exhaustive]
pub enum RequestError {
    /// `inputs` is empty.
    #[error(
        "no input: give a .npy, a .npz, a TIFF, an HDF5 dataset, a Zarr array, a table or a folder of images"
    )]
    NoInput,
    /// Two tables: a table file among the inputs, and `table` (or another).
    #[error("{} is a table, and {} is the table already: give one", input.display(), table.display())]
    TwoTables {
        /// The table file among the inputs.
        input: PathBuf,
        /// The table given before it.
        table: PathBuf,
    },
    /// `file_name_column` without a table to read the names from.
    #[error("a file-name column (`{column}`) needs a table to read the names from")]
    FileNamesNeedTable {
        /// The column named.
        column: String,
    },
    /// Neither the inputs nor the table hold an image column.
    #[error(
        "{table} holds no image column (binary or struct<bytes, path> cells of PNG/JPEG/TIFF, or number lists given an image shape) and no images are given"
    )]
    NoImages {
        /// The table (its path, or "the table").
        table: String,
    },
    /// An input's image column has the name of a column already read.
    #[error(
        "{origin} gives an image column `{name}`, a name already taken; rename the file or the table's column"
    )]
    ImageNameTaken {
        /// The input.
        origin: String,
        /// The name.
        name: String,
    },
    /// A repeat or switch chart without an `x` (or `color`) field to group by.
    #[error("a {chart} chart needs an x field (the groups along x)")]
    NoGroups {
        /// `repeat` or `switch`.
        chart: &'static str,
    },
    /// A scatter without `y`, and no metric or number column to default to.
    #[error("nothing to plot on y: give a y field, a table with number columns, or a metric")]
    NoY,
    /// A metric given as text that does not parse.
    #[error("metric `{text}`: {why}")]
    BadMetric {
        /// The text given.
        text: String,
        /// What is wrong with it.
        why: String,
    },
    /// An atlas asked of a repeat or switch chart.
    #[error("an atlas draws a scatter of x and y; it does not combine with a {chart} chart")]
    AtlasNotScatter {
        /// `repeat` or `switch`.
        chart: &'static str,
    },
    /// An atlas without both an `x` and a `y` field.
    #[error("an atlas needs an x field and a y field, two number columns to place the images by")]
    AtlasNeedsXY,
    /// An atlas grid of 0 cells.
    #[error("an atlas grid of 0 cells: the atlas needs at least one cell along each axis")]
    EmptyGrid,
    /// An atlas's x or y field is not a number column.
    #[error("the atlas's {axis} field must be a number column: {why}")]
    AtlasAxis {
        /// `x` or `y`.
        axis: &'static str,
        /// What the table said of the column.
        why: String,
    },
}
