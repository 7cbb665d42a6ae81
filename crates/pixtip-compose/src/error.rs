//! The one error type of this crate.

use crate::pixels::ElementType;
use std::path::PathBuf;

/// Everything that can go wrong while turning arrays into pictures.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ComposeError {
    /// A scaling was given bounds that make no sense.
    #[error("invalid scaling: {0}")]
    InvalidScaling(String),
    /// An auto scale met an image of a type it was given no range for.
    #[error("no range known for {element} values (auto scaling)")]
    NoAutoRange {
        /// The image's element type.
        element: ElementType,
    },
    /// A scale that takes its range from each image met one with no finite value.
    #[error("the image has no finite values, so the {scale} scaling has no range")]
    NoFiniteValues {
        /// `"per-image"` or `"percentile"`.
        scale: &'static str,
    },
    /// An array whose shape is no image's.
    #[error(
        "an image of shape {shape:?} cannot be shown: images are H×W (gray), H×W×3|4 (colour) or D×H×W (volumes)"
    )]
    BadShape {
        /// The array's shape.
        shape: Vec<usize>,
    },
    /// An image with no pixels to draw.
    #[error("the image is empty ({height}×{width} pixels)")]
    EmptyImage {
        /// Rows.
        height: usize,
        /// Columns.
        width: usize,
    },
    /// An image wider or taller than a picture can be.
    #[error("the image is too large to draw ({height}×{width} pixels)")]
    TooLargeToDraw {
        /// Rows.
        height: usize,
        /// Columns.
        width: usize,
    },
    /// A zoom that would make a picture of more than 2^28 pixels.
    #[error(
        "zoom {factor} would make a {height}×{width} picture, more than the {max} pixels allowed"
    )]
    ZoomTooLarge {
        /// The zoom factor.
        factor: u32,
        /// Rows of the zoomed picture.
        height: u64,
        /// Columns of the zoomed picture.
        width: u64,
        /// The most pixels allowed.
        max: u64,
    },
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
