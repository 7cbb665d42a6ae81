//! One image to one picture: layout, projection, scaling, colour, size.

use crate::colormap::Colormap;
use crate::error::ComposeError;
use crate::layout::{ImageLayout, layout_of};
use crate::picture::{Picture, PixelColor};
use crate::pixels::{ElementType, Pixels};
use crate::scale::ResolvedScale;
use crate::size::{PictureSize, resize};
use crate::stack::{Projection, project};
use image::{GrayImage, Rgb, RgbImage, RgbaImage};
use multiversion::multiversion;
use ndarray::{ArrayView2, ArrayView3, ArrayViewD, Ix2, Ix3};

/// How levels look: their colours, NaN's colour, and how volumes become 2-D.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Look {
    /// Colours of gray images' levels ([`Colormap::Gray`] keeps 8-bit gray).
    pub colormap: Colormap,
    /// The colour of NaN pixels (default magenta, which no colormap uses).
    pub nan_color: PixelColor,
    /// How volumes (`D×H×W`) become 2-D (default: maximum along the first axis).
    pub projection: Projection,
}

impl Default for Look {
    fn default() -> Self {
        Look {
            colormap: Colormap::Gray,
            nan_color: PixelColor::rgb(255, 0, 255),
            projection: Projection::default(),
        }
    }
}

/// Pixels → scaled 8-bit picture → enlarged or shrunk to `size`: the one
/// path every picture of pixtip takes. The layout comes from the shape (see
/// [`layout_of`]).
///
/// ```
/// use ndarray::array;
/// use pixtip_compose::{Look, Picture, Pixels, ResolvedScale, PictureSize, render};
/// let pixels = Pixels::from(array![[0.0, 0.5], [0.999, f64::NAN]]);
/// let picture = render(&pixels, &ResolvedScale::UNIT, &Look::default(), &PictureSize::ACTUAL)?;
/// // NaN has its own colour, so the picture is RGB: 0, 127, 254 and magenta.
/// let Picture::Rgb(rgb) = picture else { unreachable!() };
/// assert_eq!(rgb.as_raw(), &[0, 0, 0, 127, 127, 127, 254, 254, 254, 255, 0, 255]);
/// # Ok::<(), pixtip_compose::ComposeError>(())
/// ```
///
/// Errors: a shape no image has, an empty image, a scale with no range for
/// it, a zoom too large.
pub fn render(
    pixels: &Pixels,
    scale: &ResolvedScale,
    look: &Look,
    size: &PictureSize,
) -> Result<Picture, ComposeError> {
    let layout = layout_of(pixels.shape())?;
    let values = pixels.as_f64();
    render_values(
        values.view(),
        pixels.element_type(),
        layout,
        scale,
        look,
        size,
    )
}

/// [`render`] of values already in f64, which were of type `element`, drawn
/// as `layout` (which must match their shape): for a caller that knows what
/// its arrays are, e.g. a 3×3×3 volume, which [`layout_of`] reads as colour.
pub fn render_values(
    values: ArrayViewD<'_, f64>,
    element: ElementType,
    layout: ImageLayout,
    scale: &ResolvedScale,
    look: &Look,
    size: &PictureSize,
) -> Result<Picture, ComposeError> {
    let bad_shape = || ComposeError::BadShape {
        shape: values.shape().to_vec(),
    };
    if !layout.fits(values.shape()) {
        return Err(bad_shape());
    }
    let picture = match layout {
        ImageLayout::Gray { .. } => {
            let view = values.view().into_dimensionality::<Ix2>();
            gray_picture(view.map_err(|_| bad_shape())?, element, scale, look)?
        }
        ImageLayout::Volume { .. } => {
            let volume = values.view().into_dimensionality::<Ix3>();
            let flat = project(&volume.map_err(|_| bad_shape())?, look.projection)?;
            gray_picture(flat.view(), element, scale, look)?
        }
        ImageLayout::PixelColor { .. } => {
            let view = values.view().into_dimensionality::<Ix3>();
            color_picture(
                view.map_err(|_| bad_shape())?,
                element,
                scale,
                look.nan_color,
            )?
        }
    };
    resize(picture, size)
}

fn size_of(height: usize, width: usize) -> Result<(u32, u32), ComposeError> {
    if height == 0 || width == 0 {
        return Err(ComposeError::EmptyImage { height, width });
    }
    match (u32::try_from(width), u32::try_from(height)) {
        (Ok(w), Ok(h)) => Ok((w, h)),
        _ => Err(ComposeError::TooLargeToDraw { height, width }),
    }
}

/// The level of every value (NaN's is 0) and whether any is NaN, in the
/// clone for the CPU it runs on: with AVX-512 the loops run eight values at
/// a time. Equal to [`crate::level`] of every value (a test checks).
#[multiversion(targets(
    "x86_64+avx512f+avx512vl+avx512dq+avx512bw+avx2+fma",
    "x86_64+avx2+fma",
))]
fn levels_of(values: &[f64], range: Option<(f64, f64)>) -> (Vec<u8>, bool) {
    let levels = match range {
        // `level`, spelt so that it vectorises: the same quotient, clamped
        // by selects (NaN to 0, as `level`'s clamp and saturating cast
        // give), then floored without a float-to-int cast, which LLVM
        // leaves scalar.
        Some((lo, hi)) if hi > lo => {
            let span = hi - lo;
            let unit = |v: f64| match (v - lo) / span {
                s if s >= 0.0 => s.min(1.0),
                _ => 0.0,
            };
            values
                .iter()
                .map(|&v| floor_byte(255.0 * unit(v)))
                .collect()
        }
        Some(_) => vec![0; values.len()],
        // Values of uint8 images, whole numbers in 0..=255.
        None => values.iter().map(|&v| floor_byte(v)).collect(),
    };
    // A fold, not `any`: no early exit, so it vectorises too.
    let any_nan = values.iter().fold(false, |nan, v| nan | v.is_nan());
    (levels, any_nan)
}

/// `x as u8` for `x` in `0.0..=255.0`, in operations that vectorise.
/// Adding 2^52 rounds `x` to the nearest whole number, `r` (in
/// [2^52, 2^53) doubles are exactly the whole numbers); `r` is `x`'s floor,
/// or its ceiling when above it. The floor plus 2^52 holds the floor in its
/// mantissa's low bits.
#[inline(always)]
fn floor_byte(x: f64) -> u8 {
    const WHOLE: f64 = 4_503_599_627_370_496.0; // 2^52
    let r = (x + WHOLE) - WHOLE;
    let floor = if r > x { r - 1.0 } else { r };
    (floor + WHOLE).to_bits() as u8
}

fn gray_picture(
    view: ArrayView2<'_, f64>,
    element: ElementType,
    scale: &ResolvedScale,
    look: &Look,
) -> Result<Picture, ComposeError> {
    let (height, width) = view.dim();
    let (w, h) = size_of(height, width)?;
    let standard = view.as_standard_layout();
    let range = scale.range_for(element, &standard)?;
    // A standard-layout array is one slice.
    let values = standard.as_slice().unwrap_or_default();
    let (levels, any_nan) = levels_of(values, range);
    let gray =
        GrayImage::from_raw(w, h, levels).ok_or(ComposeError::TooLargeToDraw { height, width })?;
    if !any_nan {
        return Ok(match look.colormap {
            Colormap::Gray => Picture::Gray(gray),
            map => Picture::Rgb(map.apply(&gray)),
        });
    }
    let mut rgb: RgbImage = match look.colormap {
        Colormap::Gray => Picture::Gray(gray).to_rgb(),
        map => map.apply(&gray),
    };
    let nan = Rgb([look.nan_color.r, look.nan_color.g, look.nan_color.b]);
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
    nan_color: PixelColor,
) -> Result<Picture, ComposeError> {
    let (height, width, channels) = view.dim();
    let (w, h) = size_of(height, width)?;
    let standard = view.as_standard_layout();
    let range = scale.range_for(element, &standard)?;
    let values = standard.as_slice().unwrap_or_default();
    let (mut levels, any_nan) = levels_of(values, range);
    if any_nan {
        let nan = [nan_color.r, nan_color.g, nan_color.b, 255];
        for (pixel, values) in levels
            .chunks_exact_mut(channels)
            .zip(values.chunks_exact(channels))
        {
            if values.iter().any(|v| v.is_nan()) {
                pixel.copy_from_slice(&nan[..channels]);
            }
        }
    }
    let wrong = || ComposeError::TooLargeToDraw { height, width };
    Ok(if channels == 3 {
        Picture::Rgb(RgbImage::from_raw(w, h, levels).ok_or_else(wrong)?)
    } else {
        Picture::Rgba(RgbaImage::from_raw(w, h, levels).ok_or_else(wrong)?)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::size::Zoom;
    use ndarray::array;

    #[test]
    fn levels_equal_level_of_every_value() {
        use crate::scale::level;
        // Every level's boundary and its neighbours, NaN, infinities,
        // signed zeros, subnormals, and a long run of uneven values.
        let (lo, hi) = (-3.5, 1000.25);
        let mut values: Vec<f64> = (0..=255)
            .flat_map(|k| {
                let at = lo + (hi - lo) * f64::from(k) / 255.0;
                [at.next_down(), at, at.next_up()]
            })
            .collect();
        values.extend([
            f64::NAN,
            f64::INFINITY,
            f64::NEG_INFINITY,
            0.0,
            -0.0,
            5e-324,
            -5e-324,
        ]);
        values.extend([lo, hi, lo - 1.0, hi + 1.0, f64::MAX, f64::MIN]);
        values.extend((0..10_000).map(|i| lo - 10.0 + f64::from(i) * 0.1013));
        for (lo, hi) in [(lo, hi), (0.0, 1.0), (-0.0, 5e-324), (1e300, f64::MAX)] {
            let (levels, any_nan) = levels_of(&values, Some((lo, hi)));
            let want: Vec<u8> = values.iter().map(|&v| level(v, lo, hi)).collect();
            assert_eq!(levels, want, "range {lo}..{hi}");
            assert!(any_nan);
        }
        let (levels, any_nan) = levels_of(&values[..3], Some((2.0, 2.0)));
        assert_eq!((levels, any_nan), (vec![0; 3], false));
        let bytes: Vec<f64> = (0..=255).map(f64::from).collect();
        let (levels, any_nan) = levels_of(&bytes, None);
        assert_eq!(levels, (0..=255).collect::<Vec<u8>>());
        assert!(!any_nan);
    }

    const ACTUAL: PictureSize = PictureSize {
        thumbnail: Some(128),
        zoom: Zoom::Factor(1),
    };

    fn draw(pixels: &Pixels, size: &PictureSize) -> Result<Picture, ComposeError> {
        render(pixels, &ResolvedScale::UNIT, &Look::default(), size)
    }

    #[test]
    fn unit_scaling_is_the_tutorials_cast() {
        let pixels = Pixels::from(array![[0.0, 0.5, 0.999], [1.0, 1.5, -0.5]]);
        let Picture::Gray(gray) = draw(&pixels, &ACTUAL).unwrap() else {
            panic!("gray expected")
        };
        assert_eq!(gray.as_raw(), &[0, 127, 254, 255, 255, 0]);
    }

    #[test]
    fn nan_pixels_get_their_own_colour() {
        let pixels = Pixels::from(array![[0.0, f64::NAN], [1.0, 0.5]]);
        let Picture::Rgb(rgb) = draw(&pixels, &ACTUAL).unwrap() else {
            panic!("rgb expected")
        };
        assert_eq!(
            rgb.as_raw(),
            &[0, 0, 0, 255, 0, 255, 255, 255, 255, 127, 127, 127]
        );
    }

    #[test]
    fn small_images_grow_by_whole_factors_and_large_ones_shrink() {
        let auto = PictureSize {
            zoom: Zoom::Auto,
            ..ACTUAL
        };
        let size = |h: usize, w: usize| {
            let pixels = Pixels::from(ndarray::Array2::<u8>::zeros((h, w)));
            let p = draw(&pixels, &auto).unwrap();
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
        let picture = draw(&rgb, &ACTUAL).unwrap();
        assert!(matches!(picture, Picture::Rgb(_)));
        let volume = Pixels::from(ndarray::Array3::<f64>::from_shape_fn(
            (5, 2, 2),
            |(z, _, _)| z as f64 / 4.0,
        ));
        let Picture::Gray(top) = draw(&volume, &ACTUAL).unwrap() else {
            panic!("gray expected")
        };
        assert_eq!(top.as_raw(), &[255; 4]);
        let empty = Pixels::from(ndarray::Array2::<f64>::zeros((0, 3)));
        assert_eq!(
            draw(&empty, &ACTUAL).unwrap_err().to_string(),
            "the image is empty (0×3 pixels)"
        );
        let four = Pixels::from(ndarray::Array4::<f64>::zeros((1, 2, 3, 5)));
        assert!(matches!(
            draw(&four, &ACTUAL),
            Err(ComposeError::BadShape { .. })
        ));
    }

    #[test]
    fn a_given_layout_draws_a_small_volume_as_a_volume() {
        // 3×3×3 reads as a 3×3 RGB image by its shape; told it is a volume,
        // it is projected like any other.
        let values = ndarray::Array3::<f64>::from_shape_fn((3, 3, 3), |(z, _, _)| z as f64 / 2.0);
        let layout = ImageLayout::Volume {
            depth: 3,
            height: 3,
            width: 3,
        };
        let look = Look::default();
        let picture = render_values(
            values.view().into_dyn(),
            ElementType::F64,
            layout,
            &ResolvedScale::UNIT,
            &look,
            &PictureSize::ACTUAL,
        )
        .unwrap();
        let Picture::Gray(top) = picture else {
            panic!("gray expected")
        };
        assert_eq!(top.as_raw(), &[255; 9]);
        let wrong = ImageLayout::Gray {
            height: 3,
            width: 9,
        };
        assert!(
            render_values(
                values.view().into_dyn(),
                ElementType::F64,
                wrong,
                &ResolvedScale::UNIT,
                &look,
                &PictureSize::ACTUAL
            )
            .is_err()
        );
    }

    #[test]
    fn strided_views_draw_like_their_copies() {
        let values = ndarray::Array2::<f64>::from_shape_fn((4, 6), |(y, x)| (y * 6 + x) as f64);
        let scale = ResolvedScale::PER_IMAGE;
        let look = Look::default();
        let transposed = values.t();
        let layout = ImageLayout::Gray {
            height: 6,
            width: 4,
        };
        let view = render_values(
            transposed.into_dyn(),
            ElementType::F64,
            layout,
            &scale,
            &look,
            &PictureSize::ACTUAL,
        )
        .unwrap();
        let copy = render(
            &Pixels::from(transposed.to_owned()),
            &scale,
            &look,
            &PictureSize::ACTUAL,
        )
        .unwrap();
        assert_eq!(view, copy);
    }
}
