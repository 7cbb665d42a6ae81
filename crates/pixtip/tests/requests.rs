//! A chart request that cannot make a chart is refused with a
//! [`RequestError`] whose one-line message names the request's fields and
//! charts (the command line words them as its flags itself), before
//! anything is written.

use pixtip::PixtipError;
use pixtip::RequestError;
use pixtip::atlas::{AtlasOptions, run_atlas_job};
use pixtip::job::{ChartKind, ChartRequest, MetricSpec, build_table, run_chart_job};
use pixtip_tests::input_path;

/// A request charting `uint8.npy` (3 images) with `stacks.csv` (3 rows:
/// `label` and `group` text, `score` numbers).
fn request() -> ChartRequest {
    ChartRequest {
        inputs: vec![input_path("npy/uint8.npy")],
        table: Some(input_path("stacks.csv")),
        ..ChartRequest::default()
    }
}

/// The request error `result` failed with; its message is one line and
/// names no flag.
fn refused<T: std::fmt::Debug>(result: Result<T, PixtipError>) -> RequestError {
    let error = result.expect_err("the request is refused");
    let message = error.to_string();
    assert_eq!(message.lines().count(), 1, "{message}");
    assert!(!message.contains("--"), "names a flag: {message}");
    match error {
        PixtipError::Request(request) => request,
        other => panic!("not a request error: {other:?}"),
    }
}

#[test]
fn chart_requests_name_the_fields_they_lack() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    let run = |request: &ChartRequest| run_chart_job(request, &out, &mut |_| {});

    let empty = ChartRequest::default();
    assert_eq!(refused(run(&empty)), RequestError::NoInput);

    let repeat = ChartRequest {
        chart: ChartKind::Repeat(vec!["score".into()]),
        ..request()
    };
    let error = refused(run(&repeat));
    assert_eq!(error, RequestError::NoGroups { chart: "repeat" });
    assert_eq!(
        error.to_string(),
        "a repeat chart needs an x field (the groups along x)"
    );
    let switch = ChartRequest {
        chart: ChartKind::Switch(vec!["score".into()]),
        ..request()
    };
    assert_eq!(
        refused(run(&switch)),
        RequestError::NoGroups { chart: "switch" }
    );

    // No y, no metric and no number column but `index`.
    let bare = ChartRequest {
        table: None,
        ..request()
    };
    let error = refused(run(&bare));
    assert_eq!(error, RequestError::NoY);
    assert!(error.to_string().contains("a y field"), "{error}");

    let names_without_table = ChartRequest {
        inputs: vec![input_path("folder")],
        file_name_column: Some("file".into()),
        ..ChartRequest::default()
    };
    let error = refused(build_table(&names_without_table, &mut |_| {}));
    assert!(
        error.to_string().contains("(`file`) needs a table"),
        "{error}"
    );

    let two_tables = ChartRequest {
        inputs: vec![input_path("formats/images.feather")],
        ..request()
    };
    let error = refused(build_table(&two_tables, &mut |_| {}));
    assert!(matches!(error, RequestError::TwoTables { .. }), "{error:?}");
    assert!(error.to_string().contains("images.feather"), "{error}");

    let error = refused(MetricSpec::parse("area"));
    assert_eq!(
        error.to_string(),
        "metric `area`: expected NAME=COLUMN:KIND[:ARG]"
    );
    assert!(!out.exists(), "a refused request wrote its output");
}

#[test]
fn atlas_requests_name_the_fields_they_lack() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("atlas");
    let options = AtlasOptions::default();
    let atlas = |request: &ChartRequest, options: &AtlasOptions| {
        run_atlas_job(request, options, &out, &mut |_| {})
    };
    let placed = ChartRequest {
        x: Some("score".into()),
        y: Some("index".into()),
        ..request()
    };
    let repeat = ChartRequest {
        chart: ChartKind::Repeat(vec!["score".into()]),
        ..placed.clone()
    };
    assert_eq!(
        refused(atlas(&repeat, &options)),
        RequestError::AtlasNotScatter { chart: "repeat" }
    );
    let no_y = ChartRequest {
        y: None,
        ..placed.clone()
    };
    assert_eq!(refused(atlas(&no_y, &options)), RequestError::AtlasNeedsXY);
    let no_cells = AtlasOptions {
        grid: 0,
        ..AtlasOptions::default()
    };
    assert_eq!(refused(atlas(&placed, &no_cells)), RequestError::EmptyGrid);
    let text_y = ChartRequest {
        y: Some("group".into()),
        ..placed.clone()
    };
    let error = refused(atlas(&text_y, &options));
    assert!(
        matches!(error, RequestError::AtlasAxis { axis: "y", .. }),
        "{error:?}"
    );
    assert!(error.to_string().contains("`group`"), "{error}");
    assert!(!out.exists(), "a refused atlas wrote its output");
    atlas(&placed, &options).expect("the atlas of number columns is made");
}
