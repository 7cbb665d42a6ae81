//! Joining pictures side by side, one above another, or in a grid.

use crate::error::ComposeError;
use crate::picture::{FromColor, Picture, PictureKind, PixelColor};
use image::{ImageBuffer, Pixel};

/// Space left between joined pictures.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Gap {
    /// Width of the gap in pixels (0 for none).
    pub width: u32,
    /// Colour of the gap, and of empty grid cells.
    pub fill: PixelColor,
}

impl Default for Gap {
    /// The tutorial's gap: 10 px of white (255).
    fn default() -> Self {
        Gap {
            width: 10,
            fill: PixelColor::WHITE,
        }
    }
}

/// Where each picture goes on the canvas, and how big the canvas is.
struct Layout {
    width: u32,
    height: u32,
    origins: Vec<(u32, u32)>,
}

fn too_large(width: u64, height: u64) -> ComposeError {
    ComposeError::TooLarge {
        width: width as usize,
        height: height as usize,
    }
}

/// Where each picture starts along the axis they are joined on, `gap`
/// between neighbours, and the length of them all.
fn starts_along(pictures: &[&Picture], gap: Gap, length: fn(&Picture) -> u32) -> (Vec<u64>, u64) {
    let mut starts = Vec::with_capacity(pictures.len());
    let mut at = 0u64;
    for (i, picture) in pictures.iter().enumerate() {
        if i > 0 {
            at += u64::from(gap.width);
        }
        starts.push(at);
        at += u64::from(length(picture));
    }
    (starts, at)
}

/// Side by side, left to right, `gap` between neighbours.
///
/// ```
/// use image::GrayImage;
/// use pixtip_compose::{Gap, Picture, concat_row};
/// let a = Picture::Gray(GrayImage::new(3, 2));
/// let b = Picture::Gray(GrayImage::new(4, 2));
/// let joined = concat_row([&a, &b], Gap::default()).unwrap();
/// assert_eq!((joined.width(), joined.height()), (3 + 10 + 4, 2));
/// ```
///
/// Errors: no pictures, mixed colour types, heights that differ (the error
/// names the first picture whose height differs from picture 0's).
pub fn concat_row<'a>(
    pictures: impl IntoIterator<Item = &'a Picture>,
    gap: Gap,
) -> Result<Picture, ComposeError> {
    concat_along(pictures.into_iter().collect(), gap, Along::Row)
}

/// One above another, top to bottom, `gap` between neighbours.
///
/// Errors: no pictures, mixed colour types, widths that differ.
pub fn concat_column<'a>(
    pictures: impl IntoIterator<Item = &'a Picture>,
    gap: Gap,
) -> Result<Picture, ComposeError> {
    concat_along(pictures.into_iter().collect(), gap, Along::Column)
}

/// One side's length of a picture: its width or its height.
type Side = fn(&Picture) -> u32;

/// Which way [`concat_along`] joins.
#[derive(Clone, Copy, PartialEq)]
enum Along {
    /// Left to right: heights must agree.
    Row,
    /// Top to bottom: widths must agree.
    Column,
}

/// [`concat_row`] or [`concat_column`]: pictures one after another along a row or a
/// column, equal across it.
fn concat_along(pictures: Vec<&Picture>, gap: Gap, along: Along) -> Result<Picture, ComposeError> {
    let first = check_common(&pictures)?;
    let (across, length, dimension, operation): (Side, Side, _, _) = match along {
        Along::Row => (
            Picture::height,
            Picture::width,
            "height",
            "a row of pictures",
        ),
        Along::Column => (
            Picture::width,
            Picture::height,
            "width",
            "a column of pictures",
        ),
    };
    check_equal(&pictures, dimension, operation, across)?;
    let (starts, total) = starts_along(&pictures, gap, length);
    let breadth = across(first);
    let (width, height) = match along {
        Along::Row => (total, u64::from(breadth)),
        Along::Column => (u64::from(breadth), total),
    };
    let too_big = || too_large(width, height);
    let layout = Layout {
        width: u32::try_from(width).map_err(|_| too_big())?,
        height: u32::try_from(height).map_err(|_| too_big())?,
        origins: starts
            .into_iter()
            .map(|at| match along {
                Along::Row => (at as u32, 0),
                Along::Column => (0, at as u32),
            })
            .collect(),
    };
    paint(&pictures, layout, gap.fill)
}

/// In rows of `columns` pictures, filled left to right then top to bottom;
/// cells of an incomplete last row are painted with the gap's fill.
///
/// Errors: no pictures, zero columns, mixed colour types, pictures whose
/// width or height differs from picture 0's.
pub fn concat_grid<'a>(
    pictures: impl IntoIterator<Item = &'a Picture>,
    columns: usize,
    gap: Gap,
) -> Result<Picture, ComposeError> {
    let pictures: Vec<&Picture> = pictures.into_iter().collect();
    if columns == 0 {
        return Err(ComposeError::NoColumns);
    }
    let first = check_common(&pictures)?;
    check_equal(&pictures, "width", "a grid of pictures", Picture::width)?;
    check_equal(&pictures, "height", "a grid of pictures", Picture::height)?;
    let columns = columns.min(pictures.len());
    let rows = pictures.len().div_ceil(columns);
    let (cw, ch, g) = (
        u64::from(first.width()),
        u64::from(first.height()),
        u64::from(gap.width),
    );
    let span = |n: usize, cell: u64| n as u64 * cell + (n as u64 - 1) * g;
    let (w, h) = (span(columns, cw), span(rows, ch));
    let width = u32::try_from(w).map_err(|_| too_large(w, h))?;
    let height = u32::try_from(h).map_err(|_| too_large(w, h))?;
    let origins = (0..pictures.len())
        .map(|i| {
            let (r, c) = ((i / columns) as u64, (i % columns) as u64);
            ((c * (cw + g)) as u32, (r * (ch + g)) as u32)
        })
        .collect();
    paint(
        &pictures,
        Layout {
            width,
            height,
            origins,
        },
        gap.fill,
    )
}

fn check_common<'a>(pictures: &[&'a Picture]) -> Result<&'a Picture, ComposeError> {
    let first = *pictures.first().ok_or(ComposeError::NoImages)?;
    let kind = first.kind();
    if let Some((index, p)) = pictures.iter().enumerate().find(|(_, p)| p.kind() != kind) {
        return Err(ComposeError::ColorMismatch {
            index,
            expected: kind.name(),
            found: p.kind().name(),
        });
    }
    Ok(first)
}

fn check_equal(
    pictures: &[&Picture],
    dimension: &'static str,
    operation: &'static str,
    size: fn(&Picture) -> u32,
) -> Result<(), ComposeError> {
    let expected = size(pictures[0]);
    match pictures
        .iter()
        .enumerate()
        .find(|(_, p)| size(p) != expected)
    {
        Some((index, p)) => Err(ComposeError::SizeMismatch {
            index,
            dimension,
            expected,
            found: size(p),
            operation,
        }),
        None => Ok(()),
    }
}

/// Paints the pictures at their origins on a canvas of `fill`.
fn paint(pictures: &[&Picture], layout: Layout, fill: PixelColor) -> Result<Picture, ComposeError> {
    macro_rules! typed {
        ($variant:ident) => {{
            let typed: Vec<_> = pictures
                .iter()
                .filter_map(|p| match p {
                    Picture::$variant(i) => Some(i),
                    _ => None,
                })
                .collect();
            Picture::$variant(place(&typed, &layout, fill))
        }};
    }
    // check_common made every picture the same kind as the first.
    Ok(match pictures[0].kind() {
        PictureKind::Gray => typed!(Gray),
        PictureKind::Gray16 => typed!(Gray16),
        PictureKind::Rgb => typed!(Rgb),
        PictureKind::Rgba => typed!(Rgba),
    })
}

/// Copies each picture's rows into a canvas painted with `fill`.
fn place<P: FromColor>(
    parts: &[&ImageBuffer<P, Vec<P::Subpixel>>],
    layout: &Layout,
    fill: PixelColor,
) -> ImageBuffer<P, Vec<P::Subpixel>> {
    let mut canvas = ImageBuffer::from_pixel(layout.width, layout.height, P::from_color(fill));
    let channels = usize::from(<P as Pixel>::CHANNEL_COUNT);
    let stride = layout.width as usize * channels;
    let buffer: &mut [P::Subpixel] = &mut canvas;
    for (part, &(x, y)) in parts.iter().zip(&layout.origins) {
        let row_len = part.width() as usize * channels;
        if row_len == 0 {
            continue;
        }
        for (r, src) in part.as_raw().chunks_exact(row_len).enumerate() {
            let start = (y as usize + r) * stride + x as usize * channels;
            buffer[start..start + row_len].copy_from_slice(src);
        }
    }
    canvas
}

#[cfg(test)]
mod tests {
    use super::*;
    use image::{GrayImage, RgbImage};

    fn gray(w: u32, h: u32, v: u8) -> Picture {
        Picture::Gray(GrayImage::from_pixel(w, h, image::Luma([v])))
    }

    /// The levels of a joined gray picture.
    fn gray_levels(joined: Result<Picture, ComposeError>) -> Vec<u8> {
        match joined.unwrap() {
            Picture::Gray(img) => img.into_raw(),
            other => panic!("kind changed to {:?}", other.kind()),
        }
    }

    #[test]
    fn a_row_puts_the_gap_between_pictures() {
        let gap = Gap {
            width: 1,
            fill: PixelColor::gray(200),
        };
        let out = concat_row([&gray(2, 1, 7), &gray(1, 1, 9)], gap);
        assert_eq!(gray_levels(out), vec![7, 7, 200, 9]);
    }

    #[test]
    fn columns_and_grids_lay_pictures_out() {
        let gap = Gap {
            width: 1,
            fill: PixelColor::BLACK,
        };
        let out = concat_column([&gray(1, 1, 1), &gray(1, 2, 2)], gap);
        assert_eq!(gray_levels(out), vec![1, 0, 2, 2]);

        let cells: Vec<Picture> = (1..=3).map(|v| gray(1, 1, v)).collect();
        let gap = Gap {
            width: 0,
            fill: PixelColor::gray(5),
        };
        let out = concat_grid(&cells, 2, gap);
        assert_eq!(
            out.as_ref().map(|p| (p.width(), p.height())).ok(),
            Some((2, 2))
        );
        assert_eq!(gray_levels(out), vec![1, 2, 3, 5]);
    }

    #[test]
    fn mismatches_name_the_image() {
        let err = concat_row(
            [&gray(2, 3, 0), &gray(2, 3, 0), &gray(2, 4, 0)],
            Gap::default(),
        )
        .unwrap_err();
        assert_eq!(
            err.to_string(),
            "image 2 has height 4, image 0 has 3; a row of pictures needs equal heights"
        );
        let err = concat_column([&gray(2, 3, 0), &gray(5, 3, 0)], Gap::default()).unwrap_err();
        assert!(matches!(
            err,
            ComposeError::SizeMismatch {
                index: 1,
                dimension: "width",
                ..
            }
        ));
        let rgb = Picture::Rgb(RgbImage::new(2, 3));
        let err = concat_row([&gray(2, 3, 0), &rgb], Gap::default()).unwrap_err();
        assert!(
            matches!(err, ComposeError::ColorMismatch { index: 1, .. }),
            "{err}"
        );
        assert!(matches!(
            concat_row([], Gap::default()),
            Err(ComposeError::NoImages)
        ));
        assert!(matches!(
            concat_grid([&rgb], 0, Gap::default()),
            Err(ComposeError::NoColumns)
        ));
    }

    #[test]
    fn rgb_gap_takes_the_colour() {
        let a = Picture::Rgb(RgbImage::new(1, 1));
        let out = concat_row(
            [&a, &a],
            Gap {
                width: 1,
                fill: PixelColor::rgb(1, 2, 3),
            },
        )
        .unwrap();
        let Picture::Rgb(img) = out else {
            panic!("kind changed")
        };
        assert_eq!(img.get_pixel(1, 0).0, [1, 2, 3]);
    }
}
