//! The everyday chart: two fields against each other, pictures as tooltips.

use super::data::{check_pictures, data_keys, display_title, key_of, keyed_chart_data};
use super::field::{Field, picture_tooltip};
use crate::error::PixtipError;
use crate::table::ImageTable;
use pixtip_spec::{Channel, Chart, Color, MarkProps, PICTURE_TITLE, Tooltip, X, Y};

/// Builder methods that each set one optional text setting.
macro_rules! optional_text {
    ($($(#[$doc:meta])* $setting:ident($arg:ident);)*) => {$(
        $(#[$doc])*
        pub fn $setting(mut self, $arg: impl Into<String>) -> Self {
            self.$setting = Some($arg.into());
            self
        }
    )*};
}

/// Points at (`x`, `y`) for every row, coloured by a field if asked, whose
/// tooltip shows the row's picture above the other tooltip fields: the
/// everyday case of an embedding or two measurements. Pan and zoom with the
/// mouse. Fields are column names, optionally typed (`"label:N"`).
///
/// ```
/// use ndarray::Array3;
/// use pixtip::charts::Scatter;
/// use pixtip::spec::TopLevel;
/// use pixtip::{ImageColumn, ImageTable, PictureOptions, PictureStorage, no_progress};
///
/// let mut table = ImageTable::new();
/// table.add_images("digit", ImageColumn::from_stack(&Array3::<u8>::zeros((3, 8, 8)))?)?;
/// table.add_numbers("umap_x", vec![0.0, 1.0, 2.0])?;
/// table.add_numbers("umap_y", vec![1.0, 0.0, 2.0])?;
/// table.add_numbers("label", vec![3.0, 5.0, 3.0])?;
/// table.add_pictures("picture", &["digit"], &PictureOptions::default(), &PictureStorage::DataUri, &mut no_progress)?;
/// let chart = Scatter::new(&table).x("umap_x").y("umap_y").color("label:N").pictures("picture");
/// assert!(chart.build()?.to_json()?.contains("\"title\":\"image\""));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone)]
#[must_use = "a Scatter does nothing until built"]
pub struct Scatter<'t> {
    table: &'t ImageTable,
    x: Option<String>,
    y: Option<String>,
    pictures: Option<String>,
    color: Option<String>,
    tooltip: Vec<String>,
    title: Option<String>,
    size: (u32, u32),
}

impl<'t> Scatter<'t> {
    /// A scatter of `table`'s rows, 500 × 400 pixels, once given its `x`
    /// and `y` fields.
    pub fn new(table: &'t ImageTable) -> Scatter<'t> {
        Scatter {
            table,
            x: None,
            y: None,
            pictures: None,
            color: None,
            tooltip: Vec::new(),
            title: None,
            size: (500, 400),
        }
    }

    optional_text! {
        /// The horizontal field (needed).
        x(field);
        /// The vertical field (needed).
        y(field);
        /// The picture column whose pictures the tooltips show.
        pictures(column);
        /// Colours the points by this field.
        color(field);
        /// The chart's title.
        title(title);
    }

    /// More fields listed in the tooltip, under the picture.
    pub fn tooltip<S: Into<String>>(mut self, fields: impl IntoIterator<Item = S>) -> Scatter<'t> {
        self.tooltip.extend(fields.into_iter().map(Into::into));
        self
    }

    /// Width and height in pixels.
    pub fn size(mut self, width: u32, height: u32) -> Scatter<'t> {
        self.size = (width, height);
        self
    }

    /// The chart. Errors: no `x` or `y`, a field or picture column the
    /// table does not have.
    pub fn build(&self) -> Result<Chart, PixtipError> {
        let table = self.table;
        let needs = |what| PixtipError::ChartNeeds {
            chart: "scatter",
            what,
        };
        let x = self.x.as_deref().ok_or(needs("an x field"))?;
        let y = self.y.as_deref().ok_or(needs("a y field"))?;
        let picture = self.pictures.as_deref();
        let x = Field::find(table, x)?;
        let y = Field::find(table, y)?;
        let color = self
            .color
            .as_deref()
            .map(|c| Field::find(table, c))
            .transpose()?;
        let extra = self
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
        let (width, height) = self.size;
        let mut chart = Chart::new(keyed_chart_data(table, &keys)?)
            .mark_circle(MarkProps {
                opacity: 0.7.into(),
                ..Default::default()
            })
            .encode(encodings)
            .width(width)
            .height(height)
            .interactive();
        if let Some(title) = &self.title {
            chart = chart.title(title.clone());
        }
        Ok(chart)
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)] // a failed unwrap is a failed test
mod tests {
    use super::*;

    #[test]
    fn a_scatter_without_y_or_with_an_unknown_field_is_a_one_line_error() {
        let mut table = ImageTable::new();
        table.add_numbers("size", vec![1.0, 2.0]).unwrap();
        let missing = Scatter::new(&table).x("size").build().unwrap_err();
        assert_eq!(missing.to_string(), "a scatter chart needs a y field");
        let no_x = Scatter::new(&table).y("size").build().unwrap_err();
        assert_eq!(no_x.to_string(), "a scatter chart needs an x field");
        let unknown = Scatter::new(&table)
            .x("size")
            .y("nothing")
            .build()
            .unwrap_err();
        assert!(unknown.to_string().contains("`nothing`"), "{unknown}");
        let chart = Scatter::new(&table)
            .x("size")
            .y("size")
            .title("t")
            .size(300, 200);
        assert!(chart.build().is_ok());
    }
}
