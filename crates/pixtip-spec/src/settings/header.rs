//! Facet header settings (Altair's `alt.Header`).

use crate::prop::{AnyValue, BoolValue, NumberValue, TextValue, prop_struct};
use crate::settings::setting::setting_from;

prop_struct! {
    /// Header settings of a `Row`, `Column` or `Facet` channel (Altair's
    /// `alt.Header(...)`): `Row::new("g").header(Header::new().label_angle(0))`.
    Header {
        format: TextValue => "format",
        format_type: TextValue => "formatType",
        label_align: TextValue => "labelAlign",
        label_anchor: TextValue => "labelAnchor",
        label_angle: NumberValue => "labelAngle",
        label_baseline: TextValue => "labelBaseline",
        label_color: TextValue => "labelColor",
        label_expr: TextValue => "labelExpr",
        label_font: TextValue => "labelFont",
        label_font_size: NumberValue => "labelFontSize",
        label_font_style: TextValue => "labelFontStyle",
        label_font_weight: AnyValue => "labelFontWeight",
        label_limit: NumberValue => "labelLimit",
        label_orient: TextValue => "labelOrient",
        label_padding: NumberValue => "labelPadding",
        labels: BoolValue => "labels",
        orient: TextValue => "orient",
        title: AnyValue => "title",
        title_align: TextValue => "titleAlign",
        title_anchor: TextValue => "titleAnchor",
        title_angle: NumberValue => "titleAngle",
        title_baseline: TextValue => "titleBaseline",
        title_color: TextValue => "titleColor",
        title_font: TextValue => "titleFont",
        title_font_size: NumberValue => "titleFontSize",
        title_font_style: TextValue => "titleFontStyle",
        title_font_weight: AnyValue => "titleFontWeight",
        title_limit: NumberValue => "titleLimit",
        title_orient: TextValue => "titleOrient",
        title_padding: NumberValue => "titlePadding",
    }
}
setting_from!(Header);
