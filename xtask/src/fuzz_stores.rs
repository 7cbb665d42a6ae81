//! `cargo xtask fuzz`'s targets for chunked stores: HDF5 files (written to
//! a scratch file, as libhdf5 reads paths) and Zarr stores (a root array's
//! metadata and first chunk written into a scratch folder).

use anyhow::Result;
use std::path::{Path, PathBuf};

/// Writes `bytes` to a scratch file named `name`; its path.
fn scratch(name: &str, bytes: &[u8]) -> Option<PathBuf> {
    let dir = std::env::temp_dir().join(format!("pixtip-fuzz-{}", std::process::id()));
    let path = dir.join(name);
    (std::fs::create_dir_all(&dir).is_ok() && std::fs::write(&path, bytes).is_ok()).then_some(path)
}

/// Reads up to 8 rows of a column.
fn read_rows(column: &pixtip::ImageColumn) {
    for row in 0..column.len().min(8) {
        let _ = column.image(row);
    }
}

/// An HDF5 file (libhdf5 reads paths), its only dataset, or `/u8` of the
/// fixture's, every row read.
pub fn hdf5(bytes: &[u8]) {
    let Some(path) = scratch("fuzz.h5", bytes) else {
        return;
    };
    for dataset in [
        None,
        Some("/u8"),
        Some("/group/f32"),
        Some("/group/i16be"),
        Some("/layout/sparse"),
    ] {
        if let Ok((_, column)) = pixtip::load::read_hdf5(&path, dataset) {
            read_rows(&column);
        }
    }
}

/// A Zarr store of one root array: the input is its metadata (`.zarray`
/// when it says `"zarr_format": 2`, else `zarr.json`), a NUL, then the
/// bytes of its first chunk; every row read.
pub fn zarr(bytes: &[u8]) {
    let dir = std::env::temp_dir().join(format!("pixtip-fuzz-{}/store.zarr", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let (metadata, chunk) = match bytes.iter().position(|&b| b == 0) {
        Some(at) => (&bytes[..at], &bytes[at + 1..]),
        None => (bytes, &[][..]),
    };
    let v2 = String::from_utf8_lossy(metadata).contains("\"zarr_format\": 2");
    let (meta_name, chunk_name) = if v2 {
        (".zarray", "0.0.0")
    } else {
        ("zarr.json", "c/0/0/0")
    };
    let chunk_path = dir.join(chunk_name);
    let written = chunk_path
        .parent()
        .is_some_and(|p| std::fs::create_dir_all(p).is_ok())
        && std::fs::write(dir.join(meta_name), metadata).is_ok()
        && std::fs::write(&chunk_path, chunk).is_ok();
    if written && let Ok((_, column)) = pixtip::load::read_zarr(&dir, "/") {
        read_rows(&column);
    }
}

/// Seeds for [`zarr`]: each fixture array's metadata, a NUL and its first
/// chunk.
pub fn zarr_seeds(stores: &Path) -> Result<Vec<Vec<u8>>> {
    let mut seeds = Vec::new();
    for (array, meta, chunk) in [
        ("v2.zarr/u8", ".zarray", "0.0.0"),
        ("v2.zarr/f32", ".zarray", "0.0.0"),
        ("v2.zarr/i16", ".zarray", "0.0.0"),
        ("v2.zarr/raw", ".zarray", "0.0.0"),
        ("v3.zarr/u16", "zarr.json", "c/0/0/0"),
        ("v3.zarr/f64", "zarr.json", "c/0/0/0"),
        ("v3.zarr/mask", "zarr.json", "c/0/0/0"),
        ("root.zarr", "zarr.json", "c/0/0/0"),
    ] {
        let folder = stores.join(array);
        let mut seed = std::fs::read(folder.join(meta))?;
        seed.push(0);
        seed.extend(std::fs::read(folder.join(chunk))?);
        seeds.push(seed);
    }
    Ok(seeds)
}
