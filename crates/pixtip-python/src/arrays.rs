//! numpy arrays as image columns, read where they lie.
//!
//! A column made here points into the numpy array's own memory: each row is
//! copied out (in its own element type) only when a picture or a metric asks
//! for it, so a float32 stack is never copied or widened to float64 as a
//! whole. The array stays borrowed read-only, through numpy's borrow flags,
//! for as long as the [`Borrowed`] guard lives, and every column made from it
//! must be dropped before the guard.

use crate::interrupt::Interrupt;
use ndarray::{Axis, IxDyn, RawArrayView};
use numpy::{PyReadonlyArrayDyn, PyUntypedArrayMethods};
use pixtip::{Element, ElementType, ImageColumn, ImageSource, Pixels, PixtipError};
use pyo3::exceptions::PyTypeError;
use pyo3::prelude::*;

/// Keeps the borrowed arrays of a call alive and borrowed.
#[derive(Default)]
pub struct Borrowed<'py> {
    guards: Vec<Box<dyn Guard + 'py>>,
}

/// A read-only borrow of a numpy array, of any element type.
trait Guard {}
impl<T: numpy::Element> Guard for PyReadonlyArrayDyn<'_, T> {}

/// Rows of a numpy array whose first axis counts the images.
struct BorrowedStack<T> {
    view: RawArrayView<T, IxDyn>,
    interrupt: Interrupt,
}

// SAFETY: the view points into a numpy array that a `Borrowed` guard keeps
// alive and borrowed read-only until every column made from it is dropped
// (the calls in this crate drop their tables before their guards), and the
// data is only ever read, so sharing it between threads is sound.
unsafe impl<T: Send> Send for BorrowedStack<T> {}
unsafe impl<T: Sync> Sync for BorrowedStack<T> {}

impl<T> std::fmt::Debug for BorrowedStack<T> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "BorrowedStack{:?}", self.view.shape())
    }
}

impl<T: Element> ImageSource for BorrowedStack<T> {
    fn len(&self) -> usize {
        self.view.shape()[0]
    }

    fn element_type(&self) -> Option<ElementType> {
        Some(T::TYPE)
    }

    fn image(&self, row: usize) -> Result<Pixels, PixtipError> {
        self.interrupt.check()?;
        if row >= self.len() {
            return Err(PixtipError::RowOutOfRange {
                row,
                rows: self.len(),
            });
        }
        // SAFETY: see the `Send` impl: the array outlives this column.
        let view = unsafe { self.view.clone().deref_into_view() };
        Ok(Pixels::from_array(&view.index_axis(Axis(0), row)))
    }

    fn origin(&self) -> String {
        "array".into()
    }
}

impl<'py> Borrowed<'py> {
    /// A column over `array` (a numpy array of at least 3 dimensions and an
    /// element type the facade reads), borrowed until `self` is dropped.
    ///
    /// Errors: `TypeError` for anything but a numpy array of bool, (u)int8
    /// to (u)int64, float32 or float64 in native byte order; `ValueError`
    /// for fewer than 3 dimensions.
    pub fn stack(
        &mut self,
        array: &Bound<'py, PyAny>,
        name: &str,
        interrupt: &Interrupt,
    ) -> PyResult<ImageColumn> {
        macro_rules! try_element_types {
            ($($t:ty),*) => {
                $(
                    if let Ok(readonly) = array.extract::<PyReadonlyArrayDyn<'py, $t>>() {
                        ImageColumn::check_stack_shape(readonly.shape(), name)
                            .map_err(crate::errors::to_py)?;
                        let view = readonly.as_array().raw_view();
                        self.guards.push(Box::new(readonly));
                        return Ok(ImageColumn::from_source(BorrowedStack::<$t> {
                            view,
                            interrupt: interrupt.clone(),
                        }));
                    }
                )*
            };
        }
        try_element_types!(u8, f32, f64, u16, i16, bool, i8, u32, i32, u64, i64);
        Err(PyTypeError::new_err(format!(
            "{name}: images must be a numpy array of bool, int8…int64, uint8…uint64, float32 or float64, not {}",
            describe(array)
        )))
    }
}

/// What an unsupported object is, for messages: a numpy dtype, or a type name.
pub fn describe(object: &Bound<'_, PyAny>) -> String {
    if let Ok(dtype) = object.getattr("dtype") {
        return format!(
            "dtype {}",
            dtype.str().map_or("?".into(), |s| s.to_string())
        );
    }
    object
        .get_type()
        .name()
        .map_or_else(|_| "an unknown object".into(), |n| n.to_string())
}
