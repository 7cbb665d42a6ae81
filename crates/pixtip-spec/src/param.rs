//! Params: variables bound to inputs, and point/interval selections.

use crate::data::sha256_hex;
use crate::error::SpecError;
use crate::expr::Expr;
use crate::json::python_dumps;
use serde_json::{Map, Value, json};

/// An input element a param is bound to (Altair's `binding_*`).
#[derive(Debug, Clone, PartialEq)]
pub struct Binding(pub(crate) Value);

impl Binding {
    fn input(kind: &str) -> Binding {
        Binding(json!({ "input": kind }))
    }

    /// A drop-down (`binding_select`).
    pub fn select<T: Into<Value>>(options: impl IntoIterator<Item = T>) -> Binding {
        Binding::input("select").set(
            "options",
            options.into_iter().map(Into::into).collect::<Vec<_>>(),
        )
    }

    /// Radio buttons (`binding_radio`).
    pub fn radio<T: Into<Value>>(options: impl IntoIterator<Item = T>) -> Binding {
        Binding::input("radio").set(
            "options",
            options.into_iter().map(Into::into).collect::<Vec<_>>(),
        )
    }

    /// A slider (`binding_range(min=..., max=...)`); integers stay integers
    /// in the JSON, as in Python.
    pub fn range(min: impl Into<Value>, max: impl Into<Value>) -> Binding {
        Binding::input("range").set("min", min).set("max", max)
    }

    /// The step of a range slider.
    pub fn step(self, step: impl Into<Value>) -> Binding {
        self.set("step", step)
    }

    /// A checkbox (`binding_checkbox`).
    pub fn checkbox() -> Binding {
        Binding::input("checkbox")
    }

    /// A text box (`binding(input="text")`).
    pub fn text() -> Binding {
        Binding::input("text")
    }

    /// Any other HTML input type (`"color"`, `"date"`, …).
    pub fn other(input: &str) -> Binding {
        Binding::input(input)
    }

    /// Selections bound to the legend (`bind="legend"`).
    pub fn legend() -> Binding {
        Binding(Value::from("legend"))
    }

    /// Interval selections bound to the scales: pan and zoom (`bind="scales"`).
    pub fn scales() -> Binding {
        Binding(Value::from("scales"))
    }

    /// The label shown next to the input.
    pub fn name(self, name: &str) -> Binding {
        self.set("name", name)
    }

    /// Labels for the options of a select or radio binding.
    pub fn labels<T: Into<Value>>(self, labels: impl IntoIterator<Item = T>) -> Binding {
        self.set(
            "labels",
            labels.into_iter().map(Into::into).collect::<Vec<_>>(),
        )
    }

    /// Sets any property of the binding (escape hatch).
    pub fn set(mut self, key: &str, value: impl Into<Value>) -> Binding {
        if let Value::Object(map) = &mut self.0 {
            map.insert(key.to_string(), value.into());
        }
        self
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum ParamKind {
    Variable,
    Selection,
}

/// A param. Without an explicit name it is called `param_<hash>` exactly as
/// Altair 6 names it (SHA-256 of its definition), so equal definitions get
/// equal names and names are stable across runs.
#[derive(Debug, Clone, PartialEq)]
pub struct Param {
    explicit_name: Option<String>,
    kind: ParamKind,
    def: Map<String, Value>,
    empty: Option<bool>,
}

impl Default for Param {
    fn default() -> Param {
        Param::new()
    }
}

impl Param {
    /// A variable param (Altair's `alt.param()`).
    pub fn new() -> Param {
        Param {
            explicit_name: None,
            kind: ParamKind::Variable,
            def: Map::new(),
            empty: None,
        }
    }

    fn selection(kind: &str) -> Param {
        let mut def = Map::new();
        def.insert("select".into(), json!({ "type": kind }));
        Param {
            explicit_name: None,
            kind: ParamKind::Selection,
            def,
            empty: None,
        }
    }

    /// A point selection (`alt.selection_point()`).
    pub fn selection_point() -> Param {
        Param::selection("point")
    }

    /// An interval selection (`alt.selection_interval()`).
    pub fn selection_interval() -> Param {
        Param::selection("interval")
    }

    /// The interval selection bound to the x and y scales that Altair's
    /// `.interactive()` adds: pan and zoom.
    pub fn pan_zoom() -> Param {
        Param::selection_interval()
            .bind(Binding::scales())
            .encodings(["x", "y"])
    }

    /// Gives the param a name instead of the generated one.
    pub fn named(mut self, name: impl Into<String>) -> Param {
        self.explicit_name = Some(name.into());
        self
    }

    /// The initial value.
    pub fn value(self, value: impl Into<Value>) -> Param {
        self.set("value", value)
    }

    /// An expression the param's value follows.
    pub fn expr(self, expr: impl Into<String>) -> Param {
        self.set("expr", expr.into())
    }

    /// Binds the param to an input element (or, for selections, legend/scales).
    pub fn bind(self, binding: Binding) -> Param {
        self.set("bind", binding.0)
    }

    /// For selections: the fields to project on.
    pub fn fields<T: Into<String>>(self, fields: impl IntoIterator<Item = T>) -> Param {
        self.set_select("fields", string_values(fields))
    }

    /// For selections: the encodings to project on (`["x"]`).
    pub fn encodings<T: Into<String>>(self, encodings: impl IntoIterator<Item = T>) -> Param {
        self.set_select("encodings", string_values(encodings))
    }

    /// For selections: the triggering event (`"click"`, `"pointerover"`).
    pub fn on(self, event: &str) -> Param {
        self.set_select("on", event)
    }

    /// For selections: the clearing event, or `false`.
    pub fn clear(self, clear: impl Into<Value>) -> Param {
        self.set_select("clear", clear)
    }

    /// For point selections: select the nearest point.
    pub fn nearest(self, nearest: bool) -> Param {
        self.set_select("nearest", nearest)
    }

    /// For point selections: the toggle predicate (`"event.shiftKey"` or a bool).
    pub fn toggle(self, toggle: impl Into<Value>) -> Param {
        self.set_select("toggle", toggle)
    }

    /// For selections: whether an empty selection holds for every datum (the default)
    /// or none (`false`). Used in conditions and filters, as in Altair.
    pub fn empty(mut self, empty: bool) -> Param {
        self.empty = Some(empty);
        self
    }

    /// Sets any property of the param definition (escape hatch).
    pub fn set(mut self, key: &str, value: impl Into<Value>) -> Param {
        self.def.insert(key.to_string(), value.into());
        self
    }

    /// Sets any property of the selection definition (`select`).
    pub fn set_select(mut self, key: &str, value: impl Into<Value>) -> Param {
        if let Some(Value::Object(select)) = self.def.get_mut("select") {
            select.insert(key.to_string(), value.into());
        }
        self
    }

    /// Whether this is a point or interval selection.
    pub fn is_selection(&self) -> bool {
        self.kind == ParamKind::Selection
    }

    /// Whether two params are written the same, `views` aside: the same name
    /// and definition (Altair merges such params when lifting them).
    pub(crate) fn same_definition(&self, other: &Param) -> bool {
        self.name() == other.name() && self.def == other.def
    }

    /// Whether the name was given explicitly.
    pub(crate) fn has_explicit_name(&self) -> bool {
        self.explicit_name.is_some()
    }

    /// The name: the explicit one, or Altair's hash-derived `param_<16 hex>`.
    pub fn name(&self) -> String {
        if let Some(n) = &self.explicit_name {
            return n.clone();
        }
        // Altair hashes {"empty": <bool or the text "Undefined">, "param": <definition
        // without name>, "param_type": "variable"|"selection"} (json.dumps, sort_keys).
        let empty = self.empty.map_or(Value::from("Undefined"), Value::from);
        let param_type = match self.kind {
            ParamKind::Variable => "variable",
            ParamKind::Selection => "selection",
        };
        let hashed = json!({ "empty": empty, "param": Value::Object(self.def.clone()), "param_type": param_type });
        format!("param_{}", &sha256_hex(&python_dumps(&hashed))[..16])
    }

    /// The param as an expression (its name), for `Text::value(metric.expr_ref())`.
    pub fn expr_ref(&self) -> Expr {
        Expr(self.name())
    }

    /// The selection's extent as a scale domain (Altair's
    /// `alt.Scale(domain=brush)`): `{"param": name}`.
    pub fn domain_ref(&self) -> Value {
        json!({ "param": self.name() })
    }

    /// `{"param": name}` plus `empty` when set: the predicate form used in
    /// conditions and filters.
    pub(crate) fn predicate_map(&self) -> Map<String, Value> {
        let mut m = Map::new();
        m.insert("param".into(), self.name().into());
        if let Some(e) = self.empty {
            m.insert("empty".into(), e.into());
        }
        m
    }

    /// Checks the value against select/radio options.
    pub(crate) fn check(&self) -> Result<(), SpecError> {
        let (Some(value), Some(options)) = (
            self.def.get("value"),
            self.def
                .get("bind")
                .and_then(|b| b.get("options"))
                .and_then(Value::as_array),
        ) else {
            return Ok(());
        };
        if options.contains(value) {
            Ok(())
        } else {
            Err(SpecError::ValueNotInOptions {
                param: self.name(),
                value: value.to_string(),
                options: Value::Array(options.clone()).to_string(),
            })
        }
    }

    /// The JSON definition, `name` included.
    pub(crate) fn to_map(&self) -> Result<Map<String, Value>, SpecError> {
        self.check()?;
        let mut m = self.def.clone();
        m.insert("name".into(), self.name().into());
        Ok(m)
    }
}

impl From<&Param> for Expr {
    /// A param used as an expression: its name.
    fn from(param: &Param) -> Expr {
        param.expr_ref()
    }
}

/// Each item as a JSON string.
fn string_values<T: Into<String>>(items: impl IntoIterator<Item = T>) -> Vec<Value> {
    items.into_iter().map(|f| Value::String(f.into())).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn generated_names_match_altair() {
        // From make_reference.py / altair 6.3: this param is `param_3b601329c41e4678`.
        let metric = Param::new()
            .value("image1_area")
            .bind(Binding::select(["image1_area", "image2_area"]).name("Image metric "));
        assert_eq!(metric.name(), "param_3b601329c41e4678");
        // python3 -c 'import altair as alt; print(alt.selection_point(fields=["a"]).name,
        //   alt.selection_interval().name)'
        assert_eq!(
            Param::selection_point().fields(["a"]).name(),
            "param_b0509077081ffd8a"
        );
        assert_eq!(Param::selection_interval().name(), "param_54dd647193d9b3b3");
    }

    #[test]
    fn value_outside_options_is_refused() {
        let p = Param::new().value("c").bind(Binding::select(["a", "b"]));
        assert!(matches!(
            p.check(),
            Err(SpecError::ValueNotInOptions { .. })
        ));
    }
}
