//! The filtered mask of one row: scipy's filter applied to an image holding
//! a single 1, computed one line per axis instead of over the whole image.
//!
//! scipy filters axis after axis. After the axes before `k`, the image is
//! zero except on the lines through the impulse along axis `k`, and each of
//! those lines is `v * impulse`, so filtering axis `k` maps every value `v` to
//! the 1-D response to `v * impulse`.

use ndarray::{Array1, ArrayD, IxDyn};
use pixtip_filter::{
    FilterError, Gaussian1dOptions, Mode, Uniform1dOptions, gaussian_filter1d, uniform_filter1d,
};

fn impulse(width: usize, at: usize, value: f64) -> Array1<f64> {
    let mut line = Array1::zeros(width);
    line[at] = value;
    line
}

/// `ndi.gaussian_filter(mask, sigma)` (mode reflect, truncate 4) of the mask
/// with a 1 at `point`.
///
/// The response to `v * impulse` is `v` times the unit response wherever a
/// single kernel tap meets the impulse, and scipy rounds that same product;
/// where reflection folds two or three taps onto it (near an edge), scipy
/// rounds each tap's product before adding and this is within an ulp or two.
pub(super) fn gaussian(
    width: usize,
    point: &[usize],
    sigma: f64,
) -> Result<ArrayD<f64>, FilterError> {
    let options = Gaussian1dOptions::default();
    let mut values: Vec<f64> = vec![1.0];
    for &at in point {
        let line = gaussian_filter1d(&impulse(width, at, 1.0), sigma, 0, &options)?;
        let line = line
            .as_slice()
            .unwrap_or_else(|| unreachable!("a new 1-D array is contiguous"));
        let mut next = vec![0.0; values.len() * width];
        for (out, &v) in next.chunks_exact_mut(width).zip(&values) {
            for (o, &w) in out.iter_mut().zip(line) {
                *o = v * w;
            }
        }
        values = next;
    }
    Ok(shaped(width, point.len(), values))
}

/// `ndi.uniform_filter(mask, size, mode="constant")` of the mask with a 1 at
/// `point`, for scipy's float `size`: axes are skipped unless `size > 1`, and
/// the window is `int(size)` long.
///
/// Exact: each distinct line value is filtered as scipy filters it (there are
/// only two per axis, zero and the box height).
pub(super) fn uniform(
    width: usize,
    point: &[usize],
    size: f64,
) -> Result<ArrayD<f64>, FilterError> {
    let window = if size > 1.0 { size as usize } else { 1 };
    let options = Uniform1dOptions {
        mode: Mode::Constant,
        ..Uniform1dOptions::default()
    };
    let zeros = Array1::zeros(width);
    let mut values: Vec<f64> = vec![1.0];
    for &at in point {
        let mut responses: Vec<(u64, Array1<f64>)> = Vec::new();
        let mut next = Vec::with_capacity(values.len() * width);
        for &v in &values {
            if v == 0.0 {
                next.extend(zeros.iter());
                continue;
            }
            let found = responses.iter().position(|(bits, _)| *bits == v.to_bits());
            let index = match found {
                Some(index) => index,
                None => {
                    let line = impulse(width, at, v);
                    let response = if window > 1 {
                        uniform_filter1d(&line, window, 0, &options)?
                    } else {
                        line
                    };
                    responses.push((v.to_bits(), response));
                    responses.len() - 1
                }
            };
            next.extend(responses[index].1.iter());
        }
        values = next;
    }
    Ok(shaped(width, point.len(), values))
}

fn shaped(width: usize, ndim: usize, values: Vec<f64>) -> ArrayD<f64> {
    ArrayD::from_shape_vec(IxDyn(&vec![width; ndim]), values)
        .unwrap_or_else(|_| unreachable!("width^ndim values were pushed"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use ndarray::Array2;
    use pixtip_filter::{GaussianOptions, UniformOptions, gaussian_filter, uniform_filter};

    fn mask(width: usize, point: [usize; 2]) -> Array2<f64> {
        let mut mask = Array2::zeros((width, width));
        mask[point] = 1.0;
        mask
    }

    /// Checks ours against the full filter of a `width`² mask lit at each
    /// case's point, to within `ulps` of the full filter's values (0: equal).
    fn assert_like_the_full_filter(
        width: usize,
        cases: &[([usize; 2], f64)],
        ulps: f64,
        full: impl Fn(&Array2<f64>, f64) -> Array2<f64>,
        ours: impl Fn(&[usize; 2], f64) -> ArrayD<f64>,
    ) {
        for &(point, scale) in cases {
            let full = full(&mask(width, point), scale);
            let ours: Array2<f64> = ours(&point, scale).into_dimensionality().unwrap();
            assert_eq!(ours.shape(), full.shape());
            for (a, b) in ours.iter().zip(full.iter()) {
                assert!(
                    (a - b).abs() <= ulps * f64::EPSILON * b.abs(),
                    "{point:?} {scale}: {a} vs {b}"
                );
            }
        }
    }

    #[test]
    fn uniform_equals_the_full_filter_exactly() {
        let constant = UniformOptions {
            mode: Mode::Constant.into(),
            ..UniformOptions::default()
        };
        // Sizes of 1 or less leave the mask as it is.
        let full = |mask: &Array2<f64>, size: f64| match size > 1.0 {
            true => uniform_filter(mask, size as usize, &constant).unwrap(),
            false => mask.clone(),
        };
        let cases = [
            ([3, 17], 9.6),
            ([0, 0], 12.0),
            ([23, 1], 7.2),
            ([5, 5], 0.5),
        ];
        assert_like_the_full_filter(24, &cases, 0.0, full, |point, size| {
            uniform(24, point, size).unwrap()
        });
    }

    #[test]
    fn gaussian_is_within_an_ulp_or_two_of_the_full_filter() {
        let cases = [
            ([0, 0], 14.4),
            ([10, 30], 4.8),
            ([39, 2], 9.6),
            ([20, 20], 2.0),
        ];
        let full = |mask: &Array2<f64>, sigma| {
            gaussian_filter(mask, sigma, &GaussianOptions::default()).unwrap()
        };
        assert_like_the_full_filter(40, &cases, 4.0, full, |point, sigma| {
            gaussian(40, point, sigma).unwrap()
        });
    }
}
