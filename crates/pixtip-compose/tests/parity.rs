//! pixtip's pictures against Pillow's (the PNGs inside the reference charts)
//! and matplotlib's / numpy's / Pillow's numbers written by fixtures_compose.py.

mod common;

use common::goldens::reference;
use image::GrayImage;
use ndarray::{Array2, Array3, Axis};
use ndarray_npy::NpzReader;
use pixtip_compose::{
    Colormap, Gap, PairOptions, Picture, concat_row, percentile, thumbnail, tooltip_pair,
    tooltip_single,
};
use pixtip_tests::{data_uri_bytes, json_ints};
use std::fs::File;
use std::path::Path;

fn fixture(name: &str) -> serde_json::Value {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../fixtures/compose")
        .join(name);
    serde_json::from_str(&std::fs::read_to_string(path).expect("fixture")).expect("JSON")
}

fn rows(chart: &str) -> Vec<serde_json::Value> {
    let text = std::fs::read_to_string(reference(chart)).expect("reference chart");
    let v: serde_json::Value = serde_json::from_str(&text).expect("JSON");
    v["datasets"]
        .as_object()
        .expect("datasets")
        .values()
        .next()
        .expect("dataset")
        .as_array()
        .expect("rows")
        .clone()
}

fn pillow_picture(uri: &str) -> GrayImage {
    let bytes = data_uri_bytes(uri, "image/png");
    image::load_from_memory(&bytes).expect("PNG").into_luma8()
}

fn arrays(part: &str) -> (Array3<f64>, Array3<f64>) {
    let mut npz = NpzReader::new(File::open(reference(part)).expect("npz")).expect("npz");
    (
        npz.by_name("image1").expect("image1"),
        npz.by_name("image2").expect("image2"),
    )
}

fn gray(p: Picture) -> GrayImage {
    match p {
        Picture::Gray(i) => i,
        other => panic!("expected a gray picture, got {:?}", other.kind()),
    }
}

/// (arrays, charts folder, rows to check)
const SETS: [(&str, &str, usize); 2] = [
    ("altair-200/arrays-first4.npz", "altair-200", 4),
    ("altair-rows30-w96/arrays.npz", "altair-rows30-w96", 30),
];

#[test]
fn singles_equal_pillow_exactly() {
    let options = PairOptions::default();
    let (mut checked, mut out_of_range) = (0, 0);
    for (npz, charts, n) in SETS {
        let (image1, image2) = arrays(npz);
        let singles = rows(&format!("{charts}/metric-switch.vl.json"));
        for (i, row) in singles.iter().enumerate().take(n) {
            for (stack, key) in [(&image1, "image1_base64"), (&image2, "image2_base64")] {
                let floats = stack.index_axis(Axis(0), i);
                let ours = gray(tooltip_single(&floats, &options).expect("single"));
                let pillow = pillow_picture(row[key].as_str().expect("uri"));
                for ((y, x), &v) in floats.indexed_iter() {
                    let (o, p) = (
                        ours.get_pixel(x as u32, y as u32)[0],
                        pillow.get_pixel(x as u32, y as u32)[0],
                    );
                    if (0.0..=1.0).contains(&v) {
                        assert_eq!(o, p, "{charts} row {i} {key} at ({x}, {y}), value {v}");
                    } else {
                        // numpy's cast wraps out-of-range values; pixtip clamps on purpose.
                        assert_eq!(o, if v < 0.0 { 0 } else { 255 });
                        assert_ne!(
                            o, p,
                            "{charts} row {i} {key}: expected numpy's wrap at ({x}, {y})"
                        );
                        out_of_range += 1;
                    }
                }
                checked += 1;
            }
        }
    }
    assert_eq!(checked, 68);
    // altair-rows30-w96 row 7 image2 has one value of -0.0726 (numpy: 238).
    assert_eq!(out_of_range, 1);
}

/// Pillow's label boxes (from `textbbox`), widened by `margin` pixels.
fn pillow_boxes(margin: u32) -> Vec<(u32, u32, u32, u32)> {
    let labels = fixture("pillow_labels.json");
    labels["boxes"]
        .as_array()
        .expect("boxes")
        .iter()
        .map(|b| {
            let v: Vec<u32> = json_ints(b, "box");
            (
                v[0].saturating_sub(margin),
                v[1].saturating_sub(margin),
                v[2] + margin,
                v[3] + margin,
            )
        })
        .collect()
}

fn inside(boxes: &[(u32, u32, u32, u32)], x: u32, y: u32) -> bool {
    boxes
        .iter()
        .any(|&(x0, y0, x1, y1)| (x0..x1).contains(&x) && (y0..y1).contains(&y))
}

#[test]
fn pairs_equal_pillow_outside_the_labels() {
    // Pillow's boxes widened by 1 px of anti-aliasing, and each within 30x14
    // of its label origin.
    let boxes = pillow_boxes(1);
    for ((x0, y0, x1, y1), (ox, oy)) in boxes.iter().zip([(3, 0), (109, 0)]) {
        assert!(
            *x0 + 1 >= ox && *x1 <= ox + 30 && *y0 + 1 >= oy && *y1 <= oy + 14,
            "box {x0},{y0},{x1},{y1}"
        );
    }
    let unlabelled = PairOptions {
        labels: None,
        ..PairOptions::default()
    };
    let labelled = PairOptions::default();
    for (npz, charts, n) in SETS {
        let (image1, image2) = arrays(npz);
        let pairs = rows(&format!("{charts}/comparison.vl.json"));
        for (i, row) in pairs.iter().enumerate().take(n) {
            let (a, b) = (image1.index_axis(Axis(0), i), image2.index_axis(Axis(0), i));
            let plain = gray(tooltip_pair(&a, &b, &unlabelled).expect("pair"));
            let ours = gray(tooltip_pair(&a, &b, &labelled).expect("pair"));
            let pillow = pillow_picture(row["image"].as_str().expect("uri"));
            assert_eq!(pillow.dimensions(), plain.dimensions());
            let mut pillow_text = 0;
            let out_of_range = |x: u32, y: u32| {
                let (x, y) = (x as usize, y as usize);
                let v = if x < 96 {
                    a[[y, x]]
                } else if x >= 106 {
                    b[[y, x - 106]]
                } else {
                    1.0
                };
                !(0.0..=1.0).contains(&v)
            };
            for (x, y, p) in plain.enumerate_pixels() {
                if pillow.get_pixel(x, y) != p && !out_of_range(x, y) {
                    assert!(
                        inside(&boxes, x, y),
                        "{charts} row {i}: Pillow differs at ({x}, {y}) outside its label boxes"
                    );
                    pillow_text += 1;
                }
                if ours.get_pixel(x, y) != p {
                    assert!(
                        inside(&boxes, x, y),
                        "{charts} row {i}: our label drew at ({x}, {y}) outside the label boxes"
                    );
                }
            }
            // Both labels were found (unless an image is already white there).
            assert!(
                pillow_text > 20,
                "{charts} row {i}: only {pillow_text} label pixels"
            );
        }
    }
}

#[test]
fn a_row_with_a_gap_is_the_tutorials_concatenation() {
    // The tutorial concatenates floats with np.ones gap, then scales: same as
    // scaling each and joining with a 255 gap.
    let (image1, image2) = arrays("altair-200/arrays-first4.npz");
    let (a, b) = (image1.index_axis(Axis(0), 2), image2.index_axis(Axis(0), 2));
    let gap = Array2::from_elem((96, 10), 1.0);
    let joined = ndarray::concatenate(Axis(1), &[a.view(), gap.view(), b.view()]).expect("concat");
    let options = PairOptions::default();
    let direct = gray(tooltip_single(&joined, &options).expect("gray"));
    let parts = [
        tooltip_single(&a, &options).expect("a"),
        tooltip_single(&b, &options).expect("b"),
    ];
    assert_eq!(
        gray(concat_row(&parts, Gap::default()).expect("join")),
        direct
    );
}

#[test]
fn colormaps_within_one_level_of_matplotlib() {
    let luts = fixture("colormaps.json");
    for map in Colormap::ALL {
        let expected = luts[map.name()].as_array().expect("lut");
        let ours = map.lut();
        for (v, rgb) in expected.iter().enumerate() {
            for c in 0..3 {
                let e = rgb[c].as_i64().expect("level");
                let o = i64::from(ours[v][c]);
                assert!(
                    (e - o).abs() <= 1,
                    "{} level {v} channel {c}: ours {o}, matplotlib {e}",
                    map.name()
                );
            }
        }
    }
}

#[test]
fn percentile_equals_numpy() {
    let f = fixture("percentiles.json");
    let shape: Vec<usize> = json_ints(&f["shape"], "shape");
    let values: Vec<f64> = f["values"]
        .as_array()
        .expect("values")
        .iter()
        .map(|v| v.as_f64().expect("f64"))
        .collect();
    let a = Array2::from_shape_vec((shape[0], shape[1]), values).expect("shape");
    for (q, want) in f["q"]
        .as_array()
        .expect("q")
        .iter()
        .zip(f["percentile"].as_array().expect("p"))
    {
        let (q, want) = (q.as_f64().expect("q"), want.as_f64().expect("p"));
        assert_eq!(percentile(&a, q).expect("percentile"), want, "q = {q}");
    }
}

#[test]
fn thumbnail_by_two_equals_pillow_reduce() {
    let f = fixture("pillow_reduce.json");
    let pair = pillow_picture(
        rows("altair-200/comparison.vl.json")[0]["image"]
            .as_str()
            .expect("uri"),
    );
    let small = gray(thumbnail(&Picture::Gray(pair), 101, 48).expect("thumbnail"));
    let want: Vec<u8> = json_ints(&f["pixels"], "pixels");
    assert_eq!(small.dimensions(), (101, 48));
    assert_eq!(small.as_raw(), &want);
}
