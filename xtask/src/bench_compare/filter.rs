//! Side-by-side timing of the filter part against scipy.ndimage.
//!
//! Cases: gaussian_filter 2048 x 2048 f64 sigma 8 (reflect), uniform_filter
//! on the same image size 31 (reflect), and the tutorial's 96 x 96 impulse
//! with gaussian sigma 9.6 (reflect) and uniform size 38 (constant). scipy is
//! single-threaded, so the ratios use pixtip on a one-thread rayon pool; the
//! 2048 cases are also timed on a two-thread pool to show the scaling. Every
//! figure is the best of several repeats on identical inputs, with scipy and
//! pixtip alternating in rounds. The last column is pixtip's rate on the
//! least work each case needs (Gaussian multiply-adds, uniform bytes read
//! and written), from which the fraction of a core's peak follows.

use crate::python;
use anyhow::{Context, Result};
use ndarray::Array2;
use pixtip_filter::{GaussianOptions, Mode, UniformOptions, gaussian_filter, uniform_filter};
use std::hint::black_box;
use std::time::Instant;

const ROUNDS: usize = 4;
const REPEATS_BIG: usize = 3;
const REPEATS_SMALL: usize = 200;

/// A deterministic 2048 x 2048 image in [0, 1): the same hash the criterion
/// bench uses.
fn big_image() -> Array2<f64> {
    Array2::from_shape_fn((2048, 2048), |(i, j)| {
        let h = (i as u64 * 2654435761 + j as u64 * 40503).wrapping_mul(0x9E3779B97F4A7C15);
        (h >> 11) as f64 / (1u64 << 53) as f64
    })
}

fn best<R>(repeats: usize, mut f: impl FnMut() -> R) -> f64 {
    (0..repeats)
        .map(|_| {
            let start = Instant::now();
            black_box(f());
            start.elapsed().as_secs_f64()
        })
        .fold(f64::INFINITY, f64::min)
}

fn pool(threads: usize) -> Result<rayon::ThreadPool> {
    Ok(rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .build()?)
}

pub fn run() -> Result<()> {
    let big = big_image();
    let mut small = Array2::<f64>::zeros((96, 96));
    small[[30, 40]] = 1.0;

    let dir = python::workspace_root().join("target/bench-compare");
    std::fs::create_dir_all(&dir)?;
    let big_path = dir.join("filter-big.npy");
    ndarray_npy::write_npy(&big_path, &big)?;
    let reflect = GaussianOptions::default();
    let uniform_reflect = UniformOptions::default();
    let uniform_constant = UniformOptions {
        mode: Mode::Constant.into(),
        ..Default::default()
    };
    let (one, two) = (pool(1)?, pool(2)?);
    let big_arg = big_path.to_string_lossy().into_owned();
    let (repeats_big, repeats_small) = (REPEATS_BIG.to_string(), REPEATS_SMALL.to_string());

    // The machine is shared: alternate scipy and pixtip in rounds and keep
    // each side's best, so both sides see the same spread of load.
    const KEYS: [&str; 4] = ["gaussian_2048", "uniform_2048", "gaussian_96", "uniform_96"];
    let mut scipy = [f64::INFINITY; 4];
    let mut pixtip = [f64::INFINITY; 4];
    let mut pixtip_two = [f64::INFINITY; 2];
    for _ in 0..ROUNDS {
        let printed =
            python::run_script("bench_filter.py", &[&big_arg, &repeats_big, &repeats_small])?;
        let times: serde_json::Value =
            serde_json::from_str(printed.trim()).context("bench_filter.py output")?;
        for (best, key) in scipy.iter_mut().zip(KEYS) {
            let t = times[key]
                .as_f64()
                .with_context(|| format!("missing {key}"))?;
            *best = best.min(t);
        }
        let gaussian_big = |p: &rayon::ThreadPool| {
            best(REPEATS_BIG, || {
                p.install(|| gaussian_filter(&big, 8.0, &reflect))
            })
        };
        let uniform_big = |p: &rayon::ThreadPool| {
            best(REPEATS_BIG, || {
                p.install(|| uniform_filter(&big, 31, &uniform_reflect))
            })
        };
        let round = [
            gaussian_big(&one),
            uniform_big(&one),
            // Below the parallel threshold: runs on the calling thread.
            best(REPEATS_SMALL, || gaussian_filter(&small, 9.6, &reflect)),
            best(REPEATS_SMALL, || {
                uniform_filter(&small, 38, &uniform_constant)
            }),
        ];
        for (best, t) in pixtip.iter_mut().zip(round) {
            *best = best.min(t);
        }
        pixtip_two[0] = pixtip_two[0].min(gaussian_big(&two));
        pixtip_two[1] = pixtip_two[1].min(uniform_big(&two));
    }
    let names = [
        "gaussian_filter 2048x2048 sigma 8",
        "uniform_filter 2048x2048 size 31",
        "gaussian_filter 96x96 sigma 9.6 reflect",
        "uniform_filter 96x96 size 38 constant",
    ];
    // What each case must do at the least: a Gaussian's multiply-adds (taps
    // times pixels, both axes), a uniform filter's bytes (read the image,
    // write the result).
    let work = [
        Work::MultiplyAdds(gaussian_taps(8.0) * 2048 * 2048 * 2),
        Work::Bytes(2 * 8 * 2048 * 2048),
        Work::MultiplyAdds(gaussian_taps(9.6) * 96 * 96 * 2),
        Work::Bytes(2 * 8 * 96 * 96),
    ];
    let rows = (0..4).map(|i| (names[i], scipy[i], pixtip[i], pixtip_two.get(i).copied()));

    println!(
        "{:<42} {:>12} {:>14} {:>8} {:>14} {:>9} {:>16}",
        "case", "scipy", "pixtip 1 thr", "ratio", "pixtip 2 thr", "scaling", "pixtip 1 thr rate"
    );
    for ((name, scipy, pixtip, pixtip_two), work) in rows.zip(work) {
        let (two_text, scaling) = match pixtip_two {
            Some(t) => (format_time(t), format!("{:.2}x", pixtip / t)),
            None => ("-".to_string(), "-".to_string()),
        };
        println!(
            "{:<42} {:>12} {:>14} {:>7.2}x {:>14} {:>9} {:>16}",
            name,
            format_time(scipy),
            format_time(pixtip),
            scipy / pixtip,
            two_text,
            scaling,
            work.rate(pixtip)
        );
    }
    println!(
        "ratio = scipy time / pixtip single-thread time; scaling = pixtip 1 thread / 2 threads"
    );
    println!(
        "rate = Gaussian taps x pixels x 2 axes (multiply-adds) per second, or the uniform \
         filter's image read plus result written (bytes) per second"
    );
    Ok(())
}

/// The least work a case does.
#[derive(Debug, Clone, Copy)]
enum Work {
    MultiplyAdds(usize),
    Bytes(usize),
}

impl Work {
    fn rate(self, seconds: f64) -> String {
        match self {
            Work::MultiplyAdds(n) => format!("{:.1} GMAC/s", n as f64 / seconds / 1e9),
            Work::Bytes(n) => format!("{:.1} GB/s", n as f64 / seconds / 1e9),
        }
    }
}

/// Taps of scipy's Gaussian kernel for `sigma` at the default truncate 4:
/// `2 * int(4 * sigma + 0.5) + 1`.
fn gaussian_taps(sigma: f64) -> usize {
    2 * (4.0 * sigma + 0.5) as usize + 1
}

fn format_time(seconds: f64) -> String {
    if seconds >= 1e-3 {
        format!("{:.2} ms", seconds * 1e3)
    } else {
        format!("{:.1} us", seconds * 1e6)
    }
}
