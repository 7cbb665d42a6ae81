//! Saving charts by file name, as Altair's `chart.save(...)`.

use super::files::write_atomic;
use crate::error::PixtipError;
use pixtip_spec::{AnyChart, HtmlOptions, TopLevel};
use std::path::Path;

/// What a chart file is, by its name's ending.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ChartFormat {
    /// `.html`: a standalone page rendered by vega-embed.
    Html,
    /// `.json` (`.vl.json`): the Vega-Lite specification, as Altair writes it.
    Json,
}

impl ChartFormat {
    /// The format `path` asks for, or an error naming the path.
    pub fn of(path: &Path) -> Result<ChartFormat, PixtipError> {
        match path
            .extension()
            .and_then(|e| e.to_str())
            .map(str::to_ascii_lowercase)
        {
            Some(e) if e == "html" || e == "htm" => Ok(ChartFormat::Html),
            Some(e) if e == "json" => Ok(ChartFormat::Json),
            _ => Err(PixtipError::BadFile {
                path: path.to_path_buf(),
                message: "a chart is saved as .html or .json (.vl.json)".into(),
            }),
        }
    }
}

/// Saving charts by file name, as Altair's `chart.save("chart.html")`.
///
/// ```
/// use pixtip::Save;
/// use pixtip::spec::{Chart, Data, Table, X};
/// let chart = Chart::new(Data::from_table(Table::new().column("x", vec![1.0, 2.0]))?)
///     .mark_point(Default::default())
///     .encode([X::new("x:Q")]);
/// let dir = tempfile::tempdir()?;
/// chart.save(dir.path().join("chart.vl.json"))?;
/// chart.save(dir.path().join("chart.html"))?;
/// assert!(std::fs::read_to_string(dir.path().join("chart.html"))?.contains("vegaEmbed"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub trait Save {
    /// Writes the chart to `path` (atomically) as HTML or JSON by its ending;
    /// pages load vega from the CDN. Returns the bytes written.
    fn save(&self, path: impl AsRef<Path>) -> Result<u64, PixtipError> {
        self.save_with(path, &HtmlOptions::default())
    }

    /// [`Save::save`] with page options (offline scripts, embed options).
    fn save_with(&self, path: impl AsRef<Path>, options: &HtmlOptions) -> Result<u64, PixtipError>;
}

impl<T: Clone + Into<AnyChart>> Save for T {
    fn save_with(&self, path: impl AsRef<Path>, options: &HtmlOptions) -> Result<u64, PixtipError> {
        let path = path.as_ref();
        let chart: AnyChart = self.clone().into();
        let text = match ChartFormat::of(path)? {
            ChartFormat::Html => chart.to_html(options)?,
            ChartFormat::Json => chart.to_json_pretty()?,
        };
        write_atomic(path, text.as_bytes())?;
        Ok(text.len() as u64)
    }
}
