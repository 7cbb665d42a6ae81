//! Image folders, image files, links and a table's file column.

use crate::files::png_declaring;
use crate::run::{Case, Ctx, Observed, chart, data_rows, spec, text};

/// A valid 2×2 gray PNG.
fn good_png() -> Vec<u8> {
    png_declaring(2, 2, &[0, 10, 20, 0, 30, 40])
}

/// `pixtip chart shots --y index`.
fn chart_shots(ctx: &Ctx) -> Observed {
    chart(ctx, &[&text(&ctx.path("shots")), "--y", "index"])
}

/// `shots/a.png` (good) and `shots/<second>` holding `bytes`; charts the
/// folder and checks that the message names row 1, the column and the file.
fn folder_with(ctx: &Ctx, second: &str, bytes: &[u8]) -> Observed {
    ctx.put("shots/a.png", &good_png());
    ctx.put(&format!("shots/{second}"), bytes);
    chart_shots(ctx).mentions(&["row 1", "`shots`", second])
}

/// `secret.png` beside the folder and `shots/link.png` leading to it.
fn link_out(ctx: &Ctx) {
    ctx.put("secret.png", &good_png());
    std::fs::create_dir_all(ctx.path("shots")).unwrap();
    std::os::unix::fs::symlink("../secret.png", ctx.path("shots/link.png")).unwrap();
}

/// `shots/a.png` charted in the order of `table.csv`'s column `file`, which
/// holds `names` (one a line).
fn file_column(ctx: &Ctx, names: &str) -> Observed {
    file_column_named(ctx, "file", names)
}

/// [`file_column`] with `--file-column COLUMN`.
fn file_column_named(ctx: &Ctx, column: &str, names: &str) -> Observed {
    ctx.put("shots/a.png", &good_png());
    let table = ctx.put("table.csv", format!("file\n{names}").as_bytes());
    chart(
        ctx,
        &[
            &text(&ctx.path("shots")),
            "--table",
            &table,
            "--file-column",
            column,
            "--y",
            "index",
        ],
    )
}

pub const CASES: &[Case] = &[
    Case {
        name: "png-corrupt",
        result: "exit 1",
        run: |ctx| folder_with(ctx, "b.png", b"\x89PNG\r\n\x1a\nnot really"),
    },
    Case {
        name: "png-empty-file",
        result: "exit 1",
        run: |ctx| folder_with(ctx, "b.png", b""),
    },
    Case {
        name: "png-zero-by-zero",
        result: "exit 1",
        run: |ctx| folder_with(ctx, "b.png", &png_declaring(0, 0, &[])),
    },
    Case {
        name: "png-declares-100000x100000",
        result: "exit 1",
        run: |ctx| folder_with(ctx, "b.png", &png_declaring(100_000, 100_000, &[0])),
    },
    Case {
        name: "tiff-corrupt",
        result: "exit 1",
        run: |ctx| folder_with(ctx, "b.tif", b"II*\x00\xff\xff\xff\xffgarbage"),
    },
    Case {
        name: "folder-empty",
        result: "exit 1",
        run: |ctx| {
            std::fs::create_dir(ctx.path("shots")).unwrap();
            chart_shots(ctx).mentions(&["shots", "no PNG, TIFF or JPEG"])
        },
    },
    Case {
        name: "folder-only-link-out",
        result: "exit 1",
        run: |ctx| {
            link_out(ctx);
            chart_shots(ctx).mentions(&["shots", "no PNG, TIFF or JPEG"])
        },
    },
    Case {
        name: "folder-link-out-left-out",
        result: "exit 0",
        run: |ctx| {
            link_out(ctx);
            ctx.put("shots/a.png", &good_png());
            let observed = chart_shots(ctx);
            assert_eq!(data_rows(&spec(ctx)).len(), 1, "the link is a row");
            observed
        },
    },
    Case {
        name: "file-column-link-out",
        result: "exit 1",
        run: |ctx| {
            link_out(ctx);
            file_column(ctx, "a.png\nlink.png\n").mentions(&[
                "row 1",
                "`file`",
                "link.png",
                "leads out of",
            ])
        },
    },
    Case {
        name: "file-column-missing-file",
        result: "exit 1",
        run: |ctx| {
            file_column(ctx, "a.png\nnope.png\n").mentions(&[
                "row 1",
                "`file`",
                "nope.png",
                "no such file",
            ])
        },
    },
    Case {
        name: "file-column-absolute",
        result: "exit 1",
        run: |ctx| {
            let absolute = text(&ctx.path("shots/a.png"));
            file_column(ctx, &format!("a.png\n{absolute}\n"))
                .mentions(&["row 1", "`file`", &absolute, "relative"])
        },
    },
    Case {
        name: "file-column-climbing",
        result: "exit 1",
        run: |ctx| {
            ctx.put("secret.png", &good_png());
            file_column(ctx, "a.png\n../secret.png\n").mentions(&[
                "row 1",
                "`file`",
                "../secret.png",
                "`..`",
            ])
        },
    },
    Case {
        name: "file-column-empty-name",
        result: "exit 1",
        run: |ctx| file_column(ctx, "\"\"\na.png\n").mentions(&["row 0", "`file`"]),
    },
    Case {
        name: "file-column-names-a-folder",
        result: "exit 1",
        run: |ctx| {
            std::fs::create_dir_all(ctx.path("shots/sub")).unwrap();
            file_column(ctx, "a.png\nsub\n").mentions(&["row 1", "`file`", "sub", "not a file"])
        },
    },
    Case {
        name: "file-column-not-a-column",
        result: "exit 1",
        run: |ctx| file_column_named(ctx, "path", "a.png\n").mentions(&["`path`", "file"]),
    },
];
