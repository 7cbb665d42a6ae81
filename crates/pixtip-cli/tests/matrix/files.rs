//! Hostile files built in the test: `.npy` with any header, zip archives
//! with any member names, PNGs whose header says anything.

use std::io::Write;

/// A version 1 `.npy` with this header and these data bytes, padded as
/// numpy pads it; `header` is the dict literal.
pub fn npy_with_header(header: &str, data: &[u8]) -> Vec<u8> {
    let mut header = header.to_string();
    while !(10 + header.len() + 1).is_multiple_of(64) {
        header.push(' ');
    }
    header.push('\n');
    let mut bytes = b"\x93NUMPY\x01\x00".to_vec();
    bytes.extend(u16::try_from(header.len()).unwrap().to_le_bytes());
    bytes.extend(header.as_bytes());
    bytes.extend(data);
    bytes
}

/// A `.npy` of `descr` elements of `shape` holding `data` (raw bytes, in
/// the file's own order).
pub fn npy(descr: &str, fortran: bool, shape: &[usize], data: &[u8]) -> Vec<u8> {
    let dims: Vec<String> = shape.iter().map(usize::to_string).collect();
    let tuple = match dims.len() {
        1 => format!("({},)", dims[0]),
        _ => format!("({})", dims.join(", ")),
    };
    let order = if fortran { "True" } else { "False" };
    npy_with_header(
        &format!("{{'descr': '{descr}', 'fortran_order': {order}, 'shape': {tuple}, }}"),
        data,
    )
}

/// `rows` uint8 images of 4×5, every pixel of row r holding 10·r + column.
pub fn uint8_stack(rows: usize) -> Vec<u8> {
    let data: Vec<u8> = (0..rows * 20)
        .map(|i| (10 * (i / 20) + i % 5) as u8)
        .collect();
    npy("|u1", false, &[rows, 4, 5], &data)
}

/// float64 little-endian bytes of `values`.
pub fn f64_bytes(values: &[f64]) -> Vec<u8> {
    values.iter().flat_map(|v| v.to_le_bytes()).collect()
}

/// A zip archive of `(name, bytes)` members, deflated as numpy's
/// `savez_compressed` writes them; names are written as given.
pub fn zip(members: &[(&str, &[u8])]) -> Vec<u8> {
    let mut writer = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    for (name, bytes) in members {
        writer.start_file(*name, options).unwrap();
        writer.write_all(bytes).unwrap();
    }
    writer.finish().unwrap().into_inner()
}

/// An 8-bit gray PNG whose IHDR declares `width`×`height`, with valid
/// checksums and one tiny IDAT (a stored zlib stream of `idat` bytes).
pub fn png_declaring(width: u32, height: u32, idat: &[u8]) -> Vec<u8> {
    let mut ihdr = width.to_be_bytes().to_vec();
    ihdr.extend(height.to_be_bytes());
    ihdr.extend([8, 0, 0, 0, 0]);
    // zlib: header, one stored block, Adler-32.
    let mut zlib = vec![0x78, 0x01, 0x01];
    let length = u16::try_from(idat.len()).unwrap();
    zlib.extend(length.to_le_bytes());
    zlib.extend((!length).to_le_bytes());
    zlib.extend(idat);
    let (mut a, mut b) = (1u32, 0u32);
    for &byte in idat {
        a = (a + u32::from(byte)) % 65521;
        b = (b + a) % 65521;
    }
    zlib.extend(((b << 16) | a).to_be_bytes());
    let mut png = b"\x89PNG\r\n\x1a\n".to_vec();
    png.extend(pixtip_tests::png_chunk(b"IHDR", &ihdr));
    png.extend(pixtip_tests::png_chunk(b"IDAT", &zlib));
    png.extend(pixtip_tests::png_chunk(b"IEND", &[]));
    png
}

#[test]
fn a_declared_png_of_real_size_decodes() {
    // The writer above is right: a 2×1 PNG of it decodes to its pixels.
    let png = png_declaring(2, 1, &[0, 7, 9]);
    let picture = pixtip::encode::decode_png(&png).unwrap();
    assert_eq!((picture.width(), picture.height()), (2, 1));
    assert_eq!(picture.to_rgb().get_pixel(1, 0).0, [9, 9, 9]);
}
