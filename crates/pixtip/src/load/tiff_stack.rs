//! Multi-page TIFF files as stacks: page i is row i, read one page at a
//! time through the `tiff` crate (8/16/32/64-bit integers, float32 and
//! float64; gray, RGB and RGBA), as instruments and tifffile write them.

use super::image_file::{MAX_PIXELS, check_size};
use crate::error::PixtipError;
use crate::images::{ElementType, ImageSource, Pixels};
use ndarray::ArrayD;
use std::fs::File;
use std::io::BufReader;
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use tiff::ColorType;
use tiff::decoder::{Decoder, DecodingResult, Limits};
use tiff::tags::Tag;

/// The most pages a stack may have (each costs a few bytes of bookkeeping).
const MAX_PAGES: usize = 1 << 24;

type TiffDecoder = Decoder<BufReader<File>>;

/// A multi-page TIFF read one page at a time; every page must have the
/// first page's size, colours and sample type.
pub struct TiffStack {
    path: PathBuf,
    pages: usize,
    /// Height, width and channels of every page.
    shape: Vec<usize>,
    element: ElementType,
    /// Decoders that have walked the page list, one per thread at most.
    decoders: Mutex<Vec<TiffDecoder>>,
}

impl std::fmt::Debug for TiffStack {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("TiffStack")
            .field("path", &self.path)
            .field("pages", &self.pages)
            .field("shape", &self.shape)
            .field("element", &self.element)
            .finish_non_exhaustive()
    }
}

/// A page's shape and element type, or why it cannot be a stack's page.
fn page_layout(decoder: &mut TiffDecoder) -> Result<(Vec<usize>, ElementType), String> {
    let (width, height) = decoder
        .dimensions()
        .map_err(|e| format!("cannot read its size: {e}"))?;
    check_size(width, height)?;
    let colour = decoder
        .colortype()
        .map_err(|e| format!("cannot read its colours: {e}"))?;
    let (channels, bits) = match colour {
        ColorType::Gray(bits) => (1, bits),
        ColorType::RGB(bits) => (3, bits),
        ColorType::RGBA(bits) => (4, bits),
        other => return Err(format!("is {other:?}; pages must be gray, RGB or RGBA")),
    };
    let format = decoder
        .find_tag_unsigned::<u16>(Tag::SampleFormat)
        .ok()
        .flatten()
        .unwrap_or(1);
    let element = match (format, bits) {
        (1, 8) => ElementType::U8,
        (1, 16) => ElementType::U16,
        (1, 32) => ElementType::U32,
        (1, 64) => ElementType::U64,
        (2, 8) => ElementType::I8,
        (2, 16) => ElementType::I16,
        (2, 32) => ElementType::I32,
        (2, 64) => ElementType::I64,
        (3, 32) => ElementType::F32,
        (3, 64) => ElementType::F64,
        _ => {
            return Err(format!(
                "has {bits}-bit samples of format {format}, not read"
            ));
        }
    };
    let mut shape = vec![height as usize, width as usize];
    if channels > 1 {
        shape.push(channels);
    }
    Ok((shape, element))
}

fn describe(shape: &[usize], element: ElementType) -> String {
    let size = format!("{}×{} pixels", shape[1], shape[0]);
    match shape.get(2) {
        Some(c) => format!("{size} of {c} channels of {element}"),
        None => format!("{size} of {element}"),
    }
}

impl TiffStack {
    /// Opens `path` and checks every page's size and type against the first.
    pub fn open(path: &Path) -> Result<TiffStack, PixtipError> {
        let bad = |message: String| PixtipError::bad_file(path, message);
        let mut decoder = open_decoder(path)?;
        let (shape, element) = page_layout(&mut decoder).map_err(|m| bad(format!("page 0 {m}")))?;
        let mut pages = 1;
        while decoder.more_images() {
            if pages >= MAX_PAGES {
                return Err(bad(format!("more than {MAX_PAGES} pages")));
            }
            decoder
                .next_image()
                .map_err(|e| bad(format!("cannot read page {pages}: {e}")))?;
            let (page_shape, page_element) =
                page_layout(&mut decoder).map_err(|m| bad(format!("page {pages} {m}")))?;
            if (&page_shape, page_element) != (&shape, element) {
                return Err(bad(format!(
                    "page {pages} is {}, but page 0 is {}: a stack's pages must all be alike",
                    describe(&page_shape, page_element),
                    describe(&shape, element)
                )));
            }
            pages += 1;
        }
        Ok(TiffStack {
            path: path.to_path_buf(),
            pages,
            shape,
            element,
            decoders: Mutex::new(vec![decoder]),
        })
    }

    fn read_page(&self, decoder: &mut TiffDecoder, page: usize) -> Result<Pixels, String> {
        decoder
            .seek_to_image(page)
            .map_err(|e| format!("cannot find page {page}: {e}"))?;
        let layout = page_layout(decoder).map_err(|m| format!("page {page} {m}"))?;
        if layout != (self.shape.clone(), self.element) {
            return Err(format!("page {page} changed while the file was read"));
        }
        let values = decoder
            .read_image()
            .map_err(|e| format!("cannot decode page {page}: {e}"))?;
        fn shaped<T>(shape: &[usize], values: Vec<T>) -> Result<Pixels, String>
        where
            Pixels: From<ArrayD<T>>,
        {
            ArrayD::from_shape_vec(shape.to_vec(), values)
                .map(Pixels::from)
                .map_err(|e| format!("the page's samples do not fill its size: {e}"))
        }
        let shape = &self.shape;
        match values {
            DecodingResult::U8(v) => shaped(shape, v),
            DecodingResult::U16(v) => shaped(shape, v),
            DecodingResult::U32(v) => shaped(shape, v),
            DecodingResult::U64(v) => shaped(shape, v),
            DecodingResult::I8(v) => shaped(shape, v),
            DecodingResult::I16(v) => shaped(shape, v),
            DecodingResult::I32(v) => shaped(shape, v),
            DecodingResult::I64(v) => shaped(shape, v),
            DecodingResult::F32(v) => shaped(shape, v),
            DecodingResult::F64(v) => shaped(shape, v),
            DecodingResult::F16(_) => Err(format!("page {page} has float16 samples, not read")),
        }
    }
}

fn open_decoder(path: &Path) -> Result<TiffDecoder, PixtipError> {
    let file = File::open(path).map_err(|source| PixtipError::Io {
        path: path.to_path_buf(),
        source,
    })?;
    let decoder = Decoder::new(BufReader::new(file)).map_err(|e| PixtipError::BadFile {
        path: path.to_path_buf(),
        message: format!("not a readable TIFF: {e}"),
    })?;
    let mut limits = Limits::default();
    limits.decoding_buffer_size = usize::try_from(MAX_PIXELS * 8).unwrap_or(usize::MAX);
    Ok(decoder.with_limits(limits))
}

impl ImageSource for TiffStack {
    fn len(&self) -> usize {
        self.pages
    }

    fn element_type(&self) -> Option<ElementType> {
        Some(self.element)
    }

    fn image(&self, row: usize) -> Result<Pixels, PixtipError> {
        if row >= self.pages {
            return Err(PixtipError::RowOutOfRange {
                row,
                rows: self.pages,
            });
        }
        let pooled = self.decoders.lock().ok().and_then(|mut pool| pool.pop());
        let mut decoder = match pooled {
            Some(decoder) => decoder,
            None => open_decoder(&self.path)?,
        };
        let result = self.read_page(&mut decoder, row);
        if result.is_ok()
            && let Ok(mut pool) = self.decoders.lock()
        {
            pool.push(decoder);
        }
        result.map_err(|message| PixtipError::BadFile {
            path: self.path.clone(),
            message,
        })
    }

    fn origin(&self) -> String {
        self.path.display().to_string()
    }
}
