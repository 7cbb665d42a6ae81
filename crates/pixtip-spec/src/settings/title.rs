//! Chart titles (Altair's `alt.Title` / `alt.TitleParams`).

use crate::prop::{AnyValue, NumberValue, TextValue, prop_struct};
use crate::settings::setting::{Setting, setting_from};
use serde_json::Value;

prop_struct! {
    /// A chart title with settings (Altair's `alt.Title(text, subtitle=...)`):
    /// `.title(Title::new().text("Two views").subtitle("side by side"))`; a plain
    /// `.title("Line")` writes the string.
    Title {
        align: TextValue => "align",
        anchor: TextValue => "anchor",
        angle: NumberValue => "angle",
        baseline: TextValue => "baseline",
        color: TextValue => "color",
        dx: NumberValue => "dx",
        dy: NumberValue => "dy",
        font: TextValue => "font",
        font_size: NumberValue => "fontSize",
        font_style: TextValue => "fontStyle",
        font_weight: AnyValue => "fontWeight",
        frame: TextValue => "frame",
        limit: NumberValue => "limit",
        line_height: NumberValue => "lineHeight",
        offset: NumberValue => "offset",
        orient: TextValue => "orient",
        subtitle: AnyValue => "subtitle",
        subtitle_color: TextValue => "subtitleColor",
        subtitle_font: TextValue => "subtitleFont",
        subtitle_font_size: NumberValue => "subtitleFontSize",
        subtitle_font_style: TextValue => "subtitleFontStyle",
        subtitle_font_weight: AnyValue => "subtitleFontWeight",
        subtitle_padding: NumberValue => "subtitlePadding",
        text: AnyValue => "text",
        zindex: NumberValue => "zindex",
    }
}
setting_from!(Title);

impl From<&str> for Setting<Title> {
    fn from(text: &str) -> Self {
        Setting::Json(Value::from(text))
    }
}

impl From<String> for Setting<Title> {
    fn from(text: String) -> Self {
        Setting::Json(Value::from(text))
    }
}

impl From<&String> for Setting<Title> {
    fn from(text: &String) -> Self {
        Setting::Json(Value::from(text.as_str()))
    }
}
