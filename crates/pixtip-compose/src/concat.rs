//! Joining pictures side by side, one above another, or in a grid.

use crate::error::ComposeError;
use crate::picture::{Color, FromColor, Picture, PictureKind};
use image::{ImageBuffer, Pixel};

/// Space left between joined pictures.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Gap {
    /// Width of the gap in pixels (0 for none).
    pub width: u32,
    /// Colour of the gap, and of empty grid cells.
    pub fill: Color,
}

impl Default for Gap {
    /// The tutorial's gap: 10 px of white (255).
    fn default() -> Self {
        Gap {
            width: 10,
            fill: Color::WHITE,
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
/// use pixtip_compose::{Gap, Picture, hconcat};
/// let a = Picture::Gray(GrayImage::new(3, 2));
/// let b = Picture::Gray(GrayImage::new(4, 2));
/// let joined = hconcat([&a, &b], Gap::default()).unwrap();
/// assert_eq!((joined.width(), joined.height()), (3 + 10 + 4, 2));
/// ```
///
/// Errors: no pictures, mixed colour types, heights that differ (the error
/// names the first picture whose height differs from picture 0's).
pub fn hconcat<'a>(
    pictures: impl IntoIterator<Item = &'a Picture>,
    gap: Gap,
) -> Result<Picture, ComposeError> {
    let pictures: Vec<&Picture> = pictures.into_iter().collect();
    let first = check_common(&pictures)?;
    check_equal(&pictures, "height", "hconcat", Picture::height)?;
    let (starts, x) = starts_along(&pictures, gap, Picture::width);
    let height = first.height();
    let width = u32::try_from(x).map_err(|_| too_large(x, height.into()))?;
    let origins = starts.into_iter().map(|x| (x as u32, 0)).collect();
    let layout = Layout {
        width,
        height,
        origins,
    };
    join(&pictures, layout, gap.fill)
}

/// One above another, top to bottom, `gap` between neighbours.
///
/// Errors: no pictures, mixed colour types, widths that differ.
pub fn vconcat<'a>(
    pictures: impl IntoIterator<Item = &'a Picture>,
    gap: Gap,
) -> Result<Picture, ComposeError> {
    let pictures: Vec<&Picture> = pictures.into_iter().collect();
    let first = check_common(&pictures)?;
    check_equal(&pictures, "width", "vconcat", Picture::width)?;
    let (starts, y) = starts_along(&pictures, gap, Picture::height);
    let width = first.width();
    let height = u32::try_from(y).map_err(|_| too_large(width.into(), y))?;
    let origins = starts.into_iter().map(|y| (0, y as u32)).collect();
    let layout = Layout {
        width,
        height,
        origins,
    };
    join(&pictures, layout, gap.fill)
}

/// In rows of `columns` pictures, filled left to right then top to bottom;
/// cells of an incomplete last row are painted with the gap's fill.
///
/// Errors: no pictures, zero columns, mixed colour types, pictures whose
/// width or height differs from picture 0's.
pub fn grid<'a>(
    pictures: impl IntoIterator<Item = &'a Picture>,
    columns: usize,
    gap: Gap,
) -> Result<Picture, ComposeError> {
    let pictures: Vec<&Picture> = pictures.into_iter().collect();
    if columns == 0 {
        return Err(ComposeError::NoColumns);
    }
    let first = check_common(&pictures)?;
    check_equal(&pictures, "width", "grid", Picture::width)?;
    check_equal(&pictures, "height", "grid", Picture::height)?;
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
    join(
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

fn join(pictures: &[&Picture], layout: Layout, fill: Color) -> Result<Picture, ComposeError> {
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
    fill: Color,
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

    #[test]
    fn hconcat_puts_gap_between() {
        let out = hconcat(
            [&gray(2, 1, 7), &gray(1, 1, 9)],
            Gap {
                width: 1,
                fill: Color::gray(200),
            },
        )
        .unwrap();
        let Picture::Gray(img) = out else {
            panic!("kind changed")
        };
        assert_eq!(img.as_raw(), &vec![7, 7, 200, 9]);
    }

    #[test]
    fn vconcat_and_grid_layout() {
        let out = vconcat(
            [&gray(1, 1, 1), &gray(1, 2, 2)],
            Gap {
                width: 1,
                fill: Color::BLACK,
            },
        )
        .unwrap();
        let Picture::Gray(img) = out else {
            panic!("kind changed")
        };
        assert_eq!(img.as_raw(), &vec![1, 0, 2, 2]);

        let cells: Vec<Picture> = (1..=3).map(|v| gray(1, 1, v)).collect();
        let out = grid(
            &cells,
            2,
            Gap {
                width: 0,
                fill: Color::gray(5),
            },
        )
        .unwrap();
        let Picture::Gray(img) = out else {
            panic!("kind changed")
        };
        assert_eq!((img.width(), img.height()), (2, 2));
        assert_eq!(img.as_raw(), &vec![1, 2, 3, 5]);
    }

    #[test]
    fn mismatches_name_the_image() {
        let err = hconcat(
            [&gray(2, 3, 0), &gray(2, 3, 0), &gray(2, 4, 0)],
            Gap::default(),
        )
        .unwrap_err();
        assert_eq!(
            err.to_string(),
            "image 2 has height 4, image 0 has 3; hconcat needs equal heights"
        );
        let err = vconcat([&gray(2, 3, 0), &gray(5, 3, 0)], Gap::default()).unwrap_err();
        assert!(matches!(
            err,
            ComposeError::SizeMismatch {
                index: 1,
                dimension: "width",
                ..
            }
        ));
        let rgb = Picture::Rgb(RgbImage::new(2, 3));
        let err = hconcat([&gray(2, 3, 0), &rgb], Gap::default()).unwrap_err();
        assert!(
            matches!(err, ComposeError::ColorMismatch { index: 1, .. }),
            "{err}"
        );
        assert!(matches!(
            hconcat([], Gap::default()),
            Err(ComposeError::NoImages)
        ));
        assert!(matches!(
            grid([&rgb], 0, Gap::default()),
            Err(ComposeError::NoColumns)
        ));
    }

    #[test]
    fn rgb_gap_takes_the_colour() {
        let a = Picture::Rgb(RgbImage::new(1, 1));
        let out = hconcat(
            [&a, &a],
            Gap {
                width: 1,
                fill: Color::rgb(1, 2, 3),
            },
        )
        .unwrap();
        let Picture::Rgb(img) = out else {
            panic!("kind changed")
        };
        assert_eq!(img.get_pixel(1, 0).0, [1, 2, 3]);
    }
}
