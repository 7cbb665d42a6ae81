//! Arrow columns as the image table's columns: numbers (quantitative),
//! strings (nominal), timestamps and dates (temporal, as ISO 8601 text),
//! dictionary columns (nominal), image columns ([`super::table_images`]).
//!
//! Shared by the Parquet and Arrow IPC readers, which hand over their
//! record batches one at a time.

use super::table_images::{CellKind, TableImages, cell_kind};
use crate::error::PixtipError;
use crate::images::ImageColumn;
use crate::table::{ImageTable, TableColumn};
use crate::texts::Texts;
use arrow_array::cast::AsArray;
use arrow_array::types::*;
use arrow_array::{Array, RecordBatch};
use arrow_schema::{DataType, Schema, TimeUnit};
use pixtip_spec::FieldType;
use std::path::Path;

/// How a table file (Parquet, Arrow IPC) is read.
#[derive(Debug, Clone, Default)]
pub struct TableOptions {
    /// Types given for columns (`--type NAME:Q|N|O|T`), as for CSV tables.
    pub types: Vec<(String, FieldType)>,
    /// The shape of one image in list columns of numbers (`--shape 28,28`):
    /// with it, such columns are image columns; without, they are left out.
    pub shape: Option<Vec<usize>>,
}

/// Whether `shape` is one image's: H×W or H×W×C, no side 0.
fn is_image_shape(shape: &[usize]) -> bool {
    matches!(shape.len(), 2 | 3) && shape.iter().all(|&d| d > 0)
}

/// Checks `--shape` once, before a table is read.
pub(crate) fn check_options(options: &TableOptions) -> Result<(), String> {
    match &options.shape {
        Some(shape) if !is_image_shape(shape) => Err(format!(
            "--shape {shape:?} is not an image's shape: give H,W or H,W,C, each above 0"
        )),
        _ => Ok(()),
    }
}

/// What becomes of one column of the file.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Plan {
    /// Numbers (nulls as NaN), charted as `field_type` if given.
    Numbers(Option<FieldType>),
    /// Text (nulls as empty text), charted as `field_type` if given.
    Text(Option<FieldType>),
    /// Images, read when asked for.
    Images(CellKind),
    /// Not charted (nested values, maps, lists without `--shape`).
    Skip,
}

/// What to make of each column of `schema`, in order.
pub(crate) fn plans(schema: &Schema, options: &TableOptions) -> Vec<Plan> {
    schema
        .fields()
        .iter()
        .map(|f| plan(f.data_type(), options))
        .collect()
}

/// What to make of a column of `data_type`.
pub(crate) fn plan(data_type: &DataType, options: &TableOptions) -> Plan {
    let options = &TableOptions {
        types: Vec::new(),
        shape: options.shape.clone().filter(|s| is_image_shape(s)),
    };
    use DataType::*;
    if let Some(kind) = cell_kind(data_type, options.shape.as_deref()) {
        return Plan::Images(kind);
    }
    match data_type {
        Int8
        | Int16
        | Int32
        | Int64
        | UInt8
        | UInt16
        | UInt32
        | UInt64
        | Float16
        | Float32
        | Float64
        | Decimal128(_, _) => Plan::Numbers(None),
        Utf8 | LargeUtf8 | Utf8View | Boolean => Plan::Text(None),
        Timestamp(_, _) | Date32 | Date64 => Plan::Text(Some(FieldType::Temporal)),
        Dictionary(_, values) => match plan(values, &TableOptions::default()) {
            Plan::Numbers(_) => Plan::Numbers(Some(FieldType::Nominal)),
            Plan::Text(_) => Plan::Text(Some(FieldType::Nominal)),
            _ => Plan::Skip,
        },
        _ => Plan::Skip,
    }
}

/// The scalar columns of a file, filled batch by batch.
pub(crate) struct ScalarColumns {
    columns: Vec<(String, Plan, TableColumn)>,
}

impl ScalarColumns {
    /// Empty columns for `fields` (name and plan, in the order of the
    /// batches' columns).
    pub(crate) fn new(fields: Vec<(String, Plan)>) -> ScalarColumns {
        let columns = fields
            .into_iter()
            .map(|(name, plan)| {
                let column = match plan {
                    Plan::Numbers(_) => TableColumn::Numbers(Vec::new()),
                    _ => TableColumn::Text(Texts::new()),
                };
                (name, plan, column)
            })
            .collect();
        ScalarColumns { columns }
    }

    /// Appends a batch whose columns are these, in order.
    pub(crate) fn append(&mut self, batch: &RecordBatch) -> Result<(), String> {
        for ((name, _, column), array) in self.columns.iter_mut().zip(batch.columns()) {
            match column {
                TableColumn::Numbers(values) => append_numbers(values, array.as_ref()),
                TableColumn::Text(values) => append_text(values, array.as_ref()),
                _ => Ok(()),
            }
            .map_err(|m| format!("column `{name}`: {m}"))?;
        }
        Ok(())
    }
}

fn append_numbers(out: &mut Vec<f64>, array: &dyn Array) -> Result<(), String> {
    macro_rules! each {
        ($t:ty, |$v:ident| $to:expr) => {{
            let typed = array.as_primitive::<$t>();
            out.extend((0..typed.len()).map(|i| {
                if typed.is_null(i) {
                    f64::NAN
                } else {
                    let $v = typed.value(i);
                    $to
                }
            }));
        }};
    }
    match array.data_type() {
        DataType::Int8 => each!(Int8Type, |v| f64::from(v)),
        DataType::Int16 => each!(Int16Type, |v| f64::from(v)),
        DataType::Int32 => each!(Int32Type, |v| f64::from(v)),
        DataType::Int64 => each!(Int64Type, |v| v as f64),
        DataType::UInt8 => each!(UInt8Type, |v| f64::from(v)),
        DataType::UInt16 => each!(UInt16Type, |v| f64::from(v)),
        DataType::UInt32 => each!(UInt32Type, |v| f64::from(v)),
        DataType::UInt64 => each!(UInt64Type, |v| v as f64),
        DataType::Float16 => each!(Float16Type, |v| f64::from(v)),
        DataType::Float32 => each!(Float32Type, |v| f64::from(v)),
        DataType::Float64 => each!(Float64Type, |v| v),
        DataType::Decimal128(_, scale) => {
            let divisor = 10f64.powi(i32::from(*scale));
            each!(Decimal128Type, |v| v as f64 / divisor)
        }
        DataType::Dictionary(_, _) => {
            let dictionary = array.as_any_dictionary();
            let mut values = Vec::new();
            append_numbers(&mut values, dictionary.values().as_ref())?;
            let keys = dictionary.normalized_keys();
            out.extend((0..array.len()).map(|i| {
                match array.is_null(i) {
                    true => f64::NAN,
                    false => keys
                        .get(i)
                        .and_then(|&k| values.get(k))
                        .copied()
                        .unwrap_or(f64::NAN),
                }
            }));
        }
        other => return Err(format!("{other} is not a number type")),
    }
    Ok(())
}

fn append_text(out: &mut Texts, array: &dyn Array) -> Result<(), String> {
    macro_rules! each {
        ($typed:expr, |$v:ident| $to:expr) => {{
            let typed = $typed;
            out.extend((0..typed.len()).map(|i| {
                if typed.is_null(i) {
                    String::new()
                } else {
                    let $v = typed.value(i);
                    $to
                }
            }));
        }};
    }
    match array.data_type() {
        DataType::Utf8 => each!(array.as_string::<i32>(), |v| v.to_string()),
        DataType::LargeUtf8 => each!(array.as_string::<i64>(), |v| v.to_string()),
        DataType::Utf8View => each!(array.as_string_view(), |v| v.to_string()),
        DataType::Boolean => each!(array.as_boolean(), |v| v.to_string()),
        DataType::Date32 => each!(array.as_primitive::<Date32Type>(), |v| date(i64::from(v))),
        DataType::Date64 => {
            each!(array.as_primitive::<Date64Type>(), |v| instant(
                v, 1_000, false
            ))
        }
        DataType::Timestamp(unit, zone) => {
            let (per_second, utc) = (units_per_second(unit), zone.is_some());
            match unit {
                TimeUnit::Second => each!(array.as_primitive::<TimestampSecondType>(), |v| {
                    instant(v, per_second, utc)
                }),
                TimeUnit::Millisecond => {
                    each!(array.as_primitive::<TimestampMillisecondType>(), |v| {
                        instant(v, per_second, utc)
                    })
                }
                TimeUnit::Microsecond => {
                    each!(array.as_primitive::<TimestampMicrosecondType>(), |v| {
                        instant(v, per_second, utc)
                    })
                }
                TimeUnit::Nanosecond => {
                    each!(array.as_primitive::<TimestampNanosecondType>(), |v| {
                        instant(v, per_second, utc)
                    })
                }
            }
        }
        DataType::Dictionary(_, _) => {
            let dictionary = array.as_any_dictionary();
            let mut values = Texts::new();
            append_text(&mut values, dictionary.values().as_ref())?;
            let keys = dictionary.normalized_keys();
            out.extend((0..array.len()).map(|i| match array.is_null(i) {
                true => "",
                false => keys.get(i).and_then(|&k| values.get(k)).unwrap_or_default(),
            }));
        }
        other => return Err(format!("{other} is not a text type")),
    }
    Ok(())
}

fn units_per_second(unit: &TimeUnit) -> i64 {
    match unit {
        TimeUnit::Second => 1,
        TimeUnit::Millisecond => 1_000,
        TimeUnit::Microsecond => 1_000_000,
        TimeUnit::Nanosecond => 1_000_000_000,
    }
}

/// `days` since 1970-01-01 as `YYYY-MM-DD` (proleptic Gregorian; Howard
/// Hinnant's civil_from_days).
fn date(days: i64) -> String {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    format!("{year:04}-{month:02}-{day:02}")
}

/// An instant as ISO 8601 text that JavaScript's `Date` parses: seconds,
/// milliseconds when there are any, `Z` for time-zone-aware columns (their
/// values are UTC); naive ones stay local, as pandas means them.
fn instant(value: i64, per_second: i64, utc: bool) -> String {
    let seconds = value.div_euclid(per_second);
    let fraction = value.rem_euclid(per_second);
    let millis = fraction * 1000 / per_second;
    let days = seconds.div_euclid(86_400);
    let of_day = seconds.rem_euclid(86_400);
    let mut text = format!(
        "{}T{:02}:{:02}:{:02}",
        date(days),
        of_day / 3600,
        of_day / 60 % 60,
        of_day % 60
    );
    if millis != 0 {
        text.push_str(&format!(".{millis:03}"));
    }
    if utc {
        text.push('Z');
    }
    text
}

/// The table: scalar columns and image columns in the file's order, with
/// the types planned and the types given.
pub(crate) fn assemble(
    path: &Path,
    schema: &Schema,
    plans: &[Plan],
    scalars: ScalarColumns,
    mut images: Vec<(usize, TableImages)>,
    rows: usize,
    options: &TableOptions,
) -> Result<ImageTable, PixtipError> {
    let bad = |message: String| PixtipError::bad_file(path, message);
    let mut scalars = scalars.columns.into_iter();
    let mut table = ImageTable::new();
    for (index, (field, plan)) in schema.fields().iter().zip(plans).enumerate() {
        let name = field.name().clone();
        if table.column(&name).is_ok() {
            return Err(bad(format!("the column name `{name}` appears twice")));
        }
        match plan {
            Plan::Skip => {}
            Plan::Images(_) => {
                let at = images.iter().position(|(i, _)| *i == index);
                if let Some(at) = at {
                    let (_, source) = images.swap_remove(at);
                    table.add_images(name, ImageColumn::from_source(source))?;
                }
            }
            Plan::Numbers(field_type) | Plan::Text(field_type) => {
                let Some((_, _, column)) = scalars.next() else {
                    return Err(bad("a column went missing while reading".into()));
                };
                let found = match &column {
                    TableColumn::Numbers(v) => v.len(),
                    TableColumn::Text(v) => v.len(),
                    _ => rows,
                };
                if found != rows {
                    return Err(bad(format!(
                        "column `{name}` holds {found} rows, the file declares {rows}"
                    )));
                }
                table.add_column(name.clone(), column)?;
                if let Some(field_type) = field_type {
                    table.set_field_type(&name, *field_type)?;
                }
            }
        }
    }
    for (name, field_type) in &options.types {
        match table.column(name) {
            Ok(TableColumn::Text(values)) if *field_type == FieldType::Quantitative => {
                return Err(bad(format!(
                    "column `{name}` is quantitative (:Q), but it holds text{}",
                    values
                        .get(0)
                        .map_or(String::new(), |v| format!(" such as `{v}`"))
                )));
            }
            Ok(TableColumn::Images(_)) => {
                return Err(bad(format!(
                    "a type is given for `{name}`, which is an image column"
                )));
            }
            Ok(_) => table.set_field_type(name, *field_type)?,
            Err(_) => {
                return Err(bad(format!(
                    "a type is given for `{name}`, which is not a column"
                )));
            }
        }
    }
    Ok(table)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn instants_read_as_javascript_and_pandas_write_them() {
        assert_eq!(date(0), "1970-01-01");
        assert_eq!(date(-1), "1969-12-31");
        assert_eq!(date(19_723), "2024-01-01");
        assert_eq!(date(11_016), "2000-02-29");
        assert_eq!(
            instant(1_704_067_200_123_456_789, 1_000_000_000, true),
            "2024-01-01T00:00:00.123Z"
        );
        assert_eq!(instant(-1, 1, false), "1969-12-31T23:59:59");
        assert_eq!(instant(90_061_000, 1_000, false), "1970-01-02T01:01:01");
    }
}
