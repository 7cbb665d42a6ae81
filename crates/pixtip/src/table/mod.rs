//! The image table: image columns beside scalar columns, like the tutorial's
//! DataFrame whose `image1`/`image2` cells hold arrays.

mod column;

pub use column::TableColumn;

use crate::error::PixtipError;
use crate::images::ImageColumn;
use crate::images::stats::{SeenRanges, row_stats};
use crate::metrics::Metric;
use crate::parallel::for_each_batch;
use crate::references::is_safe_picture_reference;
use crate::texts::Texts;
use pixtip_spec::{DataColumn as SpecColumn, FieldType, Table as SpecTable};
use std::sync::Arc;

/// Named columns of equal length; image columns hold images (or read them
/// from files), the others go into charts.
///
/// ```
/// use ndarray::Array2;
/// use pixtip::{ImageColumn, ImageTable, Metric};
///
/// let images = ImageColumn::from_images([Array2::<f64>::zeros((4, 4)), Array2::ones((4, 4))]);
/// let mut table = ImageTable::new();
/// table.add_images("image", images)?;
/// table.add_metric("image_area", "image", Metric::FractionAbove(0.4))?;
/// assert_eq!(table.numbers("image_area")?, &[0.0, 1.0]);
/// # Ok::<(), pixtip::PixtipError>(())
/// ```
#[derive(Debug, Clone, Default)]
pub struct ImageTable {
    columns: Vec<(String, Arc<TableColumn>)>,
    /// Field types given for columns (a CSV's `:O`, `:T`), used by charts
    /// when a field reference names none.
    types: Vec<(String, FieldType)>,
}

impl ImageTable {
    /// An empty table.
    pub fn new() -> ImageTable {
        ImageTable::default()
    }

    /// The number of rows (0 for a table with no columns).
    pub fn rows(&self) -> usize {
        self.columns.first().map_or(0, |(_, column)| column.len())
    }

    /// The column names, in the order they were added.
    pub fn column_names(&self) -> impl Iterator<Item = &str> {
        self.columns.iter().map(|(name, _)| name.as_str())
    }

    /// The column called `name`.
    pub fn column(&self, name: &str) -> Result<&TableColumn, PixtipError> {
        self.shared_column(name).map(Arc::as_ref)
    }

    /// The column called `name`, as the table holds it (charts share it).
    fn shared_column(&self, name: &str) -> Result<&Arc<TableColumn>, PixtipError> {
        self.columns
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, column)| column)
            .ok_or_else(|| PixtipError::NoSuchColumn {
                name: name.to_string(),
                available: self.column_names().collect::<Vec<_>>().join(", "),
            })
    }

    /// A column name not yet in the table: `wanted`, else `wanted_1`,
    /// `wanted_2`, … (for columns the library adds beside a user's).
    pub fn free_name(&self, wanted: &str) -> String {
        let mut name = wanted.to_string();
        let mut n = 1;
        while self.column(&name).is_ok() {
            name = format!("{wanted}_{n}");
            n += 1;
        }
        name
    }

    /// Adds a column; its length must match the table's and its name must be new.
    pub fn add_column(
        &mut self,
        name: impl Into<String>,
        column: TableColumn,
    ) -> Result<(), PixtipError> {
        let name = name.into();
        if let TableColumn::Pictures(references) = &column
            && let Some(row) = references
                .iter()
                .position(|r| !is_safe_picture_reference(r))
        {
            return Err(PixtipError::AtRow {
                column: name,
                row,
                source: Box::new(PixtipError::Picture(
                    "a picture reference must be a data:image/png;base64 URI or a relative path of letters, digits, `-`, `_`, `.` and `/` without `..`".into(),
                )),
            });
        }
        self.add_made_column(name, column)
    }

    /// [`add_column`](Self::add_column) for a column this library made, whose
    /// picture references are right by construction ([`MadePicture`]): they
    /// are not checked again.
    pub(crate) fn add_made_column(
        &mut self,
        name: String,
        column: TableColumn,
    ) -> Result<(), PixtipError> {
        if self.columns.iter().any(|(n, _)| *n == name) {
            return Err(PixtipError::DuplicateColumn { name });
        }
        if !self.columns.is_empty() && column.len() != self.rows() {
            return Err(PixtipError::ColumnLength {
                name,
                expected: self.rows(),
                found: column.len(),
            });
        }
        self.columns.push((name, Arc::new(column)));
        Ok(())
    }

    /// Adds an image column: an [`ImageColumn`], or a `Vec` of arrays of any
    /// element type.
    pub fn add_images(
        &mut self,
        name: impl Into<String>,
        images: impl Into<ImageColumn>,
    ) -> Result<(), PixtipError> {
        self.add_column(name, TableColumn::Images(images.into()))
    }

    /// Declares the Vega-Lite type of column `name` (`target` as ordinal,
    /// `date` as temporal); charts use it where a field reference names no type.
    pub fn set_field_type(&mut self, name: &str, field_type: FieldType) -> Result<(), PixtipError> {
        self.column(name)?;
        self.types.retain(|(n, _)| n != name);
        self.types.push((name.to_string(), field_type));
        Ok(())
    }

    /// The Vega-Lite type charts give column `name`: the declared one, or
    /// quantitative for numbers and nominal for text and pictures.
    pub fn field_type(&self, name: &str) -> Result<FieldType, PixtipError> {
        if let Some((_, declared)) = self.types.iter().find(|(n, _)| n == name) {
            return Ok(*declared);
        }
        Ok(match self.column(name)? {
            TableColumn::Numbers(_) => FieldType::Quantitative,
            _ => FieldType::Nominal,
        })
    }

    /// Adds a number column.
    pub fn add_numbers(
        &mut self,
        name: impl Into<String>,
        numbers: Vec<f64>,
    ) -> Result<(), PixtipError> {
        self.add_column(name, TableColumn::Numbers(numbers))
    }

    /// Adds a text column (kept as [`Texts`]).
    pub fn add_text(
        &mut self,
        name: impl Into<String>,
        text: Vec<String>,
    ) -> Result<(), PixtipError> {
        self.add_column(name, TableColumn::Text(text.into()))
    }

    /// Adds a number column measured on each image of `source`:
    /// `add_metric("image1_area", "image1", Metric::FractionAbove(0.4))` is the
    /// tutorial's `(x > 0.4).mean()`.
    pub fn add_metric(
        &mut self,
        name: impl Into<String>,
        source: &str,
        metric: Metric,
    ) -> Result<(), PixtipError> {
        let images = self.images(source)?;
        // The same pass finds the range that scaling the images may need.
        let mut values = Vec::with_capacity(images.len());
        let mut seen = SeenRanges::default();
        let measure = |row| {
            let pixels = images.image(row)?;
            Ok((metric.measure(&pixels.to_f64()), row_stats(&pixels)))
        };
        for_each_batch(images.len(), source, measure, |_, rows| {
            for (value, stats) in rows {
                values.push(value);
                seen.add(stats);
            }
            Ok(())
        })?;
        images.remember_ranges(seen);
        self.add_numbers(name, values)
    }

    /// Removes a column and gives it back (the tutorial drops its arrays once
    /// the pictures exist).
    pub fn remove(&mut self, name: &str) -> Result<TableColumn, PixtipError> {
        self.column(name)?;
        let index = self
            .columns
            .iter()
            .position(|(n, _)| n == name)
            .unwrap_or_default();
        self.types.retain(|(n, _)| n != name);
        Ok(Arc::unwrap_or_clone(self.columns.remove(index).1))
    }

    /// The images of an image column.
    pub fn images(&self, name: &str) -> Result<&ImageColumn, PixtipError> {
        match self.column(name)? {
            TableColumn::Images(images) => Ok(images),
            other => Err(self.wrong_kind(name, "an image column", other)),
        }
    }

    /// The values of a number column.
    pub fn numbers(&self, name: &str) -> Result<&[f64], PixtipError> {
        match self.column(name)? {
            TableColumn::Numbers(values) => Ok(values),
            other => Err(self.wrong_kind(name, "a number column", other)),
        }
    }

    /// The values of a text or picture column.
    pub fn text(&self, name: &str) -> Result<&Texts, PixtipError> {
        match self.column(name)? {
            TableColumn::Text(values) | TableColumn::Pictures(values) => Ok(values),
            other => Err(self.wrong_kind(name, "a text column", other)),
        }
    }

    /// Column `name` as chart data, sharing its cells (see
    /// [`TableColumn::to_spec_column`]); `None` for an image column.
    pub(crate) fn chart_column(&self, name: &str) -> Result<Option<SpecColumn>, PixtipError> {
        Ok(TableColumn::to_spec_column(self.shared_column(name)?))
    }

    fn wrong_kind(&self, name: &str, wanted: &'static str, found: &TableColumn) -> PixtipError {
        PixtipError::ColumnKind {
            name: name.to_string(),
            wanted,
            found: found.kind(),
        }
    }

    /// The chart data: every column but the image columns, with the types
    /// Altair would infer (numbers quantitative, text and pictures nominal).
    pub fn to_chart_table(&self) -> SpecTable {
        let mut table = SpecTable::new();
        for (name, column) in &self.columns {
            if let Some(values) = TableColumn::to_spec_column(column) {
                table = table.column(name.clone(), values);
            }
        }
        table
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ndarray::{ArrayD, IxDyn};

    fn two_images() -> ImageColumn {
        ImageColumn::from_images([
            ArrayD::<f64>::zeros(IxDyn(&[2, 3])),
            ArrayD::from_elem(IxDyn(&[2, 3]), 0.5),
        ])
    }

    #[test]
    fn columns_must_have_the_tables_length() {
        let mut table = ImageTable::new();
        table.add_images("image", two_images()).unwrap();
        let error = table.add_numbers("area", vec![1.0]).unwrap_err();
        assert_eq!(
            error.to_string(),
            "column `area` has 1 rows, but the table has 2"
        );
    }

    #[test]
    fn picture_references_are_checked_before_they_reach_a_page() {
        let mut table = ImageTable::new();
        let error = table
            .add_column(
                "p",
                TableColumn::Pictures(vec!["ok.png", "javascript:alert(1)"].into()),
            )
            .unwrap_err();
        assert_eq!(
            error.to_string().split(':').next(),
            Some("row 1 of `p`"),
            "{error}"
        );
    }

    #[test]
    fn names_are_unique_and_lookups_say_what_exists() {
        let mut table = ImageTable::new();
        table.add_images("image", two_images()).unwrap();
        assert!(matches!(
            table.add_text("image", vec!["a".into(), "b".into()]),
            Err(PixtipError::DuplicateColumn { .. })
        ));
        let error = table.numbers("area").unwrap_err().to_string();
        assert!(
            error.contains("no column `area`") && error.contains("image"),
            "{error}"
        );
        let error = table.numbers("image").unwrap_err().to_string();
        assert!(error.contains("is an image column"), "{error}");
    }

    #[test]
    fn metrics_become_number_columns_and_images_stay_out_of_charts() {
        let mut table = ImageTable::new();
        table.add_images("image", two_images()).unwrap();
        table
            .add_metric("area", "image", Metric::FractionAbove(0.4))
            .unwrap();
        table.add_metric("mean", "image", Metric::Mean).unwrap();
        assert_eq!(table.numbers("area").unwrap(), &[0.0, 1.0]);
        assert_eq!(table.numbers("mean").unwrap(), &[0.0, 0.5]);
        let chart = table.to_chart_table();
        assert_eq!(chart.len(), 2);
        table.remove("image").unwrap();
        assert_eq!(table.column_names().collect::<Vec<_>>(), ["area", "mean"]);
    }
}
