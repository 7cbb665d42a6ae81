//! One column of a table file, read forward in batches by several threads
//! at once.
//!
//! A table file is read as streams of batches (a Parquet row group onwards,
//! an Arrow IPC batch onwards). Threads ask for rows in runs of neighbours,
//! each thread its own run. Where one stream served them all behind one
//! lock, a thread that needed the next batch read it while the others
//! waited: charting 100,000 PNG cells, the two workers waited 0.77 s on
//! that lock (`perf sched`), and the run took 1.58x the time of the same
//! images from a `.npy`; 1.38x with this. Here a thread takes a stream out, reads its next batch with no
//! lock held, and puts it back; threads whose rows lie in different row
//! groups read them at the same time.
//!
//! A new stream is opened only where none already stands between the
//! row's restart point and the row: a thread whose rows another thread's
//! stream is about to reach waits for that batch instead of reading the
//! same rows twice. An Arrow IPC stream, which restarts from its first
//! batch, therefore stays one stream read in order.

use crate::error::PixtipError;
use arrow_array::ArrayRef;
use std::collections::VecDeque;
use std::fmt::Debug;
use std::path::PathBuf;
use std::sync::{Condvar, Mutex, MutexGuard};

/// The batches of one column, from the batch holding a row onwards.
pub(crate) type Batches = Box<dyn Iterator<Item = Result<ArrayRef, PixtipError>> + Send>;

/// A table file's reader for one column.
pub(crate) trait ColumnBatches: Send + Sync + Debug {
    /// The batches from the one holding `row`, and that batch's first row.
    fn batches_from(&self, row: usize) -> Result<(usize, Batches), PixtipError>;

    /// The first row a stream opened for `row` reads from (the start of a
    /// Parquet row group, of an IPC file's batch; an IPC stream's first
    /// row): a stream already standing between it and `row` is no dearer.
    fn restart_row(&self, row: usize) -> usize;
}

/// The part (row group, record batch) holding `row`, given each part's
/// first row and then the row count; past the last row, the part count (a
/// stream from there reads nothing, and the row is reported missing).
pub(crate) fn part_holding(starts: &[usize], row: usize) -> usize {
    let parts = starts.len().saturating_sub(1);
    starts
        .get(1..)
        .map_or(0, |ends| ends.partition_point(|&end| end <= row))
        .min(parts)
}

/// Batches are kept after they are read until the later ones hold this
/// many rows (and at least [`KEEP`] are kept): two of the pipeline's rounds
/// of rows, so that a thread at the start of a round finds its batch while
/// another reads ahead at its end, however small the file's batches are.
const KEEP_ROWS: usize = 2 * crate::parallel::BATCH_ROWS;
/// Batches kept, at the least.
const KEEP: usize = 4;
/// Streams kept open between reads.
const IDLE: usize = 2;

/// A stream and the first row of its next batch.
struct Stream {
    next: usize,
    batches: Batches,
}

#[derive(Default)]
struct State {
    /// The batches read last (first row, cells), the latest at the back.
    kept: VecDeque<(usize, ArrayRef)>,
    /// The rows of the batches kept.
    kept_rows: usize,
    /// Open streams no thread is reading, the one read last at the back.
    idle: Vec<Stream>,
    /// Where the streams being read stand: their batch's first row, or
    /// the restart row of one being opened.
    reading: Vec<usize>,
}

/// The batches of one image column, shared by the threads that draw it.
pub(crate) struct ColumnStreams {
    path: PathBuf,
    rows: usize,
    source: Box<dyn ColumnBatches>,
    state: Mutex<State>,
    read: Condvar,
}

impl Debug for ColumnStreams {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let source = &self.source;
        f.debug_struct("ColumnStreams")
            .field("source", source)
            .finish_non_exhaustive()
    }
}

impl ColumnStreams {
    /// The column `source` of the table file at `path`, of `rows` rows.
    pub(crate) fn new(path: PathBuf, rows: usize, source: Box<dyn ColumnBatches>) -> Self {
        ColumnStreams {
            path,
            rows,
            source,
            state: Mutex::new(State::default()),
            read: Condvar::new(),
        }
    }

    /// The batch holding `row`, and its first row.
    pub(crate) fn batch_of(&self, row: usize) -> Result<(usize, ArrayRef), PixtipError> {
        let holds = |start: usize, array: &ArrayRef| row >= start && row < start + array.len();
        let restart = self.source.restart_row(row);
        // A stream standing here reaches `row` without reading rows that a
        // new stream would not read too.
        let useful = |next: usize| restart <= next && next <= row;
        let mut state = self.lock()?;
        loop {
            if let Some((start, array)) = state.kept.iter().find(|(s, a)| holds(*s, a)) {
                return Ok((*start, array.clone()));
            }
            if state.reading.iter().any(|&next| useful(next)) {
                state = self.read.wait(state).map_err(|_| self.lost())?;
                continue;
            }
            let nearest = (state.idle.iter().enumerate())
                .filter(|(_, stream)| useful(stream.next))
                .max_by_key(|(_, stream)| stream.next)
                .map(|(index, _)| index);
            let stream = nearest.map(|index| state.idle.remove(index));
            let at = stream.as_ref().map_or(restart, |stream| stream.next);
            state.reading.push(at);
            drop(state);
            let mut mark = Reading {
                streams: self,
                at: Some(at),
            };
            let (mut stream, batch) = self.read_next(stream, row)?;
            state = self.lock()?;
            mark.clear(&mut state);
            self.read.notify_all();
            let array = match batch {
                Some(array) => array,
                None => {
                    return Err(self.bad(format!(
                        "the table ends at row {}, before row {row} of the {} it declares",
                        stream.next, self.rows
                    )));
                }
            };
            let start = stream.next;
            stream.next += array.len();
            state.kept.push_back((start, array.clone()));
            state.kept_rows += array.len();
            while state.kept.len() > KEEP
                && let Some((_, oldest)) = state.kept.front()
                && state.kept_rows - oldest.len() >= KEEP_ROWS
            {
                state.kept_rows -= oldest.len();
                state.kept.pop_front();
            }
            // The stream read longest ago goes: never the one just read,
            // which the next rows need.
            if state.idle.len() == IDLE {
                state.idle.remove(0);
            }
            state.idle.push(stream);
            if holds(start, &array) {
                return Ok((start, array));
            }
        }
    }

    /// `stream`'s next batch (a new stream's first, when `None`), read
    /// with no lock held.
    fn read_next(
        &self,
        stream: Option<Stream>,
        row: usize,
    ) -> Result<(Stream, Option<ArrayRef>), PixtipError> {
        let mut stream = match stream {
            Some(stream) => stream,
            None => {
                let (next, batches) = self.source.batches_from(row)?;
                Stream { next, batches }
            }
        };
        let batch = stream.batches.next().transpose()?;
        Ok((stream, batch))
    }

    fn lock(&self) -> Result<MutexGuard<'_, State>, PixtipError> {
        self.state.lock().map_err(|_| self.lost())
    }

    fn lost(&self) -> PixtipError {
        self.bad("an earlier read of the column failed".into())
    }

    fn bad(&self, message: String) -> PixtipError {
        PixtipError::bad_file(&self.path, message)
    }
}

/// A stream being read, marked in the shared state until its batch is in
/// (or its read failed or panicked), so that no thread waits for it forever.
struct Reading<'a> {
    streams: &'a ColumnStreams,
    at: Option<usize>,
}

impl Reading<'_> {
    fn clear(&mut self, state: &mut State) {
        if let Some(at) = self.at.take()
            && let Some(index) = state.reading.iter().position(|&next| next == at)
        {
            state.reading.swap_remove(index);
        }
    }
}

impl Drop for Reading<'_> {
    fn drop(&mut self) {
        if self.at.is_some() {
            if let Ok(mut state) = self.streams.state.lock() {
                self.clear(&mut state);
            }
            self.streams.read.notify_all();
        }
    }
}

#[cfg(test)]
mod tests {
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
}
