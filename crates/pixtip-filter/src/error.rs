//! The one error type of this crate.

use thiserror::Error;

/// Why a filter call was refused. Every variant is caught before any work
/// starts, so a refused call never leaves a half-filtered result behind.
#[derive(Debug, Clone, PartialEq, Error)]
#[non_exhaustive]
pub enum FilterError {
    /// A Gaussian sigma was negative, NaN or infinite.
    #[error("sigma must be finite and non-negative, got {sigma} for axis {axis}")]
    InvalidSigma {
        /// The array axis the sigma was meant for.
        axis: usize,
        /// The rejected value.
        sigma: f64,
    },
    /// A uniform filter size was 0 (scipy skips such axes; pixtip refuses them).
    #[error("filter size must be at least 1, got 0 for axis {axis}")]
    ZeroSize {
        /// The array axis the size was meant for.
        axis: usize,
    },
    /// An origin shifts the filter past its own end (scipy's rule:
    /// `-(len / 2) <= origin <= (len - 1) / 2`).
    #[error(
        "origin {origin} is out of range for a filter of length {len} on axis {axis}: it must lie in {min}..={max}"
    )]
    InvalidOrigin {
        /// The array axis.
        axis: usize,
        /// The rejected origin.
        origin: isize,
        /// The filter length on that axis.
        len: usize,
        /// Smallest allowed origin.
        min: isize,
        /// Largest allowed origin.
        max: isize,
    },
    /// `truncate` was zero, negative, NaN or infinite.
    #[error("truncate must be finite and positive, got {0}")]
    InvalidTruncate(f64),
    /// A Gaussian derivative order above 3.
    #[error("derivative order must be 0, 1, 2 or 3, got {order} for axis {axis}")]
    InvalidOrder {
        /// The array axis.
        axis: usize,
        /// The rejected order.
        order: usize,
    },
    /// An axis number not below the array's number of dimensions.
    #[error("axis {axis} is out of range for an array with {ndim} dimensions")]
    AxisOutOfRange {
        /// The rejected axis.
        axis: usize,
        /// The array's number of dimensions.
        ndim: usize,
    },
    /// The same axis listed twice in `axes`.
    #[error("axis {axis} is listed more than once in axes")]
    RepeatedAxis {
        /// The repeated axis.
        axis: usize,
    },
    /// A per-axis parameter whose length differs from the number of filtered axes.
    #[error("{name} has {got} values but the filter runs over {expected} axes")]
    LengthMismatch {
        /// The parameter's name (`sigma`, `size`, `order`, `mode`, `radius`, `origin`).
        name: &'static str,
        /// How many axes are filtered.
        expected: usize,
        /// How many values were given.
        got: usize,
    },
    /// A kernel so long that its buffers could not sensibly be allocated.
    #[error("the filter on axis {axis} would be {len} samples long; the limit is {max}")]
    KernelTooLong {
        /// The array axis.
        axis: usize,
        /// The requested length (saturated at `usize::MAX`).
        len: usize,
        /// The largest accepted length.
        max: usize,
    },
}
