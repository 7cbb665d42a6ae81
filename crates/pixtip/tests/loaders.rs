//! Every input kind `pixtip::load` reads (`.npy` of each element type, byte
//! order and memory order, `.npz`, image folders, CSV tables) read back equal
//! to what numpy and Pillow read from the same files (fixtures/inputs,
//! written by `cargo xtask fixtures inputs`).

#![allow(clippy::unwrap_used)] // test helpers: a failed unwrap is a failed test

use pixtip::load::{CsvOptions, ImageFolder, read_csv, read_images};
use pixtip::{ElementType, ImageColumn};
use pixtip_tests::{input_path, json_number, read_json};

/// numpy's (or Pillow's) dtype, shape and values of one input in `values.json`.
struct Expected {
    dtype: String,
    shape: Vec<usize>,
    values: Vec<f64>,
}

fn expected(key: &str) -> Expected {
    let all = read_json(&input_path("values.json"));
    let entry = &all[key];
    assert!(entry.is_object(), "values.json has no `{key}`");
    Expected {
        dtype: entry["dtype"].as_str().unwrap().to_string(),
        shape: entry["shape"]
            .as_array()
            .unwrap()
            .iter()
            .map(|d| d.as_u64().unwrap() as usize)
            .collect(),
        values: entry["values"]
            .as_array()
            .unwrap()
            .iter()
            .map(json_number)
            .collect(),
    }
}

fn same(a: f64, b: f64) -> bool {
    a == b || (a.is_nan() && b.is_nan())
}

/// Row `row` of `column` has numpy's dtype, shape and values for `image`
/// (the values of that one image, in C order).
fn assert_row(
    column: &ImageColumn,
    row: usize,
    what: &str,
    dtype: &str,
    shape: &[usize],
    values: &[f64],
) {
    let pixels = column.image(row).unwrap();
    assert_eq!(
        pixels.element_type().name(),
        dtype,
        "{what} row {row}: element type"
    );
    assert_eq!(pixels.shape(), shape, "{what} row {row}: shape");
    let ours: Vec<f64> = pixels.to_f64().iter().copied().collect();
    assert_eq!(ours.len(), values.len(), "{what} row {row}: value count");
    if let Some(i) = (0..ours.len()).find(|&i| !same(ours[i], values[i])) {
        panic!(
            "{what} row {row}: value {i} is {}, numpy reads {}",
            ours[i], values[i]
        );
    }
}

/// A stack's column holds numpy's array, one image per row along axis 0
/// (or the whole array as one row when it is 2-D).
fn assert_stack(column: &ImageColumn, key: &str) {
    let want = expected(key);
    let (rows, image_shape) = if want.shape.len() == 2 {
        (1, want.shape.clone())
    } else {
        (want.shape[0], want.shape[1..].to_vec())
    };
    assert_eq!(column.len(), rows, "{key}: rows");
    let per_image: usize = image_shape.iter().product();
    for row in 0..rows {
        let values = &want.values[row * per_image..(row + 1) * per_image];
        assert_row(column, row, key, &want.dtype, &image_shape, values);
    }
}

#[test]
fn npy_stacks_of_every_dtype_byte_order_and_layout_equal_numpys_values() {
    let names = [
        "uint8",
        "uint16",
        "int16",
        "uint32",
        "float32",
        "float64",
        "unit_float64",
        "bool",
        "big_endian_u2",
        "fortran_f8",
        "rgb",
        "rgba",
        "volume",
        "single",
        "large",
    ];
    for name in names {
        let key = format!("npy/{name}.npy");
        let columns = read_images(input_path(&key)).unwrap();
        assert_eq!(columns.len(), 1, "{key}");
        let (column_name, column) = &columns[0];
        assert_eq!(column_name, name, "a .npy's column is named after its stem");
        assert_stack(column, &key);
        let dtype = expected(&key).dtype;
        assert_eq!(
            column.element_type().map(ElementType::name),
            Some(dtype.as_str()),
            "{key}"
        );
    }
    // The header's claims came through: big-endian words, a Fortran-ordered stack.
    let header = |name: &str| {
        pixtip::load::NpyStack::open(&input_path(name))
            .unwrap()
            .header()
            .clone()
    };
    assert_eq!(
        header("npy/big_endian_u2.npy").order,
        pixtip::load::ByteOrder::Big
    );
    assert!(header("npy/fortran_f8.npy").fortran_order);
}

#[test]
fn npz_keys_become_columns_in_archive_order_with_numpys_values() {
    let columns = read_images(input_path("pair.npz")).unwrap();
    let names: Vec<&str> = columns.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(names, ["left", "right"]);
    for (name, column) in &columns {
        assert_stack(column, &format!("pair.npz/{name}"));
        assert!(
            column.origin().ends_with(&format!("pair.npz[{name}]")),
            "{}",
            column.origin()
        );
    }
}

/// The files of `folder` as values.json lists them (sorted by name).
fn folder_files(folder: &str) -> Vec<String> {
    let all = read_json(&input_path("values.json"));
    let prefix = format!("{folder}/");
    let mut files: Vec<String> = all
        .as_object()
        .unwrap()
        .keys()
        .filter_map(|k| k.strip_prefix(&prefix).map(str::to_string))
        .collect();
    files.sort();
    files
}

/// Row `row` of `column` holds Pillow's reading of `folder/file`.
fn assert_file_row(column: &ImageColumn, row: usize, folder: &str, file: &str) {
    let key = format!("{folder}/{file}");
    let want = expected(&key);
    assert_row(column, row, &key, &want.dtype, &want.shape, &want.values);
}

#[test]
fn image_folders_read_8_and_16_bit_gray_colour_tiff_and_jpeg_as_pillow_does() {
    let files = folder_files("folder");
    assert_eq!(files.len(), 6, "{files:?}");
    let columns = read_images(input_path("folder")).unwrap();
    assert_eq!(columns.len(), 1);
    let (name, column) = &columns[0];
    assert_eq!(name, "folder");
    assert_eq!(column.len(), files.len());
    // 8- and 16-bit files mixed: no single element type.
    assert_eq!(column.element_type(), None);
    for (row, file) in files.iter().enumerate() {
        assert_file_row(column, row, "folder", file);
    }
}

#[test]
fn gray_tiffs_of_32_and_64_bit_floats_and_ints_read_as_pillow_and_tifffile_do() {
    let files = folder_files("float_tiff");
    assert_eq!(files, ["a_float32.tif", "b_int32.tif", "c_float64.tif"]);
    let (_, column) = read_images(input_path("float_tiff")).unwrap().remove(0);
    for (row, file) in files.iter().enumerate() {
        assert_file_row(&column, row, "float_tiff", file);
    }
}

#[test]
fn a_file_column_picks_the_folders_files_in_the_tables_order() {
    let table = read_csv(input_path("folder.csv"), &CsvOptions::default()).unwrap();
    let names = table.text("file").unwrap().to_vec();
    assert_eq!(names.len(), 6);
    let mut sorted = names.clone();
    sorted.sort();
    assert_ne!(
        names, sorted,
        "the table's order should differ from the folder's"
    );
    let folder = ImageFolder::with_names(&input_path("folder"), &names, "file").unwrap();
    let column = ImageColumn::from_source(folder);
    for (row, file) in names.iter().enumerate() {
        assert_file_row(&column, row, "folder", file);
    }
}

#[test]
fn csv_tables_keep_numbers_as_numbers_and_text_as_text() {
    let table = read_csv(input_path("folder.csv"), &CsvOptions::default()).unwrap();
    assert_eq!(table.rows(), 6);
    assert_eq!(
        table.numbers("weight").unwrap(),
        &[0.0, 1.25, 2.5, 3.75, 5.0, 6.25]
    );
    assert_eq!(&table.text("kind").unwrap()[0], "gray16");
    let stacks = read_csv(input_path("stacks.csv"), &CsvOptions::default()).unwrap();
    assert_eq!(
        stacks.text("label").unwrap(),
        ["../../etc/passwd", "sub/dir.png", "<b>x</b>"]
    );
    assert_eq!(stacks.numbers("score").unwrap(), &[0.5, 1.5, 2.5]);
}
