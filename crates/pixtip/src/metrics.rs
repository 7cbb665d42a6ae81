//! Per-image measurements, computed as numpy computes them.
//!
//! numpy sums float arrays with pairwise summation (blocks of 128 elements,
//! eight running partial sums each), so a plain left-to-right sum can differ
//! from `x.sum()` and `x.mean()` in the last bits. [`pairwise_sum`] (from
//! pixtip-filter) follows numpy's scheme, which makes `Metric::Sum` and `Metric::Mean` equal to
//! numpy's results for contiguous arrays, bit for bit.

use ndarray::{ArrayBase, Data, Dimension};

/// A number measured on each image of an image column.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Metric {
    /// Fraction of pixels strictly above the threshold: numpy's `(x > t).mean()`,
    /// the tutorial's "area" with `t = 0.4`.
    FractionAbove(f64),
    /// Mean of all pixels: numpy's `x.mean()`.
    Mean,
    /// Largest pixel: numpy's `x.max()` (NaN if any pixel is NaN, as numpy).
    Max,
    /// Smallest pixel: numpy's `x.min()` (NaN if any pixel is NaN, as numpy).
    Min,
    /// Sum of all pixels: numpy's `x.sum()`.
    Sum,
}

impl Metric {
    /// Parses the command line's names: `fraction_above:T`, `mean`, `min`,
    /// `max`, `sum`.
    ///
    /// ```
    /// use pixtip::Metric;
    /// assert_eq!(Metric::parse("fraction_above:0.4"), Ok(Metric::FractionAbove(0.4)));
    /// assert!(Metric::parse("median").is_err());
    /// ```
    pub fn parse(text: &str) -> Result<Metric, String> {
        match text.split_once(':') {
            Some(("fraction_above", threshold)) => threshold
                .trim()
                .parse::<f64>()
                .ok()
                .filter(|t| !t.is_nan())
                .map(Metric::FractionAbove)
                .ok_or_else(|| {
                    format!("fraction_above needs a threshold number, not `{threshold}`")
                }),
            None if text == "fraction_above" => {
                Err("fraction_above needs a threshold: fraction_above:0.4".into())
            }
            None => match text {
                "mean" => Ok(Metric::Mean),
                "min" => Ok(Metric::Min),
                "max" => Ok(Metric::Max),
                "sum" => Ok(Metric::Sum),
                other => Err(format!(
                    "unknown metric `{other}`: use fraction_above:T, mean, min, max or sum"
                )),
            },
            Some((other, _)) => Err(format!(
                "`{other}` takes no argument (only fraction_above:T does)"
            )),
        }
    }

    /// Measures one image. An empty image gives NaN for `Mean`, `Max`, `Min`
    /// and `FractionAbove` (numpy warns and gives NaN, or raises for max/min),
    /// and 0 for `Sum`.
    pub fn measure<S, D>(&self, image: &ArrayBase<S, D>) -> f64
    where
        S: Data<Elem = f64>,
        D: Dimension,
    {
        let count = image.len();
        match *self {
            Metric::FractionAbove(threshold) => {
                let above = image.iter().filter(|&&v| v > threshold).count();
                // Both are exact integers in f64, so this is numpy's mean of booleans.
                above as f64 / count as f64
            }
            Metric::Mean => with_contiguous(image, pairwise_sum) / count as f64,
            Metric::Sum => with_contiguous(image, pairwise_sum),
            Metric::Max => extreme(image, |a, b| a > b),
            Metric::Min => extreme(image, |a, b| a < b),
        }
    }

    /// A short name for column titles and messages: `fraction_above(0.4)`, `mean`, …
    pub fn describe(&self) -> String {
        match self {
            Metric::FractionAbove(t) => format!("fraction_above({t})"),
            Metric::Mean => "mean".into(),
            Metric::Max => "max".into(),
            Metric::Min => "min".into(),
            Metric::Sum => "sum".into(),
        }
    }
}

/// Runs `f` on the image's pixels in memory order when they are contiguous (as
/// numpy's reductions walk them), else on a C-order copy.
fn with_contiguous<S, D>(image: &ArrayBase<S, D>, f: impl Fn(&[f64]) -> f64) -> f64
where
    S: Data<Elem = f64>,
    D: Dimension,
{
    match image.as_slice_memory_order() {
        Some(pixels) => f(pixels),
        None => f(&image.iter().copied().collect::<Vec<_>>()),
    }
}

/// numpy's max/min: NaN propagates; an empty image gives NaN.
fn extreme<S, D>(image: &ArrayBase<S, D>, better: impl Fn(f64, f64) -> bool) -> f64
where
    S: Data<Elem = f64>,
    D: Dimension,
{
    let mut pixels = image.iter().copied();
    let Some(mut best) = pixels.next() else {
        return f64::NAN;
    };
    for value in pixels {
        if value.is_nan() {
            return f64::NAN;
        }
        if better(value, best) {
            best = value;
        }
    }
    best
}

/// numpy's pairwise summation, shared with the filters' kernel normalisation.
pub use pixtip_filter::pairwise_sum;

#[cfg(test)]
mod tests {
    use super::*;
    use ndarray::{Array2, array};

    #[test]
    fn fraction_above_counts_strictly_greater_pixels() {
        let image = array![[0.4, 0.5], [0.1, 1.0]];
        assert_eq!(Metric::FractionAbove(0.4).measure(&image), 0.5);
    }

    #[test]
    fn max_and_min_propagate_nan_as_numpy() {
        let image = array![[0.4, f64::NAN], [0.1, 1.0]];
        assert!(Metric::Max.measure(&image).is_nan());
        assert!(Metric::Min.measure(&image).is_nan());
        assert_eq!(Metric::Max.measure(&array![[0.4, 2.0]]), 2.0);
    }

    #[test]
    fn pairwise_sum_of_exact_values_is_exact() {
        let values: Vec<f64> = (0..1000).map(f64::from).collect();
        assert_eq!(pairwise_sum(&values), 499_500.0);
        assert_eq!(pairwise_sum(&[]), -0.0);
    }

    #[test]
    fn views_and_transposes_measure_like_the_owned_array() {
        let image = Array2::from_shape_fn((5, 7), |(i, j)| ((i * 7 + j) as f64).sin());
        let transposed = image.t();
        // The same pixels in another order: fraction and extremes agree exactly.
        for metric in [Metric::FractionAbove(0.2), Metric::Max, Metric::Min] {
            assert_eq!(metric.measure(&image), metric.measure(&transposed));
        }
    }
}
