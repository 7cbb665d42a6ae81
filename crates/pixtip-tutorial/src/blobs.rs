//! The tutorial's synthetic blob dataset, number for number.
//!
//! The Altair tutorial makes its data with numpy and scipy:
//!
//! ```python
//! rng = np.random.default_rng([ord(c) for c in "altair"])
//! def create_blobs(blob_shape, img_width=96, n_dim=2, sizes=[0.05, 0.1, 0.15]):
//!     mask = np.zeros([img_width] * n_dim)
//!     points = (img_width * rng.random(n_dim)).astype(int)
//!     mask[tuple(points)] = 1
//!     if blob_shape == "circle":
//!         im = ndi.gaussian_filter(mask, sigma=rng.choice(sizes) * img_width)
//!     elif blob_shape == "square":
//!         im = ndi.uniform_filter(mask, size=rng.choice(sizes) * img_width, mode="constant") \
//!              * rng.normal(4, size=(img_width, img_width))
//!     return im / im.max()
//! df = pd.DataFrame({"image1": [create_blobs("circle") for _ in range(200)],
//!                    "image2": [create_blobs("square", sizes=[0.3, 0.4, 0.5]) for _ in range(200)],
//!                    "group": rng.choice(["a", "b", "c"], size=200)})
//! df[["image1_area", "image2_area"]] = df[["image1", "image2"]].map(lambda x: (x > 0.4).mean())
//! ```
//!
//! [`make_blobs`] draws the same random numbers in the same order with
//! [`pixtip_random`], so `group` and both areas equal the Python ones exactly
//! and the images agree to within a few units in the last place.
//!
//! How it differs from the Python, on purpose:
//! - The mask holds a single 1, so each filtered image is the filter's
//!   response to one impulse, which is separable. [`make_blobs`] filters one
//!   line per axis and multiplies the lines out instead of filtering the whole
//!   image: where one kernel tap meets the impulse (everywhere but near the
//!   edges with reflection) that is the very product scipy rounds, elsewhere it
//!   is within an ulp or two. The square's box filter is reproduced exactly.
//! - The numbers are drawn in order on the calling thread; each row's image
//!   is computed on the current rayon pool as soon as its numbers are drawn.
//! - An image whose maximum is zero, negative zero or not finite is a
//!   [`BlobError::BadMaximum`] naming the row; numpy would divide and give NaN.
//!
//! ```
//! use pixtip_tutorial::blobs::{BlobOptions, make_blobs};
//! let data = make_blobs(&BlobOptions { rows: 3, width: 32, ..BlobOptions::default() })?;
//! assert_eq!(data.group.len(), 3);
//! assert_eq!(data.image1[0].shape(), &[32, 32]);
//! assert!(data.image2_area.iter().all(|a| (0.0..=1.0).contains(a)));
//! # Ok::<(), pixtip_tutorial::blobs::BlobError>(())
//! ```

mod budget;
mod draws;
mod error;
mod impulse;
mod normalize;

pub use budget::MemoryBudget;
pub use error::{BlobError, BlobKind};
pub use normalize::normalize_by_max;

use normalize::normalize_and_measure;
pub use pixtip_random::Seed;

use draws::{CircleDraw, SquareDraw};
use ndarray::ArrayD;
use pixtip_random::default_rng;

/// What to generate; the defaults are the tutorial's.
#[derive(Debug, Clone, PartialEq)]
pub struct BlobOptions {
    /// The seed of `default_rng`. Default: the code points of `"altair"`.
    pub seed: Seed,
    /// Number of rows (image pairs). Default 200.
    pub rows: usize,
    /// Image width along every axis, in pixels. Default 96.
    pub width: usize,
    /// Number of image dimensions. Default 2.
    pub ndim: usize,
    /// Circle sigmas as fractions of the width. Default `[0.05, 0.1, 0.15]`.
    pub circle_sizes: Vec<f64>,
    /// Square sides as fractions of the width. Default `[0.3, 0.4, 0.5]`.
    pub square_sizes: Vec<f64>,
    /// The group labels drawn for each row. Default `["a", "b", "c"]`.
    pub groups: Vec<String>,
    /// Pixels above this count towards the area. Default 0.4.
    pub area_threshold: f64,
    /// The most memory the dataset may take: rows × 2 images of
    /// `width^ndim` float64 pixels, plus the filters' working images.
    /// Default: three quarters of the memory available now.
    pub memory_budget: MemoryBudget,
}

impl Default for BlobOptions {
    fn default() -> Self {
        Self {
            seed: Seed::text("altair"),
            rows: 200,
            width: 96,
            ndim: 2,
            circle_sizes: vec![0.05, 0.1, 0.15],
            square_sizes: vec![0.3, 0.4, 0.5],
            groups: ["a", "b", "c"].map(String::from).to_vec(),
            area_threshold: 0.4,
            memory_budget: MemoryBudget::from_machine(),
        }
    }
}

/// The tutorial's DataFrame: one entry per row in every column.
#[derive(Debug, Clone, PartialEq)]
pub struct BlobDataset {
    /// Gaussian blobs ("circle"), each divided by its maximum.
    pub image1: Vec<ArrayD<f64>>,
    /// Noisy boxes ("square"), each divided by its maximum.
    pub image2: Vec<ArrayD<f64>>,
    /// The group label of each row.
    pub group: Vec<String>,
    /// Fraction of `image1` pixels above the threshold (`(x > 0.4).mean()`).
    pub image1_area: Vec<f64>,
    /// Fraction of `image2` pixels above the threshold.
    pub image2_area: Vec<f64>,
}

impl BlobDataset {
    /// Generates the dataset: the same as [`make_blobs`].
    pub fn generate(options: &BlobOptions) -> Result<Self, BlobError> {
        make_blobs(options)
    }

    /// Number of rows.
    pub fn len(&self) -> usize {
        self.group.len()
    }

    /// Whether there are no rows.
    pub fn is_empty(&self) -> bool {
        self.group.is_empty()
    }
}

/// Checks the options as [`make_blobs`] does before drawing anything: sizes,
/// the memory budget, the size lists.
pub fn check_options(options: &BlobOptions) -> Result<(), BlobError> {
    draws::check(options)
}

/// Generates the blob dataset described by `options` (see the module docs).
///
/// 0 rows gives an empty dataset; a width or ndim of 0, empty or non-positive
/// sizes, an empty group list (with rows) or an image that cannot be
/// normalised are errors.
pub fn make_blobs(options: &BlobOptions) -> Result<BlobDataset, BlobError> {
    make_blobs_with(options, |_, _, _| {})
}

/// [`make_blobs`], handing each normalised image to `each(kind, row, image)`
/// on the pool thread that made it, as soon as it is made (circles of every
/// row first, in no fixed order, then squares), so work on the images can
/// overlap the draws of the later rows. Images that fail to normalise are
/// not handed over.
pub fn make_blobs_with<F>(options: &BlobOptions, each: F) -> Result<BlobDataset, BlobError>
where
    F: Fn(BlobKind, usize, &ArrayD<f64>) + Sync,
{
    draws::check(options)?;
    let rows = options.rows;
    let mut circles: Vec<Option<Finished>> = (0..rows).map(|_| None).collect();
    let mut squares: Vec<Option<Finished>> = (0..rows).map(|_| None).collect();
    let each = &each;
    // The draws run in order on this thread; each row's image is handed to
    // the pool as soon as its numbers are drawn, so filtering overlaps drawing.
    let group = rayon::scope(|scope| -> Result<Vec<String>, BlobError> {
        let mut rng = default_rng(options.seed.clone());
        let (width, threshold) = (options.width, options.area_threshold);
        for (row, slot) in circles.iter_mut().enumerate() {
            let draw = CircleDraw::draw(&mut rng, options)?;
            scope.spawn(move |_| {
                let finished = impulse::gaussian(width, &draw.point, draw.sigma)
                    .map_err(Into::into)
                    .and_then(|image| finish(BlobKind::Circle, row, image, threshold));
                if let Ok((image, _)) = &finished {
                    each(BlobKind::Circle, row, image);
                }
                *slot = Some(finished);
            });
        }
        for (row, slot) in squares.iter_mut().enumerate() {
            let draw = SquareDraw::draw(&mut rng, options)?;
            scope.spawn(move |_| {
                let finished = impulse::uniform(width, &draw.point, draw.size)
                    .map_err(Into::into)
                    .and_then(|image| {
                        finish(
                            BlobKind::Square,
                            row,
                            draws::times_noise(image, draw.noise),
                            threshold,
                        )
                    });
                if let Ok((image, _)) = &finished {
                    each(BlobKind::Square, row, image);
                }
                *slot = Some(finished);
            });
        }
        let group = rng.choice_array(&options.groups, rows)?;
        Ok(group.into_raw_vec_and_offset().0)
    })?;
    let (image1, image1_area) = unzip_rows(circles)?;
    let (image2, image2_area) = unzip_rows(squares)?;
    Ok(BlobDataset {
        image1,
        image2,
        group,
        image1_area,
        image2_area,
    })
}

/// A row's normalised image and its area, or why it failed.
type Finished = Result<(ArrayD<f64>, f64), BlobError>;

/// `im / im.max()` and `(im > threshold).mean()`.
fn finish(kind: BlobKind, row: usize, mut image: ArrayD<f64>, threshold: f64) -> Finished {
    let area = normalize_and_measure(&mut image, threshold)
        .map_err(|max| BlobError::BadMaximum { kind, row, max })?;
    Ok((image, area))
}

/// The images and areas of every row, or the first row's error.
fn unzip_rows(rows: Vec<Option<Finished>>) -> Result<(Vec<ArrayD<f64>>, Vec<f64>), BlobError> {
    let mut images = Vec::with_capacity(rows.len());
    let mut areas = Vec::with_capacity(rows.len());
    for row in rows {
        // Every slot is filled before the scope ends: a row without a result
        // can only follow a failed draw, which was returned already.
        let (image, area) = row.unwrap_or_else(|| unreachable!("row without a result"))?;
        images.push(image);
        areas.push(area);
    }
    Ok((images, areas))
}
