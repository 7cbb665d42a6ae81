//! The tutorial's two charts for any columns: strip plots per metric
//! ([`comparison`]) and one chart whose dropdown switches the metric and
//! the picture ([`metric_switch`]).

use super::data::{chart_data, check_pictures};
use super::field::picture_tooltip;
use crate::error::PixtipError;
use crate::table::ImageTable;
use pixtip_spec::{
    Binding, ChannelName, Chart, Color, ConcatChart, MarkProps, PICTURE_TITLE, Param, Repeat,
    RepeatChart, Resolution, Step, Text, Tooltip, X, Y, datum, expr, hconcat, string_literal,
};

/// Options shared by both charts; the defaults are the tutorial's.
#[derive(Debug, Clone)]
pub struct ChartOptions {
    /// Chart title.
    pub title: String,
    /// Width of each group's band in pixels (Altair's `width=alt.Step(40)`).
    pub step: f64,
    /// Random horizontal jitter of the points, in pixels (`random() * 16 - 8` for 16).
    pub jitter: f64,
}

impl ChartOptions {
    /// The tutorial's comparison chart: titled "Comparison of blob areas".
    pub fn comparison() -> ChartOptions {
        ChartOptions {
            title: "Comparison of blob areas".into(),
            step: 40.0,
            jitter: 16.0,
        }
    }

    /// The tutorial's metric switch: titled "Area of blobs".
    pub fn metric_switch() -> ChartOptions {
        ChartOptions {
            title: "Area of blobs".into(),
            ..ChartOptions::comparison()
        }
    }

    fn circle(&self) -> MarkProps {
        let half = self.jitter / 2.0;
        MarkProps {
            x_offset: expr(format!("random() * {} - {}", self.jitter, half)).into(),
            ..Default::default()
        }
    }
}

/// One strip plot per metric, side by side with a shared y scale; hovering a
/// point shows the row's picture. The tutorial's first chart is
/// `comparison(&table, &["image1_area", "image2_area"], "group", "image", &ChartOptions::comparison())`.
pub fn comparison(
    table: &ImageTable,
    metrics: &[&str],
    group: &str,
    picture: &str,
    options: &ChartOptions,
) -> Result<RepeatChart, PixtipError> {
    if metrics.is_empty() {
        return Err(PixtipError::Chart(
            "comparison needs at least one metric column".into(),
        ));
    }
    for metric in metrics {
        table.numbers(metric)?;
    }
    check_pictures(table, picture)?;
    let mut columns = vec![group, picture];
    columns.extend_from_slice(metrics);
    Ok(Chart::new(chart_data(table, &columns)?)
        .width(Step(options.step))
        .mark_circle(options.circle())
        .encode([
            X::field(group).nominal(),
            Y::repeat().quantitative(),
            Tooltip::list([picture_tooltip(picture)]),
            Color::field(group).nominal(),
        ])
        .repeat(Repeat::list(metrics.iter().copied()))
        .resolve_scale(ChannelName::Y, Resolution::Shared)
        .title(options.title.clone()))
}

/// How the metric switch finds the picture column of the chosen metric.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PictureLookup {
    /// Each metric names its picture column (works with any column names).
    Explicit,
    /// The tutorial's trick: the picture column is the metric's name with
    /// `from` replaced by `to` (`image1_area` → `image1_base64`). Only for
    /// tables named that way; `pixtip demo` uses it to write Altair's chart.
    Replace {
        /// Text in each metric name to replace.
        from: String,
        /// What it becomes.
        to: String,
    },
}

/// One chart with a dropdown that switches both the y field and the tooltip
/// picture between `metrics`, given as (metric column, picture column) pairs.
///
/// The y values and the picture are computed in the browser from the chosen
/// metric; a rotated text on the left shows the metric's name, since Vega-Lite
/// cannot take an axis title from a parameter.
pub fn metric_switch(
    table: &ImageTable,
    metrics: &[(&str, &str)],
    group: &str,
    lookup: &PictureLookup,
    options: &ChartOptions,
) -> Result<ConcatChart, PixtipError> {
    let Some(((first, _), _)) = metrics.split_first() else {
        return Err(PixtipError::Chart(
            "metric switch needs at least one metric column".into(),
        ));
    };
    for (metric, picture) in metrics {
        table.numbers(metric)?;
        check_pictures(table, picture)?;
        if let PictureLookup::Replace { from, to } = lookup
            && metric.replace(from.as_str(), to) != *picture
        {
            return Err(PixtipError::Chart(format!(
                "metric `{metric}` with `{from}` replaced by `{to}` does not name its picture column `{picture}`"
            )));
        }
    }
    // The chart's data holds only the columns below, so only they can clash
    // with the two fields the switch computes.
    let mut columns = vec![group];
    for (m, p) in metrics {
        columns.push(m);
        columns.push(p);
    }
    for computed in ["image_area", PICTURE_TITLE] {
        if columns.contains(&computed) {
            return Err(PixtipError::Chart(format!(
                "the metric switch computes a field `{computed}`; rename the column of that name"
            )));
        }
    }
    let names: Vec<&str> = metrics.iter().map(|(m, _)| *m).collect();
    let metric = Param::new()
        .value(*first)
        .bind(Binding::select(names.iter().copied()).name("Image metric "));
    let chosen = metric.name();
    let picture_expr = match lookup {
        PictureLookup::Replace { from, to } => format!(
            "datum[replace({chosen}, {}, {})]",
            string_literal(from),
            string_literal(to)
        ),
        PictureLookup::Explicit => {
            // A chain of comparisons: each metric's name selects its picture field.
            let mut chain = "null".to_string();
            for (metric_column, picture) in metrics.iter().rev() {
                chain = format!(
                    "{chosen} === {} ? {} : {chain}",
                    string_literal(metric_column),
                    datum(picture)
                );
            }
            chain
        }
    };
    Ok(hconcat([
        Chart::empty()
            .mark_text(MarkProps {
                angle: 270.into(),
                dx: (-150).into(),
                font_weight: "bold".into(),
                ..Default::default()
            })
            .encode([Text::value(metric.expr_ref())]),
        Chart::new(chart_data(table, &columns)?)
            .width(Step(options.step))
            .mark_circle(options.circle())
            .encode([
                X::field(group).nominal(),
                Y::new("image_area:Q").title(""),
                Tooltip::list([picture_tooltip(PICTURE_TITLE)]),
                Color::field(group).nominal(),
            ])
            .title(options.title.clone())
            .transform_calculate("image_area", format!("datum[{chosen}]"))
            .transform_calculate(PICTURE_TITLE, picture_expr),
    ])
    .add_params([&metric]))
}
