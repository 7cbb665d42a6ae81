//! A table's columns: images, numbers, text and pictures, and how charts
//! read them without copying.

use crate::images::ImageColumn;
use crate::spool::PictureSpool;
use crate::texts::Texts;
use pixtip_spec::{DataColumn as SpecColumn, FloatCells, TextCells};
use serde_json::Value;
use std::sync::Arc;

/// One column of an [`ImageTable`](crate::ImageTable).
#[derive(Debug, Clone)]
#[non_exhaustive]
pub enum TableColumn {
    /// One image per row, from memory or files, any sizes and element types.
    Images(ImageColumn),
    /// Numbers: quantitative in charts.
    Numbers(Vec<f64>),
    /// Text: nominal in charts.
    Text(Texts),
    /// Picture references, one per row: `data:image/png;base64,…` URIs or
    /// relative URLs of PNG files (checked by [`is_safe_picture_reference`](crate::is_safe_picture_reference)
    /// when the column is added). Tooltips show them as pictures.
    Pictures(Texts),
    /// Picture references kept in a temporary file rather than memory
    /// ([`PictureStorage::DataUriSpooled`](crate::PictureStorage::DataUriSpooled)).
    SpooledPictures(Arc<PictureSpool>),
}

impl TableColumn {
    /// The column as chart data (`None` for images): non-finite numbers
    /// become null, since JSON has no NaN or infinity (as pandas' to_json).
    /// Finite numbers, text and pictures are not copied: the chart reads
    /// them from this column as it is written (a chart of 100,000 pictures
    /// held their references twice, 11 MiB of a 24 MiB heap).
    pub(crate) fn to_spec_column(column: &Arc<TableColumn>) -> Option<SpecColumn> {
        Some(match column.as_ref() {
            TableColumn::Images(_) => return None,
            TableColumn::Numbers(values) if values.iter().all(|v| v.is_finite()) => {
                SpecColumn::SharedFloat(Arc::new(SharedColumn(Arc::clone(column))))
            }
            TableColumn::Numbers(values) => SpecColumn::Json(
                values
                    .iter()
                    .map(|&v| serde_json::Number::from_f64(v).map_or(Value::Null, Value::Number))
                    .collect(),
            ),
            TableColumn::Text(_) | TableColumn::Pictures(_) => {
                SpecColumn::External(Arc::new(SharedColumn(Arc::clone(column))))
            }
            TableColumn::SpooledPictures(spool) => SpecColumn::External(Arc::clone(spool) as _),
        })
    }

    pub(crate) fn len(&self) -> usize {
        match self {
            TableColumn::Images(images) => images.len(),
            TableColumn::Numbers(v) => v.len(),
            TableColumn::Text(v) | TableColumn::Pictures(v) => v.len(),
            TableColumn::SpooledPictures(spool) => spool.len(),
        }
    }

    pub(crate) fn kind(&self) -> &'static str {
        match self {
            TableColumn::Images(_) => "an image column",
            TableColumn::Numbers(_) => "a number column",
            TableColumn::Text(_) => "a text column",
            TableColumn::Pictures(_) => "a picture column",
            TableColumn::SpooledPictures(_) => "a picture column kept in a file",
        }
    }
}

/// A column's cells, read by a chart where they are kept (text, pictures
/// and numbers: a chart of 100,000 rows copied them all before).
#[derive(Debug)]
struct SharedColumn(Arc<TableColumn>);

impl TextCells for SharedColumn {
    fn len(&self) -> usize {
        self.0.len()
    }

    fn append(&self, row: usize, out: &mut String) -> Result<(), String> {
        match self.0.as_ref() {
            TableColumn::Text(values) | TableColumn::Pictures(values) => {
                out.push_str(values.get(row).ok_or("no such row")?);
                Ok(())
            }
            other => Err(format!("{} holds no text", other.kind())),
        }
    }
}

impl FloatCells for SharedColumn {
    fn values(&self) -> &[f64] {
        match self.0.as_ref() {
            TableColumn::Numbers(values) => values,
            _ => &[],
        }
    }
}
