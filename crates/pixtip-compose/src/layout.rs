//! What an image's shape makes of it: gray, colour or a volume.

use crate::error::ComposeError;

/// What an image's shape makes of it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ImageLayout {
    /// `H×W`: one gray level per pixel.
    Gray {
        /// Rows.
        height: usize,
        /// Columns.
        width: usize,
    },
    /// `H×W×3` (RGB) or `H×W×4` (RGBA).
    PixelColor {
        /// Rows.
        height: usize,
        /// Columns.
        width: usize,
        /// 3 or 4.
        channels: usize,
    },
    /// `D×H×W` with `W` not 3 or 4: a volume, shown through a projection.
    Volume {
        /// Slices.
        depth: usize,
        /// Rows.
        height: usize,
        /// Columns.
        width: usize,
    },
}

impl ImageLayout {
    /// Whether an array of `shape` has this layout's sizes.
    pub fn fits(self, shape: &[usize]) -> bool {
        match self {
            ImageLayout::Gray { height, width } => shape == [height, width],
            ImageLayout::PixelColor {
                height,
                width,
                channels,
            } => shape == [height, width, channels],
            ImageLayout::Volume {
                depth,
                height,
                width,
            } => shape == [depth, height, width],
        }
    }
}

/// The layout of an image of this shape, or why it cannot be shown.
///
/// ```
/// use pixtip_compose::{ImageLayout, layout_of};
/// assert_eq!(layout_of(&[28, 28])?, ImageLayout::Gray { height: 28, width: 28 });
/// assert!(matches!(layout_of(&[64, 64, 3])?, ImageLayout::PixelColor { channels: 3, .. }));
/// assert!(matches!(layout_of(&[16, 64, 64])?, ImageLayout::Volume { depth: 16, .. }));
/// assert!(layout_of(&[2, 3, 4, 5]).is_err());
/// # Ok::<(), pixtip_compose::ComposeError>(())
/// ```
pub fn layout_of(shape: &[usize]) -> Result<ImageLayout, ComposeError> {
    match *shape {
        [height, width] => Ok(ImageLayout::Gray { height, width }),
        [height, width, channels @ (3 | 4)] => Ok(ImageLayout::PixelColor {
            height,
            width,
            channels,
        }),
        [depth, height, width] => Ok(ImageLayout::Volume {
            depth,
            height,
            width,
        }),
        _ => Err(ComposeError::BadShape {
            shape: shape.to_vec(),
        }),
    }
}
