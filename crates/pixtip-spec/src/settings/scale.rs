//! Scale settings (Altair's `alt.Scale`).

use crate::prop::{AnyValue, BoolValue, NumberValue, TextValue, prop_struct};
use crate::settings::setting::setting_from;

prop_struct! {
    /// Scale settings (Altair's `alt.Scale(...)`):
    /// `Y::new("b").scale(Scale::new().zero(false))`, `Scale::new().scheme("category20b")`,
    /// `Scale::new().domain(vec!["a", "b"]).range(vec!["red", "blue"])`.
    Scale {
        align: NumberValue => "align",
        base: NumberValue => "base",
        bins: AnyValue => "bins",
        clamp: BoolValue => "clamp",
        constant: NumberValue => "constant",
        domain: AnyValue => "domain",
        domain_max: NumberValue => "domainMax",
        domain_mid: NumberValue => "domainMid",
        domain_min: NumberValue => "domainMin",
        domain_raw: AnyValue => "domainRaw",
        exponent: NumberValue => "exponent",
        interpolate: TextValue => "interpolate",
        nice: AnyValue => "nice",
        padding: NumberValue => "padding",
        padding_inner: NumberValue => "paddingInner",
        padding_outer: NumberValue => "paddingOuter",
        range: AnyValue => "range",
        range_max: AnyValue => "rangeMax",
        range_min: AnyValue => "rangeMin",
        reverse: BoolValue => "reverse",
        round: BoolValue => "round",
        scheme: TextValue => "scheme",
        type_: TextValue => "type",
        zero: BoolValue => "zero",
    }
}
setting_from!(Scale);
