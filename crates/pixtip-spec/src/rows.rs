//! Inline rows as they are written into a spec, and the content-derived name
//! Altair gives them.

use crate::columns::{DataColumn, needs_no_escape};
use crate::error::SpecError;
use crate::field_type::FieldType;
use crate::json::{Style, write_sorted_entries, write_value};
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

/// `data-` + the first 32 hex digits of SHA-256 of Python's `json.dumps(rows, sort_keys=True)`;
/// `[{}]` is `empty`, as in Altair's `_dataset_name`. Also returns the length
/// of the hashed JSON. The text is hashed in pieces, never held whole; past
/// the first piece, another thread hashes each piece while the next is
/// written (a chart of 10,000 embedded pictures hashes 38 MB).
pub(crate) fn dataset_name(rows: &Rows) -> (String, usize) {
    if rows.is_one_empty_record() {
        return ("empty".to_string(), 4);
    }
    let style = &crate::json::Style::PYTHON_HASH;
    let mut pieces = (0..rows.len()).peekable();
    // The rows from `pieces`' next one until about 32 KiB of text.
    let mut next_piece = |mut text: String| {
        text.clear();
        for row in pieces.by_ref() {
            text.push_str(if row == 0 { "[" } else { style.item_sep });
            rows.write_row(&mut text, row, style, 1);
            if text.len() >= 1 << 15 {
                break;
            }
        }
        if rows.len() == 0 {
            text.push('[');
        }
        let last = pieces.peek().is_none();
        if last {
            text.push(']');
        }
        (text, last)
    };
    let mut hasher = Sha256::new();
    let (first, last) = next_piece(String::with_capacity(1 << 16));
    hasher.update(first.as_bytes());
    let mut length = first.len();
    if !last {
        // Pieces go to the hashing thread and come back empty to be reused.
        let (to_hash, hashing) = std::sync::mpsc::sync_channel::<String>(2);
        let (to_reuse, reusing) = std::sync::mpsc::channel::<String>();
        std::thread::scope(|scope| {
            let hashed = scope.spawn(|| {
                for piece in hashing {
                    hasher.update(piece.as_bytes());
                    length += piece.len();
                    // The writer may have stopped taking them back.
                    let _ = to_reuse.send(piece);
                }
            });
            let mut spare = Some(first);
            loop {
                let buffer = match spare.take() {
                    Some(buffer) => buffer,
                    None => reusing
                        .try_recv()
                        .unwrap_or_else(|_| String::with_capacity(1 << 16)),
                };
                let (text, last) = next_piece(buffer);
                if to_hash.send(text).is_err() || last {
                    break;
                }
            }
            drop(to_hash);
            if let Err(panic) = hashed.join() {
                std::panic::resume_unwind(panic);
            }
        });
    }
    let hex: String = hasher
        .finalize()
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    (format!("data-{}", &hex[..32]), length)
}
