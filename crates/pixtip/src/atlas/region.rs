//! Region pages: one cell's members as the everyday scatter, each point's
//! tooltip showing its image, with a line saying what the page shows and a
//! link back to the overview.

use super::draw::Drawer;
use super::options::AtlasFields;
use crate::charts::Scatter;
use crate::error::PixtipError;
use crate::output::write_file;
use crate::table::{ImageTable, TableColumn};
use pixtip_encode::to_data_uri;
use pixtip_spec::{Banner, HtmlOptions, TopLevel};
use rayon::prelude::*;
use std::path::PathBuf;

/// Picture files go in sub-folders of at most this many files.
pub const FILES_PER_FOLDER: u32 = 10_000;

/// Where a region page's pictures go.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RegionPictures {
    /// Inside the page, as data URIs.
    Embed,
    /// As `<dir>/<row / 10,000>/<row>.png`, referred to as `pictures/…`
    /// from the page (which sits beside `dir`).
    Files(PathBuf),
}

/// What every region page shares.
#[derive(Debug)]
pub(crate) struct Region<'a> {
    pub table: &'a ImageTable,
    pub fields: &'a AtlasFields,
    pub drawer: &'a Drawer<'a>,
    pub pictures: &'a RegionPictures,
    pub html: &'a HtmlOptions,
}

impl Region<'_> {
    /// The page of cell `name` showing rows `shown` of its `total` members.
    pub(crate) fn page(
        &self,
        name: &str,
        shown: &[u32],
        total: usize,
    ) -> Result<String, PixtipError> {
        let mut sub = ImageTable::new();
        for column in self.table.column_names() {
            let values = match self.table.column(column)? {
                TableColumn::Numbers(v) => {
                    TableColumn::Numbers(shown.iter().map(|&r| v[r as usize]).collect())
                }
                TableColumn::Text(v) => {
                    TableColumn::Text(shown.iter().map(|&r| &v[r as usize]).collect())
                }
                TableColumn::Pictures(v) => {
                    TableColumn::Pictures(shown.iter().map(|&r| &v[r as usize]).collect())
                }
                _ => continue,
            };
            sub.add_column(column, values)?;
            if let Ok(t) = self.table.field_type(column) {
                sub.set_field_type(column, t)?;
            }
        }
        let references: Vec<String> = shown
            .par_iter()
            .map(|&row| {
                let png = self.drawer.row_png(row)?;
                match self.pictures {
                    RegionPictures::Embed => Ok(to_data_uri(&png)),
                    RegionPictures::Files(dir) => {
                        let folder = (row / FILES_PER_FOLDER).to_string();
                        let path = dir.join(&folder);
                        std::fs::create_dir_all(&path).map_err(|source| PixtipError::Io {
                            path: path.clone(),
                            source,
                        })?;
                        write_file(&path.join(format!("{row}.png")), &png)?;
                        Ok(format!("pictures/{folder}/{row}.png"))
                    }
                }
            })
            .collect::<Result<_, PixtipError>>()?;
        let picture = sub.free_name("picture");
        sub.add_column(picture.clone(), TableColumn::Pictures(references.into()))?;
        let mut scatter = Scatter::new(&sub)
            .x(&self.fields.x)
            .y(&self.fields.y)
            .pictures(&picture)
            .tooltip(&self.fields.tooltip)
            .size(700, 560);
        if let Some(color) = &self.fields.color {
            scatter = scatter.color(color);
        }
        let chart = scatter.build()?;
        let text = if shown.len() < total {
            format!(
                "Cell {name}: {total} images; this page shows {} of them, spread evenly over the cell (--detail-max).",
                shown.len()
            )
        } else {
            format!("Cell {name}: {total} images.")
        };
        let html = HtmlOptions {
            banner: Some(Banner {
                text,
                link: Some(("../index.html".into(), "Back to the overview".into())),
            }),
            ..self.html.clone()
        };
        Ok(chart.to_html(&html)?)
    }
}
