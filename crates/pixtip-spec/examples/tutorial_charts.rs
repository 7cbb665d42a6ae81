//! The two charts of Altair's tutorial ("Displaying Numpy Images in Tooltips"),
//! built with pixtip-spec. The rows come from the reference JSON Altair wrote,
//! so the output can be compared byte for byte.
//!
//! `cargo run -p pixtip-spec --example tutorial_charts -- [OUT_DIR]`

use pixtip_spec::{
    Binding, ChannelName, Chart, Color, ConcatChart, Data, MarkProps, Param, Repeat, RepeatChart,
    Resolution, Step, Text, Tooltip, TopLevel, X, Y, expr, hconcat,
};

// --- chart code (compare with the end of make_reference.py) ---
/// The repeat chart comparing both areas.
pub fn comparison(plot: Data) -> RepeatChart {
    Chart::new(plot)
        .width(Step(40.0))
        .mark_circle(MarkProps::new().x_offset(expr("random() * 16 - 8")))
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

/// The chart whose metric is picked from a drop-down.
pub fn metric_switch(plot: Data) -> ConcatChart {
    let metric = Param::new()
        .value("image1_area")
        .bind(Binding::select(["image1_area", "image2_area"]).name("Image metric "));
    let m = metric.name();
    hconcat([
        Chart::empty()
            .mark_text(MarkProps::new().angle(270).dx(-150).font_weight("bold"))
            .encode([Text::value(metric.expr_ref())]),
        Chart::new(plot)
            .width(Step(40.0))
            .mark_circle(MarkProps::new().x_offset(expr("random() * 16 - 8")))
            .encode((
                X::new("group"),
                Y::new("image_area:Q").title(""),
                Tooltip::list(["image:N"]),
                Color::new("group"),
            ))
            .title("Area of blobs")
            .transform_calculate("image_area", format!("datum[{m}]"))
            .transform_calculate(
                "image",
                format!(r#"datum[replace({m}, "_area", "_base64")]"#),
            ),
    ])
    .add_params([&metric])
}
// --- end of chart code ---

/// The rows of the first dataset in an Altair spec file.
pub fn reference_rows(path: &std::path::Path) -> Result<Data, Box<dyn std::error::Error>> {
    let spec: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(path)?)?;
    let rows = spec["datasets"]
        .as_object()
        .and_then(|d| d.iter().find(|(name, _)| *name != "empty"))
        .and_then(|(_, rows)| rows.as_array().cloned())
        .ok_or("no dataset in the reference spec")?;
    Ok(Data::from_values(rows)?)
}

#[allow(dead_code)]
fn main() -> Result<(), Box<dyn std::error::Error>> {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let reference = root.join("fixtures/reference/altair-200");
    let out = std::env::args()
        .nth(1)
        .map_or_else(|| root.join("target/tutorial_charts"), Into::into);
    std::fs::create_dir_all(&out)?;
    let comparison = comparison(reference_rows(&reference.join("comparison.vl.json"))?);
    let metric = metric_switch(reference_rows(&reference.join("metric-switch.vl.json"))?);
    let options = pixtip_spec::HtmlOptions::default();
    std::fs::write(out.join("comparison.vl.json"), comparison.to_json_pretty()?)?;
    std::fs::write(out.join("comparison.html"), comparison.to_html(&options)?)?;
    std::fs::write(out.join("metric-switch.vl.json"), metric.to_json_pretty()?)?;
    std::fs::write(out.join("metric-switch.html"), metric.to_html(&options)?)?;
    println!("wrote {}", out.display());
    Ok(())
}
