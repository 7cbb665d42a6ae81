//! How an image column's values become 8-bit levels: the scale a user
//! names, fixed for a column by reading it where the scale needs the whole
//! column (`auto`, `global`).
//!
//! The rule itself is `pixtip-compose`'s [`ResolvedScale`]: every scaling
//! picks a range `lo..hi` for an image and a value `v` becomes the level
//! `floor(255·clamp((v − lo) / (hi − lo), 0, 1))`, the tutorial's
//! `(255 * x).astype('uint8')` when `lo = 0, hi = 1`. NaN is not scaled: it
//! gets a colour of its own (see `PictureOptions::look`). Infinities
//! clamp to 0 and 255 and are left out of every range computed from the
//! data. A constant range (`hi == lo`) shows every value as 0.

use super::column::ImageColumn;
use super::stats::{ColumnStats, SeenRanges, row_stats};
use crate::error::PixtipError;
use crate::parallel::for_each_batch;
use pixtip_compose::{ElementType, ResolvedScale};

/// How an image column's values map to 8-bit levels.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub enum Scaling {
    /// The default, chosen by element type: `uint8` as it is; `bool` as
    /// 0 and 255; other integers by the column's global min–max; floats as
    /// [`Scaling::Unit`] when every value of the column lies in `[0, 1]`, and by
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

impl Scaling {
    /// Parses the command line's names: `auto`, `unit`, `global`,
    /// `per-image`, `range:LO,HI`, `percentile:LO,HI`.
    ///
    /// ```
    /// use pixtip::Scaling;
    /// assert_eq!(Scaling::parse("range:0,4095")?, Scaling::Range { lo: 0.0, hi: 4095.0 });
    /// assert!(Scaling::parse("percentile:99,1").is_err());
    /// # Ok::<(), pixtip::PixtipError>(())
    /// ```
    pub fn parse(text: &str) -> Result<Scaling, PixtipError> {
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
            ("auto", None) => Scaling::Auto,
            ("unit", None) => Scaling::Unit,
            ("global", None) => Scaling::Global,
            ("per-image", None) => Scaling::PerImage,
            ("range", _) => {
                let (lo, hi) = pair()?;
                Scaling::Range { lo, hi }
            }
            ("percentile", _) => {
                let (lo, hi) = pair()?;
                Scaling::Percentile { lo, hi }
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
            Scaling::Range { lo, hi } if !(lo.is_finite() && hi.is_finite() && lo < hi) => Err(
                PixtipError::BadScale(format!("range {lo},{hi}: needs finite LO below HI")),
            ),
            Scaling::Percentile { lo, hi } if !(0.0 <= lo && lo < hi && hi <= 100.0) => Err(
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
        Ok(match self {
            Scaling::Auto if matches!(known, Some(ElementType::U8 | ElementType::Bool)) => {
                ResolvedScale::auto(None)
            }
            Scaling::Auto => {
                let stats = column_stats(column, name, false)?;
                let data = match stats.range {
                    None if stats.images > 0 => return Err(no_finite_values(name)),
                    None => None,
                    Some((lo, hi)) if !stats.integers && lo >= 0.0 && hi <= 1.0 => Some((0.0, 1.0)),
                    range => range,
                };
                ResolvedScale::auto(data)
            }
            Scaling::Unit => ResolvedScale::UNIT,
            Scaling::Global => {
                let stats = column_stats(column, name, true)?;
                match stats.range {
                    Some((lo, hi)) => ResolvedScale::range(lo, hi)?,
                    // No rows, or only empty images (each refused by its row when drawn).
                    None if stats.images == 0 => ResolvedScale::UNIT,
                    None => return Err(no_finite_values(name)),
                }
            }
            Scaling::Range { lo, hi } => ResolvedScale::range(lo, hi)?,
            Scaling::PerImage => ResolvedScale::PER_IMAGE,
            Scaling::Percentile { lo, hi } => ResolvedScale::percentile(lo, hi)?,
        })
    }
}

fn no_finite_values(name: &str) -> PixtipError {
    PixtipError::BadScale(format!(
        "column `{name}` has no finite values to take a range from (all NaN or infinite)"
    ))
}

/// Min and max of the finite values of every non-empty image (of the
/// non-`uint8`, non-`bool` ones unless `all`), whether any of them is of an
/// integer type, and how many images were looked at: from an earlier pass
/// over the images (a metric's) when there was one, else from a pass now.
fn column_stats(column: &ImageColumn, name: &str, all: bool) -> Result<ColumnStats, PixtipError> {
    let seen = match column.seen_ranges() {
        Some(seen) => seen,
        None => {
            // Where only the wide images' range is asked for and the source
            // tells rows' types from their headers, 8-bit rows are not
            // decoded: a column of 8-bit PNGs is then decoded once, to draw.
            let skip_narrow = !all && column.element_type().is_none();
            // Rows are added as each round of them is done: 100,000 rows'
            // stats held at once were 16 MB.
            let mut seen = SeenRanges::default();
            let mut skipped = false;
            let each_row = |row| {
                if skip_narrow
                    && matches!(
                        column.row_element_type(row),
                        Some(ElementType::U8 | ElementType::Bool)
                    )
                {
                    return Ok(None);
                }
                Ok(Some(row_stats(&column.image(row)?)))
            };
            for_each_batch(column.len(), name, each_row, |_, rows| {
                skipped |= rows.iter().any(Option::is_none);
                rows.into_iter().flatten().for_each(|row| seen.add(row));
                Ok(())
            })?;
            if skipped {
                // `all` lacks the skipped rows: not one to keep.
                return Ok(seen.wide);
            }
            column.remember_ranges(seen);
            seen
        }
    };
    Ok(if all { seen.all } else { seen.wide })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::images::{ImageSource, Pixels};
    use ndarray::array;

    #[test]
    fn auto_follows_the_element_type() {
        let bytes = ImageColumn::from_images([array![[0u8, 200]]]);
        let scale = Scaling::Auto.resolve(&bytes, "b").unwrap();
        let values = array![[0.0, 200.0]].into_dyn();
        assert_eq!(scale.range_for(ElementType::U8, &values).unwrap(), None);

        let words = ImageColumn::from_images([array![[10u16, 20]], array![[30u16, 1000]]]);
        let scale = Scaling::Auto.resolve(&words, "w").unwrap();
        assert_eq!(
            scale.range_for(ElementType::U16, &values).unwrap(),
            Some((10.0, 1000.0))
        );

        let unit = ImageColumn::from_images([array![[0.0f32, 0.5]], array![[f32::NAN, 1.0]]]);
        let scale = Scaling::Auto.resolve(&unit, "u").unwrap();
        assert_eq!(
            scale.range_for(ElementType::F32, &values).unwrap(),
            Some((0.0, 1.0))
        );

        let wide = ImageColumn::from_images([array![[-2.0f64, f64::INFINITY]], array![[3.0, 0.5]]]);
        let scale = Scaling::Auto.resolve(&wide, "f").unwrap();
        assert_eq!(
            scale.range_for(ElementType::F64, &values).unwrap(),
            Some((-2.0, 3.0))
        );
    }

    /// A column of encoded images whose headers tell `uint8` or `uint16`,
    /// counting the images decoded.
    #[derive(Debug)]
    struct Headers {
        images: Vec<Pixels>,
        decoded: std::sync::Arc<std::sync::atomic::AtomicUsize>,
    }

    impl ImageSource for Headers {
        fn len(&self) -> usize {
            self.images.len()
        }
        fn row_element_type(&self, row: usize) -> Option<ElementType> {
            Some(self.images[row].element_type())
        }
        fn image(&self, row: usize) -> Result<Pixels, PixtipError> {
            self.decoded
                .fetch_add(1, std::sync::atomic::Ordering::Relaxed);
            Ok(self.images[row].clone())
        }
        fn origin(&self) -> String {
            "headers".into()
        }
    }

    #[test]
    fn auto_decodes_only_the_rows_whose_headers_are_not_8_bit() {
        let headers = |images: Vec<Pixels>| {
            let decoded = std::sync::Arc::<std::sync::atomic::AtomicUsize>::default();
            let source = Headers {
                images,
                decoded: decoded.clone(),
            };
            (ImageColumn::from_source(source), decoded)
        };
        let (bytes, seen) = headers(vec![
            array![[0u8, 200]].into_dyn().into(),
            array![[7u8, 9]].into_dyn().into(),
        ]);
        let scale = Scaling::Auto.resolve(&bytes, "b").unwrap();
        assert_eq!(seen.load(std::sync::atomic::Ordering::Relaxed), 0);
        let values = array![[0.0, 200.0]].into_dyn();
        assert_eq!(scale.range_for(ElementType::U8, &values).unwrap(), None);

        let (mixed, seen) = headers(vec![
            array![[0u8, 255]].into_dyn().into(),
            array![[300u16, 4000]].into_dyn().into(),
            array![[9u8, 9]].into_dyn().into(),
        ]);
        let scale = Scaling::Auto.resolve(&mixed, "m").unwrap();
        assert_eq!(seen.load(std::sync::atomic::Ordering::Relaxed), 1);
        assert_eq!(
            scale.range_for(ElementType::U16, &values).unwrap(),
            Some((300.0, 4000.0))
        );
        // Global takes every image's range: all are decoded, and the 8-bit
        // rows count.
        let global = Scaling::Global.resolve(&mixed, "m").unwrap();
        assert_eq!(seen.load(std::sync::atomic::Ordering::Relaxed), 4);
        assert_eq!(
            global.range_for(ElementType::U16, &values).unwrap(),
            Some((0.0, 4000.0))
        );
    }

    #[test]
    fn all_nan_columns_and_images_are_errors_when_a_range_is_needed() {
        let nan = ImageColumn::from_images([array![[f64::NAN, f64::NAN]]]);
        let error = Scaling::Auto
            .resolve(&nan, "cells")
            .unwrap_err()
            .to_string();
        assert!(
            error.contains("`cells`") && error.contains("no finite values"),
            "{error}"
        );
        assert!(Scaling::Global.resolve(&nan, "cells").is_err());
        let per_image = Scaling::PerImage.resolve(&nan, "cells").unwrap();
        let values = array![[f64::NAN]].into_dyn();
        assert!(per_image.range_for(ElementType::F64, &values).is_err());
        // A fixed range needs nothing from the data: NaN gets its own colour later.
        let unit = Scaling::Unit.resolve(&nan, "cells").unwrap();
        assert_eq!(
            unit.range_for(ElementType::F64, &values).unwrap(),
            Some((0.0, 1.0))
        );
    }

    #[test]
    fn percentiles_ignore_nan_like_nanpercentile() {
        let scale = Scaling::Percentile { lo: 25.0, hi: 75.0 };
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
        assert_eq!(Scaling::parse("auto").unwrap(), Scaling::Auto);
        assert_eq!(Scaling::parse("per-image").unwrap(), Scaling::PerImage);
        assert_eq!(
            Scaling::parse("percentile:1,99").unwrap(),
            Scaling::Percentile { lo: 1.0, hi: 99.0 }
        );
        for bad in [
            "range:1",
            "range:2,1",
            "range:0,inf",
            "nope",
            "unit:3",
            "percentile:0,101",
        ] {
            assert!(Scaling::parse(bad).is_err(), "{bad}");
        }
    }
}
