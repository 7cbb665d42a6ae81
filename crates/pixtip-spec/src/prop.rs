//! Property values that are unset, a constant, or a Vega expression, typed
//! by what Vega-Lite accepts for the property.

use crate::expr::Expr;
use serde_json::{Map, Value};
use std::marker::PhantomData;

/// One property value of kind `K`: `Default` leaves the property out of the
/// spec; constants of the kind and [`Expr`]s convert with `.into()`:
/// `angle: 270.into()`, `x_offset: expr("random() * 16 - 8").into()`.
/// A constant of another kind does not compile:
///
/// ```compile_fail
/// use pixtip_spec::MarkProps;
/// let props = MarkProps { angle: "bold".into(), ..Default::default() };
/// ```
///
/// Raw JSON (`serde_json::json!(...)`) converts into every kind: the escape
/// hatch for what the kinds do not say (a gradient colour, a conditional
/// axis property).
pub struct Prop<K = AnyValue>(pub(crate) Option<Value>, PhantomData<fn() -> K>);

/// The kind of properties Vega-Lite gives a number (`angle`, `size`, …).
#[derive(Debug)]
pub enum NumberValue {}
/// The kind of properties Vega-Lite gives a string (`color`, `font`, …).
#[derive(Debug)]
pub enum TextValue {}
/// The kind of properties Vega-Lite gives a boolean (`filled`, `grid`, …).
#[derive(Debug)]
pub enum BoolValue {}
/// The kind of properties that take several kinds of constant (`tooltip`,
/// `x`, `title`, …): anything converts.
#[derive(Debug)]
pub enum AnyValue {}

impl<K> Prop<K> {
    /// A set property.
    pub(crate) fn of(value: Value) -> Prop<K> {
        Prop(Some(value), PhantomData)
    }

    /// Whether the property is set.
    pub fn is_set(&self) -> bool {
        self.0.is_some()
    }

    /// The value, if set.
    pub fn value(&self) -> Option<&Value> {
        self.0.as_ref()
    }
}

impl<K> Default for Prop<K> {
    fn default() -> Prop<K> {
        Prop(None, PhantomData)
    }
}

impl<K> Clone for Prop<K> {
    fn clone(&self) -> Prop<K> {
        Prop(self.0.clone(), PhantomData)
    }
}

impl<K> PartialEq for Prop<K> {
    fn eq(&self, other: &Prop<K>) -> bool {
        self.0 == other.0
    }
}

impl<K> std::fmt::Debug for Prop<K> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_tuple("Prop").field(&self.0).finish()
    }
}

impl<K> From<Expr> for Prop<K> {
    fn from(e: Expr) -> Prop<K> {
        Prop::of(e.to_value())
    }
}

impl<K> From<Value> for Prop<K> {
    fn from(v: Value) -> Prop<K> {
        Prop::of(v)
    }
}

impl<K, T: Into<Prop<K>>> From<Option<T>> for Prop<K> {
    fn from(v: Option<T>) -> Prop<K> {
        v.map_or_else(Prop::default, Into::into)
    }
}

/// `From<$t>` for `Prop<$kind>`, for each constant type listed.
macro_rules! prop_from {
    ($kind:ty: $($t:ty),*) => {$(
        impl From<$t> for $crate::prop::Prop<$kind> {
            fn from(v: $t) -> $crate::prop::Prop<$kind> {
                $crate::prop::Prop::of(serde_json::Value::from(v))
            }
        }
    )*};
}
pub(crate) use prop_from;

prop_from!(NumberValue: i32, i64, u32, u64, f32, f64);
prop_from!(TextValue: &str, String);
prop_from!(BoolValue: bool);
prop_from!(AnyValue: i32, i64, u32, u64, f32, f64, &str, String, bool);
prop_from!(AnyValue: Vec<f64>, Vec<i64>, Vec<&str>, Vec<String>);

/// Inserts `value` under `key` if it is set.
pub(crate) fn put<K>(map: &mut Map<String, Value>, key: &str, value: &Prop<K>) {
    if let Some(v) = &value.0 {
        map.insert(key.to_string(), v.clone());
    }
}

/// Defines a plain options struct of [`Prop`] fields, each written under its
/// Vega-Lite name, plus `extra` for anything the typed fields lack.
macro_rules! prop_struct {
    ($(#[$meta:meta])* $name:ident { $($field:ident: $kind:ident => $key:literal),* $(,)? }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Default, PartialEq)]
        pub struct $name {
            $(
                #[doc = concat!("Vega-Lite `", $key, "` (", stringify!($kind), ").")]
                pub $field: $crate::prop::Prop<$kind>,
            )*
            /// Any other property, by its Vega-Lite name (the escape hatch).
            pub extra: serde_json::Map<String, serde_json::Value>,
        }

        impl $name {
            /// No properties set (the same as `Default::default()`).
            pub fn new() -> Self {
                Self::default()
            }

            /// Each property's Vega-Lite name and kind, for the test that
            /// checks the kinds against Vega-Lite's schema.
            #[doc(hidden)]
            pub const PROPERTY_KINDS: &'static [(&'static str, &'static str)] =
                &[$(($key, stringify!($kind))),*];

            $(
                #[doc = concat!("Sets `", $key, "` to a constant or an expression.")]
                pub fn $field(mut self, value: impl Into<$crate::prop::Prop<$kind>>) -> Self {
                    self.$field = value.into();
                    self
                }
            )*

            /// Sets any property by its Vega-Lite name (the escape hatch).
            pub fn set(mut self, key: &str, value: impl Into<serde_json::Value>) -> Self {
                self.extra.insert(key.to_string(), value.into());
                self
            }

            /// Writes the set properties into `map`.
            pub(crate) fn write_into(&self, map: &mut serde_json::Map<String, serde_json::Value>) {
                $( $crate::prop::put(map, $key, &self.$field); )*
                for (k, v) in &self.extra {
                    map.insert(k.clone(), v.clone());
                }
            }
        }

        impl From<$name> for serde_json::Value {
            fn from(props: $name) -> serde_json::Value {
                let mut map = serde_json::Map::new();
                props.write_into(&mut map);
                serde_json::Value::Object(map)
            }
        }
    };
}
pub(crate) use prop_struct;
