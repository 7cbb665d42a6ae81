//! Bad inputs each give a typed error whose one-line message names the file,
//! the row or the column at fault, and never a panic.

#![allow(clippy::unwrap_used)] // test helpers: a failed unwrap is a failed test

use pixtip::job::{ChartRequest, MetricSpec, build_table, run_chart_job};
use pixtip::load::{CsvOptions, NpyStack, read_csv, read_images};
use pixtip::{ImageTable, PictureOptions, PictureStorage, PixtipError, Scaling, no_progress};
use pixtip_tests::{float64_stack_with_nan_image, input_path, npy_data_offset};
use std::path::{Path, PathBuf};

/// Pictures as data URIs in the table.
const DATA_URIS: &PictureStorage = &PictureStorage::DataUri;

/// The error's message: one line, naming every one of `names`.
fn assert_names(error: &PixtipError, names: &[&str]) -> String {
    let message = error.to_string();
    assert_eq!(message.lines().count(), 1, "not one line: {message}");
    for name in names {
        assert!(message.contains(name), "`{name}` missing from: {message}");
    }
    message
}

fn write(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, bytes).unwrap();
    path
}

fn read_error(path: &Path) -> PixtipError {
    read_images(path).map(|_| ()).unwrap_err()
}

#[test]
fn broken_npy_files_are_refused_naming_the_file_and_the_fault() {
    let dir = tempfile::tempdir().unwrap();
    let good = std::fs::read(input_path("npy/float64.npy")).unwrap();

    let garbage = write(dir.path(), "garbage.npy", b"this is not numpy at all");
    let error = read_error(&garbage);
    assert!(matches!(error, PixtipError::BadFile { .. }), "{error:?}");
    assert_names(&error, &["garbage.npy", "magic"]);

    let cut_header = write(dir.path(), "cut_header.npy", &good[..40]);
    assert_names(&read_error(&cut_header), &["cut_header.npy", "truncated"]);

    let empty = write(dir.path(), "empty.npy", b"");
    assert_names(&read_error(&empty), &["empty.npy"]);

    // The header says 3x6x5 float64 (720 bytes); 100 bytes of data are missing.
    let short = write(dir.path(), "short.npy", &good[..good.len() - 100]);
    let message = assert_names(
        &read_error(&short),
        &["short.npy", "[3, 6, 5]", "720 bytes"],
    );
    assert!(message.contains("620"), "{message}");

    // A header whose shape claims more than the file could ever hold.
    let offset = npy_data_offset(&good);
    let header = std::str::from_utf8(&good[10..offset]).unwrap();
    let huge = header.replace("(3, 6, 5)", "(300000, 6000, 5000)");
    let mut claims = good[..8].to_vec();
    claims.extend((huge.len() as u16).to_le_bytes());
    claims.extend(huge.as_bytes());
    claims.extend(&good[offset..]);
    let claims = write(dir.path(), "claims.npy", &claims);
    assert_names(
        &read_error(&claims),
        &["claims.npy", "[300000, 6000, 5000]"],
    );

    let object = input_path("bad/object.npy");
    assert_names(
        &read_error(&object),
        &["object.npy", "pickles are never loaded"],
    );
    let complex = input_path("bad/complex.npy");
    assert_names(&read_error(&complex), &["complex.npy", "complex"]);

    // A 1-D array and a 5-D one are not images.
    let mut line = good[..offset].to_vec();
    let one_d = header.replace("(3, 6, 5)", "(90,)    ");
    line[10..offset].copy_from_slice(one_d.as_bytes());
    line.extend(&good[offset..]);
    let line = write(dir.path(), "line.npy", &line);
    assert_names(&read_error(&line), &["line.npy", "[90]", "not images"]);
}

#[test]
fn broken_npz_files_missing_files_and_corrupt_images_name_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let not_zip = write(dir.path(), "not_zip.npz", b"PK but not really a zip");
    assert_names(&read_error(&not_zip), &["not_zip.npz", ".npz"]);

    // A real archive whose member is cut short: the member is named.
    let mut cut = std::fs::read(input_path("pair.npz")).unwrap();
    cut.truncate(cut.len() / 2);
    let cut = write(dir.path(), "cut.npz", &cut);
    assert_names(&read_error(&cut), &["cut.npz"]);

    for missing in ["missing.npy", "missing.npz", "missing.png", "missing"] {
        let error = read_error(&dir.path().join(missing));
        assert_names(&error, &[missing]);
    }

    let unknown = write(dir.path(), "table.xlsx", b"x");
    assert_names(&read_error(&unknown), &["table.xlsx", "not a .npy"]);

    // A folder whose second file is not a PNG: opening works, its row fails
    // when a picture is made, naming the row, the column and the file.
    let folder = dir.path().join("shots");
    std::fs::create_dir(&folder).unwrap();
    std::fs::copy(input_path("folder/a_gray8.png"), folder.join("a.png")).unwrap();
    let mut png = std::fs::read(input_path("folder/b_rgb8.png")).unwrap();
    png.truncate(png.len() - 30);
    std::fs::write(folder.join("b.png"), &png).unwrap();
    let mut table = ImageTable::new();
    for (name, column) in read_images(&folder).unwrap() {
        table.add_images(name, column).unwrap();
    }
    let error = table
        .add_pictures(
            "picture",
            &["shots"],
            &PictureOptions::default(),
            DATA_URIS,
            &mut no_progress,
        )
        .unwrap_err();
    assert_names(&error, &["row 1", "`shots`", "b.png"]);

    let empty = dir.path().join("empty");
    std::fs::create_dir(&empty).unwrap();
    assert_names(&read_error(&empty), &["empty", "no PNG, TIFF or JPEG"]);
}

fn request(inputs: &[PathBuf]) -> ChartRequest {
    ChartRequest {
        inputs: inputs.to_vec(),
        ..ChartRequest::default()
    }
}

fn table_error(request: &ChartRequest) -> PixtipError {
    build_table(request, &mut |_| {}).map(|_| ()).unwrap_err()
}

#[test]
fn inputs_of_different_lengths_are_refused_naming_both() {
    // 3 images and 1 image.
    let error = table_error(&request(&[
        input_path("npy/uint8.npy"),
        input_path("npy/single.npy"),
    ]));
    assert!(matches!(error, PixtipError::RowCounts { .. }), "{error:?}");
    assert_names(&error, &["uint8.npy", "single.npy", "3 rows", "has 1"]);

    // A table of 6 rows beside a stack of 3.
    let mut with_table = request(&[input_path("npy/uint8.npy")]);
    with_table.table = Some(input_path("folder.csv"));
    assert_names(
        &table_error(&with_table),
        &["folder.csv", "6 rows", "uint8.npy", "has 3"],
    );
}

#[test]
fn csv_tables_with_ragged_rows_or_bad_cells_name_the_file_and_line() {
    let dir = tempfile::tempdir().unwrap();
    let cases: [(&str, &str, &[&str]); 4] = [
        (
            "ragged.csv",
            "a,b,c\n1,2,3\n4,5\n",
            &["ragged.csv", "line 3", "2 fields", "header has 3"],
        ),
        (
            "long.csv",
            "a,b\n1,2\n3,4\n5,6,7\n",
            &["long.csv", "line 4", "3 fields"],
        ),
        (
            "twice.csv",
            "a,b,a\n1,2,3\n",
            &["twice.csv", "line 1", "`a` appears twice"],
        ),
        (
            "blank.csv",
            "a,,c\n1,2,3\n",
            &["blank.csv", "line 1", "column 2"],
        ),
    ];
    for (name, text, names) in cases {
        let path = write(dir.path(), name, text.as_bytes());
        let error = read_csv(&path, &CsvOptions::default())
            .map(|_| ())
            .unwrap_err();
        assert!(
            matches!(error, PixtipError::Csv { .. }),
            "{name}: {error:?}"
        );
        assert_names(&error, names);
    }
    let latin1 = write(dir.path(), "latin1.csv", b"name\ncaf\xe9\n");
    let error = read_csv(&latin1, &CsvOptions::default())
        .map(|_| ())
        .unwrap_err();
    assert_names(&error, &["latin1.csv", "line 2", "UTF-8"]);
    let error = read_csv(dir.path().join("nowhere.csv"), &CsvOptions::default())
        .map(|_| ())
        .unwrap_err();
    assert_names(&error, &["nowhere.csv"]);
}

#[test]
fn file_columns_naming_missing_absolute_or_climbing_files_name_the_row() {
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("shots");
    std::fs::create_dir(&folder).unwrap();
    std::fs::copy(input_path("folder/a_gray8.png"), folder.join("a.png")).unwrap();
    std::fs::write(dir.path().join("outside.png"), b"x").unwrap();
    let absolute = folder.join("a.png").display().to_string();
    let cases: [(&str, &[&str]); 4] = [
        (
            "a.png\nnope.png\n",
            &["row 1", "`file`", "nope.png", "no such file"],
        ),
        (
            &format!("a.png\n{absolute}\n"),
            &["row 1", "`file`", "relative"],
        ),
        (
            "a.png\n../outside.png\n",
            &["row 1", "`file`", "../outside.png", "`..`"],
        ),
        ("\"\"\na.png\n", &["row 0", "`file`"]),
    ];
    for (rows, names) in cases {
        let table = write(dir.path(), "table.csv", format!("file\n{rows}").as_bytes());
        let mut with_files = request(std::slice::from_ref(&folder));
        with_files.table = Some(table);
        with_files.file_name_column = Some("file".into());
        let error = table_error(&with_files);
        assert!(
            matches!(error, PixtipError::AtRow { .. }),
            "{rows}: {error:?}"
        );
        assert_names(&error, names);
    }
    // A file column that is not in the table names the columns it has.
    let table = write(dir.path(), "table.csv", b"file\na.png\n");
    let mut wrong = request(std::slice::from_ref(&folder));
    wrong.table = Some(table);
    wrong.file_name_column = Some("path".into());
    assert_names(&table_error(&wrong), &["`path`", "file"]);
}

#[test]
fn unknown_fields_and_columns_name_what_exists() {
    let dir = tempfile::tempdir().unwrap();
    let mut chart = request(&[input_path("npy/uint16.npy")]);
    chart.table = Some(input_path("stacks.csv"));
    chart.x = Some("nope".into());
    chart.y = Some("score".into());
    let error = run_chart_job(&chart, dir.path(), &mut |_| {}).unwrap_err();
    assert!(
        matches!(error, PixtipError::NoSuchColumn { .. }),
        "{error:?}"
    );
    assert_names(&error, &["`nope`", "score", "group", "index"]);

    chart.x = None;
    chart.y = None;
    chart.metrics = vec![MetricSpec::parse("m=uint8:mean").unwrap()];
    assert_names(&table_error(&chart), &["`uint8`", "uint16"]);
    // Nothing was written by the refused jobs.
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 0);
}

#[test]
fn per_image_scaling_of_an_all_nan_image_names_the_row() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(dir.path(), "cells.npy", &float64_stack_with_nan_image(1));
    let mut table = ImageTable::new();
    table
        .add_images(
            "cells",
            NpyStack::open(&path)
                .map(pixtip::ImageColumn::from_source)
                .unwrap(),
        )
        .unwrap();
    for scale in [Scaling::PerImage, Scaling::Percentile { lo: 1.0, hi: 99.0 }] {
        let options = PictureOptions {
            scale,
            ..PictureOptions::default()
        };
        let error = table
            .add_pictures("picture", &["cells"], &options, DATA_URIS, &mut no_progress)
            .unwrap_err();
        assert_names(&error, &["row 1", "`cells`", "no finite values"]);
    }
    // A fixed range needs nothing from the data: the NaN image is all magenta.
    let options = PictureOptions {
        scale: Scaling::Unit,
        ..PictureOptions::default()
    };
    table
        .add_pictures("picture", &["cells"], &options, DATA_URIS, &mut no_progress)
        .unwrap();
}

#[test]
fn empty_images_are_refused_by_their_row_under_every_scale() {
    let rows = ndarray::Array3::<f64>::zeros((2, 0, 5));
    let mixed = vec![
        ndarray::ArrayD::<f64>::ones(ndarray::IxDyn(&[2, 2])) * 3.0,
        ndarray::ArrayD::<f64>::zeros(ndarray::IxDyn(&[4, 0])),
    ];
    let columns = [
        (pixtip::ImageColumn::from_stack(&rows).unwrap(), "row 0"),
        (pixtip::ImageColumn::from(mixed), "row 1"),
    ];
    for (column, row) in columns {
        let mut table = ImageTable::new();
        table.add_images("cells", column).unwrap();
        for scale in [
            "auto",
            "unit",
            "global",
            "per-image",
            "range:0,1",
            "percentile:1,99",
        ] {
            let options = PictureOptions {
                scale: Scaling::parse(scale).unwrap(),
                ..PictureOptions::default()
            };
            let error = table
                .add_pictures("picture", &["cells"], &options, DATA_URIS, &mut no_progress)
                .unwrap_err();
            let message = assert_names(&error, &[row, "`cells`", "empty"]);
            assert!(!message.contains("NaN"), "--scale {scale}: {message}");
        }
    }
}
