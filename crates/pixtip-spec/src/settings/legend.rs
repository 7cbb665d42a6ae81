//! Legend settings (Altair's `alt.Legend`).

use crate::prop::{AnyValue, BoolValue, NumberValue, TextValue, prop_struct};
use crate::settings::setting::setting_from;

prop_struct! {
    /// Legend settings (Altair's `alt.Legend(...)`):
    /// `Color::new("g").legend(Legend::new().orient("bottom"))`; `.legend(None)` removes it.
    Legend {
        aria: BoolValue => "aria",
        clip_height: NumberValue => "clipHeight",
        column_padding: NumberValue => "columnPadding",
        columns: NumberValue => "columns",
        corner_radius: NumberValue => "cornerRadius",
        description: TextValue => "description",
        direction: TextValue => "direction",
        fill_color: TextValue => "fillColor",
        format: TextValue => "format",
        format_type: TextValue => "formatType",
        gradient_length: NumberValue => "gradientLength",
        gradient_thickness: NumberValue => "gradientThickness",
        label_align: TextValue => "labelAlign",
        label_color: TextValue => "labelColor",
        label_expr: TextValue => "labelExpr",
        label_font_size: NumberValue => "labelFontSize",
        label_font_weight: AnyValue => "labelFontWeight",
        label_limit: NumberValue => "labelLimit",
        label_overlap: AnyValue => "labelOverlap",
        legend_x: NumberValue => "legendX",
        legend_y: NumberValue => "legendY",
        offset: NumberValue => "offset",
        orient: TextValue => "orient",
        padding: NumberValue => "padding",
        row_padding: NumberValue => "rowPadding",
        stroke_color: TextValue => "strokeColor",
        symbol_fill_color: TextValue => "symbolFillColor",
        symbol_limit: NumberValue => "symbolLimit",
        symbol_opacity: NumberValue => "symbolOpacity",
        symbol_size: NumberValue => "symbolSize",
        symbol_stroke_width: NumberValue => "symbolStrokeWidth",
        symbol_type: TextValue => "symbolType",
        tick_count: AnyValue => "tickCount",
        title: AnyValue => "title",
        title_anchor: TextValue => "titleAnchor",
        title_color: TextValue => "titleColor",
        title_font_size: NumberValue => "titleFontSize",
        title_font_weight: AnyValue => "titleFontWeight",
        title_limit: NumberValue => "titleLimit",
        title_orient: TextValue => "titleOrient",
        title_padding: NumberValue => "titlePadding",
        type_: TextValue => "type",
        values: AnyValue => "values",
        zindex: NumberValue => "zindex",
    }
}
setting_from!(Legend);
