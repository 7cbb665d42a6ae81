//! The chart kinds, bottom-up: `common` (what every kind shares), `compile`
//! (turning a chart into JSON), `unit` (a single view), `kinds` (the charts
//! made of charts, as types), `placed` (a chart's params as written), `lift` and `params` (data and
//! params moving up to a parent),
//! one file of builders per compound kind, and the operators.

pub(crate) mod common;
pub(crate) mod compile;
pub(crate) mod concat;
pub(crate) mod facet;
pub(crate) mod kinds;
pub(crate) mod layer;
pub(crate) mod lift;
pub(crate) mod operators;
pub(crate) mod params;
pub(crate) mod placed;
pub(crate) mod repeat;
pub(crate) mod repeat_over;
pub(crate) mod unit;
