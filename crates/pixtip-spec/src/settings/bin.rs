//! Binning settings (Altair's `alt.Bin`).

use crate::prop::{AnyValue, BoolValue, NumberValue, prop_struct};
use crate::settings::setting::{Setting, setting_from};
use serde_json::Value;

prop_struct! {
    /// Binning settings (Altair's `alt.Bin(...)`):
    /// `X::new("b:Q").bin(Bin::new().maxbins(20))`; `.bin(true)` bins with defaults.
    Bin {
        anchor: NumberValue => "anchor",
        base: NumberValue => "base",
        binned: BoolValue => "binned",
        divide: AnyValue => "divide",
        extent: AnyValue => "extent",
        maxbins: NumberValue => "maxbins",
        minstep: NumberValue => "minstep",
        nice: BoolValue => "nice",
        step: NumberValue => "step",
        steps: AnyValue => "steps",
    }
}
setting_from!(Bin);

impl From<bool> for Setting<Bin> {
    /// `bin=True` / `bin=False`.
    fn from(on: bool) -> Self {
        Setting::Json(Value::from(on))
    }
}

impl From<&str> for Setting<Bin> {
    /// `bin="binned"`: the data is binned already.
    fn from(text: &str) -> Self {
        Setting::Json(Value::from(text))
    }
}
