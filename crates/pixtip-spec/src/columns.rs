//! The typed columns of a [`Table`](crate::Table), and text kept elsewhere.

use crate::field_type::{FieldType, infer_from_values};
use crate::json::{Style, write_python_float, write_str, write_value};
use serde_json::Value;
use std::sync::Arc;

/// One typed column of a [`Table`](crate::Table), like a pandas column with its dtype.
#[derive(Debug, Clone, PartialEq)]
pub enum DataColumn {
    /// Floating point numbers (pandas `float64`): quantitative. NaN and
    /// infinities are refused, since JSON cannot hold them.
    Float(Vec<f64>),
    /// Floating point numbers kept outside the table and read as the chart
    /// is written, as [`DataColumn::Float`] is: a chart need not copy a
    /// caller's columns.
    SharedFloat(Arc<dyn FloatCells>),
    /// Integers (pandas `int64`): quantitative.
    Int(Vec<i64>),
    /// Strings (pandas `object`): nominal.
    Str(Vec<String>),
    /// Booleans: nominal, as Altair infers them.
    Bool(Vec<bool>),
    /// Date-times as ISO-8601 strings (pandas `datetime64`): temporal.
    DateTime(Vec<String>),
    /// Any JSON values; the type is inferred from them.
    Json(Vec<Value>),
    /// Text kept outside the table (in a file, say) and read as it is
    /// written: a chart of a million pictures need not hold them (nominal).
    External(Arc<dyn TextCells>),
}

/// Text cells a [`DataColumn::External`] reads from wherever they are kept.
/// Writing a chart asks for the rows in order, once per text it writes (the
/// dataset's name, then each JSON or HTML text).
pub trait TextCells: std::fmt::Debug + Send + Sync {
    /// The number of cells.
    fn len(&self) -> usize;

    /// Whether there are no cells.
    fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Appends cell `row` to `out`. Text that needs escaping is escaped
    /// when written; the cells are best plain ASCII (base64 pictures), which
    /// is copied as it is. A cell that cannot be read is written as `null`:
    /// the implementation keeps its error for its owner to report.
    fn append(&self, row: usize, out: &mut String) -> Result<(), String>;
}

/// Numbers a [`DataColumn::SharedFloat`] reads from wherever they are kept.
pub trait FloatCells: std::fmt::Debug + Send + Sync {
    /// The numbers, one a row.
    fn values(&self) -> &[f64];
}

impl PartialEq for dyn FloatCells {
    /// The same numbers: the same object.
    fn eq(&self, other: &Self) -> bool {
        std::ptr::addr_eq(self, other)
    }
}

impl PartialEq for dyn TextCells {
    /// The same cells: the same object.
    fn eq(&self, other: &Self) -> bool {
        std::ptr::addr_eq(self, other)
    }
}

impl DataColumn {
    /// The numbers of a [`Float`](Self::Float) or [`SharedFloat`](Self::SharedFloat)
    /// column, however they are kept.
    pub(crate) fn floats(&self) -> Option<&[f64]> {
        match self {
            DataColumn::Float(v) => Some(v),
            DataColumn::SharedFloat(v) => Some(v.values()),
            _ => None,
        }
    }

    pub(crate) fn len(&self) -> usize {
        match self {
            DataColumn::Float(_) | DataColumn::SharedFloat(_) => {
                self.floats().map_or(0, <[f64]>::len)
            }
            DataColumn::Int(v) => v.len(),
            DataColumn::Str(v) | DataColumn::DateTime(v) => v.len(),
            DataColumn::Bool(v) => v.len(),
            DataColumn::Json(v) => v.len(),
            DataColumn::External(cells) => cells.len(),
        }
    }

    pub(crate) fn value(&self, row: usize) -> Value {
        match self {
            // Finite floats always convert; checked when the table becomes data.
            DataColumn::Float(_) | DataColumn::SharedFloat(_) => self
                .floats()
                .and_then(|v| serde_json::Number::from_f64(v[row]))
                .map_or(Value::Null, Value::Number),
            DataColumn::Int(v) => Value::from(v[row]),
            DataColumn::Str(v) | DataColumn::DateTime(v) => Value::String(v[row].clone()),
            DataColumn::Bool(v) => Value::Bool(v[row]),
            DataColumn::Json(v) => v[row].clone(),
            DataColumn::External(cells) => {
                let mut text = String::new();
                match cells.append(row, &mut text) {
                    Ok(()) => Value::String(text),
                    Err(_) => Value::Null,
                }
            }
        }
    }

    /// Writes the cell of `row` as [`value`](Self::value) would serialise;
    /// `plain` strings need no escaping in any style, so they are copied.
    pub(crate) fn write_cell(
        &self,
        out: &mut String,
        row: usize,
        style: &Style,
        depth: usize,
        plain: bool,
    ) {
        match self {
            DataColumn::Str(v) if plain => {
                out.push('"');
                out.push_str(&v[row]);
                out.push('"');
            }
            DataColumn::Float(_) | DataColumn::SharedFloat(_) => {
                match self.floats().map(|v| v[row]) {
                    Some(value) if value.is_finite() => write_python_float(out, value),
                    _ => out.push_str("null"),
                }
            }
            DataColumn::Int(v) => out.push_str(&v[row].to_string()),
            DataColumn::Str(v) | DataColumn::DateTime(v) => write_str(out, &v[row], style),
            DataColumn::Bool(v) => out.push_str(if v[row] { "true" } else { "false" }),
            DataColumn::Json(v) => write_value(out, &v[row], style, depth),
            DataColumn::External(cells) => {
                // Read straight into the output; checked there, and escaped
                // only if it must be.
                let start = out.len();
                out.push('"');
                match cells.append(row, out) {
                    Ok(()) if needs_no_escape(&out[start + 1..]) => out.push('"'),
                    Ok(()) => {
                        let text = out.split_off(start + 1);
                        out.truncate(start);
                        write_str(out, &text, style);
                    }
                    Err(_) => {
                        out.truncate(start);
                        out.push_str("null");
                    }
                }
            }
        }
    }

    pub(crate) fn field_type(&self) -> Option<FieldType> {
        match self {
            DataColumn::Float(_) | DataColumn::SharedFloat(_) | DataColumn::Int(_) => {
                Some(FieldType::Quantitative)
            }
            DataColumn::Str(_) | DataColumn::Bool(_) => Some(FieldType::Nominal),
            DataColumn::DateTime(_) => Some(FieldType::Temporal),
            DataColumn::Json(values) => infer_from_values(values.iter()),
            DataColumn::External(_) => Some(FieldType::Nominal),
        }
    }
}

macro_rules! column_from {
    ($($t:ty => $variant:ident, $conv:expr;)*) => {$(
        impl From<Vec<$t>> for DataColumn {
            fn from(v: Vec<$t>) -> DataColumn {
                DataColumn::$variant(v.into_iter().map($conv).collect())
            }
        }
    )*};
}
column_from! {
    f64 => Float, |x| x;
    f32 => Float, f64::from;
    i64 => Int, |x| x;
    i32 => Int, i64::from;
    u32 => Int, i64::from;
    bool => Bool, |x| x;
    String => Str, |x| x;
    &str => Str, str::to_string;
    Value => Json, |x| x;
}

/// Whether `text` is written as it is by every JSON style: printable ASCII
/// without `"`, `\`, `<`, `>` and `&` (a test checks this against the
/// escaping tables of [`write_str`]).
pub(crate) fn needs_no_escape(text: &str) -> bool {
    // Non-short-circuit `&` over blocks of 64 bytes lets the compiler test
    // a block in a few vector instructions: pictures' data URIs are
    // megabytes, and a byte-at-a-time test was a quarter of the CPU time of
    // a chart of 10,000 embedded pictures (perf, Intel Xeon).
    fn plain(b: u8) -> bool {
        (b.wrapping_sub(0x20) < 0x5f)
            & (b != b'"')
            & (b != b'\\')
            & (b != b'<')
            & (b != b'>')
            & (b != b'&')
    }
    let mut blocks = text.as_bytes().chunks_exact(64);
    blocks
        .by_ref()
        .all(|block| block.iter().fold(true, |all, &b| all & plain(b)))
        && blocks.remainder().iter().all(|&b| plain(b))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_needing_no_escape_is_written_as_it_is_in_every_style() {
        use crate::json::Style;
        for style in [
            Style::PYTHON_HASH,
            Style::PRETTY,
            Style::COMPACT,
            Style::HTML,
        ] {
            for ch in (0u32..0x3000).filter_map(char::from_u32) {
                let text = format!("a{ch}b");
                let mut written = String::new();
                write_str(&mut written, &text, &style);
                let copied = written == format!("\"{text}\"");
                if needs_no_escape(&text) {
                    assert!(copied, "{ch:?} would be escaped as {written}");
                }
                if ch.is_ascii() && !copied {
                    assert!(!needs_no_escape(&text), "{ch:?} is escaped in {style:?}");
                }
            }
        }
        assert!(needs_no_escape("data:image/png;base64,iVBORw0KGgo+/="));
        assert!(
            !needs_no_escape("é"),
            "non-ASCII is escaped by ensure_ascii"
        );
    }

    #[test]
    fn every_byte_of_a_long_text_is_tested_in_blocks_and_in_the_tail() {
        let base = "A".repeat(150);
        assert!(needs_no_escape(&base));
        // Positions in the first and second 64-byte blocks, and in the tail.
        for at in [0, 1, 63, 64, 100, 127, 128, 149] {
            for bad in ['"', '\\', '<', '>', '&', '\n', '\u{7f}', '\u{1f}', 'é'] {
                let mut text = base.clone();
                text.replace_range(at..at + 1, &bad.to_string());
                assert!(!needs_no_escape(&text), "{bad:?} at {at}");
            }
        }
    }
}
