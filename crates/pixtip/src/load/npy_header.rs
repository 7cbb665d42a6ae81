//! The `.npy` header: magic, version, and a Python dict literal giving the
//! dtype, order and shape, parsed by hand (never evaluated).

use crate::images::ElementType;

pub(crate) const MAGIC: &[u8] = b"\x93NUMPY";
/// numpy itself refuses headers over 10,000 bytes unless told otherwise.
pub(crate) const MAX_HEADER: usize = 1 << 20;

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
