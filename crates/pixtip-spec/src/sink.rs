//! Text written in pieces: into a writer as it grows, or made on a second
//! thread while the first writes the pieces made so far.

use std::cell::{Cell, RefCell};
use std::sync::mpsc::{Receiver, SyncSender};

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

    /// Writes the text `make` writes into the string it is given (spilling
    /// it into the sink as it grows) to `writer`, and returns its length. A
    /// `large` text is made on a second thread while this one writes the
    /// pieces made so far; the pieces come back to be reused.
    pub fn write_made(
        writer: &mut dyn std::io::Write,
        large: bool,
        make: impl FnOnce(&mut String, &Sink<'_>) + Send,
    ) -> std::io::Result<u64> {
        let mut out = String::with_capacity(2 * Sink::PIECE);
        if !large {
            let sink = Sink::new(writer);
            make(&mut out, &sink);
            sink.flush(&mut out);
            return sink.finish();
        }
        let (to_write, made) = std::sync::mpsc::sync_channel::<String>(4);
        let (to_reuse, spares) = std::sync::mpsc::channel::<String>();
        std::thread::scope(|scope| {
            let maker = scope.spawn(move || {
                let sink = Sink::sending(to_write, spares);
                make(&mut out, &sink);
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
