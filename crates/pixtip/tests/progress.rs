//! Long calls tell their progress callback how far they are, ending with
//! all steps done; `no_progress` is the callback that hears nothing.

use ndarray::Array3;
use pixtip::atlas::{AtlasFields, AtlasOptions, write_atlas};
use pixtip::{ImageColumn, ImageTable, PictureOptions, PictureStorage, Progress, no_progress};

/// A table of `rows` 8×8 images with numbers `x` and `y`.
fn table(rows: usize) -> ImageTable {
    let images = Array3::<u8>::from_shape_fn((rows, 8, 8), |(n, y, x)| (n + x * y) as u8);
    let mut table = ImageTable::new();
    let column = ImageColumn::from_stack(&images).expect("a stack");
    table.add_images("cells", column).expect("images");
    let coordinates: Vec<f64> = (0..rows).map(|row| row as f64).collect();
    table.add_numbers("x", coordinates.clone()).expect("x");
    table.add_numbers("y", coordinates).expect("y");
    table
}

/// Every report is of `stage`, counts up to its total and ends there.
fn assert_counts_up(heard: &[Progress], stage: &str, total: usize) {
    assert!(!heard.is_empty(), "no progress heard");
    assert!(
        heard.iter().all(|p| p.stage == stage && p.total == total),
        "{heard:?}"
    );
    assert!(
        heard.windows(2).all(|w| w[0].done <= w[1].done),
        "{heard:?}"
    );
    assert_eq!(heard.last().map(|p| p.done), Some(total), "{heard:?}");
}

#[test]
fn pictures_and_atlases_report_their_progress() {
    let rows = 300;
    let mut table = table(rows);
    let mut heard = Vec::new();
    let options = PictureOptions::default();
    let storage = PictureStorage::DataUri;
    let mut listen = |progress: Progress| heard.push(progress);
    let made = table.add_pictures("picture", &["cells"], &options, &storage, &mut listen);
    let first = made.expect("pictures");
    assert!(first.bytes.png > 0);
    assert_counts_up(&heard, "pictures", rows);
    // The same pictures, heard by no one.
    let made = table.add_pictures("again", &["cells"], &options, &storage, &mut no_progress);
    assert_eq!(made.expect("pictures"), first);

    let fields = AtlasFields {
        x: "x".into(),
        y: "y".into(),
        images: "cells".into(),
        ..Default::default()
    };
    let grid = AtlasOptions {
        grid: 3,
        ..Default::default()
    };
    let dir = tempfile::tempdir().expect("a folder");
    let mut heard = Vec::new();
    let atlas = write_atlas(
        &table,
        &fields,
        &grid,
        &options,
        &Default::default(),
        dir.path(),
        &mut |progress| heard.push(progress),
    )
    .expect("the atlas");
    assert!(!heard.is_empty(), "the atlas reported nothing");
    let cells: Vec<&Progress> = heard.iter().filter(|p| p.stage == "cells").collect();
    assert_eq!(
        cells.last().map(|p| (p.done, p.total)),
        Some((atlas.cells, atlas.cells))
    );
}
