//! Predicates: when a filter keeps a row, when a condition holds.

use crate::param::Param;
use serde_json::{Map, Value, json};

/// What a predicate tests, kept typed so filters and conditions are written
/// from it without looking inside JSON.
#[derive(Debug, Clone, PartialEq)]
enum Test {
    /// A param: `{"param": name}` plus `empty` when set.
    Param(Map<String, Value>),
    /// An expression string or a field predicate object.
    Test(Value),
}

/// A predicate: an expression string, a param, or a field predicate. Used by
/// `transform_filter` and by conditions ([`Channel::when`](crate::Channel::when), [`when`](crate::when)).
#[derive(Debug, Clone, PartialEq)]
pub struct Predicate(Test);

impl Predicate {
    /// A Vega expression, e.g. `"datum.x > 2"`.
    pub fn expr(text: &str) -> Predicate {
        Predicate(Test::Test(Value::from(text)))
    }

    /// `{"field": f, "equal": v}`.
    pub fn field_equal(field: &str, value: impl Into<Value>) -> Predicate {
        Predicate::json(json!({ "field": field, "equal": value.into() }))
    }

    /// `{"field": f, "oneOf": [...]}`.
    pub fn field_one_of<T: Into<Value>>(
        field: &str,
        values: impl IntoIterator<Item = T>,
    ) -> Predicate {
        let values: Vec<Value> = values.into_iter().map(Into::into).collect();
        Predicate::json(json!({ "field": field, "oneOf": values }))
    }

    /// `{"field": f, "range": [min, max]}`.
    pub fn field_range(field: &str, min: impl Into<Value>, max: impl Into<Value>) -> Predicate {
        Predicate::json(json!({ "field": field, "range": [min.into(), max.into()] }))
    }

    /// `{"field": f, "lt": v}`.
    pub fn field_lt(field: &str, value: impl Into<Value>) -> Predicate {
        Predicate::json(json!({ "field": field, "lt": value.into() }))
    }

    /// `{"field": f, "gt": v}`.
    pub fn field_gt(field: &str, value: impl Into<Value>) -> Predicate {
        Predicate::json(json!({ "field": field, "gt": value.into() }))
    }

    /// Any predicate object (escape hatch).
    pub fn json(value: Value) -> Predicate {
        Predicate(Test::Test(value))
    }

    /// The value of a `{"filter": ...}` transform.
    pub(crate) fn filter_value(&self) -> Value {
        match &self.0 {
            Test::Param(m) => Value::Object(m.clone()),
            Test::Test(v) => v.clone(),
        }
    }

    /// The keys a condition carries: `param` (and `empty`), or `test`.
    pub(crate) fn condition_keys(&self) -> Map<String, Value> {
        match &self.0 {
            Test::Param(m) => m.clone(),
            Test::Test(v) => Map::from_iter([("test".to_string(), v.clone())]),
        }
    }
}

impl From<&str> for Predicate {
    fn from(s: &str) -> Predicate {
        Predicate::expr(s)
    }
}

impl From<String> for Predicate {
    fn from(s: String) -> Predicate {
        Predicate(Test::Test(Value::String(s)))
    }
}

impl From<&Param> for Predicate {
    fn from(p: &Param) -> Predicate {
        Predicate(Test::Param(p.predicate_map()))
    }
}
