//! NaN and infinite pixels under every scaling.

use crate::files::{f64_bytes, npy};
use crate::run::{Case, Ctx, Observed, chart, data_rows, spec};

const MAGENTA: [u8; 3] = [255, 0, 255];

/// Charts one 2×3 float64 image `[[NaN, inf, -inf], [0, 0.5, 2]]` under
/// `scale` at its own size, and checks its picture: NaN magenta, +inf 255,
/// −inf 0, and 0, 0.5, 2 as the `expected` levels.
fn nan_and_inf(ctx: &Ctx, scale: &str, expected: [u8; 3]) -> Observed {
    let values = [f64::NAN, f64::INFINITY, f64::NEG_INFINITY, 0.0, 0.5, 2.0];
    let path = ctx.put(
        "cells.npy",
        &npy("<f8", false, &[1, 2, 3], &f64_bytes(&values)),
    );
    let observed = chart(
        ctx,
        &[
            &path,
            "--y",
            "index",
            "--scale",
            scale,
            "--zoom",
            "1",
            "--thumbnail",
            "0",
        ],
    );
    let rows = data_rows(&spec(ctx));
    let uri = rows[0]["picture"].as_str().unwrap();
    let picture = pixtip::encode::decode_data_uri(uri).unwrap().to_rgb();
    assert_eq!(picture.dimensions(), (3, 2));
    let level = |x, y| picture.get_pixel(x, y).0;
    assert_eq!(level(0, 0), MAGENTA, "NaN under {scale}");
    assert_eq!(level(1, 0), [255; 3], "+inf under {scale}");
    assert_eq!(level(2, 0), [0; 3], "-inf under {scale}");
    let finite = [level(0, 1)[0], level(1, 1)[0], level(2, 1)[0]];
    assert_eq!(finite, expected, "0, 0.5, 2 under {scale}");
    observed
}

/// Charts two 2×2 float64 images holding `first` and `second` under `scale`.
fn two_images(ctx: &Ctx, first: f64, second: f64, scale: &str) -> Observed {
    let values = [[first; 4], [second; 4]].concat();
    let path = ctx.put(
        "cells.npy",
        &npy("<f8", false, &[2, 2, 2], &f64_bytes(&values)),
    );
    chart(ctx, &[&path, "--y", "index", "--scale", scale])
}

/// The case `$name`: [`nan_and_inf`] under `$scale`, finite levels `$expected`.
macro_rules! nan_inf_case {
    ($name:literal, $scale:literal, $expected:expr) => {
        Case {
            name: $name,
            result: "exit 0",
            run: |ctx| nan_and_inf(ctx, $scale, $expected),
        }
    };
}

pub const CASES: &[Case] = &[
    nan_inf_case!("nan-inf-auto", "auto", [0, 63, 255]),
    nan_inf_case!("nan-inf-unit", "unit", [0, 127, 255]),
    nan_inf_case!("nan-inf-global", "global", [0, 63, 255]),
    nan_inf_case!("nan-inf-per-image", "per-image", [0, 63, 255]),
    nan_inf_case!("nan-inf-range", "range:0,4", [0, 31, 127]),
    nan_inf_case!("nan-inf-percentile", "percentile:25,75", [0, 63, 255]),
    Case {
        name: "all-nan-image-per-image",
        result: "exit 1",
        run: |ctx| {
            two_images(ctx, 1.0, f64::NAN, "per-image").mentions(&[
                "row 1",
                "`cells`",
                "no finite values",
            ])
        },
    },
    Case {
        name: "all-nan-image-percentile",
        result: "exit 1",
        run: |ctx| {
            two_images(ctx, 1.0, f64::NAN, "percentile:1,99").mentions(&[
                "row 1",
                "`cells`",
                "no finite values",
            ])
        },
    },
    Case {
        name: "all-nan-column-global",
        result: "exit 1",
        run: |ctx| {
            two_images(ctx, f64::NAN, f64::NAN, "global").mentions(&["`cells`", "no finite values"])
        },
    },
    Case {
        name: "all-inf-column-auto",
        result: "exit 1",
        run: |ctx| {
            two_images(ctx, f64::INFINITY, f64::NEG_INFINITY, "auto")
                .mentions(&["`cells`", "no finite values"])
        },
    },
    Case {
        name: "all-nan-column-range",
        result: "exit 0",
        run: |ctx| {
            let observed = two_images(ctx, f64::NAN, f64::NAN, "range:0,1");
            for row in data_rows(&spec(ctx)) {
                let picture =
                    pixtip::encode::decode_data_uri(row["picture"].as_str().unwrap()).unwrap();
                assert!(picture.to_rgb().pixels().all(|p| p.0 == MAGENTA));
            }
            observed
        },
    },
];
