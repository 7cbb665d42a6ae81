//! Two correlations, down the columns and then along the rows, band by band.
//!
//! `gaussian_filter` on an image correlates down every column, then along
//! every row. Pass by pass, a 2048 x 2048 `f64` image (32 MiB) goes through
//! memory four times: the image is read, the first pass's result written,
//! read back and written again. Here the result is made in bands of
//! [`band_rows`] rows. For each band, the correlation down the columns runs on
//! narrow strips gathered from the band's source rows and the rows around
//! it (the kernel's reach), and its results go straight into the transposed
//! buffer that the row pass reads; the row pass then writes the band's final
//! rows. The first pass's values never leave the cache: the image is read
//! once from memory (the rows a band shares with the next are read again,
//! from the cache) and the result written once. Counted by cachegrind
//! (48 KiB L1, 2 MiB last level) for gaussian_filter 2048 x 2048, sigma 8:
//! 0.92 M last-level misses per call against 2.17 M pass by pass, 5.5 M L1
//! misses against 14.3 M.
//!
//! The padded values and the [`correlate`] calls are those of the pass by
//! pass engine (each output is computed the same way, whatever the strip
//! or band it falls in), so results are the same bit for bit. Bands are
//! independent, so in parallel each thread takes whole bands.

use crate::correlate::correlate;
use crate::element::Element;
use crate::mode::Source;
use crate::pass::{AxisPass, LineFilter, PassPair};
use crate::scratch::aligned;
use crate::transpose::transpose;
use ndarray::{ArrayView2, ArrayView3, ArrayViewMut3};
use rayon::prelude::*;

/// Bytes of source rows a band may read: the rows it shares with the next
/// band must still be in the cache when that band reads them, next to the
/// band's own buffers, in a 2 MiB L2 cache.
const WINDOW_BYTES: usize = 1280 << 10;
/// Bounds on the rows of a band, the lines the row pass filters side by
/// side: at least one AVX-512 register of them, at most the 32 lines the
/// pass-by-pass engine transposes at once.
const BAND_ROWS: (usize, usize) = (8, 32);
/// Columns per strip of the first pass: 80 padded rows of 32 `f64` fill
/// 20 KiB, under half of a 48 KiB L1 data cache.
const STRIP: usize = 32;
/// Positions per chunk of the row pass: 16 KiB of results.
const ROW_CHUNK: usize = 128;

/// Reusable per-thread buffers.
#[derive(Default)]
struct Buffers {
    /// One strip of the band's padded source rows.
    strip: Vec<f64>,
    /// The strip's first-pass results.
    strip_out: Vec<f64>,
    /// The band's first-pass results, transposed and padded for the row pass.
    lines: Vec<f64>,
    /// A chunk of the row pass's results, transposed.
    out: Vec<f64>,
}

impl Buffers {
    /// The bytes the buffers hold.
    fn bytes(&self) -> usize {
        let lens = [&self.strip, &self.strip_out, &self.lines, &self.out].map(Vec::len);
        lens.iter().sum::<usize>() * std::mem::size_of::<f64>()
    }
}

/// The correlations of `pair` from `source`, whose rows must be contiguous,
/// into `target`.
pub(crate) fn correlate_planes<T: Element>(
    source: ArrayView3<'_, T>,
    target: ArrayViewMut3<'_, T>,
    pair: &PassPair<'_>,
) {
    let (down, along) = (pair.down, pair.along);
    let (_, n0, n1) = source.dim();
    let (Some(down_filter), Some(along_filter)) = (Weights::of(down), Weights::of(along)) else {
        unreachable!("the caller checked that both passes are correlations");
    };
    let (before, after) = down.padding();
    let (row_before, row_after) = along.padding();
    let bands = Bands {
        down: down_filter,
        along: along_filter,
        // Where each padded row of a column comes from, for every padded
        // position of the whole column.
        down_sources: (0..before + n0 + after)
            .map(|p| down.mode.source(p as isize - before as isize, n0))
            .collect(),
        row_before,
        row_padding: (0..row_before)
            .chain(row_before + n1..row_before + n1 + row_after)
            .map(|p| {
                let source = along.mode.source(p as isize - row_before as isize, n1);
                (p, source)
            })
            .collect(),
        cval: pair.cval,
        n1,
    };
    let band = band_rows(n1, bands.down.weights.len());
    let Some(dst) = target.into_slice() else {
        unreachable!("a freshly allocated array is contiguous");
    };
    let tasks = source
        .outer_iter()
        .zip(dst.chunks_mut(n0 * n1))
        .flat_map(|(plane, dst)| {
            dst.chunks_mut(band * n1)
                .enumerate()
                .map(move |(i, dst)| (plane, i * band, dst))
        });
    if pair.parallel {
        let tasks: Vec<_> = tasks.collect();
        tasks.into_par_iter().for_each(|(plane, r0, dst)| {
            with_buffers(|buffers| bands.band(plane, r0, dst, buffers))
        });
    } else {
        with_buffers(|buffers| {
            for (plane, r0, dst) in tasks {
                bands.band(plane, r0, dst, buffers);
            }
        });
    }
}

/// Buffers a thread keeps between calls at most; larger ones are freed.
const KEPT_BYTES: usize = 4 << 20;

thread_local! {
    /// Each thread's buffers, kept from call to call: the 96 x 96 tutorial
    /// images are filtered thousands of times, and fresh buffers cost page
    /// faults each time (measured: 7% of the call in `exc_page_fault`).
    static BUFFERS: std::cell::RefCell<Buffers> = std::cell::RefCell::default();
}

/// Runs `work` with this thread's buffers. `work` never reaches back into
/// rayon, so no other band runs on this thread meanwhile.
fn with_buffers(work: impl FnOnce(&mut Buffers)) {
    BUFFERS.with_borrow_mut(|buffers| {
        work(buffers);
        if buffers.bytes() > KEPT_BYTES {
            *buffers = Buffers::default();
        }
    });
}

/// Output rows per band: as many as keep the band's source rows (its own
/// and the kernel's reach above and below) within [`WINDOW_BYTES`], a
/// multiple of 8, within [`BAND_ROWS`]. 2048 `f64` columns and 65 taps: 16
/// rows, reading 80 (1.25 MiB); the 96 x 96 tutorial images: 32 rows.
fn band_rows(n1: usize, taps: usize) -> usize {
    let window = WINDOW_BYTES / (n1.max(1) * std::mem::size_of::<f64>());
    let rows = window.saturating_sub(taps - 1) / 8 * 8;
    rows.clamp(BAND_ROWS.0, BAND_ROWS.1)
}

/// A correlation's weights and folding.
struct Weights<'a> {
    weights: &'a [f64],
    symmetry: crate::kernel::Symmetry,
}

impl<'a> Weights<'a> {
    fn of(pass: &'a AxisPass) -> Option<Self> {
        match &pass.filter {
            LineFilter::Correlate { weights, symmetry } => Some(Self {
                weights,
                symmetry: *symmetry,
            }),
            LineFilter::Mean { .. } => None,
        }
    }

    fn apply(&self, ext: &[f64], out: &mut [f64], width: usize) {
        correlate(ext, out, self.weights, self.symmetry, width);
    }
}

/// What every band of a call shares.
struct Bands<'a> {
    down: Weights<'a>,
    along: Weights<'a>,
    /// The source of each padded position of a column.
    down_sources: Vec<Source>,
    /// Padding before a row (the second pass).
    row_before: usize,
    /// The padded positions of a row outside it, and where they come from.
    row_padding: Vec<(usize, Source)>,
    cval: f64,
    n1: usize,
}

impl Bands<'_> {
    /// Output rows `r0..` of `plane` (as many as `dst` holds) into `dst`.
    fn band<T: Element>(
        &self,
        plane: ArrayView2<'_, T>,
        r0: usize,
        dst: &mut [T],
        buffers: &mut Buffers,
    ) {
        let n1 = self.n1;
        let rows = dst.len() / n1;
        let padded_rows = rows + self.down_sources.len() - plane.nrows();
        let padded_row = self.row_before + n1 + self.row_padding.len();
        let Buffers {
            strip,
            strip_out,
            lines,
            out,
        } = buffers;
        let lines = aligned(lines, padded_row * rows);
        // The band's padded rows: a source row, or `None` for a row of cval.
        let sources: Vec<Option<&[T]>> = self.down_sources[r0..r0 + padded_rows]
            .iter()
            .map(|source| match *source {
                Source::Index(i) => Some(plane.row(i).to_slice().unwrap_or_else(|| {
                    unreachable!("the caller checked that rows are contiguous")
                })),
                Source::Constant => None,
            })
            .collect();
        for c0 in (0..n1).step_by(STRIP) {
            let width = STRIP.min(n1 - c0);
            let ext = aligned(strip, padded_rows * width);
            for (slots, source) in ext.chunks_exact_mut(width).zip(&sources) {
                match source {
                    Some(row) => {
                        let row = &row[c0..c0 + width];
                        match T::as_f64_slice(row) {
                            Some(row) => slots.copy_from_slice(row),
                            None => {
                                for (slot, v) in slots.iter_mut().zip(row) {
                                    *slot = v.to_f64();
                                }
                            }
                        }
                    }
                    None => slots.fill(self.cval),
                }
            }
            let results = aligned(strip_out, rows * width);
            self.down.apply(ext, results, width);
            if T::as_f64_slice(&[]).is_none() {
                // scipy stores the first pass in the output array: round.
                results
                    .iter_mut()
                    .for_each(|v| *v = T::from_f64(*v).to_f64());
            }
            // Row r, column c0 + c of the band becomes sample c0 + c of line r.
            let start = (self.row_before + c0) * rows;
            transpose(results, rows, width, &mut lines[start..], rows);
        }
        for &(p, source) in &self.row_padding {
            let at = p * rows;
            match source {
                Source::Index(i) => lines.copy_within(
                    (self.row_before + i) * rows..(self.row_before + i + 1) * rows,
                    at,
                ),
                Source::Constant => lines[at..at + rows].fill(self.cval),
            }
        }
        // The row pass in chunks of positions, each written out while its
        // results are in the L1 cache.
        let taps = self.along.weights.len();
        for j0 in (0..n1).step_by(ROW_CHUNK) {
            let count = ROW_CHUNK.min(n1 - j0);
            let out = aligned(out, count * rows);
            let ext = &lines[j0 * rows..(j0 + count + taps - 1) * rows];
            self.along.apply(ext, out, rows);
            match T::as_f64_slice_mut(dst) {
                Some(dst) => transpose(out, count, rows, &mut dst[j0..], n1),
                None => {
                    for (r, dst_row) in dst.chunks_exact_mut(n1).enumerate() {
                        let slots = dst_row[j0..j0 + count].iter_mut();
                        for (j, d) in slots.enumerate() {
                            *d = T::from_f64(out[j * rows + r]);
                        }
                    }
                }
            }
        }
    }
}
