//! Scale settings (Altair's `alt.Scale`).

use crate::prop::prop_struct;
use crate::settings::setting::setting_from;

prop_struct! {
    /// Scale settings (Altair's `alt.Scale(...)`):
    /// `Y::new("b").scale(Scale::new().zero(false))`, `Scale::new().scheme("category20b")`,
    /// `Scale::new().domain(vec!["a", "b"]).range(vec!["red", "blue"])`.
    Scale {
        align => "align",
        base => "base",
        bins => "bins",
        clamp => "clamp",
        constant => "constant",
        domain => "domain",
        domain_max => "domainMax",
        domain_mid => "domainMid",
        domain_min => "domainMin",
        domain_raw => "domainRaw",
        exponent => "exponent",
        interpolate => "interpolate",
        nice => "nice",
        padding => "padding",
        padding_inner => "paddingInner",
        padding_outer => "paddingOuter",
        range => "range",
        range_max => "rangeMax",
        range_min => "rangeMin",
        reverse => "reverse",
        round => "round",
        scheme => "scheme",
        type_ => "type",
        zero => "zero",
    }
}
setting_from!(Scale);
