//! Ctrl-C during a long call: between batches of rows the calling thread
//! asks Python whether a signal arrived; once one has, every image source
//! of the call fails its next row, so the facade stops at the next batch.

use pixtip::PixtipError;
use pyo3::prelude::*;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

/// Shared by a call's image sources and its progress callback.
#[derive(Debug, Clone, Default)]
pub struct Interrupt {
    stopped: Arc<AtomicBool>,
}

impl Interrupt {
    /// Checks Python's signal handlers (briefly taking Python's lock) and
    /// returns the exception a handler raised, remembering that the call
    /// must stop.
    pub fn poll(&self) -> Option<PyErr> {
        let raised = Python::attach(|py| py.check_signals()).err();
        if raised.is_some() {
            self.stopped.store(true, Ordering::Relaxed);
        }
        raised
    }

    /// An error for the next row once the call must stop.
    pub fn check(&self) -> Result<(), PixtipError> {
        if self.stopped.load(Ordering::Relaxed) {
            return Err(PixtipError::Picture("interrupted".into()));
        }
        Ok(())
    }
}

/// Runs `work` (which reports progress through `on_batch`) and turns an
/// interruption into the exception the signal handler raised.
pub fn run<T>(
    interrupt: &Interrupt,
    work: impl FnOnce(&mut dyn FnMut()) -> Result<T, PixtipError>,
) -> Result<T, PyErr> {
    let mut raised: Option<PyErr> = None;
    let result = work(&mut || {
        if raised.is_none() {
            raised = interrupt.poll();
        }
    });
    match (result, raised) {
        (_, Some(exception)) => Err(exception),
        (Ok(value), None) => Ok(value),
        (Err(error), None) => Err(crate::errors::to_py(error)),
    }
}
