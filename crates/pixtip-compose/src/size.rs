//! A picture's tooltip size: small images enlarged by whole factors, large
//! ones shrunk to a thumbnail.

use crate::error::ComposeError;
use crate::picture::Picture;
use crate::thumbnail::thumbnail;
use image::{ImageBuffer, Pixel, Rgba};

/// How small images are enlarged.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Zoom {
    /// Images whose longest side is under 32 px grow by the largest whole
    /// factor that keeps them at most 64 px (8×8 → 64×64, 28×28 → 56×56).
    #[default]
    Auto,
    /// Every image grows by this whole factor (1 leaves them as they are),
    /// except pictures already as large as the thumbnail bound, which it
    /// would only shrink back. A zoom to over 2^28 pixels is an error.
    Factor(u32),
}

/// The size pictures are drawn at: enlarged by [`Zoom`], then shrunk to the
/// thumbnail bound. The default is pixtip's tooltips' (zoom auto, at most
/// 128 px); [`PictureSize::ACTUAL`] keeps an image's own size (the tutorial's).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PictureSize {
    /// Pictures are shrunk (aspect kept) to at most this many pixels on their
    /// longest side; `None` keeps their size.
    pub thumbnail: Option<u32>,
    /// How small images are enlarged.
    pub zoom: Zoom,
}

impl PictureSize {
    /// One picture pixel per image pixel.
    pub const ACTUAL: PictureSize = PictureSize {
        thumbnail: None,
        zoom: Zoom::Factor(1),
    };
}

impl Default for PictureSize {
    fn default() -> Self {
        PictureSize {
            thumbnail: Some(128),
            zoom: Zoom::Auto,
        }
    }
}

/// Nearest-neighbour enlargement by a whole factor.
fn enlarge<P: Pixel>(
    image: &ImageBuffer<P, Vec<P::Subpixel>>,
    factor: u32,
) -> ImageBuffer<P, Vec<P::Subpixel>> {
    ImageBuffer::from_fn(image.width() * factor, image.height() * factor, |x, y| {
        *image.get_pixel(x / factor, y / factor)
    })
}

/// The most pixels a zoom may make of one picture: 2^28 (16384 × 16384).
const MAX_ZOOMED_PIXELS: u64 = 1 << 28;

/// `picture` at `size`.
pub(crate) fn resize(picture: Picture, size: &PictureSize) -> Result<Picture, ComposeError> {
    let (width, height) = (picture.width(), picture.height());
    let longest = width.max(height);
    let factor = match size.zoom {
        Zoom::Auto if longest < 32 => 64 / longest.max(1),
        Zoom::Auto => 1,
        // A picture already as large as the thumbnail would be shrunk back
        // to the size it has: enlarging it first only costs factor² memory.
        Zoom::Factor(_) if size.thumbnail.is_some_and(|side| longest >= side) => 1,
        Zoom::Factor(factor) => factor.max(1),
    };
    let zoomed = u64::from(width)
        .saturating_mul(u64::from(height))
        .saturating_mul(u64::from(factor).saturating_mul(u64::from(factor)));
    if factor > 1 && zoomed > MAX_ZOOMED_PIXELS {
        return Err(ComposeError::ZoomTooLarge {
            factor,
            height: u64::from(height) * u64::from(factor),
            width: u64::from(width) * u64::from(factor),
            max: MAX_ZOOMED_PIXELS,
        });
    }
    let picture = if factor > 1 {
        match &picture {
            Picture::Gray(i) => Picture::Gray(enlarge(i, factor)),
            Picture::Gray16(i) => Picture::Gray16(enlarge(i, factor)),
            Picture::Rgb(i) => Picture::Rgb(enlarge(i, factor)),
            Picture::Rgba(i) => Picture::Rgba(enlarge::<Rgba<u8>>(i, factor)),
        }
    } else {
        picture
    };
    match size.thumbnail {
        Some(side) => thumbnail(&picture, side, side),
        None => Ok(picture),
    }
}
