//! `pixtip demo`: the whole Altair tutorial, end to end.
//!
//! Blob images from the tutorial's seed, their areas, the pair and single
//! tooltip pictures, and both charts written as Vega-Lite JSON and HTML pages,
//! plus `areas.csv` (and `arrays.npz` on request). The output folder is
//! written under a temporary name and swapped in whole at the end: an error
//! or a killed run leaves the previous output or none, never a mix.

use crate::blobs::{BlobDataset, BlobOptions};
use crate::error::TutorialError;
use ndarray::{ArrayD, Axis, IxDyn};
use pixtip::PixtipError;
use pixtip::charts::{self, ChartOptions, PictureLookup};
use pixtip::limits::MemoryBudget;
use pixtip::output::{OutputFolder, csv_text, format_float, write_file, write_npz};
use pixtip::report::{ChartSize, SizeReport};
use pixtip::{ImageColumn, ImageTable, Metric, PictureOptions, PictureStorage};
use pixtip_encode::Preset;
use pixtip_random::Seed;
use pixtip_spec::{HtmlOptions, TopLevel};
use std::path::{Path, PathBuf};

/// What the demo makes; the defaults are the tutorial's.
#[derive(Debug, Clone, PartialEq)]
pub struct DemoOptions {
    /// Number of rows (pairs of images).
    pub rows: usize,
    /// Image width in pixels.
    pub width: usize,
    /// 2 for images, 3 for volumes (tooltips show their max projections).
    pub ndim: usize,
    /// numpy seed; the tutorial's is the code points of "altair".
    pub seed: Seed,
    /// Also write `arrays.npz` with the float64 stacks `image1` and `image2`.
    pub save_arrays: bool,
    /// Inline vega, vega-lite and vega-embed from this `node_modules` folder,
    /// so the pages work offline; `None` loads them from the jsDelivr CDN.
    pub offline_js: Option<PathBuf>,
    /// Write the pictures as PNG files in `DIR/pictures/` instead of embedding
    /// them as data URIs: the charts stay small, but must travel with the folder.
    pub picture_files: bool,
    /// PNG compression of the pictures: `Default` is no larger than Pillow's
    /// files, `Fast` about 6x quicker and 1.3x larger, `Smallest` 0.83x and slow.
    pub preset: Preset,
    /// The most memory the images may take (default: three quarters of what
    /// is available); larger `rows`, `width` or `ndim` are refused up front.
    pub memory_budget: MemoryBudget,
}

impl Default for DemoOptions {
    fn default() -> Self {
        DemoOptions {
            rows: 200,
            width: 96,
            ndim: 2,
            seed: Seed::text("altair"),
            save_arrays: false,
            offline_js: None,
            picture_files: false,
            preset: Preset::Default,
            memory_budget: MemoryBudget::from_machine(),
        }
    }
}

pub use pixtip::report::{Progress, WrittenFile};

/// What the demo did.
#[derive(Debug, Clone)]
pub struct DemoSummary {
    /// Every file written, in order.
    pub files: Vec<WrittenFile>,
    /// Chart sizes with and without pictures, and the raw arrays' size.
    pub size_report: SizeReport,
    /// The table behind the charts (images, areas, groups, pictures).
    pub table: ImageTable,
}

/// Runs the tutorial into `out` (created if missing).
pub fn run_demo(
    out: &Path,
    options: &DemoOptions,
    progress: &mut dyn FnMut(Progress),
) -> Result<DemoSummary, TutorialError> {
    let mut report = |stage, done, total| progress(Progress { stage, done, total });

    report("blobs", 0, options.rows);
    let blob_options = BlobOptions {
        seed: options.seed.clone(),
        rows: options.rows,
        width: options.width,
        ndim: options.ndim,
        memory_budget: options.memory_budget,
        ..BlobOptions::default()
    };
    let data = BlobDataset::generate(&blob_options)?;
    report("blobs", options.rows, options.rows);
    // Nothing is written until the data exists: bad sizes leave no folder
    // behind. The whole folder is staged and swapped into place at the end.
    let folder = OutputFolder::begin(out, &[])?;
    let arrays = if options.save_arrays {
        let path = out.join("arrays.npz");
        Some((
            stack("image1", &data.image1, &path)?,
            stack("image2", &data.image2, &path)?,
        ))
    } else {
        None
    };
    let mut table = tutorial_table(data)?;
    let storage = if options.picture_files {
        let dir = folder.path().join("pictures");
        std::fs::create_dir(&dir).map_err(|source| PixtipError::Io {
            path: dir.clone(),
            source,
        })?;
        PictureStorage::files(dir, "pictures")
    } else {
        PictureStorage::DataUri
    };
    report("pictures", 0, 3);
    let pictures = PictureOptions {
        preset: options.preset,
        ..PictureOptions::tutorial()
    };
    let mut picture_bytes = table
        .add_pictures("image", &["image1", "image2"], &pictures, &storage)?
        .bytes;
    report("pictures", 1, 3);
    picture_bytes += table
        .add_pictures("image1_base64", &["image1"], &pictures, &storage)?
        .bytes;
    report("pictures", 2, 3);
    picture_bytes += table
        .add_pictures("image2_base64", &["image2"], &pictures, &storage)?
        .bytes;
    report("pictures", 3, 3);

    report("charts", 0, 2);
    let comparison = charts::comparison(
        &table,
        &["image1_area", "image2_area"],
        "group",
        "image",
        &ChartOptions::comparison(),
    )?;
    let switch = charts::metric_switch(
        &table,
        &[
            ("image1_area", "image1_base64"),
            ("image2_area", "image2_base64"),
        ],
        "group",
        &PictureLookup::Replace {
            from: "_area".into(),
            to: "_base64".into(),
        },
        &ChartOptions::metric_switch(),
    )?;
    let html = match &options.offline_js {
        Some(dir) => HtmlOptions::offline(dir),
        None => HtmlOptions::default(),
    };
    let comparison_json = comparison.to_json_pretty()?;
    let comparison_html = comparison.to_html(&html)?;
    let switch_json = switch.to_json_pretty()?;
    let switch_html = switch.to_html(&html)?;
    let sizes = vec![
        ChartSize::measure("comparison", &comparison_json, &["image"]),
        ChartSize::measure(
            "metric-switch",
            &switch_json,
            &["image1_base64", "image2_base64"],
        ),
    ];
    report("charts", 2, 2);

    let mut files = Vec::new();
    let mut write = |name: &str, bytes: &[u8]| -> Result<(), PixtipError> {
        write_file(&folder.path().join(name), bytes)?;
        files.push(WrittenFile {
            path: out.join(name),
            bytes: bytes.len() as u64,
        });
        Ok(())
    };
    write("comparison.vl.json", comparison_json.as_bytes())?;
    write("comparison.html", comparison_html.as_bytes())?;
    write("metric-switch.vl.json", switch_json.as_bytes())?;
    write("metric-switch.html", switch_html.as_bytes())?;
    write("areas.csv", areas_csv(&table)?.as_bytes())?;
    if let Some((image1, image2)) = arrays {
        let path = folder.path().join("arrays.npz");
        write_npz(&path, &[("image1", &image1), ("image2", &image2)])?;
        let bytes = std::fs::metadata(&path).map_or(0, |m| m.len());
        files.push(WrittenFile {
            path: out.join("arrays.npz"),
            bytes,
        });
    }
    folder.commit()?;

    let size_report = SizeReport {
        charts: sizes,
        raw_array_bytes: table.raw_image_bytes()?,
        picture_file_bytes: if options.picture_files {
            picture_bytes.png as u64
        } else {
            0
        },
    };
    Ok(DemoSummary {
        files,
        size_report,
        table,
    })
}

/// The tutorial's DataFrame: image1, image2, group, and both areas measured
/// as `(x > 0.4).mean()`.
fn tutorial_table(data: BlobDataset) -> Result<ImageTable, PixtipError> {
    let mut table = ImageTable::new();
    table.add_images("image1", ImageColumn::from_images(data.image1))?;
    table.add_images("image2", ImageColumn::from_images(data.image2))?;
    table.add_text("group", data.group)?;
    table.add_metric("image1_area", "image1", Metric::FractionAbove(0.4))?;
    table.add_metric("image2_area", "image2", Metric::FractionAbove(0.4))?;
    Ok(table)
}

/// `areas.csv` as make_reference.py writes it: group, image1_area, image2_area,
/// floats as the shortest text that reads back as the same number.
fn areas_csv(table: &ImageTable) -> Result<String, PixtipError> {
    let group = table.text("group")?;
    let area1 = table.numbers("image1_area")?;
    let area2 = table.numbers("image2_area")?;
    let rows: Vec<Vec<String>> = (0..table.rows())
        .map(|i| {
            vec![
                group[i].clone(),
                format_float(area1[i]),
                format_float(area2[i]),
            ]
        })
        .collect();
    Ok(csv_text(&["group", "image1_area", "image2_area"], &rows))
}

/// The images of a column as one array of shape (rows, width, ...), like `np.stack`.
fn stack(name: &str, images: &[ArrayD<f64>], path: &Path) -> Result<ArrayD<f64>, PixtipError> {
    let views: Vec<_> = images.iter().map(|image| image.view()).collect();
    if views.is_empty() {
        return Ok(ArrayD::zeros(IxDyn(&[0])));
    }
    ndarray::stack(Axis(0), &views).map_err(|e| PixtipError::Npz {
        path: path.to_path_buf(),
        message: format!("cannot stack `{name}`: {e}"),
    })
}
