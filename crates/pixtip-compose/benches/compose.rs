//! Speed of building the tutorial's tooltip pictures.

use criterion::{Criterion, criterion_group, criterion_main};
use ndarray::Array2;
use pixtip_compose::{
    Colormap, ElementType, ImageLayout, Look, PairOptions, PictureSize, ResolvedScale,
    render_values, tooltip_pair,
};
use std::hint::black_box;

/// A smooth blob like the tutorial's, in [0, 1].
fn blob(cx: f64, cy: f64) -> Array2<f64> {
    Array2::from_shape_fn((96, 96), |(y, x)| {
        let d2 = (x as f64 - cx).powi(2) + (y as f64 - cy).powi(2);
        (-d2 / 200.0).exp()
    })
}

fn bench(c: &mut Criterion) {
    let (a, b) = (blob(30.0, 40.0), blob(60.0, 50.0));
    let options = PairOptions::default();
    c.bench_function("tooltip_pair 96x202 gray labelled", |bench| {
        bench.iter(|| tooltip_pair(black_box(&a), black_box(&b), &options))
    });
    let viridis = PairOptions {
        look: Look {
            colormap: Colormap::Viridis,
            ..Look::default()
        },
        ..PairOptions::default()
    };
    c.bench_function("tooltip_pair 96x202 viridis labelled", |bench| {
        bench.iter(|| tooltip_pair(black_box(&a), black_box(&b), &viridis))
    });
    let gray = |scale: ResolvedScale| {
        let layout = ImageLayout::Gray {
            height: 96,
            width: 96,
        };
        let look = Look::default();
        move |image: &ndarray::Array2<f64>| {
            let values = image.view().into_dyn();
            render_values(
                values,
                ElementType::F64,
                layout,
                &scale,
                &look,
                &PictureSize::ACTUAL,
            )
        }
    };
    let unit = gray(ResolvedScale::UNIT);
    c.bench_function("render 96x96 unit", |bench| {
        bench.iter(|| unit(black_box(&a)))
    });
    let percentile = gray(ResolvedScale::percentile(1.0, 99.0).expect("valid percentiles"));
    c.bench_function("render 96x96 percentile", |bench| {
        bench.iter(|| percentile(black_box(&a)))
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);
