//! numpy's `.npy` format: the header parsed by hand (a Python dict literal,
//! never evaluated), the data read one image at a time.

use crate::error::PixtipError;
use crate::images::{ElementType, ImageSource, Pixels, Stack};
use ndarray::{ArrayD, IxDyn, ShapeBuilder};
use std::fs::File;
use std::path::{Path, PathBuf};

const MAGIC: &[u8] = b"\x93NUMPY";
/// numpy itself refuses headers over 10,000 bytes unless told otherwise.
const MAX_HEADER: usize = 1 << 20;

/// Byte order of multi-byte elements.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ByteOrder {
    /// `<`
    Little,
    /// `>`
    Big,
}

/// What a `.npy` header says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NpyHeader {
    /// The element type.
    pub element: ElementType,
    /// The byte order of its elements.
    pub order: ByteOrder,
    /// Whether the data is in Fortran (column-major) order.
    pub fortran_order: bool,
    /// The array's shape.
    pub shape: Vec<usize>,
    /// Where the data starts in the file.
    pub data_offset: usize,
    /// Bytes of data the shape needs.
    pub data_bytes: u64,
}

/// Parses the header at the start of `bytes` (the whole header must be there).
/// Errors are one-line reasons.
pub fn parse_npy_header(bytes: &[u8]) -> Result<NpyHeader, String> {
    if bytes.len() < 10 || &bytes[..6] != MAGIC {
        return Err("not a .npy file (no \\x93NUMPY magic)".into());
    }
    let major = bytes[6];
    let (length, start) = match major {
        1 => (usize::from(u16::from_le_bytes([bytes[8], bytes[9]])), 10),
        2 | 3 => {
            if bytes.len() < 12 {
                return Err("truncated .npy header".into());
            }
            let length = u32::from_le_bytes([bytes[8], bytes[9], bytes[10], bytes[11]]);
            (usize::try_from(length).unwrap_or(usize::MAX), 12)
        }
        other => return Err(format!(".npy format version {other} is not supported")),
    };
    if length > MAX_HEADER {
        return Err(format!(
            "the .npy header claims {length} bytes; at most {MAX_HEADER} are read"
        ));
    }
    let end = start + length;
    let text = bytes
        .get(start..end)
        .ok_or_else(|| "truncated .npy header".to_string())?;
    let text = std::str::from_utf8(text).map_err(|_| "the .npy header is not text".to_string())?;
    let dict = DictParser::new(text).dict()?;
    let descr = dict.descr.ok_or("the .npy header has no 'descr'")?;
    let shape = dict.shape.ok_or("the .npy header has no 'shape'")?;
    let fortran_order = dict
        .fortran_order
        .ok_or("the .npy header has no 'fortran_order'")?;
    let (element, order) = parse_descr(&descr)?;
    let count = shape
        .iter()
        .try_fold(1u64, |n, &d| n.checked_mul(d as u64))
        .ok_or_else(|| format!("the shape {shape:?} has more elements than can be counted"))?;
    let data_bytes = count
        .checked_mul(element.size() as u64)
        .ok_or_else(|| format!("the shape {shape:?} needs more bytes than can be counted"))?;
    Ok(NpyHeader {
        element,
        order,
        fortran_order,
        shape,
        data_offset: end,
        data_bytes,
    })
}

/// `'<f4'`, `'|u1'`, `'>i2'`… to an element type; the rest is refused with
/// the reason (object arrays are never unpickled).
fn parse_descr(descr: &str) -> Result<(ElementType, ByteOrder), String> {
    let refuse = |what: &str| {
        Err(format!(
            "dtype '{descr}' ({what}) cannot be shown as images"
        ))
    };
    let mut chars = descr.chars();
    let (order, rest) = match chars.next() {
        Some('<' | '|' | '=') => (ByteOrder::Little, chars.as_str()),
        Some('>') => (ByteOrder::Big, chars.as_str()),
        _ => (ByteOrder::Little, descr),
    };
    if cfg!(target_endian = "big") && descr.starts_with('=') {
        return refuse("native big-endian");
    }
    let element = match rest {
        "b1" | "?" => ElementType::Bool,
        "u1" | "B" => ElementType::U8,
        "i1" | "b" => ElementType::I8,
        "u2" => ElementType::U16,
        "i2" => ElementType::I16,
        "u4" => ElementType::U32,
        "i4" => ElementType::I32,
        "u8" => ElementType::U64,
        "i8" => ElementType::I64,
        "f4" => ElementType::F32,
        "f8" => ElementType::F64,
        r if r.starts_with('O') => return refuse("Python objects; pickles are never loaded"),
        r if r.starts_with('c') => return refuse("complex numbers"),
        r if r.starts_with('U') || r.starts_with('S') => return refuse("strings"),
        r if r.starts_with('f') => return refuse("a float size other than 4 or 8 bytes"),
        r if r.starts_with('M') || r.starts_with('m') => return refuse("dates or times"),
        _ => return refuse("not a plain number type"),
    };
    Ok((element, order))
}

#[derive(Default)]
struct Dict {
    descr: Option<String>,
    fortran_order: Option<bool>,
    shape: Option<Vec<usize>>,
}

/// The tiny subset of Python literals a `.npy` header holds.
struct DictParser<'a> {
    text: &'a [u8],
    at: usize,
}

impl<'a> DictParser<'a> {
    fn new(text: &'a str) -> Self {
        DictParser {
            text: text.as_bytes(),
            at: 0,
        }
    }

    fn skip_space(&mut self) {
        while self.at < self.text.len() && self.text[self.at].is_ascii_whitespace() {
            self.at += 1;
        }
    }

    fn peek(&mut self) -> Option<u8> {
        self.skip_space();
        self.text.get(self.at).copied()
    }

    fn expect(&mut self, byte: u8) -> Result<(), String> {
        if self.peek() == Some(byte) {
            self.at += 1;
            Ok(())
        } else {
            Err(format!(
                "the .npy header is not a dict literal (expected '{}' at byte {})",
                byte as char, self.at
            ))
        }
    }

    fn string(&mut self) -> Result<String, String> {
        let quote = self.peek().filter(|q| *q == b'\'' || *q == b'"');
        let quote = quote
            .ok_or_else(|| format!("expected a string at byte {} of the .npy header", self.at))?;
        self.at += 1;
        let start = self.at;
        while self.at < self.text.len() && self.text[self.at] != quote {
            if self.text[self.at] == b'\\' {
                return Err("escapes in .npy header strings are not supported".into());
            }
            self.at += 1;
        }
        let value = std::str::from_utf8(&self.text[start..self.at])
            .map_err(|_| "the .npy header is not text".to_string())?
            .to_string();
        self.expect(quote)?;
        Ok(value)
    }

    fn word(&mut self) -> &'a [u8] {
        self.skip_space();
        let start = self.at;
        while self.at < self.text.len()
            && (self.text[self.at].is_ascii_alphanumeric() || self.text[self.at] == b'_')
        {
            self.at += 1;
        }
        &self.text[start..self.at]
    }

    fn boolean(&mut self) -> Result<bool, String> {
        match self.word() {
            b"True" => Ok(true),
            b"False" => Ok(false),
            _ => Err("'fortran_order' in the .npy header is not True or False".into()),
        }
    }

    fn shape(&mut self) -> Result<Vec<usize>, String> {
        self.expect(b'(')?;
        let mut shape = Vec::new();
        loop {
            if self.peek() == Some(b')') {
                self.at += 1;
                return Ok(shape);
            }
            let digits = self.word();
            let text = std::str::from_utf8(digits).unwrap_or("");
            // Python may write `3L` (Python 2) for longs.
            let text = text.strip_suffix('L').unwrap_or(text);
            let value: usize = text
                .parse()
                .map_err(|_| format!("'shape' in the .npy header holds `{text}`, not a size"))?;
            shape.push(value);
            if shape.len() > 32 {
                return Err("'shape' in the .npy header has more than 32 dimensions".into());
            }
            match self.peek() {
                Some(b',') => self.at += 1,
                Some(b')') => {}
                _ => return Err("'shape' in the .npy header is not a tuple".into()),
            }
        }
    }

    fn dict(&mut self) -> Result<Dict, String> {
        let mut dict = Dict::default();
        self.expect(b'{')?;
        loop {
            if self.peek() == Some(b'}') {
                self.at += 1;
                break;
            }
            let key = self.string()?;
            self.expect(b':')?;
            match key.as_str() {
                "descr" => {
                    if self.peek() == Some(b'[') {
                        return Err("structured dtypes (records) cannot be shown as images".into());
                    }
                    dict.descr = Some(self.string()?);
                }
                "fortran_order" => dict.fortran_order = Some(self.boolean()?),
                "shape" => dict.shape = Some(self.shape()?),
                other => return Err(format!("unknown key '{other}' in the .npy header")),
            }
            match self.peek() {
                Some(b',') => self.at += 1,
                Some(b'}') => {}
                _ => return Err("the .npy header is not a dict literal".into()),
            }
        }
        Ok(dict)
    }
}

/// Decodes `count` elements from `bytes` into an array of `shape`
/// (row-major, or column-major when `fortran`).
fn decode(
    header: &NpyHeader,
    bytes: &[u8],
    shape: &[usize],
    fortran: bool,
) -> Result<Pixels, String> {
    macro_rules! numbers {
        ($t:ty) => {{
            const N: usize = std::mem::size_of::<$t>();
            let values: Vec<$t> = bytes
                .chunks_exact(N)
                .map(|chunk| {
                    let mut raw = [0u8; N];
                    raw.copy_from_slice(chunk);
                    match header.order {
                        ByteOrder::Little => <$t>::from_le_bytes(raw),
                        ByteOrder::Big => <$t>::from_be_bytes(raw),
                    }
                })
                .collect();
            Pixels::from(array(values, shape, fortran)?)
        }};
    }
    Ok(match header.element {
        ElementType::Bool => Pixels::from(array(
            bytes.iter().map(|&b| b != 0).collect(),
            shape,
            fortran,
        )?),
        ElementType::U8 => Pixels::from(array(bytes.to_vec(), shape, fortran)?),
        ElementType::I8 => numbers!(i8),
        ElementType::U16 => numbers!(u16),
        ElementType::I16 => numbers!(i16),
        ElementType::U32 => numbers!(u32),
        ElementType::I32 => numbers!(i32),
        ElementType::U64 => numbers!(u64),
        ElementType::I64 => numbers!(i64),
        ElementType::F32 => numbers!(f32),
        ElementType::F64 => numbers!(f64),
    })
}

fn array<T>(values: Vec<T>, shape: &[usize], fortran: bool) -> Result<ArrayD<T>, String> {
    let shape = IxDyn(shape);
    let result = if fortran {
        ArrayD::from_shape_vec(shape.f(), values)
    } else {
        ArrayD::from_shape_vec(shape, values)
    };
    result.map_err(|e| format!("data does not fit the shape: {e}"))
}

/// How a stack's shape splits into rows and one image's shape.
fn rows_and_image_shape(shape: &[usize]) -> Result<(usize, Vec<usize>), String> {
    match shape.len() {
        2 => Ok((1, shape.to_vec())),
        3 | 4 => Ok((shape[0], shape[1..].to_vec())),
        n => Err(format!(
            "an array of shape {shape:?} ({n}-D) is not images: expected H×W, N×H×W, N×H×W×3|4 or N×D×H×W"
        )),
    }
}

/// A `.npy` file read one image at a time: `H×W` is one image, `N×H×W`
/// gray images, `N×H×W×3|4` colour images, `N×D×H×W` volumes.
///
/// Row-major files are never read whole: each row is read from its offset
/// when asked for. Fortran-ordered files are read whole once (at most
/// [`MAX_ARRAY_BYTES`](super::MAX_ARRAY_BYTES)), in their own element type.
#[derive(Debug)]
pub struct NpyStack {
    path: PathBuf,
    file: File,
    header: NpyHeader,
    rows: usize,
    image_shape: Vec<usize>,
    image_bytes: u64,
    whole: Option<Pixels>,
}

impl NpyStack {
    /// Opens `path` and checks its header against the file's size.
    pub fn open(path: &Path) -> Result<NpyStack, PixtipError> {
        let bad = |message: String| PixtipError::BadFile {
            path: path.to_path_buf(),
            message,
        };
        let io = |source| PixtipError::Io {
            path: path.to_path_buf(),
            source,
        };
        let mut file = File::open(path).map_err(io)?;
        let length = file.metadata().map_err(io)?.len();
        let mut head = Vec::new();
        std::io::Read::read_to_end(
            &mut std::io::Read::take(&mut file, (MAX_HEADER + 12) as u64),
            &mut head,
        )
        .map_err(io)?;
        let header = parse_npy_header(&head).map_err(bad)?;
        let (rows, image_shape) = rows_and_image_shape(&header.shape).map_err(bad)?;
        let needed = header.data_offset as u64 + header.data_bytes;
        if length < needed {
            return Err(bad(format!(
                "the header says shape {:?} of {} ({} bytes of data), but the file holds only {} bytes of data",
                header.shape,
                header.element,
                header.data_bytes,
                length.saturating_sub(header.data_offset as u64)
            )));
        }
        let image_bytes = header.data_bytes / rows.max(1) as u64;
        let whole = if header.fortran_order && header.data_bytes > 0 {
            if header.data_bytes > super::MAX_ARRAY_BYTES {
                return Err(bad(format!(
                    "a Fortran-ordered array of {} bytes is read whole, and that is over the limit of {} bytes",
                    header.data_bytes,
                    super::MAX_ARRAY_BYTES
                )));
            }
            let mut bytes = vec![0u8; header.data_bytes as usize];
            read_at(&file, &mut bytes, header.data_offset as u64).map_err(io)?;
            let shape = if header.shape.len() == 2 {
                let mut s = vec![1];
                s.extend_from_slice(&header.shape);
                s
            } else {
                header.shape.clone()
            };
            // A 2-D Fortran array is one image; as 1×H×W its F layout is the same bytes.
            Some(decode(&header, &bytes, &shape, true).map_err(bad)?)
        } else {
            None
        };
        Ok(NpyStack {
            path: path.to_path_buf(),
            file,
            header,
            rows,
            image_shape,
            image_bytes,
            whole,
        })
    }

    /// The header.
    pub fn header(&self) -> &NpyHeader {
        &self.header
    }
}

#[cfg(unix)]
fn read_at(file: &File, buffer: &mut [u8], offset: u64) -> std::io::Result<()> {
    std::os::unix::fs::FileExt::read_exact_at(file, buffer, offset)
}

#[cfg(windows)]
fn read_at(file: &File, mut buffer: &mut [u8], mut offset: u64) -> std::io::Result<()> {
    use std::os::windows::fs::FileExt;
    while !buffer.is_empty() {
        match file.seek_read(buffer, offset)? {
            0 => return Err(std::io::ErrorKind::UnexpectedEof.into()),
            n => {
                buffer = &mut buffer[n..];
                offset += n as u64;
            }
        }
    }
    Ok(())
}

impl ImageSource for NpyStack {
    fn len(&self) -> usize {
        self.rows
    }

    fn element_type(&self) -> Option<ElementType> {
        Some(self.header.element)
    }

    fn image(&self, row: usize) -> Result<Pixels, PixtipError> {
        if row >= self.rows {
            return Err(PixtipError::RowOutOfRange {
                row,
                rows: self.rows,
            });
        }
        let bad = |message: String| PixtipError::BadFile {
            path: self.path.clone(),
            message,
        };
        if let Some(whole) = &self.whole {
            return Ok(whole.index_axis0(row));
        }
        let length =
            usize::try_from(self.image_bytes).map_err(|_| bad("image too large".into()))?;
        let mut bytes = vec![0u8; length];
        let offset = self.header.data_offset as u64 + row as u64 * self.image_bytes;
        read_at(&self.file, &mut bytes, offset).map_err(|source| PixtipError::Io {
            path: self.path.clone(),
            source,
        })?;
        decode(&self.header, &bytes, &self.image_shape, false).map_err(bad)
    }

    fn origin(&self) -> String {
        self.path.display().to_string()
    }
}

/// A whole `.npy` held in memory (an `.npz` member) as an image column's
/// source; `origin` names it in messages.
pub fn read_npy_bytes(bytes: &[u8], origin: &str) -> Result<crate::ImageColumn, PixtipError> {
    let bad = |message: String| PixtipError::Shape {
        origin: origin.to_string(),
        message,
    };
    let header = parse_npy_header(bytes).map_err(bad)?;
    rows_and_image_shape(&header.shape).map_err(bad)?;
    let data = usize::try_from(header.data_bytes)
        .ok()
        .and_then(|n| bytes.get(header.data_offset..header.data_offset.checked_add(n)?))
        .ok_or_else(|| {
            bad(format!(
                "the header says {} bytes of data, the member holds fewer",
                header.data_bytes
            ))
        })?;
    let mut shape = header.shape.clone();
    if shape.len() == 2 {
        shape.insert(0, 1);
    }
    let pixels = decode(&header, data, &shape, header.fortran_order).map_err(bad)?;
    Ok(crate::ImageColumn::from_source(Stack {
        pixels,
        origin: origin.to_string(),
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn header(dict: &str) -> Vec<u8> {
        let mut bytes = MAGIC.to_vec();
        bytes.extend([1, 0]);
        bytes.extend((dict.len() as u16).to_le_bytes());
        bytes.extend(dict.as_bytes());
        bytes
    }

    #[test]
    fn headers_parse_as_numpy_writes_them() {
        let h = parse_npy_header(&header(
            "{'descr': '<f4', 'fortran_order': False, 'shape': (100, 64, 64), }\n",
        ))
        .unwrap();
        assert_eq!(h.element, ElementType::F32);
        assert_eq!(h.shape, vec![100, 64, 64]);
        assert_eq!(h.data_bytes, 100 * 64 * 64 * 4);
        let h = parse_npy_header(&header(
            "{'descr': '>u2', 'fortran_order': True, 'shape': (3,), }",
        ))
        .unwrap();
        assert_eq!((h.order, h.fortran_order), (ByteOrder::Big, true));
    }

    #[test]
    fn bad_headers_say_why() {
        let cases = [
            (
                "{'descr': '|O', 'fortran_order': False, 'shape': (2,), }",
                "pickles are never loaded",
            ),
            (
                "{'descr': '<c16', 'fortran_order': False, 'shape': (2,), }",
                "complex",
            ),
            (
                "{'descr': '<U5', 'fortran_order': False, 'shape': (2,), }",
                "strings",
            ),
            (
                "{'descr': '<f4', 'fortran_order': False, 'shape': (4294967296, 4294967296, 4294967296), }",
                "counted",
            ),
            ("{'descr': '<f4', 'shape': (2,), }", "fortran_order"),
            (
                "{'descr': [('a', '<f4')], 'fortran_order': False, 'shape': (2,), }",
                "structured",
            ),
            ("__import__('os')", "dict literal"),
        ];
        for (dict, expected) in cases {
            let error = parse_npy_header(&header(dict)).unwrap_err();
            assert!(error.contains(expected), "{dict}: {error}");
        }
        assert!(parse_npy_header(b"garbage").unwrap_err().contains("magic"));
        let mut truncated = header("{'descr': '<f4', 'fortran_order': False, 'shape': (2,), }");
        truncated.truncate(20);
        assert!(
            parse_npy_header(&truncated)
                .unwrap_err()
                .contains("truncated")
        );
    }
}
