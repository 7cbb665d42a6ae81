//! Folders of image files (PNG, TIFF, JPEG; 8- and 16-bit; gray and
//! colour), decoded one file at a time through the `image` crate, and gray
//! TIFFs of 32- and 64-bit samples (float32 and the like) through `tiff`.

use crate::error::PixtipError;
use crate::images::{ElementType, ImageSource, Pixels};
use ndarray::{Array2, Array3};
use pixtip_compose::image::{DynamicImage, ImageReader, Limits};
use std::path::{Component, Path, PathBuf};

/// The largest image a file may declare: 2^28 pixels (16384 × 16384).
const MAX_PIXELS: u64 = 1 << 28;

/// Whether `path` names a file pixtip reads as an image (by its ending).
pub fn is_image_file(path: &Path) -> bool {
    matches!(
        extension(path).as_deref(),
        Some("png" | "tif" | "tiff" | "jpg" | "jpeg")
    )
}

/// The file's ending, in lower case.
fn extension(path: &Path) -> Option<String> {
    path.extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase)
}

/// Refuses an image that declares more than [`MAX_PIXELS`] before it is decoded.
fn check_size(width: u32, height: u32) -> Result<(), String> {
    if u64::from(width) * u64::from(height) > MAX_PIXELS {
        return Err(format!(
            "declares {width}×{height} pixels, more than the {MAX_PIXELS} allowed"
        ));
    }
    Ok(())
}

/// The image files of one folder, one row each.
#[derive(Debug, Clone)]
pub struct ImageFolder {
    dir: PathBuf,
    files: Vec<PathBuf>,
}

impl ImageFolder {
    /// The image files directly in `dir`, sorted by name (hidden files and
    /// links that lead out of the folder are left out).
    pub fn open(dir: &Path) -> Result<ImageFolder, PixtipError> {
        let io = |source| PixtipError::Io {
            path: dir.to_path_buf(),
            source,
        };
        let root = dir.canonicalize().map_err(io)?;
        let mut files = Vec::new();
        for entry in std::fs::read_dir(dir).map_err(io)? {
            let entry = entry.map_err(io)?;
            let path = entry.path();
            let hidden = entry.file_name().to_string_lossy().starts_with('.');
            if hidden || !is_image_file(&path) {
                continue;
            }
            match path.canonicalize() {
                Ok(real) if real.starts_with(&root) && real.is_file() => files.push(path),
                _ => continue,
            }
        }
        files.sort();
        if files.is_empty() {
            return Err(PixtipError::BadFile {
                path: dir.to_path_buf(),
                message: "the folder holds no PNG, TIFF or JPEG files".into(),
            });
        }
        Ok(ImageFolder {
            dir: dir.to_path_buf(),
            files,
        })
    }

    /// The files named by `names` (a table's file column), relative to `dir`,
    /// in that order. A name that is absolute, climbs out with `..`, or names
    /// no file in the folder is an error naming its row.
    pub fn with_names(
        dir: &Path,
        names: &[String],
        column: &str,
    ) -> Result<ImageFolder, PixtipError> {
        let root = dir.canonicalize().map_err(|source| PixtipError::Io {
            path: dir.to_path_buf(),
            source,
        })?;
        let mut files = Vec::with_capacity(names.len());
        for (row, name) in names.iter().enumerate() {
            let bad = |message: String| PixtipError::AtRow {
                column: column.to_string(),
                row,
                source: Box::new(PixtipError::BadFile {
                    path: PathBuf::from(name),
                    message,
                }),
            };
            let relative = Path::new(name);
            let safe = !name.is_empty()
                && relative
                    .components()
                    .all(|c| matches!(c, Component::Normal(_) | Component::CurDir));
            if !safe {
                return Err(bad(format!(
                    "file names must be relative to {} without `..`",
                    dir.display()
                )));
            }
            let path = dir.join(relative);
            match path.canonicalize() {
                Ok(real) if real.starts_with(&root) && real.is_file() => files.push(path),
                Ok(_) => {
                    return Err(bad(format!(
                        "leads out of {} or is not a file",
                        dir.display()
                    )));
                }
                Err(_) => return Err(bad(format!("no such file in {}", dir.display()))),
            }
        }
        Ok(ImageFolder {
            dir: dir.to_path_buf(),
            files,
        })
    }

    /// The files, in row order.
    pub fn files(&self) -> &[PathBuf] {
        &self.files
    }
}

impl ImageSource for ImageFolder {
    fn len(&self) -> usize {
        self.files.len()
    }

    fn element_type(&self) -> Option<ElementType> {
        None
    }

    fn image(&self, row: usize) -> Result<Pixels, PixtipError> {
        let path = self.files.get(row).ok_or(PixtipError::RowOutOfRange {
            row,
            rows: self.files.len(),
        })?;
        read_image_file(path)
    }

    fn origin(&self) -> String {
        self.dir.display().to_string()
    }
}

/// One image file as pixels in its own depth: 8-bit as `uint8`, 16-bit as
/// `uint16`, colour float TIFFs as `float32`, gray TIFFs of 32- or 64-bit
/// samples in their own type (`float32`, `float64`, `int32`, `uint32`, …);
/// gray as `H×W`, colour as `H×W×3|4` (gray with alpha keeps only the gray).
pub fn read_image_file(path: &Path) -> Result<Pixels, PixtipError> {
    let bad = |message: String| PixtipError::BadFile {
        path: path.to_path_buf(),
        message,
    };
    if let Some(pixels) = read_wide_gray_tiff(path)? {
        return Ok(pixels);
    }
    let mut reader = ImageReader::open(path)
        .map_err(|source| PixtipError::Io {
            path: path.to_path_buf(),
            source,
        })?
        .with_guessed_format()
        .map_err(|source| PixtipError::Io {
            path: path.to_path_buf(),
            source,
        })?;
    let mut limits = Limits::default();
    limits.max_image_width = Some(1 << 16);
    limits.max_image_height = Some(1 << 16);
    limits.max_alloc = Some(MAX_PIXELS * 8);
    reader.limits(limits);
    let (width, height) = reader
        .into_dimensions()
        .map_err(|source| PixtipError::Image {
            path: path.to_path_buf(),
            what: "cannot read the image",
            source,
        })?;
    check_size(width, height).map_err(bad)?;
    let mut reader = ImageReader::open(path)
        .and_then(|r| r.with_guessed_format())
        .map_err(|source| PixtipError::Io {
            path: path.to_path_buf(),
            source,
        })?;
    let mut limits = Limits::default();
    limits.max_alloc = Some(MAX_PIXELS * 8);
    reader.limits(limits);
    let image = reader.decode().map_err(|source| PixtipError::Image {
        path: path.to_path_buf(),
        what: "cannot decode the image",
        source,
    })?;
    let (w, h) = (image.width() as usize, image.height() as usize);
    let shaped = |channels: usize| {
        if channels == 1 {
            vec![h, w]
        } else {
            vec![h, w, channels]
        }
    };
    fn build<T>(shape: Vec<usize>, values: Vec<T>) -> Result<ndarray::ArrayD<T>, String> {
        ndarray::ArrayD::from_shape_vec(shape, values).map_err(|e| e.to_string())
    }
    let pixels = match image {
        DynamicImage::ImageLuma8(i) => Pixels::from(build(shaped(1), i.into_raw()).map_err(bad)?),
        DynamicImage::ImageLumaA8(i) => Pixels::from(
            Array2::from_shape_vec((h, w), i.into_raw().chunks_exact(2).map(|p| p[0]).collect())
                .map_err(|e| bad(e.to_string()))?,
        ),
        DynamicImage::ImageRgb8(i) => Pixels::from(build(shaped(3), i.into_raw()).map_err(bad)?),
        DynamicImage::ImageRgba8(i) => Pixels::from(build(shaped(4), i.into_raw()).map_err(bad)?),
        DynamicImage::ImageLuma16(i) => Pixels::from(build(shaped(1), i.into_raw()).map_err(bad)?),
        DynamicImage::ImageLumaA16(i) => Pixels::from(
            Array2::from_shape_vec((h, w), i.into_raw().chunks_exact(2).map(|p| p[0]).collect())
                .map_err(|e| bad(e.to_string()))?,
        ),
        DynamicImage::ImageRgb16(i) => Pixels::from(build(shaped(3), i.into_raw()).map_err(bad)?),
        DynamicImage::ImageRgba16(i) => Pixels::from(build(shaped(4), i.into_raw()).map_err(bad)?),
        DynamicImage::ImageRgb32F(i) => Pixels::from(build(shaped(3), i.into_raw()).map_err(bad)?),
        DynamicImage::ImageRgba32F(i) => Pixels::from(build(shaped(4), i.into_raw()).map_err(bad)?),
        other => {
            let rgb = other.to_rgb32f();
            Pixels::from(
                Array3::from_shape_vec((h, w, 3), rgb.into_raw())
                    .map_err(|e| bad(e.to_string()))?,
            )
        }
    };
    Ok(pixels)
}

/// A gray TIFF of 32- or 64-bit samples (a float32 export from a microscope,
/// say), which the image crate does not decode; `None` for any other file,
/// TIFF or not, which the image crate then reads or refuses.
fn read_wide_gray_tiff(path: &Path) -> Result<Option<Pixels>, PixtipError> {
    use tiff::ColorType;
    use tiff::decoder::{Decoder, DecodingResult, Limits};
    if !matches!(extension(path).as_deref(), Some("tif" | "tiff")) {
        return Ok(None);
    }
    let file = std::fs::File::open(path).map_err(|source| PixtipError::Io {
        path: path.to_path_buf(),
        source,
    })?;
    let Ok(decoder) = Decoder::new(std::io::BufReader::new(file)) else {
        return Ok(None);
    };
    let mut limits = Limits::default();
    limits.decoding_buffer_size = usize::try_from(MAX_PIXELS * 8).unwrap_or(usize::MAX);
    let mut decoder = decoder.with_limits(limits);
    if !matches!(decoder.colortype(), Ok(ColorType::Gray(32 | 64))) {
        return Ok(None);
    }
    let bad = |message: String| PixtipError::BadFile {
        path: path.to_path_buf(),
        message,
    };
    let (width, height) = decoder
        .dimensions()
        .map_err(|e| bad(format!("cannot read the image: {e}")))?;
    check_size(width, height).map_err(bad)?;
    let shape = (height as usize, width as usize);
    fn grid<T>(shape: (usize, usize), values: Vec<T>) -> Result<Array2<T>, String> {
        Array2::from_shape_vec(shape, values).map_err(|e| e.to_string())
    }
    let image = decoder
        .read_image()
        .map_err(|e| bad(format!("cannot decode the image: {e}")))?;
    let pixels = match image {
        DecodingResult::F32(v) => Pixels::from(grid(shape, v).map_err(bad)?),
        DecodingResult::F64(v) => Pixels::from(grid(shape, v).map_err(bad)?),
        DecodingResult::U32(v) => Pixels::from(grid(shape, v).map_err(bad)?),
        DecodingResult::I32(v) => Pixels::from(grid(shape, v).map_err(bad)?),
        DecodingResult::U64(v) => Pixels::from(grid(shape, v).map_err(bad)?),
        DecodingResult::I64(v) => Pixels::from(grid(shape, v).map_err(bad)?),
        _ => return Ok(None),
    };
    Ok(Some(pixels))
}
