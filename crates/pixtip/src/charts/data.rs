//! A chart's data: the columns it shows, under keys that are safe as
//! Vega-Lite fields.

use crate::error::PixtipError;
use crate::table::{ImageTable, TableColumn};
use pixtip_spec::Data;
use pixtip_spec::Table as SpecTable;

/// The chart data holding `columns` under their keys (each column once).
pub(super) fn keyed_chart_data(
    table: &ImageTable,
    columns: &[(&str, String)],
) -> Result<Data, PixtipError> {
    let mut data = SpecTable::new();
    let mut added: Vec<&str> = Vec::new();
    for (name, key) in columns {
        if added.contains(&key.as_str()) {
            continue;
        }
        let values = table
            .chart_column(name)?
            .ok_or_else(|| PixtipError::ColumnKind {
                name: name.to_string(),
                wanted: "a number, text or picture column",
                found: "an image column",
            })?;
        data = data.column(key.clone(), values);
        added.push(key);
    }
    Ok(Data::from_table(data)?)
}

/// Names that JavaScript objects already answer to: every property of
/// `Object.prototype`, and `prototype`. Vega keeps fields, signals and
/// operators in plain objects, so a field named `constructor` finds
/// `Object`'s constructor instead of a missing entry ("Operator not
/// defined") and `__proto__` replaces a record's prototype ("a.slice is not
/// a function"). Names starting with `__` are refused as a whole, for the
/// engine-specific ones.
const JAVASCRIPT_NAMES: [&str; 13] = [
    "constructor",
    "hasOwnProperty",
    "isPrototypeOf",
    "propertyIsEnumerable",
    "toLocaleString",
    "toString",
    "valueOf",
    "__proto__",
    "__defineGetter__",
    "__defineSetter__",
    "__lookupGetter__",
    "__lookupSetter__",
    "prototype",
];

/// Whether `name` can be a data key as it is: letters, digits, spaces, `_`
/// and `-` only, not a name JavaScript objects answer to, and not one of
/// pixtip's own `field_<n>` keys.
pub fn is_safe_key(name: &str) -> bool {
    !name.is_empty()
        && !name.starts_with("field_")
        && !name.starts_with("__")
        && !JAVASCRIPT_NAMES.contains(&name)
        && name
            .chars()
            .all(|c| c.is_alphanumeric() || matches!(c, ' ' | '_' | '-'))
}

/// The data key of each column in a chart: the column's own name when it
/// [is safe](is_safe_key); otherwise `field_<n>`. Users' names then reach
/// the chart only as titles (plain text), never as Vega-Lite field paths,
/// expressions or JavaScript property names, where quotes, dots, brackets,
/// backslashes and names like `constructor` have meanings that escaping
/// does not undo.
pub(super) fn data_keys<'a>(columns: &[&'a str]) -> Vec<(&'a str, String)> {
    let mut keys: Vec<(&str, String)> = Vec::new();
    for column in columns {
        if keys.iter().any(|(c, _)| c == column) {
            continue;
        }
        let key = if is_safe_key(column) {
            column.to_string()
        } else {
            format!("field_{}", keys.len())
        };
        keys.push((column, key));
    }
    keys
}

/// `name` as a title of an axis, a legend or a tooltip entry. Vega-Lite
/// gathers tooltip entries by title in a plain object, so an entry titled
/// like a property of `Object.prototype` (`constructor`, `__proto__`, …) is
/// dropped, and Vega looks guide titles up the same way, so an axis titled
/// like one of its methods fails the page ("Operator not defined"). A
/// zero-width space after such a name misses those lookups and shows the
/// same text.
pub(super) fn display_title(name: &str) -> String {
    if JAVASCRIPT_NAMES.contains(&name) && name != "prototype" {
        format!("{name}\u{200b}")
    } else {
        name.to_string()
    }
}

/// The key `data_keys` gave `column` (its own name if it was not listed).
pub(super) fn key_of(keys: &[(&str, String)], column: &str) -> String {
    keys.iter()
        .find(|(c, _)| *c == column)
        .map_or_else(|| column.to_string(), |(_, k)| k.clone())
}

pub(super) fn check_pictures(table: &ImageTable, name: &str) -> Result<(), PixtipError> {
    match table.column(name)? {
        TableColumn::Pictures(_) | TableColumn::SpooledPictures(_) => Ok(()),
        // Text could hold markup: vega-tooltip writes the picture entry into an
        // <img src="…"> escaping only `&` and `<`, so only checked picture
        // columns may be shown as pictures.
        other => Err(PixtipError::ColumnKind {
            name: name.to_string(),
            wanted: "a picture column",
            found: match other {
                TableColumn::Images(_) => "an image column (make pictures of it with add_pictures)",
                TableColumn::Text(_) => "a text column (picture columns come from add_pictures)",
                _ => "a number column",
            },
        }),
    }
}
