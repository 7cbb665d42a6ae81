//! The facade's error type: everything that can go wrong between arrays and
//! written charts, each with a one-line message.

mod atlas;
mod field;
mod picture_column;
mod request;

pub use atlas::AtlasError;
pub use field::FieldError;
pub use picture_column::PictureColumnError;
pub use request::RequestError;
use std::path::PathBuf;
use thiserror::Error;

/// An error from pixtip's image table, charts or output.
#[derive(Debug, Error)]
#[non_exhaustive]
pub enum PixtipError {
    /// A column lookup named a column the table does not have.
    #[error("no column `{name}` (the table has: {available})")]
    NoSuchColumn {
        /// The name asked for.
        name: String,
        /// The names the table has, comma-separated.
        available: String,
    },
    /// A column was added under a name already in use.
    #[error("the table already has a column `{name}`")]
    DuplicateColumn {
        /// The name used twice.
        name: String,
    },
    /// A column's length differs from the table's row count.
    #[error("column `{name}` has {found} rows, but the table has {expected}")]
    ColumnLength {
        /// The column's name.
        name: String,
        /// The table's row count.
        expected: usize,
        /// The column's length.
        found: usize,
    },
    /// A column is of another kind than the operation needs.
    #[error("column `{name}` is {found}, not {wanted}")]
    ColumnKind {
        /// The column's name.
        name: String,
        /// What the operation needs.
        wanted: &'static str,
        /// What the column is.
        found: &'static str,
    },
    /// Something went wrong in one row of one column.
    #[error("row {row} of `{column}`: {source}")]
    AtRow {
        /// The column.
        column: String,
        /// The row (from 0).
        row: usize,
        /// What went wrong.
        #[source]
        source: Box<PixtipError>,
    },
    /// An image cannot become a picture (an empty image, a 4-D array).
    #[error("{0}")]
    Picture(String),
    /// A row past the end of a column was asked for.
    #[error("row {row} asked of a column of {rows} rows")]
    RowOutOfRange {
        /// The row asked for.
        row: usize,
        /// The column's length.
        rows: usize,
    },
    /// An array's shape cannot be a column of images.
    #[error("{origin}: {message}")]
    Shape {
        /// Where the array came from.
        origin: String,
        /// What is wrong.
        message: String,
    },
    /// A scaling was asked for that cannot be applied.
    #[error("scale {0}")]
    BadScale(String),
    /// A file could not be read as what it claims to be.
    #[error("{}: {message}", path.display())]
    BadFile {
        /// The file.
        path: PathBuf,
        /// What is wrong, in one line.
        message: String,
    },
    /// An image file could not be read or decoded.
    #[error("{}: {what}: {source}", path.display())]
    Image {
        /// The file.
        path: PathBuf,
        /// What failed.
        what: &'static str,
        /// What the decoder said.
        #[source]
        source: pixtip_compose::image::ImageError,
    },
    /// A CSV table could not be read.
    #[error("{}: line {line}: {message}", path.display())]
    Csv {
        /// The file.
        path: PathBuf,
        /// The line (from 1, the header being line 1).
        line: u64,
        /// What is wrong.
        message: String,
    },
    /// Inputs that should have as many rows as each other do not.
    #[error("{first} has {first_rows} rows but {second} has {second_rows}")]
    RowCounts {
        /// One input.
        first: String,
        /// Its rows.
        first_rows: usize,
        /// Another input.
        second: String,
        /// Its rows.
        second_rows: usize,
    },
    /// A chart cannot use a field it was given ([`FieldError`] names it).
    #[error("chart: {0}")]
    Field(#[from] FieldError),
    /// A picture column cannot be made or read back.
    #[error("chart: {0}")]
    PictureColumn(#[from] PictureColumnError),
    /// A chart request cannot be carried out ([`RequestError`] names the
    /// request's fields at fault).
    #[error("chart: {0}")]
    Request(#[from] RequestError),
    /// An atlas's points or images cannot make one.
    #[error("chart: {0}")]
    Atlas(#[from] AtlasError),
    /// A chart builder was not given something the chart needs.
    #[error("a {chart} chart needs {what}")]
    ChartNeeds {
        /// The chart (`scatter`).
        chart: &'static str,
        /// What it lacks (`a y field`).
        what: &'static str,
    },
    /// The page would be larger than a browser opens ([`crate::page_size`]).
    #[error("page too large: {0}")]
    PageTooLarge(String),
    /// Reading or writing a file failed.
    #[error("{}: {source}", path.display())]
    Io {
        /// The file.
        path: PathBuf,
        /// What the system said.
        source: std::io::Error,
    },
    /// A filter rejected its input.
    #[error(transparent)]
    Filter(#[from] pixtip_filter::FilterError),
    /// Composing a picture failed.
    #[error(transparent)]
    Compose(#[from] pixtip_compose::ComposeError),
    /// Encoding a picture failed.
    #[error(transparent)]
    Encode(#[from] pixtip_encode::EncodeError),
    /// Building a chart specification failed.
    #[error(transparent)]
    Spec(#[from] pixtip_spec::SpecError),
}

impl PixtipError {
    /// [`PixtipError::BadFile`]: `path` holds something pixtip cannot read.
    pub fn bad_file(path: &std::path::Path, message: impl Into<String>) -> PixtipError {
        PixtipError::BadFile {
            path: path.to_path_buf(),
            message: message.into(),
        }
    }

    /// [`PixtipError::Io`]: reading or writing `path` failed.
    pub fn io(path: &std::path::Path, source: std::io::Error) -> PixtipError {
        PixtipError::Io {
            path: path.to_path_buf(),
            source,
        }
    }
}
