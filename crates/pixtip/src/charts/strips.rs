//! Two charts of metrics grouped along x, for any columns: strip plots side
//! by side, one per metric ([`strip_plots`]), and one chart whose dropdown
//! switches the metric and the picture ([`metric_switch`]). The Altair
//! tutorial's two charts are these, with its titles (`pixtip-tutorial`).

use super::data::{check_pictures, data_keys, display_title, key_of, keyed_chart_data};
use super::field::picture_tooltip;
use crate::error::{FieldError, PixtipError};
use crate::table::ImageTable;
use pixtip_spec::{
    Binding, Channel, ChannelName, Chart, Color, ConcatChart, MarkProps, PICTURE_TITLE, Param,
    Repeat, RepeatChart, Resolution, Step, Text, Tooltip, X, Y, datum, expr, hconcat,
    string_literal,
};

/// Options shared by both charts; the defaults (no title, 40 px bands,
/// 16 px jitter) are the tutorial's.
#[derive(Debug, Clone, PartialEq)]
pub struct ChartOptions {
    /// Chart title (none by default).
    pub title: Option<String>,
    /// Width of each group's band in pixels (Altair's `width=alt.Step(40)`).
    pub step: f64,
    /// Random horizontal jitter of the points, in pixels (`random() * 16 - 8` for 16).
    pub jitter: f64,
}

impl Default for ChartOptions {
    fn default() -> Self {
        ChartOptions {
            title: None,
            step: 40.0,
            jitter: 16.0,
        }
    }
}

impl ChartOptions {
    /// The default options with a title.
    pub fn titled(title: impl Into<String>) -> ChartOptions {
        ChartOptions {
            title: Some(title.into()),
            ..ChartOptions::default()
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
/// `strip_plots(&table, &["image1_area", "image2_area"], "group", "image", &ChartOptions::titled("Comparison of blob areas"))`.
pub fn strip_plots(
    table: &ImageTable,
    metrics: &[&str],
    group: &str,
    picture: &str,
    options: &ChartOptions,
) -> Result<RepeatChart, PixtipError> {
    if metrics.is_empty() {
        return Err(PixtipError::ChartNeeds {
            chart: "strip plot",
            what: "at least one metric column",
        });
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
    let chart = Chart::new(keyed_chart_data(table, &keys)?)
        .width(Step(options.step))
        .mark_circle(options.circle())
        .encode((
            titled(X::field(&key(group)).nominal(), group, &key(group)),
            Y::repeat().quantitative(),
            Tooltip::list([picture_tooltip(&key(picture))]),
            titled(Color::field(&key(group)).nominal(), group, &key(group)),
        ))
        .repeat(Repeat::list(metrics.iter().map(|m| key(m))))
        .resolve_scale(ChannelName::Y, Resolution::Shared);
    Ok(match &options.title {
        Some(title) => chart.title(title.clone()),
        None => chart,
    })
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

/// How the metric switch's tooltip finds the chosen metric's picture.
#[derive(Clone, Copy)]
pub enum PictureLookup<'a> {
    /// Each metric's picture column as paired with it (works with any
    /// column names).
    Paired,
    /// A Vega expression of the picture, made from the name of the
    /// dropdown's parameter (whose value is the chosen metric's column):
    /// for tables whose picture columns follow from their metrics' names
    /// (the Altair tutorial's `datum[replace(param, "_area", "_base64")]`).
    /// Every metric and picture column must be usable as a data key as it
    /// is ([`is_safe_key`](super::is_safe_key)).
    Expression(&'a dyn Fn(&str) -> String),
}

impl std::fmt::Debug for PictureLookup<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            PictureLookup::Paired => f.write_str("Paired"),
            PictureLookup::Expression(_) => f.write_str("Expression(..)"),
        }
    }
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
    lookup: &PictureLookup<'_>,
    options: &ChartOptions,
) -> Result<ConcatChart, PixtipError> {
    let Some(((first, _), _)) = metrics.split_first() else {
        return Err(PixtipError::ChartNeeds {
            chart: "metric switch",
            what: "at least one metric column",
        });
    };
    for (metric, picture) in metrics {
        table.numbers(metric)?;
        check_pictures(table, picture)?;
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
            return Err(FieldError::ComputedNameTaken { computed }.into());
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
        PictureLookup::Expression(make) => {
            if let Some(column) = metrics
                .iter()
                .flat_map(|(m, p)| [m, p])
                .find(|column| key(column) != **column)
            {
                return Err(FieldError::NameUnusableInExpression {
                    column: column.to_string(),
                }
                .into());
            }
            make(&chosen)
        }
        PictureLookup::Paired => {
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
    let mut points = Chart::new(keyed_chart_data(table, &keys)?)
        .width(Step(options.step))
        .mark_circle(options.circle())
        .encode((
            titled(X::field(&key(group)).nominal(), group, &key(group)),
            Y::new("image_area:Q").title(""),
            Tooltip::list([picture_tooltip(PICTURE_TITLE)]),
            titled(Color::field(&key(group)).nominal(), group, &key(group)),
        ));
    if let Some(chart_title) = &options.title {
        points = points.title(chart_title.clone());
    }
    Ok(hconcat([
        Chart::empty()
            .mark_text(MarkProps {
                angle: 270.into(),
                dx: (-150).into(),
                font_weight: "bold".into(),
                ..Default::default()
            })
            .encode([Text::value(title)]),
        points
            .transform_calculate("image_area", format!("datum[{chosen}]"))
            .transform_calculate(PICTURE_TITLE, picture_expr),
    ])
    .add_params([&metric]))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{ImageColumn, PictureOptions, PictureStorage, no_progress};
    use pixtip_spec::TopLevel;

    /// Two rows with a group, metrics `metric` and `other`, and pictures.
    fn table(metric: &str) -> ImageTable {
        let mut table = ImageTable::new();
        let images = ndarray::Array3::<u8>::from_shape_fn((2, 4, 4), |(n, y, x)| (n + x + y) as u8);
        table
            .add_images("cells", ImageColumn::from_stack(&images).unwrap())
            .unwrap();
        table
            .add_text("group", vec!["a".into(), "b".into()])
            .unwrap();
        table.add_numbers(metric, vec![1.0, 2.0]).unwrap();
        table.add_numbers("other", vec![3.0, 4.0]).unwrap();
        let (options, storage) = (PictureOptions::default(), PictureStorage::DataUri);
        let made = table.add_pictures("picture", &["cells"], &options, &storage, &mut no_progress);
        made.unwrap();
        table
    }

    /// The metric switch of `pairs` grouped by `group`, with the default options.
    fn switch(
        table: &ImageTable,
        pairs: &[(&str, &str)],
        lookup: &PictureLookup<'_>,
    ) -> Result<ConcatChart, PixtipError> {
        metric_switch(table, pairs, "group", lookup, &ChartOptions::default())
    }

    #[test]
    fn charts_have_a_title_only_when_given_one() {
        let table = table("area");
        let untitled = strip_plots(&table, &["area"], "group", "picture", &Default::default());
        let spec = untitled.unwrap().to_value().unwrap();
        assert_eq!(spec.get("title"), None, "{spec}");
        let titled = strip_plots(
            &table,
            &["area"],
            "group",
            "picture",
            &ChartOptions::titled("T"),
        );
        let spec = titled.unwrap().to_value().unwrap();
        assert_eq!(spec["title"], "T", "{spec}");
        let pairs = [("area", "picture")];
        let untitled_switch = switch(&table, &pairs, &PictureLookup::Paired);
        let spec = untitled_switch.unwrap().to_value().unwrap();
        assert_eq!(spec["hconcat"][1].get("title"), None, "{spec}");
    }

    #[test]
    fn a_picture_expression_is_built_from_the_dropdown_parameter() {
        let table = table("area");
        let pairs = [("area", "picture"), ("other", "picture")];
        let seen = std::cell::RefCell::new(String::new());
        let make = |param: &str| {
            *seen.borrow_mut() = param.to_string();
            format!("datum[{param}] ? datum.picture : null")
        };
        let chart = switch(&table, &pairs, &PictureLookup::Expression(&make)).unwrap();
        let json = chart.to_json_pretty().unwrap();
        let param = seen.borrow().clone();
        assert!(param.starts_with("param_"), "{param}");
        assert!(
            json.contains(&format!("datum[{param}] ? datum.picture : null")),
            "{json}"
        );
    }

    #[test]
    fn a_picture_expression_refuses_columns_renamed_in_the_data() {
        // `constructor` is kept as `field_<n>` in the data, which an
        // expression built from the column names would not find.
        let table = table("constructor");
        let pairs = [("constructor", "picture"), ("other", "picture")];
        let make = |param: &str| format!("datum[{param}]");
        let error = switch(&table, &pairs, &PictureLookup::Expression(&make))
            .unwrap_err()
            .to_string();
        assert!(error.contains("column `constructor`"), "{error}");
        let paired = switch(&table, &pairs, &PictureLookup::Paired);
        assert!(paired.is_ok());
        let none = switch(&table, &[], &PictureLookup::Paired);
        assert_eq!(
            none.unwrap_err().to_string(),
            "a metric switch chart needs at least one metric column"
        );
    }
}
