//! Every spec the builder makes validates against the official Vega-Lite 6.4.1
//! JSON schema (copied to fixtures/spec by `cargo xtask fixtures spec`).

mod common;

use common::{b_against_c, df, lookup};
use pixtip_spec::*;
use serde_json::{Value, json};

fn m() -> MarkProps {
    MarkProps::default()
}

/// Charts covering each chart kind, mark, channel, transform, param and binding.
fn coverage_cases() -> Vec<(String, AnyChart)> {
    let data = df();
    let base = Chart::new(data.clone());
    let mut out: Vec<(String, AnyChart)> = Vec::new();
    for kind in MarkType::ALL {
        let chart =
            base.clone()
                .mark(kind, m())
                .encode((X::new("b"), Y::new("c"), Color::new("g")));
        out.push((format!("mark {}", kind.as_str()), chart.into()));
    }
    out.push((
        "mark props".into(),
        base.clone()
            .mark_text(MarkProps {
                align: Align::Left.into(),
                angle: 45.into(),
                baseline: Baseline::Top.into(),
                color: "#333".into(),
                dx: 2.into(),
                dy: expr("-2").into(),
                font: "serif".into(),
                font_size: 14.into(),
                font_style: "italic".into(),
                font_weight: "bold".into(),
                limit: 100.into(),
                opacity: 0.8.into(),
                text: "hi".into(),
                tooltip: true.into(),
                x_offset: expr("random() * 16 - 8").into(),
                y_offset: 3.into(),
                ..m()
            })
            .encode((X::new("b"), Y::new("c")))
            .into(),
    ));
    out.push((
        "every channel".into(),
        base.clone()
            .mark_point(MarkProps {
                filled: true.into(),
                shape: "circle".into(),
                ..m()
            })
            .encode((
                X::new("b:Q")
                    .axis(json!({"title": "B", "grid": false}))
                    .scale(json!({"zero": false})),
                Y::new("c").axis(Value::Null),
                X2::value(10),
                Y2::datum(3),
                XOffset::new("g"),
                YOffset::value(3),
                Fill::new("g").legend(json!({"orient": "bottom"})),
                Stroke::value("black"),
                Opacity::new("b").legend(Value::Null),
                FillOpacity::value(0.5),
                StrokeWidth::value(2),
                StrokeDash::new("g"),
                Size::new("sum(c):Q"),
                Shape::new("a:N"),
            ))
            .encode((
                Text::new("a").format(".2f"),
                Tooltip::new("a"),
                Href::new("a"),
                Description::new("a"),
                Detail::list(["g", "a"]),
                Order::new("c").sort("descending"),
                Key::new("a"),
                Row::new("g"),
                Column::new("a").title("A"),
            ))
            .into(),
    ));
    out.push((
        "arc".into(),
        base.clone()
            .mark_arc(MarkProps {
                inner_radius: 20.into(),
                ..m()
            })
            .encode((
                Theta::new("b").stack(true),
                Radius::new("c"),
                Color::new("g"),
            ))
            .into(),
    ));
    out.push((
        "temporal".into(),
        Chart::new(
            Data::from_table(
                Table::new()
                    .column(
                        "d",
                        DataColumn::DateTime(vec!["2020-01-01".into(), "2020-02-01".into()]),
                    )
                    .column("v", vec![1.0, 2.0]),
            )
            .expect("table"),
        )
        .mark_line(m())
        .encode((X::new("yearmonth(d):T"), Y::new("v")))
        .into(),
    ));
    out.push((
        "binned".into(),
        base.clone()
            .mark_bar(m())
            .encode((X::new("b").bin(json!({"maxbins": 10})), Y::new("count()")))
            .into(),
    ));
    out.push((
        "all transforms".into(),
        base.clone()
            .mark_point(m())
            .encode((X::new("b:Q"), Y::new("c:Q")))
            .transform_calculate("d", format!("{} * 2", datum("b")))
            .transform_filter(Predicate::field_one_of("g", ["p", "q"]))
            .transform_filter(Predicate::field_range("b", 0, 10))
            .transform_filter(Predicate::field_equal("a", "x"))
            .transform_filter(Predicate::field_lt("c", 5))
            .transform_filter(Predicate::field_gt("c", 0))
            .transform_fold(["b", "c"], Some(["key", "value"]))
            .transform_fold(["b"], None)
            .transform_lookup("g", lookup(), "g", &["label"])
            .transform_aggregate([("m", "mean(b)"), ("n", "count()")], &["g"])
            .transform(
                Transform::window([("r", "rank()"), ("s", "sum(m)")])
                    .groupby(&["g"])
                    .frame(None, Some(0))
                    .sort(json!([{"field": "m"}])),
            )
            .transform_window([("rn", "row_number()")])
            .transform_joinaggregate([("t", "sum(m)")], &["g"])
            .transform_joinaggregate([("t2", "max(m)")], &[])
            .transform_bin("bb", "m", true)
            .transform(Transform::json(json!({"sample": 10})))
            .into(),
    ));
    let select = Param::new()
        .value("p")
        .bind(Binding::select(["p", "q"]).labels(["P", "Q"]).name("pick "));
    let radio = Param::new().value(1).bind(Binding::radio([1, 2]));
    let range = Param::new().value(5).bind(Binding::range(0, 10).step(1));
    let check = Param::new().value(false).bind(Binding::checkbox());
    let text = Param::new().value("").bind(Binding::text().name("search "));
    let color = Param::new()
        .value("#ff0000")
        .bind(Binding::other("color"))
        .named("colour");
    let derived = Param::new().expr(format!("{} * 2", range.name()));
    let point = Param::selection_point()
        .fields(["g"])
        .on("click")
        .clear("dblclick")
        .toggle(true)
        .nearest(true);
    let legend = Param::selection_point()
        .fields(["g"])
        .bind(Binding::legend())
        .empty(false);
    let interval = Param::selection_interval()
        .encodings(["x"])
        .value(json!({"x": [1, 2]}));
    out.push((
        "params and bindings".into(),
        base.clone()
            .mark_point(MarkProps {
                size: range.expr_ref().into(),
                color: color.expr_ref().into(),
                ..m()
            })
            .encode((
                X::new("b"),
                Y::new("c"),
                Channel::when(&point, Color::new("g"), Color::value("gray")),
                Channel::when(&legend, Opacity::value(1), Opacity::value(0.2)),
            ))
            .transform_filter(format!("datum.g == {} || {}", select.name(), check.name()))
            .transform_filter(format!("indexof(datum.a, {}) >= 0", text.name()))
            .add_params([
                &select, &radio, &range, &check, &text, &color, &derived, &point, &legend,
                &interval,
            ])
            .into(),
    ));
    let brush = Param::selection_interval().named("brush");
    let top = base
        .clone()
        .mark_area(m())
        .encode((X::new("c"), Y::new("b")))
        .add_params([&brush]);
    let bottom = base
        .clone()
        .mark_bar(m())
        .encode((X::new("a"), Y::new("b")))
        .transform_filter(&brush);
    out.push((
        "vconcat with selection".into(),
        (top.clone() & bottom.clone()).into(),
    ));
    out.push((
        "hconcat operator".into(),
        (top.clone() | bottom.clone()).into(),
    ));
    out.push((
        "concat params".into(),
        concat([bottom.clone(), bottom.clone()])
            .columns(2)
            .add_params([&select, &point])
            .into(),
    ));
    let layered = base
        .clone()
        .mark_line(m())
        .encode((X::new("c"), Y::new("b")))
        + base
            .clone()
            .mark_point(m())
            .encode((X::new("c"), Y::new("b")));
    out.push((
        "layer params".into(),
        layered.clone().add_params([&point, &range]).into(),
    ));
    out.push((
        "layer of layers".into(),
        layer([layered.clone(), layered.clone()]).into(),
    ));
    out.push((
        "facet of layer".into(),
        layered.clone().facet([Row::new("g")]).into(),
    ));
    out.push((
        "repeat list columns".into(),
        base.clone()
            .mark_point(m())
            .encode((X::repeat().quantitative(), Y::new("c")))
            .repeat(Repeat::list(["b", "c"]))
            .columns(2)
            .add_params([&point])
            .into(),
    ));
    out.push((
        "repeat layer".into(),
        layer([Chart::empty().mark_line(m()).encode((
            X::new("c:Q"),
            Y::repeat_layer().quantitative(),
            Color::datum("x"),
        ))])
        .data(data.clone())
        .repeat(Repeat::layer(["b", "c"]))
        .into(),
    ));
    out.push((
        "nested concat".into(),
        hconcat([
            AnyChart::from(vconcat([bottom.clone(), bottom.clone()])),
            b_against_c(&base)
                .facet([Facet::new("g")])
                .columns(2)
                .into(),
        ])
        .resolve_scale(ChannelName::Color, Resolution::Independent)
        .resolve_axis(ChannelName::X, Resolution::Shared)
        .resolve_legend(ChannelName::Color, Resolution::Independent)
        .into(),
    ));
    out.push((
        "sizes and config".into(),
        base.clone()
            .mark_bar(m())
            .encode((X::field("a.b").nominal(), Y::new("c")))
            .width(Step(20.0))
            .height("container")
            .properties(json!({"description": "test", "background": "white", "padding": 5}))
            .config(json!({"mark": {"tooltip": true}, "view": {"stroke": null}}))
            .into(),
    ));
    out.push((
        "named and url data".into(),
        layer([
            Chart::new(Data::named("live"))
                .mark_point(m())
                .encode([X::new("x:Q")]),
            Chart::new(Data::url_with_format("data.csv", json!({"type": "csv"})))
                .mark_rule(m())
                .encode([Y::new("y:Q")]),
        ])
        .into(),
    ));
    out
}

fn all_specs() -> Vec<(String, Value)> {
    let mut specs: Vec<(String, Value)> = coverage_cases()
        .into_iter()
        .map(|(name, chart)| {
            let v = chart.to_value().unwrap_or_else(|e| panic!("{name}: {e}"));
            (name, v)
        })
        .collect();
    for (name, chart) in common::golden_cases() {
        specs.push((
            format!("golden {name}"),
            chart.to_value().expect("golden case builds"),
        ));
    }
    specs
}

#[test]
fn every_built_spec_is_valid_vega_lite() {
    let validator = common::validator();
    let specs = all_specs();
    assert!(specs.len() >= 50, "only {} specs", specs.len());
    let mut failures = Vec::new();
    for (name, spec) in &specs {
        let errors: Vec<String> = validator
            .iter_errors(spec)
            .take(3)
            .map(|e| format!("{e} at {}", e.instance_path()))
            .collect();
        if !errors.is_empty() {
            failures.push(format!("{name}: {}", errors.join("; ")));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} specs invalid:\n{}",
        failures.len(),
        specs.len(),
        failures.join("\n")
    );
}

#[test]
fn validator_rejects_invalid_specs() {
    // Negative controls: the validator must be able to fail.
    let validator = common::validator();
    let bad_mark = json!({"$schema": SCHEMA_URL, "data": {"values": []}, "mark": "bogus"});
    assert!(!validator.is_valid(&bad_mark));
    let bad_width = Chart::new(df())
        .mark_point(m())
        .encode([X::new("b")])
        .set("width", json!({"bogus": 1}))
        .to_value()
        .expect("builds");
    assert!(!validator.is_valid(&bad_width));
    let bad_type = Chart::new(df())
        .mark_point(m())
        .encode([X::new("b").set("type", "numeric")])
        .to_value()
        .expect("builds");
    assert!(!validator.is_valid(&bad_type));
}
