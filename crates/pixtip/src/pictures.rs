//! Picture columns: images rendered into tooltip pictures, encoded as PNG,
//! and kept as data URIs or as PNG files beside the chart. Each row's images
//! are drawn by `pixtip_compose::render` with their column's resolved
//! [`Scaling`] and joined by `pixtip_compose::join`: the one picture path.
//!
//! Rows are made in parallel batches straight from the image sources; a
//! batch's pictures are written out (files) or kept as their URIs before the
//! next batch is read, so memory holds the chart's table and one batch.

use crate::error::{PictureColumnError, PixtipError};
use crate::images::{ImageColumn, ResolvedScale, Scaling};
use crate::output::write_file;
use crate::parallel::for_each_batch;
use crate::references::{MadePicture, is_safe_picture_reference};
use crate::report::Progress;
use crate::spool::SpoolWriter;
use crate::table::{ImageTable, TableColumn};
use crate::texts::Texts;
use pixtip_compose::{Gap, LabelStyle, Look, Picture, PictureSize, Pixels, join, render};
use pixtip_encode::{ByteCount, Preset, encode_png, plain_png, to_data_uri};
use sha2::{Digest, Sha256};
use std::path::PathBuf;
use std::sync::Arc;

pub use crate::picture_storage::{FileNames, PictureStorage};
#[cfg(doc)]
use crate::report::no_progress;

/// Which texts are burned into pictures made of several image columns.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum Labels {
    /// Each image gets its column's name when a picture joins several
    /// columns; a single column's pictures get no label.
    #[default]
    ColumnNames,
    /// No labels.
    None,
    /// These texts, one per image column, in order (the tutorial's
    /// `["im1", "im2"]`).
    Custom(Vec<String>),
}

/// How images become tooltip pictures, grouped by concern: the scale, how
/// levels look, the pictures' size, how several columns' pictures are
/// joined and labelled, and the PNG compression.
///
/// ```
/// use pixtip::compose::{Colormap, Look};
/// use pixtip::{PictureOptions, Scaling};
///
/// let options = PictureOptions {
///     scale: Scaling::PerImage,
///     look: Look { colormap: Colormap::Viridis, ..Look::default() },
///     ..PictureOptions::default()
/// };
/// assert_eq!(options.size.thumbnail, Some(128));
/// ```
#[derive(Debug, Clone)]
pub struct PictureOptions {
    /// Values to 8-bit levels (default [`Scaling::Auto`]), per image column.
    pub scale: Scaling,
    /// Colours of gray images' levels (default gray), the colour of NaN
    /// pixels (default magenta, which no colormap uses) and how volumes
    /// (`D×H×W`) become 2-D (default: maximum along the first axis).
    pub look: Look,
    /// The pictures' size: shrunk (aspect kept) to at most 128 px on their
    /// longest side, small images enlarged to about 64 px, by default.
    pub size: PictureSize,
    /// Labels on pictures joined from several columns.
    pub labels: Labels,
    /// Space between joined images (default 10 px of white, the tutorial's).
    pub gap: Gap,
    /// Where, how tall, in what colour and font labels are drawn.
    pub label_style: LabelStyle,
    /// PNG compression. Except with [`Preset::Smallest`], a picture that is
    /// exactly an image stored as an 8-bit PNG (a table's cell, an image
    /// folder's file) is that PNG without its metadata chunks, not a new
    /// encoding.
    pub preset: Preset,
}

impl Default for PictureOptions {
    fn default() -> Self {
        PictureOptions {
            scale: Scaling::Auto,
            look: Look::default(),
            size: PictureSize::default(),
            labels: Labels::ColumnNames,
            gap: Gap::default(),
            label_style: LabelStyle::default(),
            preset: Preset::Default,
        }
    }
}

/// What [`ImageTable::add_pictures`] made.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct PictureSummary {
    /// Bytes of the pictures as PNG and as data URIs.
    pub bytes: ByteCount,
}

impl ImageTable {
    /// Adds a picture column `name` made from the image columns `sources`:
    /// one source gives one picture per row, several are joined side by side
    /// with a gap and labels (the tutorial's pair, for any number of columns).
    /// Rows are made in parallel batches; `progress` hears how many rows are
    /// done (stage `pictures`) after each batch ([`no_progress`] hears nothing).
    ///
    /// ```
    /// use ndarray::{Array2, Array3};
    /// use pixtip::{ImageColumn, ImageTable, PictureOptions, PictureStorage, no_progress};
    ///
    /// let mut table = ImageTable::new();
    /// table.add_images("a", ImageColumn::from_stack(&Array3::<u16>::zeros((1, 8, 8)))?)?;
    /// table.add_images("b", ImageColumn::from_images([Array2::from_elem((8, 8), 1.0f32)]))?;
    /// let storage = PictureStorage::DataUri;
    /// table.add_pictures("picture", &["a", "b"], &PictureOptions::default(), &storage, &mut no_progress)?;
    /// assert!(table.text("picture")?[0].starts_with("data:image/png;base64,"));
    /// # Ok::<(), pixtip::PixtipError>(())
    /// ```
    pub fn add_pictures(
        &mut self,
        name: &str,
        sources: &[&str],
        options: &PictureOptions,
        storage: &PictureStorage,
        progress: &mut dyn FnMut(Progress),
    ) -> Result<PictureSummary, PixtipError> {
        let mut progress = |done, total| {
            progress(Progress {
                stage: "pictures",
                done,
                total,
            })
        };
        if sources.is_empty() {
            return Err(PictureColumnError::NoSources {
                name: name.to_string(),
            }
            .into());
        }
        if self.column(name).is_ok() {
            return Err(PixtipError::DuplicateColumn {
                name: name.to_string(),
            });
        }
        // Auto scaling of encoded images (PNG cells, image files) is tried
        // first as if every image were 8-bit, which needs no range: a column
        // of 8-bit PNGs is then read once. The first wider image stops the
        // try (`NoAutoRange`); the range is then taken and the pictures drawn
        // again (8-bit ones come out the same either way).
        let guessed = |column: &ImageColumn| {
            options.scale == Scaling::Auto
                && column.element_type().is_none()
                && column.seen_ranges().is_none()
        };
        let columns = sources
            .iter()
            .map(|source| {
                let column = self.images(source)?;
                let scale = match guessed(column) {
                    true => ResolvedScale::auto(None),
                    false => options.scale.resolve(column, source)?,
                };
                Ok((*source, column, scale))
            })
            .collect::<Result<Vec<_>, PixtipError>>()?;
        let labels: Option<Vec<String>> = match &options.labels {
            Labels::None => None,
            Labels::ColumnNames if sources.len() < 2 => None,
            Labels::ColumnNames => Some(sources.iter().map(|s| s.to_string()).collect()),
            Labels::Custom(texts) => Some(texts.clone()),
        };
        let picture_index = self
            .column_names()
            .filter(|n| {
                matches!(
                    self.column(n),
                    Ok(TableColumn::Pictures(_) | TableColumn::SpooledPictures(_))
                )
            })
            .count();
        // A prefix of files is the user's: checked once here, so every
        // reference made below is safe by construction.
        if let PictureStorage::Files { url_prefix, .. } = storage
            && !is_safe_picture_reference(&format!("{}/0.png", url_prefix.trim_end_matches('/')))
        {
            return Err(PixtipError::Picture(format!(
                "picture files' URL prefix `{url_prefix}`: a relative path of letters, digits, `-`, `_`, `.` and `/` without `..` is needed"
            )));
        }
        let draw = |columns: &[(&str, &ImageColumn, ResolvedScale)],
                    progress: &mut dyn FnMut(usize, usize)| {
            self.draw_pictures(
                columns,
                labels.as_deref(),
                picture_index,
                options,
                storage,
                progress,
            )
        };
        let (column, total) = match draw(&columns, &mut progress) {
            Err(error) if needs_range(&error) && columns.iter().any(|(_, c, _)| guessed(c)) => {
                // Only the guessed columns' scales change.
                let columns = columns
                    .into_iter()
                    .map(|(source, column, scale)| {
                        let scale = match guessed(column) {
                            true => options.scale.resolve(column, source)?,
                            false => scale,
                        };
                        Ok((source, column, scale))
                    })
                    .collect::<Result<Vec<_>, PixtipError>>()?;
                draw(&columns, &mut progress)?
            }
            drawn => drawn?,
        };
        self.add_made_column(name.to_string(), column)?;
        Ok(PictureSummary { bytes: total })
    }

    /// Draws one picture a row from `columns` (each with its scale) into
    /// `storage`: the pictures' column and their bytes.
    fn draw_pictures(
        &self,
        columns: &[(&str, &ImageColumn, ResolvedScale)],
        labels: Option<&[String]>,
        picture_index: usize,
        options: &PictureOptions,
        storage: &PictureStorage,
        progress: &mut dyn FnMut(usize, usize),
    ) -> Result<(TableColumn, ByteCount), PixtipError> {
        let rows = self.rows();
        let mut spool = match storage {
            PictureStorage::DataUriSpooled { dir } => {
                Some(SpoolWriter::new_in(dir).map_err(|source| PixtipError::Io {
                    path: dir.clone(),
                    source,
                })?)
            }
            _ => None,
        };
        let spool_error = |source| PixtipError::Io {
            path: match storage {
                PictureStorage::DataUriSpooled { dir } => dir.clone(),
                _ => PathBuf::new(),
            },
            source,
        };
        // A picture of one image stored as PNG (a table's cell, a `.png`
        // file) that is exactly the image's samples is written as stored,
        // unless the smallest files were asked for.
        let keep_stored = columns.len() == 1 && options.preset != Preset::Smallest;
        let mut references = Texts::with_capacity(if spool.is_some() { 0 } else { rows }, 0);
        let mut total = ByteCount::default();
        progress(0, rows);
        for_each_batch(
            rows,
            columns.first().map_or("", |(source, _, _)| *source),
            |row| {
                let mut singles = Vec::with_capacity(columns.len());
                let mut stored = None;
                for (source, column, scale) in columns {
                    let (pixels, png) = match keep_stored {
                        true => column.image_and_png(row),
                        false => column.image(row).map(|pixels| (pixels, None)),
                    }
                    .map_err(|e| crate::parallel::at_row(source, row, e))?;
                    let picture =
                        render(&pixels, scale, &options.look, &options.size).map_err(|error| {
                            PixtipError::AtRow {
                                column: source.to_string(),
                                row,
                                source: Box::new(error.into()),
                            }
                        })?;
                    stored = png.and_then(|png| stored_picture(&png, &pixels, &picture));
                    singles.push(picture);
                }
                let picture = join(singles, labels, options.gap, &options.label_style)?;
                let png = match stored {
                    Some(png) => png,
                    None => encode_png(&picture, options.preset)?,
                };
                let bytes = ByteCount::of_png(&png);
                let reference = MadePicture(match storage {
                    PictureStorage::DataUri | PictureStorage::DataUriSpooled { .. } => {
                        to_data_uri(&png)
                    }
                    PictureStorage::Files {
                        dir,
                        url_prefix,
                        names,
                    } => {
                        let file = match names {
                            FileNames::Row => format!("{picture_index}-{row:06}.png"),
                            FileNames::ContentHash => {
                                let digest = Sha256::digest(&png);
                                let hex: String =
                                    digest[..8].iter().map(|b| format!("{b:02x}")).collect();
                                format!("{hex}.png")
                            }
                        };
                        write_file(&dir.join(&file), &png)?;
                        format!("{}/{file}", url_prefix.trim_end_matches('/'))
                    }
                });
                Ok((reference, bytes))
            },
            |start, batch| {
                let done = start + batch.len();
                for (MadePicture(reference), bytes) in batch {
                    match &mut spool {
                        Some(spool) => spool.push(&reference).map_err(spool_error)?,
                        None => references.push(&reference),
                    }
                    total += bytes;
                }
                progress(done, rows);
                Ok(())
            },
        )?;
        let column = match spool {
            Some(spool) => {
                TableColumn::SpooledPictures(Arc::new(spool.finish().map_err(spool_error)?))
            }
            None => TableColumn::Pictures(references),
        };
        Ok((column, total))
    }
}

/// The PNG an image was decoded from, reduced to its samples' chunks
/// ([`plain_png`]), when the picture drawn from the image is exactly those
/// samples: 8-bit, of the same size and channels, pixel for pixel.
fn stored_picture(png: &[u8], pixels: &Pixels, picture: &Picture) -> Option<Vec<u8>> {
    let samples = pixels.as_u8()?.as_slice()?;
    let drawn: &[u8] = match picture {
        Picture::Gray(i) => i.as_raw(),
        Picture::Rgb(i) => i.as_raw(),
        Picture::Rgba(i) => i.as_raw(),
        Picture::Gray16(_) => return None,
    };
    // The samples first: a picture drawn anew (zoomed, coloured) differs
    // there, and the PNG is then neither parsed nor copied.
    if samples != drawn {
        return None;
    }
    let plain = plain_png(png)?;
    let same = plain.kind == picture.kind()
        && (plain.width, plain.height) == (picture.width(), picture.height());
    same.then_some(plain.bytes)
}

/// Whether drawing stopped at an image whose auto scaling needs a range
/// that was not taken (a wide image where 8-bit ones were guessed).
fn needs_range(error: &PixtipError) -> bool {
    match error {
        PixtipError::AtRow { source, .. } => needs_range(source),
        PixtipError::Compose(pixtip_compose::ComposeError::NoAutoRange { .. }) => true,
        _ => false,
    }
}
