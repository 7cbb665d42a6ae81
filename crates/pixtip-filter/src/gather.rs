//! Moving lines between an array and the padded buffers the line kernels
//! read: rows of `width` samples, sample `i` of each of `width` lines.

use crate::element::Element;
use ndarray::{ArrayView2, ArrayViewMut2};

/// Copies an `(n, w)` view into rows of `width` samples, walking the view
/// along its smaller stride so that contiguous lines are read as slices.
pub(crate) fn gather<T: Element>(view: ArrayView2<'_, T>, ext: &mut [f64], width: usize) {
    // One contiguous line: a straight copy the compiler vectorises.
    if width == 1
        && let Some(values) = view.column(0).as_slice()
    {
        for (slot, v) in ext.iter_mut().zip(values) {
            *slot = v.to_f64();
        }
        return;
    }
    if view.strides()[0].unsigned_abs() < view.strides()[1].unsigned_abs() {
        for (c, line) in view.columns().into_iter().enumerate() {
            let slots = ext[c..].iter_mut().step_by(width);
            match line.as_slice() {
                Some(values) => slots.zip(values).for_each(|(slot, v)| *slot = v.to_f64()),
                None => slots
                    .zip(line.iter())
                    .for_each(|(slot, v)| *slot = v.to_f64()),
            }
        }
    } else {
        for (values, slots) in view.rows().into_iter().zip(ext.chunks_exact_mut(width)) {
            match values.as_slice() {
                Some(values) => slots
                    .iter_mut()
                    .zip(values)
                    .for_each(|(slot, v)| *slot = v.to_f64()),
                None => slots
                    .iter_mut()
                    .zip(values.iter())
                    .for_each(|(slot, v)| *slot = v.to_f64()),
            }
        }
    }
}

/// Writes rows of `width` computed samples back into an `(n, width)` view,
/// the inverse walk of [`gather`].
pub(crate) fn scatter<T: Element>(out: &[f64], mut target: ArrayViewMut2<'_, T>) {
    let width = target.ncols();
    if width == 1
        && let Some(slots) = target.column_mut(0).into_slice()
    {
        for (slot, v) in slots.iter_mut().zip(out) {
            *slot = T::from_f64(*v);
        }
        return;
    }
    if target.strides()[0].unsigned_abs() < target.strides()[1].unsigned_abs() {
        for (c, mut line) in target.columns_mut().into_iter().enumerate() {
            let values = out[c..].iter().step_by(width);
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
    } else {
        for (mut slots, values) in target.rows_mut().into_iter().zip(out.chunks_exact(width)) {
            match slots.as_slice_mut() {
                Some(slots) => slots
                    .iter_mut()
                    .zip(values)
                    .for_each(|(slot, v)| *slot = T::from_f64(*v)),
                None => slots
                    .iter_mut()
                    .zip(values)
                    .for_each(|(slot, v)| *slot = T::from_f64(*v)),
            }
        }
    }
}
