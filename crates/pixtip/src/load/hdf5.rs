//! HDF5 datasets as stacks (`cells.h5:/group/images`), through the
//! `hdf5-metno` binding of the system's libhdf5: a hyperslab of rows at a
//! time (chunk-aligned), so chunked and gzip-compressed datasets far larger
//! than memory read as `.npy` stacks do.

use super::hdf5_chunks::RawChunks;
use super::slabs::{Layout, SlabReader, SlabStack, check_chunk, image_layout};
use crate::error::PixtipError;
use crate::images::{ElementType, ImageColumn, Pixels};
use hdf5::types::{FloatSize, IntSize, TypeDescriptor};
use hdf5::{Dataset, File, Hyperslab, LocationType, Selection, SliceOrIndex};
use hdf5_metno as hdf5;
use ndarray::IxDyn;
use std::path::{Path, PathBuf};

/// File endings read as HDF5.
const ENDINGS: [&str; 4] = [".h5", ".hdf5", ".hdf", ".he5"];
/// The most objects looked at when a file is given without a dataset.
const MAX_WALK: usize = 10_000;

/// Splits an input naming an HDF5 file (`cells.h5`, `cells.h5:/group/images`)
/// into the file and the dataset, if it names one; `None` for other inputs.
pub fn split_hdf5_input(input: &Path) -> Option<(PathBuf, Option<String>)> {
    let text = input.to_str()?;
    let ends_hdf5 = |s: &str| {
        let lower = s.to_ascii_lowercase();
        ENDINGS.iter().any(|e| lower.ends_with(e))
    };
    if ends_hdf5(text) {
        return Some((input.to_path_buf(), None));
    }
    let (file, dataset) = text.rsplit_once(':')?;
    ends_hdf5(file).then(|| (PathBuf::from(file), Some(dataset.to_string())))
}

/// Reads the dataset `dataset` of the HDF5 file `path` (or its only dataset,
/// when `dataset` is `None`) as an image column named after the dataset.
///
/// Errors name the file and the dataset: no such file, not HDF5, no such
/// dataset, a group where a dataset was named, a shape that is not images,
/// an element type pixtip does not read (strings, compounds, float16), and
/// images or chunks over 256 MiB.
pub fn read_hdf5(path: &Path, dataset: Option<&str>) -> Result<(String, ImageColumn), PixtipError> {
    let bad = |message: String| PixtipError::bad_file(path, message);
    if !path.is_file() {
        return Err(bad("no such file".into()));
    }
    // The binding can panic on states of damaged files it does not expect.
    let opened = std::panic::catch_unwind(|| open(path, dataset))
        .unwrap_or_else(|_| Err("a damaged HDF5 file: the HDF5 binding gave up on it".into()));
    let (name, stack) = opened.map_err(bad)?;
    Ok((name, ImageColumn::from_source(stack)))
}

fn open(path: &Path, dataset: Option<&str>) -> Result<(String, SlabStack<Hdf5Rows>), String> {
    let file = File::open(path).map_err(|e| format!("not a readable HDF5 file: {e}"))?;
    let name = match dataset {
        Some(name) if name.is_empty() || name == "/" => only_dataset(&file)?,
        Some(name) => name.to_string(),
        None => only_dataset(&file)?,
    };
    let shown = format!("dataset `{name}`");
    let at = |m: String| format!("{shown} {m}");
    if !file.link_exists(name.trim_start_matches('/')) && !file.link_exists(&name) {
        return Err(at(format!(
            "does not exist (the file's datasets: {})",
            list(&datasets(&file)?)
        )));
    }
    match file.loc_type_by_name(&name) {
        Ok(LocationType::Dataset) => {}
        Ok(LocationType::Group) => {
            return Err(at(format!(
                "is a group, not a dataset: name one of its datasets (the file's datasets: {})",
                list(&datasets(&file)?)
            )));
        }
        Ok(_) => return Err(at("is not a dataset".into())),
        Err(e) => return Err(at(format!("cannot be opened: {e}"))),
    }
    let data = file
        .dataset(&name)
        .map_err(|e| at(format!("cannot be opened: {e}")))?;
    let descriptor = data
        .dtype()
        .and_then(|t| t.to_descriptor())
        .map_err(|e| at(format!("has an element type pixtip does not read ({e})")))?;
    let element = element_type(&descriptor).ok_or_else(|| {
        at(format!(
            "holds {descriptor}, not numbers pixtip reads (bool, 8–64-bit integers, float32/64)"
        ))
    })?;
    let shape = data
        .space()
        .map_err(|e| at(format!("has no readable shape: {e}")))?
        .shape();
    let (rows, _image, image_bytes) = image_layout(&shape, element).map_err(at)?;
    let chunk = data.chunk();
    if let Some(chunk) = &chunk {
        check_chunk(chunk, element).map_err(at)?;
    }
    let chunk_rows = match (&chunk, shape.len()) {
        (Some(chunk), 3 | 4) => chunk.first().copied().unwrap_or(1),
        _ => 1,
    };
    let column = name
        .trim_end_matches('/')
        .rsplit('/')
        .next()
        .filter(|s| !s.is_empty())
        .unwrap_or("images")
        .to_string();
    let layout = Layout {
        path: path.to_path_buf(),
        name: shown,
        rows,
        element,
        image_bytes,
        chunk_rows,
    };
    let raw = RawChunks::new(path, &data, element, &shape, chunk.as_deref());
    let reader = Hdf5Rows {
        dataset: data,
        element,
        shape,
        raw,
    };
    Ok((
        column,
        SlabStack::new(layout, reader.shape.len() == 2, reader),
    ))
}

/// The file's only dataset, or why there is not one.
fn only_dataset(file: &File) -> Result<String, String> {
    let all = datasets(file)?;
    match all.as_slice() {
        [one] => Ok(one.clone()),
        [] => Err("holds no dataset".into()),
        _ => Err(format!(
            "holds {} datasets: name one as FILE:/path (the file's datasets: {})",
            all.len(),
            list(&all)
        )),
    }
}

/// The paths of the file's datasets, in name order (at most [`MAX_WALK`]
/// objects are looked at).
fn datasets(file: &File) -> Result<Vec<String>, String> {
    let mut found = Vec::new();
    let mut groups = vec![String::new()];
    let mut seen = 0usize;
    while let Some(prefix) = groups.pop() {
        let group = if prefix.is_empty() {
            file.group("/")
        } else {
            file.group(&prefix)
        }
        .map_err(|e| format!("cannot list the group `{prefix}/`: {e}"))?;
        let names = group
            .member_names()
            .map_err(|e| format!("cannot list the group `{prefix}/`: {e}"))?;
        for member in names {
            seen += 1;
            if seen > MAX_WALK {
                return Ok(found);
            }
            let full = format!("{prefix}/{member}");
            match group.loc_type_by_name(&member) {
                Ok(LocationType::Dataset) => found.push(full),
                Ok(LocationType::Group) => groups.push(full),
                _ => {}
            }
        }
    }
    found.sort();
    Ok(found)
}

/// Up to eight names, comma-separated.
fn list(names: &[String]) -> String {
    if names.is_empty() {
        return "none".into();
    }
    let mut shown = names.iter().take(8).cloned().collect::<Vec<_>>().join(", ");
    if names.len() > 8 {
        shown.push_str(&format!(", and {} more", names.len() - 8));
    }
    shown
}

/// The pixel type HDF5's type descriptor reads as (any byte order: the
/// library converts to the machine's).
fn element_type(descriptor: &TypeDescriptor) -> Option<ElementType> {
    Some(match descriptor {
        TypeDescriptor::Boolean => ElementType::Bool,
        TypeDescriptor::Unsigned(IntSize::U1) => ElementType::U8,
        TypeDescriptor::Unsigned(IntSize::U2) => ElementType::U16,
        TypeDescriptor::Unsigned(IntSize::U4) => ElementType::U32,
        TypeDescriptor::Unsigned(IntSize::U8) => ElementType::U64,
        TypeDescriptor::Integer(IntSize::U1) => ElementType::I8,
        TypeDescriptor::Integer(IntSize::U2) => ElementType::I16,
        TypeDescriptor::Integer(IntSize::U4) => ElementType::I32,
        TypeDescriptor::Integer(IntSize::U8) => ElementType::I64,
        TypeDescriptor::Float(FloatSize::U4) => ElementType::F32,
        TypeDescriptor::Float(FloatSize::U8) => ElementType::F64,
        _ => return None,
    })
}

/// One dataset, read a hyperslab of rows at a time: from its raw chunks
/// where pixtip can undo their filters, else through the library.
#[derive(Debug)]
struct Hdf5Rows {
    dataset: Dataset,
    element: ElementType,
    shape: Vec<usize>,
    raw: Option<RawChunks>,
}

impl SlabReader for Hdf5Rows {
    fn read_rows(&self, rows: std::ops::Range<usize>) -> Result<Pixels, String> {
        if let Some(raw) = &self.raw
            && let Some(pixels) = raw
                .read(&self.dataset, rows.clone())
                .map_err(|e| format!("cannot read rows {}..{}: {e}", rows.start, rows.end))?
        {
            return Ok(pixels);
        }
        let mut dims: Vec<SliceOrIndex> = self.shape.iter().map(|&d| (0..d).into()).collect();
        if self.shape.len() > 2 {
            dims[0] = rows.clone().into();
        }
        let selection = Selection::from(Hyperslab::from(dims));
        let read = || -> hdf5::Result<Pixels> {
            let reader = self.dataset.as_reader();
            Ok(match self.element {
                ElementType::Bool => reader.read_slice::<bool, _, IxDyn>(selection)?.into(),
                ElementType::U8 => reader.read_slice::<u8, _, IxDyn>(selection)?.into(),
                ElementType::I8 => reader.read_slice::<i8, _, IxDyn>(selection)?.into(),
                ElementType::U16 => reader.read_slice::<u16, _, IxDyn>(selection)?.into(),
                ElementType::I16 => reader.read_slice::<i16, _, IxDyn>(selection)?.into(),
                ElementType::U32 => reader.read_slice::<u32, _, IxDyn>(selection)?.into(),
                ElementType::I32 => reader.read_slice::<i32, _, IxDyn>(selection)?.into(),
                ElementType::U64 => reader.read_slice::<u64, _, IxDyn>(selection)?.into(),
                ElementType::I64 => reader.read_slice::<i64, _, IxDyn>(selection)?.into(),
                ElementType::F32 => reader.read_slice::<f32, _, IxDyn>(selection)?.into(),
                ElementType::F64 => reader.read_slice::<f64, _, IxDyn>(selection)?.into(),
            })
        };
        std::panic::catch_unwind(std::panic::AssertUnwindSafe(read))
            .map_err(|_| "the HDF5 binding gave up on a damaged file".to_string())?
            .map_err(|e| format!("cannot read rows {}..{}: {e}", rows.start, rows.end))
    }
}
