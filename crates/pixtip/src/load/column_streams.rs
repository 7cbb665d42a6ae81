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

/// The first row of the part holding `row` ([`part_holding`]); past the
/// last row, the row count.
pub(crate) fn part_start(starts: &[usize], row: usize) -> usize {
    starts.get(part_holding(starts, row)).copied().unwrap_or(0)
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
mod tests;
