//! One encoded image (PNG, TIFF, JPEG) as pixels in its own depth, from a
//! file or from bytes held elsewhere (a table's binary cell): 8- and 16-bit
//! through the `image` crate, gray TIFFs of 32- and 64-bit samples (float32
//! and the like) through `tiff`.

use crate::error::PixtipError;
use crate::images::{ElementType, Pixels};
use ndarray::{Array2, Array3};
use pixtip_compose::image::{DynamicImage, ImageDecoder, ImageFormat, ImageReader, Limits};
use std::io::{BufRead, Cursor, Seek, SeekFrom};
use std::path::Path;

/// How a PNG file starts.
const PNG_SIGNATURE: &[u8] = b"\x89PNG\r\n\x1a\n";
/// How a JPEG file starts (start of image, then a marker).
const JPEG_SIGNATURE: &[u8] = &[0xff, 0xd8, 0xff];

/// The largest image a file may declare: 2^28 pixels (16384 × 16384).
pub(crate) const MAX_PIXELS: u64 = 1 << 28;

/// Refuses an image that declares more than [`MAX_PIXELS`] before it is decoded.
pub(crate) fn check_size(width: u32, height: u32) -> Result<(), String> {
    if u64::from(width) * u64::from(height) > MAX_PIXELS {
        return Err(format!(
            "declares {width}×{height} pixels, more than the {MAX_PIXELS} allowed"
        ));
    }
    Ok(())
}

/// One image file as pixels in its own depth: 8-bit as `uint8`, 16-bit as
/// `uint16`, colour float TIFFs as `float32`, gray TIFFs of 32- or 64-bit
/// samples in their own type (`float32`, `float64`, `int32`, `uint32`, …);
/// gray as `H×W`, colour as `H×W×3|4` (gray with alpha keeps only the gray).
pub fn read_image_file(path: &Path) -> Result<Pixels, PixtipError> {
    let file = std::fs::File::open(path).map_err(|source| PixtipError::Io {
        path: path.to_path_buf(),
        source,
    })?;
    decode(
        std::io::BufReader::new(file),
        path,
        "cannot decode the image",
    )
}

/// The largest PNG file [`read_image_file_and_png`] holds in memory to keep
/// as a picture; larger ones are decoded as they are read.
const MAX_KEPT_PNG: u64 = 64 << 20;

/// [`read_image_file`] with the file's bytes when it is a PNG (of at most
/// 64 MiB), which a picture equal to the image can then be.
pub(crate) fn read_image_file_and_png(
    path: &Path,
) -> Result<(Pixels, Option<Vec<u8>>), PixtipError> {
    use std::io::Read;
    let io = |source| PixtipError::io(path, source);
    let mut file = std::fs::File::open(path).map_err(io)?;
    let mut head = [0; 8];
    let small = file.metadata().map_err(io)?.len() <= MAX_KEPT_PNG;
    if !small || file.read_exact(&mut head).is_err() || !is_png(&head) {
        return Ok((read_image_file(path)?, None));
    }
    let mut bytes = head.to_vec();
    file.read_to_end(&mut bytes).map_err(io)?;
    let pixels = decode(Cursor::new(&bytes), path, "cannot decode the image")?;
    Ok((pixels, Some(bytes)))
}

/// Whether `bytes` start as a PNG does.
pub(crate) fn is_png(bytes: &[u8]) -> bool {
    bytes.starts_with(PNG_SIGNATURE)
}

/// The PNG, JPEG or TIFF image held in `bytes` (a table's cell), as
/// [`read_image_file`] reads files; errors name `origin`, the table's file.
pub fn read_image_bytes(bytes: &[u8], origin: &Path) -> Result<Pixels, PixtipError> {
    if !is_image_signature(bytes) {
        let start: Vec<String> = bytes.iter().take(8).map(|b| format!("{b:02x}")).collect();
        return Err(PixtipError::BadFile {
            path: origin.to_path_buf(),
            message: format!(
                "{} bytes that are not a PNG, JPEG or TIFF image (they start {})",
                bytes.len(),
                if start.is_empty() {
                    "with nothing".to_string()
                } else {
                    start.join(" ")
                }
            ),
        });
    }
    decode(Cursor::new(bytes), origin, "cannot decode the image bytes")
}

/// The element type an encoded image decodes to, told by its first bytes
/// without decoding it: a PNG's `IHDR` (`uint16` at 16 bits a sample,
/// `uint8` below, palettes included) or a JPEG (always `uint8`: the
/// decoder reads 8-bit JPEGs only). `None` for TIFFs, whose sample type
/// lies further in, and for anything not so plain, which decoding decides.
pub(crate) fn encoded_element_type(head: &[u8]) -> Option<ElementType> {
    if head.starts_with(JPEG_SIGNATURE) {
        return Some(ElementType::U8);
    }
    // Signature, then the first chunk: length 13, `IHDR`, width, height,
    // bit depth, colour type.
    let ihdr = head
        .strip_prefix(PNG_SIGNATURE)?
        .strip_prefix(b"\0\0\0\x0dIHDR")?;
    let (&depth, &colour) = (ihdr.get(8)?, ihdr.get(9)?);
    match (colour, depth) {
        (0, 1 | 2 | 4 | 8) | (3, 1 | 2 | 4 | 8) | (2 | 4 | 6, 8) => Some(ElementType::U8),
        (0 | 2 | 4 | 6, 16) => Some(ElementType::U16),
        _ => None,
    }
}

/// [`encoded_element_type`] of the image file at `path`, from its first
/// bytes; `None` when it cannot be read (decoding then says why).
pub(crate) fn file_element_type(path: &Path) -> Option<ElementType> {
    use std::io::Read;
    let mut head = Vec::with_capacity(26);
    std::fs::File::open(path)
        .ok()?
        .take(26)
        .read_to_end(&mut head)
        .ok()?;
    encoded_element_type(&head)
}

/// Whether `bytes` start as a PNG, a JPEG or a TIFF does.
fn is_image_signature(bytes: &[u8]) -> bool {
    is_png(bytes)
        || bytes.starts_with(JPEG_SIGNATURE)
        || bytes.starts_with(b"II*\0")
        || bytes.starts_with(b"MM\0*")
}

fn decode<R: BufRead + Seek>(
    mut input: R,
    path: &Path,
    what: &'static str,
) -> Result<Pixels, PixtipError> {
    let bad = |message: String| PixtipError::bad_file(path, message);
    let io = |source| PixtipError::io(path, source);
    if let Some(pixels) = read_wide_gray_tiff(&mut input, path)? {
        return Ok(pixels);
    }
    input.seek(SeekFrom::Start(0)).map_err(io)?;
    let mut reader = ImageReader::new(input).with_guessed_format().map_err(io)?;
    if reader.format().is_none() {
        // Content says nothing (an empty file): the file's ending decides.
        if let Ok(format) = ImageFormat::from_path(path) {
            reader.set_format(format);
        }
    }
    let image_error = |what: &'static str| {
        move |source| PixtipError::Image {
            path: path.to_path_buf(),
            what,
            source,
        }
    };
    let mut limits = Limits::default();
    limits.max_image_width = Some(1 << 16);
    limits.max_image_height = Some(1 << 16);
    limits.max_alloc = Some(MAX_PIXELS * 8);
    reader.limits(limits);
    let decoder = reader
        .into_decoder()
        .map_err(image_error("cannot read the image"))?;
    let (width, height) = decoder.dimensions();
    check_size(width, height).map_err(bad)?;
    let image = DynamicImage::from_decoder(decoder).map_err(image_error(what))?;
    pixels_of(image).map_err(bad)
}

/// A decoded image as pixels of its own depth.
fn pixels_of(image: DynamicImage) -> Result<Pixels, String> {
    let (w, h) = (image.width() as usize, image.height() as usize);
    let shaped = |channels: usize| {
        if channels == 1 {
            vec![h, w]
        } else {
            vec![h, w, channels]
        }
    };
    fn build<T>(shape: Vec<usize>, values: Vec<T>) -> Result<ndarray::ArrayD<T>, String> {
        ndarray::ArrayD::from_shape_vec(shape, values).map_err(|e| e.to_string())
    }
    fn first_of_two<T: Copy>(h: usize, w: usize, values: Vec<T>) -> Result<Array2<T>, String> {
        Array2::from_shape_vec((h, w), values.chunks_exact(2).map(|p| p[0]).collect())
            .map_err(|e| e.to_string())
    }
    Ok(match image {
        DynamicImage::ImageLuma8(i) => Pixels::from(build(shaped(1), i.into_raw())?),
        DynamicImage::ImageLumaA8(i) => Pixels::from(first_of_two(h, w, i.into_raw())?),
        DynamicImage::ImageRgb8(i) => Pixels::from(build(shaped(3), i.into_raw())?),
        DynamicImage::ImageRgba8(i) => Pixels::from(build(shaped(4), i.into_raw())?),
        DynamicImage::ImageLuma16(i) => Pixels::from(build(shaped(1), i.into_raw())?),
        DynamicImage::ImageLumaA16(i) => Pixels::from(first_of_two(h, w, i.into_raw())?),
        DynamicImage::ImageRgb16(i) => Pixels::from(build(shaped(3), i.into_raw())?),
        DynamicImage::ImageRgba16(i) => Pixels::from(build(shaped(4), i.into_raw())?),
        DynamicImage::ImageRgb32F(i) => Pixels::from(build(shaped(3), i.into_raw())?),
        DynamicImage::ImageRgba32F(i) => Pixels::from(build(shaped(4), i.into_raw())?),
        other => {
            let rgb = other.to_rgb32f();
            Pixels::from(
                Array3::from_shape_vec((h, w, 3), rgb.into_raw()).map_err(|e| e.to_string())?,
            )
        }
    })
}

/// A gray TIFF of 32- or 64-bit samples (a float32 export from a microscope,
/// say), which the image crate does not decode; `None` for any other input,
/// TIFF or not, which the image crate then reads or refuses.
fn read_wide_gray_tiff<R: BufRead + Seek>(
    input: &mut R,
    path: &Path,
) -> Result<Option<Pixels>, PixtipError> {
    use tiff::ColorType;
    use tiff::decoder::{Decoder, DecodingResult, Limits};
    let mut magic = [0u8; 4];
    if std::io::Read::read_exact(input, &mut magic).is_err()
        || !(magic == *b"II*\0" || magic == *b"MM\0*")
    {
        return Ok(None);
    }
    if input.seek(SeekFrom::Start(0)).is_err() {
        return Ok(None);
    }
    let Ok(decoder) = Decoder::new(input) else {
        return Ok(None);
    };
    let mut limits = Limits::default();
    limits.decoding_buffer_size = usize::try_from(MAX_PIXELS * 8).unwrap_or(usize::MAX);
    let mut decoder = decoder.with_limits(limits);
    if !matches!(decoder.colortype(), Ok(ColorType::Gray(32 | 64))) {
        return Ok(None);
    }
    let bad = |message: String| PixtipError::bad_file(path, message);
    let (width, height) = decoder
        .dimensions()
        .map_err(|e| bad(format!("cannot read the image: {e}")))?;
    check_size(width, height).map_err(bad)?;
    let shape = (height as usize, width as usize);
    fn grid<T>(shape: (usize, usize), values: Vec<T>) -> Result<Array2<T>, String> {
        Array2::from_shape_vec(shape, values).map_err(|e| e.to_string())
    }
    let image = decoder
        .read_image()
        .map_err(|e| bad(format!("cannot decode the image: {e}")))?;
    let pixels = match image {
        DecodingResult::F32(v) => Pixels::from(grid(shape, v).map_err(bad)?),
        DecodingResult::F64(v) => Pixels::from(grid(shape, v).map_err(bad)?),
        DecodingResult::U32(v) => Pixels::from(grid(shape, v).map_err(bad)?),
        DecodingResult::I32(v) => Pixels::from(grid(shape, v).map_err(bad)?),
        DecodingResult::U64(v) => Pixels::from(grid(shape, v).map_err(bad)?),
        DecodingResult::I64(v) => Pixels::from(grid(shape, v).map_err(bad)?),
        _ => return Ok(None),
    };
    Ok(Some(pixels))
}

#[cfg(test)]
#[allow(clippy::unwrap_used)] // a failed unwrap is a failed test
mod tests {
    use super::*;

    /// A PNG's signature and `IHDR` up to its colour type.
    fn png_head(depth: u8, colour: u8) -> Vec<u8> {
        let mut head = b"\x89PNG\r\n\x1a\n\0\0\0\x0dIHDR".to_vec();
        head.extend_from_slice(&[0, 0, 0, 8, 0, 0, 0, 8, depth, colour]);
        head
    }

    #[test]
    fn headers_tell_the_type_decoding_gives() {
        let folder = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fixtures/inputs/folder");
        let mut told = 0;
        for entry in std::fs::read_dir(folder).unwrap() {
            let path = entry.unwrap().path();
            let decoded = read_image_file(&path).unwrap().element_type();
            match file_element_type(&path) {
                Some(element) => {
                    assert_eq!(element, decoded, "{}", path.display());
                    told += 1;
                }
                // TIFFs are left to decoding.
                None => assert!(path.extension().unwrap() == "tif", "{}", path.display()),
            }
        }
        // gray8, rgb8, rgba8, gray16 PNGs and the JPEG.
        assert_eq!(told, 5);
    }

    #[test]
    fn png_headers_of_every_depth_and_colour_type() {
        for (depth, colour, element) in [
            (1, 0, Some(ElementType::U8)),
            (4, 3, Some(ElementType::U8)),
            (8, 3, Some(ElementType::U8)),
            (8, 4, Some(ElementType::U8)),
            (16, 0, Some(ElementType::U16)),
            (16, 6, Some(ElementType::U16)),
            // Combinations PNG does not allow: decoding decides (and refuses).
            (16, 3, None),
            (4, 2, None),
            (8, 5, None),
        ] {
            assert_eq!(
                encoded_element_type(&png_head(depth, colour)),
                element,
                "depth {depth}, colour {colour}"
            );
        }
        let head = png_head(8, 0);
        assert_eq!(encoded_element_type(&head[..head.len() - 1]), None);
        assert_eq!(encoded_element_type(b"II*\0rest"), None);
        assert_eq!(encoded_element_type(b"not an image"), None);
        assert_eq!(encoded_element_type(&[]), None);
        assert_eq!(
            encoded_element_type(&[0xff, 0xd8, 0xff, 0xe0]),
            Some(ElementType::U8)
        );
    }
}
