//! What one pass over a column's images learns for scaling: the range of
//! their finite values and whether any is of an integer type. Metrics take
//! it on their way, so scaling need not read the images again.

use pixtip_compose::{ElementType, Pixels};

/// The value ranges a pass over every image of a column found (a metric's),
/// kept so that scaling need not read the images again.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct SeenRanges {
    /// Over the images that are not `uint8` or `bool`.
    pub(crate) wide: ColumnStats,
    /// Over all images.
    pub(crate) all: ColumnStats,
}

/// What scaling needs to know of a column's values.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct ColumnStats {
    pub(crate) range: Option<(f64, f64)>,
    pub(crate) integers: bool,
    pub(crate) images: usize,
}

/// What one image adds to a column's [`ColumnStats`]: its finite range and
/// whether its type is an integer one (`None` for an empty image, which
/// drawing refuses by its row), and whether it is `uint8` or `bool`.
pub(crate) type RowStats = (Option<(Option<(f64, f64)>, bool)>, bool);

/// The [`RowStats`] of one image.
pub(crate) fn row_stats(pixels: &Pixels) -> RowStats {
    let element = pixels.element_type();
    let narrow = matches!(element, ElementType::U8 | ElementType::Bool);
    if pixels.is_empty() {
        return (None, narrow);
    }
    (Some((pixels.finite_range(), !element.is_float())), narrow)
}

impl ColumnStats {
    /// Adds one image's range and type.
    pub(crate) fn add(&mut self, range: Option<(f64, f64)>, integers: bool) {
        self.images += 1;
        self.integers |= integers;
        if let Some((lo, hi)) = range {
            self.range = Some(match self.range {
                None => (lo, hi),
                Some((a, b)) => (a.min(lo), b.max(hi)),
            });
        }
    }
}

impl SeenRanges {
    /// Adds one image's [`RowStats`].
    pub(crate) fn add(&mut self, (stats, narrow): RowStats) {
        if let Some((range, integers)) = stats {
            self.all.add(range, integers);
            if !narrow {
                self.wide.add(range, integers);
            }
        }
    }
}
