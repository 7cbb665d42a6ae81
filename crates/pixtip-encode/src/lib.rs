//! Pictures to PNG bytes and base64 data URIs, and back.
//!
//! [`encode_png`] writes a [`pixtip_picture::Picture`] (8-bit gray, 16-bit
//! gray, RGB, RGBA) with a compression [`Preset`]; [`to_data_uri`] wraps the
//! bytes as `data:image/png;base64,...` for Vega-Lite tooltips;
//! [`encode_data_uri_many`] does many pictures on all cores, in input order,
//! with a [`ByteCount`] for size reports. [`decode_data_uri`] and
//! [`decode_png`] read them back, for tests and round trips. [`plain_png`]
//! reduces a PNG made elsewhere to the chunks that say its samples, so that
//! a picture which is exactly those samples is written as it was stored.
//!
//! It is not a general image codec: no JPEG/WebP, no metadata chunks, no
//! animation. Building pictures from arrays is `pixtip-compose`'s job.
//!
//! ```
//! use pixtip_compose::{PairOptions, tooltip_pair};
//! use pixtip_encode::{Preset, decode_data_uri, encode_data_uri};
//!
//! let a = ndarray::Array2::from_elem((96, 96), 0.5);
//! let pair = tooltip_pair(&a, &a, &PairOptions::default()).unwrap();
//! let uri = encode_data_uri(&pair, Preset::Default).unwrap();
//! assert!(uri.starts_with("data:image/png;base64,iVBOR"));
//! assert_eq!(decode_data_uri(&uri).unwrap(), pair);
//! ```

mod batch;
mod bytes;
mod datauri;
mod error;
mod filter;
#[doc(hidden)]
pub mod kernels;
mod plain;
mod png_encode;

pub use batch::{encode_data_uri, encode_data_uri_many, encode_png_many};
pub use bytes::ByteCount;
pub use datauri::{
    DATA_URI_PREFIX, data_uri_len, decode_data_uri, decode_png, png_from_data_uri, to_data_uri,
};
pub use error::EncodeError;
pub use plain::{PlainPng, plain_png};
pub use png_encode::{Preset, encode_png};
