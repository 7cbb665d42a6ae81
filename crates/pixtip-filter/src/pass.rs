//! One pass of a separable filter: the 1-D operation and the axis, mode and
//! origin it runs with. The engine runs passes; the row and sweep kernels
//! read them.

use crate::correlate::correlate;
use crate::kernel::Symmetry;
use crate::mode::Mode;
use crate::running_mean::running_mean;

/// Two passes run together in one sweep of `(outer, n0, n1)` blocks:
/// `down` along axis 1, then `along` along axis 2.
pub(crate) struct PassPair<'a> {
    pub(crate) down: &'a AxisPass,
    pub(crate) along: &'a AxisPass,
    /// The value outside the edges for [`Mode::Constant`].
    pub(crate) cval: f64,
    /// Whether the sweep spreads its work over rayon's threads.
    pub(crate) parallel: bool,
}

/// The 1-D operation of one pass.
#[derive(Debug, Clone)]
pub(crate) enum LineFilter {
    /// Correlation with `weights`, folded per `symmetry`.
    Correlate {
        /// Correlation weights (scipy's `weights` after any reversal).
        weights: Vec<f64>,
        /// How scipy folds these weights.
        symmetry: Symmetry,
    },
    /// Running mean over `size` samples.
    Mean {
        /// Window length.
        size: usize,
    },
}

impl LineFilter {
    /// Samples the filter reads: `before + n + after = n + len - 1`.
    pub(crate) fn len(&self) -> usize {
        match self {
            LineFilter::Correlate { weights, .. } => weights.len(),
            LineFilter::Mean { size } => *size,
        }
    }

    pub(crate) fn apply(&self, ext: &[f64], out: &mut [f64], width: usize, scratch: &mut Vec<f64>) {
        match self {
            LineFilter::Correlate { weights, symmetry } => {
                correlate(ext, out, weights, *symmetry, width);
            }
            LineFilter::Mean { size } => running_mean(ext, out, *size, width, scratch),
        }
    }
}

/// One filtered axis: what to run, and how the line is padded.
#[derive(Debug, Clone)]
pub(crate) struct AxisPass {
    /// The array axis.
    pub axis: usize,
    /// The 1-D filter.
    pub filter: LineFilter,
    /// Boundary mode for this axis.
    pub mode: Mode,
    /// scipy's `origin` for this axis (already checked against the length).
    pub origin: isize,
}

impl AxisPass {
    /// Padding before and after the line: scipy's `size1 + origin` and
    /// `size2 - origin`.
    pub(crate) fn padding(&self) -> (usize, usize) {
        let len = self.filter.len() as isize;
        let size1 = len / 2;
        let size2 = len - size1 - 1;
        (
            (size1 + self.origin) as usize,
            (size2 - self.origin) as usize,
        )
    }
}
