//! Data transforms (Altair's `transform_*`).

use crate::data::Data;
use crate::error::SpecError;
use crate::predicate::Predicate;
use crate::shorthand::{AGGREGATES, WINDOW_OPS};
use serde_json::{Map, Value, json};

/// One transform.
#[derive(Debug, Clone)]
pub struct Transform {
    pub(crate) def: Map<String, Value>,
    /// The secondary data of a lookup, written into `datasets` like chart data.
    pub(crate) lookup_data: Option<Data>,
    pub(crate) error: Option<SpecError>,
}

impl Transform {
    fn from_value(v: Value) -> Transform {
        let def = match v {
            Value::Object(m) => m,
            _ => Map::new(),
        };
        Transform {
            def,
            lookup_data: None,
            error: None,
        }
    }

    /// Any transform object (escape hatch).
    pub fn json(value: Value) -> Transform {
        Transform::from_value(value)
    }

    /// `{"calculate": expr, "as": name}`.
    pub fn calculate(as_: &str, expr: impl AsRef<str>) -> Transform {
        Transform::from_value(json!({ "calculate": expr.as_ref(), "as": as_ }))
    }

    /// `{"filter": predicate}`.
    pub fn filter(predicate: impl Into<Predicate>) -> Transform {
        Transform::from_value(json!({ "filter": predicate.into().filter_value() }))
    }

    /// `{"fold": fields}`; name the outputs with [`Transform::as_`].
    pub fn fold<T: Into<String>>(fields: impl IntoIterator<Item = T>) -> Transform {
        let f: Vec<Value> = fields
            .into_iter()
            .map(|s| Value::String(s.into()))
            .collect();
        Transform::from_value(json!({ "fold": f }))
    }

    /// `{"aggregate": [...], "groupby": [...]}` from `(as, "op(field)")` pairs,
    /// as Altair's `transform_aggregate(as_="op(field)", groupby=[...])`.
    pub fn aggregate<'a>(
        ops: impl IntoIterator<Item = (&'a str, &'a str)>,
        groupby: &[&str],
    ) -> Transform {
        Transform::grouped_ops("aggregate", ops, groupby)
    }

    /// `{"joinaggregate": [...], "groupby": [...]}` (Altair's `transform_joinaggregate`).
    pub fn joinaggregate<'a>(
        ops: impl IntoIterator<Item = (&'a str, &'a str)>,
        groupby: &[&str],
    ) -> Transform {
        Transform::grouped_ops("joinaggregate", ops, groupby)
    }

    /// `{"window": [...]}` from `(as, "op(field)")` pairs; add `sort`, `groupby`,
    /// `frame` with the setters.
    pub fn window<'a>(ops: impl IntoIterator<Item = (&'a str, &'a str)>) -> Transform {
        let ops: Vec<(&str, &str)> = ops.into_iter().collect();
        let all: Vec<&str> = AGGREGATES.iter().chain(WINDOW_OPS).copied().collect();
        Transform::ops("window", ops, &all)
    }

    /// `{"bin": bin, "field": field, "as": as}`; `bin` is `true` or bin parameters.
    pub fn bin(as_: &str, field: &str, bin: impl Into<Value>) -> Transform {
        Transform::from_value(json!({ "bin": bin.into(), "field": field, "as": as_ }))
    }

    /// `{"lookup": key, "from": {"data": ..., "key": ..., "fields": [...]}}`.
    pub fn lookup(lookup: &str, from: Data, key: &str, fields: &[&str]) -> Transform {
        let mut from_def = json!({ "key": key });
        if !fields.is_empty() {
            from_def["fields"] = json!(fields);
        }
        let mut t = Transform::from_value(json!({ "lookup": lookup, "from": from_def }));
        t.lookup_data = Some(from);
        t
    }

    /// `{key: [...], "groupby": [...]}` of aggregate ops (no `groupby` when
    /// there are no fields to group by).
    fn grouped_ops<'a>(
        key: &str,
        ops: impl IntoIterator<Item = (&'a str, &'a str)>,
        groupby: &[&str],
    ) -> Transform {
        let t = Transform::ops(key, ops, AGGREGATES);
        if groupby.is_empty() {
            t
        } else {
            t.set("groupby", groupby.to_vec())
        }
    }

    /// Parses `(as, "op(field)")` pairs into `[{"op", "field", "as"}]`.
    fn ops<'a>(
        key: &str,
        ops: impl IntoIterator<Item = (&'a str, &'a str)>,
        known: &[&str],
    ) -> Transform {
        let mut error = None;
        let defs: Vec<Value> = ops
            .into_iter()
            .map(|(as_, text)| {
                let parsed = text.strip_suffix(')').and_then(|t| t.split_once('('));
                match parsed {
                    Some((op, field)) if known.contains(&op) => {
                        let mut m = json!({ "op": op, "as": as_ });
                        // Altair writes `"field": ""` for window ops without a
                        // field, except `count()`, which its shorthand parser knows.
                        if !field.is_empty() || (key == "window" && op != "count") {
                            m["field"] = Value::from(field);
                        }
                        m
                    }
                    _ => {
                        error = Some(SpecError::BadShorthand(text.to_string()));
                        Value::Null
                    }
                }
            })
            .collect();
        let mut t = Transform::from_value(json!({ key: defs }));
        t.error = error;
        t
    }

    /// The output names (`as`) of fold, bin, lookup, ….
    pub fn as_<T: Into<Value>>(self, names: impl IntoIterator<Item = T>) -> Transform {
        let v: Vec<Value> = names.into_iter().map(Into::into).collect();
        self.set("as", v)
    }

    /// `groupby` of window/aggregate transforms.
    pub fn groupby(self, fields: &[&str]) -> Transform {
        self.set("groupby", fields.to_vec())
    }

    /// `sort` of a window transform, e.g. `json!([{"field": "x", "order": "descending"}])`.
    pub fn sort(self, sort: Value) -> Transform {
        self.set("sort", sort)
    }

    /// `frame` of a window transform; `None` is an unbounded end.
    pub fn frame(self, start: Option<i64>, end: Option<i64>) -> Transform {
        self.set("frame", json!([start, end]))
    }

    /// Sets any property (escape hatch).
    pub fn set(mut self, key: &str, value: impl Into<Value>) -> Transform {
        self.def.insert(key.to_string(), value.into());
        self
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn aggregate_parses_ops_like_altair() {
        // alt.Chart().transform_aggregate(m="mean(x)", n="count()", groupby=["g"])
        let t = Transform::aggregate([("m", "mean(x)"), ("n", "count()")], &["g"]);
        assert_eq!(
            Value::Object(t.def),
            json!({"aggregate": [{"op": "mean", "field": "x", "as": "m"}, {"op": "count", "as": "n"}], "groupby": ["g"]})
        );
        assert!(
            Transform::aggregate([("m", "nonsense(x)")], &[])
                .error
                .is_some()
        );
    }

    #[test]
    fn window_ops_without_field_match_altair() {
        // python3 -c 'import altair as alt; print(alt.Chart().transform_window(a="rank()",
        //   b="count()").to_dict()["transform"])'
        let t = Transform::window([("a", "rank()"), ("b", "count()")]);
        assert_eq!(
            Value::Object(t.def),
            json!({"window": [{"op": "rank", "field": "", "as": "a"}, {"op": "count", "as": "b"}]})
        );
    }
}
