//! Chart data: inline rows (stored in top-level `datasets` under Altair's
//! content-derived name), a URL, or a named data source.

use crate::columns::{DataColumn, needs_no_escape};
use crate::error::SpecError;
pub use crate::field_type::FieldType;
use crate::field_type::infer_from_values;
use crate::json::{Style, write_sorted_entries, write_value};
use serde::Serialize;
use serde_json::{Map, Value};
use sha2::{Digest, Sha256};
use std::sync::Arc;

/// Named columns of equal length, the Rust stand-in for a pandas DataFrame.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Table {
    columns: Vec<(String, DataColumn)>,
}

impl Table {
    /// An empty table.
    pub fn new() -> Table {
        Table::default()
    }

    /// Adds (or replaces) a column.
    pub fn column(mut self, name: impl Into<String>, values: impl Into<DataColumn>) -> Table {
        let name = name.into();
        let values = values.into();
        match self.columns.iter_mut().find(|(n, _)| *n == name) {
            Some(slot) => slot.1 = values,
            None => self.columns.push((name, values)),
        }
        self
    }

    /// The number of rows (0 for a table without columns).
    pub fn len(&self) -> usize {
        self.columns.first().map_or(0, |(_, c)| c.len())
    }

    /// Whether the table has no rows.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Checks lengths and finiteness; the rows stay in their columns.
    fn into_checked(self) -> Result<(Rows, ColumnTypes), SpecError> {
        let rows = self.len();
        for (name, column) in &self.columns {
            if column.len() != rows {
                return Err(SpecError::RaggedTable {
                    column: name.clone(),
                    len: column.len(),
                    expected: rows,
                });
            }
            if let DataColumn::Float(values) = column
                && let Some((row, &value)) = values.iter().enumerate().find(|(_, v)| !v.is_finite())
            {
                return Err(SpecError::NonFinite {
                    column: name.clone(),
                    row,
                    value,
                });
            }
        }
        let types = self
            .columns
            .iter()
            .map(|(n, c)| (n.clone(), c.field_type()))
            .collect();
        // A record keeps the last of several columns of one name, as a dict would.
        let mut order: Vec<usize> = Vec::new();
        for (i, (name, _)) in self.columns.iter().enumerate() {
            order.retain(|&j| self.columns[j].0 != *name);
            order.push(i);
        }
        order.sort_by(|&a, &b| self.columns[a].0.cmp(&self.columns[b].0));
        // One look at each text column decides whether its cells are ever
        // escaped: base64 pictures, the bulk of a chart, never are.
        let plain = self
            .columns
            .iter()
            .map(|(_, c)| matches!(c, DataColumn::Str(v) if v.iter().all(|s| needs_no_escape(s))))
            .collect();
        Ok((
            Rows::Columns {
                table: self,
                order,
                rows,
                plain,
            },
            types,
        ))
    }
}

/// Inline rows: JSON records, or the columns of a [`Table`] written as
/// records on the fly (one copy of the data, however many rows).
#[derive(Debug)]
pub(crate) enum Rows {
    Values(Vec<Value>),
    Columns {
        table: Table,
        /// Column indices in key order.
        order: Vec<usize>,
        rows: usize,
        /// Per column: text that no JSON style escapes ([`needs_no_escape`]).
        plain: Vec<bool>,
    },
}

impl Rows {
    pub(crate) fn len(&self) -> usize {
        match self {
            Rows::Values(v) => v.len(),
            Rows::Columns { rows, .. } => *rows,
        }
    }

    /// Writes record `row`, keys sorted, as `write_value` writes a record.
    pub(crate) fn write_row(&self, out: &mut String, row: usize, style: &Style, depth: usize) {
        self.write_row_blanking(out, row, style, depth, &[]);
    }

    /// [`write_row`](Self::write_row) with the cells of the table columns
    /// named in `blank` written as `null` (rows given as JSON are written whole).
    pub(crate) fn write_row_blanking(
        &self,
        out: &mut String,
        row: usize,
        style: &Style,
        depth: usize,
        blank: &[&str],
    ) {
        match self {
            Rows::Values(values) => write_value(out, &values[row], style, depth),
            Rows::Columns {
                table,
                order,
                plain,
                ..
            } => {
                let keys: Vec<&str> = order.iter().map(|&i| table.columns[i].0.as_str()).collect();
                write_sorted_entries(out, &keys, style, depth, |out, k, d| {
                    let i = order[k];
                    if blank.contains(&keys[k]) {
                        out.push_str("null");
                    } else {
                        table.columns[i].1.write_cell(out, row, style, d, plain[i]);
                    }
                });
            }
        }
    }

    /// Record `row` as a JSON value.
    pub(crate) fn value(&self, row: usize) -> Value {
        match self {
            Rows::Values(values) => values[row].clone(),
            Rows::Columns { table, order, .. } => Value::Object(
                order
                    .iter()
                    .map(|&i| (table.columns[i].0.clone(), table.columns[i].1.value(row)))
                    .collect(),
            ),
        }
    }

    /// Whether the rows are the one empty record Altair writes as `[{}]`.
    fn is_one_empty_record(&self) -> bool {
        match self {
            Rows::Values(v) => v.len() == 1 && v[0].as_object().is_some_and(Map::is_empty),
            Rows::Columns { rows, order, .. } => *rows == 1 && order.is_empty(),
        }
    }
}

/// The known type of each named column.
pub(crate) type ColumnTypes = Vec<(String, Option<FieldType>)>;

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
        let (rows, types) = table.into_checked()?;
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
    /// [`Table`] with [`DataColumn::Float`] to have them refused instead.
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

/// `data-` + the first 32 hex digits of SHA-256 of Python's `json.dumps(rows, sort_keys=True)`;
/// `[{}]` is `empty`, as in Altair's `_dataset_name`. Also returns the length
/// of the hashed JSON. The text is hashed in pieces, never held whole.
pub(crate) fn dataset_name(rows: &Rows) -> (String, usize) {
    if rows.is_one_empty_record() {
        return ("empty".to_string(), 4);
    }
    let style = &crate::json::Style::PYTHON_HASH;
    let mut hasher = Sha256::new();
    let mut text = String::with_capacity(1 << 16);
    let mut length = 0;
    let mut flush = |text: &mut String| {
        hasher.update(text.as_bytes());
        length += text.len();
        text.clear();
    };
    text.push('[');
    for row in 0..rows.len() {
        if row > 0 {
            text.push_str(style.item_sep);
        }
        rows.write_row(&mut text, row, style, 1);
        if text.len() >= 1 << 15 {
            flush(&mut text);
        }
    }
    text.push(']');
    flush(&mut text);
    let hex: String = hasher
        .finalize()
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    (format!("data-{}", &hex[..32]), length)
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
