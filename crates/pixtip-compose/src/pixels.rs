//! One image's pixels in the element type they came in: no widening to f64
//! until a picture is made, so a `uint8` stack costs one byte a pixel.

use multiversion::multiversion;
use ndarray::{ArrayBase, ArrayD, CowArray, Data, Dimension, IxDyn};

/// The element types pixtip reads, as numpy names them.
///
/// Exhaustive on purpose: a new type makes every loader that matches on it
/// say how it reads that type.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ElementType {
    /// `bool`: false is black, true white.
    Bool,
    /// `uint8`: shown as it is under [`ResolvedScale::auto`](crate::ResolvedScale::auto).
    U8,
    /// `int8`.
    I8,
    /// `uint16`.
    U16,
    /// `int16`.
    I16,
    /// `uint32`.
    U32,
    /// `int32`.
    I32,
    /// `uint64`.
    U64,
    /// `int64`.
    I64,
    /// `float32`.
    F32,
    /// `float64`.
    F64,
}

impl ElementType {
    /// numpy's name for the type (`uint8`, `float32`, …).
    pub fn name(self) -> &'static str {
        match self {
            ElementType::Bool => "bool",
            ElementType::U8 => "uint8",
            ElementType::I8 => "int8",
            ElementType::U16 => "uint16",
            ElementType::I16 => "int16",
            ElementType::U32 => "uint32",
            ElementType::I32 => "int32",
            ElementType::U64 => "uint64",
            ElementType::I64 => "int64",
            ElementType::F32 => "float32",
            ElementType::F64 => "float64",
        }
    }

    /// Bytes per element.
    pub fn size(self) -> usize {
        match self {
            ElementType::Bool | ElementType::U8 | ElementType::I8 => 1,
            ElementType::U16 | ElementType::I16 => 2,
            ElementType::U32 | ElementType::I32 | ElementType::F32 => 4,
            ElementType::U64 | ElementType::I64 | ElementType::F64 => 8,
        }
    }

    /// Whether the type holds fractions (and NaN).
    pub fn is_float(self) -> bool {
        matches!(self, ElementType::F32 | ElementType::F64)
    }
}

impl std::fmt::Display for ElementType {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}

/// A pixel type pixtip accepts: converts to f64 for scaling.
pub trait Element: Copy + Send + Sync + 'static {
    /// The type's tag.
    const TYPE: ElementType;
    /// The value as f64 (exact for every type but the largest 64-bit integers).
    fn to_f64(self) -> f64;
    /// Wraps an array of this type.
    fn wrap(array: ArrayD<Self>) -> Pixels;
}

macro_rules! elements {
    ($($t:ty => $variant:ident, $tag:ident, |$v:ident| $conv:expr;)*) => {
        /// One image (or volume, or colour image) in its own element type.
        ///
        /// The shape says what it is: `H×W` gray, `H×W×3|4` colour (RGB or RGBA),
        /// `D×H×W` a volume shown through its projection.
        #[derive(Debug, Clone, PartialEq)]
        pub enum Pixels {
            $(
                #[doc = concat!("`", stringify!($t), "` pixels.")]
                $variant(ArrayD<$t>),
            )*
        }

        $(
            impl Element for $t {
                const TYPE: ElementType = ElementType::$tag;
                #[inline]
                fn to_f64(self) -> f64 {
                    let $v = self;
                    $conv
                }
                fn wrap(array: ArrayD<$t>) -> Pixels {
                    Pixels::$variant(array)
                }
            }
        )*

        /// Runs `$body` with `$a` bound to the typed array of `$pixels`.
        macro_rules! with_array {
            ($pixels:expr, $a:ident => $body:expr) => {
                match $pixels {
                    $(Pixels::$variant($a) => $body,)*
                }
            };
        }
    };
}

elements! {
    bool => Bool, Bool, |v| if v { 1.0 } else { 0.0 };
    u8 => U8, U8, |v| f64::from(v);
    i8 => I8, I8, |v| f64::from(v);
    u16 => U16, U16, |v| f64::from(v);
    i16 => I16, I16, |v| f64::from(v);
    u32 => U32, U32, |v| f64::from(v);
    i32 => I32, I32, |v| f64::from(v);
    u64 => U64, U64, |v| v as f64;
    i64 => I64, I64, |v| v as f64;
    f32 => F32, F32, |v| f64::from(v);
    f64 => F64, F64, |v| v;
}

impl Pixels {
    /// An owned copy of any array or view, in its own element type.
    pub fn from_array<T: Element, S: Data<Elem = T>, D: Dimension>(
        array: &ArrayBase<S, D>,
    ) -> Pixels {
        T::wrap(array.to_owned().into_dyn())
    }

    /// The element type.
    pub fn element_type(&self) -> ElementType {
        with_array!(self, a => element_type_of(a))
    }

    /// The shape.
    pub fn shape(&self) -> &[usize] {
        with_array!(self, a => a.shape())
    }

    /// The number of pixel values (all channels).
    pub fn len(&self) -> usize {
        with_array!(self, a => a.len())
    }

    /// Whether there are no pixel values.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The values as f64, in the array's logical (row-major) order.
    pub fn to_f64(&self) -> ArrayD<f64> {
        self.as_f64().into_owned()
    }

    /// The values as f64: a view of `float64` pixels, a converted copy of
    /// any other type (so drawing a `float64` image copies nothing).
    pub fn as_f64(&self) -> CowArray<'_, f64, IxDyn> {
        match self {
            Pixels::F64(a) => CowArray::from(a.view()),
            other => CowArray::from(with_array!(other, a => a.mapv(Element::to_f64))),
        }
    }

    /// The smallest and largest finite value (NaN and infinities left
    /// out), or `None` when there is none.
    pub fn finite_range(&self) -> Option<(f64, f64)> {
        fn scan<T: Element>(values: impl Iterator<Item = T>) -> (f64, f64) {
            // Selects rather than branches, so the loop vectorises.
            values.fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), v| {
                let v = v.to_f64();
                let finite = v.is_finite();
                (
                    if finite && v < lo { v } else { lo },
                    if finite && v > hi { v } else { hi },
                )
            })
        }
        let (lo, hi) = with_array!(self, a => match a.as_slice_memory_order() {
            Some(values) => finite_min_max(values),
            None => scan(a.iter().copied()),
        });
        (lo <= hi).then_some((lo, hi))
    }

    /// The array as u8, if that is its type.
    pub fn as_u8(&self) -> Option<&ArrayD<u8>> {
        match self {
            Pixels::U8(a) => Some(a),
            _ => None,
        }
    }

    /// A new array of the same type holding `index` along axis 0 (one image
    /// of a stack). Panics when `index` is past the end of axis 0.
    pub fn index_axis0(&self, index: usize) -> Pixels {
        with_array!(self, a => Element::wrap(a.index_axis(ndarray::Axis(0), index).to_owned()))
    }
}

/// The smallest and largest finite value of `values` (lo > hi when there is
/// none), in the clone for the CPU it runs on. Eight running minima and
/// maxima rather than one pair, whose chain of dependent selects does not
/// vectorise; minima and maxima are exact, so the lanes' order changes
/// nothing (but which zero ends a range of ±0, which no level depends on).
#[multiversion(targets(
    "x86_64+avx512f+avx512vl+avx512dq+avx512bw+avx2+fma",
    "x86_64+avx2+fma",
))]
fn finite_min_max<T: Element>(values: &[T]) -> (f64, f64) {
    const LANES: usize = 8;
    let mut lo = [f64::INFINITY; LANES];
    let mut hi = [f64::NEG_INFINITY; LANES];
    let chunks = values.chunks_exact(LANES);
    let tail = chunks.remainder();
    for chunk in chunks.chain([tail]) {
        for ((lo, hi), v) in lo.iter_mut().zip(&mut hi).zip(chunk) {
            let v = v.to_f64();
            let finite = v.is_finite();
            *lo = if finite && v < *lo { v } else { *lo };
            *hi = if finite && v > *hi { v } else { *hi };
        }
    }
    let lo = lo
        .into_iter()
        .fold(f64::INFINITY, |a, b| if b < a { b } else { a });
    let hi = hi
        .into_iter()
        .fold(f64::NEG_INFINITY, |a, b| if b > a { b } else { a });
    (lo, hi)
}

fn element_type_of<T: Element>(_: &ArrayD<T>) -> ElementType {
    T::TYPE
}

impl<T: Element, D: Dimension> From<ndarray::Array<T, D>> for Pixels {
    fn from(array: ndarray::Array<T, D>) -> Pixels {
        T::wrap(array.into_dyn())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ndarray::{Array2, array};

    #[test]
    fn pixels_keep_their_type_and_convert_exactly() {
        let pixels = Pixels::from(array![[0u16, 65535], [1, 2]]);
        assert_eq!(pixels.element_type(), ElementType::U16);
        assert_eq!(pixels.shape(), &[2, 2]);
        assert_eq!(
            pixels.to_f64().iter().copied().collect::<Vec<_>>(),
            [0.0, 65535.0, 1.0, 2.0]
        );
        let flags = Pixels::from(array![[true, false]]);
        assert_eq!(flags.to_f64().as_slice().unwrap(), &[1.0, 0.0]);
    }

    #[test]
    fn views_are_copied_in_their_own_type() {
        let a = Array2::<f32>::from_shape_fn((3, 4), |(i, j)| (i * 4 + j) as f32);
        let pixels = Pixels::from_array(&a.t());
        assert_eq!(pixels.element_type(), ElementType::F32);
        assert_eq!(pixels.shape(), &[4, 3]);
        assert_eq!(pixels.to_f64()[[1, 2]], 9.0);
    }
}
