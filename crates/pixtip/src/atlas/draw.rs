//! The atlas's pictures: a row's image, a cell's mean, and a cell's montage,
//! all drawn by the one picture path (scale → colormap → zoom → PNG).

use crate::error::PixtipError;
use crate::images::{ImageColumn, Pixels, ResolvedScale, Zoom};
use crate::parallel::at_row;
use crate::pictures::PictureOptions;
use pixtip_compose::{Gap, Picture, PictureSize, concat_grid, render};
use pixtip_encode::encode_png;

/// Draws the pictures of one image column, with its scale resolved once.
#[derive(Debug)]
pub(crate) struct Drawer<'a> {
    column: &'a ImageColumn,
    name: &'a str,
    scale: ResolvedScale,
    options: &'a PictureOptions,
}

impl<'a> Drawer<'a> {
    /// Resolves the column's scale (reading it once where the scale needs it).
    pub(crate) fn new(
        column: &'a ImageColumn,
        name: &'a str,
        options: &'a PictureOptions,
    ) -> Result<Drawer<'a>, PixtipError> {
        let scale = options.scale.resolve(column, name)?;
        Ok(Drawer {
            column,
            name,
            scale,
            options,
        })
    }

    /// `pixels` (of row `row`, or a cell's mean) as a tooltip picture.
    pub(crate) fn picture(
        &self,
        pixels: &Pixels,
        row: Option<u32>,
    ) -> Result<Picture, PixtipError> {
        self.draw(pixels, row, &self.options.size)
    }

    /// `pixels` shrunk to at most `side` pixels, for the overview's marks.
    pub(crate) fn small(
        &self,
        pixels: &Pixels,
        row: Option<u32>,
        side: u32,
    ) -> Result<Picture, PixtipError> {
        let size = PictureSize {
            thumbnail: Some(side.max(1)),
            zoom: Zoom::Factor(1),
        };
        self.draw(pixels, row, &size)
    }

    fn draw(
        &self,
        pixels: &Pixels,
        row: Option<u32>,
        size: &PictureSize,
    ) -> Result<Picture, PixtipError> {
        render(pixels, &self.scale, &self.options.look, size).map_err(|error| match row {
            Some(row) => at_row(self.name, row as usize, error.into()),
            None => PixtipError::Picture(format!("the mean image of `{}`: {error}", self.name)),
        })
    }

    /// Row `row`'s image.
    pub(crate) fn read(&self, row: u32) -> Result<Pixels, PixtipError> {
        self.column
            .image(row as usize)
            .map_err(|e| at_row(self.name, row as usize, e))
    }

    /// Row `row`'s tooltip picture as PNG bytes.
    pub(crate) fn row_png(&self, row: u32) -> Result<Vec<u8>, PixtipError> {
        let picture = self.picture(&self.read(row)?, Some(row))?;
        Ok(encode_png(&picture, self.options.preset)?)
    }

    /// The mean picture and member pictures in a square-ish grid, each
    /// labelled (`mean`, then each member's row), so a tooltip shows what a
    /// cell holds at a glance.
    pub(crate) fn montage(
        &self,
        mean: Picture,
        members: Vec<(u32, Picture)>,
    ) -> Result<Picture, PixtipError> {
        let mut pictures = vec![self.label(mean, "mean")];
        for (row, picture) in members {
            pictures.push(self.label(picture, &row.to_string()));
        }
        let columns = (pictures.len() as f64).sqrt().ceil() as usize;
        let gap = Gap {
            width: 4,
            fill: self.options.gap.fill,
        };
        Ok(concat_grid(&pictures, columns, gap)?)
    }

    fn label(&self, mut picture: Picture, text: &str) -> Picture {
        self.options.label_style.draw(&mut picture, text, 0);
        picture
    }

    /// PNG bytes of a picture, by the options' preset.
    pub(crate) fn png(&self, picture: &Picture) -> Result<Vec<u8>, PixtipError> {
        Ok(encode_png(picture, self.options.preset)?)
    }
}
