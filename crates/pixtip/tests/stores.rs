//! Stacks in chunked stores (HDF5 datasets, Zarr v2 and v3 arrays, OME-Zarr
//! groups) read back equal to what h5py and zarr read from the same files
//! (fixtures/inputs/stores, written by `cargo xtask fixtures inputs`), and
//! damaged stores are one-line errors naming the file and the dataset.

#![allow(clippy::unwrap_used)] // test helpers: a failed unwrap is a failed test

use pixtip::load::read_images;
use pixtip::{ImageColumn, PixtipError};
use pixtip_tests::{input_path, numpy_values};

/// The one column `input` (relative to fixtures/inputs) reads as.
fn column(input: &str) -> (String, ImageColumn) {
    let mut columns = read_images(input_path(input)).unwrap();
    assert_eq!(columns.len(), 1, "{input}");
    columns.pop().unwrap()
}

/// Every row of `input` has numpy's dtype, shape and values of `key`
/// (a stack, or one image when `single`), read in the order `rows` gives.
fn assert_stack(input: &str, key: &str, single: bool, rows: &[usize]) {
    let (dtype, shape, values) = numpy_values(key);
    let (_, images) = column(input);
    let (count, image_shape) = if single {
        (1, shape.clone())
    } else {
        (shape[0], shape[1..].to_vec())
    };
    assert_eq!(images.len(), count, "{input}: rows");
    assert_eq!(
        images.element_type().map(|t| t.name()),
        Some(dtype.as_str()),
        "{input}: element type"
    );
    let per: usize = image_shape.iter().product();
    for &row in rows.iter().filter(|&&r| r < count) {
        let pixels = images.image(row).unwrap();
        assert_eq!(pixels.element_type().name(), dtype, "{input} row {row}");
        assert_eq!(pixels.shape(), image_shape, "{input} row {row}: shape");
        let ours: Vec<f64> = pixels.to_f64().iter().copied().collect();
        let theirs = &values[row * per..(row + 1) * per];
        if let Some(i) = ours
            .iter()
            .zip(theirs)
            .position(|(a, b)| !(a == b || (a.is_nan() && b.is_nan())))
        {
            panic!(
                "{input} row {row}: value {i} is {}, numpy reads {}",
                ours[i], theirs[i]
            );
        }
    }
    assert!(images.image(count).is_err(), "{input}: row past the end");
}

/// Rows forwards, backwards and skipping about, so slabs are dropped and
/// read again.
const ORDER: &[usize] = &[0, 1, 2, 3, 4, 4, 2, 0, 3, 1];

/// Every HDF5 dataset and Zarr array of the fixtures that reads as a stack.
const STACKS: &[&str] = &[
    "stores/cells.h5:/u8",
    "stores/cells.h5:/group/f32",
    "stores/cells.h5:/group/i16be",
    "stores/cells.h5:/rgb",
    "stores/cells.h5:/mask",
    "stores/cells.h5:/f64",
    "stores/cells.h5:/u16",
    "stores/cells.h5:/i64",
    // Chunks pixtip reads raw (unfiltered, shuffle only) and ones it
    // leaves to libhdf5 (never written: the fill value; a checksum).
    "stores/cells.h5:/layout/plain",
    "stores/cells.h5:/layout/shuffled",
    "stores/cells.h5:/layout/sparse",
    "stores/cells.h5:/layout/checked",
    "stores/single.h5",
    "stores/v2.zarr/u8",
    "stores/v2.zarr/f32",
    "stores/v2.zarr/i16",
    "stores/v2.zarr/raw",
    "stores/v3.zarr/u16",
    "stores/v3.zarr/f64",
    "stores/v3.zarr/rgb",
    "stores/v3.zarr/mask",
    "stores/v3.zarr/sub/i32",
    "stores/root.zarr",
    "stores/ome.zarr",
    "stores/ome5.zarr",
];

#[test]
fn hdf5_datasets_and_zarr_arrays_read_as_h5py_and_zarr_read_them() {
    for input in STACKS {
        assert_stack(input, input, false, ORDER);
    }
    assert_stack("stores/cells.h5:/one", "stores/cells.h5:/one", true, &[0]);
    for (input, name) in [
        ("stores/cells.h5:/group/f32", "f32"),
        ("stores/single.h5", "images"),
        ("stores/v3.zarr/sub/i32", "i32"),
        ("stores/root.zarr", "root"),
        ("stores/ome.zarr", "0"),
    ] {
        assert_eq!(column(input).0, name, "{input}");
    }
}

fn message(input: &str) -> String {
    let error: PixtipError = match read_images(input_path(input)) {
        Err(error) => error,
        Ok(columns) => {
            let (_, images) = &columns[0];
            (0..images.len())
                .find_map(|row| images.image(row).err())
                .unwrap_or_else(|| panic!("{input} read without an error"))
        }
    };
    let text = error.to_string();
    assert!(!text.contains('\n'), "{input}: more than one line: {text}");
    text
}

fn assert_mentions(input: &str, words: &[&str]) {
    let text = message(input);
    for word in words {
        assert!(text.contains(word), "{input}: `{word}` not in: {text}");
    }
}

/// Damaged, missing or wrong inputs, and words each one's message must hold:
/// the file or store, the dataset or array, and what is wrong.
const BAD_STORES: &[(&str, &[&str])] = &[
    // HDF5
    (
        "stores/cells.h5:/group",
        &["cells.h5", "dataset `/group`", "is a group", "/group/f32"],
    ),
    (
        "stores/cells.h5:/nothing",
        &["cells.h5", "dataset `/nothing`", "does not exist"],
    ),
    (
        "stores/cells.h5:/group/nothing",
        &["cells.h5", "`/group/nothing`", "does not exist"],
    ),
    (
        "stores/cells.h5:/flat",
        &["cells.h5", "dataset `/flat`", "shape [10]"],
    ),
    (
        "stores/cells.h5:/names",
        &["cells.h5", "dataset `/names`", "not numbers"],
    ),
    ("stores/cells.h5", &["cells.h5", "FILE:/path", "/group/f32"]),
    ("stores/bad/cut.h5:/u8", &["cut.h5", "not a readable HDF5"]),
    (
        "stores/bad/corrupt.h5:/group/f32",
        &["corrupt.h5", "dataset `/group/f32`", "cannot read rows"],
    ),
    ("stores/missing.h5:/x", &["missing.h5", "no such file"]),
    // Zarr
    (
        "stores/bad/short.zarr/raw",
        &["short.zarr", "array `/raw`", "cannot read rows 0..3"],
    ),
    (
        "stores/bad/broken.zarr/u16",
        &["broken.zarr", "array `/u16`", "cannot read rows 0..4"],
    ),
    (
        "stores/v3.zarr",
        &["v3.zarr", "is a group", "not OME-Zarr", "/u16"],
    ),
    (
        "stores/v2.zarr/nothing",
        &[
            "v2.zarr",
            "`/nothing`",
            "not a readable Zarr array or group",
        ],
    ),
    (
        "stores/missing.zarr",
        &["missing.zarr", "no such Zarr store"],
    ),
];

#[test]
fn bad_store_inputs_are_one_line_errors_naming_the_file_and_the_dataset() {
    for (input, words) in BAD_STORES {
        assert_mentions(input, words);
    }
}

#[test]
fn a_damaged_hdf5_file_declaring_805_mb_images_is_refused_not_allocated() {
    // Found by `cargo xtask fuzz`: 39 KB of which one dataspace declares a
    // width of 33,554,437; reading it grew past 15 GB before the store limit.
    let path = pixtip_tests::workspace_root().join("fuzz/corpus/hdf5/huge-dims.h5");
    let errors: Vec<String> = ["/u8", "/group/f32", "/group/i16be", "/rgb", "/f64"]
        .into_iter()
        .filter_map(|name| pixtip::load::read_hdf5(&path, Some(name)).err())
        .map(|e| e.to_string())
        .collect();
    assert!(
        errors
            .iter()
            .any(|e| e.contains("huge-dims.h5") && e.contains("over the limit of 268435456")),
        "{errors:?}"
    );
}
