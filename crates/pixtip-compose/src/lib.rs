//! Images to labelled 8-bit pictures: the one picture path of pixtip.
//!
//! An image's [`Pixels`] (any numpy element type; `H×W` gray, `H×W×3|4`
//! colour or `D×H×W` volumes, see [`layout_of`]) become a picture by
//! [`render`]: a [`ResolvedScale`] gives each image its range and every value
//! its level (`floor(255·clamp((v − lo)/(hi − lo), 0, 1))`, the tutorial's
//! `(255 * x).astype('uint8')` for the unit range), a [`Look`] colours the
//! levels with a matplotlib [`Colormap`] (NaN in a colour of its own) and
//! projects volumes, and a [`PictureSize`] zooms small images and shrinks large ones
//! to a [`thumbnail`]. [`join`] puts one row's pictures side by side with a
//! [`Gap`] and burns in [`Label`]s in a [`LabelStyle`] (DejaVu Sans by
//! default, or any TTF/OTF [`Font`]). [`tooltip_pair`] is the tutorial's whole
//! `create_tooltip_image` by that path. Ranges that need a whole column
//! (pixtip's `auto` and `global` scales) are found by the caller and handed to
//! [`ResolvedScale::auto`] or [`ResolvedScale::range`].
//!
//! It is not for encoding (see `pixtip-encode` for PNG and data URIs), filtering
//! (`pixtip-filter`) or general image editing: pictures are the `image` crate's
//! buffers inside a [`Picture`], so use `image`/`imageproc` for anything else.
//!
//! ```
//! use ndarray::Array2;
//! use pixtip_compose::{
//!     Colormap, Gap, LabelStyle, Look, Picture, Pixels, ResolvedScale, PictureSize, join, render,
//! };
//!
//! let cells = Pixels::from(Array2::from_shape_fn((96, 96), |(y, x)| (x + y) as u16));
//! let mask = Pixels::from(Array2::from_shape_fn((96, 96), |(y, _)| y > 40));
//!
//! // Each image by its own range, in viridis, at pixtip's tooltip size.
//! let look = Look { colormap: Colormap::Viridis, ..Look::default() };
//! let pictures = vec![
//!     render(&cells, &ResolvedScale::PER_IMAGE, &look, &PictureSize::default())?,
//!     render(&mask, &ResolvedScale::auto(None), &look, &PictureSize::default())?,
//! ];
//! // Side by side with the tutorial's 10 px white gap, labelled.
//! let labels = ["cells".to_string(), "mask".to_string()];
//! let picture = join(pictures, Some(&labels), Gap::default(), &LabelStyle::default())?;
//! assert_eq!((picture.width(), picture.height()), (96 + 10 + 96, 96));
//! assert!(matches!(picture, Picture::Rgb(_)));
//! # Ok::<(), pixtip_compose::ComposeError>(())
//! ```

mod cividis;
mod colormap;
mod concat;
mod error;
mod join;
mod label;
mod layout;
mod pair;
mod picture;
mod pixels;
mod render;
mod scale;
mod size;
mod stack;
mod thumbnail;

pub use colormap::Colormap;
pub use concat::{Gap, concat_column, concat_grid, concat_row};
pub use error::ComposeError;
pub use join::{LabelStyle, join};
pub use label::{DEFAULT_LABEL_HEIGHT, Font, Label, draw_label};
pub use layout::{ImageLayout, layout_of};
pub use pair::{PairOptions, tooltip_pair, tooltip_single};
pub use picture::{Gray16Image, Picture, PictureKind, PixelColor};
pub use pixels::{Element, ElementType, Pixels};
pub use render::{Look, render, render_values};
pub use scale::{ResolvedScale, level, percentile};
pub use size::{PictureSize, Zoom};
pub use stack::{Projection, project};
pub use thumbnail::thumbnail;

/// The `image` crate, re-exported so users name the same buffer types.
pub use image;
