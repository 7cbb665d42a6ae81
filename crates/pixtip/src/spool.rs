//! Picture references kept in a temporary file instead of memory: a chart
//! of a million embedded pictures holds their offsets (8 bytes a row), and
//! its page reads them back as it is written.

use crate::read_at::read_at;
use pixtip_spec::TextCells;
use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::Path;
use std::sync::Mutex;

/// How much of the file one read brings in: rows are read in order.
const WINDOW: usize = 1 << 20;

/// A picture column's references in an unnamed temporary file (removed
/// when the last handle goes), read back in windows as charts are written.
#[derive(Debug)]
pub struct PictureSpool {
    file: File,
    /// Where each row's text ends in the file.
    ends: Vec<u64>,
    window: Mutex<Window>,
    /// The first read error, which writing a chart reports.
    error: Mutex<Option<std::io::Error>>,
}

#[derive(Debug, Default)]
struct Window {
    start: u64,
    bytes: Vec<u8>,
}

/// Fills a [`PictureSpool`] row by row.
#[derive(Debug)]
pub(crate) struct SpoolWriter {
    writer: BufWriter<File>,
    ends: Vec<u64>,
    written: u64,
}

impl SpoolWriter {
    /// A spool in an unnamed temporary file in `dir`.
    pub(crate) fn new_in(dir: &Path) -> std::io::Result<SpoolWriter> {
        Ok(SpoolWriter {
            writer: BufWriter::with_capacity(WINDOW, tempfile::tempfile_in(dir)?),
            ends: Vec::new(),
            written: 0,
        })
    }

    /// Adds the next row's reference.
    pub(crate) fn push(&mut self, reference: &str) -> std::io::Result<()> {
        self.writer.write_all(reference.as_bytes())?;
        self.written += reference.len() as u64;
        self.ends.push(self.written);
        Ok(())
    }

    pub(crate) fn finish(self) -> std::io::Result<PictureSpool> {
        let file = self.writer.into_inner().map_err(|e| e.into_error())?;
        Ok(PictureSpool {
            file,
            ends: self.ends,
            window: Mutex::new(Window::default()),
            error: Mutex::new(None),
        })
    }
}

impl PictureSpool {
    /// The number of rows.
    pub fn len(&self) -> usize {
        self.ends.len()
    }

    /// Whether there are no rows.
    pub fn is_empty(&self) -> bool {
        self.ends.is_empty()
    }

    /// The bytes of all references together.
    pub fn text_bytes(&self) -> u64 {
        self.ends.last().copied().unwrap_or(0)
    }

    /// Row `row`'s reference.
    pub fn get(&self, row: usize) -> std::io::Result<String> {
        let mut text = String::new();
        self.read_into(row, &mut text)?;
        Ok(text)
    }

    /// Takes the first error met while a chart read the spool, if any.
    pub fn take_error(&self) -> Option<std::io::Error> {
        self.error.lock().ok().and_then(|mut e| e.take())
    }

    fn read_into(&self, row: usize, out: &mut String) -> std::io::Result<()> {
        let start = if row == 0 { 0 } else { self.ends[row - 1] };
        let end = self.ends[row];
        let mut window = self
            .window
            .lock()
            .map_err(|_| std::io::Error::other("picture spool lock poisoned"))?;
        let have = window.start..window.start + window.bytes.len() as u64;
        if start < have.start || end > have.end {
            let len = (WINDOW as u64)
                .max(end - start)
                .min(self.text_bytes() - start);
            window.bytes.resize(len as usize, 0);
            read_at(&self.file, &mut window.bytes, start)?;
            window.start = start;
        }
        let from = (start - window.start) as usize;
        let bytes = &window.bytes[from..from + (end - start) as usize];
        let text = std::str::from_utf8(bytes).map_err(std::io::Error::other)?;
        out.push_str(text);
        Ok(())
    }
}

impl TextCells for PictureSpool {
    fn len(&self) -> usize {
        self.ends.len()
    }

    fn append(&self, row: usize, out: &mut String) -> Result<(), String> {
        self.read_into(row, out).map_err(|error| {
            let message = error.to_string();
            if let Ok(mut first) = self.error.lock() {
                first.get_or_insert(error);
            }
            message
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_read_back_in_any_order_across_windows() {
        let dir = tempfile::tempdir().unwrap();
        let mut writer = SpoolWriter::new_in(dir.path()).unwrap();
        let rows: Vec<String> = (0..3000)
            .map(|r| format!("data:image/png;base64,{}", "Q".repeat(r * 7 % 2000)))
            .collect();
        for row in &rows {
            writer.push(row).unwrap();
        }
        let spool = writer.finish().unwrap();
        assert_eq!(spool.len(), 3000);
        for r in (0..3000).chain((0..3000).rev()).step_by(7) {
            assert_eq!(spool.get(r).unwrap(), rows[r], "row {r}");
        }
        let mut all = String::new();
        for r in 0..3000 {
            TextCells::append(&spool, r, &mut all).unwrap();
        }
        assert_eq!(all, rows.concat());
        assert!(spool.take_error().is_none());
        // The file has no name: nothing is left in the folder.
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 0);
    }
}
