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
