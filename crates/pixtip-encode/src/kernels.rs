//! The Default preset's two kernels on their own, for the criterion benches.
//! Hidden from the docs and not part of the API: they may change with the preset.

use crate::error::EncodeError;
use crate::filter::{RowStrategy, filter_image};

/// The Default preset's row filters (min-sum among None, Sub and Up) of raw
/// rows of `stride` bytes with `bpp` bytes per pixel.
pub fn filter_rows(raw: &[u8], stride: usize, bpp: usize) -> Vec<u8> {
    filter_image(raw, stride, bpp, RowStrategy::QuickMinSum)
}

/// Pillow's five-way min-sum row filters, the Default preset's before.
pub fn filter_rows_five_way(raw: &[u8], stride: usize, bpp: usize) -> Vec<u8> {
    filter_image(raw, stride, bpp, RowStrategy::MinSum)
}

/// The Default preset's zlib stream of filtered rows.
pub fn deflate(filtered: &[u8]) -> Result<Vec<u8>, EncodeError> {
    crate::png_encode::libdeflate_default(filtered)
}
