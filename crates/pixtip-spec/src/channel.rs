//! Encoding channels: `X::new("group")`, `Y::repeat().quantitative()`,
//! `Tooltip::list(["image"])`, `Text::value(expr(...))`.

use crate::channel_name::ChannelName;
use crate::data::{Data, FieldType};
use crate::error::SpecError;
use crate::expr::escape_field;
use crate::predicate::Predicate;
use crate::prop::Prop;
use crate::settings::{Bin, Setting, TimeUnit};
use crate::shorthand;
use serde_json::{Map, Value, json};
use std::marker::PhantomData;

/// One encoding channel definition of kind `K`, e.g. the `x` of a chart
/// (`Channel<X>`).
///
/// Built by the channel types ([`X`](crate::X), [`Y`](crate::Y), [`Color`](crate::Color), …), each of which
/// has only the settings its channel takes in Vega-Lite: an axis on `X` and
/// `Y`, a legend on colour-like channels, a header on `Row`, `Column` and
/// `Facet`, and so on:
///
/// ```compile_fail
/// use pixtip_spec::{Axis, Tooltip};
/// let tip = Tooltip::new("area:Q").axis(Axis::new());
/// ```
///
/// Channels of any kind convert into `Channel` ([`AnyChannel`]), the kind a
/// chart's encoding holds, which takes every setting. Mistakes such as an
/// unknown type in a shorthand are kept and reported when the chart is
/// serialised, so the builder chain stays free of `?`.
#[derive(Debug, Clone)]
pub struct Channel<K = AnyChannel> {
    pub(crate) name: ChannelName,
    pub(crate) def: Map<String, Value>,
    /// The column to infer the type from when none was given.
    pub(crate) infer_field: Option<String>,
    pub(crate) error: Option<SpecError>,
    /// For list-valued channels (`tooltip`, `detail`, `order`).
    pub(crate) items: Option<Vec<Channel>>,
    /// `(predicate, definition when it holds)`, in order.
    pub(crate) conditions: Vec<(Predicate, Channel)>,
    /// Whether `condition` is written as a list (Altair's `alt.when`) or one
    /// object (`alt.condition`).
    pub(crate) condition_list: bool,
    kind: PhantomData<fn() -> K>,
}

/// The kind of a channel that may be any: what charts hold, and what the
/// other kinds convert into. It takes every setting.
#[derive(Debug, Clone, Copy)]
pub struct AnyChannel;

/// The channel types ([`X`](crate::X), [`Tooltip`](crate::Tooltip), …),
/// whose channels convert into the [`AnyChannel`] kind a chart holds.
/// Declared here, beside [`Channel`], so that the kinds' module depends on
/// this one and not the other way round.
pub trait ChannelKind {}

impl<K: ChannelKind> From<Channel<K>> for Channel {
    fn from(channel: Channel<K>) -> Channel {
        channel.retype()
    }
}

impl<K> Channel<K> {
    fn bare(name: ChannelName) -> Channel<K> {
        Channel {
            name,
            def: Map::new(),
            infer_field: None,
            error: None,
            items: None,
            conditions: Vec::new(),
            condition_list: false,
            kind: PhantomData,
        }
    }

    /// The same definition as a channel of kind `J`.
    pub(crate) fn retype<J>(self) -> Channel<J> {
        Channel {
            name: self.name,
            def: self.def,
            infer_field: self.infer_field,
            error: self.error,
            items: self.items,
            conditions: self.conditions,
            condition_list: self.condition_list,
            kind: PhantomData,
        }
    }

    /// A channel from Altair shorthand: `"field"`, `"field:Q"`, `"mean(field):Q"`.
    pub fn shorthand(name: ChannelName, text: &str) -> Channel<K> {
        let mut ch = Channel::bare(name);
        match shorthand::parse(text) {
            Ok(p) => {
                if let Some(a) = p.aggregate {
                    ch.def.insert("aggregate".into(), a.into());
                }
                if let Some(t) = p.time_unit {
                    ch.def.insert("timeUnit".into(), t.into());
                }
                if let Some(f) = &p.field {
                    ch.def.insert("field".into(), f.clone().into());
                }
                match p.ty {
                    // Secondary channels (`x2`, `y2`, …) share the primary's type
                    // and have none of their own, as in Altair.
                    _ if is_secondary(name) => {}
                    Some(t) => {
                        ch.def.insert("type".into(), t.as_str().into());
                    }
                    None => ch.infer_field = p.field,
                }
            }
            Err(e) => ch.error = Some(e),
        }
        ch
    }

    /// A channel on a column named exactly `name`: dots and brackets are
    /// escaped so Vega-Lite does not read them as nested access.
    pub fn field(name: ChannelName, column: &str) -> Channel<K> {
        let mut ch = Channel::bare(name);
        ch.def.insert("field".into(), escape_field(column).into());
        if !is_secondary(name) {
            ch.infer_field = Some(column.to_string());
        }
        ch
    }

    /// A channel whose field comes from a repeat (`"repeat"`, `"row"`, `"column"`, `"layer"`).
    pub fn repeat_ref(name: ChannelName, repeater: &str) -> Channel<K> {
        let mut ch = Channel::bare(name);
        ch.def.insert("field".into(), json!({ "repeat": repeater }));
        ch
    }

    /// A constant visual value (`{"value": ...}`), or an expression.
    pub fn value_of(name: ChannelName, value: impl Into<Prop>) -> Channel<K> {
        let mut ch = Channel::bare(name);
        if let Some(v) = value.into().0 {
            ch.def.insert("value".into(), v);
        }
        ch
    }

    /// A constant in data units (`{"datum": ...}`).
    pub fn datum_of(name: ChannelName, value: impl Into<Prop>) -> Channel<K> {
        let mut ch = Channel::bare(name);
        if let Some(v) = value.into().0 {
            ch.def.insert("datum".into(), v);
        }
        ch
    }

    /// A list of definitions (`tooltip=["a", "b:Q"]`).
    pub fn list<T: Into<ChannelItem>>(
        name: ChannelName,
        items: impl IntoIterator<Item = T>,
    ) -> Channel<K> {
        let mut ch = Channel::bare(name);
        let items = items.into_iter().map(|i| Channel { name, ..i.into().0 });
        ch.items = Some(items.collect());
        ch
    }

    /// The channel (`ChannelName::X`, `ChannelName::Tooltip`, …).
    pub fn name(&self) -> ChannelName {
        self.name
    }

    /// Sets the measurement type.
    pub fn kind(mut self, ty: FieldType) -> Channel<K> {
        self.def.insert("type".into(), ty.as_str().into());
        self.infer_field = None;
        self
    }

    /// `type: "quantitative"`.
    pub fn quantitative(self) -> Channel<K> {
        self.kind(FieldType::Quantitative)
    }

    /// `type: "nominal"`.
    pub fn nominal(self) -> Channel<K> {
        self.kind(FieldType::Nominal)
    }

    /// `type: "ordinal"`.
    pub fn ordinal(self) -> Channel<K> {
        self.kind(FieldType::Ordinal)
    }

    /// `type: "temporal"`.
    pub fn temporal(self) -> Channel<K> {
        self.kind(FieldType::Temporal)
    }

    /// Sets any property, e.g. `.set("bandPosition", 0.5)` (the escape hatch).
    pub fn set(mut self, key: &str, value: impl Into<Value>) -> Channel<K> {
        if key == "type" {
            // A type given by hand wins over inference.
            self.infer_field = None;
        }
        self.def.insert(key.to_string(), value.into());
        self
    }

    /// The title (axis or legend title); `""` hides it.
    pub fn title(self, title: impl Into<Value>) -> Channel<K> {
        self.set("title", title)
    }

    /// An aggregate operation, e.g. `"mean"`.
    pub fn aggregate(self, op: &str) -> Channel<K> {
        self.set("aggregate", op)
    }

    /// Binning: `.bin(true)`, `.bin(Bin::new().maxbins(20))`, or `.bin("binned")`.
    pub fn bin(self, bin: impl Into<Setting<Bin>>) -> Channel<K> {
        self.set("bin", bin.into().into_value())
    }

    /// A time unit: `.time_unit(TimeUnit::YearMonth)` or `.time_unit("yearmonth")`.
    pub fn time_unit(self, unit: impl Into<TimeUnit>) -> Channel<K> {
        self.set("timeUnit", unit.into())
    }

    /// Resolves type inference and errors into the JSON definition.
    pub(crate) fn resolve(&self, data: Option<&Data>) -> Result<Value, SpecError> {
        if let Some(e) = &self.error {
            return Err(e.clone());
        }
        if let Some(items) = &self.items {
            let values = items
                .iter()
                .map(|i| i.resolve(data))
                .collect::<Result<Vec<_>, _>>()?;
            return Ok(Value::Array(values));
        }
        let mut def = self.def.clone();
        if let Some(field) = &self.infer_field {
            let ty = match data {
                Some(d) => d.infer_type(field),
                None => Err("the chart has no data".to_string()),
            }
            .map_err(|reason| SpecError::TypeNotInferred {
                field: field.clone(),
                reason,
            })?;
            def.insert("type".into(), ty.as_str().into());
        }
        let mut conditions = Vec::with_capacity(self.conditions.len());
        for (predicate, then) in &self.conditions {
            if then.items.is_some() {
                return Err(SpecError::Composition(
                    "a condition needs a single definition".into(),
                ));
            }
            let Value::Object(mut cond) = then.resolve(data)? else {
                unreachable!("a single definition resolves to an object");
            };
            cond.extend(predicate.condition_keys());
            conditions.push(Value::Object(cond));
        }
        if self.condition_list {
            def.insert("condition".into(), Value::Array(conditions));
        } else if let Some(one) = conditions.pop() {
            def.insert("condition".into(), one);
        }
        Ok(Value::Object(def))
    }
}

/// Channels whose definitions take no type (Vega-Lite's `SecondaryFieldDef`).
fn is_secondary(name: ChannelName) -> bool {
    use ChannelName as N;
    matches!(
        name,
        N::X2
            | N::Y2
            | N::Theta2
            | N::Radius2
            | N::Latitude2
            | N::Longitude2
            | N::XError
            | N::YError
    )
}

/// An item of a list-valued channel: a shorthand string or a [`Channel`].
///
/// Only `Tooltip`, `Detail` and `Order` take lists, as in Vega-Lite:
///
/// ```compile_fail
/// let x = pixtip_spec::X::list(["a", "b"]);
/// ```
///
/// and facet channels take no constant value:
///
/// ```compile_fail
/// let row = pixtip_spec::Row::value("a");
/// ```
#[derive(Debug, Clone)]
pub struct ChannelItem(pub(crate) Channel);

impl From<&str> for ChannelItem {
    fn from(s: &str) -> ChannelItem {
        ChannelItem(Channel::shorthand(ChannelName::Tooltip, s))
    }
}

impl From<String> for ChannelItem {
    fn from(s: String) -> ChannelItem {
        ChannelItem(Channel::shorthand(ChannelName::Tooltip, &s))
    }
}

impl<K> From<Channel<K>> for ChannelItem {
    fn from(c: Channel<K>) -> ChannelItem {
        ChannelItem(c.retype())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::channel_kinds::X;

    #[test]
    fn shorthand_with_type() {
        let v = X::new("image_area:Q")
            .title("")
            .resolve(None)
            .expect("typed");
        assert_eq!(
            v,
            json!({"field": "image_area", "type": "quantitative", "title": ""})
        );
    }

    #[test]
    fn untyped_field_without_data_is_an_error() {
        assert!(matches!(
            X::new("a").resolve(None),
            Err(SpecError::TypeNotInferred { .. })
        ));
    }

    #[test]
    fn dotted_column_is_escaped() {
        let v = X::field("a.b").quantitative().resolve(None).expect("typed");
        assert_eq!(v, json!({"field": "a\\.b", "type": "quantitative"}));
    }
}
