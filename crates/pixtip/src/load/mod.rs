//! Reading users' images and tables: `.npy` stacks (streamed, one image at a
//! time), `.npz` archives (one image column per key), folders of PNG, TIFF
//! and JPEG files (8- and 16-bit, gray and colour), and CSV tables.
//!
//! Every loader checks what a file claims (shapes, sizes, types) before
//! allocating for it, and says what is wrong in one line naming the file.

mod csv_table;
mod folder;
mod npy;
mod npy_header;
mod npz;

pub use csv_table::{CsvOptions, read_csv, read_csv_from};
pub use folder::{ImageFolder, is_image_file};
pub use npy::{NpyStack, read_npy_bytes};
pub use npy_header::{ByteOrder, NpyHeader, parse_npy_header};
pub use npz::{read_npz, read_npz_from};

use crate::error::PixtipError;
use crate::images::ImageColumn;
use std::path::Path;

/// The largest number of bytes a loader allocates for one array it reads
/// whole (an `.npz` member, a Fortran-ordered `.npy`): 4 GiB.
pub const MAX_ARRAY_BYTES: u64 = 4 << 30;

/// Image columns from one input path: a `.npy` (a column named after the
/// file stem), a `.npz` (one column per key) or a folder of images (a column
/// named after the folder).
pub fn read_images(path: impl AsRef<Path>) -> Result<Vec<(String, ImageColumn)>, PixtipError> {
    let path = path.as_ref();
    let stem = || {
        path.file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_else(|| "images".into())
    };
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
        _ if !path.exists() => Err(PixtipError::BadFile {
            path: path.to_path_buf(),
            message: "no such file or folder".into(),
        }),
        _ => Err(PixtipError::BadFile {
            path: path.to_path_buf(),
            message: "not a .npy, a .npz or a folder of images".into(),
        }),
    }
}
