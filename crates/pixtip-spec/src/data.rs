//! Chart data: inline rows (stored in top-level `datasets` under Altair's
//! content-derived name), a URL, or a named data source.

use crate::error::SpecError;
pub use crate::field_type::FieldType;
use crate::field_type::infer_from_values;
use crate::rows::{Rows, dataset_name};
pub use crate::table::Table;
use serde::Serialize;
use serde_json::{Map, Value};
use sha2::{Digest, Sha256};
use std::sync::Arc;

/// Inline rows, shared cheaply between charts (cloning a [`Data`] does not copy rows).
#[derive(Debug)]
pub(crate) struct Inline {
    pub rows: Rows,
    pub name: String,
    /// The length of the rows' JSON, to size output buffers.
    pub json_len: usize,
    /// Column types known from a [`Table`]; rows given as JSON infer them lazily.
    pub types: Vec<(String, Option<FieldType>)>,
}

#[derive(Debug, Clone)]
pub(crate) struct UrlSource {
    pub url: String,
    pub format: Option<Value>,
}

#[derive(Debug, Clone)]
pub(crate) enum Source {
    Inline(Arc<Inline>),
    /// Shared so that clones of one `Data::url` are the same data, as one
    /// Python object is in Altair (two equal URLs made apart are not).
    Url(Arc<UrlSource>),
    Named(String),
}

/// The data of a chart.
///
/// Inline data is written once into the top-level `datasets` under
/// `data-<first 32 hex digits of SHA-256 of json.dumps(rows, sort_keys=True)>`,
/// which is the name Altair 6 gives the same rows.
#[derive(Debug, Clone)]
pub struct Data {
    pub(crate) source: Source,
}

impl Data {
    /// Rows from a [`Table`]. Fails on NaN/infinite floats or ragged columns.
    pub fn from_table(table: Table) -> Result<Data, SpecError> {
        let (rows, types) = Rows::from_table(table)?;
        Ok(Data::inline(rows, types))
    }

    /// Rows given as JSON objects. (serde_json values cannot hold NaN, so
    /// these are always valid JSON.)
    pub fn from_values(rows: Vec<Value>) -> Result<Data, SpecError> {
        if let Some(row) = rows.iter().position(|r| !r.is_object()) {
            return Err(SpecError::RowNotObject { row });
        }
        Ok(Data::inline(Rows::Values(rows), Vec::new()))
    }

    /// Rows from any `Serialize` records (structs or maps).
    ///
    /// Note: serde_json turns NaN floats into `null` before we see them; use
    /// [`Table`] with [`DataColumn::Float`](crate::DataColumn::Float) to have them refused instead.
    pub fn from_rows<T: Serialize>(rows: &[T]) -> Result<Data, SpecError> {
        let values = rows
            .iter()
            .map(|r| serde_json::to_value(r).map_err(|e| SpecError::Serialize(e.to_string())))
            .collect::<Result<Vec<_>, _>>()?;
        Data::from_values(values)
    }

    /// Data loaded by Vega from a URL (`{"url": ...}`); types must then be given.
    pub fn url(url: impl Into<String>) -> Data {
        Data {
            source: Source::Url(Arc::new(UrlSource {
                url: url.into(),
                format: None,
            })),
        }
    }

    /// Data from a URL with an explicit format, e.g. `json!({"type": "csv"})`.
    pub fn url_with_format(url: impl Into<String>, format: Value) -> Data {
        Data {
            source: Source::Url(Arc::new(UrlSource {
                url: url.into(),
                format: Some(format),
            })),
        }
    }

    /// A named data source filled in at runtime (`{"name": ...}`).
    pub fn named(name: impl Into<String>) -> Data {
        Data {
            source: Source::Named(name.into()),
        }
    }

    /// What Altair puts in a chart with no data anywhere: `[{}]` named `empty`.
    pub(crate) fn empty() -> Data {
        Data::inline(Rows::Values(vec![Value::Object(Map::new())]), Vec::new())
    }

    fn inline(rows: Rows, types: Vec<(String, Option<FieldType>)>) -> Data {
        let (name, json_len) = dataset_name(&rows);
        Data {
            source: Source::Inline(Arc::new(Inline {
                rows,
                name,
                json_len,
                types,
            })),
        }
    }

    /// The dataset name under top-level `datasets`, for inline data.
    pub fn dataset_name(&self) -> Option<&str> {
        match &self.source {
            Source::Inline(inline) => Some(&inline.name),
            _ => None,
        }
    }

    /// The inline rows as JSON records, if any (made on demand: a table's
    /// rows are kept in its columns).
    pub fn rows(&self) -> Option<Vec<Value>> {
        match &self.source {
            Source::Inline(inline) => Some(
                (0..inline.rows.len())
                    .map(|r| inline.rows.value(r))
                    .collect(),
            ),
            _ => None,
        }
    }

    /// Whether two handles are the same data object (Altair lifts shared data
    /// out of layers and concats only when it is the very same object).
    pub(crate) fn same_as(&self, other: &Data) -> bool {
        match (&self.source, &other.source) {
            (Source::Inline(a), Source::Inline(b)) => Arc::ptr_eq(a, b),
            (Source::Url(a), Source::Url(b)) => Arc::ptr_eq(a, b),
            (Source::Named(a), Source::Named(b)) => a == b,
            _ => false,
        }
    }

    /// The type Altair would infer for `field` from this data.
    pub(crate) fn infer_type(&self, field: &str) -> Result<FieldType, String> {
        match &self.source {
            Source::Inline(inline) => {
                if let Some((_, t)) = inline.types.iter().find(|(n, _)| n == field) {
                    return t.ok_or_else(|| "its column holds only nulls".to_string());
                }
                let Rows::Values(rows) = &inline.rows else {
                    return Err("the data has no such column".to_string());
                };
                let mut values = rows.iter().filter_map(|r| r.get(field)).peekable();
                if values.peek().is_none() {
                    return Err("the data has no such column".to_string());
                }
                infer_from_values(values).ok_or_else(|| "its column holds only nulls".to_string())
            }
            Source::Url(_) | Source::Named(_) => {
                Err("the data is not inline; give a type such as `field:Q`".to_string())
            }
        }
    }
}

/// Lower-case hex SHA-256 of `text`.
pub(crate) fn sha256_hex(text: &str) -> String {
    let digest = Sha256::digest(text.as_bytes());
    digest.iter().map(|b| format!("{b:02x}")).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn dataset_name_matches_altair() {
        // python3 -c 'import altair as alt, pandas as pd;
        //   print(alt.Chart(pd.DataFrame({"a":[1,2],"b":["x","y"]})).mark_point().to_dict()["data"])'
        let data = Data::from_table(
            Table::new()
                .column("a", vec![1i64, 2])
                .column("b", vec!["x", "y"]),
        )
        .expect("valid table");
        assert_eq!(
            data.dataset_name(),
            Some("data-c34f98e8d3c684c67d13071ebc6aa992")
        );
    }

    #[test]
    fn nan_is_refused() {
        let err = Data::from_table(Table::new().column("x", vec![1.0, f64::NAN])).unwrap_err();
        assert!(matches!(err, SpecError::NonFinite { row: 1, .. }), "{err}");
    }

    #[test]
    fn ragged_table_is_refused() {
        let t = Table::new()
            .column("x", vec![1.0, 2.0])
            .column("y", vec![1.0]);
        assert!(matches!(
            Data::from_table(t),
            Err(SpecError::RaggedTable { .. })
        ));
    }

    #[test]
    fn types_are_inferred_like_altair() {
        let d =
            Data::from_values(vec![json!({"s": "a", "n": 1, "f": 0.5, "b": true})]).expect("rows");
        assert_eq!(d.infer_type("s"), Ok(FieldType::Nominal));
        assert_eq!(d.infer_type("n"), Ok(FieldType::Quantitative));
        assert_eq!(d.infer_type("f"), Ok(FieldType::Quantitative));
        assert_eq!(d.infer_type("b"), Ok(FieldType::Nominal));
        assert!(d.infer_type("missing").is_err());
    }
}
