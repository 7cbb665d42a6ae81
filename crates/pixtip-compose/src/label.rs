//! Text burned into pictures: fonts and labels.

use crate::error::ComposeError;
use crate::picture::{FromColor, Picture, PixelColor};
use ab_glyph::{FontArc, PxScale};
use std::path::Path;
use std::sync::OnceLock;

/// Label height (ab_glyph pixel scale) that matches the size of Pillow's
/// default font (`ImageFont.load_default()`, a 10 px FreeType face): lower
/// case letters about 6 px tall, "im1" about 16 px wide.
pub const DEFAULT_LABEL_HEIGHT: f32 = 11.5;

/// A TrueType/OpenType font to draw labels with.
///
/// [`Font::default`] is DejaVu Sans, embedded by the `dejavu` crate, so no
/// font file is needed at run time. Characters the font lacks are drawn as
/// its "missing glyph" box, never a panic.
#[derive(Clone, Debug)]
pub struct Font(FontArc);

impl Font {
    /// A font from the bytes of a `.ttf`/`.otf` file.
    ///
    /// Errors: bytes that are not a font ([`ComposeError::InvalidFont`]).
    pub fn from_bytes(bytes: Vec<u8>) -> Result<Font, ComposeError> {
        FontArc::try_from_vec(bytes)
            .map(Font)
            .map_err(|e| ComposeError::InvalidFont(e.to_string()))
    }

    /// A font read from a `.ttf`/`.otf` file.
    ///
    /// Errors: the file cannot be read ([`ComposeError::FontFile`]) or is
    /// not a font ([`ComposeError::InvalidFont`]).
    pub fn from_path(path: impl AsRef<Path>) -> Result<Font, ComposeError> {
        let path = path.as_ref();
        let bytes = std::fs::read(path).map_err(|source| ComposeError::FontFile {
            path: path.to_path_buf(),
            source,
        })?;
        Font::from_bytes(bytes)
    }

    /// The ab_glyph font, for drawing with imageproc directly.
    pub fn as_ab_glyph(&self) -> &FontArc {
        &self.0
    }
}

impl Default for Font {
    /// DejaVu Sans (parsed once, then shared).
    fn default() -> Self {
        static DEFAULT: OnceLock<FontArc> = OnceLock::new();
        let font = DEFAULT.get_or_init(|| {
            // The dejavu crate embeds a valid TTF; failing to parse it is a build defect.
            FontArc::try_from_slice(dejavu::sans::regular())
                .expect("dejavu crate ships a valid TTF")
        });
        Font(font.clone())
    }
}

/// Text to burn into a picture.
#[derive(Debug, Clone, PartialEq)]
pub struct Label {
    /// The text (one line; any Unicode).
    pub text: String,
    /// Left edge in pixels.
    pub x: i32,
    /// Top (the font's ascender line) in pixels, like Pillow's default anchor `"la"`.
    pub y: i32,
    /// Pixel height of the font (ab_glyph scale).
    pub height: f32,
    /// Text colour; gray pictures take its gray level.
    pub color: PixelColor,
}

impl Label {
    /// White text at (`x`, `y`) in the default height: the tutorial's labels.
    pub fn new(text: impl Into<String>, x: i32, y: i32) -> Label {
        Label {
            text: text.into(),
            x,
            y,
            height: DEFAULT_LABEL_HEIGHT,
            color: PixelColor::WHITE,
        }
    }
}

impl Default for Label {
    fn default() -> Self {
        Label::new("", 0, 0)
    }
}

/// Draws `label` onto `picture` with `font` (anti-aliased, clipped at the edges).
///
/// ```
/// use image::GrayImage;
/// use pixtip_compose::{Font, Label, Picture, draw_label};
/// let mut p = Picture::Gray(GrayImage::new(40, 14));
/// draw_label(&mut p, &Label::new("im1", 3, 0), &Font::default());
/// let Picture::Gray(img) = p else { unreachable!() };
/// assert!(img.pixels().any(|px| px[0] > 200));
/// ```
pub fn draw_label(picture: &mut Picture, label: &Label, font: &Font) {
    match picture {
        Picture::Gray(i) => draw_on(i, label, font),
        Picture::Gray16(i) => draw_on(i, label, font),
        Picture::Rgb(i) => draw_on(i, label, font),
        Picture::Rgba(i) => draw_on(i, label, font),
    }
}

/// [`draw_label`] on one buffer type, in its own pixel's colour.
fn draw_on<C>(canvas: &mut C, label: &Label, font: &Font)
where
    C: imageproc::drawing::Canvas,
    C::Pixel: FromColor,
    <C::Pixel as image::Pixel>::Subpixel: Into<f32> + imageproc::definitions::Clamp<f32>,
{
    let scale = PxScale::from(label.height.max(0.0));
    let color = C::Pixel::from_color(label.color);
    imageproc::drawing::draw_text_mut(canvas, color, label.x, label.y, scale, &font.0, &label.text);
}

#[cfg(test)]
mod tests {
    use super::*;
    use image::{GrayImage, RgbImage};

    #[test]
    fn invalid_font_bytes_and_missing_file_are_errors() {
        assert!(matches!(
            Font::from_bytes(b"not a font".to_vec()),
            Err(ComposeError::InvalidFont(_))
        ));
        assert!(matches!(
            Font::from_path("/nonexistent/font.ttf"),
            Err(ComposeError::FontFile { .. })
        ));
    }

    #[test]
    fn user_bytes_work_like_the_default() {
        let font = Font::from_bytes(dejavu::sans::regular().to_vec()).unwrap();
        let mut a = Picture::Gray(GrayImage::new(30, 14));
        let mut b = a.clone();
        draw_label(&mut a, &Label::new("im2", 3, 0), &font);
        draw_label(&mut b, &Label::new("im2", 3, 0), &Font::default());
        assert_eq!(a, b);
    }

    #[test]
    fn text_stays_near_its_origin() {
        let mut p = Picture::Gray(GrayImage::new(60, 30));
        draw_label(&mut p, &Label::new("im1", 3, 0), &Font::default());
        let Picture::Gray(img) = p else {
            panic!("kind changed")
        };
        let lit: Vec<(u32, u32)> = img
            .enumerate_pixels()
            .filter(|(_, _, v)| v[0] > 0)
            .map(|(x, y, _)| (x, y))
            .collect();
        assert!(!lit.is_empty());
        assert!(
            lit.iter().all(|&(x, y)| (3..3 + 30).contains(&x) && y < 14),
            "{lit:?}"
        );
    }

    #[test]
    fn non_ascii_and_missing_glyphs_do_not_panic() {
        let mut p = Picture::Rgb(RgbImage::new(80, 20));
        let label = Label {
            color: PixelColor::rgb(255, 0, 0),
            ..Label::new("µm² 細胞 🧫", 1, 1)
        };
        draw_label(&mut p, &label, &Font::default());
        let Picture::Rgb(img) = p else {
            panic!("kind changed")
        };
        assert!(img.pixels().any(|px| px[0] > 0 && px[1] == 0));
    }
}
