//! Runs one of the benchmark cases in a loop, for profilers that count a
//! whole process (`perf stat`, `valgrind --tool=cachegrind`) rather than
//! time a closure as criterion does.
//!
//! ```text
//! cargo build --release -p pixtip-filter --example filter_loop
//! perf stat -e task-clock target/release/examples/filter_loop gaussian 1 20
//! valgrind --tool=cachegrind --cache-sim=yes \
//!     target/release/examples/filter_loop gaussian 1 1
//! ```
//!
//! Arguments: the case (`gaussian`, `uniform`, `gaussian-small`,
//! `uniform-small`, `copy`), threads (default 1) and calls (default 10).
//! `copy` is `uniform_filter` with size 1: the image and its result only, the
//! floor every case pays. Prints the median time per call.

use ndarray::Array2;
use pixtip_filter::{GaussianOptions, Mode, UniformOptions, gaussian_filter, uniform_filter};
use std::hint::black_box;
use std::time::Instant;

/// The 2048 x 2048 image of the criterion bench and `cargo xtask bench-compare`.
fn big_image() -> Array2<f64> {
    Array2::from_shape_fn((2048, 2048), |(i, j)| {
        let h = (i as u64 * 2654435761 + j as u64 * 40503).wrapping_mul(0x9E3779B97F4A7C15);
        (h >> 11) as f64 / (1u64 << 53) as f64
    })
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let case = args.first().map_or("gaussian", String::as_str);
    let threads: usize = args.get(1).map_or(Ok(1), |a| a.parse())?;
    let calls: usize = args.get(2).map_or(Ok(10), |a| a.parse())?;
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .build()?;
    let big = big_image();
    let mut small = Array2::<f64>::zeros((96, 96));
    small[[30, 40]] = 1.0;
    let constant = UniformOptions {
        mode: Mode::Constant.into(),
        ..Default::default()
    };
    let run = || -> Result<Array2<f64>, pixtip_filter::FilterError> {
        match case {
            "gaussian" => gaussian_filter(&big, 8.0, &GaussianOptions::default()),
            "uniform" => uniform_filter(&big, 31, &UniformOptions::default()),
            "gaussian-small" => gaussian_filter(&small, 9.6, &GaussianOptions::default()),
            "uniform-small" => uniform_filter(&small, 38, &constant),
            "copy" => uniform_filter(&big, 1, &UniformOptions::default()),
            other => panic!("unknown case {other}"),
        }
    };
    let mut times = Vec::with_capacity(calls);
    for _ in 0..calls {
        let start = Instant::now();
        // The 96 x 96 cases run below the parallel threshold on the calling
        // thread, as in `cargo xtask bench-compare`.
        if case.ends_with("-small") {
            black_box(run()?);
        } else {
            black_box(pool.install(run)?);
        }
        times.push(start.elapsed().as_secs_f64());
    }
    times.sort_by(f64::total_cmp);
    let median = times.get(calls / 2).copied().unwrap_or(f64::NAN);
    println!(
        "{case}, {threads} thread(s), {calls} calls: median {:.3} ms",
        median * 1e3
    );
    Ok(())
}
