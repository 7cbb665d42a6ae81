//! The uniform filter's running mean, with scipy's arithmetic order.

use multiversion::multiversion;

/// For `width` lines side by side (row `i` of `ext` holds sample `i` of each
/// line), writes the mean of every window of `size` rows into the rows of
/// `out`, the way scipy's `NI_UniformFilter1D` does: the first window is
/// summed from 0 in order, then each step adds `entering - leaving` to the
/// running sum, and every output is that sum divided by `size`. The sum is
/// carried from step to step, so its rounding (and any NaN or infinity it
/// meets) matches scipy's bit for bit.
#[multiversion(targets("x86_64+avx2+fma", "x86_64+avx", "aarch64+neon"))]
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
        // One line: the differences are independent, so compute them all
        // first (in SIMD), add them up in order, then divide (in SIMD). Same
        // operations, same rounding.
        let first = ext[..size].iter().fold(0.0, |sum, v| sum + v);
        out[0] = first;
        for (r, step) in out.iter_mut().enumerate().skip(1) {
            *step = ext[r - 1 + size] - ext[r - 1];
        }
        for r in 1..rows {
            out[r] += out[r - 1];
        }
        for value in out.iter_mut() {
            *value /= divisor;
        }
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
