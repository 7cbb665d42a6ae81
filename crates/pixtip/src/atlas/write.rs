//! Writing an atlas: the cells summarised in parallel, their pages, and the overview.

use super::draw::Drawer;
use super::grid::{Cells, Grid, even_sample};
use super::options::{AtlasFields, AtlasOptions, Summary};
use super::overview::{CellRow, OverviewTitles, overview_chart};
use super::region::{Region, RegionPictures};
use super::stats::{cell_images, field_mean, mean_pixels, most_common};
use crate::error::{AtlasError, PixtipError, RequestError};
use crate::output::write_file;
use crate::pictures::PictureOptions;
use crate::report::Progress;
use crate::table::{ImageTable, TableColumn};
use pixtip_encode::to_data_uri;
use pixtip_spec::{FieldType, HtmlOptions, Scripts, TopLevel, copy_scripts};
use rayon::prelude::*;
use std::path::{Path, PathBuf};

/// Where an atlas's pages go and how they load vega.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct AtlasOutput {
    /// Region pages' pictures inside the pages, or as files in `cells/pictures/`.
    pub picture_files: bool,
    /// vega-embed options and scripts of every page (drawn on a canvas
    /// whatever is given; inlined scripts are copied once into `js/` instead).
    pub html: HtmlOptions,
}

/// What an atlas holds.
#[derive(Debug, Clone, PartialEq)]
pub struct AtlasSummary {
    /// Occupied cells (region pages).
    pub cells: usize,
    /// Rows placed in a cell.
    pub placed: usize,
    /// Rows left out because x or y is NaN or infinite.
    pub left_out: usize,
    /// Members of the largest cell.
    pub largest_cell: usize,
    /// Cells whose page shows a sample.
    pub sampled_cells: usize,
    /// The grid.
    pub grid: Grid,
    /// Bytes of the overview page.
    pub overview_bytes: u64,
}

/// Writes the atlas of `table` into the folder `dir` (which must exist):
/// `index.html`, `atlas.vl.json` and `cells/`, telling `progress` how many
/// cells are done ([`no_progress`](crate::report::no_progress) hears
/// nothing). Use [`run_atlas_job`](super::run_atlas_job) for a folder
/// written whole or not at all.
pub fn write_atlas(
    table: &ImageTable,
    fields: &AtlasFields,
    options: &AtlasOptions,
    pictures: &PictureOptions,
    output: &AtlasOutput,
    dir: &Path,
    progress: &mut dyn FnMut(Progress),
) -> Result<AtlasSummary, PixtipError> {
    let numbers = |name: &str, axis: &'static str| {
        table.numbers(name).map_err(|e| RequestError::AtlasAxis {
            axis,
            why: e.to_string(),
        })
    };
    let xs = numbers(&fields.x, "x")?;
    let ys = numbers(&fields.y, "y")?;
    let column = table.images(&fields.images)?;
    let cells = Cells::assign(xs, ys, options.grid)?;
    let drawer = Drawer::new(column, &fields.images, pictures)?;
    let color = match &fields.color {
        Some(reference) => Some(crate::charts::Field::find(table, reference)?.column),
        None => None,
    };
    let mean_fields: Vec<String> = table
        .column_names()
        .filter(|n| {
            *n != "index"
                && matches!(table.column(n), Ok(TableColumn::Numbers(_)))
                && table.field_type(n).ok() == Some(FieldType::Quantitative)
        })
        .map(str::to_string)
        .collect();
    let cells_dir = dir.join("cells");
    create_dir(&cells_dir)?;
    let region_pictures = if output.picture_files {
        let folder = cells_dir.join("pictures");
        create_dir(&folder)?;
        RegionPictures::Files(folder)
    } else {
        RegionPictures::Embed
    };
    // Offline scripts are copied once into `js/` and shared by every page,
    // rather than inlined into each of thousands of pages.
    let (html, region_html) = match &output.html.scripts {
        Scripts::Inline(node_modules) => {
            let js = dir.join("js");
            create_dir(&js)?;
            copy_scripts(node_modules, &js)?;
            let with = |folder: &str| HtmlOptions {
                scripts: Scripts::Files(folder.into()),
                ..output.html.clone()
            };
            (with("js").canvas(), with("../js").canvas())
        }
        _ => (output.html.clone().canvas(), output.html.clone().canvas()),
    };
    let region = Region {
        table,
        fields,
        drawer: &drawer,
        pictures: &region_pictures,
        html: &region_html,
    };
    // Pictures fill four fifths of their cell, so the density shows around them.
    let cell_px = options.overview_size / u32::try_from(options.grid).unwrap_or(u32::MAX).max(1);
    let side = (cell_px * 4 / 5).max(6);
    let occupied = cells.occupied();
    let total = occupied.len();
    let element = column.element_type();
    let make_cell = |&(col, row): &(usize, usize)| -> Result<(CellRow, bool), PixtipError> {
        let members = cells.members(col, row);
        let name = format!("{col}-{row}");
        let summary = cell_images(column, &fields.images, members)?;
        let mean = mean_pixels(&summary.mean, element);
        let mark = match options.summary {
            Summary::Mean => drawer.small(&mean, None, side * 2)?,
            Summary::Representative => {
                let row = summary.representative;
                drawer.small(&drawer.read(row)?, Some(row), side * 2)?
            }
        };
        let mut montage = Vec::new();
        for row in even_sample(members, options.samples) {
            montage.push((row, drawer.picture(&drawer.read(row)?, Some(row))?));
        }
        let montage = drawer.montage(drawer.picture(&mean, None)?, montage)?;
        let montage_file = format!("{name}-montage.png");
        write_file(&cells_dir.join(&montage_file), &drawer.png(&montage)?)?;
        let shown = even_sample(members, options.detail_max);
        let page = region.page(&name, &shown, members.len())?;
        write_file(&cells_dir.join(format!("{name}.html")), page.as_bytes())?;
        let means = mean_fields
            .iter()
            .map(|f| table.numbers(f).ok().and_then(|v| field_mean(v, members)))
            .collect();
        let top_color = match &color {
            Some(c) => most_common(table.column(c)?, members),
            None => serde_json::Value::Null,
        };
        Ok((
            CellRow {
                name: name.clone(),
                bounds: cells.grid.bounds(col, row),
                count: members.len(),
                picture: to_data_uri(&drawer.png(&mark)?),
                montage: format!("cells/{montage_file}"),
                page: format!("cells/{name}.html"),
                means,
                top_color,
            },
            shown.len() < members.len(),
        ))
    };
    progress(Progress {
        stage: "cells",
        done: 0,
        total,
    });
    // The cells go to the rayon pool from a thread of their own, so this
    // thread can report progress as they finish.
    let (sender, receiver) = std::sync::mpsc::channel::<()>();
    let results: Vec<Result<(CellRow, bool), PixtipError>> = std::thread::scope(|scope| {
        let worker = scope.spawn(move || {
            occupied
                .par_iter()
                .map_with(sender, |sender, cell| {
                    let result = make_cell(cell);
                    let _ = sender.send(());
                    result
                })
                .collect()
        });
        for (done, ()) in receiver.iter().enumerate() {
            progress(Progress {
                stage: "cells",
                done: done + 1,
                total,
            });
        }
        worker
            .join()
            .unwrap_or_else(|_| vec![Err(AtlasError::WorkerPanicked.into())])
    });
    // The first failing cell, in cell order, whatever the schedule.
    let mut rows = Vec::with_capacity(results.len());
    let mut sampled_cells = 0;
    for result in results {
        let (row, sampled) = result?;
        sampled_cells += usize::from(sampled);
        rows.push(row);
    }
    let titles = OverviewTitles {
        x: fields.x.clone(),
        y: fields.y.clone(),
        means: mean_fields,
        color,
        title: fields.title.clone(),
    };
    let chart = overview_chart(&rows, &titles, options.overview_size, side)?;
    write_file(
        &dir.join("atlas.vl.json"),
        chart.to_json_pretty()?.as_bytes(),
    )?;
    let page = chart.to_html(&html)?;
    write_file(&dir.join("index.html"), page.as_bytes())?;
    Ok(AtlasSummary {
        cells: rows.len(),
        placed: cells.placed(),
        left_out: cells.left_out,
        largest_cell: rows.iter().map(|r| r.count).max().unwrap_or(0),
        sampled_cells,
        grid: cells.grid,
        overview_bytes: page.len() as u64,
    })
}

fn create_dir(path: &Path) -> Result<(), PixtipError> {
    std::fs::create_dir_all(path).map_err(|source| PixtipError::Io {
        path: PathBuf::from(path),
        source,
    })
}
