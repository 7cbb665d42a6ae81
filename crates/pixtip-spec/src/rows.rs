//! Inline rows as they are written into a spec, and the content-derived name
//! Altair gives them.

use crate::columns::{DataColumn, needs_no_escape};
use crate::error::SpecError;
use crate::field_type::FieldType;
use crate::json::{Style, write_sorted_entries, write_value};
use crate::sink::Sink;
use crate::table::Table;
use serde_json::{Map, Value};
use sha2::{Digest, Sha256};

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
    /// Rows from `table`, with its column types: checks lengths and
    /// finiteness; the rows stay in their columns.
    pub(crate) fn from_table(table: Table) -> Result<(Rows, ColumnTypes), SpecError> {
        let rows = table.len();
        for (name, column) in &table.columns {
            if column.len() != rows {
                return Err(SpecError::RaggedTable {
                    column: name.clone(),
                    len: column.len(),
                    expected: rows,
                });
            }
            if let Some(values) = column.floats()
                && let Some((row, &value)) = values.iter().enumerate().find(|(_, v)| !v.is_finite())
            {
                return Err(SpecError::NonFinite {
                    column: name.clone(),
                    row,
                    value,
                });
            }
        }
        let types = table
            .columns
            .iter()
            .map(|(n, c)| (n.clone(), c.field_type()))
            .collect();
        // A record keeps the last of several columns of one name, as a dict would.
        let mut order: Vec<usize> = Vec::new();
        for (i, (name, _)) in table.columns.iter().enumerate() {
            order.retain(|&j| table.columns[j].0 != *name);
            order.push(i);
        }
        order.sort_by(|&a, &b| table.columns[a].0.cmp(&table.columns[b].0));
        // One look at each text column decides whether its cells are ever
        // escaped: base64 pictures, the bulk of a chart, never are.
        let plain = table
            .columns
            .iter()
            .map(|(_, c)| matches!(c, DataColumn::Str(v) if v.iter().all(|s| needs_no_escape(s))))
            .collect();
        Ok((
            Rows::Columns {
                table,
                order,
                rows,
                plain,
            },
            types,
        ))
    }

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
    pub(crate) fn is_one_empty_record(&self) -> bool {
        match self {
            Rows::Values(v) => v.len() == 1 && v[0].as_object().is_some_and(Map::is_empty),
            Rows::Columns { rows, order, .. } => *rows == 1 && order.is_empty(),
        }
    }
}

/// The known type of each named column.
pub(crate) type ColumnTypes = Vec<(String, Option<FieldType>)>;

/// A writer that hashes what it is given.
struct Hashing(Sha256);

impl std::io::Write for Hashing {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        self.0.update(bytes);
        Ok(bytes.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// `data-` + the first 32 hex digits of SHA-256 of Python's `json.dumps(rows, sort_keys=True)`;
/// `[{}]` is `empty`, as in Altair's `_dataset_name`. Also returns the length
/// of the hashed JSON. The text is hashed in pieces, never held whole; for
/// many rows, while another thread writes the next piece
/// ([`Sink::write_made`]; a chart of 10,000 embedded pictures hashes 38 MB).
pub(crate) fn dataset_name(rows: &Rows) -> (String, usize) {
    if rows.is_one_empty_record() {
        return ("empty".to_string(), 4);
    }
    let style = &crate::json::Style::PYTHON_HASH;
    let mut hashing = Hashing(Sha256::new());
    let text = |out: &mut String, sink: &Sink<'_>| {
        out.push('[');
        for row in 0..rows.len() {
            if row > 0 {
                out.push_str(style.item_sep);
            }
            rows.write_row(out, row, style, 1);
            sink.spill(out);
        }
        out.push(']');
    };
    // Hashing cannot fail, so neither can the writing.
    let length = Sink::write_made(&mut hashing, rows.len() >= 2048, text).unwrap_or_default();
    let hex: String = hashing
        .0
        .finalize()
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    (format!("data-{}", &hex[..32]), length as usize)
}

#[cfg(test)]
#[allow(clippy::unwrap_used)] // a failed unwrap is a failed test
mod tests {
    use super::*;

    /// The name of the rows' JSON hashed whole, on one thread.
    fn name_hashed_whole(rows: &Rows) -> (String, usize) {
        let style = &crate::json::Style::PYTHON_HASH;
        let mut text = String::from("[");
        for row in 0..rows.len() {
            if row > 0 {
                text.push_str(style.item_sep);
            }
            rows.write_row(&mut text, row, style, 1);
        }
        text.push(']');
        let hex: String = Sha256::digest(text.as_bytes())
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect();
        (format!("data-{}", &hex[..32]), text.len())
    }

    #[test]
    fn names_hashed_in_pieces_on_two_threads_equal_the_whole_texts() {
        // Under and over the row count that hashes on a second thread, the
        // larger many pieces long.
        for n in [0, 3, 2047, 2048, 9000] {
            let table = Table::new()
                .column("x", (0..n).map(|r| r as f64 * 0.25).collect::<Vec<_>>())
                .column(
                    "picture",
                    (0..n)
                        .map(|r| format!("data:image/png;base64,{}", "Q".repeat(r % 97)))
                        .collect::<Vec<_>>(),
                );
            let (rows, _) = Rows::from_table(table).unwrap();
            assert_eq!(dataset_name(&rows), name_hashed_whole(&rows), "{n} rows");
        }
    }
}
