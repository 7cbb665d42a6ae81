//! Tables and stacks where users keep their images (Parquet with images
//! inside, Arrow IPC / Feather, multi-page TIFF) read back equal to what
//! pyarrow, Pillow and tifffile read from the same files
//! (fixtures/inputs/formats, written by `cargo xtask fixtures inputs`).

#![allow(clippy::unwrap_used)] // test helpers: a failed unwrap is a failed test

use pixtip::load::{TableOptions, read_images, read_table};
use pixtip::spec::FieldType;
use pixtip::{ImageColumn, ImageTable, PixtipError, TableColumn};
use pixtip_tests::{input_path, json_number, numpy_values, read_json};
use serde_json::Value;

/// Row `row` of `column` has numpy's dtype, shape and values, where
/// `values` are the image's (or the stack's, from `offset` on).
fn assert_image(column: &ImageColumn, row: usize, key: &str, stack: bool) {
    let (dtype, shape, values) = numpy_values(key);
    let (shape, offset) = if stack {
        let per: usize = shape[1..].iter().product();
        (shape[1..].to_vec(), row * per)
    } else {
        (shape, 0)
    };
    let pixels = column.image(row).unwrap();
    assert_eq!(pixels.element_type().name(), dtype, "{key} row {row}: type");
    assert_eq!(pixels.shape(), shape, "{key} row {row}: shape");
    let ours: Vec<f64> = pixels.to_f64().iter().copied().collect();
    let theirs = &values[offset..offset + ours.len()];
    let differ = ours
        .iter()
        .zip(theirs)
        .position(|(a, b)| !(a == b || (a.is_nan() && b.is_nan())));
    if let Some(i) = differ {
        panic!(
            "{key} row {row}: value {i} is {}, numpy reads {}",
            ours[i], theirs[i]
        );
    }
}

/// [`assert_image`] for each of `rows` of a column of single images, each
/// against `values.json`'s `<prefix>/<row>`.
fn assert_rows(column: &ImageColumn, rows: impl IntoIterator<Item = usize>, prefix: &str) {
    for row in rows {
        assert_image(column, row, &format!("{prefix}/{row}"), false);
    }
}

fn images(table: &ImageTable, name: &str) -> ImageColumn {
    match table.column(name).unwrap() {
        TableColumn::Images(column) => column.clone(),
        _ => panic!("`{name}` is not an image column"),
    }
}

fn pyarrow_columns(file: &str) -> Value {
    read_json(&input_path("formats/tables.json"))[file].clone()
}

#[test]
fn a_hugging_face_parquet_reads_its_images_and_columns_as_pyarrow_and_pillow_do() {
    let table = read_table(input_path("formats/hf.parquet"), &TableOptions::default()).unwrap();
    assert_eq!(table.rows(), 5);
    let names: Vec<&str> = table.column_names().collect();
    assert_eq!(
        names,
        [
            "image", "label", "name", "score", "when", "at", "day", "kind"
        ]
    );
    let column = images(&table, "image");
    assert_rows(&column, 0..5, "formats/hf.parquet/image");
    // Rows asked for backwards and out of order still come from the right row group.
    assert_rows(&column, [4, 0, 3, 1, 2, 2, 0], "formats/hf.parquet/image");
    let want = pyarrow_columns("hf.parquet");
    let numbers = |name: &str| -> Vec<f64> {
        want[name]
            .as_array()
            .unwrap()
            .iter()
            .map(json_number)
            .collect()
    };
    for name in ["label", "score"] {
        let ours = table.numbers(name).unwrap();
        let theirs = numbers(name);
        assert!(
            ours.iter()
                .zip(&theirs)
                .all(|(a, b)| a == b || (a.is_nan() && b.is_nan())),
            "{name}: {ours:?} vs pyarrow's {theirs:?}"
        );
        assert_eq!(table.field_type(name).unwrap(), FieldType::Quantitative);
    }
    let text = |v: &Value| -> Vec<String> {
        v.as_array()
            .unwrap()
            .iter()
            .map(|s| s.as_str().unwrap_or("").to_string())
            .collect()
    };
    assert_eq!(table.text("name").unwrap(), text(&want["name"]).as_slice());
    assert_eq!(table.field_type("name").unwrap(), FieldType::Nominal);
    assert_eq!(table.text("kind").unwrap(), text(&want["kind"]).as_slice());
    assert_eq!(table.field_type("kind").unwrap(), FieldType::Nominal);
    assert_eq!(
        table.text("when").unwrap(),
        [
            "2024-01-01T00:00:00",
            "2024-02-29T12:30:00.250",
            "1969-12-31T23:59:59",
            "2000-01-01T00:00:00",
            "2024-06-30T08:00:00"
        ]
    );
    assert_eq!(
        table.text("at").unwrap(),
        [
            "1970-01-01T00:00:00Z",
            "1970-01-01T00:00:01Z",
            "1970-01-02T00:00:00Z",
            "1969-12-31T23:59:59.999Z",
            "2023-11-14T22:13:20Z"
        ]
    );
    // The epoch values pyarrow reads are the ones those texts spell.
    assert_eq!(want["at"]["epoch_units"][4], 1_700_000_000_000i64);
    assert_eq!(
        table.text("day").unwrap(),
        [
            "1970-01-01",
            "2024-01-01",
            "1969-12-31",
            "2000-02-29",
            "1970-01-02"
        ]
    );
    for name in ["when", "at", "day"] {
        assert_eq!(
            table.field_type(name).unwrap(),
            FieldType::Temporal,
            "{name}"
        );
    }
}

#[test]
fn feather_and_arrow_files_read_binary_and_list_image_columns() {
    let shape = TableOptions {
        shape: Some(vec![6, 5]),
        ..TableOptions::default()
    };
    for file in [
        "formats/images.feather",
        "formats/images.arrow",
        "formats/images.arrows",
    ] {
        let table = read_table(input_path(file), &shape).unwrap();
        assert_eq!(table.rows(), 3, "{file}");
        for (name, column) in ["image", "pixels", "floats"].map(|n| (n, images(&table, n))) {
            assert_rows(&column, [0, 1, 2, 0], &format!("formats/images/{name}"));
        }
        assert_eq!(table.numbers("x").unwrap(), [1.5, 2.5, 3.5], "{file}");
        // Without a shape, lists of numbers are not images and are left out.
        let plain = read_table(input_path(file), &TableOptions::default()).unwrap();
        let names: Vec<&str> = plain.column_names().collect();
        assert_eq!(names, ["image", "x"], "{file}");
        // Rows asked for backwards make the reader start again (a stream
        // from its beginning).
        let column = images(&plain, "image");
        assert_rows(&column, [2, 0, 1], "formats/images/image");
    }
    let table = read_table(input_path("formats/lists.parquet"), &shape).unwrap();
    let column = images(&table, "pixels");
    assert_rows(&column, 0..3, "formats/lists.parquet/pixels");
    // A shape that does not fit the lists is an error naming it.
    let wrong = TableOptions {
        shape: Some(vec![5, 5]),
        ..TableOptions::default()
    };
    let table = read_table(input_path("formats/lists.parquet"), &wrong).unwrap();
    let error = images(&table, "pixels").image(0).unwrap_err().to_string();
    assert!(
        error.contains("30 numbers") && error.contains("[5, 5]"),
        "{error}"
    );
}

#[test]
fn struct_cells_without_bytes_read_the_image_file_at_their_path() {
    let table = read_table(
        input_path("formats/paths.parquet"),
        &TableOptions::default(),
    )
    .unwrap();
    let column = images(&table, "image");
    // Row 0 has only a path (beside the table); row 1 has bytes, and its
    // path names no file: bytes win.
    assert_rows(&column, 0..2, "formats/paths.parquet/image");
    // Either way the PNG comes along, for a picture to be kept as stored.
    let (pixels, png) = column.image_and_png(0).unwrap();
    let file = std::fs::read(input_path("formats/paths/gray.png")).unwrap();
    assert_eq!((pixels, png), (column.image(0).unwrap(), Some(file)));
    let (pixels, png) = column.image_and_png(1).unwrap();
    assert!(png.unwrap().starts_with(b"\x89PNG\r\n\x1a\n"));
    assert_eq!(pixels, column.image(1).unwrap());
    let missing = column.image(2).unwrap_err().to_string();
    assert!(missing.contains("paths/missing.png"), "{missing}");
    let null = column.image(3).unwrap_err().to_string();
    assert!(
        null.contains("paths.parquet") && null.contains("no image bytes and no path"),
        "{null}"
    );
}

#[test]
fn multi_page_tiffs_are_stacks_equal_to_tifffiles() {
    for name in [
        "stack_u8",
        "stack_u16",
        "stack_i16",
        "stack_f32",
        "stack_rgb",
    ] {
        let key = format!("formats/{name}.tif");
        let columns = read_images(input_path(&key)).unwrap();
        assert_eq!(columns.len(), 1);
        let (column_name, column) = &columns[0];
        assert_eq!(column_name, name);
        let (dtype, shape, _) = numpy_values(&key);
        assert_eq!(column.len(), shape[0], "{key}: pages");
        assert_eq!(column.element_type().unwrap().name(), dtype, "{key}");
        for row in (0..shape[0]).rev().chain(0..shape[0]) {
            assert_image(column, row, &key, true);
        }
    }
}

fn message(error: PixtipError) -> String {
    error.to_string()
}

#[test]
fn bad_tables_and_stacks_are_one_line_errors_naming_the_file_and_the_place() {
    let bad = |name: &str| input_path(&format!("formats/bad/{name}"));
    let error = message(read_images(bad("sizes.tif")).unwrap_err());
    assert!(
        error.contains("sizes.tif")
            && error.contains("page 2 is 5×7 pixels")
            && error.contains("page 0 is 5×6"),
        "{error}"
    );
    let table = read_table(bad("not_images.parquet"), &TableOptions::default()).unwrap();
    let error = message(images(&table, "image").image(1).unwrap_err());
    assert!(
        error.contains("not_images.parquet") && error.contains("not a PNG, JPEG or TIFF image"),
        "{error}"
    );
    let error =
        message(read_table(bad("truncated.parquet"), &TableOptions::default()).unwrap_err());
    assert!(
        error.contains("truncated.parquet") && error.contains("row group 3 is truncated"),
        "{error}"
    );
    let error = message(read_table(bad("cut.parquet"), &TableOptions::default()).unwrap_err());
    assert!(
        error.contains("cut.parquet") && error.contains("not a readable Parquet file"),
        "{error}"
    );
    let shape = TableOptions {
        shape: Some(vec![0, 5]),
        ..TableOptions::default()
    };
    let error = message(read_table(input_path("formats/lists.parquet"), &shape).unwrap_err());
    assert!(error.contains("--shape [0, 5]"), "{error}");
    for text in ["x", "ARROW1 and more but not arrow"] {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("fake.feather");
        std::fs::write(&path, text).unwrap();
        let error = message(read_table(&path, &TableOptions::default()).unwrap_err());
        assert!(
            error.contains("fake.feather") && error.contains("not an Arrow IPC file"),
            "{error}"
        );
    }
    for error in [
        read_table(bad("missing.parquet"), &TableOptions::default()).unwrap_err(),
        read_table(bad("missing.feather"), &TableOptions::default()).unwrap_err(),
    ] {
        assert!(message(error).contains("missing."));
    }
}
