//! One image to one picture: layout, projection, scaling, colour, size.

use super::pixels::{ElementType, Pixels};
use super::scale::{ResolvedScale, level};
use ndarray::{ArrayD, ArrayView2, ArrayView3, Ix2, Ix3};
use pixtip_compose::image::{GrayImage, ImageBuffer, Pixel, Rgb, RgbImage, Rgba, RgbaImage};
use pixtip_compose::{Color, Colormap, Picture, Projection, project, thumbnail};

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
    Color {
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

/// The layout of an image of this shape, or why it cannot be shown.
///
/// ```
/// use pixtip::{ImageLayout, layout_of};
/// assert_eq!(layout_of(&[28, 28]), Ok(ImageLayout::Gray { height: 28, width: 28 }));
/// assert!(matches!(layout_of(&[64, 64, 3]), Ok(ImageLayout::Color { channels: 3, .. })));
/// assert!(matches!(layout_of(&[16, 64, 64]), Ok(ImageLayout::Volume { depth: 16, .. })));
/// assert!(layout_of(&[2, 3, 4, 5]).is_err());
/// ```
pub fn layout_of(shape: &[usize]) -> Result<ImageLayout, String> {
    match *shape {
        [height, width] => Ok(ImageLayout::Gray { height, width }),
        [height, width, channels @ (3 | 4)] => Ok(ImageLayout::Color {
            height,
            width,
            channels,
        }),
        [depth, height, width] => Ok(ImageLayout::Volume {
            depth,
            height,
            width,
        }),
        _ => Err(format!(
            "an image of shape {shape:?} cannot be shown: images are H×W (gray), H×W×3|4 (colour) or D×H×W (volumes)"
        )),
    }
}

/// How [`render_image`] draws; the facade's `PictureOptions` fill it in.
#[derive(Debug, Clone)]
pub(crate) struct RenderStyle {
    pub colormap: Colormap,
    pub nan_color: Color,
    pub projection: Projection,
    pub thumbnail: Option<u32>,
    pub zoom: Zoom,
}

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

/// Pixels → scaled 8-bit picture → enlarged or shrunk to its tooltip size.
/// Errors are one-line reasons; the caller adds row and column.
pub(crate) fn render_image(
    pixels: &Pixels,
    scale: &ResolvedScale,
    style: &RenderStyle,
) -> Result<Picture, String> {
    let layout = layout_of(pixels.shape())?;
    let element = pixels.element_type();
    let values = pixels.to_f64();
    let picture = match layout {
        ImageLayout::Gray { .. } => {
            let view = values
                .view()
                .into_dimensionality::<Ix2>()
                .map_err(|e| e.to_string())?;
            gray_picture(view, element, scale, style)?
        }
        ImageLayout::Volume { .. } => {
            let volume = values
                .view()
                .into_dimensionality::<Ix3>()
                .map_err(|e| e.to_string())?;
            let flat = project(&volume, style.projection).map_err(|e| e.to_string())?;
            gray_picture(flat.view(), element, scale, style)?
        }
        ImageLayout::Color { .. } => {
            let view = values
                .view()
                .into_dimensionality::<Ix3>()
                .map_err(|e| e.to_string())?;
            color_picture(view, element, scale, style.nan_color)?
        }
    };
    resize(picture, style)
}

fn size_of(height: usize, width: usize) -> Result<(u32, u32), String> {
    if height == 0 || width == 0 {
        return Err(format!("the image is empty ({height}×{width} pixels)"));
    }
    match (u32::try_from(width), u32::try_from(height)) {
        (Ok(w), Ok(h)) => Ok((w, h)),
        _ => Err(format!(
            "the image is too large to draw ({height}×{width} pixels)"
        )),
    }
}

/// The level of every value and where the NaNs are.
fn levels_of<'a>(
    values: impl Iterator<Item = &'a f64>,
    range: Option<(f64, f64)>,
) -> (Vec<u8>, bool) {
    let mut any_nan = false;
    let levels = values
        .map(|&v| {
            if v.is_nan() {
                any_nan = true;
                0
            } else {
                match range {
                    Some((lo, hi)) => level(v, lo, hi),
                    // Values of uint8 images, exact in f64.
                    None => v as u8,
                }
            }
        })
        .collect();
    (levels, any_nan)
}

fn gray_picture(
    view: ArrayView2<'_, f64>,
    element: ElementType,
    scale: &ResolvedScale,
    style: &RenderStyle,
) -> Result<Picture, String> {
    let (height, width) = view.dim();
    let (w, h) = size_of(height, width)?;
    let owned: ArrayD<f64>;
    let values = match view.as_slice() {
        Some(_) => view,
        None => {
            owned = view.to_owned().into_dyn();
            owned
                .view()
                .into_dimensionality::<Ix2>()
                .map_err(|e| e.to_string())?
        }
    };
    let range = scale.range_for(element, &values)?;
    let (levels, any_nan) = levels_of(values.iter(), range);
    let gray = GrayImage::from_raw(w, h, levels).ok_or("picture buffer of the wrong size")?;
    if !any_nan {
        return Ok(match style.colormap {
            Colormap::Gray => Picture::Gray(gray),
            map => Picture::Rgb(map.apply(&gray)),
        });
    }
    let mut rgb: RgbImage = match style.colormap {
        Colormap::Gray => Picture::Gray(gray).to_rgb(),
        map => map.apply(&gray),
    };
    let nan = Rgb([style.nan_color.r, style.nan_color.g, style.nan_color.b]);
    for (pixel, value) in rgb.pixels_mut().zip(values.iter()) {
        if value.is_nan() {
            *pixel = nan;
        }
    }
    Ok(Picture::Rgb(rgb))
}

fn color_picture(
    view: ArrayView3<'_, f64>,
    element: ElementType,
    scale: &ResolvedScale,
    nan_color: Color,
) -> Result<Picture, String> {
    let (height, width, channels) = view.dim();
    let (w, h) = size_of(height, width)?;
    let standard = view.as_standard_layout();
    let range = scale.range_for(element, &standard)?;
    let (mut levels, any_nan) = levels_of(standard.iter(), range);
    if any_nan {
        let nan = [nan_color.r, nan_color.g, nan_color.b, 255];
        for (pixel, values) in levels.chunks_exact_mut(channels).zip(
            standard
                .as_slice()
                .unwrap_or_default()
                .chunks_exact(channels),
        ) {
            if values.iter().any(|v| v.is_nan()) {
                pixel.copy_from_slice(&nan[..channels]);
            }
        }
    }
    let wrong = || "picture buffer of the wrong size".to_string();
    Ok(if channels == 3 {
        Picture::Rgb(RgbImage::from_raw(w, h, levels).ok_or_else(wrong)?)
    } else {
        Picture::Rgba(RgbaImage::from_raw(w, h, levels).ok_or_else(wrong)?)
    })
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

fn resize(picture: Picture, style: &RenderStyle) -> Result<Picture, String> {
    let (width, height) = (picture.width(), picture.height());
    let longest = width.max(height);
    let factor = match style.zoom {
        Zoom::Auto if longest < 32 => 64 / longest.max(1),
        Zoom::Auto => 1,
        // A picture already as large as the thumbnail would be shrunk back
        // to the size it has: enlarging it first only costs factor² memory.
        Zoom::Factor(_) if style.thumbnail.is_some_and(|side| longest >= side) => 1,
        Zoom::Factor(factor) => factor.max(1),
    };
    let zoomed = u64::from(width)
        .saturating_mul(u64::from(height))
        .saturating_mul(u64::from(factor).saturating_mul(u64::from(factor)));
    if factor > 1 && zoomed > MAX_ZOOMED_PIXELS {
        return Err(format!(
            "zoom {factor} would make a {}×{} picture, more than the {MAX_ZOOMED_PIXELS} pixels allowed",
            u64::from(height) * u64::from(factor),
            u64::from(width) * u64::from(factor)
        ));
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
    match style.thumbnail {
        Some(side) => thumbnail(&picture, side, side).map_err(|e| e.to_string()),
        None => Ok(picture),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ndarray::array;

    fn style() -> RenderStyle {
        RenderStyle {
            colormap: Colormap::Gray,
            nan_color: Color::rgb(255, 0, 255),
            projection: Projection::default(),
            thumbnail: Some(128),
            zoom: Zoom::Factor(1),
        }
    }

    #[test]
    fn unit_scaling_is_the_tutorials_cast() {
        let pixels = Pixels::from(array![[0.0, 0.5, 0.999], [1.0, 1.5, -0.5]]);
        let Picture::Gray(gray) = render_image(&pixels, &ResolvedScale::UNIT, &style()).unwrap()
        else {
            panic!("gray expected")
        };
        assert_eq!(gray.as_raw(), &[0, 127, 254, 255, 255, 0]);
    }

    #[test]
    fn nan_pixels_get_their_own_colour() {
        let pixels = Pixels::from(array![[0.0, f64::NAN], [1.0, 0.5]]);
        let Picture::Rgb(rgb) = render_image(&pixels, &ResolvedScale::UNIT, &style()).unwrap()
        else {
            panic!("rgb expected")
        };
        assert_eq!(
            rgb.as_raw(),
            &[0, 0, 0, 255, 0, 255, 255, 255, 255, 127, 127, 127]
        );
    }

    #[test]
    fn small_images_grow_by_whole_factors_and_large_ones_shrink() {
        let mut auto = style();
        auto.zoom = Zoom::Auto;
        let size = |h: usize, w: usize| {
            let pixels = Pixels::from(ndarray::Array2::<u8>::zeros((h, w)));
            let p = render_image(&pixels, &ResolvedScale::UNIT, &auto).unwrap();
            (p.width(), p.height())
        };
        assert_eq!(size(8, 8), (64, 64));
        assert_eq!(size(28, 28), (56, 56));
        assert_eq!(size(1, 1), (64, 64));
        assert_eq!(size(31, 10), (20, 62));
        assert_eq!(size(32, 32), (32, 32));
        assert_eq!(size(512, 256), (64, 128));
    }

    #[test]
    fn colour_and_volumes_and_bad_shapes() {
        let rgb = Pixels::from(ndarray::Array3::<u8>::from_elem((2, 2, 3), 7));
        let scale = ResolvedScale::UNIT;
        let picture = render_image(&rgb, &scale, &style()).unwrap();
        assert!(matches!(picture, Picture::Rgb(_)));
        let volume = Pixels::from(ndarray::Array3::<f64>::from_shape_fn(
            (5, 2, 2),
            |(z, _, _)| z as f64 / 4.0,
        ));
        let Picture::Gray(top) = render_image(&volume, &scale, &style()).unwrap() else {
            panic!("gray expected")
        };
        assert_eq!(top.as_raw(), &[255; 4]);
        let empty = Pixels::from(ndarray::Array2::<f64>::zeros((0, 3)));
        assert!(
            render_image(&empty, &scale, &style())
                .unwrap_err()
                .contains("empty")
        );
        let four = Pixels::from(ndarray::Array4::<f64>::zeros((1, 2, 3, 5)));
        assert!(render_image(&four, &scale, &style()).is_err());
    }
}
