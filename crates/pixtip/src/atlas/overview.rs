//! The overview page: each occupied cell drawn as a picture at its centre,
//! over a log-scale density of counts, with a montage tooltip and a link to
//! the cell's page.

use crate::error::PixtipError;
use pixtip_spec::{
    Chart, Color, DataColumn, Href, LayerChart, MarkProps, Scale, Table, Tooltip, Url, X, X2, Y,
    Y2, layer,
};
use serde_json::Value;

/// One occupied cell as the overview shows it.
#[derive(Debug, Clone, PartialEq)]
pub struct CellRow {
    /// `<col>-<row>`.
    pub name: String,
    /// Left, right, bottom and top edges in data units.
    pub bounds: (f64, f64, f64, f64),
    /// Members.
    pub count: usize,
    /// The cell's mark picture (a data URI).
    pub picture: String,
    /// The montage file, relative to the overview.
    pub montage: String,
    /// The cell's page, relative to the overview.
    pub page: String,
    /// Means of the number fields, in the order of the titles given.
    pub means: Vec<Option<f64>>,
    /// The most common value of the colour field.
    pub top_color: Value,
}

/// What the overview's axes and tooltip call things.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct OverviewTitles {
    /// The x field's name.
    pub x: String,
    /// The y field's name.
    pub y: String,
    /// The number fields whose means the tooltip lists.
    pub means: Vec<String>,
    /// The colour field's name, if any.
    pub color: Option<String>,
    /// The chart's title.
    pub title: Option<String>,
}

/// A title as tooltips show it: Vega-Lite 6 drops one level of backslashes
/// from tooltip titles, and vega-tooltip gives `image` and `title` meanings.
fn tooltip_title(text: &str) -> String {
    text.replace('\\', "\\\\")
}

/// The overview chart: rects coloured by count (log scale) under the cells'
/// pictures (`mark_image`, `side` pixels), both with the montage tooltip
/// and the cell page as `href`; pan and zoom.
pub fn overview_chart(
    rows: &[CellRow],
    titles: &OverviewTitles,
    size: u32,
    side: u32,
) -> Result<LayerChart, PixtipError> {
    let float = |f: fn(&CellRow) -> f64| DataColumn::Float(rows.iter().map(f).collect());
    let text =
        |f: fn(&CellRow) -> &str| DataColumn::Str(rows.iter().map(|r| f(r).to_string()).collect());
    let mut table = Table::new()
        .column("cell", text(|r| &r.name))
        .column("x0", float(|r| r.bounds.0))
        .column("x1", float(|r| r.bounds.1))
        .column("y0", float(|r| r.bounds.2))
        .column("y1", float(|r| r.bounds.3))
        .column("cx", float(|r| (r.bounds.0 + r.bounds.1) / 2.0))
        .column("cy", float(|r| (r.bounds.2 + r.bounds.3) / 2.0))
        .column("count", float(|r| r.count as f64))
        .column("picture", text(|r| &r.picture))
        .column("montage", text(|r| &r.montage))
        .column("page", text(|r| &r.page));
    let mut tooltip = vec![
        Tooltip::image("montage"),
        Tooltip::field("count").quantitative().title("images"),
        Tooltip::field("cell").nominal().title("cell"),
    ];
    for (i, name) in titles.means.iter().enumerate() {
        let key = format!("mean_{i}");
        let values = rows
            .iter()
            .map(|r| {
                r.means
                    .get(i)
                    .copied()
                    .flatten()
                    .and_then(serde_json::Number::from_f64)
                    .map_or(Value::Null, Value::Number)
            })
            .collect();
        table = table.column(key.clone(), DataColumn::Json(values));
        tooltip.push(
            Tooltip::field(&key)
                .quantitative()
                .format(".4~g")
                .title(tooltip_title(&format!("mean {name}"))),
        );
    }
    if let Some(color) = &titles.color {
        let values = rows.iter().map(|r| r.top_color.clone()).collect();
        table = table.column("top_color", DataColumn::Json(values));
        tooltip.push(
            Tooltip::field("top_color")
                .nominal()
                .title(tooltip_title(&format!("most common {color}"))),
        );
    }
    let data = pixtip_spec::Data::from_table(table)?;
    let x_title = titles.x.clone();
    let y_title = titles.y.clone();
    let density = Chart::empty()
        .mark_rect(MarkProps {
            opacity: 0.85.into(),
            ..Default::default()
        })
        .encode((
            X::field("x0")
                .quantitative()
                .title(x_title.clone())
                .scale(Scale::new().zero(false).nice(false)),
            X2::field("x1"),
            Y::field("y0")
                .quantitative()
                .title(y_title.clone())
                .scale(Scale::new().zero(false).nice(false)),
            Y2::field("y1"),
            Color::field("count")
                .quantitative()
                .title("images")
                .scale(Scale::new().type_("log").scheme("blues")),
            Tooltip::list(tooltip.clone()),
            Href::field("page"),
        ))
        .interactive();
    let pictures = Chart::empty()
        .mark_image(MarkProps {
            width: f64::from(side).into(),
            height: f64::from(side).into(),
            ..Default::default()
        })
        .encode((
            X::field("cx").quantitative().title(x_title),
            Y::field("cy").quantitative().title(y_title),
            Url::field("picture"),
            Tooltip::list(tooltip),
            Href::field("page"),
        ));
    let mut chart = layer([density, pictures])
        .data(data)
        .width(size)
        .height(size);
    if let Some(title) = &titles.title {
        chart = chart.title(title.clone());
    }
    Ok(chart)
}
