//! Keyword arguments to the facade's picture options, by the names the
//! command line uses (`scale="per-image"`, `colormap="viridis"`,
//! `png="fast"`).

use pixtip::compose::Colormap;
use pixtip::encode::Preset;
use pixtip::{Labels, Look, PictureOptions, PictureSize, Scaling, Zoom};
use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;

/// The picture keyword arguments shared by `pictures()` and `chart()`.
#[derive(Debug, Clone, FromPyObject)]
#[pyo3(from_item_all)]
pub struct PictureArgs {
    /// `auto`, `unit`, `global`, `per-image`, `range:LO,HI`,
    /// `percentile:LO,HI` (the Python layer writes tuples this way).
    pub scale: String,
    /// A matplotlib colormap name.
    pub colormap: String,
    /// Longest side of a picture, or `None` to keep sizes.
    pub thumbnail: Option<u32>,
    /// Whole enlargement factor, or `None` for the automatic one.
    pub zoom: Option<u32>,
    /// `fast`, `default` or `smallest`.
    pub png: String,
    /// Texts burned into joined pictures; `None` for the caller's default.
    pub labels: Option<Vec<String>>,
}

impl PictureArgs {
    /// The facade's options; `default_labels` applies when no labels are given.
    pub fn to_options(&self, default_labels: Labels) -> PyResult<PictureOptions> {
        let bad = |message: String| PyValueError::new_err(message);
        if self.thumbnail == Some(0) {
            return Err(bad(
                "thumbnail must be a positive number of pixels, or None to keep sizes".into(),
            ));
        }
        Ok(PictureOptions {
            scale: Scaling::parse(&self.scale).map_err(crate::errors::to_py)?,
            look: Look {
                colormap: Colormap::parse(&self.colormap).map_err(bad)?,
                ..Look::default()
            },
            size: PictureSize {
                thumbnail: self.thumbnail,
                zoom: self.zoom.map_or(Zoom::Auto, Zoom::Factor),
            },
            preset: Preset::parse(&self.png).map_err(bad)?,
            labels: match &self.labels {
                Some(texts) => Labels::Custom(texts.clone()),
                None => default_labels,
            },
            ..PictureOptions::default()
        })
    }
}
