//! numpy's `.npz`: a zip of `.npy` members, each an image column named by
//! its key. Keys are only ever column names, never paths.

use super::npy::read_npy_bytes;
use super::npy_header::parse_npy_header;
use crate::error::PixtipError;
use crate::images::ImageColumn;
use std::io::Read;
use std::path::Path;

/// Every member of the `.npz` at `path` as an image column, in archive order.
///
/// A member is read only as far as its `.npy` header says it goes, and only
/// when that is within the member's declared size and
/// [`MAX_ARRAY_BYTES`](super::MAX_ARRAY_BYTES), so a decompression bomb
/// costs nothing.
pub fn read_npz(path: &Path) -> Result<Vec<(String, ImageColumn)>, PixtipError> {
    let file = std::fs::File::open(path).map_err(|source| PixtipError::Io {
        path: path.to_path_buf(),
        source,
    })?;
    read_npz_from(file, path)
}

/// [`read_npz`] from any seekable reader; `path` names it in errors.
pub fn read_npz_from(
    input: impl Read + std::io::Seek,
    path: &Path,
) -> Result<Vec<(String, ImageColumn)>, PixtipError> {
    let bad = |message: String| PixtipError::bad_file(path, message);
    let mut archive = zip::ZipArchive::new(input)
        .map_err(|e| bad(format!("not a readable .npz (zip) archive: {e}")))?;
    let mut columns = Vec::new();
    for index in 0..archive.len() {
        let mut member = archive
            .by_index(index)
            .map_err(|e| bad(format!("member {index}: {e}")))?;
        if member.is_dir() {
            continue;
        }
        let name = member.name().to_string();
        let key = name.strip_suffix(".npy").unwrap_or(&name).to_string();
        let origin = format!("{}[{key}]", path.display());
        let declared = member.size();
        // The header first (at most 64 KiB of it), then exactly the data it describes.
        let mut head = Vec::new();
        (&mut member)
            .take(65_536)
            .read_to_end(&mut head)
            .map_err(|e| bad(format!("member `{key}`: {e}")))?;
        let header = parse_npy_header(&head).map_err(|e| bad(format!("member `{key}`: {e}")))?;
        let total = header.data_offset as u64 + header.data_bytes;
        if total > declared || header.data_bytes > super::MAX_ARRAY_BYTES {
            return Err(bad(format!(
                "member `{key}`: its header asks for {} bytes of data, more than the member's {declared} bytes or the limit of {}",
                header.data_bytes,
                super::MAX_ARRAY_BYTES
            )));
        }
        let total =
            usize::try_from(total).map_err(|_| bad(format!("member `{key}` is too large")))?;
        let mut bytes = head;
        bytes.truncate(total);
        if bytes.len() < total {
            let missing = (total - bytes.len()) as u64;
            let before = bytes.len();
            bytes.reserve_exact(total - before);
            (&mut member)
                .take(missing)
                .read_to_end(&mut bytes)
                .map_err(|e| bad(format!("member `{key}`: {e}")))?;
        }
        columns.push((key, read_npy_bytes(&bytes, &origin)?));
    }
    if columns.is_empty() {
        return Err(bad("the archive holds no arrays".into()));
    }
    Ok(columns)
}
