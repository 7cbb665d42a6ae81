//! Legend settings (Altair's `alt.Legend`).

use crate::prop::prop_struct;
use crate::settings::setting::setting_from;

prop_struct! {
    /// Legend settings (Altair's `alt.Legend(...)`):
    /// `Color::new("g").legend(Legend::new().orient("bottom"))`; `.legend(None)` removes it.
    Legend {
        aria => "aria",
        clip_height => "clipHeight",
        column_padding => "columnPadding",
        columns => "columns",
        corner_radius => "cornerRadius",
        description => "description",
        direction => "direction",
        fill_color => "fillColor",
        format => "format",
        format_type => "formatType",
        gradient_length => "gradientLength",
        gradient_thickness => "gradientThickness",
        label_align => "labelAlign",
        label_color => "labelColor",
        label_expr => "labelExpr",
        label_font_size => "labelFontSize",
        label_font_weight => "labelFontWeight",
        label_limit => "labelLimit",
        label_overlap => "labelOverlap",
        legend_x => "legendX",
        legend_y => "legendY",
        offset => "offset",
        orient => "orient",
        padding => "padding",
        row_padding => "rowPadding",
        stroke_color => "strokeColor",
        symbol_fill_color => "symbolFillColor",
        symbol_limit => "symbolLimit",
        symbol_opacity => "symbolOpacity",
        symbol_size => "symbolSize",
        symbol_stroke_width => "symbolStrokeWidth",
        symbol_type => "symbolType",
        tick_count => "tickCount",
        title => "title",
        title_anchor => "titleAnchor",
        title_color => "titleColor",
        title_font_size => "titleFontSize",
        title_font_weight => "titleFontWeight",
        title_limit => "titleLimit",
        title_orient => "titleOrient",
        title_padding => "titlePadding",
        type_ => "type",
        values => "values",
        zindex => "zindex",
    }
}
setting_from!(Legend);
