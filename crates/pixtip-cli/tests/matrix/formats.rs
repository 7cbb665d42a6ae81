//! Parquet and Arrow tables with images inside, and multi-page TIFF stacks:
//! the fixture files of `fixtures/inputs/formats` (pyarrow, tifffile) and
//! hostile variants of them.

use crate::run::{Case, Ctx, Observed, chart, text};

/// The bytes of `fixtures/inputs/formats/<name>`.
fn fixture(name: &str) -> Vec<u8> {
    std::fs::read(pixtip_tests::input_path(&format!("formats/{name}"))).unwrap()
}

/// `pixtip chart FILE ARGS...` with `file` copied in as `name`.
fn chart_file(ctx: &Ctx, name: &str, bytes: &[u8], args: &[&str]) -> Observed {
    let path = ctx.put(name, bytes);
    let mut all = vec![path.as_str()];
    all.extend(args);
    chart(ctx, &all)
}

pub const CASES: &[Case] =
    &[
        Case {
            name: "parquet-truncated-row-group",
            result: "exit 1",
            run: |ctx| {
                chart_file(
                    ctx,
                    "data.parquet",
                    &fixture("bad/truncated.parquet"),
                    &["--y", "x"],
                )
                .mentions(&["data.parquet", "row group 3"])
            },
        },
        Case {
            name: "parquet-cut-short",
            result: "exit 1",
            run: |ctx| {
                chart_file(
                    ctx,
                    "data.parquet",
                    &fixture("bad/cut.parquet"),
                    &["--y", "x"],
                )
                .mentions(&["data.parquet"])
            },
        },
        Case {
            name: "parquet-binary-not-images",
            result: "exit 1",
            run: |ctx| {
                chart_file(
                    ctx,
                    "data.parquet",
                    &fixture("bad/not_images.parquet"),
                    &["--y", "x"],
                )
                .mentions(&["data.parquet", "row 0", "`image`"])
            },
        },
        Case {
            name: "parquet-no-image-column",
            result: "exit 1",
            run: |ctx| {
                let bytes = fixture("lists.parquet");
                chart_file(ctx, "data.parquet", &bytes, &["--y", "x"]).mentions(&["data.parquet"])
            },
        },
        Case {
            name: "parquet-shape-does-not-fit",
            result: "exit 1",
            run: |ctx| {
                let bytes = fixture("lists.parquet");
                chart_file(ctx, "data.parquet", &bytes, &["--y", "x", "--shape", "5,5"])
                    .mentions(&["data.parquet", "row 0", "`pixels`"])
            },
        },
        Case {
            name: "feather-not-arrow",
            result: "exit 1",
            run: |ctx| {
                chart_file(
                    ctx,
                    "data.feather",
                    b"ARROW1 but nothing else",
                    &["--y", "x"],
                )
                .mentions(&["data.feather"])
            },
        },
        Case {
            name: "feather-block-past-end",
            result: "exit 1",
            run: |ctx| {
                // The uncompressed file with its last 300 bytes before the
                // footer gone: the footer's blocks point past the end.
                let whole = fixture("images.arrow");
                let footer = u32::from_le_bytes(
                    whole[whole.len() - 10..whole.len() - 6].try_into().unwrap(),
                ) as usize;
                let tail = whole.len() - 10 - footer;
                let mut cut = whole[..tail - 300].to_vec();
                cut.extend_from_slice(&whole[tail..]);
                chart_file(ctx, "data.arrow", &cut, &["--y", "x"]).mentions(&["data.arrow"])
            },
        },
        Case {
            name: "arrow-stream-cut",
            result: "exit 1",
            run: |ctx| {
                // An IPC stream without its last 100 bytes: the last record
                // batch's message declares more data than the file holds.
                let whole = fixture("images.arrows");
                let cut = &whole[..whole.len() - 100];
                chart_file(ctx, "data.arrows", cut, &["--y", "x"]).mentions(&["data.arrows"])
            },
        },
        Case {
            name: "two-tables",
            result: "exit 1",
            run: |ctx| {
                let table = ctx.put("table.csv", b"x\n1\n2\n3\n");
                chart_file(
                    ctx,
                    "data.feather",
                    &fixture("images.feather"),
                    &["--table", &table],
                )
                .mentions(&["data.feather", "table.csv"])
            },
        },
        Case {
            name: "tiff-pages-of-different-sizes",
            result: "exit 1",
            run: |ctx| {
                chart_file(
                    ctx,
                    "stack.tif",
                    &fixture("bad/sizes.tif"),
                    &["--y", "index"],
                )
                .mentions(&["stack.tif", "page 2"])
            },
        },
        Case {
            name: "hugging-face-parquet",
            result: "exit 0",
            run: |ctx| {
                let path = ctx.put("data.parquet", &fixture("hf.parquet"));
                let observed = chart(
                    ctx,
                    &[
                        &path,
                        "--picture",
                        "image",
                        "--x",
                        "label",
                        "--y",
                        "score",
                        "--color",
                        "kind",
                    ],
                );
                let rows = crate::run::data_rows(&crate::run::spec(ctx));
                assert_eq!(rows.len(), 5);
                let _ = text(&ctx.path("data.parquet"));
                observed
            },
        },
    ];
