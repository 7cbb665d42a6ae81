//! Invariants of the JSON writer and the expression helpers.

use pixtip_spec::*;
use proptest::prelude::*;
use serde_json::{Value, json};

fn chart_of(texts: Vec<String>, numbers: Vec<f64>) -> Chart {
    let n = texts.len().min(numbers.len());
    let data = Data::from_table(
        Table::new()
            .column("t", texts[..n].to_vec())
            .column("x", numbers[..n].to_vec()),
    )
    .expect("finite numbers");
    Chart::new(data)
        .mark_point(MarkProps::default())
        .encode((X::new("x"), Text::new("t")))
}

proptest! {
    #[test]
    fn every_output_parses_back_to_the_same_value(
        texts in prop::collection::vec(any::<String>(), 1..8),
        numbers in prop::collection::vec(prop::num::f64::NORMAL | prop::num::f64::SUBNORMAL | prop::num::f64::ZERO, 1..8),
    ) {
        let chart = chart_of(texts, numbers);
        let value = chart.to_value().expect("builds");
        let compact: Value = serde_json::from_str(&chart.to_json().expect("json")).expect("compact parses");
        let pretty: Value = serde_json::from_str(&chart.to_json_pretty().expect("json")).expect("pretty parses");
        prop_assert_eq!(&compact, &value);
        prop_assert_eq!(&pretty, &value);
    }

    #[test]
    fn html_embedding_round_trips(texts in prop::collection::vec(any::<String>(), 1..6)) {
        let numbers = vec![1.0; texts.len()];
        let chart = chart_of(texts, numbers);
        let page = chart.to_html(&HtmlOptions::default()).expect("page");
        let start = page.find("var spec = ").expect("spec") + 11;
        let end = start + page[start..].find(";\n").expect("end");
        let text = &page[start..end];
        let safe = !text.contains('<') && !text.contains('\u{2028}');
        prop_assert!(safe, "unescaped < or U+2028 in {}", text);
        let back: Value = serde_json::from_str(text).expect("parses");
        prop_assert_eq!(back, chart.to_value().expect("value"));
    }

    #[test]
    fn datum_reads_back_the_field_name(name in any::<String>()) {
        // `datum["..."]`'s string literal is a JSON string literal too.
        let e = datum(&name);
        let inner = &e["datum[".len()..e.len() - 1];
        let back: String = serde_json::from_str(inner).expect("literal parses");
        prop_assert_eq!(back, name);
    }

    #[test]
    fn escape_field_only_adds_backslashes(name in "[a-z.\\[\\]\\\\]{0,12}") {
        let escaped = escape_field(&name);
        let mut unescaped = String::new();
        let mut chars = escaped.chars();
        while let Some(c) = chars.next() {
            unescaped.push(if c == '\\' { chars.next().expect("escape is followed by a char") } else { c });
        }
        prop_assert_eq!(unescaped, name);
    }
}

#[test]
fn equal_rows_are_stored_once() {
    let a = Data::from_values(vec![json!({"x": 1})]).expect("rows");
    let b = Data::from_values(vec![json!({"x": 1})]).expect("rows");
    let chart = hconcat([
        Chart::new(a)
            .mark_point(MarkProps::default())
            .encode([X::new("x")]),
        Chart::new(b)
            .mark_point(MarkProps::default())
            .encode([X::new("x")]),
    ]);
    let v = chart.to_value().expect("value");
    assert_eq!(v["datasets"].as_object().map(|d| d.len()), Some(1));
}
