//! The atlas: a million images as an overview drawn with the images
//! themselves and a page per region.
//!
//! The x/y plane is cut into an N×N grid of square cells ([`Grid`]). Each
//! occupied cell is summarised in one pass over its members, read by
//! position one at a time: the mean image, the member nearest it, an even
//! sample for the montage. The overview (`index.html`, `atlas.vl.json`)
//! draws each cell's picture at its centre over a log-scale density of
//! counts; its tooltip shows the montage, the count, the means of the
//! number fields and the colour field's most common value, and a click
//! opens the cell's page (`cells/<col>-<row>.html`), a scatter of the
//! cell's members (at most `detail_max` of them, an even sample when there
//! are more) whose tooltips show each image.
//!
//! Cells are worked on in parallel; memory holds the table, the cells'
//! member lists and, per worker, one sum image and one region page, so it
//! is bounded by the grid and `detail_max`, not by the number of images.
//!
//! ```
//! use ndarray::Array3;
//! use pixtip::atlas::{AtlasFields, AtlasOptions, write_atlas};
//! use pixtip::{ImageColumn, ImageTable, PictureOptions, no_progress};
//!
//! let mut table = ImageTable::new();
//! table.add_images("digit", ImageColumn::from_stack(&Array3::<u8>::from_elem((4, 8, 8), 9))?)?;
//! table.add_numbers("x", vec![0.0, 0.1, 5.0, 5.0])?;
//! table.add_numbers("y", vec![0.0, 0.2, 5.0, f64::NAN])?;
//! let fields = AtlasFields { x: "x".into(), y: "y".into(), images: "digit".into(), ..Default::default() };
//! let options = AtlasOptions { grid: 4, ..Default::default() };
//! let dir = tempfile::tempdir()?;
//! let pictures = PictureOptions::default();
//! let summary = write_atlas(&table, &fields, &options, &pictures, &Default::default(), dir.path(), &mut no_progress)?;
//! assert_eq!((summary.cells, summary.placed, summary.left_out), (2, 3, 1));
//! assert!(dir.path().join("cells/0-0.html").is_file());
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

mod draw;
mod grid;
mod job;
mod options;
mod overview;
mod region;
mod stats;
mod write;

pub use grid::{Cells, Grid, even_sample};
pub use job::{AtlasJobSummary, run_atlas_job};
pub use options::{AtlasFields, AtlasOptions, Summary};
pub use overview::{CellRow, OverviewTitles, overview_chart};
pub use region::{FILES_PER_FOLDER, RegionPictures};
pub use stats::{CellImages, cell_images, field_mean, mean_pixels, most_common};
pub use write::{AtlasOutput, AtlasSummary, write_atlas};
