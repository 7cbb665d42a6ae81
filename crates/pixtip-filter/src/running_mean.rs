//! The uniform filter's running mean, with scipy's arithmetic order.

use multiversion::multiversion;

/// For `width` lines side by side (row `i` of `ext` holds sample `i` of each
/// line), writes the mean of every window of `size` rows into the rows of
/// `out`, the way scipy's `NI_UniformFilter1D` does: the first window is
/// summed from 0 in order, then each step adds `entering - leaving` to the
/// running sum, and every output is that sum divided by `size`. The sum is
/// carried from step to step, so its rounding (and any NaN or infinity it
/// meets) matches scipy's bit for bit.
#[multiversion(targets(
    "x86_64+avx512f+avx512vl+avx512dq+avx2+fma",
    "x86_64+avx2+fma",
    "x86_64+avx",
    "aarch64+neon"
))]
pub(crate) fn running_mean(
    ext: &[f64],
    out: &mut [f64],
    size: usize,
    width: usize,
    running: &mut Vec<f64>,
) {
    let rows = out.len() / width;
    if rows == 0 {
        return;
    }
    let divisor = size as f64;
    if width == 1 {
        differences(ext, out, size);
        let mut lines = [out];
        prefix_sums(&mut lines);
        let [out] = lines;
        divide(out, divisor);
        return;
    }
    running.clear();
    running.resize(width, 0.0);
    for row in ext.chunks_exact(width).take(size) {
        for (sum, v) in running.iter_mut().zip(row) {
            *sum += v;
        }
    }
    for (o, sum) in out[..width].iter_mut().zip(running.iter()) {
        *o = sum / divisor;
    }
    for r in 1..rows {
        let leaving = &ext[(r - 1) * width..r * width];
        let entering = &ext[(r - 1 + size) * width..(r + size) * width];
        let dst = &mut out[r * width..(r + 1) * width];
        for (((sum, d), e), l) in running.iter_mut().zip(dst).zip(entering).zip(leaving) {
            *sum += e - l;
            *d = *sum / divisor;
        }
    }
}

/// One line's running sum, first part: `out[0]` is the first window's sum
/// (from 0, in order) and `out[r]` the step `entering - leaving` into window
/// `r`. The steps are independent, so they run in SIMD; [`prefix_sums`]
/// then adds them up in order, which gives scipy's running sums exactly.
#[multiversion(targets(
    "x86_64+avx512f+avx512vl+avx512dq+avx2+fma",
    "x86_64+avx2+fma",
    "x86_64+avx",
    "aarch64+neon"
))]
pub(crate) fn differences(ext: &[f64], out: &mut [f64], size: usize) {
    let Some((first, steps)) = out.split_first_mut() else {
        return;
    };
    *first = ext[..size].iter().fold(0.0, |sum, v| sum + v);
    let entering = &ext[size..];
    for ((step, e), l) in steps.iter_mut().zip(entering).zip(ext) {
        *step = e - l;
    }
}

/// Replaces each of up to [`LINES`] lines of the same length by its running
/// sums, in order. Each sum waits for the one before it, so the lines are
/// interleaved: their chains of additions overlap in the pipeline.
// The index walks the K lines in lockstep: that is the point.
#[allow(clippy::needless_range_loop)]
pub(crate) fn prefix_sums<const K: usize>(lines: &mut [&mut [f64]; K]) {
    let n = lines.iter().map(|l| l.len()).min().unwrap_or(0);
    let mut sums = [0.0f64; K];
    for (k, line) in lines.iter().enumerate() {
        if n > 0 {
            sums[k] = line[0];
        }
    }
    for j in 1..n {
        for k in 0..K {
            sums[k] += lines[k][j];
            lines[k][j] = sums[k];
        }
    }
}

/// Most lines [`prefix_sums`] interleaves at a time.
pub(crate) const LINES: usize = 4;

/// `values /= divisor`, in SIMD.
#[multiversion(targets(
    "x86_64+avx512f+avx512vl+avx512dq+avx2+fma",
    "x86_64+avx2+fma",
    "x86_64+avx",
    "aarch64+neon"
))]
pub(crate) fn divide(values: &mut [f64], divisor: f64) {
    for v in values.iter_mut() {
        *v /= divisor;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn means_of_windows() {
        // Two interleaved lines: 0,1,2,3,4,5 and 10,20,...
        let ext: Vec<f64> = (0..6)
            .flat_map(|i| [i as f64, 10.0 * (i + 1) as f64])
            .collect();
        let mut out = vec![0.0; 4 * 2];
        running_mean(&ext, &mut out, 3, 2, &mut Vec::new());
        assert_eq!(out, vec![1.0, 20.0, 2.0, 30.0, 3.0, 40.0, 4.0, 50.0]);
    }

    #[test]
    fn the_sum_is_divided_not_the_steps() {
        // scipy before 1.0 added (in - out) / size per step, which leaves
        // 0.9999999999999999 here; scipy 1.17 divides the running sum.
        let step = [0.0, 0.0, 0.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0];
        for width in [1, 2] {
            let ext: Vec<f64> = step.iter().flat_map(|&v| vec![v; width]).collect();
            let rows = step.len() - 5;
            let mut out = vec![0.0; rows * width];
            running_mean(&ext, &mut out, 6, width, &mut Vec::new());
            assert_eq!(out[(rows - 1) * width], 1.0, "width {width}");
        }
    }

    #[test]
    fn a_nan_stays_in_the_running_sum() {
        let ext = [1.0, f64::NAN, 2.0, 3.0];
        let mut out = [0.0; 4];
        running_mean(&ext, &mut out, 1, 1, &mut Vec::new());
        assert_eq!(out[0], 1.0);
        assert!(out[1..].iter().all(|v| v.is_nan()), "{out:?}");
    }
}
