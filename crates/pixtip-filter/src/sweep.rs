//! Two running means, down the columns and then along the rows, in one
//! sweep down the rows.
//!
//! `uniform_filter` on an image runs scipy's running mean down every column,
//! then along every row. Pass by pass, that reads and writes the whole array
//! twice, the second time through transposed buffers. Here one sweep goes
//! down the rows: the column sums of output row `r` are those of row `r - 1`
//! plus the entering row minus the leaving one (read `size` rows ago, still
//! in cache), divided into a row of column means, which is filtered along
//! its length at once, while it is in cache, and written out. The array is
//! read from memory once and written once.
//!
//! The arithmetic is scipy's, step for step, so results stay bit-equal:
//! each column's running sum starts at the top and is carried down, so a
//! band of rows cannot start in the middle. In parallel the sweep goes down
//! in bands of rows: the band's columns are split between threads for the
//! column sums, then its rows for the row pass.

use crate::element::Element;
use crate::mode::{Mode, Source};
use crate::pass::{AxisPass, PassPair};
use crate::running_mean::{LINES, differences, divide, prefix_sums};
use multiversion::multiversion;
use ndarray::{ArrayView2, ArrayView3, ArrayViewMut2, ArrayViewMut3, Axis};
use rayon::prelude::*;
use std::ops::Range;

/// Rows per band when the threads share one plane: each band costs two
/// rendezvous of the threads.
const PARALLEL_BAND: usize = 16;
/// Columns per task in a parallel band.
const PARALLEL_COLUMNS: usize = 256;

/// The running means of `pair` from `source`, whose rows must be
/// contiguous, into `target`.
pub(crate) fn mean_planes<T: Element>(
    source: ArrayView3<'_, T>,
    target: ArrayViewMut3<'_, T>,
    pair: &PassPair<'_>,
) {
    let along = Line::of(pair.along, source.dim().2);
    let mut padding: Vec<Pad> = Vec::new();
    let positions =
        (0..along.before).chain(along.before + along.n..along.before + along.n + along.after);
    for p in positions {
        match (along.source(p), padding.last_mut()) {
            (Source::Index(from), _) => padding.push(Pad::Copy { to: p, from }),
            // Runs of cval (mode constant) are filled at once.
            (Source::Constant, Some(Pad::Fill { to })) if to.end == p => to.end += 1,
            (Source::Constant, _) => padding.push(Pad::Fill { to: p..p + 1 }),
        }
    }
    let sweep = Sweep {
        down: Line::of(pair.down, source.dim().1),
        along,
        padding,
        cval: pair.cval,
    };
    let planes = source.outer_iter().zip(target.into_outer_iter_mut());
    let parallel = pair.parallel;
    if parallel && source.dim().0 > 1 {
        let planes: Vec<_> = planes.collect();
        planes
            .into_par_iter()
            .for_each(|(src, dst)| sweep.plane(src, dst, false));
    } else {
        planes.for_each(|(src, dst)| sweep.plane(src, dst, parallel));
    }
}

/// One running mean: window length, padding before the line, boundary mode
/// and line length.
#[derive(Debug, Clone, Copy)]
struct Line {
    size: usize,
    before: usize,
    after: usize,
    mode: Mode,
    n: usize,
}

impl Line {
    fn of(pass: &AxisPass, n: usize) -> Self {
        let (before, after) = pass.padding();
        Self {
            size: pass.filter.len(),
            before,
            after,
            mode: pass.mode,
            n,
        }
    }

    /// Where padded position `p` of the line comes from.
    fn source(&self, p: usize) -> Source {
        self.mode.source(p as isize - self.before as isize, self.n)
    }
}

struct Sweep {
    down: Line,
    along: Line,
    /// How the padded samples of a row are filled: the same for every row.
    padding: Vec<Pad>,
    cval: f64,
}

/// Where padded samples of a row come from.
#[derive(Debug, Clone)]
enum Pad {
    /// Sample `to` of the padded row is sample `from` of the row.
    Copy { to: usize, from: usize },
    /// Samples `to` are `cval`.
    Fill { to: Range<usize> },
}

/// Per-thread buffers for the row pass: the results of `f32` rows before
/// rounding.
#[derive(Default)]
struct RowBuffers {
    out: Vec<f64>,
}

impl Sweep {
    fn plane<T: Element>(
        &self,
        src: ArrayView2<'_, T>,
        mut dst: ArrayViewMut2<'_, T>,
        parallel: bool,
    ) {
        // Row slices, and where each padded row of the column pass comes
        // from, looked up once per plane.
        let (n0, n1) = src.dim();
        let src = Rows {
            rows: src
                .outer_iter()
                .map(|row| {
                    row.to_slice().unwrap_or_else(|| {
                        unreachable!("the caller checked that rows are contiguous")
                    })
                })
                .collect(),
            sources: (0..n0 + self.down.size - 1)
                .map(|p| self.down.source(p))
                .collect(),
            cval: vec![self.cval; n1],
        };
        // Sequentially, a band is the few rows whose running sums along the
        // row interleave (see `prefix_sums`).
        let band = if parallel { PARALLEL_BAND } else { LINES };
        let padded = self.along.before + n1 + self.along.after;
        let mut sums = vec![0.0; n1];
        // The column means of a band, each row already inside its padding
        // for the row pass.
        let mut mid = vec![0.0; band.min(n0) * padded];
        let mut buffers = RowBuffers::default();
        let Some(dst) = dst.as_slice_mut() else {
            unreachable!("the target is in standard layout");
        };
        let mut rows = 0..0;
        for dst_band in dst.chunks_mut(band * n1) {
            rows = rows.end..(rows.end + band).min(n0);
            let mid = &mut mid[..rows.len() * padded];
            let mut mid_view = ArrayViewMut2::from_shape((rows.len(), padded), &mut *mid)
                .unwrap_or_else(|_| unreachable!("band buffer shape"));
            let inside = self.along.before..self.along.before + n1;
            mid_view.slice_axis_inplace(Axis(1), inside.into());
            if parallel {
                let mut tasks: Vec<(Range<usize>, &mut [f64], ArrayViewMut2<'_, f64>)> = Vec::new();
                let chunks = sums
                    .chunks_mut(PARALLEL_COLUMNS)
                    .zip(mid_view.into_axis_chunks_iter_mut(Axis(1), PARALLEL_COLUMNS));
                for (i, (s, m)) in chunks.enumerate() {
                    let start = i * PARALLEL_COLUMNS;
                    tasks.push((start..start + s.len(), s, m));
                }
                tasks
                    .into_par_iter()
                    .for_each_init(ColumnBuffers::default, |b, (c, s, m)| {
                        self.column_means(&src, rows.clone(), c, s, m, b)
                    });
                dst_band
                    .par_chunks_mut(LINES * n1)
                    .zip(mid.par_chunks_mut(LINES * padded))
                    .for_each_init(RowBuffers::default, |b, (d, m)| self.row_means(m, d, b));
            } else {
                let mut columns = ColumnBuffers::default();
                self.column_means(&src, rows.clone(), 0..n1, &mut sums, mid_view, &mut columns);
                self.row_means(mid, dst_band, &mut buffers);
            }
        }
    }

    /// The column means of output rows `rows`, columns `columns`, into the
    /// rows of `mid`; `sums` carries each column's running sum from band to
    /// band (and starts empty).
    fn column_means<T: Element>(
        &self,
        src: &Rows<'_, T>,
        rows: Range<usize>,
        columns: Range<usize>,
        sums: &mut [f64],
        mut mid: ArrayViewMut2<'_, f64>,
        buffers: &mut ColumnBuffers,
    ) {
        let line = &self.down;
        let divisor = line.size as f64;
        for (r, mut mid_row) in rows.clone().zip(mid.outer_iter_mut()) {
            let Some(mid_row) = mid_row.as_slice_mut() else {
                unreachable!("band rows are contiguous");
            };
            if r == 0 {
                for p in 0..line.size {
                    let row = src.row(p, &columns, &mut buffers.entering);
                    accumulate(sums, row);
                }
                divide_into(sums, mid_row, divisor);
            } else {
                let ColumnBuffers { entering, leaving } = buffers;
                let e = src.row(r - 1 + line.size, &columns, entering);
                let l = src.row(r - 1, &columns, leaving);
                step(sums, e, l, mid_row, divisor);
            }
            if T::as_f64_slice(&[]).is_none() {
                // scipy stores the first pass in the output array: round.
                mid_row
                    .iter_mut()
                    .for_each(|v| *v = T::from_f64(*v).to_f64());
            }
        }
    }

    /// The running means along rows of column means (`ext`, a few rows of
    /// `n` samples, each inside room for its padding), written to the same
    /// rows of `dst`.
    fn row_means<T: Element>(&self, ext: &mut [f64], dst: &mut [T], buffers: &mut RowBuffers) {
        let line = &self.along;
        let n = line.n;
        let padded = line.before + n + line.after;
        let rows = dst.len() / n;
        let RowBuffers { out } = buffers;
        let ext = &mut ext[..rows * padded];
        for ext in ext.chunks_exact_mut(padded) {
            for pad in &self.padding {
                match *pad {
                    Pad::Copy { to, from } => ext[to] = ext[line.before + from],
                    Pad::Fill { ref to } => ext[to.clone()].fill(self.cval),
                }
            }
        }
        let convert = T::as_f64_slice(&[]).is_none();
        let sums: &mut [f64] = match T::as_f64_slice_mut(dst) {
            Some(dst) => dst,
            None => {
                out.resize(rows * n, 0.0);
                out
            }
        };
        for (ext, sums) in ext.chunks_exact(padded).zip(sums.chunks_exact_mut(n)) {
            differences(ext, sums, line.size);
        }
        let mut lines = sums.chunks_exact_mut(n);
        while lines.len() >= LINES {
            let mut group: [&mut [f64]; LINES] =
                std::array::from_fn(|_| lines.next().unwrap_or_else(|| unreachable!()));
            prefix_sums(&mut group);
        }
        for line in lines {
            prefix_sums(&mut [line]);
        }
        divide(sums, line.size as f64);
        if convert {
            for (d, v) in dst.iter_mut().zip(out.iter()) {
                *d = T::from_f64(*v);
            }
        }
    }
}

/// The source rows of one plane, as the column pass reads them.
struct Rows<'a, T> {
    rows: Vec<&'a [T]>,
    /// The source of each padded position of a column.
    sources: Vec<Source>,
    /// A row of `cval`.
    cval: Vec<f64>,
}

impl<'a, T: Element> Rows<'a, T> {
    /// Columns `columns` of padded row `p` as `f64`, converted into
    /// `buffer` when the elements are not `f64`.
    fn row<'b>(&'b self, p: usize, columns: &Range<usize>, buffer: &'b mut Vec<f64>) -> &'b [f64] {
        match self.sources[p] {
            Source::Index(i) => {
                let row = &self.rows[i][columns.clone()];
                if let Some(row) = T::as_f64_slice(row) {
                    return row;
                }
                buffer.clear();
                buffer.extend(row.iter().map(|v| v.to_f64()));
                buffer
            }
            Source::Constant => &self.cval[columns.clone()],
        }
    }
}

/// Conversion buffers for the entering and leaving rows of `f32` input.
#[derive(Default)]
struct ColumnBuffers {
    entering: Vec<f64>,
    leaving: Vec<f64>,
}

/// `mid = sums / divisor`.
#[multiversion(targets(
    "x86_64+avx512f+avx512vl+avx512dq+avx2+fma",
    "x86_64+avx2+fma",
    "x86_64+avx",
    "aarch64+neon"
))]
fn divide_into(sums: &[f64], mid: &mut [f64], divisor: f64) {
    for (m, s) in mid.iter_mut().zip(sums) {
        *m = s / divisor;
    }
}

/// `sums += row`, the first window's sums one row at a time.
#[multiversion(targets(
    "x86_64+avx512f+avx512vl+avx512dq+avx2+fma",
    "x86_64+avx2+fma",
    "x86_64+avx",
    "aarch64+neon"
))]
fn accumulate(sums: &mut [f64], row: &[f64]) {
    for (sum, v) in sums.iter_mut().zip(row) {
        *sum += v;
    }
}

/// One step of scipy's running sum for many columns: `sum += entering -
/// leaving`, then `mid = sum / divisor`.
#[multiversion(targets(
    "x86_64+avx512f+avx512vl+avx512dq+avx2+fma",
    "x86_64+avx2+fma",
    "x86_64+avx",
    "aarch64+neon"
))]
fn step(sums: &mut [f64], entering: &[f64], leaving: &[f64], mid: &mut [f64], divisor: f64) {
    for (((sum, m), e), l) in sums.iter_mut().zip(mid).zip(entering).zip(leaving) {
        *sum += e - l;
        *m = *sum / divisor;
    }
}
