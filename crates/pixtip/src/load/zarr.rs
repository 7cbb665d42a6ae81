//! Zarr v2 and v3 arrays as stacks (`cells.zarr/images`, or `cells.zarr`
//! for a root array), through the `zarrs` crate on the filesystem: a slab
//! of whole chunks along the first axis at a time (blosc, zstd and gzip
//! codecs), and OME-Zarr's first resolution level when given its group.

use super::slabs::{Layout, SlabReader, SlabStack, check_chunk, image_layout};
use crate::error::PixtipError;
use crate::images::{ElementType, ImageColumn, Pixels};
use ndarray::ArrayD;
use serde_json::{Map, Value};
use std::path::{Component, Path, PathBuf};
use std::sync::Arc;
use zarrs::array::data_type::{
    BoolDataType, Float32DataType, Float64DataType, Int8DataType, Int16DataType, Int32DataType,
    Int64DataType, UInt8DataType, UInt16DataType, UInt32DataType, UInt64DataType,
};
use zarrs::array::{Array, ArraySubset, ElementOwned};
use zarrs::filesystem::FilesystemStore;
use zarrs::group::Group;

/// Files that make a folder a Zarr node (v3, then v2).
const NODE_FILES: [&str; 3] = ["zarr.json", ".zarray", ".zgroup"];

/// Splits an input naming a Zarr store (`cells.zarr`, `cells.zarr/a/b`, or
/// a folder holding `zarr.json`, `.zarray` or `.zgroup`) into the store's
/// folder and the node's path in it (`/` for the root); `None` for other
/// inputs.
pub fn split_zarr_input(input: &Path) -> Option<(PathBuf, String)> {
    let components: Vec<Component<'_>> = input.components().collect();
    let store = components.iter().position(|c| {
        c.as_os_str()
            .to_str()
            .is_some_and(|s| s.to_ascii_lowercase().ends_with(".zarr"))
    });
    if let Some(at) = store {
        let root: PathBuf = components[..=at].iter().collect();
        let rest: Vec<&str> = components[at + 1..]
            .iter()
            .filter_map(|c| c.as_os_str().to_str())
            .collect();
        return Some((root, format!("/{}", rest.join("/"))));
    }
    let is_node = input.is_dir() && NODE_FILES.iter().any(|f| input.join(f).is_file());
    is_node.then(|| (input.to_path_buf(), "/".to_string()))
}

/// Reads the array at `node` (`/` for the root) of the Zarr store `store`
/// as an image column named after the array (the store's name for a root
/// array); a group with OME-Zarr `multiscales` gives its first level.
///
/// Errors name the store and the node: no such store or node, a group that
/// is not OME-Zarr, a shape that is not images, an element type pixtip does
/// not read, chunks or images over 256 MiB.
/// Damaged chunks are errors naming the rows when they are read.
pub fn read_zarr(store: &Path, node: &str) -> Result<(String, ImageColumn), PixtipError> {
    let bad = |message: String| PixtipError::bad_file(store, message);
    if !store.is_dir() {
        return Err(bad("no such Zarr store (a folder)".into()));
    }
    let opened = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| open(store, node)))
        .unwrap_or_else(|_| Err("a damaged Zarr store: the zarrs reader gave up on it".into()));
    let (name, stack) = opened.map_err(bad)?;
    Ok((name, ImageColumn::from_source(stack)))
}

type Store = Arc<FilesystemStore>;

fn open(root: &Path, node: &str) -> Result<(String, SlabStack<ZarrRows>), String> {
    let store: Store = Arc::new(
        FilesystemStore::new(root).map_err(|e| format!("not a readable Zarr store: {e}"))?,
    );
    let node = normalise(node);
    let (path, array) = match Array::open(store.clone(), &node) {
        Ok(array) => (node.clone(), array),
        Err(array_error) => first_level(&store, &node, &array_error.to_string())?,
    };
    let shown = format!("array `{path}`");
    let at = |m: String| format!("{shown} {m}");
    let element = element_type(&array).ok_or_else(|| {
        at(format!(
            "holds {}, not numbers pixtip reads (bool, 8–64-bit integers, float32/64)",
            array.data_type()
        ))
    })?;
    let shape: Vec<usize> = array
        .shape()
        .iter()
        .map(|&d| usize::try_from(d).map_err(|_| at(format!("declares a length of {d}"))))
        .collect::<Result<_, _>>()?;
    let (rows, _image, image_bytes) = image_layout(&shape, element).map_err(at)?;
    let chunk = array
        .chunk_shape_usize(&vec![0; shape.len()])
        .map_err(|e| at(format!("has no readable chunk shape: {e}")))?;
    check_chunk(&chunk, element).map_err(at)?;
    let chunk_rows = if shape.len() > 2 { chunk[0] } else { 1 };
    let column = path
        .rsplit('/')
        .find(|s| !s.is_empty())
        .map(str::to_string)
        .or_else(|| root.file_stem().map(|s| s.to_string_lossy().into_owned()))
        .unwrap_or_else(|| "images".into());
    let layout = Layout {
        path: root.to_path_buf(),
        name: shown,
        rows,
        element,
        image_bytes,
        chunk_rows,
    };
    let single = shape.len() == 2;
    let reader = ZarrRows {
        array,
        element,
        shape,
    };
    Ok((column, SlabStack::new(layout, single, reader)))
}

/// `node` as zarrs names nodes: `/` or `/a/b` (no trailing slash).
fn normalise(node: &str) -> String {
    let parts: Vec<&str> = node.split('/').filter(|s| !s.is_empty()).collect();
    format!("/{}", parts.join("/"))
}

/// The first resolution level of the OME-Zarr group at `node`, or why
/// `node` is not an array (`array_error`: what opening it as one said).
fn first_level(
    store: &Store,
    node: &str,
    array_error: &str,
) -> Result<(String, Array<FilesystemStore>), String> {
    let Ok(group) = Group::open(store.clone(), node) else {
        return Err(format!(
            "`{node}` is not a readable Zarr array or group ({array_error})"
        ));
    };
    let Some(level) = multiscales_path(group.attributes()) else {
        let mut arrays = group
            .child_array_paths()
            .map(|paths| {
                paths
                    .iter()
                    .map(|p| p.as_str().to_string())
                    .collect::<Vec<_>>()
            })
            .unwrap_or_default();
        arrays.sort();
        let listed = if arrays.is_empty() {
            "none".to_string()
        } else {
            arrays.join(", ")
        };
        return Err(format!(
            "`{node}` is a group, not an array, and not OME-Zarr (no multiscales): name one of its arrays (its arrays: {listed})"
        ));
    };
    let path = normalise(&format!("{node}/{level}"));
    let array = Array::open(store.clone(), &path).map_err(|e| {
        format!("`{node}` is OME-Zarr, but its first level `{path}` is not a readable array: {e}")
    })?;
    Ok((path, array))
}

/// `multiscales[0].datasets[0].path` of a group's attributes (OME-Zarr
/// 0.4 keeps `multiscales` at the top, 0.5 inside `ome`).
fn multiscales_path(attributes: &Map<String, Value>) -> Option<String> {
    let multiscales = attributes
        .get("multiscales")
        .or_else(|| attributes.get("ome")?.get("multiscales"))?;
    let path = multiscales.get(0)?.get("datasets")?.get(0)?.get("path")?;
    path.as_str()
        .filter(|p| !p.split('/').any(|s| s == ".."))
        .map(str::to_string)
}

/// The pixel type of a Zarr data type (any byte order: the codecs give the
/// machine's).
fn element_type(array: &Array<FilesystemStore>) -> Option<ElementType> {
    let t = array.data_type();
    // Zarr's data type for each element type, in order.
    macro_rules! first_match {
        ($($zarr:ty => $element:ident),* $(,)?) => {
            $(if t.is::<$zarr>() { return Some(ElementType::$element); })*
        };
    }
    first_match!(
        BoolDataType => Bool, UInt8DataType => U8, Int8DataType => I8,
        UInt16DataType => U16, Int16DataType => I16, UInt32DataType => U32,
        Int32DataType => I32, UInt64DataType => U64, Int64DataType => I64,
        Float32DataType => F32, Float64DataType => F64,
    );
    None
}

/// One array, read a slab of rows (whole chunks along the first axis) at a
/// time.
struct ZarrRows {
    array: Array<FilesystemStore>,
    element: ElementType,
    shape: Vec<usize>,
}

impl std::fmt::Debug for ZarrRows {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ZarrRows")
            .field("element", &self.element)
            .field("shape", &self.shape)
            .finish_non_exhaustive()
    }
}

impl ZarrRows {
    fn read<T: ElementOwned>(
        &self,
        subset: &ArraySubset,
        shape: Vec<usize>,
    ) -> Result<ArrayD<T>, String> {
        let values: Vec<T> = self
            .array
            .retrieve_array_subset(subset)
            .map_err(|e| e.to_string())?;
        ArrayD::from_shape_vec(shape, values)
            .map_err(|e| format!("the values do not fill the rows: {e}"))
    }
}

impl SlabReader for ZarrRows {
    fn read_rows(&self, rows: std::ops::Range<usize>) -> Result<Pixels, String> {
        let mut ranges: Vec<std::ops::Range<u64>> =
            self.shape.iter().map(|&d| 0..d as u64).collect();
        let mut shape = self.shape.clone();
        if self.shape.len() > 2 {
            ranges[0] = rows.start as u64..rows.end as u64;
            shape[0] = rows.len();
        }
        let subset = ArraySubset::new_with_ranges(&ranges);
        let read = || -> Result<Pixels, String> {
            Ok(match self.element {
                ElementType::Bool => self.read::<bool>(&subset, shape)?.into(),
                ElementType::U8 => self.read::<u8>(&subset, shape)?.into(),
                ElementType::I8 => self.read::<i8>(&subset, shape)?.into(),
                ElementType::U16 => self.read::<u16>(&subset, shape)?.into(),
                ElementType::I16 => self.read::<i16>(&subset, shape)?.into(),
                ElementType::U32 => self.read::<u32>(&subset, shape)?.into(),
                ElementType::I32 => self.read::<i32>(&subset, shape)?.into(),
                ElementType::U64 => self.read::<u64>(&subset, shape)?.into(),
                ElementType::I64 => self.read::<i64>(&subset, shape)?.into(),
                ElementType::F32 => self.read::<f32>(&subset, shape)?.into(),
                ElementType::F64 => self.read::<f64>(&subset, shape)?.into(),
            })
        };
        std::panic::catch_unwind(std::panic::AssertUnwindSafe(read))
            .map_err(|_| "the zarrs reader gave up on a damaged chunk".to_string())?
            .map_err(|e| format!("cannot read rows {}..{}: {e}", rows.start, rows.end))
    }
}
