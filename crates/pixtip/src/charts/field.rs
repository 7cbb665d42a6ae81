//! Fields as charts name them: a column, with an optional Altair type suffix.

use crate::error::{FieldError, PixtipError};
use crate::table::{ImageTable, TableColumn};
use pixtip_spec::{Channel, FieldType, Tooltip};

/// A field of a table as a chart names it: `column` or `column:T`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Field {
    /// The column.
    pub column: String,
    /// Its Vega-Lite type.
    pub field_type: FieldType,
}

impl Field {
    /// Finds `reference` in `table`: a column name, or a column name with
    /// Altair's type suffix (`:Q`, `:N`, `:O`, `:T`). A column whose whole name
    /// ends like a suffix is found by its whole name first.
    ///
    /// Errors: no such column (the message lists the table's fields), an
    /// image column, or `:Q` on a text column.
    pub fn find(table: &ImageTable, reference: &str) -> Result<Field, PixtipError> {
        let (column, declared) = match table.column(reference) {
            Ok(_) => (reference, None),
            Err(missing) => match reference.rsplit_once(':') {
                Some((column, code)) if table.column(column).is_ok() => {
                    match FieldType::parse(code) {
                        Some(t) if t != FieldType::GeoJson => (column, Some(t)),
                        _ => {
                            return Err(FieldError::BadTypeSuffix {
                                reference: reference.to_string(),
                            }
                            .into());
                        }
                    }
                }
                _ => return Err(missing),
            },
        };
        let kind = table.column(column)?;
        if let TableColumn::Images(_) = kind {
            return Err(PixtipError::ColumnKind {
                name: column.to_string(),
                wanted: "a number, text or picture column",
                found: "an image column (measure it with a metric, or show it as a picture)",
            });
        }
        let field_type = match declared {
            Some(t) => t,
            None => table.field_type(column)?,
        };
        if field_type == FieldType::Quantitative && !matches!(kind, TableColumn::Numbers(_)) {
            return Err(FieldError::TextNotQuantitative {
                column: column.to_string(),
            }
            .into());
        }
        Ok(Field {
            column: column.to_string(),
            field_type,
        })
    }

    /// The channel on this field, which the chart data holds under `key`,
    /// titled with the column's own name (as an axis or legend shows it).
    pub(super) fn channel<K>(&self, make: fn(&str) -> Channel<K>, key: &str) -> Channel<K> {
        make(key)
            .kind(self.field_type)
            .title(super::data::display_title(&self.column))
    }
}

/// A tooltip entry that vega-tooltip shows as the picture in `column`
/// ([`Tooltip::image`]).
pub fn picture_tooltip(column: &str) -> Channel<Tooltip> {
    Tooltip::image(column)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_field_the_table_cannot_type_is_a_field_error() {
        let mut table = ImageTable::new();
        table.add_numbers("size", vec![1.0, 2.0]).unwrap();
        table
            .add_text("label", vec!["a".into(), "b".into()])
            .unwrap();
        for (reference, wanted, message) in [
            (
                "size:X",
                FieldError::BadTypeSuffix {
                    reference: "size:X".into(),
                },
                "chart: field `size:X`: the type after `:` must be Q, N, O or T",
            ),
            (
                "label:Q",
                FieldError::TextNotQuantitative {
                    column: "label".into(),
                },
                "chart: field `label` holds text, so it cannot be quantitative (:Q)",
            ),
        ] {
            let error = Field::find(&table, reference).unwrap_err();
            assert_eq!(error.to_string(), message);
            assert!(
                matches!(&error, PixtipError::Field(found) if *found == wanted),
                "{reference}: {error:?}"
            );
        }
    }
}
