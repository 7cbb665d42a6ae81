//! Reading users' images and tables: `.npy` stacks (streamed, one image at a
//! time), `.npz` archives (one image column per key), folders of PNG, TIFF
//! and JPEG files (8- and 16-bit, gray and colour), multi-page TIFF stacks,
//! CSV tables, Parquet and Arrow IPC tables (read by row groups, with
//! image columns of PNG/JPEG/TIFF bytes or of number lists inside), HDF5
//! datasets and Zarr arrays (a slab of chunks at a time).
//!
//! Every loader checks what a file claims (shapes, sizes, types) before
//! allocating for it, and says what is wrong in one line naming the file.

mod arrow_columns;
mod column_streams;
mod csv_table;
mod folder;
mod hdf5;
mod hdf5_chunks;
mod image_file;
mod ipc;
mod npy;
mod npy_header;
mod npz;
mod parquet;
mod slabs;
mod table_images;
mod tiff_stack;
mod zarr;

pub use arrow_columns::TableOptions;
pub use csv_table::{CsvOptions, read_csv, read_csv_from};
pub use folder::{ImageFolder, is_image_file};
pub use hdf5::{read_hdf5, split_hdf5_input};
pub use image_file::{read_image_bytes, read_image_file};
pub use ipc::read_ipc;
pub use npy::{NpyStack, read_npy_bytes};
pub use npy_header::{ByteOrder, NpyHeader, parse_npy_header};
pub use npz::{read_npz, read_npz_from};
pub use parquet::read_parquet;
pub use tiff_stack::TiffStack;
pub use zarr::{read_zarr, split_zarr_input};

use crate::error::PixtipError;
use crate::images::ImageColumn;
use crate::table::ImageTable;
use std::path::Path;

/// The largest number of bytes a loader allocates for one array it reads
/// whole (an `.npz` member, a Fortran-ordered `.npy`): 4 GiB.
pub const MAX_ARRAY_BYTES: u64 = 4 << 30;

/// Whether `path` names a table file by its ending: `.csv`, `.parquet`,
/// `.arrow`, `.arrows`, `.feather` or `.ipc`.
pub fn is_table_file(path: &Path) -> bool {
    matches!(
        folder::extension(path).as_deref(),
        Some("csv" | "parquet" | "pq" | "arrow" | "arrows" | "feather" | "ipc")
    )
}

/// The table file at `path`, by its ending: CSV ([`read_csv`]), Parquet
/// ([`read_parquet`]) or Arrow IPC files (Feather v2) and streams ([`read_ipc`]).
pub fn read_table(
    path: impl AsRef<Path>,
    options: &TableOptions,
) -> Result<ImageTable, PixtipError> {
    let path = path.as_ref();
    match folder::extension(path).as_deref() {
        Some("parquet" | "pq") => read_parquet(path, options),
        Some("arrow" | "arrows" | "feather" | "ipc") => read_ipc(path, options),
        _ => read_csv(
            path,
            &CsvOptions {
                types: options.types.clone(),
            },
        ),
    }
}

/// Image columns from one input path: a `.npy` (a column named after the
/// file stem), a `.npz` (one column per key), a TIFF (its pages; a column
/// named after the file stem), an HDF5 dataset (`cells.h5:/group/images`,
/// or `cells.h5` holding one dataset), a Zarr array (`cells.zarr/images`,
/// `cells.zarr` for a root array or an OME-Zarr group), each a column named
/// after the dataset or array, or a folder of images (a column named after
/// the folder).
pub fn read_images(path: impl AsRef<Path>) -> Result<Vec<(String, ImageColumn)>, PixtipError> {
    let path = path.as_ref();
    let stem = || {
        path.file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_else(|| "images".into())
    };
    if let Some((file, dataset)) = split_hdf5_input(path) {
        return Ok(vec![read_hdf5(&file, dataset.as_deref())?]);
    }
    if let Some((store, node)) = split_zarr_input(path) {
        return Ok(vec![read_zarr(&store, &node)?]);
    }
    if path.is_dir() {
        let name = path
            .file_name()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_else(|| "images".into());
        return Ok(vec![(
            name,
            ImageColumn::from_source(ImageFolder::open(path)?),
        )]);
    }
    let extension = path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase);
    match extension.as_deref() {
        Some("npy") => Ok(vec![(
            stem(),
            ImageColumn::from_source(NpyStack::open(path)?),
        )]),
        Some("npz") => read_npz(path),
        Some("tif" | "tiff") => Ok(vec![(
            stem(),
            ImageColumn::from_source(TiffStack::open(path)?),
        )]),
        _ if !path.exists() => Err(PixtipError::BadFile {
            path: path.to_path_buf(),
            message: "no such file or folder".into(),
        }),
        _ => Err(PixtipError::BadFile {
            path: path.to_path_buf(),
            message: "not a .npy, a .npz, a TIFF, an HDF5 file (.h5), a Zarr store (.zarr), a table (.parquet, .arrow, .feather) or a folder of images".into(),
        }),
    }
}
