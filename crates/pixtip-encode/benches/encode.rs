//! Speed of PNG encoding and data URIs for tooltip pictures, and of the
//! Default preset's kernels (row filters, deflate) on their own.

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use ndarray::Array2;
use pixtip_compose::{PairOptions, Picture, tooltip_pair};
use pixtip_encode::{Preset, encode_data_uri_many, encode_png, kernels, to_data_uri};
use std::hint::black_box;

fn blob(cx: f64, cy: f64) -> Array2<f64> {
    Array2::from_shape_fn((96, 96), |(y, x)| {
        let d2 = (x as f64 - cx).powi(2) + (y as f64 - cy).powi(2);
        (-d2 / 200.0).exp()
    })
}

fn bench(c: &mut Criterion) {
    let pair = tooltip_pair(
        &blob(30.0, 40.0),
        &blob(60.0, 50.0),
        &PairOptions::default(),
    )
    .expect("pair");
    let Picture::Gray(gray) = &pair else {
        panic!("the tutorial's pair is gray")
    };
    let (raw, stride) = (gray.as_raw(), pair.width() as usize);

    let mut group = c.benchmark_group("kernels 96x202 gray");
    group.throughput(Throughput::Bytes(raw.len() as u64));
    group.bench_function("filter rows: None/Sub/Up min-sum (Default)", |b| {
        b.iter(|| kernels::filter_rows(black_box(raw), stride, 1))
    });
    group.bench_function("filter rows: five-way min-sum (Pillow's)", |b| {
        b.iter(|| kernels::filter_rows_five_way(black_box(raw), stride, 1))
    });
    let filtered = kernels::filter_rows(raw, stride, 1);
    group.bench_function("deflate filtered rows (Default, libdeflate)", |b| {
        b.iter(|| kernels::deflate(black_box(&filtered)))
    });
    group.finish();

    let mut group = c.benchmark_group("encode_png 96x202 gray");
    group.throughput(Throughput::Bytes(raw.len() as u64));
    for preset in [Preset::Fast, Preset::Default, Preset::Smallest] {
        group.bench_function(format!("{preset:?}"), |b| {
            b.iter(|| encode_png(black_box(&pair), preset))
        });
    }
    group.finish();

    let png = encode_png(&pair, Preset::Default).expect("png");
    c.bench_function("to_data_uri 96x202 pair", |b| {
        b.iter(|| to_data_uri(black_box(&png)))
    });
    let many: Vec<Picture> = (0..64).map(|_| pair.clone()).collect();
    c.bench_function("encode_data_uri_many 64 pairs Default (all cores)", |b| {
        b.iter(|| encode_data_uri_many(black_box(&many), Preset::Default))
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);
