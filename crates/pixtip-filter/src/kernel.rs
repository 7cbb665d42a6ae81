//! Correlation weights: scipy's Gaussian kernel and its symmetry test.

/// How scipy's `NI_Correlate1D` folds the weights before multiplying.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Symmetry {
    /// `w[c + k] == w[c - k]`: adds each symmetric pair of samples, then multiplies.
    Symmetric,
    /// `w[c + k] == -w[c - k]`: subtracts each pair, then multiplies.
    Antisymmetric,
    /// No folding: one multiply per weight.
    General,
}

/// Classifies weights exactly as scipy does: only odd lengths fold, and
/// pairs count as equal when they differ by at most `f64::EPSILON`.
pub(crate) fn symmetry(weights: &[f64]) -> Symmetry {
    let len = weights.len();
    if len.is_multiple_of(2) {
        return Symmetry::General;
    }
    let c = len / 2;
    if (1..=c).all(|k| (weights[c + k] - weights[c - k]).abs() <= f64::EPSILON) {
        Symmetry::Symmetric
    } else if (1..=c).all(|k| (weights[c + k] + weights[c - k]).abs() <= f64::EPSILON) {
        Symmetry::Antisymmetric
    } else {
        Symmetry::General
    }
}

/// The radius scipy gives a Gaussian of `sigma` cut at `truncate` sigmas:
/// `int(truncate * sigma + 0.5)`, as an `f64` so the caller can bound it.
pub(crate) fn gaussian_radius(sigma: f64, truncate: f64) -> f64 {
    (truncate * sigma + 0.5).trunc()
}

/// scipy's `_gaussian_kernel1d(sigma, order, radius)[::-1]`: the correlation
/// weights of a Gaussian (or its `order`-th derivative), reversed because
/// scipy correlates with the convolution kernel.
pub(crate) fn gaussian_weights(sigma: f64, order: usize, radius: usize) -> Vec<f64> {
    let sigma2 = sigma * sigma;
    let exponent_factor = -0.5 / sigma2;
    let r = radius as i64;
    let phi: Vec<f64> = (-r..=r)
        .map(|x| (exponent_factor * (x * x) as f64).exp())
        .collect();
    let total = pairwise_sum(&phi);
    let mut kernel: Vec<f64> = phi.iter().map(|p| p / total).collect();
    if order > 0 {
        let q = derivative_polynomial(sigma2, order);
        for (value, x) in kernel.iter_mut().zip(-r..=r) {
            let mut power = 1i64;
            let mut poly = 0.0;
            for coefficient in &q {
                poly += power as f64 * coefficient;
                power *= x;
            }
            *value *= poly;
        }
    }
    kernel.reverse();
    kernel
}

/// The coefficients of `q` with `d^order/dx^order exp(p(x)) = q(x) exp(p(x))`,
/// built by scipy's recurrence `q <- q' + q p'` with `p' = -x / sigma^2`.
fn derivative_polynomial(sigma2: f64, order: usize) -> Vec<f64> {
    let down = 1.0 / -sigma2;
    let mut q = vec![0.0; order + 1];
    q[0] = 1.0;
    for _ in 0..order {
        q = (0..=order)
            .map(|i| {
                // Row i of scipy's (D + P) times q: P's entry sits left of D's.
                let from_p = if i > 0 { down * q[i - 1] } else { 0.0 };
                let from_d = if i < order {
                    (i + 1) as f64 * q[i + 1]
                } else {
                    0.0
                };
                from_p + from_d
            })
            .collect();
    }
    q
}

/// numpy's pairwise summation (what `ndarray.sum()` does for a contiguous
/// float64 array): left to right below 8 values, eight running sums up to
/// 128, halves above. The kernel normalisation uses it so it rounds as
/// numpy's does; the facade's metrics use it to equal `x.sum()` and `x.mean()`.
///
/// ```
/// let values: Vec<f64> = (0..1000).map(f64::from).collect();
/// assert_eq!(pixtip_filter::pairwise_sum(&values), 499_500.0);
/// ```
pub fn pairwise_sum(values: &[f64]) -> f64 {
    const BLOCK: usize = 128;
    let n = values.len();
    if n < 8 {
        // From -0.0, as numpy, so that a sum of negative zeros stays -0.0.
        values.iter().fold(-0.0, |acc, v| acc + v)
    } else if n <= BLOCK {
        let mut r = [0.0; 8];
        r.copy_from_slice(&values[..8]);
        let full = n - n % 8;
        for chunk in values[8..full].chunks_exact(8) {
            for (acc, v) in r.iter_mut().zip(chunk) {
                *acc += v;
            }
        }
        let mut total = ((r[0] + r[1]) + (r[2] + r[3])) + ((r[4] + r[5]) + (r[6] + r[7]));
        for v in &values[full..] {
            total += v;
        }
        total
    } else {
        let mut half = n / 2;
        half -= half % 8;
        pairwise_sum(&values[..half]) + pairwise_sum(&values[half..])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn order_zero_kernel_sums_to_one_and_is_symmetric() {
        let w = gaussian_weights(2.0, 0, 8);
        assert_eq!(w.len(), 17);
        assert!((w.iter().sum::<f64>() - 1.0).abs() < 1e-15);
        assert_eq!(symmetry(&w), Symmetry::Symmetric);
    }

    #[test]
    fn odd_orders_are_antisymmetric() {
        assert_eq!(
            symmetry(&gaussian_weights(1.5, 1, 6)),
            Symmetry::Antisymmetric
        );
        assert_eq!(
            symmetry(&gaussian_weights(1.5, 3, 6)),
            Symmetry::Antisymmetric
        );
        assert_eq!(symmetry(&gaussian_weights(1.5, 2, 6)), Symmetry::Symmetric);
        assert_eq!(symmetry(&[1.0, 2.0]), Symmetry::General);
    }

    #[test]
    fn second_derivative_polynomial() {
        // d2/dx2 exp(-x^2 / 2s^2) = (x^2 / s^4 - 1 / s^2) exp(...)
        let q = derivative_polynomial(4.0, 2);
        assert_eq!(q, vec![-0.25, 0.0, 1.0 / 16.0]);
    }

    #[test]
    fn radius_rounds_like_python_int() {
        assert_eq!(gaussian_radius(4.8, 4.0), 19.0);
        assert_eq!(gaussian_radius(9.6, 4.0), 38.0);
        assert_eq!(gaussian_radius(8.0, 4.0), 32.0);
    }

    #[test]
    fn pairwise_sum_adds_up() {
        let v: Vec<f64> = (0..300).map(f64::from).collect();
        assert_eq!(pairwise_sum(&v), 44850.0);
    }
}
