//! The one error type of this crate.

/// Everything that can go wrong while encoding or decoding pictures.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum EncodeError {
    /// The PNG encoder refused the picture.
    #[error("PNG encoding failed: {0}")]
    Png(#[from] png::EncodingError),
    /// zopfli compression failed (only [`crate::Preset::Smallest`]).
    #[error("zopfli compression failed: {0}")]
    Zopfli(#[from] std::io::Error),
    /// zlib compression failed (the Default preset, libdeflate).
    #[error("zlib compression failed: {0}")]
    Deflate(String),
    /// The bytes are not a PNG the decoder can read.
    #[error("not a readable PNG: {0}")]
    BadPng(#[from] png::DecodingError),
    /// The PNG is of a kind pixtip has no picture type for.
    #[error("unsupported PNG: {0}")]
    Unsupported(String),
    /// The text does not start with `data:image/png;base64,`.
    #[error(
        "not a PNG data URI: expected it to start with \"data:image/png;base64,\", found {0:?}"
    )]
    NotDataUri(String),
    /// The base64 payload of a data URI is malformed.
    #[error("malformed base64 in data URI: {0}")]
    Base64(#[from] base64::DecodeError),
}
