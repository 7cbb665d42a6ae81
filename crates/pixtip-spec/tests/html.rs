//! HTML pages: CDN and offline scripts, and data that tries to break out of `<script>`.

mod common;

use pixtip_spec::*;
use serde_json::{Value, json};
use std::path::PathBuf;

fn node_modules() -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../node_modules");
    assert!(
        dir.join("vega/build/vega.min.js").exists(),
        "run `npm ci` in the workspace root first"
    );
    dir
}

/// The JSON after `var spec = ` in the page, parsed.
fn embedded_spec(page: &str) -> Value {
    let start = page.find("var spec = ").expect("spec in page") + "var spec = ".len();
    let end = start + page[start..].find(";\n").expect("end of spec");
    serde_json::from_str(&page[start..end]).expect("embedded spec is JSON")
}

fn hostile_chart() -> Chart {
    let nasty = vec![
        "</script><script>alert(1)</script>",
        "<!-- <script>",
        "quotes \" ' ` and \\ backslash",
        "line\u{2028}separator\u{2029}paragraph",
        "&amp; <b>&</b>",
        "</SCRIPT >",
    ];
    let data = Data::from_table(
        Table::new()
            .column("text", nasty)
            .column("v", vec![1.0, 2.0, 3.0, 4.0, 5.0, 6.0]),
    )
    .expect("table");
    Chart::new(data)
        .mark_text(MarkProps::default())
        .encode((Text::new("text"), Y::new("v")))
        .title("</script>")
}

#[test]
fn cdn_page_pins_versions_like_altair() {
    let page = hostile_chart()
        .to_html(&HtmlOptions::default())
        .expect("page");
    for src in [
        "https://cdn.jsdelivr.net/npm/vega@6\"",
        "https://cdn.jsdelivr.net/npm/vega-lite@6.4.1\"",
        "https://cdn.jsdelivr.net/npm/vega-embed@7\"",
    ] {
        assert!(page.contains(src), "missing {src}");
    }
    assert!(page.contains(r#"var embedOpt = {"mode":"vega-lite"};"#));
}

#[test]
fn hostile_data_cannot_leave_its_script() {
    let chart = hostile_chart();
    let page = chart.to_html(&HtmlOptions::default()).expect("page");
    // Only the page's own four script elements open and close.
    assert_eq!(page.to_ascii_lowercase().matches("<script").count(), 4);
    assert_eq!(page.to_ascii_lowercase().matches("</script").count(), 4);
    assert!(!page.contains("<!--"));
    assert!(!page.contains('\u{2028}') && !page.contains('\u{2029}'));
    let body = &page[page.find("var spec = ").expect("spec")..];
    let spec_text = &body[..body.find(";\n").expect("end")];
    assert!(!spec_text.contains('<') && !spec_text.contains('>') && !spec_text.contains('&'));
    // And the data survives the escaping unchanged.
    assert_eq!(embedded_spec(&page), chart.to_value().expect("value"));
}

#[test]
fn offline_page_inlines_the_three_scripts() {
    let chart = hostile_chart();
    let page = chart
        .to_html(&HtmlOptions::offline(node_modules()))
        .expect("page");
    assert!(
        !page.contains("cdn.jsdelivr.net"),
        "offline page must not load from the CDN"
    );
    // Each build travels whole as a base64 data: URL, in order; nothing is fetched.
    let sources: Vec<&str> = page
        .split("<script type=\"text/javascript\" src=\"")
        .skip(1)
        .map(|rest| rest.split('"').next().expect("closing quote"))
        .collect();
    assert_eq!(sources.len(), 3, "three script elements with a source");
    let dir = node_modules();
    for (rel, source) in [
        "vega/build/vega.min.js",
        "vega-lite/build/vega-lite.min.js",
        "vega-embed/build/vega-embed.min.js",
    ]
    .iter()
    .zip(sources)
    {
        let js = std::fs::read(dir.join(rel)).expect("script");
        let decoded = pixtip_tests::data_uri_bytes(source, "text/javascript");
        assert!(decoded == js, "{rel} not inlined byte for byte");
    }
    assert_eq!(page.to_ascii_lowercase().matches("</script").count(), 4);
    assert_eq!(embedded_spec(&page), chart.to_value().expect("value"));
}

#[test]
fn missing_script_folder_is_a_typed_error() {
    let err = hostile_chart()
        .to_html(&HtmlOptions::offline("/nonexistent/node_modules"))
        .unwrap_err();
    assert!(matches!(err, SpecError::Io { .. }), "{err}");
}

#[test]
fn tutorial_page_embeds_the_same_spec() {
    let chart = common::golden_cases()
        .into_iter()
        .find(|(n, _)| *n == "transforms")
        .expect("case")
        .1;
    let page = chart
        .to_html(&HtmlOptions {
            output_div: "chart".into(),
            ..HtmlOptions::default()
        })
        .expect("page");
    assert!(page.contains(r#"<div id="chart"></div>"#));
    assert_eq!(embedded_spec(&page), chart.to_value().expect("value"));
    assert_eq!(
        embedded_spec(&page)["datasets"]
            .as_object()
            .map(|d| d.len()),
        Some(2)
    );
    let _ = json!(null);
}
