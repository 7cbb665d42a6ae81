//! `im / im.max()` with the failure numpy hides made visible, and the area
//! `(im > t).mean()` counted in the same pass.

use ndarray::{Array, ArrayBase, ArrayD, Data, Dimension};

/// Divides every pixel by the image's maximum, as numpy's `im / im.max()`
/// (a true division per pixel, not a multiplication by the reciprocal).
///
/// Returns the offending maximum as the error when it is zero, NaN (numpy's
/// `max` propagates NaN pixels) or infinite, or when the image is empty (NaN).
pub fn normalize_by_max<S, D>(image: &ArrayBase<S, D>) -> Result<Array<f64, D>, f64>
where
    S: Data<Elem = f64>,
    D: Dimension,
{
    let mut out = image.as_standard_layout().into_owned();
    divide_by_max(contiguous(&mut out), f64::INFINITY)?;
    Ok(out)
}

/// [`normalize_by_max`] in place, also returning numpy's `(im > threshold).mean()`
/// of the result (count / size, both exact in `f64`).
pub(super) fn normalize_and_measure(image: &mut ArrayD<f64>, threshold: f64) -> Result<f64, f64> {
    let size = image.len();
    let above = divide_by_max(contiguous(image), threshold)?;
    Ok(above as f64 / size as f64)
}

/// The pixels as one slice, making the array contiguous first if needed.
fn contiguous<D: Dimension>(image: &mut Array<f64, D>) -> &mut [f64] {
    if image.as_slice_memory_order().is_none() {
        *image = image.as_standard_layout().into_owned();
    }
    match image.as_slice_memory_order_mut() {
        Some(pixels) => pixels,
        None => unreachable!("a standard-layout array is contiguous"),
    }
}

/// Divides by numpy's max and counts the results above `threshold`.
fn divide_by_max(pixels: &mut [f64], threshold: f64) -> Result<usize, f64> {
    let max = numpy_max(pixels);
    if max == 0.0 || !max.is_finite() {
        return Err(max);
    }
    let mut above = 0;
    for v in pixels.iter_mut() {
        *v /= max;
        above += usize::from(*v > threshold);
    }
    Ok(above)
}

/// numpy's `max`: NaN if any value is NaN, and (where numpy raises) for no values.
///
/// Eight running maxima instead of one, so the loop is not one long chain of
/// dependent comparisons; the maximum of a set does not depend on the order.
fn numpy_max(values: &[f64]) -> f64 {
    const LANES: usize = 8;
    let mut max = [f64::NEG_INFINITY; LANES];
    let mut nan = [false; LANES];
    let chunks = values.chunks_exact(LANES);
    let rest = chunks.remainder();
    for chunk in chunks {
        for lane in 0..LANES {
            let v = chunk[lane];
            nan[lane] |= v.is_nan();
            max[lane] = if v > max[lane] { v } else { max[lane] };
        }
    }
    for (lane, &v) in rest.iter().enumerate() {
        nan[lane] |= v.is_nan();
        max[lane] = if v > max[lane] { v } else { max[lane] };
    }
    let max = max
        .iter()
        .copied()
        .fold(f64::NEG_INFINITY, |a, b| if b > a { b } else { a });
    if nan.contains(&true) || values.is_empty() {
        f64::NAN
    } else {
        max
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ndarray::{Array2, array};

    #[test]
    fn divides_by_the_maximum() {
        let im = array![[1.0, 2.0], [4.0, -1.0]];
        assert_eq!(normalize_by_max(&im), Ok(array![[0.25, 0.5], [1.0, -0.25]]));
        assert_eq!(
            normalize_by_max(&im.t()),
            Ok(array![[0.25, 1.0], [0.5, -0.25]])
        );
    }

    #[test]
    fn max_is_numpys_for_any_length() {
        for len in 0..40 {
            let values: Vec<f64> = (0..len).map(|i| ((i * 7919) % 23) as f64 - 5.0).collect();
            let want = values.iter().copied().fold(f64::NEG_INFINITY, f64::max);
            let got = numpy_max(&values);
            if len == 0 {
                assert!(got.is_nan());
            } else {
                assert_eq!(got, want, "length {len}");
                let mut with_nan = values.clone();
                with_nan[len / 2] = f64::NAN;
                assert!(numpy_max(&with_nan).is_nan(), "length {len}");
            }
        }
    }

    #[test]
    fn measures_the_fraction_above() {
        let mut im = array![[1.0, 2.0], [4.0, 3.0]].into_dyn();
        assert_eq!(normalize_and_measure(&mut im, 0.4), Ok(0.75));
        assert_eq!(im, array![[0.25, 0.5], [1.0, 0.75]].into_dyn());
    }

    #[test]
    fn zero_nan_and_empty_maxima_are_refused() {
        assert_eq!(normalize_by_max(&Array2::<f64>::zeros((3, 3))), Err(0.0));
        let with_nan = array![[1.0, f64::NAN]];
        assert!(normalize_by_max(&with_nan).is_err_and(|m| m.is_nan()));
        let with_inf = array![[1.0, f64::INFINITY]];
        assert_eq!(normalize_by_max(&with_inf), Err(f64::INFINITY));
        assert!(normalize_by_max(&Array2::<f64>::zeros((0, 3))).is_err());
    }
}
