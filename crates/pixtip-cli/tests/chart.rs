//! `pixtip chart` on users' files (fixtures/inputs): what it writes for each
//! input kind and chart kind (how it refuses bad ones: `refusals.rs`).

#![allow(clippy::unwrap_used)] // test helpers: a failed unwrap is a failed test

mod common;

use common::{pixtip, stderr};
use pixtip::compose::Picture;
use pixtip::encode::decode_data_uri;
use pixtip_tests::{input_path, page_spec};
use serde_json::Value;
use std::path::Path;

fn input(relative: &str) -> String {
    input_path(relative).display().to_string()
}

/// Runs `pixtip chart ARGS... --out DIR`, expecting success.
fn chart(args: &[&str], out: &Path) -> Value {
    let mut all: Vec<String> = vec!["chart".into()];
    all.extend(args.iter().map(|s| s.to_string()));
    all.extend(["--out".into(), out.display().to_string()]);
    let output = pixtip(&all);
    assert!(output.status.success(), "{args:?}: {}", stderr(&output));
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(stdout.contains("rows charted"), "{stdout}");
    assert!(out.join("chart.html").is_file());
    let html = std::fs::read_to_string(out.join("chart.html")).unwrap();
    assert!(html.contains("vegaEmbed"), "the page embeds the chart");
    let text = std::fs::read_to_string(out.join("chart.vl.json")).unwrap();
    let file: Value =
        serde_json::from_str(&text).unwrap_or_else(|e| panic!("chart.vl.json is not JSON: {e}"));
    // The spec file is the page's spec, but for embedded pictures, which
    // only the page holds (the file's cells are null) unless --vl-json full.
    let page = page_spec(&html);
    let full = args.windows(2).any(|w| w == ["--vl-json", "full"]);
    if full || args.windows(2).any(|w| w == ["--pictures", "files"]) {
        assert_eq!(file, page, "the spec file is the page's spec");
    } else {
        assert_eq!(without_pictures(&file), without_pictures(&page));
        assert!(
            rows(&file).iter().all(|row| picture_fields(&page)
                .iter()
                .all(|f| row.get(f) == Some(&Value::Null))),
            "the spec file leaves the embedded pictures out"
        );
    }
    page
}

/// `spec` with the picture cells of its data rows set to null.
fn without_pictures(spec: &Value) -> Value {
    let fields = picture_fields(spec);
    let mut spec = spec.clone();
    if let Some(datasets) = spec["datasets"].as_object_mut() {
        for rows in datasets.values_mut() {
            for row in rows.as_array_mut().into_iter().flatten() {
                for field in &fields {
                    if let Some(cell) = row.get_mut(field.as_str()) {
                        *cell = Value::Null;
                    }
                }
            }
        }
    }
    spec
}

/// Every object anywhere in `value` (depth first).
fn objects(value: &Value) -> Vec<&serde_json::Map<String, Value>> {
    let mut found = Vec::new();
    let mut stack = vec![value];
    while let Some(v) = stack.pop() {
        match v {
            Value::Object(map) => {
                found.push(map);
                stack.extend(map.values());
            }
            Value::Array(items) => stack.extend(items),
            _ => {}
        }
    }
    found
}

/// The table's rows: Altair's `datasets` named `data-<hash>` (the metric
/// switch's title has a dataset of its own, `empty`).
fn rows(spec: &Value) -> Vec<&serde_json::Map<String, Value>> {
    let datasets = spec["datasets"].as_object().expect("datasets");
    let mut rows = Vec::new();
    for (_, dataset) in datasets
        .iter()
        .filter(|(name, _)| name.starts_with("data-"))
    {
        rows.extend(
            dataset
                .as_array()
                .unwrap()
                .iter()
                .map(|r| r.as_object().unwrap()),
        );
    }
    rows
}

/// The data fields the tooltips show as pictures. vega-tooltip shows an
/// entry as a picture when its key is "image": an entry titled "image" (its
/// field holds the pictures), or the metric switch's field `image`, computed
/// from the picture columns its transform names as `datum["…"]`.
fn picture_fields(spec: &Value) -> Vec<String> {
    let all = objects(spec);
    let mut fields = Vec::new();
    for entry in all
        .iter()
        .filter_map(|o| o.get("tooltip"))
        .flat_map(|t| t.as_array().cloned().unwrap_or_else(|| vec![t.clone()]))
    {
        let field = entry["field"].as_str().unwrap_or_default();
        if entry["title"] == "image" {
            fields.push(field.to_string());
        } else if field == "image" && entry.get("title").is_none() {
            let calculate = all
                .iter()
                .find(|o| o.get("as") == Some(&Value::from("image")))
                .and_then(|o| o["calculate"].as_str())
                .expect("the field `image` is computed by a transform");
            fields.extend(
                calculate
                    .split("datum[\"")
                    .skip(1)
                    .filter_map(|rest| rest.split_once("\"]"))
                    .map(|(name, _)| name.to_string()),
            );
        }
    }
    fields.sort();
    fields.dedup();
    fields
}

/// The picture references of every row, field by field, checking that each
/// tooltip picture field has one in every row.
fn picture_references(spec: &Value) -> Vec<String> {
    let fields = picture_fields(spec);
    assert!(!fields.is_empty(), "no tooltip entry shows a picture");
    let rows = rows(spec);
    assert!(!rows.is_empty());
    let mut references = Vec::new();
    for row in rows {
        for field in &fields {
            let reference = row.get(field).and_then(Value::as_str);
            references.push(
                reference
                    .unwrap_or_else(|| panic!("a row has no `{field}`"))
                    .to_string(),
            );
        }
    }
    references
}

/// A strict `data:image/png;base64,` URI of a PNG.
fn embedded_picture(reference: &str) -> Picture {
    let payload = reference
        .strip_prefix("data:image/png;base64,")
        .unwrap_or_else(|| panic!("not a PNG data URI: {:.60}", reference));
    let body = payload.trim_end_matches('=');
    assert!(
        payload.len().is_multiple_of(4) && payload.len() - body.len() <= 2,
        "padding: {payload:.60}"
    );
    assert!(
        body.bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'+' || b == b'/'),
        "not base64: {payload:.60}"
    );
    decode_data_uri(reference).unwrap()
}

/// A strict `pictures/<digits>-<digits>.png` of a PNG file in `out`.
fn file_picture(out: &Path, reference: &str) -> Picture {
    let name = reference
        .strip_prefix("pictures/")
        .and_then(|r| r.strip_suffix(".png"))
        .unwrap_or_else(|| panic!("not pictures/<file>.png: {reference}"));
    let (column, row) = name
        .split_once('-')
        .unwrap_or_else(|| panic!("{reference}"));
    for part in [column, row] {
        assert!(
            !part.is_empty() && part.bytes().all(|b| b.is_ascii_digit()),
            "{reference}"
        );
    }
    pixtip::encode::decode_png(&std::fs::read(out.join(reference)).unwrap()).unwrap()
}

fn strings(values: &[&str]) -> Vec<String> {
    values.iter().map(|s| s.to_string()).collect()
}

#[test]
fn a_npy_stack_with_a_metric_makes_a_scatter_of_embedded_pictures() {
    let out = tempfile::tempdir().unwrap();
    let spec = chart(
        &[
            &input("npy/float32.npy"),
            "--metric",
            "mean=float32:mean",
            "--scale",
            "per-image",
        ],
        out.path(),
    );
    let references = picture_references(&spec);
    assert_eq!(references.len(), 3);
    for reference in &references {
        let picture = embedded_picture(reference);
        // 6x5 images grow by 10 under the default zoom.
        assert_eq!((picture.width(), picture.height()), (50, 60));
    }
    let means: Vec<&Value> = rows(&spec).iter().map(|r| &r["mean"]).collect();
    assert_eq!(means.len(), 3);
    // float32 image 0 holds NaN and infinities: JSON has no NaN, so its mean is null.
    assert!(means[0].is_null() && means[1].is_number(), "{means:?}");
    assert!(!out.path().join("pictures").exists());
}

#[test]
fn the_spec_file_holds_embedded_pictures_only_when_asked() {
    let lean = tempfile::tempdir().unwrap();
    let full = tempfile::tempdir().unwrap();
    let args = [
        input("npy/float32.npy"),
        "--metric".into(),
        "mean=float32:mean".into(),
    ];
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    // `chart` checks each spec file against its page.
    let page = chart(&args, lean.path());
    let full_args = [args.clone(), vec!["--vl-json", "full"]].concat();
    assert_eq!(
        chart(&full_args, full.path()),
        page,
        "the same chart either way"
    );
    let size = |dir: &Path| std::fs::metadata(dir.join("chart.vl.json")).unwrap().len();
    let pictures: usize = picture_references(&page).iter().map(String::len).sum();
    assert!(
        size(full.path()) - size(lean.path()) + 3 * 4 >= pictures as u64,
        "the lean spec file leaves {pictures} bytes of pictures out"
    );
}

#[test]
fn a_npz_shows_its_keys_side_by_side() {
    let out = tempfile::tempdir().unwrap();
    let spec = chart(
        &[
            &input("pair.npz"),
            "--metric",
            "left_mean=left:mean",
            "--picture",
            "left,right",
            "--zoom",
            "2",
        ],
        out.path(),
    );
    for reference in picture_references(&spec) {
        let picture = embedded_picture(&reference);
        // Two 10x12 pictures, 10 px apart.
        assert_eq!((picture.width(), picture.height()), (30, 12));
    }
}

#[test]
fn a_folder_with_a_table_follows_the_tables_file_column() {
    let out = tempfile::tempdir().unwrap();
    let spec = chart(
        &[
            &input("folder"),
            "--table",
            &input("folder.csv"),
            "--file-column",
            "file",
            "--y",
            "weight",
            "--color",
            "kind",
            "--tooltip",
            "file,kind",
            "--zoom",
            "1",
        ],
        out.path(),
    );
    let rows = rows(&spec);
    let files: Vec<&str> = rows.iter().map(|r| r["file"].as_str().unwrap()).collect();
    assert_eq!(
        files,
        [
            "d_gray16.png",
            "a_gray8.png",
            "f_photo.jpg",
            "b_rgb8.png",
            "e_gray16.tif",
            "c_rgba8.png"
        ]
    );
    let kinds: Vec<&'static str> = picture_references(&spec)
        .iter()
        .map(|r| embedded_picture(r).kind().name())
        .collect();
    let gray = Picture::Gray(Default::default()).kind().name();
    let rgb = Picture::Rgb(Default::default()).kind().name();
    let rgba = Picture::Rgba(Default::default()).kind().name();
    assert_eq!(kinds, [gray, gray, rgb, rgb, gray, rgba]);
}

#[test]
fn repeat_and_switch_charts_with_metrics_and_picture_files() {
    let out = tempfile::tempdir().unwrap();
    let common = [
        input("npy/uint16.npy"),
        input("npy/volume.npy"),
        "--table".into(),
        input("stacks.csv"),
        "--metric".into(),
        "mean=uint16:mean".into(),
        "--metric".into(),
        "area=volume:fraction_above:0.4".into(),
        "--x".into(),
        "group".into(),
    ];
    let mut args: Vec<&str> = common.iter().map(String::as_str).collect();
    args.extend(["--repeat", "mean,area"]);
    let spec = chart(&args, out.path());
    assert_eq!(
        spec["repeat"],
        serde_json::json!(strings(&["mean", "area"]))
    );
    assert_eq!(picture_references(&spec).len(), 3);

    let mut args: Vec<&str> = common.iter().map(String::as_str).collect();
    args.extend(["--switch", "mean,area", "--pictures", "files"]);
    let spec = chart(&args, out.path());
    let select = objects(&spec)
        .into_iter()
        .find(|o| o.get("input") == Some(&Value::from("select")))
        .expect("a dropdown");
    assert_eq!(
        select["options"],
        serde_json::json!(strings(&["mean", "area"]))
    );
    // Each metric shows the pictures of the column it measures: two picture fields.
    let references = picture_references(&spec);
    assert_eq!(
        picture_fields(&spec).len(),
        2,
        "{:?}",
        picture_fields(&spec)
    );
    assert_eq!(references.len(), 6);
    for reference in &references {
        assert!(!reference.starts_with("data:"), "{reference:.40}");
        let picture = file_picture(out.path(), reference);
        assert!(picture.width() > 0);
    }
    // The folder holds exactly the referenced files, none named after a label.
    let mut written: Vec<String> = std::fs::read_dir(out.path().join("pictures"))
        .unwrap()
        .map(|e| format!("pictures/{}", e.unwrap().file_name().to_string_lossy()))
        .collect();
    let mut referenced = references.clone();
    written.sort();
    referenced.sort();
    referenced.dedup();
    assert_eq!(written, referenced);
    assert_eq!(
        pixtip_tests::entry_names(out.path()),
        [".pixtip", "chart.html", "chart.vl.json", "pictures"]
    );
}
