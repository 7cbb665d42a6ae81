//! Speed of the tutorial's blob dataset.

#![allow(clippy::unwrap_used)] // a failed unwrap is a failed bench setup

use criterion::{Criterion, criterion_group, criterion_main};
use pixtip_tutorial::blobs::{BlobOptions, make_blobs};
use std::hint::black_box;

fn blobs(c: &mut Criterion) {
    let tutorial = BlobOptions::default();
    c.bench_function("make_blobs tutorial 200x96x96", |b| {
        b.iter(|| black_box(make_blobs(black_box(&tutorial)).unwrap()))
    });
    let cube = BlobOptions {
        rows: 6,
        width: 24,
        ndim: 3,
        ..BlobOptions::default()
    };
    c.bench_function("make_blobs 6x24x24x24", |b| {
        b.iter(|| black_box(make_blobs(black_box(&cube)).unwrap()))
    });
}

criterion_group!(benches, blobs);
criterion_main!(benches);
