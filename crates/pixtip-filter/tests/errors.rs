//! Every `FilterError` variant, from the public functions.

use ndarray::{Array1, Array2};
use pixtip_filter::{
    FilterError, Gaussian1dOptions, GaussianOptions, PerAxis, Uniform1dOptions, UniformOptions,
    gaussian_filter, gaussian_filter1d, uniform_filter, uniform_filter1d,
};

fn image() -> Array2<f64> {
    Array2::from_shape_fn((5, 6), |(i, j)| (i * 6 + j) as f64)
}

#[test]
fn negative_and_non_finite_sigma() {
    for sigma in [-1.0, f64::NAN, f64::INFINITY] {
        let err = gaussian_filter(&image(), [1.0, sigma], &GaussianOptions::default()).unwrap_err();
        assert!(
            matches!(err, FilterError::InvalidSigma { axis: 1, .. }),
            "{err}"
        );
    }
    let err = gaussian_filter1d(
        &Array1::<f64>::zeros(4),
        -0.5,
        0,
        &Gaussian1dOptions::default(),
    )
    .unwrap_err();
    assert!(matches!(err, FilterError::InvalidSigma { axis: 0, .. }));
}

#[test]
fn zero_size() {
    let err = uniform_filter(&image(), [3, 0], &UniformOptions::default()).unwrap_err();
    assert_eq!(err, FilterError::ZeroSize { axis: 1 });
    let err = uniform_filter1d(&image(), 0, 0, &Uniform1dOptions::default()).unwrap_err();
    assert_eq!(err, FilterError::ZeroSize { axis: 0 });
}

#[test]
fn origin_out_of_range() {
    // size 4: origin must lie in -2..=1.
    let options = UniformOptions {
        origin: PerAxis::All(2),
        ..Default::default()
    };
    let err = uniform_filter(&image(), 4, &options).unwrap_err();
    assert_eq!(
        err,
        FilterError::InvalidOrigin {
            axis: 0,
            origin: 2,
            len: 4,
            min: -2,
            max: 1
        }
    );
    let options = Uniform1dOptions {
        origin: -3,
        ..Default::default()
    };
    assert!(matches!(
        uniform_filter1d(&image(), 5, 1, &options),
        Err(FilterError::InvalidOrigin {
            axis: 1,
            origin: -3,
            len: 5,
            min: -2,
            max: 2
        })
    ));
    // Gaussian radius 2: the kernel has 5 taps.
    let options = Gaussian1dOptions {
        radius: Some(2),
        origin: 3,
        ..Default::default()
    };
    assert!(matches!(
        gaussian_filter1d(&image(), 1.0, 0, &options),
        Err(FilterError::InvalidOrigin { len: 5, .. })
    ));
    // The extreme valid origins are accepted.
    let options = UniformOptions {
        origin: [-2, 1].into(),
        ..Default::default()
    };
    assert!(uniform_filter(&image(), 4, &options).is_ok());
}

#[test]
fn bad_truncate() {
    for truncate in [0.0, -1.0, f64::NAN, f64::INFINITY] {
        let options = GaussianOptions {
            truncate,
            ..Default::default()
        };
        let err = gaussian_filter(&image(), 1.0, &options).unwrap_err();
        assert!(matches!(err, FilterError::InvalidTruncate(_)), "{err}");
    }
}

#[test]
fn order_above_three() {
    let options = GaussianOptions {
        order: [0, 4].into(),
        ..Default::default()
    };
    let err = gaussian_filter(&image(), 1.0, &options).unwrap_err();
    assert_eq!(err, FilterError::InvalidOrder { axis: 1, order: 4 });
}

#[test]
fn axes_out_of_range_or_repeated() {
    let options = GaussianOptions {
        axes: Some(vec![0, 2]),
        ..Default::default()
    };
    assert_eq!(
        gaussian_filter(&image(), 1.0, &options).unwrap_err(),
        FilterError::AxisOutOfRange { axis: 2, ndim: 2 }
    );
    let options = UniformOptions {
        axes: Some(vec![1, 1]),
        ..Default::default()
    };
    assert_eq!(
        uniform_filter(&image(), 3, &options).unwrap_err(),
        FilterError::RepeatedAxis { axis: 1 }
    );
    assert_eq!(
        gaussian_filter1d(&image(), 1.0, 5, &Gaussian1dOptions::default()).unwrap_err(),
        FilterError::AxisOutOfRange { axis: 5, ndim: 2 }
    );
}

#[test]
fn per_axis_lengths_must_match() {
    let one_axis_two_radii = GaussianOptions {
        axes: Some(vec![1]),
        radius: Some([2, 2].into()),
        ..Default::default()
    };
    let one_mode = UniformOptions {
        mode: vec![pixtip_filter::Mode::Wrap].into(),
        ..Default::default()
    };
    // (result, the parameter named, its expected and given lengths)
    let cases = [
        (
            gaussian_filter(&image(), [1.0, 2.0, 3.0], &GaussianOptions::default()),
            "sigma",
            2,
            3,
        ),
        (
            gaussian_filter(&image(), 1.0, &one_axis_two_radii),
            "radius",
            1,
            2,
        ),
        (uniform_filter(&image(), 3, &one_mode), "mode", 2, 1),
    ];
    for (result, name, expected, got) in cases {
        assert_eq!(
            result.unwrap_err(),
            FilterError::LengthMismatch {
                name,
                expected,
                got
            },
            "{name}"
        );
    }
}

#[test]
fn kernel_too_long() {
    let err = gaussian_filter(&image(), 1e300, &GaussianOptions::default()).unwrap_err();
    assert!(
        matches!(err, FilterError::KernelTooLong { axis: 0, .. }),
        "{err}"
    );
    let err = uniform_filter(&image(), usize::MAX, &UniformOptions::default()).unwrap_err();
    assert!(
        matches!(err, FilterError::KernelTooLong { axis: 0, .. }),
        "{err}"
    );
}

#[test]
fn messages_are_one_line() {
    let err = FilterError::InvalidOrigin {
        axis: 0,
        origin: 2,
        len: 4,
        min: -2,
        max: 1,
    };
    assert_eq!(
        err.to_string(),
        "origin 2 is out of range for a filter of length 4 on axis 0: it must lie in -2..=1"
    );
}
