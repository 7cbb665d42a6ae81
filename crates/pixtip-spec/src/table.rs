//! [`Table`]: named columns of equal length, the Rust stand-in for a pandas
//! DataFrame.

use crate::columns::DataColumn;

/// Named columns of equal length, the Rust stand-in for a pandas DataFrame.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Table {
    pub(crate) columns: Vec<(String, DataColumn)>,
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
}
