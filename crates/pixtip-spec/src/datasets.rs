//! The inline datasets of a spec, collected while compiling and written once
//! under the top-level `datasets`, and the compiled spec that holds them.

use crate::data::{Data, Inline, Source};
use crate::json::{Style, WriteFn, write_object, write_seq};
use serde_json::{Map, Value, json};
use std::cell::{Cell, RefCell};
use std::sync::Arc;
use std::sync::mpsc::{Receiver, SyncSender};

/// What compiling carries along: the inline datasets met so far, and whether
/// the chart being compiled hands its params up to its parent.
#[derive(Default)]
pub(crate) struct Cx {
    pub datasets: Vec<(String, Arc<Inline>)>,
    /// Set while compiling a single-view or layer child whose params the
    /// parent lifts: the child writes none of its own.
    pub params_lifted: bool,
}

impl Cx {
    /// The JSON data reference for `data`, registering inline rows once.
    pub fn data_ref(&mut self, data: &Data) -> Value {
        match &data.source {
            Source::Inline(inline) => {
                if !self.datasets.iter().any(|(n, _)| *n == inline.name) {
                    self.datasets
                        .push((inline.name.clone(), Arc::clone(inline)));
                }
                json!({ "name": inline.name })
            }
            Source::Url(source) => {
                let mut m = json!({ "url": source.url });
                if let Some(f) = &source.format {
                    m["format"] = f.clone();
                }
                m
            }
            Source::Named(name) => json!({ "name": name }),
        }
    }
}

/// A compiled top-level spec with its datasets kept by reference, so writing
/// JSON never copies the rows.
pub(crate) struct Compiled {
    pub spec: Map<String, Value>,
    pub datasets: Vec<(String, Arc<Inline>)>,
}

impl Compiled {
    pub fn to_value(&self) -> Value {
        let mut spec = self.spec.clone();
        if !self.datasets.is_empty() {
            let ds: Map<String, Value> = self
                .datasets
                .iter()
                .map(|(n, i)| {
                    let rows = (0..i.rows.len()).map(|r| i.rows.value(r)).collect();
                    (n.clone(), Value::Array(rows))
                })
                .collect();
            spec.insert("datasets".into(), Value::Object(ds));
        }
        Value::Object(spec)
    }

    /// The whole text in one string.
    pub fn write(&self, style: &Style) -> String {
        let mut out = String::with_capacity(self.text_len_estimate());
        self.write_pieces(&mut out, style, &[], &Sink::none());
        out
    }

    /// Writes the text to `writer` in pieces of about [`Sink::PIECE`] bytes,
    /// never holding it whole; the cells of table columns named in `blank`
    /// are written as `null`. Returns the bytes written.
    ///
    /// A large text is made on a second thread while this one writes the
    /// pieces made so far (the pieces come back to be reused).
    pub fn write_to(
        &self,
        writer: &mut dyn std::io::Write,
        style: &Style,
        blank: &[&str],
    ) -> std::io::Result<u64> {
        let mut out = String::with_capacity(2 * Sink::PIECE);
        if self.text_len_estimate() < 8 * Sink::PIECE {
            let sink = Sink::new(writer);
            self.write_pieces(&mut out, style, blank, &sink);
            sink.flush(&mut out);
            return sink.finish();
        }
        let (to_write, made) = std::sync::mpsc::sync_channel::<String>(4);
        let (to_reuse, spares) = std::sync::mpsc::channel::<String>();
        std::thread::scope(|scope| {
            let maker = scope.spawn(move || {
                let sink = Sink::sending(to_write, spares);
                self.write_pieces(&mut out, style, blank, &sink);
                sink.flush(&mut out);
            });
            let mut written = Ok(0u64);
            for piece in made {
                match writer.write_all(piece.as_bytes()) {
                    Ok(()) => written = written.map(|n| n + piece.len() as u64),
                    Err(error) => {
                        // Dropping `made` tells the maker to stop sending.
                        written = Err(error);
                        break;
                    }
                }
                let _ = to_reuse.send(piece);
            }
            if let Err(panic) = maker.join() {
                std::panic::resume_unwind(panic);
            }
            written
        })
    }

    /// Room for the rows plus indentation, so a whole text is not regrown.
    fn text_len_estimate(&self) -> usize {
        let bytes: usize = self
            .datasets
            .iter()
            .map(|(_, i)| i.json_len + i.rows.len() * 64)
            .sum();
        bytes + 4096
    }

    fn write_pieces(&self, out: &mut String, style: &Style, blank: &[&str], sink: &Sink<'_>) {
        let mut datasets: Vec<&(String, Arc<Inline>)> = self.datasets.iter().collect();
        datasets.sort_by(|a, b| a.0.cmp(&b.0));
        let write_datasets = |out: &mut String, depth: usize| {
            let writers: Vec<Box<WriteFn<'_>>> = datasets
                .iter()
                .map(|(_, inline)| {
                    Box::new(move |out: &mut String, d: usize| {
                        let rows = &inline.rows;
                        write_seq(out, 0..rows.len(), rows.len(), style, d, |o, r, dd| {
                            rows.write_row_blanking(o, r, style, dd, blank);
                            sink.spill(o);
                        })
                    }) as Box<WriteFn<'_>>
                })
                .collect();
            let entries: Vec<(&str, &WriteFn<'_>)> = datasets
                .iter()
                .zip(&writers)
                .map(|((name, _), w)| (name.as_str(), w.as_ref()))
                .collect();
            write_object(out, &Map::new(), &entries, style, depth);
        };
        if self.datasets.is_empty() {
            write_object(out, &self.spec, &[], style, 0);
        } else {
            write_object(out, &self.spec, &[("datasets", &write_datasets)], style, 0);
        }
    }
}

/// Where text written in pieces goes: nowhere (the caller keeps the whole
/// string), or a writer that takes each piece once it is big enough. The
/// first write error is kept and later pieces are dropped.
pub(crate) struct Sink<'w> {
    writer: Option<RefCell<&'w mut dyn std::io::Write>>,
    /// Pieces go to another thread to be written, and come back empty.
    channel: Option<(SyncSender<String>, Receiver<String>)>,
    error: RefCell<Option<std::io::Error>>,
    written: Cell<u64>,
}

impl<'w> Sink<'w> {
    /// How much text gathers before it is written.
    pub const PIECE: usize = 1 << 16;

    pub fn none() -> Sink<'w> {
        Sink {
            writer: None,
            channel: None,
            error: RefCell::new(None),
            written: Cell::new(0),
        }
    }

    /// A sink that sends each piece to `pieces` and takes the strings to
    /// write the next ones into from `spares`.
    pub fn sending(pieces: SyncSender<String>, spares: Receiver<String>) -> Sink<'w> {
        Sink {
            channel: Some((pieces, spares)),
            ..Sink::none()
        }
    }

    pub fn new(writer: &'w mut dyn std::io::Write) -> Sink<'w> {
        Sink {
            writer: Some(RefCell::new(writer)),
            ..Sink::none()
        }
    }

    /// Writes `out` and empties it once it holds a piece.
    pub fn spill(&self, out: &mut String) {
        if (self.writer.is_some() || self.channel.is_some()) && out.len() >= Sink::PIECE {
            self.flush(out);
        }
    }

    /// Writes whatever `out` holds and empties it.
    pub fn flush(&self, out: &mut String) {
        if let Some((pieces, spares)) = &self.channel {
            let spare = spares
                .try_recv()
                .unwrap_or_else(|_| String::with_capacity(2 * Sink::PIECE));
            let piece = std::mem::replace(out, spare);
            if self.error.borrow().is_none() && pieces.send(piece).is_err() {
                // The writing thread met an error and reports it.
                *self.error.borrow_mut() = Some(std::io::Error::other("the writer stopped"));
            }
            out.clear();
            return;
        }
        let Some(writer) = &self.writer else { return };
        if self.error.borrow().is_none() {
            match writer.borrow_mut().write_all(out.as_bytes()) {
                Ok(()) => self.written.set(self.written.get() + out.len() as u64),
                Err(error) => *self.error.borrow_mut() = Some(error),
            }
        }
        out.clear();
    }

    /// The bytes written, or the first error.
    pub fn finish(self) -> std::io::Result<u64> {
        match self.error.into_inner() {
            Some(error) => Err(error),
            None => Ok(self.written.get()),
        }
    }
}
