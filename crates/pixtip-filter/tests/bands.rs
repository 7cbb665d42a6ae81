//! The 2-D Gaussian runs its two passes band by band (`src/bands.rs`); these
//! tests hold it bit for bit to the same two passes run one after the other
//! with `gaussian_filter1d`, which the scipy fixtures hold to scipy.

use ndarray::{Array, Array2, Array3, Dimension, s};
use pixtip_filter::{
    Element, Gaussian1dOptions, GaussianOptions, Mode, gaussian_filter, gaussian_filter1d,
};
use proptest::prelude::*;

const MODES: [Mode; 8] = [
    Mode::Reflect,
    Mode::Constant,
    Mode::Nearest,
    Mode::Mirror,
    Mode::Wrap,
    Mode::GridConstant,
    Mode::GridMirror,
    Mode::GridWrap,
];

/// One axis's parameters: sigma, order, mode.
type AxisCase = (f64, usize, Mode);

/// Both axes' parameters, down then along, and the constant outside the edges.
type Passes = (AxisCase, AxisCase, f64);

/// `gaussian_filter` over the last two axes.
fn banded<T: Element, D: Dimension>(
    input: &Array<T, D>,
    (down, along, cval): Passes,
) -> Array<T, D> {
    let ndim = input.ndim();
    let options = GaussianOptions {
        order: [down.1, along.1].into(),
        mode: [down.2, along.2].into(),
        cval,
        axes: Some(vec![ndim - 2, ndim - 1]),
        ..Default::default()
    };
    gaussian_filter(input, [down.0, along.0], &options).expect("valid parameters")
}

/// The same two passes, one after the other.
fn pass_by_pass<T: Element, D: Dimension>(
    input: &Array<T, D>,
    (down, along, cval): Passes,
) -> Array<T, D> {
    let ndim = input.ndim();
    let options = |(_, order, mode): AxisCase| Gaussian1dOptions {
        order,
        mode,
        cval,
        ..Default::default()
    };
    let first = gaussian_filter1d(input, down.0, ndim - 2, &options(down)).expect("valid");
    gaussian_filter1d(&first, along.0, ndim - 1, &options(along)).expect("valid")
}

fn assert_same<T: Element + PartialEq + std::fmt::Debug, D: Dimension>(
    a: &Array<T, D>,
    b: &Array<T, D>,
    what: &str,
) {
    assert_eq!(a.shape(), b.shape(), "{what}: shapes");
    for ((index, x), y) in a.indexed_iter().zip(b.iter()) {
        let (x, y) = (x.to_f64(), y.to_f64());
        assert!(
            x.to_bits() == y.to_bits() || (x.is_nan() && y.is_nan()),
            "{what}: at {index:?}, banded {x:e} vs pass by pass {y:e}"
        );
    }
}

fn image(rows: usize, cols: usize, seed: u64) -> Array2<f64> {
    Array2::from_shape_fn((rows, cols), |(i, j)| {
        let h = (seed + i as u64 * 2654435761 + j as u64 * 40503).wrapping_mul(0x9E3779B97F4A7C15);
        (h >> 11) as f64 / (1u64 << 53) as f64 - 0.25
    })
}

fn axis_case() -> impl Strategy<Value = AxisCase> {
    (0.3..12.0f64, 0..4usize, 0..MODES.len()).prop_map(|(sigma, order, m)| (sigma, order, MODES[m]))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(96))]

    /// Shapes across the band and strip sizes (32), kernels longer than
    /// the lines, every mode and order, `f64` and `f32`.
    #[test]
    fn bands_equal_two_passes(rows in 1..80usize, cols in 1..80usize, seed in 0..1000u64,
                              down in axis_case(), along in axis_case(), cval in -2.0..2.0f64) {
        let input = image(rows, cols, seed);
        let what = format!("{rows}x{cols} f64, {down:?} then {along:?}");
        assert_same(&banded(&input, (down, along, cval)), &pass_by_pass(&input, (down, along, cval)), &what);
        let input = input.mapv(|v| v as f32);
        let what = format!("{rows}x{cols} f32, {down:?} then {along:?}");
        assert_same(&banded(&input, (down, along, cval)), &pass_by_pass(&input, (down, along, cval)), &what);
    }
}

#[test]
fn planes_views_and_threads() {
    let gaussian = ((8.0, 0, Mode::Reflect), (3.5, 1, Mode::Constant), 0.5);
    // Planes of a 3-D array, filtered over their last two axes.
    let stack = Array3::from_shape_fn((3, 45, 70), |(k, i, j)| image(45, 70, k as u64)[[i, j]]);
    assert_same(
        &banded(&stack, gaussian),
        &pass_by_pass(&stack, gaussian),
        "3 planes",
    );
    // Every other row (rows still contiguous) and a non-finite sample.
    let mut big = image(700, 300, 7);
    big[[350, 120]] = f64::NAN;
    big[[20, 299]] = f64::INFINITY;
    let every_other = big.slice(s![..;2, ..]).to_owned();
    let view_result = {
        let options = GaussianOptions::default();
        gaussian_filter(&big.slice(s![..;2, ..]), 8.0, &options).expect("valid")
    };
    let gaussian = ((8.0, 0, Mode::Reflect), (8.0, 0, Mode::Reflect), 0.0);
    assert_same(
        &view_result,
        &pass_by_pass(&every_other, gaussian),
        "row-stepped view",
    );
    // Large enough to run in parallel: bands on two threads.
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(2)
        .build()
        .expect("pool");
    let parallel = pool.install(|| banded(&big, gaussian));
    assert_same(&parallel, &pass_by_pass(&big, gaussian), "two threads");
}
