//! The tutorial's two charts for any columns: strip plots per metric
//! ([`comparison`]) and one chart whose dropdown switches the metric and
//! the picture ([`metric_switch`]).

use super::data::{check_pictures, data_keys, display_title, key_of, keyed_chart_data};
use super::field::picture_tooltip;
use crate::error::PixtipError;
use crate::table::ImageTable;
use pixtip_spec::{
    Binding, Channel, ChannelName, Chart, Color, ConcatChart, MarkProps, PICTURE_TITLE, Param,
    Repeat, RepeatChart, Resolution, Step, Text, Tooltip, X, Y, datum, expr, hconcat,
    string_literal,
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
    let keys = data_keys(&columns);
    let key = |column: &str| key_of(&keys, column);
    // A repeated field is titled by its key: Vega-Lite has no per-view
    // title for a repeat, so a metric renamed to `field_<n>` shows that.
    Ok(Chart::new(keyed_chart_data(table, &keys)?)
        .width(Step(options.step))
        .mark_circle(options.circle())
        .encode((
            titled(X::field(&key(group)).nominal(), group, &key(group)),
            Y::repeat().quantitative(),
            Tooltip::list([picture_tooltip(&key(picture))]),
            titled(Color::field(&key(group)).nominal(), group, &key(group)),
        ))
        .repeat(Repeat::list(metrics.iter().map(|m| key(m))))
        .resolve_scale(ChannelName::Y, Resolution::Shared)
        .title(options.title.clone()))
}

/// `channel` titled with the column's own name where its data key differs
/// (where they are equal, Vega-Lite's default title is that name already,
/// and Altair writes no title).
fn titled<K>(channel: Channel<K>, column: &str, key: &str) -> Channel<K> {
    if column == key {
        channel
    } else {
        channel.title(display_title(column))
    }
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
    let keys = data_keys(&columns);
    let key = |column: &str| key_of(&keys, column);
    for computed in ["image_area", PICTURE_TITLE] {
        if keys.iter().any(|(_, k)| k == computed) {
            return Err(PixtipError::Chart(format!(
                "the metric switch computes a field `{computed}`; rename the column of that name"
            )));
        }
    }
    // The dropdown's options are the data keys, labelled with the metrics'
    // own names where they differ; the rotated title maps the chosen key
    // back to its name.
    let metric_keys: Vec<String> = metrics.iter().map(|(m, _)| key(m)).collect();
    let renamed = metrics.iter().zip(&metric_keys).any(|((m, _), k)| m != k);
    let mut binding = Binding::select(metric_keys.iter().cloned()).name("Image metric ");
    if renamed {
        binding = binding.labels(metrics.iter().map(|(m, _)| m.to_string()));
    }
    let metric = Param::new().value(key(first)).bind(binding);
    let chosen = metric.name();
    let picture_expr = match lookup {
        PictureLookup::Replace { from, to } => {
            if let Some((metric_column, _)) = metrics
                .iter()
                .find(|(m, p)| key(m).replace(from.as_str(), to) != key(p))
            {
                return Err(PixtipError::Chart(format!(
                    "metric `{metric_column}` or its picture column has a name a chart cannot use as it is; use the explicit picture lookup"
                )));
            }
            format!(
                "datum[replace({chosen}, {}, {})]",
                string_literal(from),
                string_literal(to)
            )
        }
        PictureLookup::Explicit => {
            // A chain of comparisons: each metric's key selects its picture field.
            let mut chain = "null".to_string();
            for (metric_column, picture) in metrics.iter().rev() {
                chain = format!(
                    "{chosen} === {} ? {} : {chain}",
                    string_literal(&key(metric_column)),
                    datum(&key(picture))
                );
            }
            chain
        }
    };
    let title = if renamed {
        let mut chain = "''".to_string();
        for ((metric_column, _), metric_key) in metrics.iter().zip(&metric_keys).rev() {
            chain = format!(
                "{chosen} === {} ? {} : {chain}",
                string_literal(metric_key),
                string_literal(metric_column)
            );
        }
        expr(chain)
    } else {
        metric.expr_ref()
    };
    Ok(hconcat([
        Chart::empty()
            .mark_text(MarkProps {
                angle: 270.into(),
                dx: (-150).into(),
                font_weight: "bold".into(),
                ..Default::default()
            })
            .encode([Text::value(title)]),
        Chart::new(keyed_chart_data(table, &keys)?)
            .width(Step(options.step))
            .mark_circle(options.circle())
            .encode((
                titled(X::field(&key(group)).nominal(), group, &key(group)),
                Y::new("image_area:Q").title(""),
                Tooltip::list([picture_tooltip(PICTURE_TITLE)]),
                titled(Color::field(&key(group)).nominal(), group, &key(group)),
            ))
            .title(options.title.clone())
            .transform_calculate("image_area", format!("datum[{chosen}]"))
            .transform_calculate(PICTURE_TITLE, picture_expr),
    ])
    .add_params([&metric]))
}
