//! One row's pictures joined into one: side by side with a gap, mixed kinds
//! and heights made uniform, each labelled.

use crate::concat::{Gap, concat_row};
use crate::error::ComposeError;
use crate::label::{DEFAULT_LABEL_HEIGHT, Font, Label, draw_label};
use crate::picture::{Picture, PictureKind, PixelColor};
use image::{ImageBuffer, Luma, Rgb, RgbImage, imageops};

/// How labels are drawn: where from each picture's top-left corner, how tall,
/// in what colour and font. The default is the tutorial's (Pillow's default
/// font's size, white, 3 px from the left).
#[derive(Debug, Clone)]
pub struct LabelStyle {
    /// Offset of each label from its picture's top-left corner.
    pub offset: (i32, i32),
    /// Pixel height of the labels.
    pub height: f32,
    /// Colour of the labels.
    pub color: PixelColor,
    /// Font of the labels (DejaVu Sans).
    pub font: Font,
}

impl Default for LabelStyle {
    fn default() -> Self {
        LabelStyle {
            offset: (3, 0),
            height: DEFAULT_LABEL_HEIGHT,
            color: PixelColor::WHITE,
            font: Font::default(),
        }
    }
}

impl LabelStyle {
    /// Burns `text` into `picture`, offset from the picture's column `x`.
    pub fn draw(&self, picture: &mut Picture, text: &str, x: i64) {
        let (dx, dy) = self.offset;
        let label = Label {
            text: text.to_string(),
            x: i32::try_from(x + i64::from(dx)).unwrap_or(i32::MAX),
            y: dy,
            height: self.height,
            color: self.color,
        };
        draw_label(picture, &label, &self.font);
    }
}

/// One row's pictures as one picture: side by side with `gap` between them
/// (mixed gray and colour as RGB, shorter pictures padded below with the
/// gap's fill), each labelled with its text of `labels` (`None`: no labels).
/// A single picture is returned as it is.
///
/// ```
/// use image::GrayImage;
/// use pixtip_compose::{Gap, LabelStyle, Picture, join};
/// let tall = Picture::Gray(GrayImage::new(4, 6));
/// let short = Picture::Gray(GrayImage::new(3, 2));
/// let labels = ["a".to_string(), "b".to_string()];
/// let joined = join(vec![tall, short], Some(&labels), Gap::default(), &LabelStyle::default())?;
/// assert_eq!((joined.width(), joined.height()), (4 + 10 + 3, 6));
/// # Ok::<(), pixtip_compose::ComposeError>(())
/// ```
///
/// Errors: no pictures, or a joined picture too large.
pub fn join(
    mut pictures: Vec<Picture>,
    labels: Option<&[String]>,
    gap: Gap,
    style: &LabelStyle,
) -> Result<Picture, ComposeError> {
    if pictures.len() == 1 {
        return Ok(pictures.swap_remove(0));
    }
    if pictures.is_empty() {
        return Err(ComposeError::NoImages);
    }
    let pictures = same_kind_and_height(pictures, gap.fill);
    let mut joined = concat_row(&pictures, gap)?;
    if let Some(labels) = labels {
        let mut x = 0i64;
        for (picture, text) in pictures.iter().zip(labels) {
            style.draw(&mut joined, text, x);
            x += i64::from(picture.width()) + i64::from(gap.width);
        }
    }
    Ok(joined)
}

/// Pictures of one kind and one height, so they can be joined: mixed gray
/// and colour become RGB, and shorter pictures are padded below with `fill`.
fn same_kind_and_height(pictures: Vec<Picture>, fill: PixelColor) -> Vec<Picture> {
    let kind = pictures[0].kind();
    let height = pictures.iter().map(Picture::height).max().unwrap_or(0);
    let mixed = pictures.iter().any(|p| p.kind() != kind);
    if !mixed && pictures.iter().all(|p| p.height() == height) {
        return pictures;
    }
    let uniform_kind = if mixed { PictureKind::Rgb } else { kind };
    pictures
        .into_iter()
        .map(|picture| {
            if picture.height() == height && (!mixed || picture.kind() == uniform_kind) {
                return picture;
            }
            if !mixed
                && kind == PictureKind::Gray
                && let Picture::Gray(gray) = &picture
            {
                let mut padded = ImageBuffer::from_pixel(gray.width(), height, Luma([fill.luma()]));
                imageops::replace(&mut padded, gray, 0, 0);
                return Picture::Gray(padded);
            }
            let rgb = picture.to_rgb();
            let mut padded: RgbImage =
                ImageBuffer::from_pixel(rgb.width(), height, Rgb([fill.r, fill.g, fill.b]));
            imageops::replace(&mut padded, &rgb, 0, 0);
            Picture::Rgb(padded)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use image::GrayImage;

    #[test]
    fn mixed_kinds_become_rgb_and_short_pictures_are_padded_with_the_fill() {
        let gray = Picture::Gray(GrayImage::from_pixel(1, 2, Luma([7])));
        let rgb = Picture::Rgb(RgbImage::from_pixel(1, 1, Rgb([1, 2, 3])));
        let gap = Gap {
            width: 1,
            fill: PixelColor::rgb(9, 8, 7),
        };
        let Picture::Rgb(joined) =
            join(vec![gray, rgb], None, gap, &LabelStyle::default()).unwrap()
        else {
            panic!("rgb expected")
        };
        assert_eq!(
            joined.as_raw(),
            &[7, 7, 7, 9, 8, 7, 1, 2, 3, 7, 7, 7, 9, 8, 7, 9, 8, 7]
        );
    }

    #[test]
    fn gray_pictures_stay_gray_when_padded() {
        let tall = Picture::Gray(GrayImage::from_pixel(1, 2, Luma([0])));
        let short = Picture::Gray(GrayImage::from_pixel(1, 1, Luma([0])));
        let gap = Gap {
            width: 0,
            fill: PixelColor::WHITE,
        };
        let Picture::Gray(joined) =
            join(vec![tall, short], None, gap, &LabelStyle::default()).unwrap()
        else {
            panic!("gray expected")
        };
        assert_eq!(joined.as_raw(), &[0, 0, 0, 255]);
    }

    #[test]
    fn one_picture_is_itself_and_none_is_an_error() {
        let one = Picture::Gray(GrayImage::from_pixel(2, 2, Luma([5])));
        let labels = ["x".to_string()];
        let same = join(
            vec![one.clone()],
            Some(&labels),
            Gap::default(),
            &LabelStyle::default(),
        )
        .unwrap();
        assert_eq!(same, one);
        assert!(join(Vec::new(), None, Gap::default(), &LabelStyle::default()).is_err());
    }
}
