//! `.npy` and `.npz` rows.

use crate::files::{npy, npy_with_header, uint8_stack, zip};
use crate::run::{Case, Ctx, Observed, call, chart, data_rows, refused_file, spec};
use pixtip::load::{NpyStack, read_images};

pub const CASES: &[Case] = &[
    refused_file!("npy-garbage",
        "garbage.npy": b"not numpy at all", [], ["garbage.npy", "magic"]),
    refused_file!("npy-empty-file", "empty.npy": b"", [], ["empty.npy"]),
    Case {
        name: "npy-truncated-header",
        result: "BadFile",
        run: |ctx| {
            let path = ctx.put("cut.npy", &uint8_stack(3)[..40]);
            call(ctx, || read_images(&path)).mentions(&["cut.npy", "truncated"])
        },
    },
    Case {
        name: "npy-truncated-data",
        result: "exit 1",
        run: |ctx| {
            let whole = uint8_stack(3);
            let path = ctx.put("short.npy", &whole[..whole.len() - 7]);
            chart(ctx, &[&path]).mentions(&["short.npy", "[3, 4, 5]", "53 bytes"])
        },
    },
    Case {
        name: "npy-shape-larger-than-data",
        result: "BadFile",
        run: |ctx| {
            let path = ctx.put(
                "claims.npy",
                &npy("<f8", false, &[300_000, 6000, 5000], &[0; 64]),
            );
            call(ctx, || NpyStack::open(&ctx.path("claims.npy"))).mentions(&[
                &path,
                "[300000, 6000, 5000]",
                "only 64 bytes",
            ])
        },
    },
    Case {
        name: "npy-shape-product-overflows",
        result: "exit 1",
        run: |ctx| {
            let huge = 1usize << 40;
            let path = ctx.put("overflow.npy", &npy("<f8", false, &[huge, huge, huge], &[]));
            chart(ctx, &[&path]).mentions(&["overflow.npy", "more elements than can be counted"])
        },
    },
    Case {
        name: "npy-header-length-huge",
        result: "BadFile",
        run: |ctx| {
            // Version 2 headers give their length in 4 bytes: this one claims 4 GiB.
            let mut bytes = b"\x93NUMPY\x02\x00".to_vec();
            bytes.extend(u32::MAX.to_le_bytes());
            bytes.extend(b"{'descr': '|u1'");
            let path = ctx.put("long_header.npy", &bytes);
            call(ctx, || read_images(&path)).mentions(&["long_header.npy", "4294967295 bytes"])
        },
    },
    Case {
        name: "npy-header-code",
        result: "BadFile",
        run: |ctx| {
            let path = ctx.put(
                "code.npy",
                &npy_with_header("__import__('os').system('touch pwned')", &[0; 16]),
            );
            let observed = call(ctx, || read_images(&path)).mentions(&["code.npy", "dict literal"]);
            assert!(!ctx.path("cwd/here/pwned").exists());
            observed
        },
    },
    Case {
        name: "npy-object-dtype",
        result: "exit 1",
        run: |ctx| {
            // A pickle that would run `os.system('touch pwned')` if unpickled.
            let pickle =
                b"\x80\x02cos\nsystem\nq\x00X\x0b\x00\x00\x00touch pwnedq\x01\x85q\x02Rq\x03.";
            let path = ctx.put("object.npy", &npy("|O", false, &[1, 1, 1], pickle));
            let observed =
                chart(ctx, &[&path]).mentions(&["object.npy", "pickles are never loaded"]);
            assert!(!ctx.path("cwd/here/pwned").exists());
            observed
        },
    },
    Case {
        name: "npy-complex-dtype",
        result: "exit 1",
        run: |ctx| {
            let path = ctx.put("complex.npy", &npy("<c16", false, &[1, 2, 2], &[0; 64]));
            chart(ctx, &[&path]).mentions(&["complex.npy", "complex numbers"])
        },
    },
    Case {
        name: "npy-unicode-dtype",
        result: "exit 1",
        run: |ctx| {
            let path = ctx.put("names.npy", &npy("<U5", false, &[1, 2, 2], &[0; 80]));
            chart(ctx, &[&path]).mentions(&["names.npy", "'<U5'", "strings"])
        },
    },
    Case {
        name: "npy-one-dimensional",
        result: "exit 1",
        run: |ctx| {
            let path = ctx.put("line.npy", &npy("|u1", false, &[20], &[0; 20]));
            chart(ctx, &[&path]).mentions(&["line.npy", "[20]", "not images"])
        },
    },
    Case {
        name: "npy-big-endian",
        result: "Ok",
        run: |ctx| {
            let values = [0.0, 0.25, -1.5, 1e300, f64::INFINITY, 7.0];
            let big: Vec<u8> = values.iter().flat_map(|v| v.to_be_bytes()).collect();
            let path = ctx.put("big.npy", &npy(">f8", false, &[1, 2, 3], &big));
            ctx.mark();
            let columns = read_images(&path).unwrap();
            let image = columns[0].1.image(0).unwrap().to_f64();
            assert_eq!(image.iter().copied().collect::<Vec<_>>(), values);
            let shorts: Vec<u8> = [1u16, 256, 65535, 2]
                .iter()
                .flat_map(|v| v.to_be_bytes())
                .collect();
            let path = ctx.put("big_u2.npy", &npy(">u2", false, &[2, 2], &shorts));
            ctx.mark();
            let image = read_images(&path).unwrap()[0].1.image(0).unwrap().to_f64();
            assert_eq!(
                image.iter().copied().collect::<Vec<_>>(),
                [1.0, 256.0, 65535.0, 2.0]
            );
            Observed::ok()
        },
    },
    Case {
        name: "npy-fortran-order",
        result: "Ok",
        run: |ctx| {
            // Element (r, i, j) = 100r + 10i + j, written first index fastest.
            let mut data = Vec::new();
            for j in 0..3 {
                for i in 0..2 {
                    for r in 0..2 {
                        data.extend(
                            (100.0f32 * r as f32 + 10.0 * i as f32 + j as f32).to_le_bytes(),
                        );
                    }
                }
            }
            let path = ctx.put("fortran.npy", &npy("<f4", true, &[2, 2, 3], &data));
            let npz = ctx.put(
                "fortran.npz",
                &zip(&[("f.npy", &npy("<f4", true, &[2, 2, 3], &data))]),
            );
            ctx.mark();
            let columns = read_images(&path).unwrap();
            let image = columns[0].1.image(1).unwrap().to_f64();
            assert_eq!(image.shape(), [2, 3]);
            assert_eq!(
                image.iter().copied().collect::<Vec<_>>(),
                [100.0, 101.0, 102.0, 110.0, 111.0, 112.0]
            );
            // Through the npz reader too (a member read whole).
            let columns = read_images(&npz).unwrap();
            assert_eq!(columns[0].1.image(1).unwrap().to_f64(), image);
            Observed::ok()
        },
    },
    refused_file!("npz-not-zip",
        "stack.npz": b"PK\x03\x04 but no archive", [], ["stack.npz", "not a readable .npz"]),
    refused_file!("npz-empty-archive", "empty.npz": &zip(&[]), [], ["empty.npz", "no arrays"]),
    Case {
        name: "npz-member-not-npy",
        result: "exit 1",
        run: |ctx| {
            let path = ctx.put(
                "mixed.npz",
                &zip(&[("good.npy", &uint8_stack(2)), ("notes.npy", b"hello")]),
            );
            chart(ctx, &[&path]).mentions(&["mixed.npz", "member `notes`", "magic"])
        },
    },
    Case {
        name: "npz-decompression-bomb",
        result: "exit 1",
        run: |ctx| {
            // 16 MiB of zeros deflate to a few KiB; the header asks for 10^10 bytes.
            let mut member = npy("|u1", false, &[1, 100_000, 100_000], &[]);
            member.resize(member.len() + (16 << 20), 0);
            let bomb = zip(&[("bomb.npy", &member)]);
            assert!(bomb.len() < 100_000, "{} bytes", bomb.len());
            let path = ctx.put("bomb.npz", &bomb);
            chart(ctx, &[&path]).mentions(&["bomb.npz", "member `bomb`", "10000000000 bytes"])
        },
    },
    Case {
        name: "npz-key-climbing",
        result: "exit 0",
        run: |ctx| {
            let path = ctx.put("keys.npz", &zip(&[("../../x.npy", &uint8_stack(2))]));
            let observed = chart(
                ctx,
                &[&path, "--metric", "m=../../x:mean", "--pictures", "files"],
            );
            npz_key_is_only_a_name(ctx);
            observed
        },
    },
    Case {
        name: "npz-key-with-slash",
        result: "exit 0",
        run: |ctx| {
            let path = ctx.put(
                "keys.npz",
                &zip(&[("a/b.npy", &uint8_stack(2)), ("/abs.npy", &uint8_stack(2))]),
            );
            let observed = chart(
                ctx,
                &[
                    &path,
                    "--metric",
                    "m=a/b:mean",
                    "--picture",
                    "a/b,/abs",
                    "--pictures",
                    "files",
                ],
            );
            npz_key_is_only_a_name(ctx);
            observed
        },
    },
];

/// The key named the metric's column (row r of the stack has mean 10r + 2),
/// and the only files in `out/` are its own, the pictures numbered.
fn npz_key_is_only_a_name(ctx: &Ctx) {
    let rows = data_rows(&spec(ctx));
    let means: Vec<f64> = rows.iter().map(|r| r["m"].as_f64().unwrap()).collect();
    assert_eq!(means, [2.0, 12.0]);
    for row in rows {
        let picture = row["picture"].as_str().unwrap();
        let name = picture
            .strip_prefix("pictures/")
            .unwrap()
            .strip_suffix(".png")
            .unwrap();
        assert!(
            name.bytes().all(|b| b.is_ascii_digit() || b == b'-'),
            "{picture}"
        );
    }
    assert_eq!(
        pixtip_tests::entry_names(&ctx.path("out")),
        [".pixtip", "chart.html", "chart.vl.json", "pictures"]
    );
}
