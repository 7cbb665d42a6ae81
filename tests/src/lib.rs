//! Helpers shared by the workspace's tests: where the golden fixtures and the
//! Python reference outputs live.

pub mod browser;

use std::path::PathBuf;

/// The workspace root (the folder holding the top-level `Cargo.toml`).
pub fn workspace_root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from("."))
}

/// `fixtures/<part>` below the workspace root.
pub fn fixture_path(part: &str) -> PathBuf {
    workspace_root().join("fixtures").join(part)
}

/// `fixtures/inputs/<relative>`: users' inputs of every kind, written with
/// what numpy and Pillow read from them by `cargo xtask fixtures inputs`.
pub fn input_path(relative: &str) -> PathBuf {
    fixture_path("inputs").join(relative)
}

/// A JSON file of the fixtures, parsed.
///
/// # Panics
/// When the file is missing or is not JSON: the fixtures are broken.
pub fn read_json(path: &std::path::Path) -> serde_json::Value {
    let text = std::fs::read_to_string(path)
        .unwrap_or_else(|e| panic!("{}: {e} (run `cargo xtask fixtures`)", path.display()));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// A value of `values.json`: a JSON number, or `"nan"`, `"inf"`, `"-inf"`.
///
/// # Panics
/// On anything else.
pub fn json_number(value: &serde_json::Value) -> f64 {
    match value {
        serde_json::Value::Number(n) => n.as_f64().unwrap_or(f64::NAN),
        serde_json::Value::String(s) if s == "nan" => f64::NAN,
        serde_json::Value::String(s) if s == "inf" => f64::INFINITY,
        serde_json::Value::String(s) if s == "-inf" => f64::NEG_INFINITY,
        other => panic!("not a number of values.json: {other}"),
    }
}

/// numpy's dtype name, shape and values of `key` in
/// `fixtures/inputs/values.json` (NaN and infinities included).
pub fn numpy_values(key: &str) -> (String, Vec<usize>, Vec<f64>) {
    let all = read_json(&input_path("values.json"));
    let entry = &all[key];
    let numbers = |field: &str| -> Vec<serde_json::Value> {
        entry[field]
            .as_array()
            .unwrap_or_else(|| panic!("values.json's `{key}` has no `{field}` list"))
            .clone()
    };
    let shape = numbers("shape")
        .iter()
        .map(|d| d.as_u64().map_or(usize::MAX, |d| d as usize))
        .collect();
    let values = numbers("values").iter().map(json_number).collect();
    let dtype = entry["dtype"].as_str().unwrap_or("(no dtype)").to_string();
    (dtype, shape, values)
}

/// Where a `.npy` file's data starts (after its version 1 header).
///
/// # Panics
/// When `bytes` is not a version 1 `.npy` (the fixtures all are).
pub fn npy_data_offset(bytes: &[u8]) -> usize {
    assert!(bytes.starts_with(b"\x93NUMPY\x01"), "not a .npy v1 file");
    10 + usize::from(u16::from_le_bytes([bytes[8], bytes[9]]))
}

/// `fixtures/inputs/npy/float64.npy` (3 images of 6x5) with every pixel of
/// image `row` NaN: an image no per-image range can be taken from.
///
/// # Panics
/// When the fixture is missing.
pub fn float64_stack_with_nan_image(row: usize) -> Vec<u8> {
    let path = input_path("npy/float64.npy");
    let mut bytes = std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let image = 6 * 5 * 8;
    let start = npy_data_offset(&bytes) + row * image;
    for chunk in bytes[start..start + image].chunks_exact_mut(8) {
        chunk.copy_from_slice(&f64::NAN.to_le_bytes());
    }
    bytes
}

/// A `.npy` (version 1) of uint8 zeros of this shape, laid out as numpy
/// writes it (header padded to 64 bytes, ending in a newline).
pub fn npy_zeros_u8(shape: &[usize]) -> Vec<u8> {
    let dims: Vec<String> = shape.iter().map(usize::to_string).collect();
    let tuple = match dims.len() {
        1 => format!("({},)", dims[0]),
        _ => format!("({})", dims.join(", ")),
    };
    let mut header = format!("{{'descr': '|u1', 'fortran_order': False, 'shape': {tuple}, }}");
    while (10 + header.len() + 1) % 64 != 0 {
        header.push(' ');
    }
    header.push('\n');
    let mut bytes = b"\x93NUMPY\x01\x00".to_vec();
    bytes.extend((header.len() as u16).to_le_bytes());
    bytes.extend(header.as_bytes());
    bytes.resize(bytes.len() + shape.iter().product::<usize>(), 0);
    bytes
}

/// The spec a page written by pixtip renders: the JSON after `var spec = `
/// (escaped for a `<script>`, which JSON reads back as the same values).
pub fn page_spec(html: &str) -> serde_json::Value {
    let start = html.find("var spec = ").expect("the page holds a spec") + "var spec = ".len();
    let end = start
        + html[start..]
            .find(";\n      var embedOpt")
            .expect("the spec ends before the embed options");
    serde_json::from_str(&html[start..end]).unwrap_or_else(|e| panic!("the page's spec: {e}"))
}

/// The whole numbers of a fixture's JSON list `value` (`what` names it in
/// a failure).
///
/// # Panics
/// When `value` is not a list of non-negative integers that fit `T`.
pub fn json_ints<T: TryFrom<u64>>(value: &serde_json::Value, what: &str) -> Vec<T> {
    value
        .as_array()
        .unwrap_or_else(|| panic!("{what}: not a list: {value}"))
        .iter()
        .map(|v| {
            v.as_u64()
                .and_then(|n| T::try_from(n).ok())
                .unwrap_or_else(|| panic!("{what}: {v} is not a whole number in range"))
        })
        .collect()
}

/// The bytes a base64 `data:` URI of this media type holds.
///
/// # Panics
/// When `uri` is not such a URI.
pub fn data_uri_bytes(uri: &str, media_type: &str) -> Vec<u8> {
    use base64::Engine as _;
    let payload = uri
        .strip_prefix(&format!("data:{media_type};base64,"))
        .unwrap_or_else(|| panic!("not a base64 data: URI of {media_type}"));
    base64::engine::general_purpose::STANDARD
        .decode(payload)
        .unwrap_or_else(|e| panic!("a {media_type} data: URI's base64: {e}"))
}

/// The names of the entries of `dir`, sorted.
///
/// # Panics
/// When `dir` cannot be read.
pub fn entry_names(dir: &std::path::Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| {
            e.unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
                .file_name()
                .to_string_lossy()
                .into_owned()
        })
        .collect();
    names.sort();
    names
}

/// A PNG chunk: its length, `kind`, `data` and the CRC-32 over kind and data.
pub fn png_chunk(kind: &[u8; 4], data: &[u8]) -> Vec<u8> {
    let mut body = kind.to_vec();
    body.extend(data);
    let mut crc = !0u32;
    for &byte in &body {
        crc ^= u32::from(byte);
        for _ in 0..8 {
            crc = if crc & 1 == 1 {
                (crc >> 1) ^ 0xEDB8_8320
            } else {
                crc >> 1
            };
        }
    }
    let length = u32::try_from(data.len()).expect("a chunk under 4 GiB");
    [&length.to_be_bytes()[..], &body, &(!crc).to_be_bytes()].concat()
}
