//! What every chart kind shares: data, transforms, params, top-level
//! properties, and the builder methods for them.

use crate::data::Data;
use crate::datasets::Cx;
use crate::error::SpecError;
use crate::param::Param;
use crate::transform::Transform;
use serde_json::{Map, Value, json};

/// A width or height step: `{"step": n}` (Altair's `alt.Step`).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Step(pub f64);

impl From<Step> for Value {
    fn from(s: Step) -> Value {
        json!({ "step": number(s.0) })
    }
}

/// Integral floats as integers, as Python writes `alt.Step(40)`.
pub(crate) fn number(x: f64) -> Value {
    if x.fract() == 0.0 && x.abs() < 9e15 {
        Value::from(x as i64)
    } else {
        Value::from(x)
    }
}

/// How a scale, axis or legend is shared between views.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Resolution {
    /// One for all views.
    Shared,
    /// One per view.
    Independent,
}

impl Resolution {
    fn as_str(self) -> &'static str {
        match self {
            Resolution::Shared => "shared",
            Resolution::Independent => "independent",
        }
    }
}

#[derive(Debug, Clone, Default)]
pub(crate) struct Common {
    pub data: Option<Data>,
    pub transforms: Vec<Transform>,
    pub params: Vec<Param>,
    /// The view name (selections' `views` refer to it).
    pub name: Option<String>,
    pub props: Map<String, Value>,
    pub config: Map<String, Value>,
}

impl Common {
    pub fn set(&mut self, key: &str, value: Value) {
        match (key, value) {
            ("name", Value::String(name)) => self.name = Some(name),
            (key, value) => {
                self.props.insert(key.to_string(), value);
            }
        }
    }

    pub fn resolve(&mut self, what: &str, channel: &str, how: Resolution) {
        let resolve = self.props.entry("resolve").or_insert_with(|| json!({}));
        if let Value::Object(r) = resolve {
            let part = r.entry(what).or_insert_with(|| json!({}));
            part[channel] = Value::from(how.as_str());
        }
    }

    /// Adds params, skipping repeats of generated names as Altair does.
    pub fn add_params(&mut self, params: &[Param]) {
        for p in params {
            if self.params.iter().any(|q| q.name() == p.name() && q == p) {
                continue;
            }
            self.params.push(p.clone());
        }
    }

    /// The start of a compiled chart: its data, transforms and properties
    /// (params are the kind's to write), and the data its children see (its
    /// own or `inherited`).
    pub fn begin<'a>(
        &'a self,
        cx: &mut Cx,
        inherited: Option<&'a Data>,
    ) -> Result<(Map<String, Value>, Option<&'a Data>), SpecError> {
        let mut out = Map::new();
        self.write(cx, &mut out)?;
        Ok((out, self.data.as_ref().or(inherited)))
    }

    /// Writes data, transforms, name and properties of this chart.
    pub fn write(&self, cx: &mut Cx, out: &mut Map<String, Value>) -> Result<(), SpecError> {
        if let Some(d) = &self.data {
            out.insert("data".into(), cx.data_ref(d));
        }
        if !self.transforms.is_empty() {
            let mut list = Vec::with_capacity(self.transforms.len());
            for t in &self.transforms {
                if let Some(e) = &t.error {
                    return Err(e.clone());
                }
                let mut def = t.def.clone();
                if let Some(d) = &t.lookup_data
                    && let Some(Value::Object(from)) = def.get_mut("from")
                {
                    from.insert("data".into(), cx.data_ref(d));
                }
                list.push(Value::Object(def));
            }
            out.insert("transform".into(), Value::Array(list));
        }
        if let Some(name) = &self.name {
            out.insert("name".into(), Value::from(name.as_str()));
        }
        for (k, v) in &self.props {
            out.insert(k.clone(), v.clone());
        }
        Ok(())
    }
}

/// Deep-merges `src` into `dst` (objects merge, other values replace), like
/// Altair's `update_nested`.
pub(crate) fn merge(dst: &mut Map<String, Value>, src: Map<String, Value>) {
    for (k, v) in src {
        match (dst.get_mut(&k), v) {
            (Some(Value::Object(d)), Value::Object(s)) => merge(d, s),
            (_, v) => {
                dst.insert(k, v);
            }
        }
    }
}

/// The builder methods every chart kind has (Altair's `TopLevelMixin`).
/// Altair's `transform_*` shortcuts: each appends the [`Transform`] that
/// the constructor it names builds from the same arguments.
macro_rules! transform_shortcuts {
    ($(
        $(#[$doc:meta])*
        $method:ident $(<$lt:lifetime>)? ($($arg:ident: $ty:ty),* $(,)?) => $build:ident;
    )*) => {$(
        $(#[$doc])*
        pub fn $method $(<$lt>)? (self, $($arg: $ty),*) -> Self {
            self.transform(crate::Transform::$build($($arg),*))
        }
    )*};
}
pub(crate) use transform_shortcuts;

macro_rules! common_methods {
    () => {
        /// The title: a string, or a [`Title`](crate::Title) with settings
        /// (`Title::new().text("A").subtitle("B")`).
        pub fn title(mut self, title: impl Into<crate::Setting<crate::Title>>) -> Self {
            self.common.set("title", title.into().into_value());
            self
        }

        /// The width: a number, [`Step`](crate::Step), or `"container"`.
        pub fn width(mut self, width: impl Into<serde_json::Value>) -> Self {
            self.common.set("width", width.into());
            self
        }

        /// The height: a number, [`Step`](crate::Step), or `"container"`.
        pub fn height(mut self, height: impl Into<serde_json::Value>) -> Self {
            self.common.set("height", height.into());
            self
        }

        /// Sets several properties at once from a JSON object, like Altair's
        /// `.properties(title=..., width=...)`; keys are Vega-Lite names.
        pub fn properties(mut self, props: serde_json::Value) -> Self {
            if let serde_json::Value::Object(map) = props {
                for (k, v) in map {
                    self.common.props.insert(k, v);
                }
            }
            self
        }

        /// Sets any top-level property by its Vega-Lite name (the escape hatch).
        pub fn set(mut self, key: &str, value: impl Into<serde_json::Value>) -> Self {
            self.common.set(key, value.into());
            self
        }

        /// Merges into the chart's `config` (on top of Altair's default view size).
        pub fn config(mut self, config: serde_json::Value) -> Self {
            if let serde_json::Value::Object(map) = config {
                crate::chart::common::merge(&mut self.common.config, map);
            }
            self
        }

        /// `resolve.scale[channel] = how`.
        pub fn resolve_scale(
            mut self,
            channel: crate::ChannelName,
            how: crate::Resolution,
        ) -> Self {
            self.common.resolve("scale", channel.as_str(), how);
            self
        }

        /// `resolve.axis[channel] = how`.
        pub fn resolve_axis(mut self, channel: crate::ChannelName, how: crate::Resolution) -> Self {
            self.common.resolve("axis", channel.as_str(), how);
            self
        }

        /// `resolve.legend[channel] = how`.
        pub fn resolve_legend(
            mut self,
            channel: crate::ChannelName,
            how: crate::Resolution,
        ) -> Self {
            self.common.resolve("legend", channel.as_str(), how);
            self
        }

        /// Appends a transform.
        pub fn transform(mut self, transform: crate::Transform) -> Self {
            self.common.transforms.push(transform);
            self
        }

        /// `{"fold": fields, "as": [key, value]}`.
        pub fn transform_fold<T: Into<String>>(
            self,
            fields: impl IntoIterator<Item = T>,
            as_: Option<[&str; 2]>,
        ) -> Self {
            let t = crate::Transform::fold(fields);
            self.transform(match as_ {
                Some(names) => t.as_(names),
                None => t,
            })
        }

        $crate::chart::common::transform_shortcuts! {
            /// `{"calculate": expr, "as": as_}` (Altair's `transform_calculate(as_=expr)`).
            transform_calculate(as_: &str, expr: impl AsRef<str>) => calculate;
            /// `{"filter": predicate}`: an expression, a param, or a field predicate.
            transform_filter(predicate: impl Into<crate::Predicate>) => filter;
            /// `{"aggregate": [...], "groupby": [...]}` from `(as, "op(field)")` pairs.
            transform_aggregate<'a>(
                ops: impl IntoIterator<Item = (&'a str, &'a str)>,
                groupby: &[&str]
            ) => aggregate;
            /// `{"joinaggregate": [...], "groupby": [...]}` from `(as, "op(field)")` pairs.
            transform_joinaggregate<'a>(
                ops: impl IntoIterator<Item = (&'a str, &'a str)>,
                groupby: &[&str]
            ) => joinaggregate;
            /// `{"window": [...]}`; build with [`Transform::window`](crate::Transform::window)
            /// for `sort`, `groupby` and `frame`.
            transform_window<'a>(ops: impl IntoIterator<Item = (&'a str, &'a str)>) => window;
            /// `{"bin": bin, "field": field, "as": as_}`.
            transform_bin(as_: &str, field: &str, bin: impl Into<serde_json::Value>) => bin;
            /// `{"lookup": key, "from": {"data": from, "key": from_key, "fields": fields}}`.
            transform_lookup(lookup: &str, from: crate::Data, from_key: &str, fields: &[&str])
                => lookup;
        }
    };
}
pub(crate) use common_methods;
