//! Transposing blocks of `f64` between the two passes of a band.

use multiversion::multiversion;

/// Samples per side of the tiles the transpose walks: a tile's rows and
/// columns are each one 64-byte cache line of `f64`, and a whole tile fits
/// in eight AVX-512 registers.
const TILE: usize = 8;

/// Writes the `rows x cols` row-major `src` into `dst` transposed, with
/// rows `stride` samples apart: `dst[c * stride + r] = src[r * cols + c]`.
#[multiversion(targets(
    "x86_64+avx512f+avx512vl+avx512dq+avx2+fma",
    "x86_64+avx2+fma",
    "x86_64+avx",
    "aarch64+neon"
))]
pub(crate) fn transpose(src: &[f64], rows: usize, cols: usize, dst: &mut [f64], stride: usize) {
    if rows == 0 || cols == 0 {
        return;
    }
    assert!(src.len() >= rows * cols && stride >= rows && dst.len() >= (cols - 1) * stride + rows);
    let (full_rows, full_cols) = (rows - rows % TILE, cols - cols % TILE);
    #[cfg(target_arch = "x86_64")]
    if std::arch::is_x86_feature_detected!("avx512f") {
        for r0 in (0..full_rows).step_by(TILE) {
            for c0 in (0..full_cols).step_by(TILE) {
                let (from, to) = (r0 * cols + c0, c0 * stride + r0);
                // The asserts above keep the tile's 8 rows of 8 inside
                // both slices.
                assert!(from + (TILE - 1) * cols + TILE <= src.len());
                assert!(to + (TILE - 1) * stride + TILE <= dst.len());
                // SAFETY: AVX-512F is present (checked above), and the
                // tile's loads and stores lie inside `src` and `dst`
                // (asserted just above).
                unsafe {
                    x86::tile_avx512(
                        src.as_ptr().add(from),
                        cols,
                        dst.as_mut_ptr().add(to),
                        stride,
                    )
                };
            }
        }
        return transpose_edges(src, rows, cols, dst, stride, (full_rows, full_cols));
    }
    for r0 in (0..full_rows).step_by(TILE) {
        for c0 in (0..full_cols).step_by(TILE) {
            // Whole tiles through registers.
            let mut tile = [[0.0; TILE]; TILE];
            for (r, row) in tile.iter_mut().enumerate() {
                row.copy_from_slice(&src[(r0 + r) * cols + c0..][..TILE]);
            }
            for c in 0..TILE {
                let column = &mut dst[(c0 + c) * stride + r0..][..TILE];
                for (slot, row) in column.iter_mut().zip(&tile) {
                    *slot = row[c];
                }
            }
        }
    }
    transpose_edges(src, rows, cols, dst, stride, (full_rows, full_cols));
}

/// The samples [`transpose`] leaves outside its whole tiles, one at a time.
fn transpose_edges(
    src: &[f64],
    rows: usize,
    cols: usize,
    dst: &mut [f64],
    stride: usize,
    (full_rows, full_cols): (usize, usize),
) {
    for r in 0..rows {
        let from = if r < full_rows { full_cols } else { 0 };
        for c in from..cols {
            dst[c * stride + r] = src[r * cols + c];
        }
    }
}

#[cfg(target_arch = "x86_64")]
mod x86 {
    use std::arch::x86_64::{
        __m512d, _mm512_loadu_pd, _mm512_shuffle_f64x2, _mm512_storeu_pd, _mm512_unpackhi_pd,
        _mm512_unpacklo_pd,
    };

    /// Transposes one 8 x 8 tile: rows `cols` apart in `src` become rows
    /// `stride` apart in `dst`. Pairs of rows are interleaved, then
    /// 128-bit lanes shuffled twice: 24 shuffles instead of 64 single
    /// loads and stores.
    ///
    /// # Safety
    /// AVX-512F must be present, and the 8 rows of 8 samples from `src`
    /// (every `cols`) and `dst` (every `stride`) must lie in their slices.
    #[target_feature(enable = "avx512f")]
    pub(super) unsafe fn tile_avx512(src: *const f64, cols: usize, dst: *mut f64, stride: usize) {
        // SAFETY: the caller keeps every row inside `src` and `dst`.
        let r: [__m512d; 8] =
            std::array::from_fn(|i| unsafe { _mm512_loadu_pd(src.add(i * cols)) });
        // Pairs: (r0[0], r1[0]), (r0[2], r1[2]), ... and (r0[1], r1[1]), ...
        let even: [__m512d; 4] =
            std::array::from_fn(|i| _mm512_unpacklo_pd(r[2 * i], r[2 * i + 1]));
        let odd: [__m512d; 4] = std::array::from_fn(|i| _mm512_unpackhi_pd(r[2 * i], r[2 * i + 1]));
        // Lanes 0 and 2 (0x88) or 1 and 3 (0xDD) of two vectors: columns
        // (0, 4), (2, 6), (1, 5), (3, 7) of rows 0-3 and of rows 4-7.
        let pick = |a: __m512d, b: __m512d| {
            (
                _mm512_shuffle_f64x2::<0x88>(a, b),
                _mm512_shuffle_f64x2::<0xDD>(a, b),
            )
        };
        let (c04_top, c26_top) = pick(even[0], even[1]);
        let (c15_top, c37_top) = pick(odd[0], odd[1]);
        let (c04_bottom, c26_bottom) = pick(even[2], even[3]);
        let (c15_bottom, c37_bottom) = pick(odd[2], odd[3]);
        let (c0, c4) = pick(c04_top, c04_bottom);
        let (c2, c6) = pick(c26_top, c26_bottom);
        let (c1, c5) = pick(c15_top, c15_bottom);
        let (c3, c7) = pick(c37_top, c37_bottom);
        for (i, column) in [c0, c1, c2, c3, c4, c5, c6, c7].into_iter().enumerate() {
            // SAFETY: as the loads.
            unsafe { _mm512_storeu_pd(dst.add(i * stride), column) };
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn transposes_any_shape() {
        for (rows, cols) in [(1, 1), (3, 5), (8, 8), (9, 17), (32, 32), (33, 7), (16, 40)] {
            for extra in [0, 3] {
                let stride = rows + extra;
                let src: Vec<f64> = (0..rows * cols).map(|i| i as f64).collect();
                let mut dst = vec![f64::NAN; cols * stride];
                transpose(&src, rows, cols, &mut dst, stride);
                for r in 0..rows {
                    for c in 0..cols {
                        let at = c * stride + r;
                        assert_eq!(dst[at], src[r * cols + c], "{rows}x{cols} at {r},{c}");
                    }
                }
                let untouched = (0..dst.len()).filter(|i| i % stride >= rows);
                assert!(untouched.into_iter().all(|i| dst[i].is_nan()));
            }
        }
    }
}
