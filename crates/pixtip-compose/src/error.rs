//! The one error type of this crate.

use std::path::PathBuf;

/// Everything that can go wrong while turning arrays into pictures.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ComposeError {
    /// A value to be scaled is NaN, so no pixel value can stand for it.
    #[error("value at {index:?} is NaN; 8-bit scaling needs numbers")]
    NotANumber {
        /// Row and column of the first NaN.
        index: (usize, usize),
    },
    /// A scaling was given bounds that make no sense.
    #[error("invalid scaling: {0}")]
    InvalidScaling(String),
    /// An image has no pixels where one is needed.
    #[error("image {index} is empty ({width}x{height}); pictures need at least one pixel")]
    Empty {
        /// Position of the image in the input.
        index: usize,
        /// Its width.
        width: usize,
        /// Its height.
        height: usize,
    },
    /// A concatenation was asked for no images.
    #[error("nothing to concatenate: no images given")]
    NoImages,
    /// Images to be joined do not line up.
    #[error(
        "image {index} has {dimension} {found}, image 0 has {expected}; {operation} needs equal {dimension}s"
    )]
    SizeMismatch {
        /// Position of the first image that differs.
        index: usize,
        /// `"height"` or `"width"`.
        dimension: &'static str,
        /// The size of image 0.
        expected: u32,
        /// The size of image `index`.
        found: u32,
        /// The operation that needs them equal.
        operation: &'static str,
    },
    /// Pictures of different colour types cannot be joined.
    #[error(
        "image {index} is {found}, image 0 is {expected}; convert them to one colour type first"
    )]
    ColorMismatch {
        /// Position of the first picture that differs.
        index: usize,
        /// Colour type of picture 0.
        expected: &'static str,
        /// Colour type of picture `index`.
        found: &'static str,
    },
    /// A grid was asked for zero columns.
    #[error("a grid needs at least one column")]
    NoColumns,
    /// An axis that the stack does not have.
    #[error("axis {axis} is out of range for a {ndim}-D stack")]
    BadAxis {
        /// The axis asked for.
        axis: usize,
        /// Number of axes of the stack.
        ndim: usize,
    },
    /// A slice index past the end of the axis.
    #[error("index {index} is out of range for axis {axis} of length {len}")]
    BadIndex {
        /// The index asked for.
        index: usize,
        /// The axis.
        axis: usize,
        /// Its length.
        len: usize,
    },
    /// A thumbnail size of zero.
    #[error("thumbnail bounds must be at least 1x1, got {width}x{height}")]
    BadThumbnailSize {
        /// Maximum width asked for.
        width: u32,
        /// Maximum height asked for.
        height: u32,
    },
    /// Bytes that are not a TrueType/OpenType font.
    #[error("not a usable TrueType/OpenType font: {0}")]
    InvalidFont(String),
    /// A font file that could not be read.
    #[error("could not read font file {path}: {source}")]
    FontFile {
        /// The path given.
        path: PathBuf,
        /// Why reading failed.
        source: std::io::Error,
    },
    /// An image larger than a picture can hold.
    #[error("image of {width}x{height} pixels is too large for a picture")]
    TooLarge {
        /// Width in pixels.
        width: usize,
        /// Height in pixels.
        height: usize,
    },
}
