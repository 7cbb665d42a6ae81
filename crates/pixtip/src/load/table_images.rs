//! Image columns inside Arrow tables (Parquet files, Arrow IPC files): a
//! binary column or a `struct<bytes, path>` column of PNG/JPEG/TIFF bytes
//! (or, where `bytes` is null, the image file at `path`), or a list column
//! of numbers given a shape.
//!
//! The column is never read whole: streams read it forward in batches (a
//! row group, or a part of one, at a time; see [`super::column_streams`]),
//! and the last few batches are kept. Rows are asked for in runs of
//! neighbours (`parallel`), so memory holds a few batches of cells,
//! whatever the table's length.

use super::column_streams::{ColumnBatches, ColumnStreams};
use super::image_file::{
    encoded_element_type, file_element_type, is_png, read_image_bytes, read_image_file,
    read_image_file_and_png,
};
use crate::error::PixtipError;
use crate::images::{ElementType, ImageSource, Pixels};
use arrow_array::cast::AsArray;
use arrow_array::types::*;
use arrow_array::{Array, ArrayRef};
use arrow_schema::DataType;
use ndarray::ArrayD;
use std::fmt::Debug;
use std::path::{Path, PathBuf};

/// What the column's cells hold.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum CellKind {
    /// Encoded images: binary cells, or the `bytes` field of struct cells.
    Encoded,
    /// Lists of numbers of `element`, each one image of `shape`.
    Numbers {
        /// One image's shape (`--shape`).
        shape: Vec<usize>,
        /// The numbers' type.
        element: ElementType,
    },
}

/// How a table column of this type holds images, if it does; `shape` is
/// what `--shape` gave for list columns.
pub(crate) fn cell_kind(data_type: &DataType, shape: Option<&[usize]>) -> Option<CellKind> {
    match data_type {
        DataType::Binary
        | DataType::LargeBinary
        | DataType::BinaryView
        | DataType::FixedSizeBinary(_) => Some(CellKind::Encoded),
        DataType::Struct(fields) => fields.iter().find(|f| f.name() == "bytes").and_then(|f| {
            match cell_kind(f.data_type(), None) {
                Some(CellKind::Encoded) => Some(CellKind::Encoded),
                _ => None,
            }
        }),
        DataType::List(item) | DataType::LargeList(item) | DataType::FixedSizeList(item, _) => {
            Some(CellKind::Numbers {
                shape: shape?.to_vec(),
                element: element_type(item.data_type())?,
            })
        }
        _ => None,
    }
}

/// The pixel type of an Arrow number type.
fn element_type(data_type: &DataType) -> Option<ElementType> {
    Some(match data_type {
        DataType::Boolean => ElementType::Bool,
        DataType::UInt8 => ElementType::U8,
        DataType::Int8 => ElementType::I8,
        DataType::UInt16 => ElementType::U16,
        DataType::Int16 => ElementType::I16,
        DataType::UInt32 => ElementType::U32,
        DataType::Int32 => ElementType::I32,
        DataType::UInt64 => ElementType::U64,
        DataType::Int64 => ElementType::I64,
        DataType::Float32 => ElementType::F32,
        DataType::Float64 => ElementType::F64,
        _ => return None,
    })
}

/// One image column of a table file.
#[derive(Debug)]
pub(crate) struct TableImages {
    path: PathBuf,
    rows: usize,
    kind: CellKind,
    streams: ColumnStreams,
}

impl TableImages {
    pub(crate) fn new(
        path: &Path,
        rows: usize,
        kind: CellKind,
        batches: Box<dyn ColumnBatches>,
    ) -> TableImages {
        TableImages {
            path: path.to_path_buf(),
            rows,
            kind,
            streams: ColumnStreams::new(path.to_path_buf(), rows, batches),
        }
    }

    /// The batch holding `row`, and its first row.
    fn batch_of(&self, row: usize) -> Result<(usize, ArrayRef), PixtipError> {
        self.streams.batch_of(row)
    }

    /// A cell's `path`, taken relative to the table's folder.
    /// Row `row`'s image and, when `keep_png` and the cell holds (or names)
    /// a PNG, its bytes.
    fn read(&self, row: usize, keep_png: bool) -> Result<(Pixels, Option<Vec<u8>>), PixtipError> {
        if row >= self.rows {
            return Err(PixtipError::RowOutOfRange {
                row,
                rows: self.rows,
            });
        }
        let (start, array) = self.batch_of(row)?;
        let i = row - start;
        match &self.kind {
            CellKind::Encoded => match (cell_bytes(&array, i), cell_path(&array, i)) {
                (Some(bytes), _) => {
                    let pixels = read_image_bytes(bytes, &self.path)?;
                    Ok((pixels, (keep_png && is_png(bytes)).then(|| bytes.to_vec())))
                }
                // A relative path is taken from the table's folder.
                (None, Some(file)) if keep_png => read_image_file_and_png(&self.beside_table(file)),
                (None, Some(file)) => Ok((read_image_file(&self.beside_table(file))?, None)),
                (None, None) => {
                    Err(self.bad("the cell holds no image bytes and no path (null)".into()))
                }
            },
            CellKind::Numbers { shape, element } => match cell_numbers(&array, i) {
                Some(values) => numbers_to_pixels(&values, *element, shape)
                    .map(|pixels| (pixels, None))
                    .map_err(|m| self.bad(m)),
                None => Err(self.bad("the cell holds no numbers (null)".into())),
            },
        }
    }

    fn beside_table(&self, file: &str) -> PathBuf {
        self.path.parent().unwrap_or(Path::new("")).join(file)
    }

    fn bad(&self, message: String) -> PixtipError {
        PixtipError::BadFile {
            path: self.path.clone(),
            message,
        }
    }
}

/// The encoded image bytes of cell `i` (`None` when null).
fn cell_bytes(array: &dyn Array, i: usize) -> Option<&[u8]> {
    match array.data_type() {
        _ if array.is_null(i) => None,
        DataType::Binary => Some(array.as_binary::<i32>().value(i)),
        DataType::LargeBinary => Some(array.as_binary::<i64>().value(i)),
        DataType::BinaryView => Some(array.as_binary_view().value(i)),
        DataType::FixedSizeBinary(_) => Some(array.as_fixed_size_binary().value(i)),
        DataType::Struct(_) => cell_bytes(array.as_struct().column_by_name("bytes")?, i),
        _ => None,
    }
}

/// The `path` of struct cell `i` when it has one: where Hugging Face's
/// image features point when they keep no bytes (`{bytes: null, path}`).
fn cell_path(array: &dyn Array, i: usize) -> Option<&str> {
    if array.is_null(i) || !matches!(array.data_type(), DataType::Struct(_)) {
        return None;
    }
    let paths = array.as_struct().column_by_name("path")?;
    match paths.data_type() {
        _ if paths.is_null(i) => None,
        DataType::Utf8 => Some(paths.as_string::<i32>().value(i)),
        DataType::LargeUtf8 => Some(paths.as_string::<i64>().value(i)),
        DataType::Utf8View => Some(paths.as_string_view().value(i)),
        _ => None,
    }
}

/// The numbers of list cell `i` (`None` when null).
fn cell_numbers(array: &dyn Array, i: usize) -> Option<ArrayRef> {
    match array.data_type() {
        _ if array.is_null(i) => None,
        DataType::List(_) => Some(array.as_list::<i32>().value(i)),
        DataType::LargeList(_) => Some(array.as_list::<i64>().value(i)),
        DataType::FixedSizeList(_, _) => Some(array.as_fixed_size_list().value(i)),
        _ => None,
    }
}

/// `values` (of `element`) as one image of `shape`.
fn numbers_to_pixels(
    values: &dyn Array,
    element: ElementType,
    shape: &[usize],
) -> Result<Pixels, String> {
    let wanted = shape
        .iter()
        .try_fold(1usize, |n, &d| n.checked_mul(d))
        .unwrap_or(usize::MAX);
    if values.len() != wanted {
        return Err(format!(
            "a list of {} numbers is not an image of shape {shape:?} ({wanted} numbers)",
            values.len()
        ));
    }
    if values.null_count() > 0 {
        return Err(format!(
            "{} of the image's numbers are null",
            values.null_count()
        ));
    }
    fn shaped<T>(shape: &[usize], v: Vec<T>) -> Result<ArrayD<T>, String> {
        ArrayD::from_shape_vec(shape.to_vec(), v).map_err(|e| e.to_string())
    }
    macro_rules! primitive {
        ($t:ty) => {
            Pixels::from(shaped(
                shape,
                values.as_primitive::<$t>().values().to_vec(),
            )?)
        };
    }
    Ok(match element {
        ElementType::Bool => Pixels::from(shaped(
            shape,
            values.as_boolean().values().iter().collect(),
        )?),
        ElementType::U8 => primitive!(UInt8Type),
        ElementType::I8 => primitive!(Int8Type),
        ElementType::U16 => primitive!(UInt16Type),
        ElementType::I16 => primitive!(Int16Type),
        ElementType::U32 => primitive!(UInt32Type),
        ElementType::I32 => primitive!(Int32Type),
        ElementType::U64 => primitive!(UInt64Type),
        ElementType::I64 => primitive!(Int64Type),
        ElementType::F32 => primitive!(Float32Type),
        ElementType::F64 => primitive!(Float64Type),
    })
}

impl ImageSource for TableImages {
    fn len(&self) -> usize {
        self.rows
    }

    fn element_type(&self) -> Option<ElementType> {
        match &self.kind {
            CellKind::Encoded => None,
            CellKind::Numbers { element, .. } => Some(*element),
        }
    }

    fn image(&self, row: usize) -> Result<Pixels, PixtipError> {
        self.read(row, false).map(|(pixels, _)| pixels)
    }

    fn image_and_png(&self, row: usize) -> Result<(Pixels, Option<Vec<u8>>), PixtipError> {
        self.read(row, true)
    }

    fn row_element_type(&self, row: usize) -> Option<ElementType> {
        match &self.kind {
            CellKind::Encoded => {
                let (start, array) = self.batch_of(row).ok()?;
                match cell_bytes(&array, row - start) {
                    Some(bytes) => encoded_element_type(bytes),
                    None => file_element_type(&self.beside_table(cell_path(&array, row - start)?)),
                }
            }
            CellKind::Numbers { element, .. } => Some(*element),
        }
    }

    fn origin(&self) -> String {
        self.path.display().to_string()
    }
}
