//! `gaussian_filter1d` and `gaussian_filter`.

use crate::axes::{check_axes, check_len, check_origin};
use crate::engine::run;
use crate::kernel::{gaussian_radius, gaussian_weights, symmetry};
use crate::pass::{AxisPass, LineFilter};
use crate::{Element, FilterError, Mode, PerAxis};
use ndarray::{Array, ArrayRef, Dimension};

/// Sigmas at or below this are skipped, as scipy skips them.
const SKIP_SIGMA: f64 = 1e-15;

/// Options of [`gaussian_filter`], named and defaulted as in scipy.
#[derive(Debug, Clone, PartialEq)]
pub struct GaussianOptions {
    /// Derivative order per axis (0 to 3); 0 is plain smoothing. Default 0.
    pub order: PerAxis<usize>,
    /// Boundary mode, for all axes or per axis. Default [`Mode::Reflect`].
    pub mode: PerAxis<Mode>,
    /// Value outside the edges for [`Mode::Constant`]. Default 0.
    pub cval: f64,
    /// Cut the kernel at this many sigmas. Default 4.
    pub truncate: f64,
    /// Kernel radius per axis; overrides `truncate` when set. Default `None`.
    pub radius: Option<PerAxis<usize>>,
    /// Shift of the kernel per axis, as in scipy's `correlate1d` (scipy's
    /// `gaussian_filter` has no origin; 0, the default, is its behaviour).
    pub origin: PerAxis<isize>,
    /// The axes to filter, in order; `None` (default) filters all of them.
    pub axes: Option<Vec<usize>>,
}

impl Default for GaussianOptions {
    fn default() -> Self {
        Self {
            order: PerAxis::All(0),
            mode: PerAxis::All(Mode::Reflect),
            cval: 0.0,
            truncate: 4.0,
            radius: None,
            origin: PerAxis::All(0),
            axes: None,
        }
    }
}

/// Options of [`gaussian_filter1d`]: [`GaussianOptions`] for a single axis.
#[derive(Debug, Clone, PartialEq)]
pub struct Gaussian1dOptions {
    /// Derivative order (0 to 3). Default 0.
    pub order: usize,
    /// Boundary mode. Default [`Mode::Reflect`].
    pub mode: Mode,
    /// Value outside the edges for [`Mode::Constant`]. Default 0.
    pub cval: f64,
    /// Cut the kernel at this many sigmas. Default 4.
    pub truncate: f64,
    /// Kernel radius; overrides `truncate` when set. Default `None`.
    pub radius: Option<usize>,
    /// Shift of the kernel, as in scipy's `correlate1d`. Default 0.
    pub origin: isize,
}

impl Default for Gaussian1dOptions {
    fn default() -> Self {
        Self {
            order: 0,
            mode: Mode::Reflect,
            cval: 0.0,
            truncate: 4.0,
            radius: None,
            origin: 0,
        }
    }
}

/// Gaussian filter (or derivative) along one axis, as
/// `scipy.ndimage.gaussian_filter1d(input, sigma, axis, ...)`.
///
/// Differs from scipy on purpose: a sigma of 0 (or below 1e-15) returns a
/// copy instead of dividing by zero, and a negative or non-finite sigma is an
/// error.
pub fn gaussian_filter1d<T: Element, D: Dimension>(
    input: &ArrayRef<T, D>,
    sigma: f64,
    axis: usize,
    options: &Gaussian1dOptions,
) -> Result<Array<T, D>, FilterError> {
    let options = GaussianOptions {
        order: PerAxis::All(options.order),
        mode: PerAxis::All(options.mode),
        cval: options.cval,
        truncate: options.truncate,
        radius: options.radius.map(PerAxis::All),
        origin: PerAxis::All(options.origin),
        axes: Some(vec![axis]),
    };
    gaussian_filter(input, sigma, &options)
}

/// Multidimensional Gaussian filter, as `scipy.ndimage.gaussian_filter`:
/// a 1-D Gaussian along each axis in turn (axes with sigma 0 are skipped).
///
/// `sigma` is one value for every axis or one per filtered axis. The result
/// matches scipy to about 1e-13 relative for `f64`; `f32` input is computed in
/// `f64` and rounded after each axis, as scipy does.
///
/// Differs from scipy on purpose: negative or non-finite sigma, `truncate`
/// not finite and positive, and `order` above 3 are errors (scipy ignores or
/// misbehaves on them).
pub fn gaussian_filter<T: Element, D: Dimension>(
    input: &ArrayRef<T, D>,
    sigma: impl Into<PerAxis<f64>>,
    options: &GaussianOptions,
) -> Result<Array<T, D>, FilterError> {
    let passes = gaussian_passes(input.ndim(), &sigma.into(), options)?;
    Ok(run(input, &passes, options.cval))
}

/// Checks every parameter and builds one pass per axis with a sigma above zero.
fn gaussian_passes(
    ndim: usize,
    sigma: &PerAxis<f64>,
    options: &GaussianOptions,
) -> Result<Vec<AxisPass>, FilterError> {
    let axes = check_axes(options.axes.as_deref(), ndim)?;
    let count = axes.len();
    let orders = options.order.expand("order", count)?;
    let sigmas = sigma.expand("sigma", count)?;
    let modes = options.mode.expand("mode", count)?;
    let radii = match &options.radius {
        Some(radius) => radius
            .expand("radius", count)?
            .into_iter()
            .map(Some)
            .collect(),
        None => vec![None; count],
    };
    let origins = options.origin.expand("origin", count)?;
    if !(options.truncate.is_finite() && options.truncate > 0.0) {
        return Err(FilterError::InvalidTruncate(options.truncate));
    }
    let mut passes = Vec::new();
    for i in 0..count {
        let (axis, sigma, order) = (axes[i], sigmas[i], orders[i]);
        if !(sigma.is_finite() && sigma >= 0.0) {
            return Err(FilterError::InvalidSigma { axis, sigma });
        }
        if order > 3 {
            return Err(FilterError::InvalidOrder { axis, order });
        }
        if sigma <= SKIP_SIGMA {
            continue;
        }
        let radius = match radii[i] {
            Some(radius) => check_len(axis, radius as f64 * 2.0 + 1.0)? / 2,
            None => check_len(axis, gaussian_radius(sigma, options.truncate) * 2.0 + 1.0)? / 2,
        };
        check_origin(axis, origins[i], 2 * radius + 1)?;
        let weights = gaussian_weights(sigma, order, radius);
        let symmetry = symmetry(&weights);
        passes.push(AxisPass {
            axis,
            filter: LineFilter::Correlate { weights, symmetry },
            mode: modes[i],
            origin: origins[i],
        });
    }
    Ok(passes)
}
