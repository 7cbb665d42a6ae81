//! Pictures to PNG bytes.

use crate::error::EncodeError;
use crate::filter::{RowStrategy, filter_image};
use pixtip_picture::Picture;
use png::{BitDepth, ColorType, DeflateCompression, Encoder, Filter};
use std::borrow::Cow;

/// How hard to compress.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Preset {
    /// Fastest: fdeflate with per-row adaptive filters; files somewhat larger than Pillow's.
    Fast,
    /// libdeflate with per-row min-sum filters among None, Sub and Up: no
    /// larger than Pillow's PNGs (0.972x on the tutorial's pictures), about
    /// 1.8x the speed of zlib level 5 with Pillow's five-way filter choice.
    #[default]
    Default,
    /// Tries every filter strategy, then compresses the best with zopfli:
    /// the smallest files (about 0.83x Pillow's on the tutorial's pictures),
    /// but slow: about 0.1 s per 96x202 picture. For final exports.
    Smallest,
}

impl Preset {
    /// The preset named `fast`, `default` or `smallest` (as `pixtip --png`
    /// and the Python package name them), or a message listing the names.
    ///
    /// ```
    /// use pixtip_encode::Preset;
    /// assert_eq!(Preset::parse("fast"), Ok(Preset::Fast));
    /// assert!(Preset::parse("best").is_err());
    /// ```
    pub fn parse(name: &str) -> Result<Preset, String> {
        match name {
            "fast" => Ok(Preset::Fast),
            "default" => Ok(Preset::Default),
            "smallest" => Ok(Preset::Smallest),
            _ => Err(format!(
                "unknown PNG preset `{name}`; one of fast, default, smallest"
            )),
        }
    }
}

/// The raw bytes a PNG stores for a picture: 16-bit samples big-endian.
pub(crate) fn png_layout(picture: &Picture) -> (ColorType, BitDepth, usize, Cow<'_, [u8]>) {
    // 8-bit pictures are stored as they are held: a byte per sample.
    let (color, channels, raw) = match picture {
        Picture::Gray(i) => (ColorType::Grayscale, 1, i.as_raw()),
        Picture::Rgb(i) => (ColorType::Rgb, 3, i.as_raw()),
        Picture::Rgba(i) => (ColorType::Rgba, 4, i.as_raw()),
        Picture::Gray16(i) => {
            let bytes = i.as_raw().iter().flat_map(|v| v.to_be_bytes()).collect();
            return (
                ColorType::Grayscale,
                BitDepth::Sixteen,
                2,
                Cow::Owned(bytes),
            );
        }
    };
    (color, BitDepth::Eight, channels, Cow::Borrowed(raw))
}

fn encode_with(
    picture: &Picture,
    data: &[u8],
    compression: DeflateCompression,
    filter: Filter,
) -> Result<Vec<u8>, EncodeError> {
    let (color, depth, _, _) = png_layout(picture);
    let mut out = Vec::with_capacity(data.len() / 2 + 64);
    let mut encoder = Encoder::new(&mut out, picture.width(), picture.height());
    encoder.set_color(color);
    encoder.set_depth(depth);
    encoder.set_deflate_compression(compression);
    encoder.set_filter(filter);
    let mut writer = encoder.write_header()?;
    writer.write_image_data(data)?;
    writer.finish()?;
    Ok(out)
}

/// A picture as PNG bytes (8-bit gray, 16-bit gray, RGB or RGBA as the picture is).
///
/// ```
/// use pixtip_picture::{Picture, image::GrayImage};
/// use pixtip_encode::{Preset, decode_png, encode_png};
/// let picture = Picture::Gray(GrayImage::from_fn(5, 3, |x, y| image::Luma([(x * y) as u8])));
/// let bytes = encode_png(&picture, Preset::Default).unwrap();
/// assert_eq!(decode_png(&bytes).unwrap(), picture);
/// # use pixtip_picture::image;
/// ```
///
/// Errors: the png crate's or zopfli's failures ([`EncodeError`]), e.g. an empty picture.
pub fn encode_png(picture: &Picture, preset: Preset) -> Result<Vec<u8>, EncodeError> {
    let (_, _, bytes_per_pixel, data) = png_layout(picture);
    match preset {
        Preset::Fast => encode_with(
            picture,
            &data,
            DeflateCompression::FdeflateUltraFast,
            Filter::Adaptive,
        ),
        Preset::Default => {
            let stride = picture.width() as usize * bytes_per_pixel;
            let filtered = filter_image(&data, stride, bytes_per_pixel, RowStrategy::QuickMinSum);
            let zlib = libdeflate_default(&filtered)?;
            with_idat(picture, &zlib)
        }
        Preset::Smallest => smallest(picture, &data, bytes_per_pixel),
    }
}

/// Picks the filter strategy that zlib compresses best, then spends zopfli's
/// effort on that one only (zopfli on all six would be six times slower for
/// rarely more than a few bytes).
fn smallest(
    picture: &Picture,
    data: &[u8],
    bytes_per_pixel: usize,
) -> Result<Vec<u8>, EncodeError> {
    let mut best: Option<(usize, RowStrategy)> = None;
    for strategy in RowStrategy::ALL {
        let size = encode_with(
            picture,
            data,
            DeflateCompression::Level(9),
            strategy.as_png_filter(),
        )?
        .len();
        if best.is_none_or(|(b, _)| size < b) {
            best = Some((size, strategy));
        }
    }
    let strategy = best.map_or(RowStrategy::MinSum, |(_, s)| s);
    let stride = picture.width() as usize * bytes_per_pixel;
    let filtered = filter_image(data, stride, bytes_per_pixel, strategy);
    let mut zlib = Vec::with_capacity(filtered.len() / 2);
    // One iteration and three block splits: on the tutorial's pictures
    // zopfli's defaults (15 and 15) save under 0.5 % more bytes for about
    // three times the time.
    let options = zopfli::Options {
        iteration_count: std::num::NonZeroU64::MIN,
        maximum_block_splits: 3,
        ..zopfli::Options::default()
    };
    zopfli::compress(options, zopfli::Format::Zlib, &filtered[..], &mut zlib)?;

    with_idat(picture, &zlib)
}

/// A PNG of `picture` whose image data is the given zlib stream of filtered rows.
fn with_idat(picture: &Picture, zlib: &[u8]) -> Result<Vec<u8>, EncodeError> {
    let (color, depth, _, _) = png_layout(picture);
    let mut out = Vec::with_capacity(zlib.len() + 64);
    let mut encoder = Encoder::new(&mut out, picture.width(), picture.height());
    encoder.set_color(color);
    encoder.set_depth(depth);
    let mut writer = encoder.write_header()?;
    writer.write_chunk(png::chunk::IDAT, zlib)?;
    writer.finish()?;
    Ok(out)
}

/// libdeflate level of the Default preset. With the None/Sub/Up row filters
/// on the tutorial's 600 pictures: level 4 gives 0.994x Pillow's PNG bytes,
/// level 5 0.972x (zlib-rs level 5 with five-way min-sum, the preset before
/// it: 0.981x, at about half the speed).
const DEFAULT_LEVEL: i32 = 5;

thread_local! {
    /// One compressor per thread: allocating libdeflate's match finder
    /// tables for every small picture would cost about as much as compressing it.
    static DEFAULT_DEFLATE: std::cell::RefCell<Option<libdeflater::Compressor>> =
        const { std::cell::RefCell::new(None) };
}

/// A zlib stream of `data` at [`DEFAULT_LEVEL`] (libdeflate, whole buffer at once).
pub(crate) fn libdeflate_default(data: &[u8]) -> Result<Vec<u8>, EncodeError> {
    DEFAULT_DEFLATE.with(|cell| {
        let mut slot = cell.borrow_mut();
        let compressor = match slot.as_mut() {
            Some(compressor) => compressor,
            None => {
                let level = libdeflater::CompressionLvl::new(DEFAULT_LEVEL)
                    .map_err(|e| EncodeError::Deflate(format!("{e:?}")))?;
                slot.insert(libdeflater::Compressor::new(level))
            }
        };
        let mut out = vec![0; compressor.zlib_compress_bound(data.len())];
        let written = compressor
            .zlib_compress(data, &mut out)
            .map_err(|e| EncodeError::Deflate(e.to_string()))?;
        out.truncate(written);
        Ok(out)
    })
}
