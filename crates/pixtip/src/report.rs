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
        let keys: Vec<String> = picture_fields
            .iter()
            .map(|f| format!("{}: \"", pixtip_spec::string_literal(f)))
            .collect();
        // The indentation of the `"datasets": {` line while inside that object.
        let mut datasets_indent: Option<usize> = None;
        let mut removed = 0u64;
        let mut pictures = 0u64;
        let mut lines = written.split_inclusive('\n').peekable();
        while let Some(line) = lines.next() {
            let trimmed = line.trim_start();
            let indent = line.len() - trimmed.len();
            match datasets_indent {
                None => {
                    if trimmed.starts_with("\"datasets\": {") {
                        datasets_indent = Some(indent);
                    }
                    continue;
                }
                Some(open) if indent == open && trimmed.starts_with('}') => {
                    datasets_indent = None;
                    continue;
                }
                Some(_) => {}
            }
            if keys.iter().any(|k| trimmed.starts_with(k.as_str())) {
                pictures += 1;
                removed += line.len() as u64;
                // The entry closed its row: the line before loses its comma.
                if lines
                    .peek()
                    .is_some_and(|next| next.trim_start().starts_with('}'))
                {
                    removed += 1;
                }
            }
        }
        ChartSize {
            name: name.to_string(),
            with_pictures: written.len() as u64,
            without_pictures: written.len() as u64 - removed,
            pictures,
        }
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
        let text = report.to_string();
        assert!(
            text.contains("2 pictures") && text.contains("2.0 KiB"),
            "{text}"
        );
    }
}
