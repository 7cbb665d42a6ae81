//! What a typed channel or chart property holds.

use serde_json::Value;

/// A property given as typed settings ([`Axis`](crate::Axis), …), removed
/// (`None`, written `null`, as Altair's `axis=None`), or as raw JSON (the
/// escape hatch, e.g. `json!({"grid": false})` or `true` for `bin`).
#[derive(Debug, Clone, PartialEq)]
pub enum Setting<T> {
    /// Typed settings.
    Set(T),
    /// `null`: the axis, legend, scale or sort is removed.
    Null,
    /// Raw JSON, written as given.
    Json(Value),
}

impl<T: Into<Value>> Setting<T> {
    /// The JSON written for this setting.
    pub(crate) fn into_value(self) -> Value {
        match self {
            Setting::Set(t) => t.into(),
            Setting::Null => Value::Null,
            Setting::Json(v) => v,
        }
    }
}

/// `From` conversions into `Setting<T>` for a typed settings struct: the
/// struct itself, `Option` of it (`None` is `null`), and raw JSON.
macro_rules! setting_from {
    ($($t:ty),*) => {$(
        impl From<$t> for $crate::settings::Setting<$t> {
            fn from(t: $t) -> Self {
                $crate::settings::Setting::Set(t)
            }
        }
        impl From<Option<$t>> for $crate::settings::Setting<$t> {
            fn from(t: Option<$t>) -> Self {
                t.map_or($crate::settings::Setting::Null, $crate::settings::Setting::Set)
            }
        }
        impl From<serde_json::Value> for $crate::settings::Setting<$t> {
            fn from(v: serde_json::Value) -> Self {
                match v {
                    serde_json::Value::Null => $crate::settings::Setting::Null,
                    v => $crate::settings::Setting::Json(v),
                }
            }
        }
    )*};
}
pub(crate) use setting_from;
