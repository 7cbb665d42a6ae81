//! How image values become 8-bit levels: explicit, never silently wrong.
//!
//! Every scaling picks a range `lo..hi` for an image; a value `v` becomes
//! `s = clamp((v − lo) / (hi − lo), 0, 1)` and the level `floor(255·s)`, the
//! tutorial's `(255 * x).astype('uint8')` when `lo = 0, hi = 1`. NaN is not
//! scaled: it gets a colour of its own (see `PictureOptions::nan_color`).
//! Infinities clamp to 0 and 255 and are left out of every range computed
//! from the data. A constant range (`hi == lo`) shows every value as 0.

use super::column::ImageColumn;
use super::pixels::ElementType;
use super::stats::{ColumnStats, row_stats};
use crate::error::PixtipError;
use crate::parallel::map_rows;
use pixtip_compose::percentile;

/// How an image column's values map to 8-bit levels.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub enum Scale {
    /// The default, chosen by element type: `uint8` as it is; `bool` as
    /// 0 and 255; other integers by the column's global min–max; floats as
    /// [`Scale::Unit`] when every value of the column lies in `[0, 1]`, and by
    /// the global min–max otherwise. Needs one pass over the column (not for
    /// `uint8` and `bool` columns).
    #[default]
    Auto,
    /// `lo = 0, hi = 1`: the tutorial's scaling of float images.
    Unit,
    /// `lo, hi` = the smallest and largest finite value in the whole column
    /// (one pass over the column first).
    Global,
    /// `lo, hi` = each image's own smallest and largest finite value.
    PerImage,
    /// A fixed range.
    Range {
        /// Value shown as 0.
        lo: f64,
        /// Value shown as 255.
        hi: f64,
    },
    /// Each image's `lo`-th and `hi`-th percentile of its finite values
    /// (numpy's `np.nanpercentile` with linear interpolation), percentiles in
    /// `0..=100`.
    Percentile {
        /// Lower percentile, e.g. 1.
        lo: f64,
        /// Upper percentile, e.g. 99.
        hi: f64,
    },
}

impl Scale {
    /// Parses the command line's names: `auto`, `unit`, `global`,
    /// `per-image`, `range:LO,HI`, `percentile:LO,HI`.
    ///
    /// ```
    /// use pixtip::Scale;
    /// assert_eq!(Scale::parse("range:0,4095")?, Scale::Range { lo: 0.0, hi: 4095.0 });
    /// assert!(Scale::parse("percentile:99,1").is_err());
    /// # Ok::<(), pixtip::PixtipError>(())
    /// ```
    pub fn parse(text: &str) -> Result<Scale, PixtipError> {
        let bad = |why: String| PixtipError::BadScale(format!("`{text}`: {why}"));
        let (name, args) = match text.split_once(':') {
            Some((name, args)) => (name, Some(args)),
            None => (text, None),
        };
        let pair = || -> Result<(f64, f64), PixtipError> {
            let args =
                args.ok_or_else(|| bad(format!("{name} needs two numbers, {name}:LO,HI")))?;
            let (a, b) = args
                .split_once(',')
                .ok_or_else(|| bad(format!("{name} needs two numbers, {name}:LO,HI")))?;
            let number = |s: &str| {
                s.trim()
                    .parse::<f64>()
                    .map_err(|_| bad(format!("`{}` is not a number", s.trim())))
            };
            Ok((number(a)?, number(b)?))
        };
        let scale = match (name, args) {
            ("auto", None) => Scale::Auto,
            ("unit", None) => Scale::Unit,
            ("global", None) => Scale::Global,
            ("per-image", None) => Scale::PerImage,
            ("range", _) => {
                let (lo, hi) = pair()?;
                Scale::Range { lo, hi }
            }
            ("percentile", _) => {
                let (lo, hi) = pair()?;
                Scale::Percentile { lo, hi }
            }
            _ => {
                return Err(bad(
                    "expected auto, unit, global, per-image, range:LO,HI or percentile:LO,HI"
                        .into(),
                ));
            }
        };
        scale.check()?;
        Ok(scale)
    }

    fn check(self) -> Result<(), PixtipError> {
        match self {
            Scale::Range { lo, hi } if !(lo.is_finite() && hi.is_finite() && lo < hi) => Err(
                PixtipError::BadScale(format!("range {lo},{hi}: needs finite LO below HI")),
            ),
            Scale::Percentile { lo, hi } if !(0.0 <= lo && lo < hi && hi <= 100.0) => Err(
                PixtipError::BadScale(format!("percentile {lo},{hi}: needs 0 <= LO < HI <= 100")),
            ),
            _ => Ok(()),
        }
    }

    /// Fixes the scaling for one column, reading the column once where the
    /// scaling depends on all of it (`Auto` on non-`uint8` data, `Global`).
    /// `name` names the column in errors.
    pub fn resolve(self, column: &ImageColumn, name: &str) -> Result<ResolvedScale, PixtipError> {
        self.check()?;
        let known = column.element_type();
        let rule = match self {
            Scale::Auto if matches!(known, Some(ElementType::U8 | ElementType::Bool)) => {
                Rule::Auto { data: None }
            }
            Scale::Auto => {
                let stats = column_stats(column, name, false)?;
                let data = match stats.range {
                    None if stats.images > 0 => return Err(no_finite_values(name)),
                    None => None,
                    Some((lo, hi)) if !stats.integers && lo >= 0.0 && hi <= 1.0 => Some((0.0, 1.0)),
                    range => range,
                };
                Rule::Auto { data }
            }
            Scale::Unit => Rule::Fixed(0.0, 1.0),
            Scale::Global => {
                let stats = column_stats(column, name, true)?;
                match stats.range {
                    Some((lo, hi)) => Rule::Fixed(lo, hi),
                    // No rows, or only empty images (each refused by its row when drawn).
                    None if stats.images == 0 => Rule::Fixed(0.0, 1.0),
                    None => return Err(no_finite_values(name)),
                }
            }
            Scale::Range { lo, hi } => Rule::Fixed(lo, hi),
            Scale::PerImage => Rule::PerImage,
            Scale::Percentile { lo, hi } => Rule::Percentile(lo, hi),
        };
        Ok(ResolvedScale { rule })
    }
}

fn no_finite_values(name: &str) -> PixtipError {
    PixtipError::BadScale(format!(
        "column `{name}` has no finite values to take a range from (all NaN or infinite)"
    ))
}

/// A [`Scale`] fixed for one column: gives each image its range.
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
    /// The tutorial's `lo = 0, hi = 1`.
    pub const UNIT: ResolvedScale = ResolvedScale {
        rule: Rule::Fixed(0.0, 1.0),
    };

    /// The range for one image whose pixels were of type `element` and are now
    /// `values`; `None` means "levels as they are" (`uint8` under `Auto`).
    /// Errors are one-line reasons (an all-NaN image under a per-image range).
    pub fn range_for<S: ndarray::Data<Elem = f64>, D: ndarray::Dimension>(
        &self,
        element: ElementType,
        values: &ndarray::ArrayBase<S, D>,
    ) -> Result<Option<(f64, f64)>, String> {
        match self.rule {
            Rule::Auto { .. } if element == ElementType::U8 => Ok(None),
            Rule::Auto { .. } if element == ElementType::Bool => Ok(Some((0.0, 1.0))),
            Rule::Auto { data: Some(range) } => Ok(Some(range)),
            Rule::Auto { data: None } => Err(format!(
                "no range known for {element} values (auto scaling)"
            )),
            Rule::Fixed(lo, hi) => Ok(Some((lo, hi))),
            Rule::PerImage => finite_min_max(values.iter().copied())
                .map(Some)
                .ok_or_else(|| all_nan("per-image")),
            Rule::Percentile(lo, hi) => {
                let finite: Vec<f64> = values.iter().copied().filter(|v| v.is_finite()).collect();
                if finite.is_empty() {
                    return Err(all_nan("percentile"));
                }
                let finite = ndarray::Array1::from(finite);
                let at = |q| percentile(&finite, q).map_err(|e| e.to_string());
                Ok(Some((at(lo)?, at(hi)?)))
            }
        }
    }
}

fn all_nan(scale: &str) -> String {
    format!("the image has no finite values, so the {scale} scaling has no range")
}

/// The level of `v` in `lo..hi`: `floor(255 · clamp((v − lo)/(hi − lo), 0, 1))`.
/// NaN must be handled before (it gives 0 here).
#[inline]
pub(crate) fn level(v: f64, lo: f64, hi: f64) -> u8 {
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

/// Min and max of the finite values of every non-empty image (of the
/// non-`uint8`, non-`bool` ones unless `all`), whether any of them is of an
/// integer type, and how many images were looked at: from an earlier pass
/// over the images (a metric's) when there was one, else from a pass now.
fn column_stats(column: &ImageColumn, name: &str, all: bool) -> Result<ColumnStats, PixtipError> {
    let seen = match column.seen_ranges() {
        Some(seen) => seen,
        None => {
            let per_row = map_rows(column.len(), name, |row| Ok(row_stats(&column.image(row)?)))?;
            let seen = ColumnStats::gather(per_row);
            column.remember_ranges(seen);
            seen
        }
    };
    Ok(if all { seen.all } else { seen.wide })
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
        assert_eq!(level(-3.0, 0.0, 1.0), 0);
        assert_eq!(level(f64::INFINITY, 0.0, 1.0), 255);
        assert_eq!(level(f64::NEG_INFINITY, 0.0, 1.0), 0);
        assert_eq!(level(2048.0, 0.0, 4095.0), 127);
        assert_eq!(level(5.0, 5.0, 5.0), 0);
    }

    #[test]
    fn auto_follows_the_element_type() {
        let bytes = ImageColumn::from_images([array![[0u8, 200]]]);
        let scale = Scale::Auto.resolve(&bytes, "b").unwrap();
        let values = array![[0.0, 200.0]].into_dyn();
        assert_eq!(scale.range_for(ElementType::U8, &values).unwrap(), None);

        let words = ImageColumn::from_images([array![[10u16, 20]], array![[30u16, 1000]]]);
        let scale = Scale::Auto.resolve(&words, "w").unwrap();
        assert_eq!(
            scale.range_for(ElementType::U16, &values).unwrap(),
            Some((10.0, 1000.0))
        );

        let unit = ImageColumn::from_images([array![[0.0f32, 0.5]], array![[f32::NAN, 1.0]]]);
        let scale = Scale::Auto.resolve(&unit, "u").unwrap();
        assert_eq!(
            scale.range_for(ElementType::F32, &values).unwrap(),
            Some((0.0, 1.0))
        );

        let wide = ImageColumn::from_images([array![[-2.0f64, f64::INFINITY]], array![[3.0, 0.5]]]);
        let scale = Scale::Auto.resolve(&wide, "f").unwrap();
        assert_eq!(
            scale.range_for(ElementType::F64, &values).unwrap(),
            Some((-2.0, 3.0))
        );
    }

    #[test]
    fn all_nan_columns_and_images_are_errors_when_a_range_is_needed() {
        let nan = ImageColumn::from_images([array![[f64::NAN, f64::NAN]]]);
        let error = Scale::Auto.resolve(&nan, "cells").unwrap_err().to_string();
        assert!(
            error.contains("`cells`") && error.contains("no finite values"),
            "{error}"
        );
        assert!(Scale::Global.resolve(&nan, "cells").is_err());
        let per_image = Scale::PerImage.resolve(&nan, "cells").unwrap();
        let values = array![[f64::NAN]].into_dyn();
        assert!(per_image.range_for(ElementType::F64, &values).is_err());
        // A fixed range needs nothing from the data: NaN gets its own colour later.
        let unit = Scale::Unit.resolve(&nan, "cells").unwrap();
        assert_eq!(
            unit.range_for(ElementType::F64, &values).unwrap(),
            Some((0.0, 1.0))
        );
    }

    #[test]
    fn percentiles_ignore_nan_like_nanpercentile() {
        let scale = Scale::Percentile { lo: 25.0, hi: 75.0 };
        let column = ImageColumn::from_images([array![[1.0, 2.0, 3.0, 4.0, 5.0, f64::NAN]]]);
        let resolved = scale.resolve(&column, "c").unwrap();
        let values = column.image(0).unwrap().to_f64();
        assert_eq!(
            resolved.range_for(ElementType::F64, &values).unwrap(),
            Some((2.0, 4.0))
        );
    }

    #[test]
    fn parse_names_every_scaling() {
        assert_eq!(Scale::parse("auto").unwrap(), Scale::Auto);
        assert_eq!(Scale::parse("per-image").unwrap(), Scale::PerImage);
        assert_eq!(
            Scale::parse("percentile:1,99").unwrap(),
            Scale::Percentile { lo: 1.0, hi: 99.0 }
        );
        for bad in [
            "range:1",
            "range:2,1",
            "range:0,inf",
            "nope",
            "unit:3",
            "percentile:0,101",
        ] {
            assert!(Scale::parse(bad).is_err(), "{bad}");
        }
    }
}
