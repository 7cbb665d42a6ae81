//! Row-parallel work with bounded memory and deterministic errors.
//!
//! Rows are handed to the rayon pool in batches; each batch's results go to
//! a sink in row order before the next batch starts, so memory holds one
//! batch at a time. When rows fail, the error reported is the one of the
//! first failing row, whatever the thread schedule.

use crate::error::PixtipError;
use rayon::prelude::*;

/// Rows per batch: enough to keep every core busy, few enough that a batch
/// of decoded images stays small.
pub(crate) const BATCH_ROWS: usize = 1024;

/// Runs `work` on every row of `0..rows` in parallel batches and gives each
/// batch's results, in row order, to `sink` (with the batch's first row).
/// A failing row stops the work; its error names `column` and the row.
pub(crate) fn for_each_batch<T: Send>(
    rows: usize,
    column: &str,
    work: impl Fn(usize) -> Result<T, PixtipError> + Sync,
    mut sink: impl FnMut(usize, Vec<T>) -> Result<(), PixtipError>,
) -> Result<(), PixtipError> {
    let mut start = 0;
    while start < rows {
        let end = (start + BATCH_ROWS).min(rows);
        let results: Vec<Result<T, PixtipError>> =
            (start..end).into_par_iter().map(&work).collect();
        let mut batch = Vec::with_capacity(results.len());
        for (offset, result) in results.into_iter().enumerate() {
            match result {
                Ok(value) => batch.push(value),
                Err(source) => return Err(at_row(column, start + offset, source)),
            }
        }
        sink(start, batch)?;
        start = end;
    }
    Ok(())
}

/// Adds the row and column to an error, once.
pub(crate) fn at_row(column: &str, row: usize, source: PixtipError) -> PixtipError {
    match source {
        already @ PixtipError::AtRow { .. } => already,
        source => PixtipError::AtRow {
            column: column.to_string(),
            row,
            source: Box::new(source),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// [`for_each_batch`] collecting every row's result.
    fn map_rows<T: Send>(
        rows: usize,
        column: &str,
        work: impl Fn(usize) -> Result<T, PixtipError> + Sync,
    ) -> Result<Vec<T>, PixtipError> {
        let mut all = Vec::with_capacity(rows);
        for_each_batch(rows, column, work, |_, batch| {
            all.extend(batch);
            Ok(())
        })?;
        Ok(all)
    }

    #[test]
    fn the_first_failing_row_wins_whatever_the_schedule() {
        for _ in 0..20 {
            let error = map_rows(5000, "cells", |row| {
                if row % 700 == 699 {
                    Err(PixtipError::BadScale(format!("row {row} failed")))
                } else {
                    Ok(row)
                }
            })
            .unwrap_err();
            assert_eq!(
                error.to_string(),
                "row 699 of `cells`: scale row 699 failed"
            );
        }
    }

    #[test]
    fn results_come_back_in_row_order() {
        let rows = map_rows(3000, "c", |row| Ok(row * 2)).unwrap();
        assert!(rows.iter().enumerate().all(|(i, &v)| v == i * 2));
    }
}
