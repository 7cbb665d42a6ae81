//! The tutorial's two charts, as Altair writes them: the facade's strip
//! plots and metric switch over the tutorial's columns, with its titles and
//! its way of finding the chosen metric's picture.

use pixtip::charts::{self, ChartOptions, PictureLookup};
use pixtip::spec::{ConcatChart, RepeatChart, string_literal};
use pixtip::{ImageTable, PixtipError};

/// Both areas side by side, the pair of images as tooltip: Altair's
/// `alt.Chart(df_plot).mark_circle(...).encode(...).repeat(...)`, titled
/// "Comparison of blob areas". `table` holds `group`, `image1_area`,
/// `image2_area` and the pair pictures `image`.
pub fn comparison(table: &ImageTable) -> Result<RepeatChart, PixtipError> {
    charts::strip_plots(
        table,
        &["image1_area", "image2_area"],
        "group",
        "image",
        &ChartOptions::titled("Comparison of blob areas"),
    )
}

/// One area at a time, picked from a dropdown, with that image as tooltip:
/// Altair's `alt.hconcat(...)` titled "Area of blobs". The tooltip finds
/// the picture as the tutorial does, by renaming the chosen metric
/// (`image1_area` → `image1_base64`) in the browser.
pub fn metric_switch(table: &ImageTable) -> Result<ConcatChart, PixtipError> {
    let renamed = |param: &str| {
        format!(
            "datum[replace({param}, {}, {})]",
            string_literal("_area"),
            string_literal("_base64")
        )
    };
    charts::metric_switch(
        table,
        &[
            ("image1_area", "image1_base64"),
            ("image2_area", "image2_base64"),
        ],
        "group",
        &PictureLookup::Expression(&renamed),
        &ChartOptions::titled("Area of blobs"),
    )
}
