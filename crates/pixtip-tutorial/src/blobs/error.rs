//! Why the blob dataset could not be made.

use pixtip_filter::FilterError;
use pixtip_random::RandomError;
use thiserror::Error;

/// Which of the tutorial's two images a row's error is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BlobKind {
    /// `image1`, the Gaussian blob.
    Circle,
    /// `image2`, the noisy box.
    Square,
}

impl std::fmt::Display for BlobKind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            BlobKind::Circle => "image1 (circle)",
            BlobKind::Square => "image2 (square)",
        })
    }
}

/// An error from [`make_blobs`](super::make_blobs).
#[derive(Debug, Clone, PartialEq, Error)]
#[non_exhaustive]
pub enum BlobError {
    /// The image width was 0.
    #[error("blob images need a width of at least 1 pixel")]
    ZeroWidth,
    /// The number of image dimensions was 0.
    #[error("blob images need at least 1 dimension")]
    ZeroNdim,
    /// `width ** ndim` pixels do not fit in memory.
    #[error("{width}^{ndim} pixels per image is too many")]
    TooLarge {
        /// The width asked for.
        width: usize,
        /// The number of dimensions asked for.
        ndim: usize,
    },
    /// The images asked for would not fit in the memory budget.
    #[error("{rows} rows of {width}^{ndim}-pixel float64 images would need {}; the memory budget is {allowed} bytes", needed.map_or("more bytes than can be counted".to_string(), |n| format!("{n} bytes")))]
    OverBudget {
        /// Rows asked for.
        rows: usize,
        /// Width asked for.
        width: usize,
        /// Dimensions asked for.
        ndim: usize,
        /// Bytes needed (`None`: more than a u64 counts).
        needed: Option<u64>,
        /// Bytes allowed.
        allowed: u64,
    },
    /// A size list was empty or held a value that is not finite and positive.
    #[error("{kind} sizes must be finite, positive fractions of the width, got {sizes:?}")]
    InvalidSizes {
        /// Which image the sizes are for.
        kind: BlobKind,
        /// The sizes given.
        sizes: Vec<f64>,
    },
    /// There were rows but no group labels to draw from.
    #[error("the group list is empty but {rows} rows need a group")]
    NoGroups {
        /// How many rows were asked for.
        rows: usize,
    },
    /// An image's maximum was zero or not finite, so `im / im.max()` would
    /// give NaN or infinities (numpy divides anyway).
    #[error("{kind} of row {row} has maximum {max}; it cannot be divided by its maximum")]
    BadMaximum {
        /// Which image.
        kind: BlobKind,
        /// The row (0-based).
        row: usize,
        /// The maximum found.
        max: f64,
    },
    /// A random draw was refused.
    #[error(transparent)]
    Random(#[from] RandomError),
    /// A filter was refused.
    #[error(transparent)]
    Filter(#[from] FilterError),
}
