//! Every typed property (mark properties, axis, legend, header, scale, bin
//! and title settings) takes the kind of constant Vega-Lite's schema gives
//! it: a constant of its kind makes a valid spec, and a constant of a kind
//! it was not given (a string for `angle`) makes an invalid one. So the Rust
//! types that refuse `angle: "bold".into()` refuse nothing Vega-Lite takes.

#![allow(clippy::unwrap_used)] // a failed unwrap is a failed test

mod common;

use pixtip_spec::{Axis, Bin, Header, Legend, MarkProps, Scale, Title};
use serde_json::{Value, json};

/// Where a property of each settings type goes in a spec.
fn spec_with(place: &str, key: &str, value: &Value, mark: &str) -> Value {
    let mut spec = json!({
        "data": {"values": [{"a": 1, "g": "p"}]},
        "mark": {"type": mark},
        "encoding": {"x": {"field": "a", "type": "quantitative"}},
    });
    let field = |extra: &str| json!({"field": "g", "type": "nominal", extra: {key: value}});
    match place {
        "mark" => spec["mark"][key] = value.clone(),
        "axis" | "scale" | "bin" => spec["encoding"]["x"][place] = json!({ key: value }),
        "legend" => spec["encoding"]["color"] = field("legend"),
        "header" => spec["encoding"]["row"] = field("header"),
        "title" if key == "text" => spec["title"] = json!({ "text": value }),
        "title" => spec["title"] = json!({"text": "t", key: value}),
        _ => unreachable!("{place}"),
    }
    spec
}

/// The schema definitions holding each place's properties.
fn definitions(place: &str) -> &'static [&'static str] {
    match place {
        "mark" => &["MarkDef", "BoxPlotDef", "ErrorBarDef", "ErrorBandDef"],
        "axis" => &["Axis"],
        "scale" => &["Scale"],
        "bin" => &["BinParams"],
        "legend" => &["Legend"],
        "header" => &["Header"],
        _ => &["TitleParams"],
    }
}

/// The enum and const values a schema node allows (through `$ref`s and
/// unions, leaving out expressions), to try as samples.
fn allowed_names(schema: &Value, node: &Value, depth: usize, out: &mut Vec<Value>) {
    if depth > 8 {
        return;
    }
    if let Some(reference) = node.get("$ref").and_then(Value::as_str) {
        let name = reference.rsplit('/').next().unwrap();
        if name != "ExprRef" {
            allowed_names(schema, &schema["definitions"][name], depth + 1, out);
        }
    }
    for key in ["anyOf", "oneOf", "allOf"] {
        for sub in node
            .get(key)
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
        {
            allowed_names(schema, sub, depth + 1, out);
        }
    }
    out.extend(
        node.get("enum")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
            .cloned(),
    );
    out.extend(node.get("const").cloned());
}

/// Constants of each kind to try: a few of every JSON type, and the names
/// the schema lists for the property.
fn samples(kind: &str, names: &[Value]) -> Vec<Value> {
    let numbers = [json!(1), json!(2), json!(0.5), json!(10)];
    let mut texts = vec![json!("x"), json!("#ff0000")];
    texts.extend(names.iter().filter(|v| v.is_string()).cloned());
    match kind {
        "NumberValue" => numbers.to_vec(),
        "TextValue" => texts,
        "BoolValue" => vec![json!(true), json!(false)],
        // The enums (Align, Baseline, …) hold names the schema lists.
        _ => names.iter().filter(|v| v.is_string()).cloned().collect(),
    }
}

#[test]
fn each_property_takes_the_kind_of_constant_vega_lite_gives_it() {
    let text = std::fs::read_to_string(common::fixture("vega-lite-schema.json")).unwrap();
    let schema: Value = serde_json::from_str(&text).unwrap();
    let validator = common::validator();
    let places: [(&str, &[(&str, &str)]); 7] = [
        ("mark", MarkProps::PROPERTY_KINDS),
        ("axis", Axis::PROPERTY_KINDS),
        ("legend", Legend::PROPERTY_KINDS),
        ("header", Header::PROPERTY_KINDS),
        ("scale", Scale::PROPERTY_KINDS),
        ("bin", Bin::PROPERTY_KINDS),
        ("title", Title::PROPERTY_KINDS),
    ];
    let marks = ["point", "boxplot", "errorbar", "errorband", "line"];
    let valid = |place: &str, key: &str, value: &Value| {
        marks
            .iter()
            .any(|mark| validator.is_valid(&spec_with(place, key, value, mark)))
    };
    let (mut checked, mut failures) = (0, Vec::new());
    for (place, kinds) in places {
        for &(key, kind) in kinds {
            if kind == "AnyValue" {
                continue;
            }
            let mut names = Vec::new();
            for definition in definitions(place) {
                let node = &schema["definitions"][definition]["properties"][key];
                allowed_names(&schema, node, 0, &mut names);
            }
            checked += 1;
            if !samples(kind, &names).iter().any(|v| valid(place, key, v)) {
                failures.push(format!(
                    "{place}.{key} ({kind}): no constant of its kind is valid"
                ));
            }
            for other in ["NumberValue", "TextValue", "BoolValue"] {
                let of_own_kind =
                    other == kind || (other == "TextValue" && !kind.ends_with("Value"));
                if of_own_kind {
                    continue;
                }
                if let Some(v) = samples(other, &names).iter().find(|v| valid(place, key, v)) {
                    failures.push(format!("{place}.{key} ({kind}) also takes {v}"));
                }
            }
        }
    }
    assert!(checked > 200, "only {checked} properties checked");
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
