//! `pixtip.ndimage`: scipy.ndimage's Gaussian and uniform filters over
//! pixtip-filter, computed on every core with Python's lock released.
//!
//! The Python layer (`python/pixtip/ndimage.py`) keeps scipy's signatures
//! and defaults and hands over normalised arguments; the element type picks
//! the kernel: `float64` and `float32` as they are, integers computed in
//! `float64` and truncated after each axis as scipy does.

use crate::errors::to_py;
use numpy::{IntoPyArray, PyReadonlyArrayDyn};
use pixtip_filter::{
    FilterError, GaussianOptions, Mode, PerAxis, Uniform1dOptions, UniformOptions, gaussian_filter,
    uniform_filter, uniform_filter1d,
};
use pyo3::exceptions::{PyTypeError, PyValueError};
use pyo3::prelude::*;

/// A scalar-or-sequence parameter, as scipy takes them.
#[derive(Debug, Clone, FromPyObject)]
pub enum OneOrMany<T> {
    /// One value for every axis.
    One(T),
    /// One value per filtered axis.
    Many(Vec<T>),
}

impl<T> From<OneOrMany<T>> for PerAxis<T> {
    fn from(value: OneOrMany<T>) -> PerAxis<T> {
        match value {
            OneOrMany::One(v) => PerAxis::All(v),
            OneOrMany::Many(v) => PerAxis::Each(v),
        }
    }
}

fn mode(name: &str) -> PyResult<Mode> {
    Mode::from_scipy_name(name).ok_or_else(|| {
        PyValueError::new_err(format!(
            "mode `{name}` is not one of reflect, constant, nearest, mirror, wrap, grid-constant, grid-mirror, grid-wrap"
        ))
    })
}

fn modes(names: OneOrMany<String>) -> PyResult<PerAxis<Mode>> {
    Ok(match names {
        OneOrMany::One(name) => PerAxis::All(mode(&name)?),
        OneOrMany::Many(names) => {
            PerAxis::Each(names.iter().map(|n| mode(n)).collect::<PyResult<_>>()?)
        }
    })
}

/// Runs `filter` on `input` with the element type it has, releasing
/// Python's lock; `widen` computes and returns `float64` instead.
fn dispatch<'py>(
    input: &Bound<'py, PyAny>,
    widen: bool,
    filter: &(dyn Fn(&dyn AnyInput) -> Result<Output, FilterError> + Sync),
) -> PyResult<Bound<'py, PyAny>> {
    let py = input.py();
    macro_rules! by_type {
        ($($t:ty),*) => {
            $(
                if let Ok(array) = input.extract::<PyReadonlyArrayDyn<'py, $t>>() {
                    let view = array.as_array();
                    let result = if widen {
                        let wide = view.mapv(|v| v as f64);
                        py.detach(|| filter(&wide.view()))
                    } else {
                        py.detach(|| filter(&view))
                    };
                    return result.map_err(|e| to_py(e.into()))?.into_py_array(py);
                }
            )*
        };
    }
    by_type!(f64, f32, u8, u16, i16, i32, i64, i8, u32, u64);
    Err(PyTypeError::new_err(format!(
        "input must be a numpy array of float64, float32 or an integer type, not {}",
        crate::arrays::describe(input)
    )))
}

/// A filter result of any element type.
pub enum Output {
    /// `float64`.
    F64(ndarray::ArrayD<f64>),
    /// `float32`.
    F32(ndarray::ArrayD<f32>),
    /// An integer type.
    U8(ndarray::ArrayD<u8>),
    /// An integer type.
    I8(ndarray::ArrayD<i8>),
    /// An integer type.
    U16(ndarray::ArrayD<u16>),
    /// An integer type.
    I16(ndarray::ArrayD<i16>),
    /// An integer type.
    U32(ndarray::ArrayD<u32>),
    /// An integer type.
    I32(ndarray::ArrayD<i32>),
    /// An integer type.
    U64(ndarray::ArrayD<u64>),
    /// An integer type.
    I64(ndarray::ArrayD<i64>),
}

impl Output {
    fn into_py_array<'py>(self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        Ok(match self {
            Output::F64(a) => a.into_pyarray(py).into_any(),
            Output::F32(a) => a.into_pyarray(py).into_any(),
            Output::U8(a) => a.into_pyarray(py).into_any(),
            Output::I8(a) => a.into_pyarray(py).into_any(),
            Output::U16(a) => a.into_pyarray(py).into_any(),
            Output::I16(a) => a.into_pyarray(py).into_any(),
            Output::U32(a) => a.into_pyarray(py).into_any(),
            Output::I32(a) => a.into_pyarray(py).into_any(),
            Output::U64(a) => a.into_pyarray(py).into_any(),
            Output::I64(a) => a.into_pyarray(py).into_any(),
        })
    }
}

/// An input view of any element type, filtered into an [`Output`] of the same type.
pub trait AnyInput: Sync {
    /// `gaussian_filter` on this view.
    fn gaussian(
        &self,
        sigma: &PerAxis<f64>,
        options: &GaussianOptions,
    ) -> Result<Output, FilterError>;
    /// `uniform_filter` on this view.
    fn uniform(
        &self,
        size: &PerAxis<usize>,
        options: &UniformOptions,
    ) -> Result<Output, FilterError>;
    /// `uniform_filter1d` on this view.
    fn uniform1d(
        &self,
        size: usize,
        axis: usize,
        options: &Uniform1dOptions,
    ) -> Result<Output, FilterError>;
}

macro_rules! any_input {
    ($($t:ty => $variant:ident),*) => {$(
        impl AnyInput for ndarray::ArrayViewD<'_, $t> {
            fn gaussian(&self, sigma: &PerAxis<f64>, options: &GaussianOptions) -> Result<Output, FilterError> {
                gaussian_filter(self, sigma.clone(), options).map(Output::$variant)
            }
            fn uniform(&self, size: &PerAxis<usize>, options: &UniformOptions) -> Result<Output, FilterError> {
                uniform_filter(self, size.clone(), options).map(Output::$variant)
            }
            fn uniform1d(&self, size: usize, axis: usize, options: &Uniform1dOptions) -> Result<Output, FilterError> {
                uniform_filter1d(self, size, axis, options).map(Output::$variant)
            }
        }
    )*};
}

any_input!(f64 => F64, f32 => F32, u8 => U8, i8 => I8, u16 => U16, i16 => I16, u32 => U32, i32 => I32, u64 => U64, i64 => I64);

/// `scipy.ndimage.gaussian_filter` with normalised arguments.
#[pyfunction]
#[pyo3(signature = (input, sigma, order, mode, cval, truncate, radius, axes, widen))]
#[allow(clippy::too_many_arguments)] // scipy's parameters, one each
fn gaussian_filter_impl<'py>(
    input: &Bound<'py, PyAny>,
    sigma: OneOrMany<f64>,
    order: OneOrMany<usize>,
    mode: OneOrMany<String>,
    cval: f64,
    truncate: f64,
    radius: Option<OneOrMany<usize>>,
    axes: Option<Vec<usize>>,
    widen: bool,
) -> PyResult<Bound<'py, PyAny>> {
    let options = GaussianOptions {
        order: order.into(),
        mode: modes(mode)?,
        cval,
        truncate,
        radius: radius.map(Into::into),
        axes,
        ..GaussianOptions::default()
    };
    let sigma: PerAxis<f64> = sigma.into();
    dispatch(input, widen, &|view| view.gaussian(&sigma, &options))
}

/// `scipy.ndimage.uniform_filter` with normalised arguments.
#[pyfunction]
#[pyo3(signature = (input, size, mode, cval, origin, axes, widen))]
fn uniform_filter_impl<'py>(
    input: &Bound<'py, PyAny>,
    size: OneOrMany<usize>,
    mode: OneOrMany<String>,
    cval: f64,
    origin: OneOrMany<isize>,
    axes: Option<Vec<usize>>,
    widen: bool,
) -> PyResult<Bound<'py, PyAny>> {
    let options = UniformOptions {
        mode: modes(mode)?,
        cval,
        origin: origin.into(),
        axes,
    };
    let size: PerAxis<usize> = size.into();
    dispatch(input, widen, &|view| view.uniform(&size, &options))
}

/// `scipy.ndimage.uniform_filter1d` with normalised arguments (a size of 1
/// runs the running sum, as scipy's does, unlike `uniform_filter`).
#[pyfunction]
#[pyo3(signature = (input, size, mode_name, cval, origin, axis, widen))]
fn uniform_filter1d_impl<'py>(
    input: &Bound<'py, PyAny>,
    size: usize,
    mode_name: String,
    cval: f64,
    origin: isize,
    axis: usize,
    widen: bool,
) -> PyResult<Bound<'py, PyAny>> {
    let options = Uniform1dOptions {
        mode: mode(&mode_name)?,
        cval,
        origin,
    };
    dispatch(input, widen, &|view| view.uniform1d(size, axis, &options))
}

/// Adds the filters to the module.
pub fn register(module: &Bound<'_, PyModule>) -> PyResult<()> {
    module.add_function(wrap_pyfunction!(gaussian_filter_impl, module)?)?;
    module.add_function(wrap_pyfunction!(uniform_filter_impl, module)?)?;
    module.add_function(wrap_pyfunction!(uniform_filter1d_impl, module)?)?;
    Ok(())
}
