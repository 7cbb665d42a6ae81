//! PNGs made elsewhere (a table's cells, image files) reduced to the chunks
//! that say their samples, so that a picture which is exactly those samples
//! can be written as it was stored instead of being encoded again: encoding
//! costs more than everything else a picture takes.

use pixtip_picture::PictureKind;

/// How every PNG starts.
const SIGNATURE: &[u8] = b"\x89PNG\r\n\x1a\n";

/// An 8-bit gray, RGB or RGBA PNG keeping only `IHDR`, `IDAT` and `IEND`:
/// no text, no gamma or colour profile, no transparency key, no suggested
/// palette, nothing after `IEND`, so a browser shows its samples as they
/// are, as it shows the PNGs pixtip encodes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlainPng {
    /// The picture kind its samples are.
    pub kind: PictureKind,
    /// Width in pixels.
    pub width: u32,
    /// Height in pixels.
    pub height: u32,
    /// The PNG's bytes.
    pub bytes: Vec<u8>,
}

/// `png` reduced to a [`PlainPng`], or `None` where its samples are not an
/// 8-bit gray, RGB or RGBA picture (other depths, palettes, gray with
/// alpha), a critical chunk pixtip does not know stands in it, or its
/// chunks are not whole and in order. Chunks are copied with their CRCs
/// unchecked: the caller has decoded these bytes already.
///
/// ```
/// use pixtip_encode::{Preset, encode_png, plain_png};
/// use pixtip_picture::{Picture, PictureKind, image::GrayImage};
///
/// let png = encode_png(&Picture::Gray(GrayImage::new(3, 2)), Preset::Default).unwrap();
/// let plain = plain_png(&png).unwrap();
/// assert_eq!((plain.kind, plain.width, plain.height), (PictureKind::Gray, 3, 2));
/// assert_eq!(plain.bytes, png); // pixtip writes no other chunks
/// ```
pub fn plain_png(png: &[u8]) -> Option<PlainPng> {
    let mut rest = png.strip_prefix(SIGNATURE)?;
    let mut bytes = Vec::with_capacity(png.len());
    bytes.extend_from_slice(SIGNATURE);
    let mut header = None;
    // Image data must stand in one run of IDAT chunks: dropping the
    // chunks between two runs would join what the PNG keeps apart.
    let mut data = DataRun::Before;
    loop {
        let length = u32::from_be_bytes(*rest.first_chunk::<4>()?) as usize;
        // Length, type, data, CRC.
        let chunk = rest.get(..length.checked_add(12)?)?;
        rest = &rest[chunk.len()..];
        let name = &chunk[4..8];
        match (name, &header) {
            (b"IHDR", None) => header = Some(samples_of(&chunk[8..8 + length])?),
            (_, None) => return None, // IHDR comes first
            (b"IDAT", Some(_)) => match data {
                DataRun::Before | DataRun::In => data = DataRun::In,
                DataRun::After => return None,
            },
            (b"IEND", Some(_)) if data != DataRun::Before => {
                bytes.extend_from_slice(chunk);
                let (kind, width, height) = header?;
                return Some(PlainPng {
                    kind,
                    width,
                    height,
                    bytes,
                });
            }
            // A suggested palette (optional in RGB PNGs) and ancillary
            // chunks (a lower-case first letter) are left out.
            (b"PLTE", Some(_)) | ([b'a'..=b'z', ..], Some(_)) => {
                if data == DataRun::In {
                    data = DataRun::After;
                }
                continue;
            }
            _ => return None,
        }
        bytes.extend_from_slice(chunk);
    }
}

/// Where the chunks read so far stand against the image data.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum DataRun {
    Before,
    In,
    After,
}

/// The picture kind and size an `IHDR` declares, for 8-bit gray, RGB and
/// RGBA samples with PNG's only compression and filter methods.
fn samples_of(ihdr: &[u8]) -> Option<(PictureKind, u32, u32)> {
    let [
        w0,
        w1,
        w2,
        w3,
        h0,
        h1,
        h2,
        h3,
        depth,
        colour,
        0,
        0,
        interlace,
    ] = *ihdr
    else {
        return None;
    };
    let kind = match (depth, colour) {
        (8, 0) => PictureKind::Gray,
        (8, 2) => PictureKind::Rgb,
        (8, 6) => PictureKind::Rgba,
        _ => return None,
    };
    let (width, height) = (
        u32::from_be_bytes([w0, w1, w2, w3]),
        u32::from_be_bytes([h0, h1, h2, h3]),
    );
    (width > 0 && height > 0 && interlace <= 1).then_some((kind, width, height))
}

#[cfg(test)]
#[allow(clippy::unwrap_used)] // a failed unwrap is a failed test
mod tests {
    use super::*;
    use crate::{Preset, decode_png, encode_png};
    use pixtip_picture::Picture;
    use pixtip_picture::image::{GrayImage, Luma, RgbaImage};
    use proptest::prelude::*;

    fn chunk(name: &[u8; 4], data: &[u8]) -> Vec<u8> {
        let mut out = (data.len() as u32).to_be_bytes().to_vec();
        out.extend_from_slice(name);
        out.extend_from_slice(data);
        out.extend_from_slice(&[0; 4]); // CRCs are not checked here
        out
    }

    /// `png`'s chunks with `extra` inserted before the chunk at `at`.
    fn with_chunk(png: &[u8], at: usize, extra: &[u8]) -> Vec<u8> {
        let mut starts = vec![];
        let mut i = 8;
        while i < png.len() {
            starts.push(i);
            i += 12 + u32::from_be_bytes(png[i..i + 4].try_into().unwrap()) as usize;
        }
        [&png[..starts[at]], extra, &png[starts[at]..]].concat()
    }

    fn gray() -> (Picture, Vec<u8>) {
        let picture = Picture::Gray(GrayImage::from_fn(7, 5, |x, y| Luma([(x * 30 + y) as u8])));
        let png = encode_png(&picture, Preset::Default).unwrap();
        (picture, png)
    }

    #[test]
    fn metadata_chunks_are_left_out_and_the_samples_kept() {
        let (picture, png) = gray();
        // A text chunk after IHDR, a gamma chunk before IEND, bytes after IEND.
        let text = chunk(b"tEXt", b"Comment\0<script>alert(1)</script>");
        let noisy = with_chunk(&png, 1, &text);
        let last = noisy.len() - 12;
        let noisy = [
            &noisy[..last],
            &chunk(b"gAMA", &[0, 0, 0xb1, 0x8f]),
            &noisy[last..],
            b"trailing",
        ]
        .concat();
        assert_eq!(decode_png(&noisy).unwrap(), picture);
        let plain = plain_png(&noisy).unwrap();
        assert_eq!(plain.bytes, png);
        assert_eq!(
            (plain.kind, plain.width, plain.height),
            (PictureKind::Gray, 7, 5)
        );
    }

    #[test]
    fn rgba_and_interlaced_pngs_are_kept() {
        let picture = Picture::Rgba(RgbaImage::from_fn(3, 4, |x, y| {
            pixtip_picture::image::Rgba([x as u8, y as u8, 9, 200])
        }));
        let png = encode_png(&picture, Preset::Fast).unwrap();
        assert_eq!(plain_png(&png).unwrap().kind, PictureKind::Rgba);
        let mut interlaced = png.clone();
        interlaced[8 + 8 + 12] = 1; // IHDR's interlace byte
        assert_eq!(plain_png(&interlaced).unwrap().bytes, interlaced);
    }

    #[test]
    fn pngs_whose_samples_are_not_a_picture_are_refused() {
        let (_, png) = gray();
        let ihdr_byte = |offset: usize, value: u8| {
            let mut changed = png.clone();
            changed[8 + 8 + offset] = value;
            changed
        };
        for (what, bytes) in [
            ("16-bit", ihdr_byte(8, 16)),
            ("palette", ihdr_byte(9, 3)),
            ("gray with alpha", ihdr_byte(9, 4)),
            ("an unknown interlace", ihdr_byte(12, 2)),
            ("an unknown filter method", ihdr_byte(11, 1)),
            ("a zero width", [&png[..16], &[0; 4], &png[20..]].concat()),
            ("no IEND", png[..png.len() - 12].to_vec()),
            ("a cut chunk", png[..png.len() - 3].to_vec()),
            ("no signature", png[8..].to_vec()),
            (
                "an unknown critical chunk",
                with_chunk(&png, 1, &chunk(b"ZZZZ", b"")),
            ),
            (
                "IDAT before IHDR",
                with_chunk(&png, 0, &chunk(b"IDAT", b"")),
            ),
            (
                "two runs of IDAT",
                with_chunk(
                    &with_chunk(&png, 2, &chunk(b"tIME", &[0; 7])),
                    3,
                    &chunk(b"IDAT", b""),
                ),
            ),
            ("no IDAT", [&png[..33], &png[png.len() - 12..]].concat()),
        ] {
            assert_eq!(plain_png(&bytes), None, "{what}");
        }
    }

    proptest! {
        #[test]
        fn any_bytes_give_an_answer(tail in proptest::collection::vec(any::<u8>(), 0..200)) {
            let bytes = [SIGNATURE, &tail].concat();
            let _ = plain_png(&bytes);
            let (_, png) = gray();
            let cut = tail.len().min(png.len());
            let _ = plain_png(&png[..png.len() - cut]);
        }
    }
}
