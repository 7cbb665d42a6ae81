//! Moving lines between an array and the padded buffers the line kernels
//! read: rows of `width` samples, sample `i` of each of `width` lines.

use crate::element::Element;
use ndarray::{ArrayView1, ArrayView2, ArrayViewMut1, ArrayViewMut2};

/// Copies an `(n, w)` view into rows of `width` samples, walking the view
/// along its smaller stride so that contiguous lines are read as slices.
pub(crate) fn gather<T: Element>(view: ArrayView2<'_, T>, ext: &mut [f64], width: usize) {
    if width == 1 {
        return load(view.column(0), ext.iter_mut());
    }
    if columns_first(view.strides()) {
        for (c, line) in view.columns().into_iter().enumerate() {
            load(line, ext[c..].iter_mut().step_by(width));
        }
    } else {
        for (line, slots) in view.rows().into_iter().zip(ext.chunks_exact_mut(width)) {
            load(line, slots.iter_mut());
        }
    }
}

/// Whether an `(n, w)` view's columns lie closer together in memory than
/// its rows, so that a walk by columns reads contiguous lines.
fn columns_first(strides: &[isize]) -> bool {
    strides[0].unsigned_abs() < strides[1].unsigned_abs()
}

/// Converts `line` into `slots`, reading it as a slice when it is contiguous
/// (the loop the compiler vectorises).
fn load<'a>(line: ArrayView1<'_, impl Element>, slots: impl Iterator<Item = &'a mut f64>) {
    match line.as_slice() {
        Some(values) => slots.zip(values).for_each(|(slot, v)| *slot = v.to_f64()),
        None => slots
            .zip(line.iter())
            .for_each(|(slot, v)| *slot = v.to_f64()),
    }
}

/// Writes rows of `width` computed samples back into an `(n, width)` view,
/// the inverse walk of [`gather`].
pub(crate) fn scatter<T: Element>(out: &[f64], mut target: ArrayViewMut2<'_, T>) {
    let width = target.ncols();
    if width == 1 {
        return store(target.column_mut(0), out.iter());
    }
    if columns_first(target.strides()) {
        for (c, line) in target.columns_mut().into_iter().enumerate() {
            store(line, out[c..].iter().step_by(width));
        }
    } else {
        for (line, values) in target.rows_mut().into_iter().zip(out.chunks_exact(width)) {
            store(line, values.iter());
        }
    }
}

/// Converts `values` into `line`, writing it as a slice when it is
/// contiguous, the inverse of [`load`].
fn store<'a, T: Element>(mut line: ArrayViewMut1<'_, T>, values: impl Iterator<Item = &'a f64>) {
    match line.as_slice_mut() {
        Some(slots) => slots
            .iter_mut()
            .zip(values)
            .for_each(|(slot, v)| *slot = T::from_f64(*v)),
        None => line
            .iter_mut()
            .zip(values)
            .for_each(|(slot, v)| *slot = T::from_f64(*v)),
    }
}
