//! The correlation inner loop, with scipy's arithmetic order.
//!
//! All loops read a padded buffer of rows of `width` samples: row `i` holds
//! position `i - before` of `width` independent lines side by side. With
//! `width == 1` a row is one sample and this is scipy's own line loop; with
//! `width > 1` the same operations run over many lines at once, which is what
//! the compiler turns into SIMD. Each output is still summed exactly as
//! scipy's `NI_Correlate1D` sums it: products are added one at a time in
//! scipy's order, with symmetric pairs added (or subtracted) before the
//! multiply. Where the CPU has fused multiply-add (detected at run time),
//! each multiply and add is one fused operation: half the instructions, and
//! one rounding fewer per product, so results move by a few units in the
//! last place, well within the 1e-12 of scipy the filters promise. CPUs with
//! AVX-512 (Ice Lake and later, Zen 4 and later) run a clone that works on
//! eight samples per instruction.

use crate::kernel::Symmetry;
use multiversion::multiversion;
use multiversion::target::target_cfg_f;

/// `acc + x * w`, as one fused multiply-add when `FUSED` (only where the
/// selected target has FMA: elsewhere `mul_add` is a slow library call).
#[inline(always)]
fn multiply_add<const FUSED: bool>(x: f64, w: f64, acc: f64) -> f64 {
    if FUSED {
        x.mul_add(w, acc)
    } else {
        acc + x * w
    }
}

/// `out[o] = sum_t weights[t] * ext[o + t * width]` for `o < out.len()`,
/// folded according to `symmetry`.
pub(crate) fn correlate(
    ext: &[f64],
    out: &mut [f64],
    weights: &[f64],
    symmetry: Symmetry,
    width: usize,
) {
    let taps = Taps {
        ext,
        weights,
        width,
    };
    match symmetry {
        Symmetry::Symmetric => looped::<Folded<true>>(taps, out),
        Symmetry::Antisymmetric => looped::<Folded<false>>(taps, out),
        Symmetry::General => looped::<General>(taps, out),
    }
}

/// What every output of a call reads: padded rows of `width` samples and
/// the weights.
#[derive(Clone, Copy)]
struct Taps<'a> {
    ext: &'a [f64],
    weights: &'a [f64],
    width: usize,
}

impl Taps<'_> {
    /// The samples tap `t` multiplies for the `CHUNK` outputs from `o` on.
    #[inline(always)]
    fn row<const CHUNK: usize>(&self, o: usize, t: usize) -> &[f64] {
        let start = o + t * self.width;
        &self.ext[start..start + CHUNK]
    }
}

/// Outputs computed together: eight AVX registers of sums, enough to hide
/// the latency of the additions (measured: blocks of 64 in AVX-512
/// registers were slower than 32, 29 ms against 26 ms on 2048 x 2048).
const CHUNK: usize = 32;

/// Runs `$body::<..., FUSED, CHUNK>`, fused where the selected target has FMA.
macro_rules! per_target {
    ($body:ident $(::<$($generic:ty),*>)? ($($arg:expr),*)) => {
        if target_cfg_f!(target_feature = "fma") {
            $body::<$($($generic,)*)? true, CHUNK>($($arg),*)
        } else {
            $body::<$($($generic,)*)? false, CHUNK>($($arg),*)
        }
    };
}

/// One of scipy's loops: the `CHUNK` outputs from `o` on.
trait Loop {
    fn block<const FUSED: bool, const CHUNK: usize>(taps: Taps<'_>, out: &mut [f64], o: usize);
}

/// Runs loop `L` over all outputs, in the clone for the CPU it runs on.
#[multiversion(targets(
    "x86_64+avx512f+avx512vl+avx512dq+avx2+fma",
    "x86_64+avx2+fma",
    "x86_64+avx",
    "aarch64+neon"
))]
fn looped<L: Loop>(taps: Taps<'_>, out: &mut [f64]) {
    per_target!(blocks::<L>(taps, out))
}

/// Outputs in blocks of `CHUNK`; the last block overlaps the one before
/// it (recomputing a few outputs identically), and lines shorter than a
/// block take blocks of 8, then single outputs.
#[inline(always)]
fn blocks<L: Loop, const FUSED: bool, const CHUNK: usize>(taps: Taps<'_>, out: &mut [f64]) {
    let n = out.len();
    if n < CHUNK {
        if CHUNK > 8 {
            blocks::<L, FUSED, 8>(taps, out);
        } else {
            for o in 0..n {
                L::block::<FUSED, 1>(taps, &mut out[o..=o], o);
            }
        }
        return;
    }
    let mut o = 0;
    while o < n {
        let at = o.min(n - CHUNK);
        L::block::<FUSED, CHUNK>(taps, &mut out[at..at + CHUNK], at);
        o += CHUNK;
    }
}

/// scipy's symmetric (`ADD`) and antisymmetric (`!ADD`) loops: start from the
/// centre product, then for `k = c, c-1, ..., 1` add
/// `(x[-k] +/- x[+k]) * w[c - k]`.
struct Folded<const ADD: bool>;

impl<const ADD: bool> Loop for Folded<ADD> {
    #[inline(always)]
    fn block<const FUSED: bool, const CHUNK: usize>(taps: Taps<'_>, out: &mut [f64], o: usize) {
        let weights = taps.weights;
        let c = weights.len() / 2;
        let mut acc = [0.0f64; CHUNK];
        let mid = taps.row::<CHUNK>(o, c);
        for l in 0..CHUNK {
            acc[l] = mid[l] * weights[c];
        }
        for k in (1..=c).rev() {
            let w = weights[c - k];
            let (left, right) = (taps.row::<CHUNK>(o, c - k), taps.row::<CHUNK>(o, c + k));
            for l in 0..CHUNK {
                let pair = if ADD {
                    left[l] + right[l]
                } else {
                    left[l] - right[l]
                };
                acc[l] = multiply_add::<FUSED>(pair, w, acc[l]);
            }
        }
        out.copy_from_slice(&acc);
    }
}

/// scipy's unfolded loop: start from the last product, then add the others
/// from the first weight on.
struct General;

impl Loop for General {
    #[inline(always)]
    fn block<const FUSED: bool, const CHUNK: usize>(taps: Taps<'_>, out: &mut [f64], o: usize) {
        let weights = taps.weights;
        let last = weights.len() - 1;
        let mut acc = [0.0f64; CHUNK];
        let tail = taps.row::<CHUNK>(o, last);
        for l in 0..CHUNK {
            acc[l] = tail[l] * weights[last];
        }
        for (t, &w) in weights[..last].iter().enumerate() {
            let row = taps.row::<CHUNK>(o, t);
            for l in 0..CHUNK {
                acc[l] = multiply_add::<FUSED>(row[l], w, acc[l]);
            }
        }
        out.copy_from_slice(&acc);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn naive(ext: &[f64], n: usize, weights: &[f64], width: usize) -> Vec<f64> {
        (0..n)
            .map(|o| {
                weights
                    .iter()
                    .enumerate()
                    .map(|(t, w)| w * ext[o + t * width])
                    .sum()
            })
            .collect()
    }

    #[test]
    fn all_foldings_agree_with_the_plain_sum() {
        let ext: Vec<f64> = (0..400).map(|i| ((i * 37 % 101) as f64).sin()).collect();
        let sym = [0.1, 0.2, 0.4, 0.2, 0.1];
        let anti = [-0.3, -0.1, 0.0, 0.1, 0.3];
        let general = [0.5, 0.25, -0.125, 1.0];
        for width in [1, 3, 32] {
            for (w, s) in [
                (&sym[..], Symmetry::Symmetric),
                (&anti[..], Symmetry::Antisymmetric),
                (&general[..], Symmetry::General),
            ] {
                let n = (ext.len() / width - w.len() + 1) * width;
                let mut out = vec![0.0; n];
                correlate(&ext, &mut out, w, s, width);
                for (a, b) in out.iter().zip(naive(&ext, n, w, width)) {
                    assert!((a - b).abs() < 1e-14, "{a} vs {b}");
                }
            }
        }
    }

    /// The CPU running the tests picks one clone; the block loops of every
    /// clone (fused or not, any line length: overlapping last blocks,
    /// blocks of 8, single outputs) are checked here directly.
    #[test]
    fn block_loops_of_every_clone_agree_with_the_plain_sum() {
        let ext: Vec<f64> = (0..900).map(|i| ((i * 53 % 97) as f64).cos()).collect();
        let sym = [0.05, 0.1, 0.2, 0.3, 0.2, 0.1, 0.05];
        let anti = [-0.3, -0.2, 0.0, 0.2, 0.3];
        let general = [0.5, 0.25, -0.125, 1.0];
        for width in [1, 2, 8, 16, 33] {
            let taps = |weights| Taps {
                ext: &ext,
                weights,
                width,
            };
            for lines in [1, 5, 8, 31, 32, 33, 70] {
                let check = |w: &[f64], run: &dyn Fn(&mut [f64])| {
                    let n = lines * width;
                    if n + (w.len() - 1) * width > ext.len() {
                        return;
                    }
                    let mut out = vec![0.0; n];
                    run(&mut out);
                    for (a, b) in out.iter().zip(naive(&ext, n, w, width)) {
                        assert!(
                            (a - b).abs() < 1e-14,
                            "width {width}, {lines} lines: {a} vs {b}"
                        );
                    }
                };
                check(&sym, &|out| {
                    blocks::<Folded<true>, false, CHUNK>(taps(&sym), out)
                });
                check(&sym, &|out| {
                    blocks::<Folded<true>, true, CHUNK>(taps(&sym), out)
                });
                check(&anti, &|out| {
                    blocks::<Folded<false>, false, CHUNK>(taps(&anti), out)
                });
                check(&anti, &|out| {
                    blocks::<Folded<false>, true, CHUNK>(taps(&anti), out)
                });
                check(&general, &|out| {
                    blocks::<General, false, CHUNK>(taps(&general), out)
                });
                check(&general, &|out| {
                    blocks::<General, true, CHUNK>(taps(&general), out)
                });
            }
        }
    }
}
