//! HDF5 chunks read from the file and inflated by pixtip itself, so that
//! every core decompresses: libhdf5 runs one call at a time under a global
//! lock, and inflating a gzip dataset through it used one core (measured:
//! h5py took 11.6 s for 100,000 64×64 float32 images in 256-row gzip-4
//! chunks, most of it in zlib).
//!
//! Only the pipelines HDF5 writes most (none, gzip, shuffle, shuffle then
//! gzip) over chunks of whole images are read this way; libhdf5 is asked
//! only where each chunk lies. Anything else — other filters, a chunk
//! stored with a filter skipped, a chunk never written (fill values) — is
//! read by the library as before.
//!
//! The default scaling reads a column twice (once for its range, once to
//! draw it), so each chunk is inflated twice. Keeping the inflated chunks
//! in a temporary file for the second pass was tried and measured slower on
//! this project's machines: writing 1.6 GB of them cost 25 s of system time
//! against 5 s of inflating (100,000 float32 64×64 images, Intel Xeon VM).
//! Inflating is most of the time left (46% of the CPU time of that chart,
//! by `perf`): float noise compresses little and decodes as literals.
//!
//! A thread keeps its buffers and its decompressor from chunk to chunk,
//! and unshuffles straight into the slab's bytes.

use super::npy::decode;
use super::npy_header::ByteOrder;
use crate::images::{ElementType, Pixels};
use crate::read_at::read_at;
use hdf5::filters::Filter;
use hdf5::{Dataset, Datatype};
use hdf5_metno as hdf5;
use hdf5_metno_sys::h5d::H5Dget_chunk_info_by_coord;
use std::fs::File;
use std::ops::Range;
use std::path::Path;

/// Where libhdf5 says a chunk was never written.
const UNDEFINED_ADDRESS: u64 = u64::MAX;

/// A dataset's chunks, read raw from its file.
#[derive(Debug)]
pub(super) struct RawChunks {
    file: File,
    element: ElementType,
    order: ByteOrder,
    shuffle: bool,
    deflate: bool,
    /// Rows per chunk (the chunk's first axis).
    chunk_rows: usize,
    image_shape: Vec<usize>,
    image_bytes: usize,
}

/// A chunk as stored: where, how long, and which filters were skipped.
struct StoredChunk {
    address: u64,
    size: u64,
    filter_mask: u32,
}

impl RawChunks {
    /// The raw reader of `data`, when its layout and filters are ones pixtip
    /// undoes itself; `None` leaves the dataset to the library.
    pub(super) fn new(
        path: &Path,
        data: &Dataset,
        element: ElementType,
        shape: &[usize],
        chunk: Option<&[usize]>,
    ) -> Option<RawChunks> {
        let chunk = chunk?;
        // Stacks whose chunks hold whole images: `k×H×W[×C]`.
        if !matches!(shape.len(), 3 | 4) || chunk.len() != shape.len() || chunk[1..] != shape[1..] {
            return None;
        }
        let (shuffle, deflate) = match data.filters().as_slice() {
            [] => (false, false),
            [Filter::Deflate(_)] => (false, true),
            [Filter::Shuffle] => (true, false),
            [Filter::Shuffle, Filter::Deflate(_)] => (true, true),
            _ => return None,
        };
        let order = byte_order(&data.dtype().ok()?, element)?;
        let image_bytes = shape[1..]
            .iter()
            .try_fold(element.size(), |acc, &d| acc.checked_mul(d))?;
        Some(RawChunks {
            file: File::open(path).ok()?,
            element,
            order,
            shuffle,
            deflate,
            chunk_rows: chunk[0].max(1),
            image_shape: shape[1..].to_vec(),
            image_bytes,
        })
    }

    /// Rows `rows` of the dataset, or `None` when one of their chunks must be
    /// left to the library (never written, or stored with a filter skipped).
    pub(super) fn read(
        &self,
        data: &Dataset,
        rows: Range<usize>,
    ) -> Result<Option<Pixels>, String> {
        let mut bytes = vec![0u8; rows.len().saturating_mul(self.image_bytes)];
        let mut first = rows.start / self.chunk_rows * self.chunk_rows;
        while first < rows.end {
            let from = rows.start.max(first) - first;
            let to = rows.end.min(first + self.chunk_rows) - first;
            let at = (first + from - rows.start) * self.image_bytes;
            let into = &mut bytes[at..at + (to - from) * self.image_bytes];
            if !SCRATCH
                .with_borrow_mut(|scratch| self.chunk_into(data, first, from..to, into, scratch))?
            {
                return Ok(None);
            }
            first += self.chunk_rows;
        }
        let mut shape = vec![rows.len()];
        shape.extend_from_slice(&self.image_shape);
        decode(self.element, self.order, &bytes, &shape, false).map(Some)
    }

    /// Copies the rows `rows` (counted from the chunk's first) of the chunk
    /// starting at row `first` into `into`, read from the file and
    /// unfiltered in `scratch`; `false` when the chunk is the library's to read.
    fn chunk_into(
        &self,
        data: &Dataset,
        first: usize,
        rows: Range<usize>,
        into: &mut [u8],
        scratch: &mut Scratch,
    ) -> Result<bool, String> {
        let expected = self.chunk_rows * self.image_bytes;
        let stored = locate(data, first, self.image_shape.len() + 1)?;
        if stored.address == UNDEFINED_ADDRESS || stored.filter_mask != 0 {
            return Ok(false);
        }
        let at = || format!("the chunk at row {first}");
        // Deflate can add a few bytes to data it cannot shrink: allow 1%.
        let most = expected as u64 + expected as u64 / 100 + 1024;
        if stored.size > most {
            return Err(format!(
                "{} is stored in {} bytes, more than its {expected} bytes of values need",
                at(),
                stored.size
            ));
        }
        if !self.deflate && stored.size != expected as u64 {
            return Err(format!(
                "{} holds {} bytes, not the {expected} its shape declares",
                at(),
                stored.size
            ));
        }
        let raw = scratch.stored(stored.size as usize);
        read_at(&self.file, raw, stored.address).map_err(|e| {
            format!(
                "{} ({} bytes at offset {}) cannot be read: {e}",
                at(),
                stored.size,
                stored.address
            )
        })?;
        let values: &[u8] = if self.deflate {
            let length = scratch
                .inflate(stored.size as usize, expected)
                .map_err(|e| match e {
                    libdeflater::DecompressionError::InsufficientSpace => format!(
                        "{} inflates to more than the {expected} bytes its shape declares",
                        at()
                    ),
                    libdeflater::DecompressionError::BadData => {
                        format!("{} is not valid gzip (zlib) data", at())
                    }
                })?;
            if length != expected {
                return Err(format!(
                    "{} inflates to {length} bytes, not the {expected} its shape declares",
                    at()
                ));
            }
            &scratch.inflated[..expected]
        } else {
            &scratch.raw[..expected]
        };
        let size = self.element.size();
        let (start, end) = (rows.start * self.image_bytes, rows.end * self.image_bytes);
        if self.shuffle {
            unshuffle_into(values, size, start / size..end / size, into);
        } else {
            into.copy_from_slice(&values[start..end]);
        }
        Ok(true)
    }
}

/// A thread's buffers for chunks as stored and as inflated, and its
/// decompressor, kept from one chunk to the next so that reading a chunk
/// allocates nothing.
#[derive(Default)]
struct Scratch {
    raw: Vec<u8>,
    inflated: Vec<u8>,
    decompressor: Option<libdeflater::Decompressor>,
}

impl Scratch {
    /// The stored bytes' buffer, `length` long.
    fn stored(&mut self, length: usize) -> &mut [u8] {
        self.raw.resize(length, 0);
        &mut self.raw[..length]
    }

    /// Inflates the first `stored` bytes of the stored bytes' buffer (zlib)
    /// into the inflated bytes' buffer, `length` long; the bytes inflated.
    fn inflate(
        &mut self,
        stored: usize,
        length: usize,
    ) -> Result<usize, libdeflater::DecompressionError> {
        self.inflated.resize(length, 0);
        self.decompressor
            .get_or_insert_with(libdeflater::Decompressor::new)
            .zlib_decompress(&self.raw[..stored], &mut self.inflated[..length])
    }
}

thread_local! {
    static SCRATCH: std::cell::RefCell<Scratch> = std::cell::RefCell::default();
}

/// Where the chunk starting at row `first` is stored (libhdf5's index
/// lookup, under the binding's lock).
fn locate(data: &Dataset, first: usize, rank: usize) -> Result<StoredChunk, String> {
    let mut offset = vec![0u64; rank];
    offset[0] = first as u64;
    let (mut filter_mask, mut address, mut size) = (0u32, 0u64, 0u64);
    let status = hdf5::sync::sync(|| {
        // SAFETY: the dataset id is open for `data`'s lifetime, `offset` has
        // one entry per dimension as the call reads, and the outputs are
        // plain integers written once.
        unsafe {
            H5Dget_chunk_info_by_coord(
                data.id(),
                offset.as_ptr(),
                &mut filter_mask,
                &mut address,
                &mut size,
            )
        }
    });
    if status < 0 {
        return Err(format!("the chunk at row {first} cannot be located"));
    }
    Ok(StoredChunk {
        address,
        size,
        filter_mask,
    })
}

/// The byte order to decode `element` in, or `None` for orders pixtip
/// leaves to the library.
fn byte_order(dtype: &Datatype, element: ElementType) -> Option<ByteOrder> {
    if dtype.size() != element.size() {
        return None;
    }
    match (dtype.byte_order(), element.size()) {
        (_, 1) => Some(ByteOrder::Little),
        (hdf5::datatype::ByteOrder::LittleEndian, _) => Some(ByteOrder::Little),
        (hdf5::datatype::ByteOrder::BigEndian, _) => Some(ByteOrder::Big),
        _ => None,
    }
}

/// Undoes HDF5's shuffle filter for the elements `elements` of a chunk:
/// byte `b` of element `e` was stored at `b * count + e` (plane `b`), where
/// `count` is the chunk's whole elements; `into` receives the elements'
/// bytes in order. Chunks of whole images have no bytes past the last
/// element, which the filter would have left unshuffled.
fn unshuffle_into(shuffled: &[u8], size: usize, elements: Range<usize>, into: &mut [u8]) {
    let count = shuffled.len() / size.max(1);
    if size <= 1 {
        into.copy_from_slice(&shuffled[elements]);
        return;
    }
    let planes: Vec<&[u8]> = shuffled[..count * size]
        .chunks_exact(count)
        .map(|plane| &plane[elements.clone()])
        .collect();
    // Element-major writes, one plane byte each: for the common sizes the
    // compiler turns this into a few vector shuffles.
    match size {
        4 => interleave::<4>(&planes, into),
        8 => interleave::<8>(&planes, into),
        2 => interleave::<2>(&planes, into),
        _ => {
            for (b, plane) in planes.iter().enumerate() {
                for (element, &value) in into.chunks_exact_mut(size).zip(plane.iter()) {
                    element[b] = value;
                }
            }
        }
    }
}

/// `into[e * N + b] = planes[b][e]`.
fn interleave<const N: usize>(planes: &[&[u8]], into: &mut [u8]) {
    let planes: [&[u8]; N] = std::array::from_fn(|b| planes[b]);
    for (e, element) in into.chunks_exact_mut(N).enumerate() {
        for b in 0..N {
            element[b] = planes[b][e];
        }
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)] // a failed unwrap is a failed test
mod tests {
    use super::*;

    #[test]
    fn raw_chunks_read_as_libhdf5_reads_them_twice_over() {
        let path =
            Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fixtures/inputs/stores/cells.h5");
        let file = hdf5::File::open(&path).unwrap();
        for name in ["/group/f32", "/group/i16be", "/layout/shuffled"] {
            let data = file.dataset(name).unwrap();
            let shape = data.shape();
            let element = match name {
                "/group/f32" => ElementType::F32,
                "/group/i16be" => ElementType::I16,
                _ => ElementType::U16,
            };
            let chunk = data.chunk();
            let raw = RawChunks::new(&path, &data, element, &shape, chunk.as_deref()).unwrap();
            let first = raw.read(&data, 1..shape[0]).unwrap().unwrap();
            let again = raw.read(&data, 1..shape[0]).unwrap().unwrap();
            // Debug text, as NaN is not equal to itself.
            assert_eq!(format!("{first:?}"), format!("{again:?}"), "{name}");
            let library: ndarray::ArrayD<f64> = data.read_dyn::<f64>().unwrap();
            let ours = first.to_f64();
            let theirs = library.slice(ndarray::s![1.., .., ..]);
            assert!(
                ours.iter()
                    .zip(theirs.iter())
                    .all(|(a, b)| a == b || (a.is_nan() && b.is_nan())),
                "{name}"
            );
        }
    }

    #[test]
    fn unshuffle_gathers_each_elements_bytes_for_any_range_of_elements() {
        // Elements [1 2 3] [4 5 6] as planes 1 4 | 2 5 | 3 6.
        let mut into = [0u8; 6];
        unshuffle_into(&[1, 4, 2, 5, 3, 6], 3, 0..2, &mut into);
        assert_eq!(into, [1, 2, 3, 4, 5, 6]);
        let mut second = [0u8; 3];
        unshuffle_into(&[1, 4, 2, 5, 3, 6], 3, 1..2, &mut second);
        assert_eq!(second, [4, 5, 6]);
        // Elements of 4 and 8 bytes take the interleaving path.
        let elements: Vec<u8> = (0..24).collect();
        for size in [2, 4, 8] {
            let count = elements.len() / size;
            let shuffled: Vec<u8> = (0..size)
                .flat_map(|b| (0..count).map(move |e| (e * size + b) as u8))
                .collect();
            let mut back = vec![0u8; (count - 1) * size];
            unshuffle_into(&shuffled, size, 1..count, &mut back);
            assert_eq!(back, elements[size..], "size {size}");
        }
        let mut same = [0u8; 2];
        unshuffle_into(&[7, 8, 9], 1, 1..3, &mut same);
        assert_eq!(same, [8, 9]);
    }
}
