//! The picture type and colours, from `pixtip-picture` (shared with
//! `pixtip-encode`, which needs no drawing stack).

pub(crate) use pixtip_picture::FromColor;
pub use pixtip_picture::{Gray16Image, Picture, PictureKind, PixelColor};
