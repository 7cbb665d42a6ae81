//! Ready-made charts for any image table: a [`Scatter`] of two fields, strip
//! plots per metric ([`strip_plots`]) and a chart whose dropdown switches
//! the metric ([`metric_switch`]), each with the pictures as tooltips.
//!
//! Fields are named as in Altair: a column name, optionally with a type
//! suffix (`target:N`, `date:T`); without one, numbers are quantitative,
//! everything else nominal, unless the table declares a type.

mod data;
mod field;
mod scatter;
mod strips;

pub use data::is_safe_key;
pub use field::{Field, picture_tooltip};
pub use scatter::Scatter;
pub use strips::{ChartOptions, PictureLookup, metric_switch, strip_plots};
