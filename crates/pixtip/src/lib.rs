//! pixtip: images in numpy files or ndarray arrays to Vega-Lite charts whose
//! tooltips show the images.
//!
//! **For**: "my arrays and my table → a chart whose tooltips show the
//! images", from ten images to 100,000. Images come as arrays of any common
//! element type (`u8`, `u16`, `i16`, `u32`, `f32`, `f64`, `bool`, …) from
//! memory, `.npy`/`.npz` files or folders of PNG/TIFF/JPEG ([`load`]);
//! they become 8-bit pictures by an explicit [`Scaling`] ([`pictures`], through
//! [`compose`]'s one picture path: scale, colormap, zoom, join, labels), PNG
//! data URIs or files beside the page, and charts ([`charts`]) saved as HTML
//! or Vega-Lite JSON ([`Save`]) or shown in an evcxr notebook ([`Notebook`]).
//! Memory stays bounded: `.npy` stacks are read one image at a time and
//! pictures are made in parallel batches, so only the chart's table is held.
//!
//! **Not for**: image processing beyond what the tooltips need, or drawing
//! charts itself (the browser does that through vega-embed). The Altair
//! tutorial's own data and demo live in the `pixtip-tutorial` crate.
//!
//! The layers below, in the order data flows through them, are re-exported:
//! [`compose`] (the picture path: pixels, scaling, colormaps, sizes, joins and
//! labels), [`encode`] (PNG and data URIs), [`spec`] (the Vega-Lite builder
//! and HTML pages). The tutorial's own sources, scipy.ndimage's filters
//! (`pixtip-filter`) and numpy's `default_rng` (`pixtip-random`), are crates
//! of their own that users' images do not need.
//!
//! Own images and a table to a scatter whose tooltips show the images:
//!
//! ```
//! use ndarray::Array3;
//! use pixtip::charts::Scatter;
//! use pixtip::{ImageColumn, ImageTable, Metric, PictureOptions, PictureStorage, Save, no_progress};
//!
//! let cells = Array3::<u16>::from_shape_fn((3, 32, 32), |(n, y, x)| (n * 1000 + x * y) as u16);
//! let mut table = ImageTable::new();
//! table.add_images("cell", ImageColumn::from_stack(&cells)?)?; // or pixtip::load::read_images("cells.npy")
//! table.add_numbers("size", vec![12.0, 30.5, 22.1])?;
//! table.add_metric("brightness", "cell", Metric::Mean)?;
//! table.add_pictures("picture", &["cell"], &PictureOptions::default(), &PictureStorage::DataUri, &mut no_progress)?;
//! # let dir = tempfile::tempdir()?; let path = dir.path().join("cells.html");
//! let chart = Scatter::new(&table).x("size").y("brightness").pictures("picture").tooltip(["size"]);
//! chart.build()?.save(&path)?; // or "cells.vl.json"
//! # assert!(std::fs::read_to_string(&path)?.contains("data:image/png;base64,"));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! From a command line, the same is `pixtip chart cells.npy --table cells.csv
//! --x size --y brightness --metric brightness=cells:mean --out chart/`.

pub mod atlas;
pub mod charts;
mod error;
pub mod images;
pub mod job;
pub mod load;
pub mod metrics;
mod notebook;
pub mod output;
pub mod page_size;
mod parallel;
mod picture_storage;
pub mod pictures;
mod read_at;
mod references;
pub mod report;
pub mod spool;
pub mod table;
mod texts;

pub use error::{AtlasError, FieldError, PictureColumnError, PixtipError, RequestError};
pub use images::{
    Element, ElementType, ImageColumn, ImageLayout, ImageSource, Pixels, ResolvedScale, Scaling,
    Zoom, layout_of,
};
pub use metrics::Metric;
pub use notebook::Notebook;
pub use output::Save;
pub use pictures::{FileNames, Labels, PictureOptions, PictureStorage, PictureSummary};
pub use pixtip_compose::{LabelStyle, Look, PictureSize};
pub use references::is_safe_picture_reference;
pub use report::{Progress, no_progress};
pub use table::{ImageTable, TableColumn};
pub use texts::Texts;

pub use pixtip_compose as compose;
pub use pixtip_encode as encode;
pub use pixtip_spec as spec;
