//! Image columns: where a column's images come from, and the scale fixed
//! for a whole column. Pixels, element types and how one image becomes a
//! picture are `pixtip-compose`'s (re-exported here).

mod column;
mod scale;
pub(crate) mod stats;

pub(crate) use column::Stack;
pub use column::{ImageColumn, ImageSource};
pub use pixtip_compose::{
    Element, ElementType, ImageLayout, Pixels, ResolvedScale, Zoom, layout_of,
};
pub use scale::Scaling;
