//! The everyday chart: two fields against each other, pictures as tooltips.

use super::data::{check_pictures, data_keys, display_title, key_of, keyed_chart_data};
use super::field::{Field, picture_tooltip};
use crate::error::PixtipError;
use crate::table::ImageTable;
use pixtip_spec::{Channel, Chart, Color, MarkProps, PICTURE_TITLE, Tooltip, X, Y};

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
    if let Some(picture) = picture {
        check_pictures(table, picture)?;
        columns.push(picture);
    }
    columns.extend(extra.iter().map(|f| f.column.as_str()));
    columns.extend(color.iter().map(|f| f.column.as_str()));
    let keys = data_keys(&columns);
    let key = |column: &str| key_of(&keys, column);
    let mut tooltip = Vec::new();
    if let Some(picture) = picture {
        tooltip.push(picture_tooltip(&key(picture)));
    }
    for field in &extra {
        // Vega-Lite 6 drops one level of backslashes from tooltip titles
        // (not from axis or legend titles): double them so they show as typed.
        let mut title = display_title(&field.column).replace('\\', "\\\\");
        // vega-tooltip gives the titles `image` and `title` meanings of their own.
        if field.column == PICTURE_TITLE || field.column == "title" {
            title.push_str(" (field)");
        }
        let entry = field
            .channel(Tooltip::field, &key(&field.column))
            .title(title);
        tooltip.push(entry);
    }
    let mut encodings: Vec<Channel> = vec![
        x.channel(X::field, &key(&x.column)).into(),
        y.channel(Y::field, &key(&y.column)).into(),
    ];
    if let Some(color) = &color {
        encodings.push(color.channel(Color::field, &key(&color.column)).into());
    }
    if !tooltip.is_empty() {
        encodings.push(Tooltip::list(tooltip).into());
    }
    let (width, height) = options.size.unwrap_or((500, 400));
    let mut chart = Chart::new(keyed_chart_data(table, &keys)?)
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
