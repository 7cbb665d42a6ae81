//! Parquet and Arrow tables with images inside, and multi-page TIFF stacks:
//! the fixture files of `fixtures/inputs/formats` (pyarrow, tifffile) and
//! hostile variants of them.

use crate::run::{Case, Ctx, Observed, chart, refused_file, text};

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

/// The fixture `name` without its last `bytes` bytes.
fn cut_short(name: &str, bytes: usize) -> Vec<u8> {
    let mut whole = fixture(name);
    whole.truncate(whole.len() - bytes);
    whole
}

/// The uncompressed Arrow file with its last 300 bytes before the footer
/// gone: the footer's blocks point past the end.
fn blocks_past_end() -> Vec<u8> {
    let whole = fixture("images.arrow");
    let footer =
        u32::from_le_bytes(whole[whole.len() - 10..whole.len() - 6].try_into().unwrap()) as usize;
    let tail = whole.len() - 10 - footer;
    let mut cut = whole[..tail - 300].to_vec();
    cut.extend_from_slice(&whole[tail..]);
    cut
}

pub const CASES: &[Case] = &[
    refused_file!("parquet-truncated-row-group",
        "data.parquet": &fixture("bad/truncated.parquet"), ["--y", "x"],
        ["data.parquet", "row group 3"]),
    refused_file!("parquet-cut-short",
        "data.parquet": &fixture("bad/cut.parquet"), ["--y", "x"], ["data.parquet"]),
    refused_file!("parquet-binary-not-images",
        "data.parquet": &fixture("bad/not_images.parquet"), ["--y", "x"],
        ["data.parquet", "row 0", "`image`"]),
    refused_file!("parquet-no-image-column",
        "data.parquet": &fixture("lists.parquet"), ["--y", "x"], ["data.parquet"]),
    refused_file!("parquet-shape-does-not-fit",
        "data.parquet": &fixture("lists.parquet"), ["--y", "x", "--shape", "5,5"],
        ["data.parquet", "row 0", "`pixels`"]),
    refused_file!("feather-not-arrow",
        "data.feather": b"ARROW1 but nothing else", ["--y", "x"], ["data.feather"]),
    refused_file!("feather-block-past-end",
        "data.arrow": &blocks_past_end(), ["--y", "x"], ["data.arrow"]),
    // An IPC stream without its last 100 bytes: the last record batch's
    // message declares more data than the file holds.
    refused_file!("arrow-stream-cut",
        "data.arrows": &cut_short("images.arrows", 100), ["--y", "x"], ["data.arrows"]),
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
    refused_file!("tiff-pages-of-different-sizes",
        "stack.tif": &fixture("bad/sizes.tif"), ["--y", "index"], ["stack.tif", "page 2"]),
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
