//! The charts of xtask/python/fixtures_spec.py, built with pixtip-spec.

#![allow(dead_code)]

use pixtip_spec::*;
use serde_json::{Value, json};
use std::path::PathBuf;

/// `fixtures/spec/<rel>`.
pub fn fixture(rel: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../fixtures/spec")
        .join(rel)
}

/// DF of fixtures_spec.py.
pub fn df() -> Data {
    Data::from_table(
        Table::new()
            .column("a", vec!["x", "y", "z", "x"])
            .column("b", vec![1.5, 2.0, 3.25, 0.5])
            .column("c", vec![1i64, 2, 3, 4])
            .column("g", vec!["p", "q", "p", "q"]),
    )
    .expect("valid table")
}

/// LOOKUP of fixtures_spec.py.
pub fn lookup() -> Data {
    Data::from_table(
        Table::new()
            .column("g", vec!["p", "q"])
            .column("label", vec!["P!", "Q\u{e9} </script>"]),
    )
    .expect("valid table")
}

fn m() -> MarkProps {
    MarkProps::default()
}

/// Points of `b` against `c`, the view many cases facet, concatenate or
/// select on.
pub fn b_against_c(base: &Chart) -> Chart {
    base.clone()
        .mark_point(m())
        .encode((X::new("b"), Y::new("c")))
}

/// Every case of fixtures_spec.py, same names.
pub fn golden_cases() -> Vec<(&'static str, AnyChart)> {
    let data = df();
    let base = Chart::new(data.clone());
    let mut out: Vec<(&'static str, AnyChart)> = Vec::new();
    out.push((
        "bar",
        base.clone()
            .mark_bar(m())
            .encode((X::new("a"), Y::new("b")))
            .into(),
    ));
    out.push((
        "shorthand_aggregate",
        base.clone()
            .mark_bar(MarkProps {
                color: "steelblue".into(),
                ..m()
            })
            .encode((
                X::new("a:O"),
                Y::new("mean(b):Q"),
                Tooltip::list(["a", "count()", "sum(c)"]),
            ))
            .into(),
    ));
    let both = Chart::new(data.clone()).encode([X::new("a")]);
    out.push((
        "layer",
        (both.clone().mark_bar(m()).encode([Y::new("b")])
            + both
                .clone()
                .mark_text(MarkProps {
                    dy: (-5).into(),
                    ..m()
                })
                .encode((Y::new("b"), Text::new("c"))))
        .into(),
    ));
    out.push((
        "layer_resolve",
        layer([
            both.clone().mark_line(m()).encode([Y::new("b")]),
            both.clone().mark_point(m()).encode([Y::new("c")]),
        ])
        .resolve_scale(ChannelName::Y, Resolution::Independent)
        .into(),
    ));
    out.push((
        "facet_grid",
        base.clone()
            .mark_point(m())
            .encode((X::new("b:Q"), Y::new("c:Q")))
            .facet((Row::new("g"), Column::new("a")))
            .into(),
    ));
    out.push((
        "facet_wrapped",
        b_against_c(&base)
            .facet([Facet::new("a")])
            .columns(2)
            .into(),
    ));
    out.push((
        "vconcat",
        vconcat([
            base.clone()
                .mark_bar(m())
                .encode((X::new("a"), Y::new("b"))),
            base.clone().mark_tick(m()).encode([X::new("c")]),
        ])
        .into(),
    ));
    out.push((
        "hconcat_title",
        hconcat([
            b_against_c(&base),
            base.clone().mark_rule(m()).encode([Y::new("mean(b)")]),
        ])
        .title(Title::new().text("Two views").subtitle("side by side"))
        .into(),
    ));
    out.push((
        "concat_columns",
        concat([
            base.clone()
                .mark_area(m())
                .encode((X::new("c"), Y::new("b"))),
            base.clone()
                .mark_square(m())
                .encode((X::new("c"), Y::new("b"))),
        ])
        .columns(1)
        .into(),
    ));
    out.push((
        "repeat_grid",
        base.clone()
            .mark_point(m())
            .encode((
                X::repeat_column().quantitative(),
                Y::repeat_row().quantitative(),
            ))
            .repeat(Repeat::grid(["b", "c"], ["c", "b"]))
            .into(),
    ));
    out.push((
        "transforms",
        base.clone()
            .mark_bar(m())
            .encode((X::new("a:N"), Y::new("total:Q")))
            .transform_calculate("double", "2 * datum.b")
            .transform_filter("datum.c > 1")
            .transform_joinaggregate([("total", "sum(double)")], &["a"])
            .transform(
                Transform::window([("rank", "rank()")])
                    .sort(json!([{"field": "b", "order": "descending"}])),
            )
            .transform_bin("binned", "b", json!({"maxbins": 5}))
            .transform_lookup("g", lookup(), "g", &["label"])
            .into(),
    ));
    out.push((
        "fold_aggregate",
        base.clone()
            .mark_bar(m())
            .encode((X::new("key:N"), Y::new("m:Q")))
            .transform_fold(["b", "c"], Some(["key", "value"]))
            .transform_aggregate([("m", "mean(value)")], &["key"])
            .into(),
    ));
    let sel = Param::selection_point().fields(["g"]);
    out.push((
        "selection_point",
        base.clone()
            .mark_point(m())
            .encode((
                X::new("b"),
                Y::new("c"),
                Channel::when(&sel, Color::new("g:N"), Color::value("lightgray")),
            ))
            .add_params([&sel])
            .into(),
    ));
    let brush = Param::selection_interval().encodings(["x"]);
    out.push((
        "selection_filter",
        layer([
            b_against_c(&base).add_params([&brush]),
            base.clone()
                .mark_point(MarkProps {
                    color: "red".into(),
                    ..m()
                })
                .encode((X::new("b"), Y::new("c")))
                .transform_filter(&brush),
        ])
        .into(),
    ));
    out.push((
        "interactive",
        base.clone()
            .mark_circle(MarkProps {
                size: 60.into(),
                ..m()
            })
            .encode((X::new("b"), Y::new("c")))
            .interactive()
            .into(),
    ));
    let slider = Param::new()
        .value(50)
        .bind(Binding::range(10, 200).step(10).name("size "));
    let radio = Param::new()
        .value("p")
        .bind(Binding::radio(["p", "q"]).labels(["P", "Q"]).name("group "));
    let check = Param::new()
        .value(true)
        .bind(Binding::checkbox().name("filled "));
    let text = Param::new()
        .value("hello")
        .bind(Binding::text().name("label "));
    out.push((
        "bindings",
        base.clone()
            .mark_point(MarkProps {
                size: slider.expr_ref().into(),
                stroke_width: expr(format!("{} ? 3 : 1", check.name())).into(),
                ..m()
            })
            .encode((
                X::new("b"),
                Y::new("c"),
                Opacity::value(0.2).set(
                    "condition",
                    json!({"test": format!("datum.g == {}", radio.name()), "value": 1.0}),
                ),
            ))
            .title(json!({"text": text.expr_ref().to_value()}))
            .add_params([&slider, &radio, &check, &text])
            .into(),
    ));
    out.push((
        "url_data",
        Chart::new(Data::url("data/cars.json"))
            .mark_point(m())
            .encode((
                X::new("Horsepower:Q"),
                Y::new("Miles_per_Gallon:Q"),
                Color::new("Origin:N"),
            ))
            .into(),
    ));
    out.push((
        "config_title",
        base.clone()
            .mark_line(MarkProps {
                point: true.into(),
                interpolate: Interpolate::Monotone.into(),
                ..m()
            })
            .encode((
                X::new("c").title("C axis").axis(Axis::new().grid(false)),
                Y::new("b").scale(Scale::new().zero(false)),
            ))
            .width(200)
            .height(100)
            .title("Line")
            .config(json!({"axis": {"labelFontSize": 12}, "view": {"stroke": null}}))
            .into(),
    ));
    out.push((
        "empty_datum",
        Chart::empty().mark_rule(m()).encode([Y::datum(2)]).into(),
    ));
    out.push((
        "layer_encode",
        layer([
            base.clone().mark_bar(m()),
            base.clone().mark_text(m().dy(-5)).encode([Text::new("c")]),
        ])
        .encode((X::new("a"), Y::new("b")))
        .into(),
    ));
    let pick = Param::selection_point().fields(["g"]);
    let level = Param::new().value(1);
    let pts = b_against_c(&base);
    out.push((
        "layer_params",
        layer([pts.clone(), pts.clone().mark_line(m())])
            .add_params([&pick, &level])
            .into(),
    ));
    out.push((
        "concat_params",
        hconcat([pts.clone(), pts.clone().mark_line(m())])
            .add_params([&pick, &level])
            .into(),
    ));
    out
}

/// Altair's view names hash Python objects; ours are `view_<index>`.
pub fn normalise_view_names(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find("view_") {
        out.push_str(&rest[..at + 5]);
        rest = &rest[at + 5..];
        let hex = rest.bytes().take_while(u8::is_ascii_hexdigit).count();
        if hex == 16 && rest.as_bytes().get(16) == Some(&b'_') {
            rest = &rest[17..];
        }
    }
    out.push_str(rest);
    out
}

/// The value without `views` names, for a structural check.
pub fn parse(text: &str) -> Value {
    serde_json::from_str(text).expect("valid JSON")
}

/// The official Vega-Lite schema of fixtures/spec, compiled.
pub fn validator() -> jsonschema::Validator {
    let text = std::fs::read_to_string(fixture("vega-lite-schema.json")).expect("schema fixture");
    let schema: Value = serde_json::from_str(&text).expect("schema JSON");
    jsonschema::validator_for(&schema).expect("schema compiles")
}

/// Where two texts first differ: the line number and both lines.
pub fn first_difference(ours: &str, theirs: &str) -> String {
    let mut a = ours.lines();
    let mut b = theirs.lines();
    for line in 1.. {
        match (a.next(), b.next()) {
            (Some(x), Some(y)) if x == y => continue,
            (None, None) => return "equal".into(),
            (x, y) => {
                return format!("line {line}: ours {x:?}, Altair {y:?}");
            }
        }
    }
    unreachable!()
}

/// The chart names of the `.vl.json` files in `fixtures/spec/<dir>`.
pub fn fixture_names(dir: &str) -> Vec<String> {
    std::fs::read_dir(fixture(dir))
        .unwrap_or_else(|e| panic!("{dir}: {e}"))
        .map(|entry| {
            let file = entry.expect("entry").file_name();
            let file = file.to_string_lossy();
            file.trim_end_matches(".vl.json").to_string()
        })
        .collect()
}
