//! Images to pictures, pixel for pixel: every scaling rule on every input
//! kind gives the levels numpy computes (fixtures/inputs/levels.json), NaN
//! gets its colour, small images zoom and large ones shrink as Pillow
//! shrinks them, and picture files are named by row only.

#![allow(clippy::unwrap_used)] // test helpers: a failed unwrap is a failed test

use ndarray::{Array2, ArrayD, IxDyn};
use pixtip::compose::{Colormap, Picture, PixelColor};
use pixtip::encode::decode_data_uri;
use pixtip::load::read_images;
use pixtip::{
    FileNames, ImageColumn, ImageTable, Look, PictureOptions, PictureSize, PictureStorage, Scaling,
    Zoom, no_progress,
};
use pixtip_tests::{input_path, read_json};

mod common;
use serde_json::Value;

/// Pictures at the images' own size: no zoom, no thumbnail.
fn actual_size(scale: Scaling) -> PictureOptions {
    PictureOptions {
        scale,
        size: PictureSize::ACTUAL,
        ..PictureOptions::default()
    }
}

/// The image column `column` of the fixture input `input`.
fn input_column(input: &str, column: &str) -> ImageColumn {
    read_images(input_path(input))
        .unwrap()
        .into_iter()
        .find(|(name, _)| name == column)
        .unwrap_or_else(|| panic!("{input} has no column `{column}`"))
        .1
}

/// The pictures of one image column, decoded from their data URIs.
fn pictures(column: &ImageColumn, name: &str, options: &PictureOptions) -> Vec<Picture> {
    let uris = common::picture_uris(column, name, options);
    uris.iter()
        .map(|uri| decode_data_uri(uri).unwrap())
        .collect()
}

/// PIL's mode name, width, height and bytes of a picture.
fn described(picture: &Picture) -> (&'static str, u32, u32, &[u8]) {
    let (mode, raw): (&str, &[u8]) = match picture {
        Picture::Gray(i) => ("L", i.as_raw()),
        Picture::Rgb(i) => ("RGB", i.as_raw()),
        Picture::Rgba(i) => ("RGBA", i.as_raw()),
        other => panic!("unexpected picture kind {:?}", other.kind()),
    };
    (mode, picture.width(), picture.height(), raw)
}

fn expected_row(row: &Value) -> (String, u32, u32, Vec<u8>) {
    (
        row["mode"].as_str().unwrap().to_string(),
        row["width"].as_u64().unwrap() as u32,
        row["height"].as_u64().unwrap() as u32,
        row["pixels"]
            .as_array()
            .unwrap()
            .iter()
            .map(|v| v.as_u64().unwrap() as u8)
            .collect(),
    )
}

fn level_cases() -> Vec<Value> {
    read_json(&input_path("levels.json"))
        .as_array()
        .unwrap()
        .clone()
}

#[test]
fn every_scaling_rule_gives_numpys_levels_on_every_input() {
    let cases = level_cases();
    assert!(cases.len() >= 100, "only {} cases", cases.len());
    let mut rows_checked = 0;
    for case in &cases {
        let input = case["input"].as_str().unwrap();
        let column_name = case["column"].as_str().unwrap();
        let rule = case["scale"].as_str().unwrap();
        let scale = Scaling::parse(rule).unwrap();
        let column = input_column(input, column_name);
        let ours = pictures(&column, column_name, &actual_size(scale));
        let rows = case["rows"].as_array().unwrap();
        assert_eq!(ours.len(), rows.len(), "{input} {rule}: rows");
        for (row, (picture, want)) in ours.iter().zip(rows).enumerate() {
            let (mode, width, height, pixels) = described(picture);
            let (want_mode, want_width, want_height, want_pixels) = expected_row(want);
            let at = format!("{input} `{column_name}` --scale {rule} row {row}");
            assert_eq!(
                (mode, width, height),
                (want_mode.as_str(), want_width, want_height),
                "{at}"
            );
            if let Some(i) = (0..pixels.len()).find(|&i| pixels[i] != want_pixels[i]) {
                panic!(
                    "{at}: byte {i} (pixel {}) is {}, numpy's level is {}",
                    i / (pixels.len() / (width * height) as usize),
                    pixels[i],
                    want_pixels[i]
                );
            }
            rows_checked += 1;
        }
    }
    assert!(rows_checked >= 250, "{rows_checked}");
}

#[test]
fn nan_pixels_are_magenta_or_the_colour_asked_whatever_the_colormap() {
    let column = input_column("npy/float64.npy", "float64");
    // values.json puts NaN at (0, 0) of image 0 and (3, 3) of image 2.
    for colormap in [Colormap::Gray, Colormap::Viridis] {
        let options = PictureOptions {
            look: Look {
                colormap,
                ..Look::default()
            },
            ..actual_size(Scaling::Global)
        };
        let ours = pictures(&column, "float64", &options);
        let Picture::Rgb(first) = &ours[0] else {
            panic!("image 0 has NaN: RGB expected")
        };
        assert_eq!(first.get_pixel(0, 0).0, [255, 0, 255]);
        let Picture::Rgb(last) = &ours[2] else {
            panic!("image 2 has NaN: RGB expected")
        };
        assert_eq!(last.get_pixel(3, 3).0, [255, 0, 255]);
        assert_ne!(last.get_pixel(2, 3).0, [255, 0, 255]);
    }
    let green = PictureOptions {
        look: Look {
            nan_color: PixelColor::rgb(0, 255, 0),
            ..Look::default()
        },
        ..actual_size(Scaling::Global)
    };
    let Picture::Rgb(first) = &pictures(&column, "float64", &green)[0] else {
        panic!("RGB expected")
    };
    assert_eq!(first.get_pixel(0, 0).0, [0, 255, 0]);

    // A colour image: one NaN channel makes the whole pixel magenta.
    let rgb = input_column("npy/rgb.npy", "rgb");
    let Picture::Rgb(second) = &pictures(&rgb, "rgb", &actual_size(Scaling::Auto))[1] else {
        panic!("RGB expected")
    };
    assert_eq!(second.get_pixel(1, 4).0, [255, 0, 255]);
}

#[test]
fn small_images_zoom_by_whole_factors_with_the_same_levels() {
    let column = input_column("npy/uint16.npy", "uint16");
    let exact = &pictures(&column, "uint16", &actual_size(Scaling::Auto))[0];
    let Picture::Gray(exact) = exact else {
        panic!("gray expected")
    };
    // 6x5 (H x W): the longest side is under 32, so it grows by floor(64 / 6) = 10.
    for (zoom, factor) in [(Zoom::Auto, 10), (Zoom::Factor(3), 3), (Zoom::Factor(1), 1)] {
        let options = PictureOptions {
            size: PictureSize {
                zoom,
                ..PictureSize::default()
            },
            ..PictureOptions::default()
        };
        let Picture::Gray(zoomed) = &pictures(&column, "uint16", &options)[0] else {
            panic!("gray expected")
        };
        assert_eq!(
            (zoomed.width(), zoomed.height()),
            (5 * factor, 6 * factor),
            "{zoom:?}"
        );
        for (x, y, pixel) in zoomed.enumerate_pixels() {
            assert_eq!(
                pixel,
                exact.get_pixel(x / factor, y / factor),
                "{zoom:?} at ({x}, {y})"
            );
        }
    }
    let size = |h: usize, w: usize, options: &PictureOptions| {
        let column = ImageColumn::from_images([Array2::<u8>::zeros((h, w))]);
        let picture = &pictures(&column, "im", options)[0];
        (picture.width(), picture.height())
    };
    let default = PictureOptions::default();
    assert_eq!(size(32, 20, &default), (20, 32), "32 px is not small");
    assert_eq!(size(31, 20, &default), (40, 62));
    assert_eq!(size(1, 3, &default), (63, 21));
    // Zoomed past the thumbnail's bound, the picture is shrunk back into it.
    let bounded = PictureOptions {
        size: PictureSize {
            thumbnail: Some(40),
            ..PictureSize::default()
        },
        ..PictureOptions::default()
    };
    assert_eq!(size(6, 5, &bounded), (33, 40));
}

#[test]
fn zooms_stop_at_the_thumbnail_and_at_the_pixel_limit() {
    let column = input_column("npy/large.npy", "large");
    // 64x256 is already over the 128-px bound: zoomed 64x, it would take
    // 4096x16384 pixels to be shrunk back to the same picture.
    let zoomed = PictureOptions {
        size: PictureSize {
            zoom: Zoom::Factor(64),
            ..PictureSize::default()
        },
        ..PictureOptions::default()
    };
    let plain = &pictures(&column, "large", &PictureOptions::default())[0];
    let from_zoom = &pictures(&column, "large", &zoomed)[0];
    assert_eq!(described(from_zoom), described(plain));
    // Without a thumbnail, a zoom to 2^30 pixels is refused by its row
    // instead of allocating them.
    let huge = PictureOptions {
        size: PictureSize {
            zoom: Zoom::Factor(256),
            thumbnail: None,
        },
        ..PictureOptions::default()
    };
    let mut table = ImageTable::new();
    table.add_images("large", column).unwrap();
    let error = table
        .add_pictures(
            "picture",
            &["large"],
            &huge,
            &PictureStorage::DataUri,
            &mut no_progress,
        )
        .unwrap_err()
        .to_string();
    assert!(
        error.contains("row 0 of `large`")
            && error.contains("zoom 256")
            && error.contains("16384×65536"),
        "{error}"
    );
}

#[test]
fn large_images_shrink_to_the_thumbnail_as_pillows_reduce() {
    let column = input_column("npy/large.npy", "large");
    // 64x256 uint8 with the default 128-px thumbnail: exactly half size.
    let Picture::Gray(ours) = &pictures(&column, "large", &PictureOptions::default())[0] else {
        panic!("gray expected")
    };
    let pillow = pixtip::compose::image::open(input_path("large_reduce2.png"))
        .unwrap()
        .to_luma8();
    assert_eq!((ours.width(), ours.height()), (128, 32));
    assert_eq!(pillow.dimensions(), (128, 32));
    if let Some(i) = (0..ours.len()).find(|&i| ours.as_raw()[i] != pillow.as_raw()[i]) {
        panic!(
            "pixel {i}: {} where Pillow has {}",
            ours.as_raw()[i],
            pillow.as_raw()[i]
        );
    }
    let none = PictureOptions {
        size: PictureSize {
            thumbnail: None,
            ..PictureSize::default()
        },
        ..PictureOptions::default()
    };
    let kept = &pictures(&column, "large", &none)[0];
    assert_eq!((kept.width(), kept.height()), (256, 64));
}

#[test]
fn picture_files_are_named_by_row_never_by_the_users_text() {
    let dir = tempfile::tempdir().unwrap();
    let files = dir.path().join("pictures");
    std::fs::create_dir(&files).unwrap();
    let mut table = pixtip::load::read_csv(input_path("stacks.csv"), &Default::default()).unwrap();
    for (name, column) in read_images(input_path("pair.npz")).unwrap() {
        table.add_images(name, column).unwrap();
    }
    let storage = PictureStorage::files(&files, "pictures");
    let options = PictureOptions::default();
    table
        .add_pictures(
            "left_picture",
            &["left"],
            &options,
            &storage,
            &mut no_progress,
        )
        .unwrap();
    table
        .add_pictures(
            "both",
            &["left", "right"],
            &options,
            &storage,
            &mut no_progress,
        )
        .unwrap();
    assert_eq!(
        *table.text("left_picture").unwrap(),
        [
            "pictures/0-000000.png",
            "pictures/0-000001.png",
            "pictures/0-000002.png"
        ]
    );
    assert_eq!(&table.text("both").unwrap()[2], "pictures/1-000002.png");
    let mut written: Vec<String> = std::fs::read_dir(&files)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    written.sort();
    assert_eq!(written.len(), 6, "{written:?}");
    // Nothing was written outside the folder, whatever the labels say.
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
    // A file holds the same picture as the data URI of its row.
    let embedded = pictures(&input_column("pair.npz", "left"), "left", &options);
    let png = std::fs::read(files.join("0-000001.png")).unwrap();
    let from_file = pixtip::encode::decode_png(&png).unwrap();
    assert_eq!(described(&from_file), described(&embedded[1]));

    let hashed = dir.path().join("hashed");
    std::fs::create_dir(&hashed).unwrap();
    let by_content = PictureStorage::Files {
        dir: hashed.clone(),
        url_prefix: "hashed".into(),
        names: FileNames::ContentHash,
    };
    let mut same = ImageTable::new();
    let image = ArrayD::from_elem(IxDyn(&[4, 4]), 0.5f64);
    same.add_images("im", vec![image.clone(), image]).unwrap();
    same.add_pictures("picture", &["im"], &options, &by_content, &mut no_progress)
        .unwrap();
    let refs = same.text("picture").unwrap();
    assert_eq!(refs[0], refs[1], "identical pictures share one file");
    let hex = refs[0]
        .strip_prefix("hashed/")
        .unwrap()
        .strip_suffix(".png")
        .unwrap();
    assert!(
        hex.len() == 16 && hex.bytes().all(|b| b.is_ascii_hexdigit()),
        "{hex}"
    );
    assert_eq!(std::fs::read_dir(&hashed).unwrap().count(), 1);
}
