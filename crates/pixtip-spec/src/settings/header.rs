//! Facet header settings (Altair's `alt.Header`).

use crate::prop::prop_struct;
use crate::settings::setting::setting_from;

prop_struct! {
    /// Header settings of a `Row`, `Column` or `Facet` channel (Altair's
    /// `alt.Header(...)`): `Row::new("g").header(Header::new().label_angle(0))`.
    Header {
        format => "format",
        format_type => "formatType",
        label_align => "labelAlign",
        label_anchor => "labelAnchor",
        label_angle => "labelAngle",
        label_baseline => "labelBaseline",
        label_color => "labelColor",
        label_expr => "labelExpr",
        label_font => "labelFont",
        label_font_size => "labelFontSize",
        label_font_style => "labelFontStyle",
        label_font_weight => "labelFontWeight",
        label_limit => "labelLimit",
        label_orient => "labelOrient",
        label_padding => "labelPadding",
        labels => "labels",
        orient => "orient",
        title => "title",
        title_align => "titleAlign",
        title_anchor => "titleAnchor",
        title_angle => "titleAngle",
        title_baseline => "titleBaseline",
        title_color => "titleColor",
        title_font => "titleFont",
        title_font_size => "titleFontSize",
        title_font_style => "titleFontStyle",
        title_font_weight => "titleFontWeight",
        title_limit => "titleLimit",
        title_orient => "titleOrient",
        title_padding => "titlePadding",
    }
}
setting_from!(Header);
