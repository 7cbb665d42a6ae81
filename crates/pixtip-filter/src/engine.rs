//! Runs 1-D filters along axes of an N-D array, one axis after the other.
//!
//! The result is a standard-layout array. Each pass looks at it as a 3-D
//! block `(outer, n, inner)` with the filtered axis in the middle, cuts it
//! into tasks of a few neighbouring lines, and for each task gathers the lines
//! into a padded `f64` buffer (boundary samples filled in per the mode),
//! filters the buffer and scatters the results back. Along a strided axis a
//! task takes a few adjacent lines, which share cache lines and are
//! filtered together in SIMD; along the contiguous last axis lines are
//! taken in transposed groups, so that the same SIMD runs across lines (a
//! line filtered on its own reads its shifted windows with loads that
//! straddle cache lines: the 96 x 96 Gaussian took 55 us that way, 38 to
//! 50 us transposed). Tasks run in parallel with rayon
//! once the array is large enough to pay for it. When the first two passes
//! are running means down and then along the last two axes (a 2-D
//! `uniform_filter`), [`crate::sweep`] runs both in one sweep instead; when
//! they are correlations (a 2-D `gaussian_filter`), [`crate::bands`] does.

use crate::bands::correlate_planes;
use crate::element::Element;
use crate::gather::{gather, scatter};
use crate::mode::Source;
use crate::pass::{AxisPass, LineFilter, PassPair};
use crate::scratch::aligned;
use crate::sweep::mean_planes;
use ndarray::{
    Array, ArrayRef, ArrayView2, ArrayView3, ArrayViewMut2, ArrayViewMut3, Axis, Dimension, Ix3,
};
use rayon::prelude::*;

/// Arrays with fewer elements than this are filtered on the calling thread.
const PARALLEL_THRESHOLD: usize = 1 << 16;
/// Samples in one task's padded buffer along a strided axis: small enough
/// to stay in the L2 cache next to the output buffer.
const STRIDED_BUFFER: usize = 1 << 14;
/// Bounds on the lines filtered together along a strided axis: at least a
/// cache line of `f64`, at most a few of them.
const STRIDED_WIDTH: (usize, usize) = (16, 64);
/// Columns per task when a strided running mean reads `f64` source rows in
/// place (see [`crate::rows`]).
const DIRECT_WIDTH: usize = 256;
/// Lines of the contiguous axis transposed into one task.
const TRANSPOSED_WIDTH: usize = 32;

/// Reusable per-thread buffers.
#[derive(Default)]
struct Buffers {
    ext: Vec<f64>,
    out: Vec<f64>,
    scratch: Vec<f64>,
}

/// Applies `passes` in order to `input` and returns the result in standard
/// layout. An empty pass list returns a copy.
pub(crate) fn run<T: Element, D: Dimension>(
    input: &ArrayRef<T, D>,
    passes: &[AxisPass],
    cval: f64,
) -> Array<T, D> {
    let mut out = crate::output::zeros(input.raw_dim());
    if passes.is_empty() || input.is_empty() {
        out.assign(input);
        return out;
    }
    let shape = input.shape().to_vec();
    let mut skip = 0;
    if let Some((source, kind)) = two_axis_source(input, passes) {
        let Some(dst) = out.as_slice_mut() else {
            unreachable!("a freshly allocated array is contiguous");
        };
        let dst = ArrayViewMut3::from_shape(source.dim(), dst)
            .unwrap_or_else(|_| unreachable!("shape matches the allocation"));
        let parallel = source.len() >= PARALLEL_THRESHOLD && rayon::current_num_threads() > 1;
        let pair = PassPair {
            down: &passes[0],
            along: &passes[1],
            cval,
            parallel,
        };
        match kind {
            TwoAxis::Means => mean_planes(source, dst, &pair),
            TwoAxis::Correlations => correlate_planes(source, dst, &pair),
        }
        skip = 2;
    }
    for (index, pass) in passes.iter().enumerate().skip(skip) {
        let (outer, n, inner) = geometry(&shape, pass.axis);
        let source = if index == 0 {
            view3(input, pass.axis, (outer, n, inner))
        } else {
            None
        };
        if index == 0 && source.is_none() {
            out.assign(input);
        }
        let Some(dst) = out.as_slice_mut() else {
            unreachable!("a freshly allocated array is contiguous");
        };
        let dst = ArrayViewMut3::from_shape((outer, n, inner), dst)
            .unwrap_or_else(|_| unreachable!("shape matches the allocation"));
        run_pass(source, dst, pass, cval);
    }
    out
}

/// Two passes run together in one sweep of the array.
enum TwoAxis {
    /// Running means: [`crate::sweep`].
    Means,
    /// Correlations: [`crate::bands`].
    Correlations,
}

/// The input as `(outer, rows, columns)` when the first two passes are both
/// running means or both correlations, down and then along its last two
/// axes, and its rows are contiguous: then they run together.
fn two_axis_source<'a, T: Element, D: Dimension>(
    input: &'a ArrayRef<T, D>,
    passes: &[AxisPass],
) -> Option<(ArrayView3<'a, T>, TwoAxis)> {
    let ndim = input.ndim();
    let [first, second, ..] = passes else {
        return None;
    };
    let kind = match (&first.filter, &second.filter) {
        (LineFilter::Mean { .. }, LineFilter::Mean { .. }) => TwoAxis::Means,
        (LineFilter::Correlate { .. }, LineFilter::Correlate { .. }) => TwoAxis::Correlations,
        _ => return None,
    };
    if !(ndim >= 2 && first.axis == ndim - 2 && second.axis == ndim - 1) {
        return None;
    }
    let shape = input.shape();
    let outer = shape[..ndim - 2].iter().product();
    let view = view3(input, ndim - 2, (outer, shape[ndim - 2], shape[ndim - 1]))?;
    (view.strides()[2] == 1).then_some((view, kind))
}

/// `(product of axes before, length of axis, product of axes after)`.
fn geometry(shape: &[usize], axis: usize) -> (usize, usize, usize) {
    let outer = shape[..axis].iter().product();
    let inner = shape[axis + 1..].iter().product();
    (outer, shape[axis], inner)
}

/// The input seen as `(outer, n, inner)` without copying, when its strides
/// allow it: any standard-layout array, and 1-D or 2-D arrays of any strides.
fn view3<'a, T: Element, D: Dimension>(
    input: &'a ArrayRef<T, D>,
    axis: usize,
    shape: (usize, usize, usize),
) -> Option<ArrayView3<'a, T>> {
    if input.is_standard_layout() {
        return input.view().into_shape_with_order(shape).ok();
    }
    let view = input.view().into_dyn();
    let view = match (input.ndim(), axis) {
        (1, _) => view.insert_axis(Axis(0)).insert_axis(Axis(2)),
        (2, 0) => view.insert_axis(Axis(0)),
        (2, _) => view.insert_axis(Axis(2)),
        _ => return None,
    };
    view.into_dimensionality::<Ix3>().ok()
}

/// A unit of work: `n x w` lines in `(position, line)` order, read from
/// `source` (or from `target` itself when filtering in place).
type Task<'a, T> = (Option<ArrayView2<'a, T>>, ArrayViewMut2<'a, T>);

fn run_pass<T: Element>(
    source: Option<ArrayView3<'_, T>>,
    dst: ArrayViewMut3<'_, T>,
    pass: &AxisPass,
    cval: f64,
) {
    let (outer, n, inner) = dst.dim();
    let parallel = outer * n * inner >= PARALLEL_THRESHOLD && rayon::current_num_threads() > 1;
    let (before, after) = pass.padding();
    // A running mean from a separate f64 source with contiguous rows reads
    // the rows in place (see `crate::rows`).
    let direct = inner > 1
        && matches!(pass.filter, LineFilter::Mean { .. })
        && source
            .as_ref()
            .is_some_and(|s| s.strides()[2] == 1 && T::as_f64_slice(&[]).is_some());
    let width = if direct {
        DIRECT_WIDTH
    } else {
        (STRIDED_BUFFER / (before + n + after)).clamp(STRIDED_WIDTH.0, STRIDED_WIDTH.1)
    };
    let tasks = make_tasks(source, dst, width);
    // Where each padded row comes from: the same for every line of the pass.
    let padding: Vec<(usize, Source)> = (0..before)
        .map(|p| (p, p as isize - before as isize))
        .chain((0..after).map(|p| (before + n + p, (n + p) as isize)))
        .map(|(row, position)| (row, pass.mode.source(position, n)))
        .collect();
    let work = |buffers: &mut Buffers, (src, mut target): Task<'_, T>| {
        if direct
            && let Some(src) = &src
            && filter_in_place_rows(src, &mut target, pass, cval)
        {
            return;
        }
        filter_block(src, target, pass, &padding, cval, buffers);
    };
    if parallel {
        tasks.into_par_iter().for_each_init(Buffers::default, work);
    } else {
        let mut buffers = Buffers::default();
        for task in tasks {
            work(&mut buffers, task);
        }
    }
}

/// Cuts the pass into tasks of neighbouring lines, each as an `(n, w)` view.
fn make_tasks<'a, T: Element>(
    source: Option<ArrayView3<'a, T>>,
    dst: ArrayViewMut3<'a, T>,
    strided_width: usize,
) -> Vec<Task<'a, T>> {
    let (_, _, inner) = dst.dim();
    let mut tasks = Vec::new();
    if inner == 1 {
        // Lines run along the contiguous axis: group whole lines.
        let width = TRANSPOSED_WIDTH;
        let dst_chunks = dst
            .index_axis_move(Axis(2), 0)
            .into_axis_chunks_iter_mut(Axis(0), width);
        match source.map(|s| s.index_axis_move(Axis(2), 0)) {
            Some(src) => {
                for (s, d) in src.into_axis_chunks_iter(Axis(0), width).zip(dst_chunks) {
                    tasks.push((Some(s.reversed_axes()), d.reversed_axes()));
                }
            }
            None => tasks.extend(dst_chunks.map(|d| (None, d.reversed_axes()))),
        }
    } else {
        // Lines cross the contiguous axis: take `strided_width` side by side.
        let dst_planes = dst.into_outer_iter_mut();
        match source {
            Some(src) => {
                for (s, d) in src.into_outer_iter().zip(dst_planes) {
                    let chunks = s.into_axis_chunks_iter(Axis(1), strided_width);
                    for (sc, dc) in chunks.zip(d.into_axis_chunks_iter_mut(Axis(1), strided_width))
                    {
                        tasks.push((Some(sc), dc));
                    }
                }
            }
            None => {
                for d in dst_planes {
                    tasks.extend(
                        d.into_axis_chunks_iter_mut(Axis(1), strided_width)
                            .map(|dc| (None, dc)),
                    );
                }
            }
        }
    }
    tasks
}

/// Filters the `w` lines of an `(n, w)` block: gather, pad, filter, scatter.
fn filter_block<T: Element>(
    source: Option<ArrayView2<'_, T>>,
    target: ArrayViewMut2<'_, T>,
    pass: &AxisPass,
    padding: &[(usize, Source)],
    cval: f64,
    buffers: &mut Buffers,
) {
    let (n, width) = target.dim();
    let (before, after) = pass.padding();
    let rows = before + n + after;
    let Buffers { ext, out, scratch } = buffers;
    // Every sample is overwritten below.
    let ext = aligned(ext, rows * width);
    let out = aligned(out, n * width);
    gather(
        source.unwrap_or_else(|| target.view()),
        &mut ext[before * width..],
        width,
    );
    for &(row, source) in padding {
        let start = row * width;
        match source {
            // A plain loop: most rows are one or a few samples wide, too
            // short for a `memmove` call to pay off.
            Source::Index(i) => {
                (0..width).for_each(|c| ext[start + c] = ext[(before + i) * width + c])
            }
            Source::Constant => ext[start..start + width].fill(cval),
        }
    }
    pass.filter.apply(ext, out, width, scratch);
    scatter(out, target);
}

/// Runs [`crate::rows::filter_rows`] when every source and target row of the
/// block is a contiguous `f64` slice; returns `false` (doing nothing) otherwise.
fn filter_in_place_rows<T: Element>(
    source: &ArrayView2<'_, T>,
    target: &mut ArrayViewMut2<'_, T>,
    pass: &AxisPass,
    cval: f64,
) -> bool {
    let rows: Option<Vec<&[f64]>> = source
        .rows()
        .into_iter()
        .map(|row| row.to_slice().and_then(T::as_f64_slice))
        .collect();
    let targets: Option<Vec<&mut [f64]>> = target
        .rows_mut()
        .into_iter()
        .map(|row| row.into_slice().and_then(T::as_f64_slice_mut))
        .collect();
    match (rows, targets) {
        (Some(rows), Some(mut targets)) => {
            crate::rows::filter_rows(&rows, &mut targets, pass, cval);
            true
        }
        _ => false,
    }
}
