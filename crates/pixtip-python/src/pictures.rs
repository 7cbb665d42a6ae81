//! `pixtip.pictures`: tooltip pictures for stacks of images, as data URIs
//! or PNG files.

use crate::arrays::Borrowed;
use crate::interrupt::{self, Interrupt};
use crate::options::PictureArgs;
use pixtip::output::OutputFolder;
use pixtip::{ImageTable, Labels, PictureColumnError, PictureStorage, PixtipError};
use pyo3::prelude::*;
use std::path::Path;

/// The pictures of `images` (one stack, or several with the same number of
/// images joined side by side), one per row: data URIs, or with `files` the
/// paths of PNG files written into that folder (relative to its parent).
#[pyfunction]
#[pyo3(signature = (images, options, files=None))]
pub fn pictures(
    py: Python<'_>,
    images: Vec<Bound<'_, PyAny>>,
    options: PictureArgs,
    files: Option<String>,
) -> PyResult<Vec<String>> {
    let interrupt = Interrupt::default();
    let mut borrowed = Borrowed::default();
    let mut table = ImageTable::new();
    let mut names = Vec::with_capacity(images.len());
    for (i, array) in images.iter().enumerate() {
        let name = if images.len() == 1 {
            "images".to_string()
        } else {
            format!("images[{i}]")
        };
        let column = borrowed.stack(array, &name, &interrupt)?;
        table
            .add_images(name.clone(), column)
            .map_err(crate::errors::to_py)?;
        names.push(name);
    }
    let options = options.to_options(Labels::None)?;
    let result = py.detach(|| {
        interrupt::run(&interrupt, |on_batch| {
            let sources: Vec<&str> = names.iter().map(String::as_str).collect();
            let mut progress = |_: pixtip::Progress| on_batch();
            match &files {
                None => {
                    table.add_pictures(
                        "picture",
                        &sources,
                        &options,
                        &PictureStorage::DataUri,
                        &mut progress,
                    )?;
                    take_references(&mut table)
                }
                Some(folder) => {
                    let out = Path::new(folder);
                    let staged = OutputFolder::begin(out, &[])?;
                    let prefix = folder_name(out)?;
                    let storage = PictureStorage::files(staged.path(), prefix);
                    table.add_pictures("picture", &sources, &options, &storage, &mut progress)?;
                    let references = take_references(&mut table)?;
                    staged.commit()?;
                    Ok(references)
                }
            }
        })
    });
    // The table's columns point into the borrowed arrays: gone before them.
    drop(table);
    drop(borrowed);
    result
}

/// The picture column's references, taken out of the table.
fn take_references(table: &mut ImageTable) -> Result<Vec<String>, PixtipError> {
    match table.remove("picture")? {
        pixtip::TableColumn::Pictures(references) => Ok(references.to_vec()),
        _ => Err(PictureColumnError::NotPictures.into()),
    }
}

/// The last part of an output folder's path, which pages beside it use to
/// refer to its files.
pub fn folder_name(out: &Path) -> Result<String, PixtipError> {
    out.file_name()
        .and_then(|n| n.to_str())
        .map(str::to_string)
        .ok_or_else(|| PixtipError::BadFile {
            path: out.to_path_buf(),
            message: "a picture folder needs a name (not `..` or `/`)".into(),
        })
}
