//! `pixtip._pixtip`: the Python extension module behind the `pixtip`
//! package, a thin binding of the [`pixtip`] facade.
//!
//! It converts arguments, calls the facade with Python's lock released
//! ([`Python::detach`]) and converts results; scaling, pictures, charts and
//! error messages are the Rust library's own, so the two never disagree.
//! numpy arrays are read where they lie (one image copied at a time, in its
//! own element type), never copied or widened as a whole.
//!
//! The Python-facing API (`pixtip.pictures`, `pixtip.chart`,
//! `pixtip.ndimage`) and its documentation live in `python/pixtip/`.

use pyo3::prelude::*;

mod arrays;
mod chart;
mod errors;
mod interrupt;
mod ndimage;
mod options;
mod pictures;

/// The extension module.
#[pymodule]
fn _pixtip(module: &Bound<'_, PyModule>) -> PyResult<()> {
    module.add("__version__", env!("CARGO_PKG_VERSION"))?;
    module.add_function(wrap_pyfunction!(pictures::pictures, module)?)?;
    module.add_function(wrap_pyfunction!(chart::chart, module)?)?;
    module.add_class::<chart::RustChart>()?;
    ndimage::register(module)?;
    Ok(())
}
