//! Serialising the tutorial's comparison chart (200 rows with PNG data URIs).

use criterion::{Criterion, criterion_group, criterion_main};
use pixtip_spec::{Chart, Data, MarkProps, Tooltip, TopLevel, X, Y};
use std::hint::black_box;

// The chart the example builds (and tests/tutorial.rs holds to Altair's bytes).
#[path = "../examples/tutorial_charts.rs"]
#[allow(dead_code)]
mod tutorial_charts;
use tutorial_charts::comparison;

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

/// A chart of `n` points whose tooltips are 3.8 KB data URIs, as pixtip
/// embeds 64x64 pictures.
fn pictures_chart(n: usize) -> pixtip_spec::Chart {
    let uri = format!("data:image/png;base64,{}", "iVBORw0KGgo+/A".repeat(270));
    let table = pixtip_spec::Table::new()
        .column(
            "x",
            (0..n).map(|i| i as f64 * 0.37 - 5.1).collect::<Vec<_>>(),
        )
        .column("y", (0..n).map(|i| (i as f64).sqrt()).collect::<Vec<_>>())
        .column(
            "cluster",
            (0..n).map(|i| format!("c{}", i % 10)).collect::<Vec<_>>(),
        )
        .column("picture", vec![uri; n]);
    Chart::new(Data::from_table(table).expect("table"))
        .mark_circle(MarkProps::default())
        .encode((X::new("x"), Y::new("y"), Tooltip::list(["picture"])))
}

/// Why `json.rs` is a writer of its own and not a serde `Formatter`: the
/// same spec written by pixtip's streaming writer and by serde_json's
/// pretty writer from the spec's `Value` (which serde needs first).
fn writers(c: &mut Criterion) {
    let chart = pictures_chart(10_000);
    c.bench_function("10k pictures: pixtip write_json_pretty", |b| {
        b.iter(|| black_box(chart.write_json_pretty(&mut std::io::sink(), &[])))
    });
    c.bench_function("10k pictures: to_value + serde_json pretty", |b| {
        b.iter(|| {
            let value = chart.to_value().expect("value");
            black_box(serde_json::to_writer_pretty(&mut std::io::sink(), &value))
        })
    });
    let value = chart.to_value().expect("value");
    c.bench_function("10k pictures: serde_json pretty of a built Value", |b| {
        b.iter(|| black_box(serde_json::to_writer_pretty(&mut std::io::sink(), &value)))
    });
}

criterion_group!(benches, bench, writers);
criterion_main!(benches);
