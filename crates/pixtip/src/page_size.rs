//! Whether a chart page will open: its size estimated before any picture
//! is made, and a refusal, naming the ways out, when a browser would not
//! open it.
//!
//! A Vega-Lite page holds about 100,000 points well: in headless Chromium
//! on this project's machine a 100,000-point page with picture files first
//! renders in 2.7 s, and a 1,000,000-point page (69 MB) does not finish
//! loading within 30 s; 1,000,000 embedded pictures make a 1.5 GB page.

use crate::error::PixtipError;
use crate::images::ImageColumn;
use crate::pictures::{PictureOptions, PictureStorage};
use crate::table::ImageTable;

/// The largest page pixtip writes without being forced.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PageLimits {
    /// Bytes of the page (default 200 MB).
    pub max_bytes: u64,
    /// Points of the chart (default 300,000).
    pub max_points: usize,
}

impl Default for PageLimits {
    fn default() -> PageLimits {
        PageLimits {
            max_bytes: 200_000_000,
            max_points: 300_000,
        }
    }
}

/// A page's estimated size.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PageEstimate {
    /// Points (rows) the chart draws.
    pub points: usize,
    /// Bytes of the page, about.
    pub bytes: u64,
}

/// Rows drawn to measure the pictures: spread evenly over the table.
const SAMPLE_ROWS: usize = 32;
/// A row's fields other than its picture, in the page's JSON (about).
const ROW_OVERHEAD: u64 = 120;
/// A picture file's reference (`"picture":"pictures/0-000123.png"`).
const FILE_REFERENCE: u64 = 40;

/// Estimates the page of `table` with pictures joined from `sources`,
/// embedded as data URIs or (`embed` false) as files: a few rows' pictures
/// are made and measured, the rest counted. Only the table's own columns
/// can fail here; a row that cannot be drawn is left to the picture path.
pub fn estimate_page(
    table: &ImageTable,
    sources: &[&str],
    options: &PictureOptions,
    embed: bool,
) -> Result<PageEstimate, PixtipError> {
    let points = table.rows();
    // A sample that cannot be drawn (a bad row, a scale with no data) is
    // left to the picture path, which reports it by its real row.
    let per_picture = if embed && points > 0 {
        mean_data_uri(table, sources, options).unwrap_or(FILE_REFERENCE)
    } else {
        FILE_REFERENCE
    };
    Ok(PageEstimate {
        points,
        bytes: points as u64 * (per_picture + ROW_OVERHEAD),
    })
}

/// The mean length of a few rows' pictures as data URIs.
fn mean_data_uri(
    table: &ImageTable,
    sources: &[&str],
    options: &PictureOptions,
) -> Result<u64, PixtipError> {
    let points = table.rows();
    let rows: Vec<usize> = if points <= SAMPLE_ROWS {
        (0..points).collect()
    } else {
        (0..SAMPLE_ROWS).map(|i| i * points / SAMPLE_ROWS).collect()
    };
    let mut sample = ImageTable::new();
    for source in sources {
        let column = table.images(source)?;
        let images = rows
            .iter()
            .map(|&row| column.image(row))
            .collect::<Result<Vec<_>, _>>()?;
        sample.add_images(*source, ImageColumn::from_images(images))?;
    }
    sample.add_pictures(
        "picture",
        sources,
        options,
        &PictureStorage::DataUri,
        &mut crate::report::no_progress,
    )?;
    let uris = sample.text("picture")?;
    Ok(uris.iter().map(|u| u.len() as u64).sum::<u64>() / uris.len().max(1) as u64)
}

impl PageEstimate {
    /// Refuses a page over `limits`, in one line naming what to do instead.
    pub fn check(self, limits: &PageLimits) -> Result<(), PixtipError> {
        let mb = self.bytes / 1_000_000;
        if self.points > limits.max_points {
            return Err(PixtipError::PageTooLarge(format!(
                "{} points (about {mb} MB) are more than a browser draws on one page (over {}); write an atlas of pages with --atlas (--pictures files makes the page smaller, not quicker to draw), or force it with --force-large-page",
                self.points, limits.max_points
            )));
        }
        if self.bytes > limits.max_bytes {
            return Err(PixtipError::PageTooLarge(format!(
                "the page would be about {mb} MB, more than a browser opens (over {} MB); write the pictures as files with --pictures files, an atlas with --atlas, or force it with --force-large-page",
                limits.max_bytes / 1_000_000
            )));
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ndarray::Array3;

    fn table(rows: usize) -> ImageTable {
        let stack = Array3::<u8>::from_shape_fn((rows, 16, 16), |(n, y, x)| {
            ((n * 31 + y * 7 + x * 13) % 256) as u8
        });
        let mut table = ImageTable::new();
        table
            .add_images("cells", ImageColumn::from_stack(&stack).unwrap())
            .unwrap();
        table
    }

    #[test]
    fn embedded_pictures_are_measured_and_files_counted() {
        let table = table(100);
        let options = PictureOptions::default();
        let embedded = estimate_page(&table, &["cells"], &options, true).unwrap();
        let files = estimate_page(&table, &["cells"], &options, false).unwrap();
        assert_eq!((embedded.points, files.points), (100, 100));
        assert!(
            embedded.bytes > files.bytes + 100 * 100,
            "{embedded:?} {files:?}"
        );
        let limits = PageLimits {
            max_bytes: files.bytes + 1,
            max_points: 1000,
        };
        let error = embedded.check(&limits).unwrap_err().to_string();
        assert!(
            error.contains("--pictures files") && error.contains("--atlas"),
            "{error}"
        );
        assert!(files.check(&limits).is_ok());
        let few = PageLimits {
            max_points: 99,
            ..limits
        };
        let error = files.check(&few).unwrap_err().to_string();
        assert!(
            error.contains("100 points") && error.contains("--atlas"),
            "{error}"
        );
    }
}
