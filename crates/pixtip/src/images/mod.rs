//! Images of any element type and where they come from, and how their
//! values become 8-bit pictures.

mod column;
mod pixels;
mod render;
mod scale;
pub(crate) mod stats;

pub(crate) use column::Stack;
pub use column::{ImageColumn, ImageSource};
pub use pixels::{Element, ElementType, Pixels};
pub use render::{ImageLayout, Zoom, layout_of};
pub(crate) use render::{RenderStyle, render_image};
pub use scale::{ResolvedScale, Scale};
