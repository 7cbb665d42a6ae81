//! The random numbers of each row, drawn in the Python's order, and the
//! checks that come before any drawing.

use super::{BlobError, BlobKind, BlobOptions};
use ndarray::{Array2, ArrayD};
use pixtip_random::{Generator, RandomError};

/// A circle row's draws: `points` and `rng.choice(sizes) * img_width`.
pub(super) struct CircleDraw {
    pub point: Vec<usize>,
    pub sigma: f64,
}

/// A square row's draws: `points`, the float filter size and the noise.
pub(super) struct SquareDraw {
    pub point: Vec<usize>,
    pub size: f64,
    pub noise: Array2<f64>,
}

impl CircleDraw {
    pub fn draw(rng: &mut Generator, options: &BlobOptions) -> Result<Self, BlobError> {
        let point = point(rng, options.width, options.ndim)?;
        let sigma = rng.choice(&options.circle_sizes)? * options.width as f64;
        Ok(CircleDraw { point, sigma })
    }
}

impl SquareDraw {
    pub fn draw(rng: &mut Generator, options: &BlobOptions) -> Result<Self, BlobError> {
        let point = point(rng, options.width, options.ndim)?;
        let size = rng.choice(&options.square_sizes)? * options.width as f64;
        // rng.normal(4, size=(img_width, img_width)): 2-D whatever ndim is.
        let noise = rng.normal_array(4.0, 1.0, (options.width, options.width))?;
        Ok(SquareDraw { point, size, noise })
    }
}

/// `(img_width * rng.random(n_dim)).astype(int)`.
fn point(rng: &mut Generator, width: usize, ndim: usize) -> Result<Vec<usize>, RandomError> {
    let unit = rng.random_array(ndim)?;
    // The product can round up to `width` only for the largest double below 1
    // (numpy would then raise IndexError); keep such a point on the last pixel.
    Ok(unit
        .iter()
        .map(|&u| ((width as f64 * u) as usize).min(width - 1))
        .collect())
}

/// `im * noise` with numpy's broadcasting: the 2-D noise multiplies the last
/// two axes (for a 1-D image the result is 2-D, as in numpy). A 2-D product
/// is written into the noise's own buffer, which saves an image-sized
/// allocation per row.
pub(super) fn times_noise(mut image: ArrayD<f64>, mut noise: Array2<f64>) -> ArrayD<f64> {
    if image.ndim() < 2 {
        return &image * &noise;
    }
    if image.ndim() == 2 && image.shape() == noise.shape() {
        noise.zip_mut_with(&image, |n, &p| *n *= p);
        return noise.into_dyn();
    }
    match (image.as_slice_mut(), noise.as_slice()) {
        (Some(pixels), Some(noise)) => {
            for plane in pixels.chunks_exact_mut(noise.len()) {
                for (p, &n) in plane.iter_mut().zip(noise) {
                    *p *= n;
                }
            }
        }
        _ => image *= &noise,
    }
    image
}

/// Everything that can be wrong with the options, found before any drawing.
pub(super) fn check(options: &BlobOptions) -> Result<(), BlobError> {
    let (width, ndim) = (options.width, options.ndim);
    if width == 0 {
        return Err(BlobError::ZeroWidth);
    }
    if ndim == 0 {
        return Err(BlobError::ZeroNdim);
    }
    let pixels = u32::try_from(ndim)
        .ok()
        .and_then(|n| width.checked_pow(n))
        .filter(|&p| p.max(width * width) <= isize::MAX as usize / 8);
    let Some(pixels) = pixels else {
        return Err(BlobError::TooLarge { width, ndim });
    };
    // Every row keeps two float64 images; each worker thread filters in a few more.
    let working = (rayon::current_num_threads() as u64 + 1) * 4;
    let needed = (options.rows as u64)
        .checked_mul(2)
        .and_then(|images| images.checked_add(working))
        .and_then(|images| images.checked_mul(pixels as u64))
        .and_then(|values| values.checked_mul(8));
    if needed.is_none_or(|n| n > options.memory_budget.0) {
        return Err(BlobError::OverBudget {
            rows: options.rows,
            width,
            ndim,
            needed,
            allowed: options.memory_budget.0,
        });
    }
    for (kind, sizes) in [
        (BlobKind::Circle, &options.circle_sizes),
        (BlobKind::Square, &options.square_sizes),
    ] {
        if sizes.is_empty() || sizes.iter().any(|s| !(s.is_finite() && *s > 0.0)) {
            return Err(BlobError::InvalidSizes {
                kind,
                sizes: sizes.clone(),
            });
        }
    }
    if options.groups.is_empty() && options.rows > 0 {
        return Err(BlobError::NoGroups { rows: options.rows });
    }
    Ok(())
}
