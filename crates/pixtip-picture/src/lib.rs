//! pixtip-picture: the picture type shared by composing and encoding, and
//! colours to paint with.
//!
//! **For**: one small type, [`Picture`] (the `image` crate's 8-bit gray,
//! 16-bit gray, RGB and RGBA buffers), that `pixtip-compose` draws and
//! `pixtip-encode` writes as PNG, so that encoding needs no drawing stack.
//!
//! **Not for**: drawing, scaling or encoding (the crates on either side).
//!
//! ```
//! use pixtip_picture::{Picture, PictureKind, image::GrayImage};
//! let picture = Picture::Gray(GrayImage::new(4, 3));
//! assert_eq!((picture.width(), picture.height(), picture.kind()), (4, 3, PictureKind::Gray));
//! ```

/// The `image` crate, re-exported so users name the same buffer types.
pub use image;

use image::{GrayImage, ImageBuffer, Luma, Pixel, Rgb, RgbImage, Rgba, RgbaImage};

/// A 16-bit grayscale image buffer.
pub type Gray16Image = ImageBuffer<Luma<u16>, Vec<u16>>;

/// A picture ready to be encoded: one of the `image` crate's buffers.
///
/// imageproc and the `image` crate work on the wrapped buffers directly; match
/// on the variant (or use `From`) to move between this enum and them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Picture {
    /// 8-bit grayscale: what the tutorial's 2-D `uint8` array becomes.
    Gray(GrayImage),
    /// 16-bit grayscale.
    Gray16(Gray16Image),
    /// 8-bit RGB, e.g. after a colormap.
    Rgb(RgbImage),
    /// 8-bit RGB with alpha.
    Rgba(RgbaImage),
}

/// The colour type of a [`Picture`], without its pixels.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum PictureKind {
    /// [`Picture::Gray`].
    Gray,
    /// [`Picture::Gray16`].
    Gray16,
    /// [`Picture::Rgb`].
    Rgb,
    /// [`Picture::Rgba`].
    Rgba,
}

impl PictureKind {
    /// A short name for messages: `"8-bit gray"`, `"RGB"`, …
    pub fn name(self) -> &'static str {
        match self {
            PictureKind::Gray => "8-bit gray",
            PictureKind::Gray16 => "16-bit gray",
            PictureKind::Rgb => "RGB",
            PictureKind::Rgba => "RGBA",
        }
    }
}

impl Picture {
    /// Width in pixels.
    pub fn width(&self) -> u32 {
        match self {
            Picture::Gray(i) => i.width(),
            Picture::Gray16(i) => i.width(),
            Picture::Rgb(i) => i.width(),
            Picture::Rgba(i) => i.width(),
        }
    }

    /// Height in pixels.
    pub fn height(&self) -> u32 {
        match self {
            Picture::Gray(i) => i.height(),
            Picture::Gray16(i) => i.height(),
            Picture::Rgb(i) => i.height(),
            Picture::Rgba(i) => i.height(),
        }
    }

    /// The colour type.
    pub fn kind(&self) -> PictureKind {
        match self {
            Picture::Gray(_) => PictureKind::Gray,
            Picture::Gray16(_) => PictureKind::Gray16,
            Picture::Rgb(_) => PictureKind::Rgb,
            Picture::Rgba(_) => PictureKind::Rgba,
        }
    }

    /// The same pixels as 8-bit RGB (gray is repeated into the three
    /// channels, 16-bit gray keeps its high byte, alpha is dropped).
    pub fn to_rgb(&self) -> RgbImage {
        match self {
            Picture::Gray(i) => ImageBuffer::from_fn(i.width(), i.height(), |x, y| {
                let v = i.get_pixel(x, y)[0];
                Rgb([v, v, v])
            }),
            Picture::Gray16(i) => ImageBuffer::from_fn(i.width(), i.height(), |x, y| {
                let v = (i.get_pixel(x, y)[0] >> 8) as u8;
                Rgb([v, v, v])
            }),
            Picture::Rgb(i) => i.clone(),
            Picture::Rgba(i) => ImageBuffer::from_fn(i.width(), i.height(), |x, y| {
                let p = i.get_pixel(x, y);
                Rgb([p[0], p[1], p[2]])
            }),
        }
    }
}

/// `Picture::from(image)` for each pixel type's image.
macro_rules! picture_from {
    ($($image:ty => $variant:ident),* $(,)?) => {$(
        impl From<$image> for Picture {
            fn from(image: $image) -> Self {
                Picture::$variant(image)
            }
        }
    )*};
}

picture_from!(
    GrayImage => Gray,
    Gray16Image => Gray16,
    RgbImage => Rgb,
    RgbaImage => Rgba,
);

/// A colour for gaps and text, turned into each picture's own pixel type.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct PixelColor {
    /// Red.
    pub r: u8,
    /// Green.
    pub g: u8,
    /// Blue.
    pub b: u8,
    /// Alpha (255 = opaque); only RGBA pictures keep it.
    pub a: u8,
}

impl PixelColor {
    /// White, the tutorial's gap and label colour (255 in a gray picture).
    pub const WHITE: PixelColor = PixelColor::gray(255);
    /// Black.
    pub const BLACK: PixelColor = PixelColor::gray(0);

    /// An opaque gray level.
    pub const fn gray(v: u8) -> PixelColor {
        PixelColor {
            r: v,
            g: v,
            b: v,
            a: 255,
        }
    }

    /// An opaque RGB colour.
    pub const fn rgb(r: u8, g: u8, b: u8) -> PixelColor {
        PixelColor { r, g, b, a: 255 }
    }

    /// The gray level: exact for grays, else the `image` crate's luma.
    pub fn luma(self) -> u8 {
        if self.r == self.g && self.g == self.b {
            self.r
        } else {
            Rgb([self.r, self.g, self.b]).to_luma()[0]
        }
    }
}

/// Pixel types a [`PixelColor`] can become.
pub trait FromColor: Pixel {
    /// The colour as this pixel type (gray types take its luma).
    fn from_color(color: PixelColor) -> Self;
}

impl FromColor for Luma<u8> {
    fn from_color(color: PixelColor) -> Self {
        Luma([color.luma()])
    }
}

impl FromColor for Luma<u16> {
    fn from_color(color: PixelColor) -> Self {
        // 257 maps 0..=255 onto 0..=65535 exactly (255 * 257 = 65535).
        Luma([u16::from(color.luma()) * 257])
    }
}

impl FromColor for Rgb<u8> {
    fn from_color(color: PixelColor) -> Self {
        Rgb([color.r, color.g, color.b])
    }
}

impl FromColor for Rgba<u8> {
    fn from_color(color: PixelColor) -> Self {
        Rgba([color.r, color.g, color.b, color.a])
    }
}
