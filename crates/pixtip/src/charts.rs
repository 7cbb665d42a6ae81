//! Ready-made charts for any image table: a scatter of two fields, the
//! tutorial's strip plots per metric ([`comparison`]) and its dropdown chart
//! ([`metric_switch`]), each with the pictures as tooltips.
//!
//! Fields are named as in Altair: a column name, optionally with a type
//! suffix (`target:N`, `date:T`); without one, numbers are quantitative,
//! everything else nominal, unless the table declares a type.

use crate::error::PixtipError;
use crate::table::{Column, ImageTable};
use pixtip_spec::{
    Binding, Channel, ChannelName, Chart, Color, ConcatChart, Data, FieldType, MarkProps,
    PICTURE_TITLE, Param, Repeat, RepeatChart, Resolution, Step, Text, Tooltip, X, Y, datum, expr,
    hconcat, string_literal,
};

/// A field of a table as a chart names it: `column` or `column:T`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Field {
    /// The column.
    pub column: String,
    /// Its Vega-Lite type.
    pub field_type: FieldType,
}

impl Field {
    /// Finds `reference` in `table`: a column name, or a column name with
    /// Altair's type suffix (`:Q`, `:N`, `:O`, `:T`). A column whose whole name
    /// ends like a suffix is found by its whole name first.
    ///
    /// Errors: no such column (the message lists the table's fields), an
    /// image column, or `:Q` on a text column.
    pub fn find(table: &ImageTable, reference: &str) -> Result<Field, PixtipError> {
        let (column, declared) = match table.column(reference) {
            Ok(_) => (reference, None),
            Err(missing) => match reference.rsplit_once(':') {
                Some((column, code)) if table.column(column).is_ok() => {
                    match FieldType::parse(code) {
                        Some(t) if t != FieldType::GeoJson => (column, Some(t)),
                        _ => {
                            return Err(PixtipError::Chart(format!(
                                "field `{reference}`: the type after `:` must be Q, N, O or T"
                            )));
                        }
                    }
                }
                _ => return Err(missing),
            },
        };
        let kind = table.column(column)?;
        if let Column::Images(_) = kind {
            return Err(PixtipError::ColumnKind {
                name: column.to_string(),
                wanted: "a number, text or picture column",
                found: "an image column (measure it with a metric, or show it as a picture)",
            });
        }
        let field_type = match declared {
            Some(t) => t,
            None => table.field_type(column)?,
        };
        if field_type == FieldType::Quantitative && !matches!(kind, Column::Numbers(_)) {
            return Err(PixtipError::Chart(format!(
                "field `{column}` holds text, so it cannot be quantitative (:Q)"
            )));
        }
        Ok(Field {
            column: column.to_string(),
            field_type,
        })
    }

    fn channel(&self, make: fn(&str) -> Channel) -> Channel {
        make(&self.column).kind(self.field_type)
    }
}

/// A tooltip entry that vega-tooltip shows as the picture in `column`
/// ([`Tooltip::image`]).
pub fn picture_tooltip(column: &str) -> Channel {
    Tooltip::image(column)
}

/// What a [`scatter`] shows besides its two axes.
#[derive(Debug, Clone, Default)]
pub struct ScatterOptions {
    /// Colour the points by this field.
    pub color: Option<String>,
    /// More fields listed in the tooltip, under the picture.
    pub tooltip: Vec<String>,
    /// The chart's title.
    pub title: Option<String>,
    /// Width and height in pixels (default 500 × 400).
    pub size: Option<(u32, u32)>,
}

/// Points at (`x`, `y`) for every row, coloured by a field if asked, whose
/// tooltip shows the row's picture from column `picture` above the other
/// tooltip fields: the everyday case of an embedding or two measurements.
/// Pan and zoom with the mouse.
///
/// ```
/// use ndarray::Array3;
/// use pixtip::charts::{ScatterOptions, scatter};
/// use pixtip::spec::TopLevel;
/// use pixtip::{ImageColumn, ImageTable, PictureOptions, PictureStorage};
///
/// let mut table = ImageTable::new();
/// table.add_images("digit", ImageColumn::from_stack(&Array3::<u8>::zeros((3, 8, 8)))?)?;
/// table.add_numbers("umap_x", vec![0.0, 1.0, 2.0])?;
/// table.add_numbers("umap_y", vec![1.0, 0.0, 2.0])?;
/// table.add_numbers("label", vec![3.0, 5.0, 3.0])?;
/// table.add_pictures("picture", &["digit"], &PictureOptions::default(), &PictureStorage::DataUri)?;
/// let options = ScatterOptions { color: Some("label:N".into()), ..Default::default() };
/// let chart = scatter(&table, "umap_x", "umap_y", Some("picture"), &options)?;
/// assert!(chart.to_json()?.contains("\"title\":\"image\""));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn scatter(
    table: &ImageTable,
    x: &str,
    y: &str,
    picture: Option<&str>,
    options: &ScatterOptions,
) -> Result<Chart, PixtipError> {
    let x = Field::find(table, x)?;
    let y = Field::find(table, y)?;
    let color = options
        .color
        .as_deref()
        .map(|c| Field::find(table, c))
        .transpose()?;
    let extra = options
        .tooltip
        .iter()
        .map(|t| Field::find(table, t))
        .collect::<Result<Vec<_>, _>>()?;
    let mut columns: Vec<&str> = vec![&x.column, &y.column];
    let mut tooltip = Vec::new();
    if let Some(picture) = picture {
        check_pictures(table, picture)?;
        columns.push(picture);
        tooltip.push(picture_tooltip(picture));
    }
    for field in &extra {
        columns.push(&field.column);
        let mut entry = field.channel(Tooltip::field);
        // vega-tooltip gives the titles `image` and `title` meanings of their own.
        if field.column == PICTURE_TITLE || field.column == "title" {
            entry = entry.title(format!("{} (field)", field.column));
        }
        tooltip.push(entry);
    }
    let mut encodings = vec![x.channel(X::field), y.channel(Y::field)];
    if let Some(color) = &color {
        columns.push(&color.column);
        encodings.push(color.channel(Color::field));
    }
    if !tooltip.is_empty() {
        encodings.push(Tooltip::list(tooltip));
    }
    let (width, height) = options.size.unwrap_or((500, 400));
    let mut chart = Chart::new(chart_data(table, &columns)?)
        .mark_circle(MarkProps {
            opacity: 0.7.into(),
            ..Default::default()
        })
        .encode(encodings)
        .width(width)
        .height(height)
        .interactive();
    if let Some(title) = &options.title {
        chart = chart.title(title.clone());
    }
    Ok(chart)
}

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

/// The chart data: only `columns` of the table, so each chart carries what it shows.
fn chart_data(table: &ImageTable, columns: &[&str]) -> Result<Data, PixtipError> {
    let mut picked = ImageTable::new();
    for name in columns {
        let column = table.column(name)?;
        if matches!(column, Column::Images(_)) {
            return Err(PixtipError::ColumnKind {
                name: name.to_string(),
                wanted: "a number, text or picture column",
                found: "an image column",
            });
        }
        if picked.column(name).is_err() {
            picked.add_column(*name, column.clone())?;
        }
    }
    Ok(Data::from_table(picked.to_chart_table())?)
}

fn check_pictures(table: &ImageTable, name: &str) -> Result<(), PixtipError> {
    match table.column(name)? {
        Column::Pictures(_) => Ok(()),
        Column::Text(_) => Ok(()),
        other => Err(PixtipError::ColumnKind {
            name: name.to_string(),
            wanted: "a picture column",
            found: match other {
                Column::Images(_) => "an image column (make pictures of it with add_pictures)",
                _ => "a number column",
            },
        }),
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
