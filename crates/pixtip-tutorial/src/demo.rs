//! `pixtip demo`: the whole Altair tutorial, end to end.
//!
//! Blob images from the tutorial's seed, their areas, the pair and single
//! tooltip pictures, and both charts written as Vega-Lite JSON and HTML pages,
//! plus `areas.csv` (and `arrays.npz` on request). The output folder is
//! written under a temporary name and swapped in whole at the end: an error
//! or a killed run leaves the previous output or none, never a mix.
//!
//! Nothing is done twice and little waits: each blob image is scaled, encoded
//! and joined into its row's pair on the pool as soon as it is made, while
//! the draws of the later rows go on, and the areas are the ones measured as
//! the blobs were normalised.

pub mod charts;
mod pictures;
mod tables;

use crate::blobs::{BlobDataset, BlobOptions, make_blobs_with};
use crate::error::TutorialError;
use ndarray::{ArrayD, Axis, IxDyn};
pub use pictures::picture_options;
use pictures::{Destination, TutorialPictures, write_files};
use std::sync::Mutex;

/// Threads writing picture files: creating files is mostly waiting for the
/// disk, so more of them than cores keep the waits overlapping.
const FILE_WRITERS: usize = 4;
use crate::blobs::MemoryBudget;
use pixtip::PixtipError;
use pixtip::output::{OutputFolder, write_file};
use pixtip::report::{ChartSize, SizeReport};
use pixtip::{ImageColumn, ImageTable, TableColumn};
use pixtip_encode::Preset;
use pixtip_random::Seed;
use pixtip_spec::{HtmlOptions, TopLevel};
use std::path::{Path, PathBuf};
use tables::{csv_text, format_float, write_npz};

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
    /// files, `Fast` quicker and 1.3x larger, `Smallest` 0.83x and slow.
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
    // Sizes over the memory budget are refused before anything is made.
    crate::blobs::check_options(&blob_options)?;
    // The whole folder is staged beside `out` and swapped into place at the end.
    let folder = OutputFolder::begin(out, &[])?;
    let staged = if options.picture_files {
        let dir = folder.path().join("pictures");
        std::fs::create_dir(&dir).map_err(|source| PixtipError::Io {
            path: dir.clone(),
            source,
        })?;
        Some(dir)
    } else {
        None
    };
    // Each image becomes its pictures on the pool as soon as it is made,
    // while the draws of the later rows go on; picture files are written by
    // threads of their own.
    let (queue, files) = std::sync::mpsc::channel();
    let destination = match &staged {
        Some(dir) => Destination::Files {
            dir: dir.clone(),
            queue,
        },
        None => Destination::DataUri,
    };
    let files = Mutex::new(files);
    let (data, made, written) = std::thread::scope(|scope| {
        let writers: Vec<_> = match staged {
            Some(_) => (0..FILE_WRITERS)
                .map(|_| scope.spawn(|| write_files(&files)))
                .collect(),
            None => Vec::new(),
        };
        let pictures = TutorialPictures::new(options.rows, options.preset, destination);
        let data = make_blobs_with(&blob_options, |kind, row, image| {
            pictures.add(kind, row, image);
        });
        // Finishing closes the queue, and the writers stop when it is empty.
        let made = pictures.finish();
        let written: Result<Vec<()>, PixtipError> = writers.into_iter().map(joined).collect();
        (data, made, written)
    });
    let data = data?;
    report("blobs", options.rows, options.rows);
    // A writer's failure explains a picture's "writers stopped": it comes first.
    written?;
    let ([pairs, singles1, singles2], picture_bytes) = made?;
    report("pictures", 3, 3);

    let arrays = if options.save_arrays {
        let path = out.join("arrays.npz");
        Some((
            stack("image1", &data.image1, &path)?,
            stack("image2", &data.image2, &path)?,
        ))
    } else {
        None
    };
    // The tutorial's "35 MB had we embedded the arrays": float64 values.
    let raw_array_bytes = data
        .image1
        .iter()
        .chain(&data.image2)
        .map(|image| image.len() as u64 * 8)
        .sum();
    let mut table = tutorial_table(data)?;
    table.add_column("image", TableColumn::Pictures(pairs.into()))?;
    table.add_column("image1_base64", TableColumn::Pictures(singles1.into()))?;
    table.add_column("image2_base64", TableColumn::Pictures(singles2.into()))?;

    report("charts", 0, 2);
    let comparison = charts::comparison(&table)?;
    let switch = charts::metric_switch(&table)?;
    let html = match &options.offline_js {
        Some(dir) => HtmlOptions::offline(dir),
        None => HtmlOptions::default(),
    };
    let mut jobs: Vec<(&str, FileJob<'_>)> = vec![
        (
            "comparison.vl.json",
            Box::new(|path| {
                let json = comparison.to_json_pretty()?;
                let size = ChartSize::measure("comparison", &json, &["image"]);
                Ok((write_text(path, &json)?, Some(size)))
            }),
        ),
        (
            "comparison.html",
            Box::new(|path| Ok((write_text(path, &comparison.to_html(&html)?)?, None))),
        ),
        (
            "metric-switch.vl.json",
            Box::new(|path| {
                let json = switch.to_json_pretty()?;
                let fields = ["image1_base64", "image2_base64"];
                let size = ChartSize::measure("metric-switch", &json, &fields);
                Ok((write_text(path, &json)?, Some(size)))
            }),
        ),
        (
            "metric-switch.html",
            Box::new(|path| Ok((write_text(path, &switch.to_html(&html)?)?, None))),
        ),
        (
            "areas.csv",
            Box::new(|path| Ok((write_text(path, &areas_csv(&table)?)?, None))),
        ),
    ];
    if let Some((image1, image2)) = arrays {
        jobs.push((
            "arrays.npz",
            Box::new(move |path| {
                write_npz(path, &[("image1", &image1), ("image2", &image2)])?;
                Ok((std::fs::metadata(path).map_or(0, |m| m.len()), None))
            }),
        ));
    }
    // Each file is made and written on a thread of its own: every atomic
    // write ends with an fsync, and the disk waits then overlap instead of
    // queueing behind each other and behind the making of the next file.
    // The picture folder moves into place meanwhile (removing the folder it
    // replaces takes a while): the charts need only the files' names.
    let staging = folder.path();
    let done = std::thread::scope(|scope| {
        let handles: Vec<_> = jobs
            .into_iter()
            .map(|(name, job)| {
                scope.spawn(move || {
                    job(&staging.join(name)).map(|(bytes, size)| {
                        let path = out.join(name);
                        (WrittenFile { path, bytes }, size)
                    })
                })
            })
            .collect();
        handles.into_iter().map(joined).collect::<Vec<_>>()
    });
    // The first file's failure, in the order the files are listed, wins.
    let mut files = Vec::new();
    let mut sizes = Vec::new();
    for result in done {
        let (file, size) = result?;
        files.push(file);
        sizes.extend(size);
    }
    folder.commit()?;
    report("charts", 2, 2);

    let size_report = SizeReport {
        charts: sizes,
        raw_array_bytes,
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

/// Makes one output file at the path given; says how many bytes it has and,
/// for a chart's JSON, its size report.
type FileJob<'a> =
    Box<dyn FnOnce(&Path) -> Result<(u64, Option<ChartSize>), TutorialError> + Send + 'a>;

/// What a scoped thread returned; its panic goes on in this thread.
fn joined<T>(handle: std::thread::ScopedJoinHandle<'_, T>) -> T {
    handle
        .join()
        .unwrap_or_else(|panic| std::panic::resume_unwind(panic))
}

/// Writes `text` into the staging folder; its length in bytes.
fn write_text(path: &Path, text: &str) -> Result<u64, PixtipError> {
    write_file(path, text.as_bytes())?;
    Ok(text.len() as u64)
}

/// The tutorial's DataFrame: image1, image2, group, and both areas
/// (`(x > 0.4).mean()`, measured once, as the blobs were made).
fn tutorial_table(data: BlobDataset) -> Result<ImageTable, PixtipError> {
    let mut table = ImageTable::new();
    table.add_images("image1", ImageColumn::from_images(data.image1))?;
    table.add_images("image2", ImageColumn::from_images(data.image2))?;
    table.add_text("group", data.group)?;
    table.add_numbers("image1_area", data.image1_area)?;
    table.add_numbers("image2_area", data.image2_area)?;
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
                group[i].to_string(),
                format_float(area1[i]),
                format_float(area2[i]),
            ]
        })
        .collect();
    Ok(csv_text(&["group", "image1_area", "image2_area"], &rows))
}

/// The images of a column as one array of shape (rows, width, ...), like `np.stack`.
fn stack(name: &str, images: &[ArrayD<f64>], path: &Path) -> Result<ArrayD<f64>, TutorialError> {
    let views: Vec<_> = images.iter().map(|image| image.view()).collect();
    if views.is_empty() {
        return Ok(ArrayD::zeros(IxDyn(&[0])));
    }
    ndarray::stack(Axis(0), &views).map_err(|e| TutorialError::Npz {
        path: path.to_path_buf(),
        message: format!("cannot stack `{name}`: {e}"),
    })
}
