//! Ready-made charts for any image table: a [`Scatter`] of two fields, the
//! tutorial's strip plots per metric ([`comparison`]) and its dropdown chart
//! ([`metric_switch`]), each with the pictures as tooltips.
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
pub use strips::{ChartOptions, PictureLookup, comparison, metric_switch};
