//! The golden pictures, built from the reference arrays: shared by the
//! `write_goldens` example (which writes them) and `tests/goldens.rs`
//! (which compares them).

use ndarray::{Array2, Array3, Axis};
use ndarray_npy::NpzReader;
use pixtip_compose::{
    Colormap, Gap, Look, PairOptions, Picture, Projection, ResolvedScale, concat_grid, project,
    thumbnail, tooltip_pair, tooltip_single,
};
use std::fs::File;
use std::path::{Path, PathBuf};

pub type Result<T> = std::result::Result<T, Box<dyn std::error::Error>>;

pub fn reference(part: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../fixtures/reference")
        .join(part)
}

/// The first rows of the tutorial's arrays: (image1, image2) stacks.
pub fn first_rows() -> Result<(Array3<f64>, Array3<f64>)> {
    let mut npz = NpzReader::new(File::open(reference("altair-200/arrays-first4.npz"))?)?;
    Ok((npz.by_name("image1")?, npz.by_name("image2")?))
}

#[allow(dead_code)] // used by the example only
pub fn save(picture: &Picture, path: &Path) -> Result<()> {
    match picture {
        Picture::Gray(i) => i.save(path)?,
        Picture::Rgb(i) => i.save(path)?,
        Picture::Rgba(i) => i.save(path)?,
        Picture::Gray16(i) => i.save(path)?,
    }
    Ok(())
}

/// Every golden: file name and picture, built from the reference arrays.
pub fn goldens() -> Result<Vec<(String, Picture)>> {
    let (image1, image2) = first_rows()?;
    let default = PairOptions::default();
    let mut out = Vec::new();
    for (i, (a, b)) in image1.outer_iter().zip(image2.outer_iter()).enumerate() {
        out.push((format!("pair_row{i}.png"), tooltip_pair(&a, &b, &default)?));
    }
    let (a, b) = (image1.index_axis(Axis(0), 0), image2.index_axis(Axis(0), 0));
    out.push((
        "single_row0_image1.png".into(),
        tooltip_single(&a, &default)?,
    ));
    out.push((
        "single_row0_image2.png".into(),
        tooltip_single(&b, &default)?,
    ));
    for map in Colormap::ALL.into_iter().skip(1) {
        let options = PairOptions {
            look: Look {
                colormap: map,
                ..Look::default()
            },
            ..PairOptions::default()
        };
        out.push((
            format!("cmap_{}_row0.png", map.name()),
            tooltip_pair(&a, &b, &options)?,
        ));
    }
    let percentile = PairOptions {
        scale: ResolvedScale::percentile(1.0, 99.0)?,
        ..PairOptions::default()
    };
    out.push((
        "pair_row0_percentile.png".into(),
        tooltip_pair(&a, &b, &percentile)?,
    ));
    let singles = image1
        .outer_iter()
        .map(|im| tooltip_single(&im, &default))
        .collect::<std::result::Result<Vec<_>, _>>()?;
    out.push((
        "grid_image1_rows0-3.png".into(),
        concat_grid(&singles, 2, Gap::default())?,
    ));
    out.push(("thumb_pair_row0.png".into(), thumbnail(&out[0].1, 101, 48)?));
    let mut npz = NpzReader::new(File::open(reference("pixtip-rows6-w24-3d/arrays.npz"))?)?;
    let stacks: ndarray::Array4<f64> = npz.by_name("image1")?;
    let stack = stacks.index_axis(Axis(0), 0);
    let max: Array2<f64> = project(&stack, Projection::Max { axis: 0 })?;
    out.push(("stack_max_row0.png".into(), tooltip_single(&max, &default)?));
    Ok(out)
}
