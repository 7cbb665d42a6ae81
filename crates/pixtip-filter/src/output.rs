//! The result arrays, allocated as numpy allocates its arrays.
//!
//! A fresh large array costs a page fault per 4 KiB page the first time it
//! is written: for a 2048 x 2048 `f64` result, 8,192 faults, which took
//! longer than the uniform filter's arithmetic (measured: 20 ms per call
//! with them, 7 ms without). numpy asks Linux for transparent huge pages
//! (`madvise(MADV_HUGEPAGE)`) on every allocation of 4 MiB or more, so
//! scipy's outputs fault once per 2 MiB; pixtip's do the same.

use crate::element::Element;
use ndarray::{Array, Dimension};

/// numpy's threshold for asking for huge pages.
const HUGE_PAGE_THRESHOLD: usize = 4 << 20;

/// A zero-filled array of `dim`, on huge pages where the OS offers them.
pub(crate) fn zeros<T: Element, D: Dimension>(dim: D) -> Array<T, D> {
    // `vec![zero; n]` is `calloc`: for large sizes fresh, untouched pages
    // from the OS, so the advice comes before any fault.
    let values = vec![T::default(); dim.size()];
    let bytes = std::mem::size_of_val(values.as_slice());
    if bytes >= HUGE_PAGE_THRESHOLD {
        advise_huge_pages(values.as_ptr().cast(), bytes);
    }
    Array::from_shape_vec(dim, values)
        .unwrap_or_else(|_| unreachable!("the vector has the shape's size"))
}

#[cfg(all(
    target_os = "linux",
    any(target_arch = "x86_64", target_arch = "aarch64")
))]
fn advise_huge_pages(start: *const u8, bytes: usize) {
    use std::ffi::{c_int, c_void};
    /// `MADV_HUGEPAGE` of Linux's `asm-generic/mman-common.h`.
    const MADV_HUGEPAGE: c_int = 14;
    const PAGE: usize = 4096;
    unsafe extern "C" {
        fn madvise(addr: *mut c_void, length: usize, advice: c_int) -> c_int;
    }
    // madvise wants a page-aligned start; round it up, and the length down.
    let offset = start.align_offset(PAGE);
    if offset >= bytes {
        return;
    }
    let length = (bytes - offset) / PAGE * PAGE;
    // SAFETY: the range lies inside an allocation this function's caller
    // owns, and MADV_HUGEPAGE only changes how the kernel backs it, never
    // its contents; a kernel without transparent huge pages returns an
    // error, which changes nothing and is ignored, as numpy ignores it.
    unsafe {
        madvise(
            start.add(offset).cast_mut().cast::<c_void>(),
            length,
            MADV_HUGEPAGE,
        );
    }
}

#[cfg(not(all(
    target_os = "linux",
    any(target_arch = "x86_64", target_arch = "aarch64")
)))]
fn advise_huge_pages(_start: *const u8, _bytes: usize) {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn zeros_of_any_size() {
        let small = zeros::<f64, _>(ndarray::Ix2(3, 4));
        assert!(small.iter().all(|v| *v == 0.0) && small.is_standard_layout());
        let large = zeros::<f32, _>(ndarray::Ix2(1500, 1500));
        assert_eq!(large.shape(), &[1500, 1500]);
        assert!(large.iter().all(|v| *v == 0.0));
    }
}
