//! Serialising the tutorial's comparison chart (200 rows with PNG data URIs).

use criterion::{Criterion, criterion_group, criterion_main};
use pixtip_spec::{
    ChannelName, Chart, Color, Data, MarkProps, Repeat, Resolution, Step, Tooltip, TopLevel, X, Y,
    expr,
};
use std::hint::black_box;

fn rows() -> Vec<serde_json::Value> {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../fixtures/reference/altair-200/comparison.vl.json"
    );
    let text = std::fs::read_to_string(path).expect("reference spec");
    let spec: serde_json::Value = serde_json::from_str(&text).expect("JSON");
    let datasets = spec["datasets"].as_object().expect("datasets");
    datasets
        .values()
        .next()
        .and_then(|v| v.as_array())
        .cloned()
        .expect("rows")
}

fn comparison(data: Data) -> pixtip_spec::RepeatChart {
    Chart::new(data)
        .width(Step(40.0))
        .mark_circle(MarkProps {
            x_offset: expr("random() * 16 - 8").into(),
            ..Default::default()
        })
        .encode((
            X::new("group"),
            Y::repeat().quantitative(),
            Tooltip::list(["image"]),
            Color::new("group"),
        ))
        .repeat(Repeat::list(["image1_area", "image2_area"]))
        .resolve_scale(ChannelName::Y, Resolution::Shared)
        .title("Comparison of blob areas")
}

fn bench(c: &mut Criterion) {
    let rows = rows();
    let chart = comparison(Data::from_values(rows.clone()).expect("rows"));
    c.bench_function("comparison to_json_pretty", |b| {
        b.iter(|| black_box(chart.to_json_pretty()))
    });
    c.bench_function("comparison to_json (compact)", |b| {
        b.iter(|| black_box(chart.to_json()))
    });
    c.bench_function("comparison data + build + to_json_pretty", |b| {
        b.iter(|| {
            let data = Data::from_values(black_box(rows.clone())).expect("rows");
            black_box(comparison(data).to_json_pretty())
        })
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);
