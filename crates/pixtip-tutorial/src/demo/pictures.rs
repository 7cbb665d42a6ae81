//! The demo's three picture columns, made while the blob images are: each
//! image is scaled once, encoded as its single picture, and joined with its
//! row's other image into the labelled pair as soon as both exist.
//!
//! The pictures are made by the one picture path (`pixtip_compose::render`
//! and `join`, with [`picture_options`]), as the facade's
//! `ImageTable::add_pictures` makes them, pixel for pixel and file name for
//! file name; the facade would read each image back, scale it once per
//! column it appears in and wait for the whole dataset first.

use crate::blobs::BlobKind;
use ndarray::ArrayD;
use pixtip::compose::{ElementType, ImageLayout, Picture, ResolvedScale, join, render_values};
use pixtip::encode::{ByteCount, Preset, encode_png, to_data_uri};
use pixtip::output::write_file;
use pixtip::{Labels, PictureOptions, PictureSize, Scaling};
use pixtip::{PictureColumnError, PixtipError};
use std::path::PathBuf;
use std::sync::mpsc::{Receiver, Sender};
use std::sync::{Mutex, OnceLock};

/// The tutorial's pictures: unit scaling (`(255 * x).astype('uint8')`),
/// sizes kept, a 10 px white gap and the labels `im1` and `im2` on pairs.
///
/// ```
/// use pixtip::{PictureSize, Scaling};
/// let options = pixtip_tutorial::demo::picture_options();
/// assert_eq!((options.scale, options.size), (Scaling::Unit, PictureSize::ACTUAL));
/// ```
pub fn picture_options() -> PictureOptions {
    PictureOptions {
        scale: Scaling::Unit,
        size: PictureSize::ACTUAL,
        labels: Labels::Custom(vec!["im1".into(), "im2".into()]),
        ..PictureOptions::default()
    }
}

/// Where the pictures go.
#[derive(Debug)]
pub(crate) enum Destination {
    /// Into the charts, as data URIs.
    DataUri,
    /// As PNG files in `dir`, referenced as `pictures/NAME`, handed to
    /// [`write_files`] threads through `queue`.
    Files {
        /// The folder of the files.
        dir: PathBuf,
        /// Where the files wait for a writer.
        queue: Sender<PictureFile>,
    },
}

/// A PNG file to write: its path and bytes.
pub(crate) type PictureFile = (PathBuf, Vec<u8>);

/// Writes the files of the queue until it closes; the first failure stops
/// this writer. Files are written on threads of their own because creating
/// one can block for a long while on a busy disk (a millisecond each on the
/// shared development machine), and the encoding goes on meanwhile.
pub(crate) fn write_files(queue: &Mutex<Receiver<PictureFile>>) -> Result<(), PixtipError> {
    loop {
        let next = queue.lock().unwrap_or_else(|e| e.into_inner()).recv();
        let Ok((path, png)) = next else {
            return Ok(());
        };
        write_file(&path, &png)?;
    }
}

/// The columns in the order the facade would number them for file names.
const COLUMNS: [&str; 3] = ["image", "image1_base64", "image2_base64"];

/// A picture's reference (data URI or relative URL) and its size, or why not.
type Made = Result<(String, ByteCount), PixtipError>;

/// The picture columns being filled, one slot per row in each.
pub(crate) struct TutorialPictures {
    style: PictureOptions,
    destination: Destination,
    /// The first single picture of each row to arrive, until its partner does.
    waiting: Vec<Mutex<Option<Picture>>>,
    /// `image` (pairs), `image1_base64`, `image2_base64`.
    columns: [Vec<OnceLock<Made>>; 3],
}

impl TutorialPictures {
    pub(crate) fn new(rows: usize, preset: Preset, destination: Destination) -> Self {
        let slots = || (0..rows).map(|_| OnceLock::new()).collect::<Vec<_>>();
        let style = PictureOptions {
            preset,
            ..picture_options()
        };
        TutorialPictures {
            style,
            destination,
            waiting: (0..rows).map(|_| Mutex::new(None)).collect(),
            columns: [slots(), slots(), slots()],
        }
    }

    /// Takes row `row`'s image of `kind` (circles are `image1`, squares `image2`).
    pub(crate) fn add(&self, kind: BlobKind, row: usize, image: &ArrayD<f64>) {
        let (index, source) = match kind {
            BlobKind::Circle => (1, "image1"),
            BlobKind::Square => (2, "image2"),
        };
        let single = match self.render(image) {
            Ok(picture) => picture,
            Err(error) => {
                let _ = self.columns[index][row].set(Err(at_row(source, row, error)));
                return;
            }
        };
        let _ = self.columns[index][row].set(self.store(index, row, &single));
        let partner = {
            let mut waiting = self.waiting[row].lock().unwrap_or_else(|e| e.into_inner());
            match waiting.take() {
                Some(partner) => partner,
                None => {
                    *waiting = Some(single);
                    return;
                }
            }
        };
        let (first, second) = match kind {
            BlobKind::Circle => (&single, &partner),
            BlobKind::Square => (&partner, &single),
        };
        let pair = self
            .join(first, second)
            .map_err(|error| at_row(COLUMNS[0], row, error))
            .and_then(|pair| self.store(0, row, &pair));
        let _ = self.columns[0][row].set(pair);
    }

    /// The three columns' references and the bytes of all pictures; the
    /// first row with a failure (any column) is the error.
    pub(crate) fn finish(self) -> Result<([Vec<String>; 3], ByteCount), PixtipError> {
        let rows = self.waiting.len();
        let mut total = ByteCount::default();
        let mut references: [Vec<String>; 3] = std::array::from_fn(|_| Vec::with_capacity(rows));
        let mut columns = self
            .columns
            .map(|slots| slots.into_iter().map(OnceLock::into_inner));
        let missing = |index: usize, row: usize| {
            PixtipError::from(PictureColumnError::MissingPicture {
                row,
                column: COLUMNS[index].to_string(),
            })
        };
        for row in 0..rows {
            let [pair, first, second]: [Option<Made>; 3] =
                std::array::from_fn(|index| columns[index].next().flatten());
            // A single's failure explains its row's missing pair: it comes first.
            let first = first.ok_or_else(|| missing(1, row))??;
            let second = second.ok_or_else(|| missing(2, row))??;
            let pair = pair.ok_or_else(|| missing(0, row))??;
            for (index, (reference, bytes)) in [pair, first, second].into_iter().enumerate() {
                references[index].push(reference);
                total += bytes;
            }
        }
        Ok((references, total))
    }

    /// The tutorial's `(255 * x).astype('uint8')` of an image, or of a
    /// volume's maximum along its first axis (a 3-D image is a volume here
    /// whatever its width, where the facade would read `D×H×3` as colour).
    fn render(&self, image: &ArrayD<f64>) -> Result<Picture, PixtipError> {
        let layout = match *image.shape() {
            [depth, height, width] => ImageLayout::Volume {
                depth,
                height,
                width,
            },
            [height, width] => ImageLayout::Gray { height, width },
            _ => {
                return Err(PixtipError::Picture(format!(
                    "a blob image of shape {:?}",
                    image.shape()
                )));
            }
        };
        let scale = ResolvedScale::UNIT;
        let picture = render_values(
            image.view(),
            ElementType::F64,
            layout,
            &scale,
            &self.style.look,
            &self.style.size,
        )?;
        Ok(picture)
    }

    /// The two singles side by side with their labels, as the facade joins them.
    fn join(&self, first: &Picture, second: &Picture) -> Result<Picture, PixtipError> {
        let labels = match &self.style.labels {
            Labels::Custom(texts) => Some(texts.as_slice()),
            _ => None,
        };
        let pair = vec![first.clone(), second.clone()];
        Ok(join(pair, labels, self.style.gap, &self.style.label_style)?)
    }

    /// Encodes `picture` and keeps it as column `index`'s picture of `row`.
    fn store(&self, index: usize, row: usize, picture: &Picture) -> Made {
        let png = encode_png(picture, self.style.preset)
            .map_err(|error| at_row(COLUMNS[index], row, error.into()))?;
        let bytes = ByteCount::of_png(&png);
        let reference = match &self.destination {
            Destination::DataUri => to_data_uri(&png),
            Destination::Files { dir, queue } => {
                let name = format!("{index}-{row:06}.png");
                queue
                    .send((dir.join(&name), png))
                    .map_err(|_| PixtipError::Picture("the picture file writers stopped".into()))?;
                format!("pictures/{name}")
            }
        };
        Ok((reference, bytes))
    }
}

fn at_row(column: &str, row: usize, error: PixtipError) -> PixtipError {
    PixtipError::AtRow {
        column: column.to_string(),
        row,
        source: Box::new(error),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::blobs::{BlobOptions, make_blobs_with};
    use pixtip::encode::decode_data_uri;
    use pixtip::{ImageColumn, ImageTable, PictureStorage, TableColumn, no_progress};

    /// The facade's pictures of the same images, as the demo made them before.
    fn facade_columns(image1: Vec<ArrayD<f64>>, image2: Vec<ArrayD<f64>>) -> Vec<Vec<String>> {
        let mut table = ImageTable::new();
        table
            .add_images("image1", ImageColumn::from_images(image1))
            .unwrap();
        table
            .add_images("image2", ImageColumn::from_images(image2))
            .unwrap();
        let options = picture_options();
        let storage = PictureStorage::DataUri;
        for (name, sources) in [
            ("image", &["image1", "image2"][..]),
            ("image1_base64", &["image1"][..]),
            ("image2_base64", &["image2"][..]),
        ] {
            table
                .add_pictures(name, sources, &options, &storage, &mut no_progress)
                .unwrap();
        }
        COLUMNS
            .iter()
            .map(|name| match table.column(name).unwrap() {
                TableColumn::Pictures(references) => references.to_vec(),
                _ => unreachable!("a picture column"),
            })
            .collect()
    }

    #[test]
    fn the_pictures_are_the_facades_pixel_for_pixel() {
        for (ndim, width) in [(2, 40), (3, 12)] {
            let options = BlobOptions {
                rows: 9,
                width,
                ndim,
                ..BlobOptions::default()
            };
            let pictures = TutorialPictures::new(9, Preset::Default, Destination::DataUri);
            let data = make_blobs_with(&options, |kind, row, image| pictures.add(kind, row, image))
                .unwrap();
            let (ours, bytes) = pictures.finish().unwrap();
            assert_eq!(bytes.pictures, 27);
            let theirs = facade_columns(data.image1, data.image2);
            for (index, (ours, theirs)) in ours.iter().zip(&theirs).enumerate() {
                for (row, (a, b)) in ours.iter().zip(theirs).enumerate() {
                    assert_eq!(
                        decode_data_uri(a).unwrap(),
                        decode_data_uri(b).unwrap(),
                        "ndim {ndim}: `{}` row {row}",
                        COLUMNS[index]
                    );
                }
            }
        }
    }

    #[test]
    fn files_are_named_as_the_facade_names_them() {
        let dir = tempfile::tempdir().unwrap();
        let options = BlobOptions {
            rows: 3,
            width: 16,
            ..BlobOptions::default()
        };
        let (queue, files) = std::sync::mpsc::channel();
        let destination = Destination::Files {
            dir: dir.path().to_path_buf(),
            queue,
        };
        let pictures = TutorialPictures::new(3, Preset::Fast, destination);
        make_blobs_with(&options, |kind, row, image| pictures.add(kind, row, image)).unwrap();
        let ([pairs, singles1, _], bytes) = pictures.finish().unwrap();
        write_files(&Mutex::new(files)).unwrap();
        assert_eq!(pairs[2], "pictures/0-000002.png");
        assert_eq!(singles1[0], "pictures/1-000000.png");
        let on_disk: u64 = std::fs::read_dir(dir.path())
            .unwrap()
            .map(|entry| entry.unwrap().metadata().unwrap().len())
            .sum();
        assert_eq!(on_disk, bytes.png as u64);
    }
}
