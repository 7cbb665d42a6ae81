//! Bad input gives a typed `SpecError`, never invalid JSON or a panic.

mod common;

use pixtip_spec::*;

fn m() -> MarkProps {
    MarkProps::default()
}

/// The error of a point chart of `data` with these channels.
fn point_chart_error(data: Data, channels: impl Encodings) -> SpecError {
    Chart::new(data)
        .mark_point(m())
        .encode(channels)
        .to_json()
        .expect_err("the chart is refused")
}

#[test]
fn unknown_type_shorthand() {
    let err = point_chart_error(common::df(), [X::new("b:Z")]);
    assert_eq!(
        err,
        SpecError::UnknownType {
            shorthand: "b:Z".into(),
            ty: "Z".into()
        }
    );
    let err = point_chart_error(common::df(), [Tooltip::list(["a", "b:quantity"])]);
    assert!(matches!(err, SpecError::UnknownType { .. }), "{err}");
}

#[test]
fn empty_repeat() {
    let chart = Chart::new(common::df())
        .mark_point(m())
        .encode([X::repeat().quantitative()]);
    let empty: [&str; 0] = [];
    assert_eq!(
        chart
            .clone()
            .repeat(Repeat::list(empty))
            .to_json()
            .unwrap_err(),
        SpecError::EmptyRepeat
    );
    assert_eq!(
        chart
            .repeat(Repeat::grid(empty, empty))
            .to_json()
            .unwrap_err(),
        SpecError::EmptyRepeat
    );
}

#[test]
fn param_value_not_among_options() {
    let p = Param::new()
        .value("image3_area")
        .bind(Binding::select(["image1_area", "image2_area"]));
    let err = Chart::new(common::df())
        .mark_point(m())
        .add_params([&p])
        .to_json()
        .unwrap_err();
    assert!(matches!(err, SpecError::ValueNotInOptions { .. }), "{err}");
    let radio = Param::new().value(3).bind(Binding::radio([1, 2]));
    let err = hconcat([Chart::new(common::df()).mark_point(m())])
        .add_params([&radio])
        .to_json()
        .unwrap_err();
    assert!(matches!(err, SpecError::ValueNotInOptions { .. }), "{err}");
}

#[test]
fn non_finite_numbers_in_data() {
    for bad in [f64::NAN, f64::INFINITY, f64::NEG_INFINITY] {
        let err = Data::from_table(Table::new().column("x", vec![0.5, bad])).unwrap_err();
        assert!(matches!(err, SpecError::NonFinite { row: 1, .. }), "{err}");
    }
}

#[test]
fn type_that_cannot_be_inferred() {
    let err = point_chart_error(common::df(), [X::new("missing")]);
    assert!(matches!(err, SpecError::TypeNotInferred { .. }), "{err}");
    let err = point_chart_error(Data::url("x.csv"), [X::new("a")]);
    assert!(matches!(err, SpecError::TypeNotInferred { .. }), "{err}");
}

#[test]
fn rows_must_be_objects() {
    let err =
        Data::from_values(vec![serde_json::json!({"a": 1}), serde_json::json!(2)]).unwrap_err();
    assert_eq!(err, SpecError::RowNotObject { row: 1 });
}

#[test]
fn compositions_vega_lite_forbids() {
    let unit = Chart::new(common::df())
        .mark_point(m())
        .encode([X::new("b")]);
    let err = layer([AnyChart::from(hconcat([unit.clone()]))])
        .to_json()
        .unwrap_err();
    assert!(matches!(err, SpecError::Composition(_)), "{err}");
    let err = Chart::new(common::df())
        .encode([X::new("b")])
        .to_json()
        .unwrap_err();
    assert!(matches!(err, SpecError::Composition(_)), "no mark: {err}");
    let nested_config = hconcat([unit
        .clone()
        .config(serde_json::json!({"view": {"stroke": null}}))]);
    assert!(matches!(
        nested_config.to_json(),
        Err(SpecError::Composition(_))
    ));
    let dup = Param::new().value(1).named("p");
    let dup2 = Param::new().value(2).named("p");
    assert_eq!(
        unit.add_params([&dup, &dup2]).to_json().unwrap_err(),
        SpecError::DuplicateParam("p".into())
    );
}

#[test]
fn bad_aggregate_op() {
    let err = Chart::new(common::df())
        .mark_point(m())
        .transform_aggregate([("m", "average_of(b)")], &[])
        .to_json();
    assert!(matches!(err, Err(SpecError::BadShorthand(_))));
}
