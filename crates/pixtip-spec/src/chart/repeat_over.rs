//! What a repeat chart repeats over.

use crate::error::SpecError;
use serde_json::{Map, Value, json};

/// What a repeat chart repeats over.
#[derive(Debug, Clone, PartialEq)]
pub enum Repeat {
    /// A list of fields, wrapped (`repeat=[...]`); reference with `X::repeat()`.
    List(Vec<String>),
    /// Rows, columns and/or layers of fields; reference with `X::repeat_row()` etc.
    Grid {
        /// Fields per row.
        row: Vec<String>,
        /// Fields per column.
        column: Vec<String>,
        /// Fields per layer.
        layer: Vec<String>,
    },
}

fn strings<T: Into<String>>(items: impl IntoIterator<Item = T>) -> Vec<String> {
    items.into_iter().map(Into::into).collect()
}

impl Repeat {
    /// Repeat over a list of fields.
    pub fn list<T: Into<String>>(fields: impl IntoIterator<Item = T>) -> Repeat {
        Repeat::List(strings(fields))
    }

    /// Repeat over a grid of row and column fields (either may be empty).
    pub fn grid<R: Into<String>, C: Into<String>>(
        row: impl IntoIterator<Item = R>,
        column: impl IntoIterator<Item = C>,
    ) -> Repeat {
        Repeat::Grid {
            row: strings(row),
            column: strings(column),
            layer: Vec::new(),
        }
    }

    /// Repeat layers over fields (the spec must be a layer chart).
    pub fn layer<T: Into<String>>(fields: impl IntoIterator<Item = T>) -> Repeat {
        Repeat::Grid {
            row: Vec::new(),
            column: Vec::new(),
            layer: strings(fields),
        }
    }

    /// Altair's repeat strings: the fields of a list, or every
    /// `row_<f>column_<g>` (and `layer_<h>`) combination, rows outermost.
    pub(crate) fn view_suffixes(&self) -> Vec<String> {
        match self {
            Repeat::List(fields) => fields.clone(),
            Repeat::Grid { row, column, layer } => {
                let mut out = vec![String::new()];
                for (key, fields) in [("row", row), ("column", column), ("layer", layer)] {
                    if fields.is_empty() {
                        continue;
                    }
                    out = out
                        .iter()
                        .flat_map(|prefix| fields.iter().map(move |f| format!("{prefix}{key}_{f}")))
                        .collect();
                }
                out
            }
        }
    }

    pub(crate) fn to_value(&self) -> Result<Value, SpecError> {
        match self {
            Repeat::List(fields) if fields.is_empty() => Err(SpecError::EmptyRepeat),
            Repeat::List(fields) => Ok(json!(fields)),
            Repeat::Grid { row, column, layer } => {
                if row.is_empty() && column.is_empty() && layer.is_empty() {
                    return Err(SpecError::EmptyRepeat);
                }
                let mut m = Map::new();
                for (k, v) in [("row", row), ("column", column), ("layer", layer)] {
                    if !v.is_empty() {
                        m.insert(k.into(), json!(v));
                    }
                }
                Ok(Value::Object(m))
            }
        }
    }
}
