//! The streams' reads, counted on a column of numbers.

use super::*;
use arrow_array::{Array, UInt32Array};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

/// Rows whose cells are their own numbers, in row groups of `group`
/// rows read in batches of `batch`; `rows` may be fewer than declared.
#[derive(Debug, Default)]
struct Numbers {
    rows: usize,
    group: usize,
    batch: usize,
    /// A stream that can only start at the first row (an IPC stream).
    from_start: bool,
    /// Batches read, all streams together.
    reads: AtomicUsize,
    /// Reads under way now, and the most seen at once.
    now: Mutex<(usize, usize)>,
    /// Whether a read waits (up to a few seconds) for a second one.
    pair_up: bool,
    changed: Condvar,
}

impl Numbers {
    fn new(rows: usize, group: usize, batch: usize) -> Numbers {
        Numbers {
            rows,
            group,
            batch,
            ..Numbers::default()
        }
    }

    fn read(&self, start: usize) -> ArrayRef {
        self.reads.fetch_add(1, Ordering::SeqCst);
        let mut now = self.now.lock().unwrap();
        now.0 += 1;
        now.1 = now.1.max(now.0);
        self.changed.notify_all();
        if self.pair_up {
            now = self
                .changed
                .wait_timeout_while(now, Duration::from_secs(5), |n| n.1 < 2)
                .unwrap()
                .0;
        }
        now.0 -= 1;
        let end = (start + self.batch)
            .min(self.rows)
            .min(self.group_end(start));
        std::sync::Arc::new(UInt32Array::from_iter_values(start as u32..end as u32))
    }

    fn group_end(&self, row: usize) -> usize {
        (row / self.group + 1) * self.group
    }
}

impl ColumnBatches for std::sync::Arc<Numbers> {
    fn restart_row(&self, row: usize) -> usize {
        if self.from_start {
            0
        } else {
            row / self.group * self.group
        }
    }

    fn batches_from(&self, row: usize) -> Result<(usize, Batches), PixtipError> {
        let start = self.restart_row(row);
        let source = self.clone();
        let mut next = start;
        let batches = std::iter::from_fn(move || {
            (next < source.rows).then(|| {
                let array = source.read(next);
                next += array.len();
                Ok(array)
            })
        });
        Ok((start, Box::new(batches)))
    }
}

fn streams(numbers: &std::sync::Arc<Numbers>, declared: usize) -> ColumnStreams {
    ColumnStreams::new("t.parquet".into(), declared, Box::new(numbers.clone()))
}

fn cell(streams: &ColumnStreams, row: usize) -> u32 {
    let (start, array) = streams.batch_of(row).unwrap();
    let numbers = array.as_any().downcast_ref::<UInt32Array>().unwrap();
    numbers.value(row - start)
}

#[test]
fn rows_read_in_order_read_each_batch_once() {
    let numbers = std::sync::Arc::new(Numbers::new(1000, 300, 64));
    let streams = streams(&numbers, 1000);
    for row in 0..1000 {
        assert_eq!(cell(&streams, row), row as u32);
    }
    // 300-row groups of 64-row batches: 5 batches a group, 4 groups
    // (the last of 100 rows: 2 batches).
    assert_eq!(numbers.reads.load(Ordering::SeqCst), 17);
}

#[test]
fn threads_in_different_row_groups_read_at_the_same_time() {
    let numbers = std::sync::Arc::new(Numbers {
        pair_up: true,
        ..Numbers::new(2000, 1000, 250)
    });
    let streams = streams(&numbers, 2000);
    std::thread::scope(|scope| {
        scope.spawn(|| assert_eq!(cell(&streams, 10), 10));
        scope.spawn(|| assert_eq!(cell(&streams, 1500), 1500));
    });
    assert_eq!(numbers.now.lock().unwrap().1, 2);
}

#[test]
fn rows_in_the_pipelines_rounds_read_each_batch_once() {
    // Small batches that do not divide the rounds, in groups, and as
    // one stream that restarts from its first row.
    for from_start in [false, true] {
        let numbers = std::sync::Arc::new(Numbers {
            from_start,
            ..Numbers::new(20_000, 3000, 100)
        });
        let streams = streams(&numbers, 20_000);
        crate::parallel::for_each_batch(
            20_000,
            "cells",
            |row| Ok(cell(&streams, row)),
            |start, cells| {
                assert!(cells.iter().zip(start..).all(|(&c, row)| c == row as u32));
                Ok(())
            },
        )
        .unwrap();
        // 3000-row groups: 30 batches a group, 6 groups and 20 more.
        assert_eq!(
            numbers.reads.load(Ordering::SeqCst),
            200,
            "from_start {from_start}"
        );
    }
}

#[test]
fn a_stream_opened_behind_the_others_is_kept_while_it_serves() {
    // More streams stand far ahead than are kept open; a row behind
    // them all needs a new stream, read forward batch by batch.
    let numbers = std::sync::Arc::new(Numbers::new(10_000, 1000, 100));
    let streams = streams(&numbers, 10_000);
    for group in (1..10).rev() {
        assert_eq!(
            cell(&streams, group * 1000 + 50),
            (group * 1000 + 50) as u32
        );
    }
    let before = numbers.reads.load(Ordering::SeqCst);
    assert_eq!(cell(&streams, 550), 550);
    assert_eq!(numbers.reads.load(Ordering::SeqCst) - before, 6);
}

#[test]
fn rows_belong_to_the_part_that_starts_at_or_before_them() {
    let starts = [0, 10, 10, 25];
    let parts: Vec<usize> = [0, 9, 10, 24, 25, 99]
        .map(|row| part_holding(&starts, row))
        .into();
    // Row 10 is in the third part: the second is empty.
    assert_eq!(parts, [0, 0, 2, 2, 3, 3]);
    assert_eq!(part_holding(&[0], 5), 0);
    // Each part's first row; past the end, the row count.
    let firsts = [0, 9, 10, 25].map(|row| part_start(&starts, row));
    assert_eq!(firsts, [0, 0, 10, 25]);
}

#[test]
fn a_table_shorter_than_it_declares_names_where_it_ends() {
    let numbers = std::sync::Arc::new(Numbers::new(600, 1000, 256));
    let streams = streams(&numbers, 1000);
    assert_eq!(cell(&streams, 599), 599);
    let error = streams.batch_of(800).unwrap_err().to_string();
    assert!(
        error.ends_with("the table ends at row 600, before row 800 of the 1000 it declares"),
        "{error}"
    );
}

#[test]
fn rows_asked_for_again_after_others_are_read_again() {
    let numbers = std::sync::Arc::new(Numbers::new(4000, 4000, 100));
    let streams = streams(&numbers, 4000);
    assert_eq!(cell(&streams, 3999), 3999);
    assert_eq!(cell(&streams, 0), 0);
    assert_eq!(cell(&streams, 2500), 2500);
}
