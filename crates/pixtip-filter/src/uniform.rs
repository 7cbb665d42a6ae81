//! `uniform_filter1d` and `uniform_filter`.

use crate::axes::{check_axes, check_len, check_origin};
use crate::engine::run;
use crate::pass::{AxisPass, LineFilter};
use crate::{Element, FilterError, Mode, PerAxis};
use ndarray::{Array, ArrayRef, Dimension};

/// Options of [`uniform_filter`], named and defaulted as in scipy.
#[derive(Debug, Clone, PartialEq)]
pub struct UniformOptions {
    /// Boundary mode, for all axes or per axis. Default [`Mode::Reflect`].
    pub mode: PerAxis<Mode>,
    /// Value outside the edges for [`Mode::Constant`]. Default 0.
    pub cval: f64,
    /// Shift of the window per axis; must satisfy
    /// `-(size / 2) <= origin <= (size - 1) / 2`. Default 0.
    pub origin: PerAxis<isize>,
    /// The axes to filter, in order; `None` (default) filters all of them.
    pub axes: Option<Vec<usize>>,
}

impl Default for UniformOptions {
    fn default() -> Self {
        Self {
            mode: PerAxis::All(Mode::Reflect),
            cval: 0.0,
            origin: PerAxis::All(0),
            axes: None,
        }
    }
}

/// Options of [`uniform_filter1d`]: [`UniformOptions`] for a single axis.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Uniform1dOptions {
    /// Boundary mode. Default [`Mode::Reflect`].
    pub mode: Mode,
    /// Value outside the edges for [`Mode::Constant`]. Default 0.
    pub cval: f64,
    /// Shift of the window. Default 0.
    pub origin: isize,
}

/// Moving average of `size` samples along one axis, as
/// `scipy.ndimage.uniform_filter1d(input, size, axis, ...)`.
///
/// As in scipy, the result is the running sum divided by `size`, even for
/// `size` 1: a NaN or an infinity spreads to the rest of its line, and values
/// after a large one keep the running sum's rounding.
pub fn uniform_filter1d<T: Element, D: Dimension>(
    input: &ArrayRef<T, D>,
    size: usize,
    axis: usize,
    options: &Uniform1dOptions,
) -> Result<Array<T, D>, FilterError> {
    let options = UniformOptions {
        mode: PerAxis::All(options.mode),
        cval: options.cval,
        origin: PerAxis::All(options.origin),
        axes: Some(vec![axis]),
    };
    // Unlike `uniform_filter`, scipy's `uniform_filter1d` runs the running
    // sum for size 1 too, so NaN and infinity spread along the line.
    let passes = uniform_passes(input.ndim(), &size.into(), &options, SizeOne::Filter)?;
    Ok(run(input, &passes, options.cval))
}

/// What a size of 1 does.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum SizeOne {
    /// Skip the axis, as `uniform_filter` does.
    Skip,
    /// Run the running sum, as `uniform_filter1d` does.
    Filter,
}

/// Multidimensional uniform (box) filter, as `scipy.ndimage.uniform_filter`:
/// a moving average along each axis in turn (axes with size 1 are skipped).
///
/// `size` is one value for every axis or one per filtered axis; scipy
/// callers passing a float size write `size as usize` (scipy's `int(size)`).
/// The result equals scipy's bit for bit: the same running sums, rounded at
/// the same steps, divided once per output.
///
/// Differs from scipy on purpose: a size of 0 is an error (scipy skips it).
pub fn uniform_filter<T: Element, D: Dimension>(
    input: &ArrayRef<T, D>,
    size: impl Into<PerAxis<usize>>,
    options: &UniformOptions,
) -> Result<Array<T, D>, FilterError> {
    let passes = uniform_passes(input.ndim(), &size.into(), options, SizeOne::Skip)?;
    Ok(run(input, &passes, options.cval))
}

/// Checks every parameter and builds one pass per filtered axis.
fn uniform_passes(
    ndim: usize,
    size: &PerAxis<usize>,
    options: &UniformOptions,
    size_one: SizeOne,
) -> Result<Vec<AxisPass>, FilterError> {
    let axes = check_axes(options.axes.as_deref(), ndim)?;
    let count = axes.len();
    let sizes = size.expand("size", count)?;
    let origins = options.origin.expand("origin", count)?;
    let modes = options.mode.expand("mode", count)?;
    let mut passes = Vec::new();
    for i in 0..count {
        let (axis, size, origin) = (axes[i], sizes[i], origins[i]);
        if size == 0 {
            return Err(FilterError::ZeroSize { axis });
        }
        if size == 1 && size_one == SizeOne::Skip {
            continue;
        }
        let size = check_len(axis, size as f64)?;
        check_origin(axis, origin, size)?;
        passes.push(AxisPass {
            axis,
            filter: LineFilter::Mean { size },
            mode: modes[i],
            origin,
        });
    }
    Ok(passes)
}
