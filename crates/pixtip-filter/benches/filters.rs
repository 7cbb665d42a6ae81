//! criterion benches: the cases `cargo xtask bench-compare filter` compares
//! with scipy, single-threaded and on every core.

use criterion::{Criterion, criterion_group, criterion_main};
use ndarray::Array2;
use pixtip_filter::{
    Gaussian1dOptions, GaussianOptions, Mode, Uniform1dOptions, UniformOptions, gaussian_filter,
    gaussian_filter1d, uniform_filter, uniform_filter1d,
};
use std::hint::black_box;

/// A deterministic 2048 x 2048 test image (a cheap hash, no RNG needed).
fn big_image() -> Array2<f64> {
    Array2::from_shape_fn((2048, 2048), |(i, j)| {
        let h = (i as u64 * 2654435761 + j as u64 * 40503).wrapping_mul(0x9E3779B97F4A7C15);
        (h >> 11) as f64 / (1u64 << 53) as f64
    })
}

fn tutorial_image() -> Array2<f64> {
    let mut image = Array2::zeros((96, 96));
    image[[30, 40]] = 1.0;
    image
}

fn pool(threads: usize) -> rayon::ThreadPool {
    rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .build()
        .expect("thread pool")
}

fn benches(c: &mut Criterion) {
    let big = big_image();
    let small = tutorial_image();
    let constant = UniformOptions {
        mode: Mode::Constant.into(),
        ..Default::default()
    };
    let one = pool(1);
    let all = pool(std::thread::available_parallelism().map_or(2, |n| n.get()));
    let mut group = c.benchmark_group("filter");
    group.sample_size(10);
    for (name, pool) in [("1 thread", &one), ("all threads", &all)] {
        group.bench_function(format!("gaussian 2048 sigma 8 ({name})"), |b| {
            b.iter(|| {
                pool.install(|| gaussian_filter(black_box(&big), 8.0, &GaussianOptions::default()))
            })
        });
        group.bench_function(format!("uniform 2048 size 31 ({name})"), |b| {
            b.iter(|| {
                pool.install(|| uniform_filter(black_box(&big), 31, &UniformOptions::default()))
            })
        });
    }
    // Below the parallel threshold the filters run on the calling thread, as
    // in `cargo xtask bench-compare`; a pool's `install` per call would add
    // its hand-over to the few microseconds measured.
    group.bench_function("gaussian 96 sigma 9.6 reflect", |b| {
        b.iter(|| gaussian_filter(black_box(&small), 9.6, &GaussianOptions::default()))
    });
    group.bench_function("uniform 96 size 38 constant", |b| {
        b.iter(|| uniform_filter(black_box(&small), 38, &constant))
    });
    group.finish();
}

/// Each kernel on its own, 1 thread, 2048 x 2048: the correlation down the
/// columns (strided strips) and along the rows (transposed groups), the
/// running mean down the columns (rows read in place) and along the rows
/// (transposed groups). Both axes together are the `gaussian 2048` case
/// above (correlations band by band, `src/bands.rs`) and the `uniform 2048`
/// one (running means in one sweep). Each call also allocates its 32 MiB
/// result.
fn kernels(c: &mut Criterion) {
    let big = big_image();
    let one = pool(1);
    let gaussian = Gaussian1dOptions::default();
    let uniform = Uniform1dOptions::default();
    let mut group = c.benchmark_group("kernel");
    group.sample_size(10);
    for (axis, along) in [(0, "down the columns"), (1, "along the rows")] {
        group.bench_function(format!("correlate sigma 8 {along}"), |b| {
            b.iter(|| one.install(|| gaussian_filter1d(black_box(&big), 8.0, axis, &gaussian)))
        });
        group.bench_function(format!("running mean size 31 {along}"), |b| {
            b.iter(|| one.install(|| uniform_filter1d(black_box(&big), 31, axis, &uniform)))
        });
    }
    group.bench_function("copy (uniform size 1: allocation and copy only)", |b| {
        b.iter(|| one.install(|| uniform_filter(black_box(&big), 1, &UniformOptions::default())))
    });
    group.finish();
}

criterion_group!(filter_benches, benches, kernels);
criterion_main!(filter_benches);
