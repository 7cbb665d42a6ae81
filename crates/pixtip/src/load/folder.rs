//! Folders of image files (PNG, TIFF, JPEG; 8- and 16-bit; gray and
//! colour), decoded one file at a time ([`read_image_file`]).

use super::image_file::{file_element_type, read_image_file, read_image_file_and_png};
use crate::error::PixtipError;
use crate::images::{ElementType, ImageSource, Pixels};
use std::path::{Component, Path, PathBuf};

/// Whether `path` names a file pixtip reads as an image (by its ending).
pub fn is_image_file(path: &Path) -> bool {
    matches!(
        extension(path).as_deref(),
        Some("png" | "tif" | "tiff" | "jpg" | "jpeg")
    )
}

/// The file's ending, in lower case.
pub(crate) fn extension(path: &Path) -> Option<String> {
    path.extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase)
}

/// The image files of one folder, one row each.
#[derive(Debug, Clone)]
pub struct ImageFolder {
    dir: PathBuf,
    files: Vec<PathBuf>,
}

impl ImageFolder {
    /// The image files directly in `dir`, sorted by name (hidden files and
    /// links that lead out of the folder are left out).
    pub fn open(dir: &Path) -> Result<ImageFolder, PixtipError> {
        let io = |source| PixtipError::io(dir, source);
        let root = dir.canonicalize().map_err(io)?;
        let mut files = Vec::new();
        for entry in std::fs::read_dir(dir).map_err(io)? {
            let entry = entry.map_err(io)?;
            let path = entry.path();
            let hidden = entry.file_name().to_string_lossy().starts_with('.');
            if hidden || !is_image_file(&path) {
                continue;
            }
            match path.canonicalize() {
                Ok(real) if real.starts_with(&root) && real.is_file() => files.push(path),
                _ => continue,
            }
        }
        files.sort();
        if files.is_empty() {
            return Err(PixtipError::BadFile {
                path: dir.to_path_buf(),
                message: "the folder holds no PNG, TIFF or JPEG files".into(),
            });
        }
        Ok(ImageFolder {
            dir: dir.to_path_buf(),
            files,
        })
    }

    /// The files named by `names` (a table's file column), relative to `dir`,
    /// in that order. A name that is absolute, climbs out with `..`, or names
    /// no file in the folder is an error naming its row.
    pub fn with_names(
        dir: &Path,
        names: &[String],
        column: &str,
    ) -> Result<ImageFolder, PixtipError> {
        let root = dir.canonicalize().map_err(|source| PixtipError::Io {
            path: dir.to_path_buf(),
            source,
        })?;
        let mut files = Vec::with_capacity(names.len());
        for (row, name) in names.iter().enumerate() {
            let bad = |message: String| PixtipError::AtRow {
                column: column.to_string(),
                row,
                source: Box::new(PixtipError::BadFile {
                    path: PathBuf::from(name),
                    message,
                }),
            };
            let relative = Path::new(name);
            let safe = !name.is_empty()
                && relative
                    .components()
                    .all(|c| matches!(c, Component::Normal(_) | Component::CurDir));
            if !safe {
                return Err(bad(format!(
                    "file names must be relative to {} without `..`",
                    dir.display()
                )));
            }
            let path = dir.join(relative);
            match path.canonicalize() {
                Ok(real) if real.starts_with(&root) && real.is_file() => files.push(path),
                Ok(_) => {
                    return Err(bad(format!(
                        "leads out of {} or is not a file",
                        dir.display()
                    )));
                }
                Err(_) => return Err(bad(format!("no such file in {}", dir.display()))),
            }
        }
        Ok(ImageFolder {
            dir: dir.to_path_buf(),
            files,
        })
    }

    /// The files, in row order.
    pub fn files(&self) -> &[PathBuf] {
        &self.files
    }

    /// Row `row`'s file.
    fn file(&self, row: usize) -> Result<&Path, PixtipError> {
        self.files
            .get(row)
            .map(PathBuf::as_path)
            .ok_or(PixtipError::RowOutOfRange {
                row,
                rows: self.files.len(),
            })
    }
}

impl ImageSource for ImageFolder {
    fn len(&self) -> usize {
        self.files.len()
    }

    fn image(&self, row: usize) -> Result<Pixels, PixtipError> {
        read_image_file(self.file(row)?)
    }

    fn image_and_png(&self, row: usize) -> Result<(Pixels, Option<Vec<u8>>), PixtipError> {
        read_image_file_and_png(self.file(row)?)
    }

    fn row_element_type(&self, row: usize) -> Option<ElementType> {
        file_element_type(self.files.get(row)?)
    }

    fn origin(&self) -> String {
        self.dir.display().to_string()
    }
}
