//! Where a picture column's pictures go: into the chart as data URIs (in
//! memory or in a temporary file until the page is written), or into PNG
//! files beside it.

use std::path::PathBuf;

/// Where the pictures of a picture column live.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum PictureStorage {
    /// Inside the chart, as `data:image/png;base64,…` URIs (the tutorial's way):
    /// one self-contained file, about 4/3 of the PNG bytes.
    #[default]
    DataUri,
    /// Data URIs as [`DataUri`](Self::DataUri), kept in an unnamed
    /// temporary file in `dir` instead of memory (a
    /// [`TableColumn::SpooledPictures`](crate::TableColumn::SpooledPictures)) and read back as the chart is written:
    /// for pages of a million embedded pictures.
    DataUriSpooled {
        /// Where the temporary file is made (it has no name and goes when
        /// the column does).
        dir: PathBuf,
    },
    /// As PNG files in `dir`, referenced from the chart as `url_prefix/<file>`;
    /// the chart stays small however many pictures there are, but must travel
    /// with its folder. File names never contain a user's text.
    Files {
        /// The folder the PNG files are written to (it must exist).
        dir: PathBuf,
        /// How the chart refers to that folder, relative to the page
        /// (for example `"pictures"`).
        url_prefix: String,
        /// How the files are named.
        names: FileNames,
    },
}

impl PictureStorage {
    /// Files in `dir`, referred to as `url_prefix/…`, named by row.
    pub fn files(dir: impl Into<PathBuf>, url_prefix: impl Into<String>) -> PictureStorage {
        PictureStorage::Files {
            dir: dir.into(),
            url_prefix: url_prefix.into(),
            names: FileNames::Row,
        }
    }
}

/// How picture files are named.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum FileNames {
    /// `<c>-<row>.png`: `c` counts the table's picture columns from 0 and
    /// `row` has six digits at least (`0-000017.png`).
    #[default]
    Row,
    /// The first 16 hex digits of the PNG's SHA-256 (`3f1c….png`): identical
    /// pictures share one file.
    ContentHash,
}
