//! PNG bytes to `data:` URIs and back, and PNG bytes back to pictures.

use crate::error::EncodeError;
use base64::Engine;
use base64::engine::general_purpose::STANDARD;
use pixtip_picture::image::{GrayImage, RgbImage, RgbaImage};
use pixtip_picture::{Gray16Image, Picture};
use std::io::Cursor;

/// What every PNG data URI starts with.
pub const DATA_URI_PREFIX: &str = "data:image/png;base64,";

/// PNG bytes as `data:image/png;base64,...`, the form Altair tooltips show.
pub fn to_data_uri(png: &[u8]) -> String {
    let mut uri = String::with_capacity(data_uri_len(png.len()));
    uri.push_str(DATA_URI_PREFIX);
    STANDARD.encode_string(png, &mut uri);
    uri
}

/// Length in bytes of the data URI of `png_len` PNG bytes.
pub fn data_uri_len(png_len: usize) -> usize {
    DATA_URI_PREFIX.len() + png_len.div_ceil(3) * 4
}

/// The PNG bytes inside a data URI.
///
/// Errors: a prefix other than `data:image/png;base64,`
/// ([`EncodeError::NotDataUri`]) or malformed base64 ([`EncodeError::Base64`]).
pub fn png_from_data_uri(uri: &str) -> Result<Vec<u8>, EncodeError> {
    let payload = uri.strip_prefix(DATA_URI_PREFIX).ok_or_else(|| {
        EncodeError::NotDataUri(uri.chars().take(DATA_URI_PREFIX.len()).collect())
    })?;
    Ok(STANDARD.decode(payload)?)
}

/// The picture stored in PNG bytes: 8-bit gray, 16-bit gray, RGB or RGBA
/// (palette and low-bit-depth PNGs are expanded to 8 bits).
///
/// Errors: bytes that are not a valid PNG ([`EncodeError::BadPng`]), or
/// gray+alpha / 16-bit colour PNGs ([`EncodeError::Unsupported`]).
pub fn decode_png(png: &[u8]) -> Result<Picture, EncodeError> {
    let mut decoder = png::Decoder::new(Cursor::new(png));
    decoder.set_transformations(png::Transformations::EXPAND);
    let mut reader = decoder.read_info()?;
    let size = reader
        .output_buffer_size()
        .ok_or_else(|| EncodeError::Unsupported("image too large to decode".into()))?;
    let mut buf = vec![0; size];
    let info = reader.next_frame(&mut buf)?;
    buf.truncate(info.buffer_size());
    let (w, h) = (info.width, info.height);
    let wrong = || EncodeError::Unsupported("decoded size does not match the header".into());
    use png::{BitDepth as D, ColorType as C};
    Ok(match (info.color_type, info.bit_depth) {
        (C::Grayscale, D::Eight) => {
            Picture::Gray(GrayImage::from_raw(w, h, buf).ok_or_else(wrong)?)
        }
        (C::Grayscale, D::Sixteen) => {
            let values = buf
                .chunks_exact(2)
                .map(|b| u16::from_be_bytes([b[0], b[1]]))
                .collect();
            Picture::Gray16(Gray16Image::from_raw(w, h, values).ok_or_else(wrong)?)
        }
        (C::Rgb, D::Eight) => Picture::Rgb(RgbImage::from_raw(w, h, buf).ok_or_else(wrong)?),
        (C::Rgba, D::Eight) => Picture::Rgba(RgbaImage::from_raw(w, h, buf).ok_or_else(wrong)?),
        (color, depth) => {
            return Err(EncodeError::Unsupported(format!(
                "{color:?} at {depth:?} bits has no picture type"
            )));
        }
    })
}

/// The picture inside a PNG data URI: [`png_from_data_uri`] then [`decode_png`].
pub fn decode_data_uri(uri: &str) -> Result<Picture, EncodeError> {
    decode_png(&png_from_data_uri(uri)?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn uri_length_matches() {
        for n in 0..10 {
            let bytes = vec![7u8; n];
            assert_eq!(to_data_uri(&bytes).len(), data_uri_len(n));
            assert_eq!(png_from_data_uri(&to_data_uri(&bytes)).unwrap(), bytes);
        }
    }

    #[test]
    fn malformed_inputs_are_typed_errors() {
        assert!(matches!(
            png_from_data_uri("data:image/jpeg;base64,AAAA"),
            Err(EncodeError::NotDataUri(_))
        ));
        assert!(matches!(
            png_from_data_uri("data:image/png;base64,@@@"),
            Err(EncodeError::Base64(_))
        ));
        assert!(matches!(
            decode_png(b"\x89PNG\r\n\x1a\nnope"),
            Err(EncodeError::BadPng(_))
        ));
        assert!(matches!(
            decode_data_uri("data:image/png;base64,AAAA"),
            Err(EncodeError::BadPng(_))
        ));
    }
}
