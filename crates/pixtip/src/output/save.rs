//! Saving charts by file name, as Altair's `chart.save(...)`.

use super::files::write_atomic_with;
use crate::error::PixtipError;
use pixtip_spec::{HtmlOptions, SpecError, TopLevel};
use std::io::Write;
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

impl<T: TopLevel> Save for T {
    fn save_with(&self, path: impl AsRef<Path>, options: &HtmlOptions) -> Result<u64, PixtipError> {
        let path = path.as_ref();
        let format = ChartFormat::of(path)?;
        let mut bytes = 0;
        let mut failure = None;
        // The text streams into the file as it is made (never held whole).
        write_atomic_with(path, |file| {
            let mut kept = KeepError::new(file);
            let written = match format {
                ChartFormat::Html => self.write_html(&mut kept, options),
                ChartFormat::Json => self.write_json_pretty(&mut kept, &[]),
            };
            match written {
                Ok(n) => {
                    bytes = n;
                    Ok(())
                }
                Err(error) => {
                    let error = kept.error(path, error);
                    let message = error.to_string();
                    failure = Some(error);
                    Err(std::io::Error::other(message))
                }
            }
        })
        .map_err(|error| failure.unwrap_or(error))?;
        Ok(bytes)
    }
}

/// A writer that keeps the first error of the one it wraps, so that a chart
/// writer's failure (a [`pixtip_spec::SpecError::Write`] message) is
/// reported as the operating system's error with the file's path.
pub(crate) struct KeepError<W> {
    inner: W,
    error: Option<std::io::Error>,
}

impl<W: Write> KeepError<W> {
    pub(crate) fn new(inner: W) -> KeepError<W> {
        KeepError { inner, error: None }
    }

    /// The error to report for `failed`, a chart that could not be written to `path`.
    pub(crate) fn error(&mut self, path: &Path, failed: SpecError) -> PixtipError {
        match self.error.take() {
            Some(source) => PixtipError::Io {
                path: path.to_path_buf(),
                source,
            },
            None => PixtipError::Spec(failed),
        }
    }
}

impl<W: Write> Write for KeepError<W> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.inner.write(buf).map_err(|error| {
            let copy = std::io::Error::new(error.kind(), error.to_string());
            self.error.get_or_insert(error);
            copy
        })
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.inner.flush()
    }
}
