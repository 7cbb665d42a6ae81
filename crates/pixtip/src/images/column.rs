//! Image columns: where a column's images come from, one row at a time.
//!
//! A column never holds more than its source does: arrays given in memory
//! stay in their own element type, and file sources (`.npy`, image folders)
//! read an image only when a picture or a metric asks for its row.

use super::stats::SeenRanges;
use crate::error::PixtipError;
use ndarray::{ArrayBase, Data, Dimension};
use pixtip_compose::{Element, ElementType, Pixels};
use std::fmt::Debug;
use std::sync::{Arc, OnceLock};

/// Where an image column's images come from.
///
/// Implement it to chart images from anywhere (a database, a video); pixtip
/// asks for rows from several threads at once, in any order.
pub trait ImageSource: Send + Sync + Debug {
    /// How many images (rows) there are.
    fn len(&self) -> usize;

    /// Whether there are none.
    fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The element type of every image, when it is known without reading
    /// them (a `.npy` header, an in-memory stack); `None`, the default, when
    /// images may differ (a folder of 8- and 16-bit files) or only decoding
    /// tells.
    fn element_type(&self) -> Option<ElementType> {
        None
    }

    /// The image of row `row` (< `len()`).
    fn image(&self, row: usize) -> Result<Pixels, PixtipError>;

    /// The element type of row `row` when the source tells it without
    /// decoding the image (an encoded image's header); `None` when only
    /// decoding tells. Auto scaling's range pass over a column skips the
    /// rows this calls `uint8` or `bool`, whose levels need no range.
    /// (Drawing pictures first tries a column of unknown type as 8-bit and
    /// takes the range only on meeting a wider image.) Defaults to
    /// [`ImageSource::element_type`].
    fn row_element_type(&self, row: usize) -> Option<ElementType> {
        let _ = row;
        self.element_type()
    }

    /// The image of row `row` with the PNG bytes it was decoded from, when
    /// it is stored as a PNG (a table's cell, a `.png` file): a picture that
    /// is exactly the image's samples is then written as it was stored, not
    /// encoded again. Defaults to [`ImageSource::image`] and no bytes.
    fn image_and_png(&self, row: usize) -> Result<(Pixels, Option<Vec<u8>>), PixtipError> {
        Ok((self.image(row)?, None))
    }

    /// Where the images come from, for messages: a path, or "memory".
    fn origin(&self) -> String;
}

/// Images held in memory, one array per row (any sizes and types).
#[derive(Debug)]
struct InMemory(Vec<Pixels>);

impl ImageSource for InMemory {
    fn len(&self) -> usize {
        self.0.len()
    }
    fn element_type(&self) -> Option<ElementType> {
        let first = self.0.first()?.element_type();
        self.0
            .iter()
            .all(|p| p.element_type() == first)
            .then_some(first)
    }
    fn image(&self, row: usize) -> Result<Pixels, PixtipError> {
        self.0.get(row).cloned().ok_or(PixtipError::RowOutOfRange {
            row,
            rows: self.0.len(),
        })
    }
    fn origin(&self) -> String {
        "memory".into()
    }
}

/// One array whose first axis counts the images (`N×H×W`, `N×H×W×3`, …).
#[derive(Debug)]
pub(crate) struct Stack {
    pub(crate) pixels: Pixels,
    pub(crate) origin: String,
}

impl ImageSource for Stack {
    fn len(&self) -> usize {
        self.pixels.shape().first().copied().unwrap_or(0)
    }
    fn element_type(&self) -> Option<ElementType> {
        Some(self.pixels.element_type())
    }
    fn image(&self, row: usize) -> Result<Pixels, PixtipError> {
        if row >= self.len() {
            return Err(PixtipError::RowOutOfRange {
                row,
                rows: self.len(),
            });
        }
        Ok(self.pixels.index_axis0(row))
    }
    fn origin(&self) -> String {
        self.origin.clone()
    }
}

/// The images of one column of an [`ImageTable`](crate::ImageTable): a
/// shared handle on an [`ImageSource`], cheap to clone.
///
/// ```
/// use ndarray::{Array3, array};
/// use pixtip::ImageColumn;
///
/// // A uint8 stack of two 4x4 images, and two float images of other sizes.
/// let stack = ImageColumn::from_stack(&Array3::<u8>::zeros((2, 4, 4)))?;
/// let list = ImageColumn::from_images([array![[0.5f32, 1.0]].into_dyn(), array![[0.0f32], [1.0]].into_dyn()]);
/// assert_eq!((stack.len(), list.len()), (2, 2));
/// assert_eq!(list.image(1)?.shape(), &[2, 1]);
/// # Ok::<(), pixtip::PixtipError>(())
/// ```
#[derive(Debug, Clone)]
pub struct ImageColumn(Arc<dyn ImageSource>, Arc<OnceLock<SeenRanges>>);

impl ImageColumn {
    /// The ranges an earlier pass over every image found, if one did.
    pub(crate) fn seen_ranges(&self) -> Option<SeenRanges> {
        self.1.get().copied()
    }

    /// Keeps the ranges a pass over every image found.
    pub(crate) fn remember_ranges(&self, ranges: SeenRanges) {
        let _ = self.1.set(ranges);
    }

    /// A column of the given images, one per row; each may have its own
    /// size, element type and colour layout.
    pub fn from_images<P: Into<Pixels>>(images: impl IntoIterator<Item = P>) -> ImageColumn {
        ImageColumn(
            Arc::new(InMemory(images.into_iter().map(Into::into).collect())),
            Arc::default(),
        )
    }

    /// A column from one array whose first axis counts the images (a view
    /// or an owned array, copied once in its own element type): `N×H×W`
    /// gray, `N×H×W×3|4` colour, `N×D×H×W` volumes.
    ///
    /// Errors: fewer than 3 dimensions (a single image is `from_images([image])`).
    pub fn from_stack<T: Element, S: Data<Elem = T>, D: Dimension>(
        stack: &ArrayBase<S, D>,
    ) -> Result<ImageColumn, PixtipError> {
        ImageColumn::check_stack_shape(stack.shape(), "memory")?;
        Ok(ImageColumn::from_source(Stack {
            pixels: Pixels::from_array(stack),
            origin: "memory".into(),
        }))
    }

    /// Whether an array of `shape` can be a stack of images (at least 3
    /// dimensions, the first counting the images); `origin` names the array
    /// in the error.
    pub fn check_stack_shape(shape: &[usize], origin: &str) -> Result<(), PixtipError> {
        if shape.len() < 3 {
            return Err(PixtipError::Shape {
                origin: origin.into(),
                message: format!(
                    "a stack needs at least 3 dimensions (N×H×W), this array has shape {shape:?}"
                ),
            });
        }
        Ok(())
    }

    /// A column reading from any source.
    pub fn from_source(source: impl ImageSource + 'static) -> ImageColumn {
        ImageColumn(Arc::new(source), Arc::default())
    }

    /// The number of images.
    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The image of `row`.
    pub fn image(&self, row: usize) -> Result<Pixels, PixtipError> {
        self.0.image(row)
    }

    /// The image of `row` and the PNG it was decoded from, if any (see
    /// [`ImageSource::image_and_png`]).
    pub fn image_and_png(&self, row: usize) -> Result<(Pixels, Option<Vec<u8>>), PixtipError> {
        self.0.image_and_png(row)
    }

    /// The element type shared by all images, when known without reading them.
    pub fn element_type(&self) -> Option<ElementType> {
        self.0.element_type()
    }

    /// The element type of `row`, when known without decoding it (see
    /// [`ImageSource::row_element_type`]).
    pub fn row_element_type(&self, row: usize) -> Option<ElementType> {
        self.0.row_element_type(row)
    }

    /// Where the images come from (a path, or "memory").
    pub fn origin(&self) -> String {
        self.0.origin()
    }
}

impl<P: Into<Pixels>> FromIterator<P> for ImageColumn {
    fn from_iter<I: IntoIterator<Item = P>>(images: I) -> ImageColumn {
        ImageColumn::from_images(images)
    }
}

impl<T: Element, D: Dimension> From<Vec<ndarray::Array<T, D>>> for ImageColumn {
    fn from(images: Vec<ndarray::Array<T, D>>) -> ImageColumn {
        ImageColumn::from_images(images)
    }
}
