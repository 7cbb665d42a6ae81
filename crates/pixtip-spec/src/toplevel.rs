//! What every chart kind does at the top: JSON and HTML output.

use crate::chart::compile::{Compile, compile_top};
use crate::error::SpecError;
use crate::html::{HtmlOptions, page, write_page};
use crate::json::Style;
use serde_json::Value;

/// Output of a top-level chart, for every chart kind ([`Chart`](crate::Chart),
/// [`LayerChart`](crate::LayerChart), [`RepeatChart`](crate::RepeatChart),
/// [`ConcatChart`](crate::ConcatChart), [`FacetChart`](crate::FacetChart),
/// [`AnyChart`](crate::AnyChart)): Altair's `to_dict`, `to_json` and `save("x.html")`.
pub trait TopLevel {
    /// The chart as a JSON value, `datasets` included.
    fn to_value(&self) -> Result<Value, SpecError>;

    /// Compact JSON (one line, UTF-8 kept), keys sorted.
    fn to_json(&self) -> Result<String, SpecError>;

    /// JSON as Altair's `chart.to_json()` writes it: indent 2, keys sorted,
    /// floats as Python writes them — the same bytes for the same chart.
    fn to_json_pretty(&self) -> Result<String, SpecError>;

    /// A standalone HTML page that renders the chart with vega-embed.
    fn to_html(&self, options: &HtmlOptions) -> Result<String, SpecError>;

    /// Writes [`to_json_pretty`](Self::to_json_pretty)'s bytes to `writer`
    /// in pieces, never holding the whole text, except that the cells of
    /// inline [`Table`](crate::Table) columns named in `blank` are written
    /// as `null` (a spec without its pictures). Returns the bytes written;
    /// a failed write is [`SpecError::Write`].
    fn write_json_pretty(
        &self,
        writer: &mut dyn std::io::Write,
        blank: &[&str],
    ) -> Result<u64, SpecError>;

    /// Writes [`to_html`](Self::to_html)'s bytes to `writer` in pieces,
    /// never holding the whole page. Returns the bytes written.
    fn write_html(
        &self,
        writer: &mut dyn std::io::Write,
        options: &HtmlOptions,
    ) -> Result<u64, SpecError>;
}

impl<C: Compile> TopLevel for C {
    fn to_value(&self) -> Result<Value, SpecError> {
        Ok(compile_top(self)?.to_value())
    }

    fn to_json(&self) -> Result<String, SpecError> {
        Ok(compile_top(self)?.write(&Style::COMPACT))
    }

    fn to_json_pretty(&self) -> Result<String, SpecError> {
        Ok(compile_top(self)?.write(&Style::PRETTY))
    }

    fn to_html(&self, options: &HtmlOptions) -> Result<String, SpecError> {
        page(&compile_top(self)?, options)
    }

    fn write_json_pretty(
        &self,
        writer: &mut dyn std::io::Write,
        blank: &[&str],
    ) -> Result<u64, SpecError> {
        compile_top(self)?
            .write_to(writer, &Style::PRETTY, blank)
            .map_err(|e| SpecError::Write(e.to_string()))
    }

    fn write_html(
        &self,
        writer: &mut dyn std::io::Write,
        options: &HtmlOptions,
    ) -> Result<u64, SpecError> {
        write_page(&compile_top(self)?, options, writer)?
            .map_err(|e| SpecError::Write(e.to_string()))
    }
}
