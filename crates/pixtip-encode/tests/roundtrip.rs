//! Encoding then decoding gives back the same pixels, for every colour type,
//! size and preset.

use pixtip_compose::image::{GrayImage, ImageBuffer, RgbImage, RgbaImage};
use pixtip_compose::{Gray16Image, Picture};
use pixtip_encode::{Preset, decode_data_uri, decode_png, encode_data_uri, encode_png};
use proptest::prelude::*;

/// A picture of any colour type, 1..=24 pixels each way, with pixels that
/// mix runs (compressible) and noise.
fn picture() -> impl Strategy<Value = Picture> {
    (0..4u8, 1..=24u32, 1..=24u32, any::<u64>()).prop_map(|(kind, w, h, seed)| {
        let mut state = seed | 1;
        let mut next = move || {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state
        };
        let mut sample = move |x: u32, y: u32| {
            if (x / 3 + y).is_multiple_of(2) {
                next()
            } else {
                u64::from(x * 7)
            }
        };
        match kind {
            0 => Picture::Gray(GrayImage::from_fn(w, h, |x, y| {
                image_luma(sample(x, y) as u8)
            })),
            1 => Picture::Gray16(Gray16Image::from_fn(w, h, |x, y| {
                pixtip_compose::image::Luma([sample(x, y) as u16])
            })),
            2 => Picture::Rgb(RgbImage::from_fn(w, h, |x, y| {
                let v = sample(x, y);
                pixtip_compose::image::Rgb([v as u8, (v >> 8) as u8, (v >> 16) as u8])
            })),
            _ => Picture::Rgba(RgbaImage::from_fn(w, h, |x, y| {
                let v = sample(x, y);
                pixtip_compose::image::Rgba([
                    v as u8,
                    (v >> 8) as u8,
                    (v >> 16) as u8,
                    (v >> 24) as u8,
                ])
            })),
        }
    })
}

fn image_luma(v: u8) -> pixtip_compose::image::Luma<u8> {
    pixtip_compose::image::Luma([v])
}

fn preset() -> impl Strategy<Value = Preset> {
    prop_oneof![
        Just(Preset::Fast),
        Just(Preset::Default),
        Just(Preset::Smallest)
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(96))]

    #[test]
    fn png_round_trip(p in picture(), preset in preset()) {
        let png = encode_png(&p, preset).unwrap();
        prop_assert_eq!(decode_png(&png).unwrap(), p);
    }

    #[test]
    fn data_uri_round_trip(p in picture(), preset in preset()) {
        let uri = encode_data_uri(&p, preset).unwrap();
        prop_assert!(uri.starts_with("data:image/png;base64,"));
        prop_assert_eq!(decode_data_uri(&uri).unwrap(), p);
    }
}

#[test]
fn empty_picture_is_an_error_not_a_panic() {
    let empty = Picture::Gray(ImageBuffer::new(0, 5));
    for preset in [Preset::Fast, Preset::Default, Preset::Smallest] {
        assert!(encode_png(&empty, preset).is_err(), "{preset:?}");
    }
}

#[test]
fn many_come_back_in_input_order() {
    let pictures: Vec<Picture> = (0..40u8)
        .map(|v| {
            Picture::Gray(GrayImage::from_pixel(
                3 + u32::from(v % 5),
                2,
                image_luma(v),
            ))
        })
        .collect();
    let (uris, count) = pixtip_encode::encode_data_uri_many(&pictures, Preset::Default).unwrap();
    assert_eq!(count.pictures, 40);
    assert_eq!(count.data_uri, uris.iter().map(String::len).sum::<usize>());
    for (uri, p) in uris.iter().zip(&pictures) {
        assert_eq!(&decode_data_uri(uri).unwrap(), p);
    }
}

/// Pictures of every colour type large enough for the Default preset's
/// filters and matches to matter: smooth gradients (Sub and Up win), noise
/// (None wins) and flat runs, in rows of several hundred bytes.
fn smooth_and_noisy(kind: u8) -> Picture {
    let (w, h) = (150, 61);
    let mut state = 0x9e37_79b9_7f4a_7c15_u64;
    let mut noise = move || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    let mut level = move |x: u32, y: u32, channel: u32| -> u64 {
        match (y / 20, x / 50) {
            (0, _) => u64::from(x * 3 + y * 2 + channel * 40),
            (1, 1) => noise(),
            (1, _) => 200,
            _ => u64::from((x * x + y * 7 + channel) / 5),
        }
    };
    use pixtip_compose::image::{Luma, Rgb, Rgba};
    match kind {
        0 => Picture::Gray(GrayImage::from_fn(w, h, |x, y| {
            Luma([level(x, y, 0) as u8])
        })),
        1 => Picture::Gray16(Gray16Image::from_fn(w, h, |x, y| {
            Luma([level(x, y, 0).wrapping_mul(97) as u16])
        })),
        2 => Picture::Rgb(RgbImage::from_fn(w, h, |x, y| {
            Rgb([0, 1, 2].map(|c| level(x, y, c) as u8))
        })),
        _ => Picture::Rgba(RgbaImage::from_fn(w, h, |x, y| {
            Rgba([0, 1, 2, 3].map(|c| level(x, y, c) as u8))
        })),
    }
}

#[test]
fn default_preset_decodes_to_the_same_pixels_for_every_colour_type() {
    for kind in 0..4 {
        let picture = smooth_and_noisy(kind);
        let png = encode_png(&picture, Preset::Default).unwrap();
        let back = decode_png(&png).unwrap();
        assert_eq!(back.kind(), picture.kind(), "colour type {kind}");
        assert!(back == picture, "{:?}: pixels changed", picture.kind());
        // Two thirds of the rows are smooth or flat: the PNG is well under
        // the raw size even with the noise band stored as it is.
        let samples = [1, 2, 3, 4][usize::from(kind)] * if kind == 1 { 2 } else { 1 };
        let raw = (picture.width() * picture.height()) as usize * samples;
        assert!(
            png.len() < raw * 2 / 3,
            "{:?}: {} PNG bytes for {raw} raw",
            picture.kind(),
            png.len()
        );
    }
}
