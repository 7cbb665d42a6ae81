//! How image values become 8-bit levels: one rule for every picture.
//!
//! A [`ResolvedScale`] gives each image a range `lo..hi`; a value `v` becomes
//! `s = clamp((v − lo) / (hi − lo), 0, 1)` and the level `floor(255·s)`, the
//! tutorial's `(255 * x).astype('uint8')` when `lo = 0, hi = 1`. NaN is not
//! scaled: it gets a colour of its own (see [`Look::nan_color`](crate::Look)).
//! Infinities clamp to 0 and 255 and are left out of every range computed
//! from the data. A constant range (`hi == lo`) shows every value as 0.
//!
//! Ranges that need a whole column (pixtip's `auto` and `global` scales) are
//! found by the caller, who reads the column, and handed in here.

use crate::error::ComposeError;
use crate::pixels::ElementType;
use ndarray::{ArrayBase, Data, Dimension};

/// A scaling fixed for a column: gives each of its images its range.
///
/// ```
/// use ndarray::array;
/// use pixtip_compose::{ElementType, ResolvedScale};
/// let values = array![[1.0, 2.0, 3.0, 4.0, 5.0, f64::NAN]];
/// let scale = ResolvedScale::percentile(25.0, 75.0)?;
/// assert_eq!(scale.range_for(ElementType::F64, &values)?, Some((2.0, 4.0)));
/// assert_eq!(ResolvedScale::UNIT.range_for(ElementType::F64, &values)?, Some((0.0, 1.0)));
/// # Ok::<(), pixtip_compose::ComposeError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ResolvedScale {
    rule: Rule,
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum Rule {
    /// `uint8` as is, `bool` as 0/1, everything else by `data`.
    Auto {
        data: Option<(f64, f64)>,
    },
    Fixed(f64, f64),
    PerImage,
    Percentile(f64, f64),
}

impl ResolvedScale {
    /// `lo = 0, hi = 1`: the tutorial's scaling of float images.
    pub const UNIT: ResolvedScale = ResolvedScale {
        rule: Rule::Fixed(0.0, 1.0),
    };

    /// Each image's own smallest and largest finite value.
    pub const PER_IMAGE: ResolvedScale = ResolvedScale {
        rule: Rule::PerImage,
    };

    /// Chosen by element type: `uint8` levels as they are, `bool` as 0 and
    /// 255, every other type by `data`, the range its caller found for the
    /// column (`None` when it found none: such images are an error).
    pub const fn auto(data: Option<(f64, f64)>) -> ResolvedScale {
        ResolvedScale {
            rule: Rule::Auto { data },
        }
    }

    /// A fixed range: `lo` is shown as 0, `hi` as 255 (`hi == lo` shows
    /// every value as 0). Errors unless both are finite and `lo <= hi`.
    pub fn range(lo: f64, hi: f64) -> Result<ResolvedScale, ComposeError> {
        if !(lo.is_finite() && hi.is_finite() && lo <= hi) {
            return Err(ComposeError::InvalidScaling(format!(
                "range {lo},{hi}: needs finite LO at most HI"
            )));
        }
        Ok(ResolvedScale {
            rule: Rule::Fixed(lo, hi),
        })
    }

    /// Each image's `lo`-th and `hi`-th percentile of its finite values
    /// (numpy's `np.nanpercentile`, linear interpolation, infinities left out
    /// too). Errors unless `0 <= lo < hi <= 100`.
    pub fn percentile(lo: f64, hi: f64) -> Result<ResolvedScale, ComposeError> {
        if !(0.0 <= lo && lo < hi && hi <= 100.0) {
            return Err(ComposeError::InvalidScaling(format!(
                "percentile {lo},{hi}: needs 0 <= LO < HI <= 100"
            )));
        }
        Ok(ResolvedScale {
            rule: Rule::Percentile(lo, hi),
        })
    }

    /// The range for one image whose pixels were of type `element` and are now
    /// `values`; `None` means "levels as they are" (`uint8` under auto).
    ///
    /// Errors: an image with no finite values under a per-image or percentile
    /// scale, a non-`uint8`/`bool` image under an auto scale with no range.
    pub fn range_for<S: Data<Elem = f64>, D: Dimension>(
        &self,
        element: ElementType,
        values: &ArrayBase<S, D>,
    ) -> Result<Option<(f64, f64)>, ComposeError> {
        match self.rule {
            Rule::Auto { .. } if element == ElementType::U8 => Ok(None),
            Rule::Auto { .. } if element == ElementType::Bool => Ok(Some((0.0, 1.0))),
            Rule::Auto { data: Some(range) } => Ok(Some(range)),
            Rule::Auto { data: None } => Err(ComposeError::NoAutoRange { element }),
            Rule::Fixed(lo, hi) => Ok(Some((lo, hi))),
            Rule::PerImage => finite_min_max(values.iter().copied())
                .map(Some)
                .ok_or(ComposeError::NoFiniteValues { scale: "per-image" }),
            Rule::Percentile(lo, hi) => {
                let mut finite: Vec<f64> =
                    values.iter().copied().filter(|v| v.is_finite()).collect();
                if finite.is_empty() {
                    return Err(ComposeError::NoFiniteValues {
                        scale: "percentile",
                    });
                }
                finite.sort_unstable_by(f64::total_cmp);
                Ok(Some((
                    percentile_of_sorted(&finite, lo)?,
                    percentile_of_sorted(&finite, hi)?,
                )))
            }
        }
    }
}

/// The level of `v` in `lo..hi`: `floor(255 · clamp((v − lo)/(hi − lo), 0, 1))`.
/// NaN must be handled before (it gives 0 here).
///
/// ```
/// use pixtip_compose::level;
/// assert_eq!(level(0.999, 0.0, 1.0), 254);
/// assert_eq!(level(2048.0, 0.0, 4095.0), 127);
/// ```
#[inline]
pub fn level(v: f64, lo: f64, hi: f64) -> u8 {
    if hi > lo {
        // `as` truncates toward zero and saturates: floor for s in [0, 1].
        (255.0 * ((v - lo) / (hi - lo)).clamp(0.0, 1.0)) as u8
    } else {
        0
    }
}

fn finite_min_max(values: impl Iterator<Item = f64>) -> Option<(f64, f64)> {
    values
        .filter(|v| v.is_finite())
        .fold(None, |range, v| match range {
            None => Some((v, v)),
            Some((lo, hi)) => Some((f64::min(lo, v), f64::max(hi, v))),
        })
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
    percentile_of_sorted(&sorted, q)
}

/// numpy's linear percentile of sorted, non-empty values.
fn percentile_of_sorted(sorted: &[f64], q: f64) -> Result<f64, ComposeError> {
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

#[cfg(test)]
mod tests {
    use super::*;
    use ndarray::array;

    #[test]
    fn levels_are_floor_of_255_s_clamped() {
        assert_eq!(level(0.0, 0.0, 1.0), 0);
        assert_eq!(level(1.0, 0.0, 1.0), 255);
        assert_eq!(level(0.999, 0.0, 1.0), 254);
        assert_eq!(level(0.0039, 0.0, 1.0), 0);
        assert_eq!(level(-3.0, 0.0, 1.0), 0);
        assert_eq!(level(7.0, 0.0, 1.0), 255);
        assert_eq!(level(f64::INFINITY, 0.0, 1.0), 255);
        assert_eq!(level(f64::NEG_INFINITY, 0.0, 1.0), 0);
        assert_eq!(level(2048.0, 0.0, 4095.0), 127);
        assert_eq!(level(3.0, 2.0, 4.0), 127);
        assert_eq!(level(5.0, 5.0, 5.0), 0);
    }

    #[test]
    fn auto_follows_the_element_type() {
        let values = array![[0.0, 200.0]].into_dyn();
        let auto = ResolvedScale::auto(Some((10.0, 1000.0)));
        assert_eq!(auto.range_for(ElementType::U8, &values).unwrap(), None);
        assert_eq!(
            auto.range_for(ElementType::Bool, &values).unwrap(),
            Some((0.0, 1.0))
        );
        assert_eq!(
            auto.range_for(ElementType::U16, &values).unwrap(),
            Some((10.0, 1000.0))
        );
        let error = ResolvedScale::auto(None)
            .range_for(ElementType::F32, &values)
            .unwrap_err();
        assert_eq!(
            error.to_string(),
            "no range known for float32 values (auto scaling)"
        );
    }

    #[test]
    fn per_image_and_percentile_need_finite_values() {
        let nan = array![[f64::NAN, f64::INFINITY]];
        for (scale, name) in [
            (ResolvedScale::PER_IMAGE, "per-image"),
            (ResolvedScale::percentile(1.0, 99.0).unwrap(), "percentile"),
        ] {
            let error = scale.range_for(ElementType::F64, &nan).unwrap_err();
            assert_eq!(
                error.to_string(),
                format!("the image has no finite values, so the {name} scaling has no range")
            );
        }
        let values = array![[-2.0, f64::INFINITY, 3.0, f64::NAN]];
        assert_eq!(
            ResolvedScale::PER_IMAGE
                .range_for(ElementType::F64, &values)
                .unwrap(),
            Some((-2.0, 3.0))
        );
    }

    #[test]
    fn constructors_check_their_bounds() {
        assert!(ResolvedScale::range(1.0, 1.0).is_ok());
        assert!(ResolvedScale::range(2.0, 1.0).is_err());
        assert!(ResolvedScale::range(0.0, f64::INFINITY).is_err());
        assert!(ResolvedScale::percentile(50.0, 10.0).is_err());
        assert!(ResolvedScale::percentile(0.0, 101.0).is_err());
        assert!(ResolvedScale::percentile(-1.0, 50.0).is_err());
    }

    #[test]
    fn percentile_is_numpys_linear_and_nanpercentile_leaves_out_nan() {
        let values = array![3.0, 1.0, 4.0, 1.0, 5.0];
        assert_eq!(percentile(&values, 50.0).unwrap(), 3.0);
        assert_eq!(percentile(&values, 10.0).unwrap(), 1.0);
        assert!((percentile(&values, 90.0).unwrap() - 4.6).abs() < 1e-12);
        assert!(percentile(&array![1.0, f64::NAN], 50.0).is_err());
        assert!(percentile(&ndarray::Array1::<f64>::zeros(0), 50.0).is_err());
        // The per-image percentile of an image with NaN is numpy's of the rest.
        let with_nan = array![[3.0, f64::NAN, 1.0, 4.0, 1.0, 5.0]];
        let scale = ResolvedScale::percentile(10.0, 90.0).unwrap();
        let (lo, hi) = scale
            .range_for(ElementType::F64, &with_nan)
            .unwrap()
            .unwrap();
        assert_eq!(lo, percentile(&values, 10.0).unwrap());
        assert_eq!(hi, percentile(&values, 90.0).unwrap());
    }
}
