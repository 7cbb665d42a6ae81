//! A chart's data: the columns it shows, under keys that are safe as
//! Vega-Lite fields.

use crate::error::PixtipError;
use crate::table::{Column, ImageTable};
use pixtip_spec::Data;
use pixtip_spec::Table as SpecTable;

/// The chart data: only `columns` of the table, so each chart carries what it shows.
pub(super) fn chart_data(table: &ImageTable, columns: &[&str]) -> Result<Data, PixtipError> {
    let keyed: Vec<(&str, String)> = columns.iter().map(|c| (*c, c.to_string())).collect();
    keyed_chart_data(table, &keyed)
}

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
        let values =
            table
                .column(name)?
                .to_spec_column()
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

/// The data key of each column in a chart: the column's own name when it
/// holds only letters, digits, spaces, `_` and `-`; otherwise `field_<n>`.
/// Users' names then reach the chart only as titles (plain text), never as
/// Vega-Lite field paths or expressions, where quotes, dots, brackets and
/// backslashes have meanings that escaping does not fully undo.
pub(super) fn data_keys<'a>(columns: &[&'a str]) -> Vec<(&'a str, String)> {
    let plain = |name: &str| {
        !name.is_empty()
            && !name.starts_with("field_")
            && name
                .chars()
                .all(|c| c.is_alphanumeric() || matches!(c, ' ' | '_' | '-'))
    };
    let mut keys: Vec<(&str, String)> = Vec::new();
    for column in columns {
        if keys.iter().any(|(c, _)| c == column) {
            continue;
        }
        let key = if plain(column) {
            column.to_string()
        } else {
            format!("field_{}", keys.len())
        };
        keys.push((column, key));
    }
    keys
}

pub(super) fn check_pictures(table: &ImageTable, name: &str) -> Result<(), PixtipError> {
    match table.column(name)? {
        Column::Pictures(_) => Ok(()),
        // Text could hold markup: vega-tooltip writes the picture entry into an
        // <img src="…"> escaping only `&` and `<`, so only checked picture
        // columns may be shown as pictures.
        other => Err(PixtipError::ColumnKind {
            name: name.to_string(),
            wanted: "a picture column",
            found: match other {
                Column::Images(_) => "an image column (make pictures of it with add_pictures)",
                Column::Text(_) => "a text column (picture columns come from add_pictures)",
                _ => "a number column",
            },
        }),
    }
}
