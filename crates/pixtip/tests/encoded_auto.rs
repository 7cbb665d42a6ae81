//! Auto scaling of images whose type only decoding tells (PNG cells, image
//! files): a column of 8-bit images is decoded once, to draw it; a wider
//! image among them makes pixtip take the column's range and draw again,
//! and every picture is the one the range gives.

#![allow(clippy::unwrap_used)] // test helpers: a failed unwrap is a failed test

use ndarray::array;
use pixtip::{ImageColumn, ImageSource, PictureOptions, Pixels, PixtipError};
use std::sync::Arc;

mod common;
use std::sync::atomic::{AtomicUsize, Ordering};

/// Images whose type is known only once decoded, counting the decodes.
#[derive(Debug)]
struct Encoded {
    images: Vec<Pixels>,
    decoded: Arc<AtomicUsize>,
}

impl ImageSource for Encoded {
    fn len(&self) -> usize {
        self.images.len()
    }
    fn image(&self, row: usize) -> Result<Pixels, PixtipError> {
        self.decoded.fetch_add(1, Ordering::Relaxed);
        Ok(self.images[row].clone())
    }
    fn origin(&self) -> String {
        "encoded".into()
    }
}

/// The data URIs of the pictures of `column`, drawn with auto scaling.
fn pictures(column: ImageColumn) -> Vec<String> {
    common::picture_uris(&column, "cells", &PictureOptions::default())
}

fn encoded(images: Vec<Pixels>) -> (ImageColumn, Arc<AtomicUsize>) {
    let decoded = Arc::<AtomicUsize>::default();
    let source = Encoded {
        images,
        decoded: decoded.clone(),
    };
    (ImageColumn::from_source(source), decoded)
}

fn bytes(image: ndarray::Array2<u8>) -> Pixels {
    image.into_dyn().into()
}

#[test]
fn a_column_of_8_bit_images_is_decoded_once() {
    let images = vec![
        bytes(array![[0, 200], [3, 4]]),
        bytes(array![[7, 9], [255, 1]]),
    ];
    let (column, decoded) = encoded(images.clone());
    let made = pictures(column);
    assert_eq!(decoded.load(Ordering::Relaxed), 2);
    // The same pictures as from images whose type is known beforehand.
    let known = ImageColumn::from_images([array![[0u8, 200], [3, 4]], array![[7u8, 9], [255, 1]]]);
    assert_eq!(made, pictures(known));
}

#[test]
fn a_wider_image_among_8_bit_ones_gets_the_columns_range() {
    let wide: Pixels = array![[300u16, 4000], [1000, 2000]].into_dyn().into();
    let images = vec![
        bytes(array![[0, 200], [3, 4]]),
        wide.clone(),
        bytes(array![[7, 9], [255, 1]]),
    ];
    let (column, decoded) = encoded(images);
    let made = pictures(column);
    // The try as 8-bit, the range pass and the second drawing.
    assert!(decoded.load(Ordering::Relaxed) > 3, "{decoded:?}");
    // Each picture as auto scaling draws it alone: 8-bit images as they
    // are, the wide one over its range (the only wide image's, so the
    // column's).
    let alone = |image: Pixels| pictures(encoded(vec![image]).0).remove(0);
    assert_eq!(made[0], alone(bytes(array![[0, 200], [3, 4]])));
    assert_eq!(made[1], alone(wide));
    assert_eq!(made[2], alone(bytes(array![[7, 9], [255, 1]])));
}
