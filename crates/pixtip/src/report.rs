//! The size report: what the pictures cost a chart, as the tutorial tells it
//! ("19 KB without the images, 760 KB with them, 35 MB as raw arrays").

use serde_json::Value;
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
    /// Measures a chart spec (as its JSON value and written text), leaving the
    /// fields named in `picture_fields` out of every data row for the
    /// "without pictures" figure.
    pub fn measure(name: &str, spec: &Value, written: &str, picture_fields: &[&str]) -> ChartSize {
        let mut bare = spec.clone();
        let mut pictures = 0u64;
        if let Some(datasets) = bare.get_mut("datasets").and_then(Value::as_object_mut) {
            for rows in datasets.values_mut().filter_map(Value::as_array_mut) {
                for row in rows.iter_mut().filter_map(Value::as_object_mut) {
                    for field in picture_fields {
                        if row.remove(*field).is_some() {
                            pictures += 1;
                        }
                    }
                }
            }
        }
        let without = serde_json::to_string_pretty(&bare).map_or(0, |text| text.len() as u64);
        ChartSize {
            name: name.to_string(),
            with_pictures: written.len() as u64,
            without_pictures: without,
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
        let spec = json!({"datasets": {"d": [{"a": 1, "image": "data:xxxxxxxxxxxxxxxx"}, {"a": 2, "image": "data:yy"}]}});
        let written = serde_json::to_string_pretty(&spec).unwrap();
        let size = ChartSize::measure("c", &spec, &written, &["image"]);
        assert_eq!(size.pictures, 2);
        assert!(size.without_pictures < size.with_pictures);
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
