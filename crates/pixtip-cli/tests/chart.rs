//! `pixtip chart` on users' files (fixtures/inputs): what it writes for each
//! input kind and chart kind, and how it refuses bad inputs: exit code, one
//! line on stderr naming the file, row or column, and the old chart left as
//! it was.

#![allow(clippy::unwrap_used)] // test helpers: a failed unwrap is a failed test

mod common;

use common::{pixtip, stderr};
use pixtip::compose::Picture;
use pixtip::encode::decode_data_uri;
use pixtip_tests::{float64_stack_with_nan_image, input_path, npy_zeros_u8, page_spec};
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

const OLD_PAGE: &str = "<html>the chart of yesterday</html>";

/// An earlier run's output folder (its marker and a `chart.html`), to see
/// it survive a failed run.
fn old_chart() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("chart.html"), OLD_PAGE).unwrap();
    std::fs::write(dir.path().join(pixtip::output::OUTPUT_MARKER), "").unwrap();
    dir
}

/// Runs `pixtip chart ARGS... [--out DIR]` into a folder with an old chart;
/// checks the exit code, that stderr is one line starting `pixtip: ` and
/// naming each of `mentions`, and that the folder holds the old chart only.
fn assert_refused(args: &[&str], with_out: bool, code: i32, mentions: &[&str]) {
    let old = old_chart();
    let out = old.path().display().to_string();
    let mut all = vec!["chart"];
    all.extend(args);
    if with_out {
        all.extend(["--out", &out]);
    }
    let output = pixtip(&all);
    let text = stderr(&output);
    assert_eq!(output.status.code(), Some(code), "{args:?}: {text}");
    assert_eq!(text.trim_end().lines().count(), 1, "{args:?}: {text}");
    assert!(text.starts_with("pixtip: "), "{args:?}: {text}");
    assert!(!text.contains("panicked"), "{args:?}: {text}");
    for mention in mentions {
        assert!(
            text.contains(mention),
            "{args:?}: `{mention}` missing from {text}"
        );
    }
    let page = std::fs::read_to_string(old.path().join("chart.html")).unwrap();
    assert_eq!(page, OLD_PAGE, "{args:?} changed chart.html");
    let left: Vec<_> = std::fs::read_dir(old.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(left.len(), 2, "{args:?} left {left:?}");
}

#[test]
fn bad_inputs_exit_1_with_one_line_naming_the_fault_and_leave_the_old_chart() {
    let scratch = tempfile::tempdir().unwrap();
    let put = |name: &str, bytes: &[u8]| {
        let path = scratch.path().join(name);
        std::fs::write(&path, bytes).unwrap();
        path.display().to_string()
    };
    let good = std::fs::read(input_path("npy/float64.npy")).unwrap();
    let garbage = put("garbage.npy", b"not numpy");
    let short = put("short.npy", &good[..good.len() - 100]);
    let not_zip = put("not_zip.npz", b"not a zip");
    let all_nan = put("cells.npy", &float64_stack_with_nan_image(1));
    let wide = put("wide.npy", &npy_zeros_u8(&[1, 300, 300]));
    let ragged = put("ragged.csv", b"group,score\na,1\nb\nc,3\n");
    let climbing = put(
        "climbing.csv",
        b"file\na_gray8.png\n../folder.csv\nb_rgb8.png\n",
    );
    let broken_folder = scratch.path().join("broken");
    std::fs::create_dir(&broken_folder).unwrap();
    std::fs::copy(
        input_path("folder/a_gray8.png"),
        broken_folder.join("a.png"),
    )
    .unwrap();
    std::fs::write(broken_folder.join("b.png"), b"\x89PNG\r\n\x1a\nnot really").unwrap();
    let broken_folder = broken_folder.display().to_string();
    let missing = scratch.path().join("missing.npy").display().to_string();

    let uint8 = input("npy/uint8.npy");
    let (object, complex) = (input("bad/object.npy"), input("bad/complex.npy"));
    let (single, folder, folder_csv) = (
        input("npy/single.npy"),
        input("folder"),
        input("folder.csv"),
    );
    let metric = "m=uint8:mean";
    let cases: Vec<(Vec<&str>, Vec<&str>)> = vec![
        (vec![&garbage, "--y", "index"], vec!["garbage.npy", "magic"]),
        (vec![&short, "--y", "index"], vec!["short.npy", "[3, 6, 5]"]),
        (vec![&object, "--y", "index"], vec!["object.npy", "pickle"]),
        (
            vec![&complex, "--y", "index"],
            vec!["complex.npy", "complex"],
        ),
        (vec![&not_zip, "--y", "index"], vec!["not_zip.npz", ".npz"]),
        (vec![&missing, "--y", "index"], vec!["missing.npy"]),
        (
            vec![&broken_folder, "--y", "index"],
            vec!["row 1", "`broken`", "b.png"],
        ),
        (
            vec![&uint8, &single, "--y", "index"],
            vec!["uint8.npy", "single.npy"],
        ),
        (
            vec![&uint8, "--table", &ragged, "--metric", metric],
            vec!["ragged.csv", "line 3"],
        ),
        (
            vec![&uint8, "--table", &folder_csv, "--metric", metric],
            vec!["folder.csv", "6 rows"],
        ),
        (
            vec![
                &folder,
                "--table",
                &climbing,
                "--file-column",
                "file",
                "--y",
                "index",
            ],
            vec!["row 1", "`file`", "../folder.csv"],
        ),
        (
            vec![&uint8, "--metric", metric, "--x", "nope"],
            vec!["`nope`", "index"],
        ),
        (
            vec![&uint8, "--metric", "m=nope:mean"],
            vec!["`nope`", "uint8"],
        ),
        (
            vec![
                &uint8, "--metric", metric, "--repeat", "m,nope", "--x", "index",
            ],
            vec!["`nope`"],
        ),
        (
            vec![
                &all_nan,
                "--y",
                "index",
                "--scale",
                "per-image",
                "--pictures",
                "files",
            ],
            vec!["row 1", "`cells`", "per-image"],
        ),
        // The library names the request's fields; the command line, its flags.
        (
            vec![&uint8, "--repeat", "index"],
            vec!["--repeat", "--x FIELD"],
        ),
        (vec![&uint8], vec!["nothing to plot on y", "--y FIELD"]),
        // 64 times 300 px on each side is over 2^28 pixels: refused, not allocated.
        (
            vec![&wide, "--y", "index", "--zoom", "64", "--thumbnail", "0"],
            vec!["row 0", "`wide`", "zoom 64", "19200×19200"],
        ),
    ];
    for (args, mentions) in cases {
        assert_refused(&args, true, 1, &mentions);
    }
}

#[test]
fn bad_arguments_exit_2_with_one_line_and_write_nothing() {
    let uint8 = input("npy/uint8.npy");
    let cases: Vec<(Vec<&str>, &str)> = vec![
        (vec![&uint8], "--out"),
        (vec![&uint8, "--pictures", "zip"], "zip"),
        (vec![&uint8, "--zoom", "0"], "--zoom"),
        (vec![&uint8, "--thumbnail", "-1"], "-1"),
        (vec![&uint8, "--colormap", "rainbow"], "rainbow"),
        (vec![&uint8, "--repeat", "a", "--switch", "b"], "--switch"),
        (vec![&uint8, "--file-column", "file"], "--table"),
        (vec![&uint8, "--frobnicate"], "--frobnicate"),
        (vec![&uint8, "--scale", "range:5,1"], "range:5,1"),
        (vec![&uint8, "--scale", "percentile:1"], "percentile"),
        (vec![&uint8, "--scale", "log"], "log"),
        (vec![&uint8, "--type", "index:X"], "index:X"),
        (vec![&uint8, "--metric", "m=uint8:median"], "median"),
        (vec![&uint8, "--metric", "m=uint8"], "m=uint8"),
    ];
    for (args, mention) in cases {
        // Without a second argument, --out is what is missing.
        assert_refused(&args, args.len() > 1, 2, &[mention]);
    }
}
