//! The tutorial's whole tooltip picture (`create_tooltip_image`) in one call:
//! a thin use of the one path ([`render_values`] then [`join`]) for float
//! images held as 2-D arrays.

use crate::concat::Gap;
use crate::error::ComposeError;
use crate::join::{LabelStyle, join};
use crate::layout::ImageLayout;
use crate::picture::Picture;
use crate::pixels::ElementType;
use crate::render::{Look, render_values};
use crate::scale::ResolvedScale;
use crate::size::PictureSize;
use ndarray::{ArrayBase, Data, Ix2};

/// How [`tooltip_pair`] and [`tooltip_single`] draw; the default is the
/// tutorial's: unit scale, gray, actual size, 10 px white gap, labels "im1"
/// and "im2".
#[derive(Debug, Clone)]
pub struct PairOptions {
    /// Float to level mapping, applied to each image on its own.
    pub scale: ResolvedScale,
    /// Colormap, NaN colour and projection.
    pub look: Look,
    /// Space between the two images (tutorial: 10 px of white).
    pub gap: Gap,
    /// Texts burned into the top left of each image, or `None` for no labels.
    pub labels: Option<[String; 2]>,
    /// How the labels are drawn.
    pub label_style: LabelStyle,
}

impl Default for PairOptions {
    fn default() -> Self {
        PairOptions {
            scale: ResolvedScale::UNIT,
            look: Look::default(),
            gap: Gap::default(),
            labels: Some(["im1".to_string(), "im2".to_string()]),
            label_style: LabelStyle::default(),
        }
    }
}

/// One float image as a picture at its own size, by [`render_values`]: with
/// the default options the tutorial's single-image tooltip,
/// `Image.fromarray((255 * arr).astype('uint8'))` (NaN pixels in the look's
/// NaN colour, values outside `[0, 1]` clamped where numpy's cast wraps).
pub fn tooltip_single<S>(
    image: &ArrayBase<S, Ix2>,
    options: &PairOptions,
) -> Result<Picture, ComposeError>
where
    S: Data<Elem = f64>,
{
    let (height, width) = image.dim();
    let layout = ImageLayout::Gray { height, width };
    render_values(
        image.view().into_dyn(),
        ElementType::F64,
        layout,
        &options.scale,
        &options.look,
        &PictureSize::ACTUAL,
    )
}

/// Two float images side by side with a gap and a label on each, by
/// [`tooltip_single`] and [`join`]: the tutorial's `create_tooltip_image`.
///
/// ```
/// use ndarray::Array2;
/// use pixtip_compose::{PairOptions, tooltip_pair};
/// let a = Array2::from_elem((96, 96), 0.25);
/// let b = Array2::from_elem((96, 96), 0.75);
/// let pair = tooltip_pair(&a, &b, &PairOptions::default()).unwrap();
/// assert_eq!((pair.width(), pair.height()), (202, 96));
/// ```
///
/// Errors: empty images, a scale with no range for an image.
pub fn tooltip_pair<S1, S2>(
    image1: &ArrayBase<S1, Ix2>,
    image2: &ArrayBase<S2, Ix2>,
    options: &PairOptions,
) -> Result<Picture, ComposeError>
where
    S1: Data<Elem = f64>,
    S2: Data<Elem = f64>,
{
    let pictures = vec![
        tooltip_single(image1, options)?,
        tooltip_single(image2, options)?,
    ];
    let labels = options.labels.as_ref().map(|texts| texts.as_slice());
    join(pictures, labels, options.gap, &options.label_style)
}

#[cfg(test)]
mod tests {
    use super::*;
    use ndarray::Array2;

    // Before the one path, compose refused NaN and images of different
    // heights here while the facade drew them; now both draw them alike.
    #[test]
    fn nan_gets_the_nan_colour_and_heights_may_differ() {
        let mut a = Array2::from_elem((4, 3), 0.5);
        a[[1, 2]] = f64::NAN;
        let b = Array2::from_elem((2, 2), 0.0);
        let options = PairOptions {
            labels: None,
            ..PairOptions::default()
        };
        let Picture::Rgb(pair) = tooltip_pair(&a, &b, &options).unwrap() else {
            panic!("NaN makes the pair RGB")
        };
        assert_eq!(pair.dimensions(), (3 + 10 + 2, 4));
        assert_eq!(pair.get_pixel(2, 1).0, [255, 0, 255]);
        assert_eq!(pair.get_pixel(0, 0).0, [127; 3]);
        assert_eq!(pair.get_pixel(13, 1).0, [0; 3]);
        // Below the shorter image: the gap's white fill.
        assert_eq!(pair.get_pixel(13, 3).0, [255; 3]);
        let single = tooltip_single(&b, &options).unwrap();
        assert!(matches!(single, Picture::Gray(_)));
    }
}
