//! Property values that are unset, a constant, or a Vega expression.

use crate::expr::Expr;
use serde_json::{Map, Value};

/// One property value. `Default` leaves the property out of the spec;
/// constants and [`Expr`]s convert with `.into()`:
/// `angle: 270.into()`, `x_offset: expr("random() * 16 - 8").into()`.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Prop(pub(crate) Option<Value>);

impl Prop {
    /// Whether the property is set.
    pub fn is_set(&self) -> bool {
        self.0.is_some()
    }
}

impl From<Expr> for Prop {
    fn from(e: Expr) -> Prop {
        Prop(Some(e.to_value()))
    }
}

impl From<Value> for Prop {
    fn from(v: Value) -> Prop {
        Prop(Some(v))
    }
}

impl<T: Into<Prop>> From<Option<T>> for Prop {
    fn from(v: Option<T>) -> Prop {
        v.map_or(Prop(None), Into::into)
    }
}

macro_rules! prop_from {
    ($($t:ty),*) => {$(
        impl From<$t> for Prop {
            fn from(v: $t) -> Prop {
                Prop(Some(Value::from(v)))
            }
        }
    )*};
}
prop_from!(
    i32,
    i64,
    u32,
    u64,
    f32,
    f64,
    bool,
    &str,
    String,
    Vec<f64>,
    Vec<i64>,
    Vec<&str>,
    Vec<String>
);

/// Inserts `value` under `key` if it is set.
pub(crate) fn put(map: &mut Map<String, Value>, key: &str, value: &Prop) {
    if let Some(v) = &value.0 {
        map.insert(key.to_string(), v.clone());
    }
}

/// Defines a plain options struct of [`Prop`] fields, each written under its
/// Vega-Lite name, plus `extra` for anything the typed fields lack.
macro_rules! prop_struct {
    ($(#[$meta:meta])* $name:ident { $($field:ident => $key:literal),* $(,)? }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Default, PartialEq)]
        pub struct $name {
            $(
                #[doc = concat!("Vega-Lite `", $key, "`.")]
                pub $field: $crate::prop::Prop,
            )*
            /// Any other property, by its Vega-Lite name (the escape hatch).
            pub extra: serde_json::Map<String, serde_json::Value>,
        }

        impl $name {
            /// No properties set (the same as `Default::default()`).
            pub fn new() -> Self {
                Self::default()
            }

            $(
                #[doc = concat!("Sets `", $key, "` to a constant or an expression.")]
                pub fn $field(mut self, value: impl Into<$crate::prop::Prop>) -> Self {
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
