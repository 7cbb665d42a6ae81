//! The facade's errors as the Python exceptions users expect: `OSError` for
//! files, `ValueError` for everything about shapes, scales, names and values.

use pixtip::PixtipError;
use pyo3::PyErr;
use pyo3::exceptions::{PyOSError, PyValueError};

/// `error` as a Python exception carrying the library's one-line message.
pub fn to_py(error: PixtipError) -> PyErr {
    let message = error.to_string();
    if is_file_error(&error) {
        PyOSError::new_err(message)
    } else {
        PyValueError::new_err(message)
    }
}

/// Whether the error (or the error a row's error wraps) is about a file.
fn is_file_error(error: &PixtipError) -> bool {
    match error {
        PixtipError::AtRow { source, .. } => is_file_error(source),
        PixtipError::Io { .. }
        | PixtipError::BadFile { .. }
        | PixtipError::Image { .. }
        | PixtipError::Csv { .. } => true,
        _ => false,
    }
}
