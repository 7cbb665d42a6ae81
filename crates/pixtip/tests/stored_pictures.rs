//! Pictures of images stored as PNG (a table's cells, an image folder's
//! files): where the picture is exactly the image's 8-bit samples, it is
//! the stored PNG without its metadata chunks, not a new encoding; in every
//! case its pixels are those of the picture drawn from the same images held
//! in memory.

#![allow(clippy::unwrap_used)] // test helpers: a failed unwrap is a failed test

use pixtip::compose::{Colormap, Look, PictureSize, Zoom};
use pixtip::encode::{Preset, decode_data_uri, plain_png, png_from_data_uri};
use pixtip::load::{ImageFolder, TableOptions, read_table};
use pixtip::{ImageColumn, PictureOptions, TableColumn};
use pixtip_tests::{input_path, png_chunk};

mod common;

/// Pictures at the images' own size (the fixtures' images are small, and
/// the default zoom would enlarge them).
fn actual_size() -> PictureOptions {
    PictureOptions {
        size: PictureSize::ACTUAL,
        ..PictureOptions::default()
    }
}

/// The same images decoded and held in memory: nothing stored to keep.
fn in_memory(column: &ImageColumn) -> ImageColumn {
    (0..column.len())
        .map(|row| column.image(row).unwrap())
        .collect()
}

/// Each row's stored PNG reduced to its samples' chunks, when it has one.
fn plain_stored(column: &ImageColumn) -> Vec<Option<Vec<u8>>> {
    (0..column.len())
        .map(|row| {
            let (_, png) = column.image_and_png(row).unwrap();
            png.and_then(|png| plain_png(&png)).map(|plain| plain.bytes)
        })
        .collect()
}

/// Checks `column`'s pictures under `options`: the rows in `kept` are their
/// stored PNGs, every other row a new encoding equal to the in-memory
/// route's, and every row's pixels those of the in-memory route.
fn assert_pictures(column: &ImageColumn, options: &PictureOptions, kept: &[usize], what: &str) {
    let stored = plain_stored(column);
    let pictures = common::picture_uris(column, "images", options);
    let drawn = common::picture_uris(&in_memory(column), "images", options);
    for (row, (picture, drawn)) in pictures.iter().zip(&drawn).enumerate() {
        let png = png_from_data_uri(picture).unwrap();
        if kept.contains(&row) {
            assert_eq!(
                Some(&png),
                stored[row].as_ref(),
                "{what}: row {row} as stored"
            );
            assert_ne!(
                picture, drawn,
                "{what}: row {row} differs from a new encoding"
            );
        } else {
            assert_eq!(picture, drawn, "{what}: row {row} encoded as from memory");
        }
        assert_eq!(
            decode_data_uri(picture).unwrap(),
            decode_data_uri(drawn).unwrap(),
            "{what}: row {row}'s pixels"
        );
    }
}

#[test]
fn a_hugging_face_tables_8_bit_png_cells_are_their_own_pictures() {
    let table = read_table(input_path("formats/hf.parquet"), &TableOptions::default()).unwrap();
    let TableColumn::Images(column) = table.column("image").unwrap() else {
        panic!("`image` is not an image column");
    };
    // Gray, RGB and RGBA 8-bit PNGs; a 16-bit PNG and a TIFF.
    assert_pictures(column, &actual_size(), &[0, 1, 2], "own size");
    // Pictures that are not the samples: enlarged, coloured, or asked to
    // be as small as they can be.
    let zoomed = PictureOptions {
        size: PictureSize {
            zoom: Zoom::Factor(2),
            ..PictureSize::ACTUAL
        },
        ..actual_size()
    };
    assert_pictures(column, &zoomed, &[], "zoomed");
    let viridis = PictureOptions {
        look: Look {
            colormap: Colormap::Viridis,
            ..Look::default()
        },
        ..actual_size()
    };
    assert_pictures(
        column,
        &viridis,
        &[1, 2],
        "viridis (colour images keep their colours)",
    );
    let smallest = PictureOptions {
        preset: Preset::Smallest,
        ..actual_size()
    };
    assert_pictures(column, &smallest, &[], "smallest");
}

#[test]
fn an_image_folders_8_bit_pngs_are_their_own_pictures_without_their_metadata() {
    let dir = tempfile::tempdir().unwrap();
    for file in ["a_gray8.png", "b_rgb8.png", "d_gray16.png", "f_photo.jpg"] {
        std::fs::copy(input_path("folder").join(file), dir.path().join(file)).unwrap();
    }
    // A text chunk after the gray PNG's header, and bytes after its end.
    let gray = std::fs::read(dir.path().join("a_gray8.png")).unwrap();
    let chunk = png_chunk(b"tEXt", b"Comment\0</script><script>alert(1)</script>");
    let noisy = [&gray[..33], &chunk, &gray[33..], b"after the end"].concat();
    std::fs::write(dir.path().join("a_gray8.png"), &noisy).unwrap();

    let column = ImageColumn::from_source(ImageFolder::open(dir.path()).unwrap());
    assert_pictures(&column, &actual_size(), &[0, 1], "folder");
    let pictures = common::picture_uris(&column, "images", &actual_size());
    assert_eq!(png_from_data_uri(&pictures[0]).unwrap(), gray);
}
