//! A chart asked for as a typed request ([`ChartRequest`]): inputs and a
//! table in, a chart with picture tooltips out, written whole or not at
//! all. `pixtip chart` and the Python package's `chart` fill one in; its
//! errors ([`RequestError`]) name the request's fields and charts.
//!
//! [`build_table`] reads the inputs into one [`ImageTable`](crate::ImageTable),
//! [`make_chart`] adds the pictures and builds the chart, and
//! [`run_chart_job`] does both and writes the folder.

mod make;
mod request;
mod run;
mod table;

pub use crate::error::RequestError;
pub use make::{MadeChart, make_chart};
pub use request::{ChartKind, ChartRequest, JobSummary, MetricSpec, PictureMode};
pub use run::run_chart_job;
pub use table::{add_index_and_metrics, build_table};
