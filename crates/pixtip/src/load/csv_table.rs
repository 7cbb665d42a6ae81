//! CSV tables through the `csv` crate: a header row, then one row per image.

use crate::error::PixtipError;
use crate::table::{ImageTable, TableColumn};
use crate::texts::Texts;
use pixtip_spec::FieldType;
use std::path::Path;

/// How a CSV is read.
#[derive(Debug, Clone, Default)]
pub struct CsvOptions {
    /// Types given for columns, as Altair's suffixes name them: `Q` columns
    /// must hold numbers; `N` and `O` keep numbers as numbers but chart them
    /// as categories; `T` keeps text for Vega-Lite to parse as dates.
    /// Columns not named here are numbers when every non-empty value parses
    /// as one (empty cells become NaN, as pandas reads them), text otherwise.
    pub types: Vec<(String, FieldType)>,
}

/// Reads the CSV at `path` into a table of number and text columns.
///
/// Errors name the file and line: rows with a different number of fields,
/// text that is not UTF-8, empty or repeated column names, a `Q` column with
/// a value that is not a number, a type given for a column that is not there.
pub fn read_csv(path: impl AsRef<Path>, options: &CsvOptions) -> Result<ImageTable, PixtipError> {
    let path = path.as_ref();
    let file = std::fs::File::open(path).map_err(|source| PixtipError::Io {
        path: path.to_path_buf(),
        source,
    })?;
    read_csv_from(std::io::BufReader::new(file), path, options)
}

/// [`read_csv`] from any reader; `path` names it in errors.
pub fn read_csv_from(
    input: impl std::io::Read,
    path: &Path,
    options: &CsvOptions,
) -> Result<ImageTable, PixtipError> {
    let error = |line: u64, message: String| PixtipError::Csv {
        path: path.to_path_buf(),
        line,
        message,
    };
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(true)
        .flexible(false)
        .from_reader(input);
    let header = reader
        .headers()
        .map_err(|e| error(1, describe(&e)))?
        .clone();
    let names: Vec<String> = header
        .iter()
        .map(|h| h.trim_start_matches('\u{feff}').to_string())
        .collect();
    for (i, name) in names.iter().enumerate() {
        if name.is_empty() {
            return Err(error(1, format!("column {} has an empty name", i + 1)));
        }
        if names[..i].contains(name) {
            return Err(error(1, format!("the column name `{name}` appears twice")));
        }
    }
    for (name, _) in &options.types {
        if !names.contains(name) {
            return Err(error(
                1,
                format!("a type is given for `{name}`, which is not a column"),
            ));
        }
    }
    // Cells wait in one buffer a column until their type is known: a
    // `String` a cell held 100,000 rows of three columns in 17 MB.
    let mut cells: Vec<Texts> = vec![Texts::default(); names.len()];
    for record in reader.records() {
        let record = record.map_err(|e| {
            let line = e.position().map_or(0, |p| p.line());
            error(line, describe(&e))
        })?;
        for (column, value) in cells.iter_mut().zip(record.iter()) {
            column.push(value);
        }
    }
    let mut table = ImageTable::new();
    if names.is_empty() {
        return Ok(table);
    }
    for (name, values) in names.iter().zip(cells) {
        let given = options
            .types
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, t)| *t);
        let numbers: Result<Vec<f64>, usize> = values
            .iter()
            .enumerate()
            .map(|(row, v)| parse_number(v).ok_or(row))
            .collect();
        let column = match (given, numbers) {
            (Some(FieldType::Temporal), _) => TableColumn::Text(values),
            (Some(FieldType::Quantitative), Err(row)) => {
                return Err(error(
                    row as u64 + 2,
                    format!(
                        "column `{name}` is quantitative (:Q), but `{}` is not a number",
                        &values[row]
                    ),
                ));
            }
            (_, Ok(numbers)) => TableColumn::Numbers(numbers),
            (_, Err(_)) => TableColumn::Text(values),
        };
        table.add_column(name.clone(), column)?;
        if let Some(field_type) = given {
            table.set_field_type(name, field_type)?;
        }
    }
    Ok(table)
}

/// A number as pandas reads one: empty is NaN; `nan`, `inf`, `-inf` count.
fn parse_number(text: &str) -> Option<f64> {
    let text = text.trim();
    if text.is_empty() {
        return Some(f64::NAN);
    }
    text.parse::<f64>().ok()
}

fn describe(error: &csv::Error) -> String {
    match error.kind() {
        csv::ErrorKind::UnequalLengths {
            expected_len, len, ..
        } => {
            format!("{len} fields where the header has {expected_len}")
        }
        csv::ErrorKind::Utf8 { .. } => "text that is not UTF-8".into(),
        _ => error.to_string(),
    }
}
