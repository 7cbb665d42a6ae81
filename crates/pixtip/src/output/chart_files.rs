//! A chart's page and spec file streamed to disk: the text goes to the file
//! in pieces as it is made, never held whole, and the page holds the spec once.

use super::save::KeepError;
use crate::error::PixtipError;
use crate::report::{ChartSize, SizeMeter, WrittenFile};
use pixtip_spec::{HtmlOptions, TopLevel};
use std::io::Write;
use std::path::Path;

/// What a written spec file (`chart.vl.json`) holds of embedded pictures.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum SpecPictures {
    /// Embedded pictures are in the page only; the spec file's picture
    /// cells are `null` (the rest of the spec, its data and its dataset
    /// names are the page's). Pictures in files are referenced as usual.
    #[default]
    InPageOnly,
    /// The spec file holds every picture too (the page's spec, whole).
    Full,
}

/// What [`write_chart_files`] writes: the spec's picture fields, which of
/// them to leave out of the spec file, and how many bytes those hold.
#[derive(Debug, Clone, Copy)]
pub struct ChartFiles<'a> {
    /// The chart's name in the size report.
    pub name: &'a str,
    /// The data fields holding pictures.
    pub picture_fields: &'a [&'a str],
    /// The fields written as `null` in the spec file.
    pub left_out: &'a [&'a str],
    /// The bytes those fields' cells hold as JSON strings (quotes included).
    pub left_out_bytes: u64,
}

/// Writes `<dir>/<stem>.vl.json` and `<dir>/<stem>.html`, each streamed
/// into its file; reports them under `report_dir` and measures the spec.
pub fn write_chart_files(
    chart: &impl TopLevel,
    dir: &Path,
    report_dir: &Path,
    stem: &str,
    files: &ChartFiles<'_>,
    html: &HtmlOptions,
) -> Result<(Vec<WrittenFile>, ChartSize), PixtipError> {
    let json_name = format!("{stem}.vl.json");
    let mut meter = SizeMeter::new(files.name, files.picture_fields);
    let json_bytes = stream_into(&dir.join(&json_name), |writer| {
        let mut tee = Tee(writer, &mut meter);
        chart.write_json_pretty(&mut tee, files.left_out)
    })?;
    let size = meter.finish(files.left_out_bytes);
    let html_name = format!("{stem}.html");
    let html_bytes = stream_into(&dir.join(&html_name), |writer| {
        chart.write_html(writer, html)
    })?;
    Ok((
        vec![
            WrittenFile {
                path: report_dir.join(json_name),
                bytes: json_bytes,
            },
            WrittenFile {
                path: report_dir.join(html_name),
                bytes: html_bytes,
            },
        ],
        size,
    ))
}

/// Creates `path` and streams `write` into it: an error names the path and
/// keeps the operating system's own error.
fn stream_into(
    path: &Path,
    write: impl FnOnce(&mut dyn Write) -> Result<u64, pixtip_spec::SpecError>,
) -> Result<u64, PixtipError> {
    let io = |source| PixtipError::io(path, source);
    let file = std::fs::File::create(path).map_err(io)?;
    let mut kept = KeepError::new(file);
    write(&mut kept).map_err(|error| kept.error(path, error))
}

/// Writes to both: the file, and the meter that measures the spec.
struct Tee<'a>(&'a mut dyn Write, &'a mut SizeMeter);

impl Write for Tee<'_> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        let n = self.0.write(buf)?;
        self.1.feed(&buf[..n]);
        Ok(n)
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.0.flush()
    }
}
