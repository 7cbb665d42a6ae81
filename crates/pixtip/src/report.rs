//! The size report: what the pictures cost a chart, as the tutorial tells it
//! ("19 KB without the images, 760 KB with them, 35 MB as raw arrays").

use std::fmt;
use std::path::PathBuf;

/// Where a long run is: `stage` with `done` of `total` steps finished.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Progress {
    /// What is being done (`images`, `metrics`, `pictures`, `charts`, `files`, …).
    pub stage: &'static str,
    /// Steps done in this stage.
    pub done: usize,
    /// Steps in this stage.
    pub total: usize,
}

/// The progress callback for a caller that does not show progress:
/// `table.add_pictures(…, &mut no_progress)`.
pub fn no_progress(_: Progress) {}

/// A file a run wrote.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WrittenFile {
    /// Its path.
    pub path: PathBuf,
    /// Its size in bytes.
    pub bytes: u64,
}

/// Sizes of one chart file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChartSize {
    /// The chart's name (`comparison`, `metric-switch`).
    pub name: String,
    /// Bytes of the chart's JSON as written.
    pub with_pictures: u64,
    /// Bytes of the same JSON with the picture fields left out of its data.
    pub without_pictures: u64,
    /// Number of pictures the chart refers to.
    pub pictures: u64,
}

impl ChartSize {
    /// Measures a chart from its pretty JSON as written (one key per line,
    /// as `to_json_pretty` writes it): "without pictures" is the same text
    /// with every data row's entry for a field in `picture_fields` left out
    /// (and the comma before it, where the entry closed its row).
    pub fn measure(name: &str, written: &str, picture_fields: &[&str]) -> ChartSize {
        let mut meter = SizeMeter::new(name, picture_fields);
        meter.feed(written.as_bytes());
        meter.finish(0)
    }
}

/// [`ChartSize::measure`] on text that streams past in pieces (an
/// [`std::io::Write`]), so the chart's text is never held whole. Entries
/// written as `null` (pictures left out of a spec file) count as pictures.
#[derive(Debug)]
pub struct SizeMeter {
    name: String,
    keys: Vec<String>,
    /// The indentation of the `"datasets": {` line while inside that object.
    datasets_indent: Option<usize>,
    /// The end of a line not yet complete.
    partial: Vec<u8>,
    /// Whether the last line was a picture entry (the next may close its row).
    after_picture: bool,
    written: u64,
    removed: u64,
    pictures: u64,
    nulls: u64,
}

impl SizeMeter {
    /// A meter for a chart whose pictures are in `picture_fields`.
    pub fn new(name: &str, picture_fields: &[&str]) -> SizeMeter {
        SizeMeter {
            name: name.to_string(),
            keys: picture_fields
                .iter()
                .map(|f| format!("{}: ", pixtip_spec::string_literal(f)))
                .collect(),
            datasets_indent: None,
            partial: Vec::new(),
            after_picture: false,
            written: 0,
            removed: 0,
            pictures: 0,
            nulls: 0,
        }
    }

    /// Reads the next piece of text.
    pub fn feed(&mut self, mut bytes: &[u8]) {
        self.written += bytes.len() as u64;
        while let Some(end) = bytes.iter().position(|&b| b == b'\n') {
            if self.partial.is_empty() {
                self.line(&bytes[..=end]);
            } else {
                let mut line = std::mem::take(&mut self.partial);
                line.extend_from_slice(&bytes[..=end]);
                self.line(&line);
            }
            bytes = &bytes[end + 1..];
        }
        self.partial.extend_from_slice(bytes);
    }

    fn line(&mut self, line: &[u8]) {
        let trimmed = line.trim_ascii_start();
        let indent = line.len() - trimmed.len();
        let after_picture = std::mem::take(&mut self.after_picture);
        match self.datasets_indent {
            None => {
                if trimmed.starts_with(b"\"datasets\": {") {
                    self.datasets_indent = Some(indent);
                }
                return;
            }
            Some(open) if indent == open && trimmed.starts_with(b"}") => {
                self.datasets_indent = None;
                return;
            }
            Some(_) => {}
        }
        // The entry before closed its row: the line before it loses its comma.
        if after_picture && trimmed.starts_with(b"}") {
            self.removed += 1;
        }
        if let Some(key) = self.keys.iter().find(|k| trimmed.starts_with(k.as_bytes())) {
            let value = &trimmed[key.len()..];
            if value.starts_with(b"\"") || value.starts_with(b"null") {
                self.pictures += 1;
                self.nulls += u64::from(value.starts_with(b"null"));
                self.removed += line.len() as u64;
                self.after_picture = true;
            }
        }
    }

    /// The sizes; `blanked_bytes` is what the entries written as `null`
    /// would have held (the pictures' own text, quotes included), so that
    /// "with pictures" is the size of the whole spec.
    pub fn finish(mut self, blanked_bytes: u64) -> ChartSize {
        let rest = std::mem::take(&mut self.partial);
        if !rest.is_empty() {
            self.line(&rest);
        }
        let with_pictures = self.written + blanked_bytes - 4 * self.nulls;
        ChartSize {
            name: self.name,
            with_pictures,
            without_pictures: self.written - self.removed,
            pictures: self.pictures,
        }
    }
}

impl std::io::Write for SizeMeter {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.feed(buf);
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// The report `pixtip demo` prints.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct SizeReport {
    /// One entry per chart written.
    pub charts: Vec<ChartSize>,
    /// Bytes of the images as raw float64 arrays.
    pub raw_array_bytes: u64,
    /// Bytes of the PNG files, when pictures were written beside the charts.
    pub picture_file_bytes: u64,
}

fn kib(bytes: u64) -> String {
    format!("{:.1} KiB", bytes as f64 / 1024.0)
}

impl fmt::Display for SizeReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "size report:")?;
        for chart in &self.charts {
            let ratio = chart.with_pictures as f64 / chart.without_pictures.max(1) as f64;
            writeln!(
                f,
                "  {:<14} {:>11} without pictures, {:>11} with {} pictures ({ratio:.1}x)",
                chart.name,
                kib(chart.without_pictures),
                kib(chart.with_pictures),
                chart.pictures,
            )?;
        }
        if self.picture_file_bytes > 0 {
            writeln!(f, "  picture files  {:>11}", kib(self.picture_file_bytes))?;
        }
        if self.raw_array_bytes > 0 {
            write!(f, "  raw float64 arrays {:>11}", kib(self.raw_array_bytes))?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn pictures_are_left_out_of_the_bare_size() {
        let with = |rows: &[(i32, Option<&str>)]| {
            let rows: Vec<_> = rows
                .iter()
                .map(|(a, image)| match image {
                    Some(image) => json!({"a": a, "image": image}),
                    None => json!({"a": a}),
                })
                .collect();
            serde_json::to_string_pretty(&json!({"datasets": {"d": rows}, "image": "x"})).unwrap()
        };
        let written = with(&[(1, Some("data:xxxxxxxxxxxxxxxx")), (2, Some("data:yy"))]);
        let size = ChartSize::measure("c", &written, &["image"]);
        assert_eq!(size.pictures, 2);
        // Exactly the text the same rows without pictures would take.
        assert_eq!(
            size.without_pictures,
            with(&[(1, None), (2, None)]).len() as u64
        );
        let report = SizeReport {
            charts: vec![size],
            raw_array_bytes: 2048,
            picture_file_bytes: 0,
        };
        // Fed in pieces, or with the pictures written as null, it is the same.
        let mut meter = SizeMeter::new("c", &["image"]);
        for piece in written.as_bytes().chunks(7) {
            meter.feed(piece);
        }
        assert_eq!(meter.finish(0), report.charts[0]);
        let blank = written
            .replace("\"data:xxxxxxxxxxxxxxxx\"", "null")
            .replace("\"data:yy\"", "null");
        let mut meter = SizeMeter::new("c", &["image"]);
        meter.feed(blank.as_bytes());
        assert_eq!(meter.finish(2 * 2 + 21 + 7), report.charts[0]);
        let text = report.to_string();
        assert!(
            text.contains("2 pictures") && text.contains("2.0 KiB"),
            "{text}"
        );
    }
}
