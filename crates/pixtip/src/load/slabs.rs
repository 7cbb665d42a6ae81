//! Stacks kept in chunked stores (HDF5 datasets, Zarr arrays), read a slab
//! of neighbouring rows at a time: a row asks for the slab holding it, the
//! last few slabs are kept, and nothing else of the array is in memory.
//!
//! Slabs start at multiples of the slab length, which is a multiple of the
//! store's chunk length along the first axis, so each chunk is decoded once
//! per pass however the rows are asked for. Different slabs are read at the
//! same time by the threads asking for them (a parallel batch spans several),
//! so decompression uses every core; threads asking for one slab wait for
//! one read of it.

use crate::error::PixtipError;
use crate::images::{ElementType, ImageSource, Pixels};
use std::cell::Cell;
use std::collections::VecDeque;
use std::fmt::Debug;
use std::path::PathBuf;
use std::sync::{Arc, Mutex, OnceLock};

/// What a slab holds at most, unless one chunk along the first axis holds
/// more: a few MiB, so a parallel batch of rows spans few slabs. Each slab
/// is held up to three times while it is read (bytes, values, kept), so
/// 4 MiB rather than 8 took 30 MiB off the peak of 100,000 float32 64×64
/// images in 256-row chunks.
const SLAB_BYTES: u64 = 4 << 20;
/// Slabs kept behind the last one read.
const KEEP: usize = 4;
/// The most rows a store's array may declare: each row costs the chart's
/// table a few bytes, and a damaged header can declare 2^60 of them (the
/// chunks of a sparse array need not exist, so the file's size says nothing).
const MAX_ROWS: usize = 1 << 24;
/// The most bytes one image or one chunk of a store may declare: 256 MiB.
/// Far below [`MAX_ARRAY_BYTES`](super::MAX_ARRAY_BYTES), because a store's
/// sizes need not be backed by bytes in its files (unwritten chunks read as
/// fill values, compressed ones inflate): fuzzing found a damaged HDF5 file
/// of 39 KB declaring images of 6 × 33,554,437 float32, which made a reader
/// held to 4 GiB per image grow past 15 GB. A few slabs of 256 MiB at most
/// are kept, and an image is also converted to float64 for drawing.
pub(crate) const MAX_STORE_BYTES: u64 = 256 << 20;

/// A store's array, read by slabs of rows.
pub(crate) trait SlabReader: Send + Sync + Debug {
    /// The rows `rows` (a range of the first axis) as one array whose first
    /// axis counts them; errors are one line, without the file's name.
    fn read_rows(&self, rows: std::ops::Range<usize>) -> Result<Pixels, String>;
}

/// How a store's array is laid out, as its reader checked it.
#[derive(Debug, Clone)]
pub(crate) struct Layout {
    /// The file (HDF5) or store folder (Zarr), for messages.
    pub(crate) path: PathBuf,
    /// How messages name the array in the file (`dataset `/cells``).
    pub(crate) name: String,
    /// Rows: the first axis, or 1 for a single `H×W` image.
    pub(crate) rows: usize,
    /// The element type of every value.
    pub(crate) element: ElementType,
    /// One image's bytes.
    pub(crate) image_bytes: u64,
    /// The chunk's length along the first axis (1 when not chunked).
    pub(crate) chunk_rows: usize,
}

/// How many rows a slab holds: whole chunks along the first axis, about
/// [`SLAB_BYTES`] of them.
fn slab_rows(layout: &Layout) -> usize {
    let chunk = layout.chunk_rows.max(1);
    let chunk_bytes = layout.image_bytes.saturating_mul(chunk as u64).max(1);
    let chunks = usize::try_from(SLAB_BYTES / chunk_bytes)
        .unwrap_or(1)
        .max(1);
    chunk.saturating_mul(chunks)
}

thread_local! {
    /// Whether this thread is inside a [`SlabReader::read_rows`].
    static READING: Cell<bool> = const { Cell::new(false) };
}

/// Marks this thread as reading a slab until dropped (also on panic).
struct Reading(bool);

impl Reading {
    fn start() -> Reading {
        Reading(READING.with(|r| r.replace(true)))
    }
}

impl Drop for Reading {
    fn drop(&mut self) {
        READING.with(|r| r.set(self.0));
    }
}

/// A slab being read or read: its pixels, or why it could not be.
type SlabCell = Arc<OnceLock<Result<Arc<Pixels>, String>>>;

/// An [`ImageSource`] over a [`SlabReader`].
pub(crate) struct SlabStack<R: SlabReader> {
    layout: Layout,
    slab_rows: usize,
    /// Rank 2 arrays are one image: the slab is the image itself.
    single: bool,
    reader: R,
    /// The last few slabs asked for, by first row.
    kept: Mutex<VecDeque<(usize, SlabCell)>>,
}

impl<R: SlabReader> Debug for SlabStack<R> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SlabStack")
            .field("layout", &self.layout)
            .field("slab_rows", &self.slab_rows)
            .field("reader", &self.reader)
            .finish_non_exhaustive()
    }
}

impl<R: SlabReader> SlabStack<R> {
    /// A stack of `layout.rows` images; `single` when the array is one
    /// `H×W[×C]` image rather than a stack.
    pub(crate) fn new(layout: Layout, single: bool, reader: R) -> SlabStack<R> {
        SlabStack {
            slab_rows: slab_rows(&layout),
            layout,
            single,
            reader,
            kept: Mutex::new(VecDeque::new()),
        }
    }

    fn bad(&self, message: String) -> PixtipError {
        PixtipError::bad_file(
            &self.layout.path,
            format!("{}: {message}", self.layout.name),
        )
    }

    /// The slab holding `row`, and its first row. The list of kept slabs is
    /// locked only to find or add the slab's cell; the read itself happens
    /// outside it, so other threads read other slabs meanwhile.
    fn slab_of(&self, row: usize) -> Result<(usize, Arc<Pixels>), PixtipError> {
        let start = row / self.slab_rows * self.slab_rows;
        let cell = {
            let mut kept = self
                .kept
                .lock()
                .map_err(|_| self.bad("an earlier read failed".into()))?;
            match kept.iter().find(|(s, _)| *s == start) {
                Some((_, cell)) => cell.clone(),
                None => {
                    if kept.len() >= KEEP {
                        kept.pop_front();
                    }
                    let cell = SlabCell::default();
                    kept.push_back((start, cell.clone()));
                    cell
                }
            }
        };
        let slab = cell.get_or_init(|| self.read_slab(start));
        match slab {
            Ok(slab) => Ok((start, slab.clone())),
            Err(message) => Err(self.bad(message.clone())),
        }
    }

    /// Reads the slab starting at row `start` and checks its row count.
    fn read_slab(&self, start: usize) -> Result<Arc<Pixels>, String> {
        let end = start.saturating_add(self.slab_rows).min(self.layout.rows);
        let rows = if self.single { 0..1 } else { start..end };
        let slab = {
            let _reading = Reading::start();
            self.reader.read_rows(rows)?
        };
        if !self.single && slab.shape().first() != Some(&(end - start)) {
            return Err(format!(
                "rows {start}..{end} came back with shape {:?}",
                slab.shape()
            ));
        }
        Ok(Arc::new(slab))
    }
}

impl<R: SlabReader> ImageSource for SlabStack<R> {
    fn len(&self) -> usize {
        self.layout.rows
    }

    fn element_type(&self) -> Option<ElementType> {
        Some(self.layout.element)
    }

    fn image(&self, row: usize) -> Result<Pixels, PixtipError> {
        if row >= self.layout.rows {
            return Err(PixtipError::RowOutOfRange {
                row,
                rows: self.layout.rows,
            });
        }
        if READING.with(Cell::get) {
            // A row asked for by a rayon task this thread took up while a
            // reader (zarrs decodes chunks on the pool) waits in it: waiting
            // for the slab being read would wait for this thread itself.
            let rows = if self.single { 0..1 } else { row..row + 1 };
            let one = self.reader.read_rows(rows).map_err(|m| self.bad(m))?;
            return Ok(if self.single { one } else { one.index_axis0(0) });
        }
        let (start, slab) = self.slab_of(row)?;
        if self.single {
            return Ok(slab.as_ref().clone());
        }
        Ok(slab.index_axis0(row - start))
    }

    fn origin(&self) -> String {
        format!("{}:{}", self.layout.path.display(), self.layout.name)
    }
}

/// A stack's rows and one image's shape, from the array's shape (as
/// `.npy`'s: `H×W` one image, `N×H×W` gray, `N×H×W×3|4` colour, `N×D×H×W`
/// volumes), its element type, and one image's bytes, after checking that
/// one image fits in [`MAX_STORE_BYTES`].
pub(crate) fn image_layout(
    shape: &[usize],
    element: ElementType,
) -> Result<(usize, Vec<usize>, u64), String> {
    let (rows, image) = match shape.len() {
        2 => (1, shape.to_vec()),
        3 | 4 => (shape[0], shape[1..].to_vec()),
        n => {
            return Err(format!(
                "has shape {shape:?} ({n}-D), not images: expected H×W, N×H×W, N×H×W×3|4 or N×D×H×W"
            ));
        }
    };
    if rows > MAX_ROWS {
        return Err(format!(
            "declares {rows} images, more than the {MAX_ROWS} read from one array"
        ));
    }
    let bytes = bytes_within_limit(&image, element).ok_or_else(|| {
        format!(
            "declares images of shape {image:?} of {element}, over the limit of {} bytes each",
            MAX_STORE_BYTES
        )
    })?;
    Ok((rows, image, bytes))
}

/// The bytes of a block of `dims` values of `element`, when they fit in
/// [`MAX_STORE_BYTES`].
fn bytes_within_limit(dims: &[usize], element: ElementType) -> Option<u64> {
    dims.iter()
        .try_fold(element.size() as u64, |acc, &d| acc.checked_mul(d as u64))
        .filter(|&b| b <= MAX_STORE_BYTES)
}

/// Checks that one chunk of `chunk` values of `element` fits in
/// [`MAX_STORE_BYTES`] before a reader decodes one.
pub(crate) fn check_chunk(chunk: &[usize], element: ElementType) -> Result<(), String> {
    bytes_within_limit(chunk, element)
        .map(|_| ())
        .ok_or_else(|| {
            format!(
                "declares chunks of shape {chunk:?} of {element}, over the limit of {} bytes each",
                MAX_STORE_BYTES
            )
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_damaged_header_declaring_2_to_the_60_rows_is_refused_before_any_allocation() {
        let Err(message) = image_layout(&[1 << 60, 6, 5], ElementType::U8) else {
            panic!("2^60 rows were accepted");
        };
        assert!(message.contains("more than the 16777216"), "{message}");
        let Err(message) = image_layout(&[2, 1 << 31, 1 << 31], ElementType::F64) else {
            panic!("a 2^65-byte image was accepted");
        };
        assert!(message.contains("over the limit"), "{message}");
        // What the fuzzer's damaged file declared: 805 MB images.
        let Err(message) = image_layout(&[5, 6, 33_554_437], ElementType::F32) else {
            panic!("an 805 MB image was accepted from a store");
        };
        assert!(message.contains("268435456"), "{message}");
        assert!(image_layout(&[5, 8192, 8192], ElementType::F32).is_ok());
        assert_eq!(
            image_layout(&[3, 6, 5, 3], ElementType::U16),
            Ok((3, vec![6, 5, 3], 180))
        );
        assert_eq!(
            image_layout(&[6, 5], ElementType::U8),
            Ok((1, vec![6, 5], 30))
        );
    }
}
