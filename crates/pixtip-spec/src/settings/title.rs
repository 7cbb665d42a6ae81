//! Chart titles (Altair's `alt.Title` / `alt.TitleParams`).

use crate::prop::prop_struct;
use crate::settings::setting::{Setting, setting_from};
use serde_json::Value;

prop_struct! {
    /// A chart title with settings (Altair's `alt.Title(text, subtitle=...)`):
    /// `.title(Title::new().text("Two views").subtitle("side by side"))`; a plain
    /// `.title("Line")` writes the string.
    Title {
        align => "align",
        anchor => "anchor",
        angle => "angle",
        baseline => "baseline",
        color => "color",
        dx => "dx",
        dy => "dy",
        font => "font",
        font_size => "fontSize",
        font_style => "fontStyle",
        font_weight => "fontWeight",
        frame => "frame",
        limit => "limit",
        line_height => "lineHeight",
        offset => "offset",
        orient => "orient",
        subtitle => "subtitle",
        subtitle_color => "subtitleColor",
        subtitle_font => "subtitleFont",
        subtitle_font_size => "subtitleFontSize",
        subtitle_font_style => "subtitleFontStyle",
        subtitle_font_weight => "subtitleFontWeight",
        subtitle_padding => "subtitlePadding",
        text => "text",
        zindex => "zindex",
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
