//! pixtip: images in ndarray arrays to Vega-Lite charts whose tooltips show the images.
//!
//! **For**: turning a table of images (2-D arrays, or 3-D volumes shown as
//! projections) and their measurements into interactive charts: a strip plot
//! per metric, or one chart whose dropdown switches the metric and the picture,
//! with the images as tooltips. This crate is the facade: it re-exports the
//! layers and adds the image table, the tutorial's blob dataset, the ready-made
//! charts and `pixtip demo`.
//!
//! **Not for**: image processing beyond what the tooltips need, or drawing
//! charts itself (the browser does that through vega-embed).
//!
//! The layers, in the order data flows through them:
//! [`filter`] (scipy.ndimage filters) and [`random`] (numpy's `default_rng`)
//! make the tutorial's data; [`compose`] turns float images into labelled
//! 8-bit pictures; [`encode`] makes them PNG data URIs; [`spec`] builds the
//! Vega-Lite chart and its HTML page.
//!
//! ```
//! use ndarray::{ArrayD, IxDyn};
//! use pixtip::charts::{self, ChartOptions};
//! use pixtip::{ImageTable, Metric, PictureOptions, PictureStorage};
//!
//! // Two rows: a dark image and a bright one, in groups "a" and "b".
//! let mut table = ImageTable::new();
//! table.add_images("cell", vec![ArrayD::from_elem(IxDyn(&[16, 16]), 0.2), ArrayD::from_elem(IxDyn(&[16, 16]), 0.9)])?;
//! table.add_text("group", vec!["a".into(), "b".into()])?;
//! table.add_metric("cell_area", "cell", Metric::FractionAbove(0.4))?;
//! table.add_metric("cell_mean", "cell", Metric::Mean)?;
//! table.add_pictures("picture", &["cell"], &PictureOptions::default(), &PictureStorage::DataUri)?;
//!
//! let chart = charts::comparison(&table, &["cell_area", "cell_mean"], "group", "picture", &ChartOptions::comparison())?;
//! let json = chart.to_json_pretty()?;
//! assert!(json.contains("\"title\": \"image\"")); // vega-tooltip shows this entry as a picture
//! let page = chart.to_html(&pixtip::spec::HtmlOptions::default())?;
//! assert!(page.contains("vegaEmbed"));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

pub mod charts;
mod error;
pub mod images;
pub mod job;
pub mod load;
pub mod metrics;
mod notebook;
pub mod output;
mod parallel;
pub mod pictures;
pub mod report;
pub mod table;

pub use error::PixtipError;
pub use images::{
    Element, ElementType, ImageColumn, ImageLayout, ImageSource, Pixels, ResolvedScale, Scale,
    Zoom, layout_of,
};
pub use metrics::Metric;
pub use notebook::Notebook;
pub use output::Save;
pub use pictures::{FileNames, Labels, PictureOptions, PictureStorage, PictureSummary};
pub use table::{Column, ImageTable};

pub use pixtip_compose as compose;
pub use pixtip_encode as encode;
pub use pixtip_filter as filter;
pub use pixtip_random as random;
pub use pixtip_spec as spec;
