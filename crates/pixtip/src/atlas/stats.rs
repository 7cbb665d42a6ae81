//! What each cell holds: its mean image, the member nearest that mean, and
//! summaries of the table's fields over its members.
//!
//! A cell's images are read twice, by position, one at a time: once to sum
//! them (the mean), once to find the member nearest the mean. Memory holds
//! one sum image per cell being worked on, whatever the number of images.

use crate::error::{AtlasError, PixtipError};
use crate::images::{ElementType, ImageColumn, Pixels};
use crate::parallel::at_row;
use crate::table::TableColumn;
use ndarray::ArrayD;
use serde_json::Value;
use std::collections::HashMap;
use std::hash::Hash;

/// A cell's images, summarised.
#[derive(Debug, Clone, PartialEq)]
pub struct CellImages {
    /// The mean of the members' values, pixel by pixel (f64; NaN where a
    /// member has NaN).
    pub mean: ArrayD<f64>,
    /// The member whose image is nearest the mean (least sum of squared
    /// differences; the first in row order on a tie).
    pub representative: u32,
}

/// Sums and compares the images of `members` (rows of `column`, which the
/// messages call `name`). Every member must have the shape of the first.
pub fn cell_images(
    column: &ImageColumn,
    name: &str,
    members: &[u32],
) -> Result<CellImages, PixtipError> {
    let first = *members.first().ok_or(AtlasError::EmptyCell)?;
    let read = |row: u32| -> Result<ArrayD<f64>, PixtipError> {
        let row = row as usize;
        let pixels = column.image(row).map_err(|e| at_row(name, row, e))?;
        Ok(pixels.to_f64())
    };
    let mut sum = read(first)?;
    let shape = sum.shape().to_vec();
    let same_shape = |values: &ArrayD<f64>, row: u32| {
        if values.shape() == shape.as_slice() {
            Ok(())
        } else {
            Err(PixtipError::AtRow {
                column: name.to_string(),
                row: row as usize,
                source: Box::new(
                    AtlasError::ShapeDiffers {
                        shape: values.shape().to_vec(),
                        first_shape: shape.clone(),
                        first,
                    }
                    .into(),
                ),
            })
        }
    };
    for &row in &members[1..] {
        let values = read(row)?;
        same_shape(&values, row)?;
        // Row by row, as numpy's sum along axis 0 adds them.
        sum.zip_mut_with(&values, |s, v| *s += v);
    }
    let count = members.len() as f64;
    let mean = sum.mapv(|s| s / count);
    let mut best: Option<(f64, u32)> = None;
    for &row in members {
        let values = read(row)?;
        let distance: f64 = values
            .iter()
            .zip(mean.iter())
            .map(|(v, m)| (v - m) * (v - m))
            .sum();
        // NaN never wins; the first member stands when every distance is NaN.
        match best {
            None => best = Some((distance, row)),
            Some((d, _)) if distance < d || (d.is_nan() && !distance.is_nan()) => {
                best = Some((distance, row))
            }
            _ => {}
        }
    }
    Ok(CellImages {
        mean,
        representative: best.map_or(first, |(_, row)| row),
    })
}

/// The mean image as pixels to draw like its column's: `uint8` means
/// rounded to `uint8` (drawn as they are), `bool` means as levels 0–255,
/// other types as f64 (drawn by the column's range).
pub fn mean_pixels(mean: &ArrayD<f64>, element: Option<ElementType>) -> Pixels {
    match element {
        Some(ElementType::U8) => Pixels::from(mean.mapv(|v| v.round().clamp(0.0, 255.0) as u8)),
        Some(ElementType::Bool) => {
            Pixels::from(mean.mapv(|v| (v * 255.0).round().clamp(0.0, 255.0) as u8))
        }
        _ => Pixels::from(mean.clone()),
    }
}

/// The mean of a number column over `members`, leaving out NaN and
/// infinities (numpy's `nanmean` over finite values); `None` when none is finite.
pub fn field_mean(values: &[f64], members: &[u32]) -> Option<f64> {
    let (sum, n) = members
        .iter()
        .map(|&r| values[r as usize])
        .filter(|v| v.is_finite())
        .fold((0.0, 0usize), |(s, n), v| (s + v, n + 1));
    (n > 0).then(|| sum / n as f64)
}

/// The most common value of a column over `members` (of the most common,
/// the first in row order), as chart data; non-finite
/// numbers are left out.
pub fn most_common(column: &TableColumn, members: &[u32]) -> Value {
    fn mode<T: Eq + Hash>(values: impl Iterator<Item = T>) -> Option<T> {
        // value → (count, first position): linear in the members, whatever
        // the number of distinct values.
        let mut counts: HashMap<T, (usize, usize)> = HashMap::new();
        for (position, value) in values.enumerate() {
            counts.entry(value).or_insert((0, position)).0 += 1;
        }
        counts
            .into_iter()
            .max_by(|(_, (n, i)), (_, (m, j))| n.cmp(m).then(j.cmp(i)))
            .map(|(value, _)| value)
    }
    match column {
        TableColumn::Numbers(values) => mode(
            members
                .iter()
                .map(|&r| values[r as usize])
                .filter(|v| v.is_finite())
                .map(f64::to_bits),
        )
        .and_then(|bits| serde_json::Number::from_f64(f64::from_bits(bits)))
        .map_or(Value::Null, Value::Number),
        TableColumn::Text(values) | TableColumn::Pictures(values) => {
            mode(members.iter().map(|&r| &values[r as usize]))
                .map_or(Value::Null, |s| Value::String(s.to_string()))
        }
        _ => Value::Null,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ndarray::Array3;

    #[test]
    fn mean_and_nearest_member() {
        let stack = Array3::<u8>::from_shape_fn((4, 2, 2), |(n, _, _)| [0, 10, 12, 40][n]);
        let column = ImageColumn::from_stack(&stack).unwrap();
        let cell = cell_images(&column, "digits", &[0, 1, 2, 3]).unwrap();
        assert!(cell.mean.iter().all(|&v| v == 15.5));
        assert_eq!(cell.representative, 2);
        let one = cell_images(&column, "digits", &[3]).unwrap();
        assert_eq!(one.representative, 3);
    }

    #[test]
    fn shapes_must_agree() {
        let column = ImageColumn::from_images([
            ndarray::Array2::<f32>::zeros((2, 2)),
            ndarray::Array2::<f32>::zeros((3, 2)),
        ]);
        let error = cell_images(&column, "cells", &[0, 1]).unwrap_err();
        assert!(error.to_string().contains("row 1 of `cells`"), "{error}");
    }

    #[test]
    fn field_summaries() {
        assert_eq!(field_mean(&[1.0, f64::NAN, 4.0], &[0, 1, 2]), Some(2.5));
        assert_eq!(field_mean(&[f64::NAN], &[0]), None);
        let labels = TableColumn::Text(vec!["a", "b", "b", "a"].into());
        assert_eq!(most_common(&labels, &[0, 1, 2, 3]), Value::from("a"));
        assert_eq!(most_common(&labels, &[1, 2, 3]), Value::from("b"));
        let numbers = TableColumn::Numbers(vec![3.0, 1.0, 1.0]);
        assert_eq!(most_common(&numbers, &[0, 1, 2]), Value::from(1.0));
    }
}
