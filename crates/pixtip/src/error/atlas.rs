//! Why an atlas cannot be drawn from the points and images it was given.

use thiserror::Error;

/// An atlas whose data cannot make one, in the data's own words.
#[derive(Debug, Error, Clone, PartialEq)]
#[non_exhaustive]
pub enum AtlasError {
    /// The x and y columns differ in length.
    #[error("x has {x} values and y {y}")]
    LengthMismatch {
        /// Values of x.
        x: usize,
        /// Values of y.
        y: usize,
    },
    /// No row has both a finite x and a finite y.
    #[error("no row has a finite x and y, so the atlas has nothing to place")]
    NoFinitePoint,
    /// The points' range overflows f64.
    #[error("the points span more than f64 can hold (x {x0}..{x1}, y {y0}..{y1})")]
    SpanTooWide {
        /// Smallest x.
        x0: f64,
        /// Largest x.
        x1: f64,
        /// Smallest y.
        y0: f64,
        /// Largest y.
        y1: f64,
    },
    /// More rows than the atlas indexes.
    #[error("{rows} rows: the atlas takes at most {} rows", u32::MAX)]
    TooManyRows {
        /// The rows given.
        rows: usize,
    },
    /// A grid whose cell count overflows.
    #[error("a {size}x{size} grid has too many cells")]
    TooManyCells {
        /// Cells along each side.
        size: usize,
    },
    /// A cell with no members was asked for its images.
    #[error("an empty cell has no images")]
    EmptyCell,
    /// A cell's image differs in shape from the cell's first.
    #[error(
        "its shape {shape:?} differs from {first_shape:?} (row {first}); the atlas's mean images need one shape"
    )]
    ShapeDiffers {
        /// This image's shape.
        shape: Vec<usize>,
        /// The cell's first image's shape.
        first_shape: Vec<usize>,
        /// The cell's first row.
        first: u32,
    },
    /// A thread drawing cells stopped by panicking.
    #[error("a cell's worker panicked")]
    WorkerPanicked,
    /// The table holds no image column to draw.
    #[error("no image column to draw")]
    NoImageColumn,
}
