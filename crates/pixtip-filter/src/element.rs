//! The element types the filters accept.

/// An array element type the filters accept: `f64`, `f32` and the integers.
///
/// As in scipy, every line is computed in `f64` and rounded to the element
/// type once per filtered axis, so an `f32` result matches scipy's `float32`
/// output (scipy also rounds between axes).
pub trait Element: Copy + Send + Sync + Default + 'static + private::Sealed {
    /// Widens to `f64` for the computation.
    fn to_f64(self) -> f64;
    /// Rounds a computed `f64` back to the element type.
    fn from_f64(value: f64) -> Self;
    /// The samples as `f64` without a copy, when they already are `f64`.
    #[doc(hidden)]
    fn as_f64_slice(values: &[Self]) -> Option<&[f64]>;
    /// The samples as mutable `f64` without a copy, when they already are `f64`.
    #[doc(hidden)]
    fn as_f64_slice_mut(values: &mut [Self]) -> Option<&mut [f64]>;
}

impl Element for f64 {
    #[inline(always)]
    fn to_f64(self) -> f64 {
        self
    }
    #[inline(always)]
    fn from_f64(value: f64) -> Self {
        value
    }
    fn as_f64_slice(values: &[Self]) -> Option<&[f64]> {
        Some(values)
    }
    fn as_f64_slice_mut(values: &mut [Self]) -> Option<&mut [f64]> {
        Some(values)
    }
}

impl Element for f32 {
    #[inline(always)]
    fn to_f64(self) -> f64 {
        f64::from(self)
    }
    #[inline(always)]
    fn from_f64(value: f64) -> Self {
        // Rounds to nearest, like C's `(float)` cast in scipy.
        value as f32
    }
    fn as_f64_slice(_: &[Self]) -> Option<&[f64]> {
        None
    }
    fn as_f64_slice_mut(_: &mut [Self]) -> Option<&mut [f64]> {
        None
    }
}

/// Integer arrays, as scipy filters them: every line computed in `f64` and
/// cast back after each axis with C's truncation toward zero (scipy's
/// `(npy_int)value`), so `uint8` input gives scipy's `uint8` output. Values
/// outside the type's range saturate (in C that cast is undefined).
macro_rules! integer_elements {
    ($($t:ty),*) => {$(
        impl Element for $t {
            #[inline(always)]
            fn to_f64(self) -> f64 {
                self as f64
            }
            #[inline(always)]
            fn from_f64(value: f64) -> Self {
                value as $t
            }
            fn as_f64_slice(_: &[Self]) -> Option<&[f64]> {
                None
            }
            fn as_f64_slice_mut(_: &mut [Self]) -> Option<&mut [f64]> {
                None
            }
        }
        impl private::Sealed for $t {}
    )*};
}

integer_elements!(u8, i8, u16, i16, u32, i32, u64, i64);

mod private {
    pub trait Sealed {}
    impl Sealed for f64 {}
    impl Sealed for f32 {}
}
