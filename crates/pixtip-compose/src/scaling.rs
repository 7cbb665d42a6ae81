//! Float arrays to 8-bit (or 16-bit) gray pictures.

use crate::error::ComposeError;
use crate::picture::Gray16Image;
use image::GrayImage;
use ndarray::{ArrayBase, Data, Dimension, Ix2};

/// How float values become pixel levels.
///
/// Every variant first maps a value `x` to `t` (for [`Scaling::Unit`],
/// `t = x`), then takes `t` to a level the tutorial's way: `(255 * t)`
/// truncated toward zero, so only `t = 1` reaches 255. `t` outside `[0, 1]`
/// is clamped to 0 or 255.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub enum Scaling {
    /// The tutorial's `(255 * x).astype('uint8')` for values in `[0, 1]`.
    ///
    /// Differs from numpy on purpose outside `[0, 1]`: numpy's cast wraps
    /// (or is undefined) there, pixtip clamps to 0 and 255.
    #[default]
    Unit,
    /// The smallest value becomes 0 and the largest 255; a constant image
    /// becomes all 0.
    MinMax,
    /// Values at or below the `low` percentile become 0 and at or above the
    /// `high` percentile 255 (percentiles in `0..=100`, numpy's default
    /// linear interpolation, see [`percentile`]).
    Percentile {
        /// Lower percentile, e.g. 1.0.
        low: f64,
        /// Upper percentile, e.g. 99.0.
        high: f64,
    },
    /// A fixed range: `min` becomes 0 and `max` 255.
    Range {
        /// Value shown as 0.
        min: f64,
        /// Value shown as 255.
        max: f64,
    },
}

/// The tutorial's cast of a value in `[0, 1]` to a level: `255 * t`
/// truncated toward zero. Rust's `as` saturates, which clamps values outside.
#[inline]
pub fn unit_to_u8(t: f64) -> u8 {
    (255.0 * t) as u8
}

/// The `q`-th percentile (`0..=100`) of the values, as numpy's
/// `np.percentile(a, q)` with its default `method="linear"`.
///
/// Errors: NaN among the values, `q` outside `0..=100`, or no values.
pub fn percentile<S, D>(values: &ArrayBase<S, D>, q: f64) -> Result<f64, ComposeError>
where
    S: Data<Elem = f64>,
    D: Dimension,
{
    let mut sorted = sorted_values(values)?;
    percentile_of_sorted(&mut sorted, q)
}

fn sorted_values<S, D>(values: &ArrayBase<S, D>) -> Result<Vec<f64>, ComposeError>
where
    S: Data<Elem = f64>,
    D: Dimension,
{
    let mut sorted: Vec<f64> = values.iter().copied().collect();
    if sorted.iter().any(|v| v.is_nan()) {
        return Err(ComposeError::InvalidScaling(
            "percentile of values containing NaN".into(),
        ));
    }
    if sorted.is_empty() {
        return Err(ComposeError::InvalidScaling(
            "percentile of no values".into(),
        ));
    }
    sorted.sort_unstable_by(f64::total_cmp);
    Ok(sorted)
}

fn percentile_of_sorted(sorted: &mut [f64], q: f64) -> Result<f64, ComposeError> {
    if !(0.0..=100.0).contains(&q) {
        return Err(ComposeError::InvalidScaling(format!(
            "percentile {q} is outside 0..=100"
        )));
    }
    let n = sorted.len();
    let virtual_index = (n - 1) as f64 * (q / 100.0);
    let below = virtual_index.floor();
    let gamma = virtual_index - below;
    let i = below as usize;
    let a = sorted[i];
    let b = sorted[(i + 1).min(n - 1)];
    // numpy's _lerp: interpolate from the nearer end so that gamma = 1 gives b exactly.
    let diff = b - a;
    Ok(if gamma >= 0.5 {
        b - diff * (1.0 - gamma)
    } else {
        a + diff * gamma
    })
}

/// The `(lo, hi)` that a scaling maps to 0 and 255, for these values.
fn bounds<S>(image: &ArrayBase<S, Ix2>, scaling: Scaling) -> Result<(f64, f64), ComposeError>
where
    S: Data<Elem = f64>,
{
    match scaling {
        Scaling::Unit => Ok((0.0, 1.0)),
        Scaling::MinMax => {
            let (lo, hi) = image
                .iter()
                .fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), &v| {
                    (lo.min(v), hi.max(v))
                });
            Ok((lo, hi))
        }
        Scaling::Percentile { low, high } => {
            if low.partial_cmp(&high) != Some(std::cmp::Ordering::Less) {
                return Err(ComposeError::InvalidScaling(format!(
                    "percentile low {low} must be below high {high}"
                )));
            }
            let mut sorted = sorted_values(image)?;
            Ok((
                percentile_of_sorted(&mut sorted, low)?,
                percentile_of_sorted(&mut sorted, high)?,
            ))
        }
        Scaling::Range { min, max } => {
            if !(min.is_finite() && max.is_finite() && min < max) {
                return Err(ComposeError::InvalidScaling(format!(
                    "range min {min} must be finite and below max {max}"
                )));
            }
            Ok((min, max))
        }
    }
}

fn check_finite_input<S>(image: &ArrayBase<S, Ix2>) -> Result<(u32, u32), ComposeError>
where
    S: Data<Elem = f64>,
{
    let (height, width) = image.dim();
    // Scan the memory in order (fast); find the index only when there is a NaN.
    let has_nan = match image.as_slice_memory_order() {
        Some(values) => values.iter().any(|v| v.is_nan()),
        None => image.iter().any(|v| v.is_nan()),
    };
    if has_nan && let Some(((row, col), _)) = image.indexed_iter().find(|(_, v)| v.is_nan()) {
        return Err(ComposeError::NotANumber { index: (row, col) });
    }
    let too_large = || ComposeError::TooLarge { width, height };
    let w = u32::try_from(width).map_err(|_| too_large())?;
    let h = u32::try_from(height).map_err(|_| too_large())?;
    Ok((w, h))
}

/// Maps each value to `t` in `[0, 1]`-ish, then applies `level`.
fn map_levels<S, T>(
    image: &ArrayBase<S, Ix2>,
    scaling: Scaling,
    level: impl Fn(f64) -> T,
) -> Result<(u32, u32, Vec<T>), ComposeError>
where
    S: Data<Elem = f64>,
{
    let (w, h) = check_finite_input(image)?;
    let mut out = Vec::with_capacity(image.len());
    match scaling {
        // Kept apart so the tutorial's path multiplies by 255 exactly as numpy does.
        Scaling::Unit => match image.as_slice() {
            Some(values) => out.extend(values.iter().map(|&x| level(x))),
            None => {
                for row in image.rows() {
                    out.extend(row.iter().map(|&x| level(x)));
                }
            }
        },
        _ => {
            let (lo, hi) = bounds(image, scaling)?;
            let span = hi - lo;
            for row in image.rows() {
                out.extend(row.iter().map(|&x| {
                    // A constant image (span 0) has nothing to stretch: show it as 0.
                    if span > 0.0 {
                        level((x - lo) / span)
                    } else {
                        level(0.0)
                    }
                }));
            }
        }
    }
    Ok((w, h, out))
}

/// A 2-D float array (rows × columns) as an 8-bit gray picture.
///
/// ```
/// use ndarray::array;
/// use pixtip_compose::{Scaling, to_gray};
/// let img = to_gray(&array![[0.0, 0.5], [0.999, 1.0]], Scaling::Unit).unwrap();
/// assert_eq!(img.as_raw(), &vec![0, 127, 254, 255]);
/// ```
///
/// Errors: NaN anywhere ([`ComposeError::NotANumber`]), bad scaling bounds.
pub fn to_gray<S>(image: &ArrayBase<S, Ix2>, scaling: Scaling) -> Result<GrayImage, ComposeError>
where
    S: Data<Elem = f64>,
{
    let (w, h, levels) = map_levels(image, scaling, unit_to_u8)?;
    GrayImage::from_raw(w, h, levels).ok_or(ComposeError::TooLarge {
        width: w as usize,
        height: h as usize,
    })
}

/// A 2-D float array as a 16-bit gray picture: like [`to_gray`] with 65535
/// in place of 255 (truncation toward zero, clamped).
pub fn to_gray16<S>(
    image: &ArrayBase<S, Ix2>,
    scaling: Scaling,
) -> Result<Gray16Image, ComposeError>
where
    S: Data<Elem = f64>,
{
    let (w, h, levels) = map_levels(image, scaling, |t| (65535.0 * t) as u16)?;
    Gray16Image::from_raw(w, h, levels).ok_or(ComposeError::TooLarge {
        width: w as usize,
        height: h as usize,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use ndarray::array;

    #[test]
    fn unit_truncates_and_clamps() {
        let img = to_gray(&array![[-0.5, 0.0, 0.0039, 0.5, 1.0, 7.0]], Scaling::Unit).unwrap();
        assert_eq!(img.as_raw(), &vec![0, 0, 0, 127, 255, 255]);
    }

    #[test]
    fn nan_is_an_error_with_its_index() {
        let err = to_gray(&array![[0.0, 1.0], [f64::NAN, 0.2]], Scaling::Unit).unwrap_err();
        assert!(
            matches!(err, ComposeError::NotANumber { index: (1, 0) }),
            "{err}"
        );
    }

    #[test]
    fn min_max_stretches_and_constant_is_zero() {
        let img = to_gray(&array![[2.0, 3.0, 4.0]], Scaling::MinMax).unwrap();
        assert_eq!(img.as_raw(), &vec![0, 127, 255]);
        let flat = to_gray(&array![[5.0, 5.0]], Scaling::MinMax).unwrap();
        assert_eq!(flat.as_raw(), &vec![0, 0]);
    }

    #[test]
    fn range_checks_bounds() {
        let img = to_gray(
            &array![[-1.0, 0.0, 1.0, 2.0]],
            Scaling::Range { min: 0.0, max: 2.0 },
        )
        .unwrap();
        assert_eq!(img.as_raw(), &vec![0, 0, 127, 255]);
        assert!(to_gray(&array![[0.0]], Scaling::Range { min: 1.0, max: 1.0 }).is_err());
        assert!(
            to_gray(
                &array![[0.0]],
                Scaling::Percentile {
                    low: 50.0,
                    high: 10.0
                }
            )
            .is_err()
        );
        assert!(
            to_gray(
                &array![[0.0, 1.0]],
                Scaling::Percentile {
                    low: 0.0,
                    high: 101.0
                }
            )
            .is_err()
        );
    }

    #[test]
    fn gray16_reaches_full_range() {
        let img = to_gray16(&array![[0.0, 0.5, 1.0]], Scaling::Unit).unwrap();
        assert_eq!(img.as_raw(), &vec![0, 32767, 65535]);
    }
}
