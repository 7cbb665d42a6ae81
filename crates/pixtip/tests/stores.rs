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

#[test]
fn hdf5_datasets_of_every_type_read_as_h5py_reads_them() {
    for dataset in [
        "/u8",
        "/group/f32",
        "/group/i16be",
        "/rgb",
        "/mask",
        "/f64",
        "/u16",
        "/i64",
        // Chunks pixtip reads raw (unfiltered, shuffle only) and ones it
        // leaves to libhdf5 (never written: the fill value; a checksum).
        "/layout/plain",
        "/layout/shuffled",
        "/layout/sparse",
        "/layout/checked",
    ] {
        let input = format!("stores/cells.h5:{dataset}");
        assert_stack(&input, &input, false, ORDER);
    }
    assert_stack("stores/cells.h5:/one", "stores/cells.h5:/one", true, &[0]);
    assert_stack("stores/single.h5", "stores/single.h5", false, ORDER);
    assert_eq!(column("stores/cells.h5:/group/f32").0, "f32");
    assert_eq!(column("stores/single.h5").0, "images");
}

#[test]
fn zarr_v2_and_v3_arrays_and_ome_zarr_groups_read_as_zarr_reads_them() {
    for array in [
        "v2.zarr/u8",
        "v2.zarr/f32",
        "v2.zarr/i16",
        "v2.zarr/raw",
        "v3.zarr/u16",
        "v3.zarr/f64",
        "v3.zarr/rgb",
        "v3.zarr/mask",
        "v3.zarr/sub/i32",
        "root.zarr",
        "ome.zarr",
        "ome5.zarr",
    ] {
        let input = format!("stores/{array}");
        assert_stack(&input, &input, false, ORDER);
    }
    assert_eq!(column("stores/v3.zarr/sub/i32").0, "i32");
    assert_eq!(column("stores/root.zarr").0, "root");
    assert_eq!(column("stores/ome.zarr").0, "0");
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

#[test]
fn bad_hdf5_inputs_are_one_line_errors_naming_the_file_and_the_dataset() {
    assert_mentions(
        "stores/cells.h5:/group",
        &["cells.h5", "dataset `/group`", "is a group", "/group/f32"],
    );
    assert_mentions(
        "stores/cells.h5:/nothing",
        &["cells.h5", "dataset `/nothing`", "does not exist"],
    );
    assert_mentions(
        "stores/cells.h5:/group/nothing",
        &["cells.h5", "`/group/nothing`", "does not exist"],
    );
    assert_mentions(
        "stores/cells.h5:/flat",
        &["cells.h5", "dataset `/flat`", "shape [10]"],
    );
    assert_mentions(
        "stores/cells.h5:/names",
        &["cells.h5", "dataset `/names`", "not numbers"],
    );
    assert_mentions("stores/cells.h5", &["cells.h5", "FILE:/path", "/group/f32"]);
    assert_mentions("stores/bad/cut.h5:/u8", &["cut.h5", "not a readable HDF5"]);
    assert_mentions(
        "stores/bad/corrupt.h5:/group/f32",
        &["corrupt.h5", "dataset `/group/f32`", "cannot read rows"],
    );
    assert_mentions("stores/missing.h5:/x", &["missing.h5", "no such file"]);
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

#[test]
fn bad_zarr_inputs_are_one_line_errors_naming_the_store_and_the_array() {
    assert_mentions(
        "stores/bad/short.zarr/raw",
        &["short.zarr", "array `/raw`", "cannot read rows 0..3"],
    );
    assert_mentions(
        "stores/bad/broken.zarr/u16",
        &["broken.zarr", "array `/u16`", "cannot read rows 0..4"],
    );
    assert_mentions(
        "stores/v3.zarr",
        &["v3.zarr", "is a group", "not OME-Zarr", "/u16"],
    );
    assert_mentions(
        "stores/v2.zarr/nothing",
        &[
            "v2.zarr",
            "`/nothing`",
            "not a readable Zarr array or group",
        ],
    );
    assert_mentions(
        "stores/missing.zarr",
        &["missing.zarr", "no such Zarr store"],
    );
}
