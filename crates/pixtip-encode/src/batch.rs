//! Many pictures at once, on all cores.

use crate::bytes::ByteCount;
use crate::datauri::to_data_uri;
use crate::error::EncodeError;
use crate::png_encode::{Preset, encode_png};
use pixtip_picture::Picture;
use rayon::prelude::*;

/// One picture as a PNG data URI.
pub fn encode_data_uri(picture: &Picture, preset: Preset) -> Result<String, EncodeError> {
    Ok(to_data_uri(&encode_png(picture, preset)?))
}

/// Every picture as PNG bytes, encoded in parallel (rayon's global pool),
/// returned in input order; the first failure (by input order) is returned.
pub fn encode_png_many(pictures: &[Picture], preset: Preset) -> Result<Vec<Vec<u8>>, EncodeError> {
    pictures.par_iter().map(|p| encode_png(p, preset)).collect()
}

/// Every picture as a data URI, encoded in parallel, in input order, with
/// the byte count of all of them.
pub fn encode_data_uri_many(
    pictures: &[Picture],
    preset: Preset,
) -> Result<(Vec<String>, ByteCount), EncodeError> {
    let pngs = encode_png_many(pictures, preset)?;
    let count = pngs.iter().map(|p| ByteCount::of_png(p)).sum();
    let uris = pngs.par_iter().map(|p| to_data_uri(p)).collect();
    Ok((uris, count))
}
