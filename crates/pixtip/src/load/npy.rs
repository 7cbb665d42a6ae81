//! numpy's `.npy` data, read one image at a time (the header is
//! [`parse_npy_header`]'s).

use super::npy_header::{ByteOrder, MAX_HEADER, NpyHeader, parse_npy_header};
use crate::error::PixtipError;
use crate::images::{ElementType, ImageSource, Pixels, Stack};
use crate::read_at::read_at;
use ndarray::{ArrayD, IxDyn, ShapeBuilder};
use std::fs::File;
use std::path::{Path, PathBuf};

/// Decodes the values of `element` in byte order `order` from `bytes` into
/// an array of `shape` (row-major, or column-major when `fortran`).
pub(super) fn decode(
    element: ElementType,
    order: ByteOrder,
    bytes: &[u8],
    shape: &[usize],
    fortran: bool,
) -> Result<Pixels, String> {
    macro_rules! numbers {
        ($t:ty) => {{
            const N: usize = std::mem::size_of::<$t>();
            let values: Vec<$t> = bytes
                .chunks_exact(N)
                .map(|chunk| {
                    let mut raw = [0u8; N];
                    raw.copy_from_slice(chunk);
                    match order {
                        ByteOrder::Little => <$t>::from_le_bytes(raw),
                        ByteOrder::Big => <$t>::from_be_bytes(raw),
                    }
                })
                .collect();
            Pixels::from(array(values, shape, fortran)?)
        }};
    }
    Ok(match element {
        ElementType::Bool => Pixels::from(array(
            bytes.iter().map(|&b| b != 0).collect(),
            shape,
            fortran,
        )?),
        ElementType::U8 => Pixels::from(array(bytes.to_vec(), shape, fortran)?),
        ElementType::I8 => numbers!(i8),
        ElementType::U16 => numbers!(u16),
        ElementType::I16 => numbers!(i16),
        ElementType::U32 => numbers!(u32),
        ElementType::I32 => numbers!(i32),
        ElementType::U64 => numbers!(u64),
        ElementType::I64 => numbers!(i64),
        ElementType::F32 => numbers!(f32),
        ElementType::F64 => numbers!(f64),
    })
}

fn array<T>(values: Vec<T>, shape: &[usize], fortran: bool) -> Result<ArrayD<T>, String> {
    let shape = IxDyn(shape);
    let result = if fortran {
        ArrayD::from_shape_vec(shape.f(), values)
    } else {
        ArrayD::from_shape_vec(shape, values)
    };
    result.map_err(|e| format!("data does not fit the shape: {e}"))
}

/// How a stack's shape splits into rows and one image's shape.
fn rows_and_image_shape(shape: &[usize]) -> Result<(usize, Vec<usize>), String> {
    match shape.len() {
        2 => Ok((1, shape.to_vec())),
        3 | 4 => Ok((shape[0], shape[1..].to_vec())),
        n => Err(format!(
            "an array of shape {shape:?} ({n}-D) is not images: expected H×W, N×H×W, N×H×W×3|4 or N×D×H×W"
        )),
    }
}

/// A `.npy` file read one image at a time: `H×W` is one image, `N×H×W`
/// gray images, `N×H×W×3|4` colour images, `N×D×H×W` volumes.
///
/// Row-major files are never read whole: each row is read from its offset
/// when asked for. Fortran-ordered files are read whole once (at most
/// [`MAX_ARRAY_BYTES`](super::MAX_ARRAY_BYTES)), in their own element type.
#[derive(Debug)]
pub struct NpyStack {
    path: PathBuf,
    file: File,
    header: NpyHeader,
    rows: usize,
    image_shape: Vec<usize>,
    image_bytes: u64,
    whole: Option<Pixels>,
}

impl NpyStack {
    /// Opens `path` and checks its header against the file's size.
    pub fn open(path: &Path) -> Result<NpyStack, PixtipError> {
        let bad = |message: String| PixtipError::bad_file(path, message);
        let io = |source| PixtipError::io(path, source);
        let mut file = File::open(path).map_err(io)?;
        let length = file.metadata().map_err(io)?.len();
        let mut head = Vec::new();
        std::io::Read::read_to_end(
            &mut std::io::Read::take(&mut file, (MAX_HEADER + 12) as u64),
            &mut head,
        )
        .map_err(io)?;
        let header = parse_npy_header(&head).map_err(bad)?;
        let (rows, image_shape) = rows_and_image_shape(&header.shape).map_err(bad)?;
        let needed = header.data_offset as u64 + header.data_bytes;
        if length < needed {
            return Err(bad(format!(
                "the header says shape {:?} of {} ({} bytes of data), but the file holds only {} bytes of data",
                header.shape,
                header.element,
                header.data_bytes,
                length.saturating_sub(header.data_offset as u64)
            )));
        }
        let image_bytes = header.data_bytes / rows.max(1) as u64;
        let whole = if header.fortran_order && header.data_bytes > 0 {
            if header.data_bytes > super::MAX_ARRAY_BYTES {
                return Err(bad(format!(
                    "a Fortran-ordered array of {} bytes is read whole, and that is over the limit of {} bytes",
                    header.data_bytes,
                    super::MAX_ARRAY_BYTES
                )));
            }
            let mut bytes = vec![0u8; header.data_bytes as usize];
            read_at(&file, &mut bytes, header.data_offset as u64).map_err(io)?;
            let shape = if header.shape.len() == 2 {
                let mut s = vec![1];
                s.extend_from_slice(&header.shape);
                s
            } else {
                header.shape.clone()
            };
            // A 2-D Fortran array is one image; as 1×H×W its F layout is the same bytes.
            Some(decode(header.element, header.order, &bytes, &shape, true).map_err(bad)?)
        } else {
            None
        };
        Ok(NpyStack {
            path: path.to_path_buf(),
            file,
            header,
            rows,
            image_shape,
            image_bytes,
            whole,
        })
    }

    /// The header.
    pub fn header(&self) -> &NpyHeader {
        &self.header
    }
}

impl ImageSource for NpyStack {
    fn len(&self) -> usize {
        self.rows
    }

    fn element_type(&self) -> Option<ElementType> {
        Some(self.header.element)
    }

    fn image(&self, row: usize) -> Result<Pixels, PixtipError> {
        if row >= self.rows {
            return Err(PixtipError::RowOutOfRange {
                row,
                rows: self.rows,
            });
        }
        let bad = |message: String| PixtipError::bad_file(&self.path, message);
        if let Some(whole) = &self.whole {
            return Ok(whole.index_axis0(row));
        }
        let length =
            usize::try_from(self.image_bytes).map_err(|_| bad("image too large".into()))?;
        let mut bytes = vec![0u8; length];
        let offset = self.header.data_offset as u64 + row as u64 * self.image_bytes;
        read_at(&self.file, &mut bytes, offset).map_err(|source| PixtipError::Io {
            path: self.path.clone(),
            source,
        })?;
        decode(
            self.header.element,
            self.header.order,
            &bytes,
            &self.image_shape,
            false,
        )
        .map_err(bad)
    }

    fn origin(&self) -> String {
        self.path.display().to_string()
    }
}

/// A whole `.npy` held in memory (an `.npz` member) as an image column's
/// source; `origin` names it in messages.
pub fn read_npy_bytes(bytes: &[u8], origin: &str) -> Result<crate::ImageColumn, PixtipError> {
    let bad = |message: String| PixtipError::Shape {
        origin: origin.to_string(),
        message,
    };
    let header = parse_npy_header(bytes).map_err(bad)?;
    rows_and_image_shape(&header.shape).map_err(bad)?;
    let data = usize::try_from(header.data_bytes)
        .ok()
        .and_then(|n| bytes.get(header.data_offset..header.data_offset.checked_add(n)?))
        .ok_or_else(|| {
            bad(format!(
                "the header says {} bytes of data, the member holds fewer",
                header.data_bytes
            ))
        })?;
    let mut shape = header.shape.clone();
    if shape.len() == 2 {
        shape.insert(0, 1);
    }
    let pixels = decode(
        header.element,
        header.order,
        data,
        &shape,
        header.fortran_order,
    )
    .map_err(bad)?;
    Ok(crate::ImageColumn::from_source(Stack {
        pixels,
        origin: origin.to_string(),
    }))
}
