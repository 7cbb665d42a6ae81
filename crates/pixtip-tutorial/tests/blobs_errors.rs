//! Bad options and images that cannot be normalised are typed errors.

#![allow(clippy::unwrap_used)] // a failed unwrap is a failed test

use ndarray::{Array2, array};
use pixtip_tutorial::blobs::{BlobError, BlobKind, BlobOptions, make_blobs, normalize_by_max};

#[test]
fn zero_width_and_zero_ndim_are_errors() {
    let zero_width = BlobOptions {
        width: 0,
        ..BlobOptions::default()
    };
    assert_eq!(make_blobs(&zero_width), Err(BlobError::ZeroWidth));
    let zero_ndim = BlobOptions {
        ndim: 0,
        ..BlobOptions::default()
    };
    assert_eq!(make_blobs(&zero_ndim), Err(BlobError::ZeroNdim));
    let huge = BlobOptions {
        width: 1 << 20,
        ndim: 4,
        ..BlobOptions::default()
    };
    assert!(matches!(make_blobs(&huge), Err(BlobError::TooLarge { .. })));
}

#[test]
fn zero_rows_is_an_empty_dataset() {
    let data = make_blobs(&BlobOptions {
        rows: 0,
        ..BlobOptions::default()
    })
    .unwrap();
    assert!(data.is_empty());
    assert!(data.image1.is_empty() && data.image2.is_empty());
    assert!(data.image1_area.is_empty() && data.image2_area.is_empty());
}

#[test]
fn bad_sizes_and_groups_are_errors() {
    let empty_circles = BlobOptions {
        circle_sizes: vec![],
        ..BlobOptions::default()
    };
    let nan_square = BlobOptions {
        square_sizes: vec![0.3, f64::NAN],
        ..BlobOptions::default()
    };
    for (options, kind) in [
        (empty_circles, BlobKind::Circle),
        (nan_square, BlobKind::Square),
    ] {
        let result = make_blobs(&options);
        assert!(
            matches!(result, Err(BlobError::InvalidSizes { kind: k, .. }) if k == kind),
            "{kind:?}: {result:?}"
        );
    }
    let no_groups = BlobOptions {
        groups: vec![],
        rows: 2,
        ..BlobOptions::default()
    };
    assert_eq!(make_blobs(&no_groups), Err(BlobError::NoGroups { rows: 2 }));
}

#[test]
fn zero_maximum_is_refused_with_its_value() {
    assert_eq!(normalize_by_max(&Array2::<f64>::zeros((4, 4))), Err(0.0));
    assert_eq!(normalize_by_max(&array![[-0.0, 0.0]]), Err(-0.0));
    assert!(normalize_by_max(&array![[0.5, f64::NAN]]).is_err_and(f64::is_nan));
}

#[test]
fn bad_maximum_message_names_the_row() {
    let err = BlobError::BadMaximum {
        kind: BlobKind::Square,
        row: 17,
        max: 0.0,
    };
    assert_eq!(
        err.to_string(),
        "image2 (square) of row 17 has maximum 0; it cannot be divided by its maximum"
    );
}
