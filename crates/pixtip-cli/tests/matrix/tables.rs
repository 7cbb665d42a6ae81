//! CSV tables beside a stack of three images.

use crate::files::uint8_stack;
use crate::run::{Case, Ctx, Observed, chart, data_rows, spec, text};

/// Charts `stack.npy` (3 images) with `table.csv` holding `csv`.
fn with_table(ctx: &Ctx, csv: &[u8], more: &[&str]) -> Observed {
    let stack = ctx.put("stack.npy", &uint8_stack(3));
    let table = ctx.put("table.csv", csv);
    let mut args = vec![stack.as_str(), "--table", &table];
    args.extend(more);
    chart(ctx, &args)
}

/// The text of `column` in each row of the chart's data.
fn text_column(ctx: &Ctx, column: &str) -> Vec<String> {
    data_rows(&spec(ctx))
        .iter()
        .map(|r| r[column].as_str().unwrap().to_string())
        .collect()
}

const Y: &[&str] = &["--y", "index"];

pub const CASES: &[Case] = &[
    Case {
        name: "csv-ragged-short-row",
        result: "exit 1",
        run: |ctx| {
            with_table(ctx, b"group,score\na,1\nb\nc,3\n", Y).mentions(&[
                "table.csv",
                "line 3",
                "1 fields where the header has 2",
            ])
        },
    },
    Case {
        name: "csv-ragged-long-row",
        result: "exit 1",
        run: |ctx| {
            with_table(ctx, b"group,score\na,1\nb,2,9\nc,3\n", Y).mentions(&[
                "table.csv",
                "line 3",
                "3 fields where the header has 2",
            ])
        },
    },
    Case {
        name: "csv-bom",
        result: "exit 0",
        run: |ctx| {
            let observed = with_table(
                ctx,
                "\u{feff}group,score\na,1\nb,2\nc,3\n".as_bytes(),
                &["--x", "group", "--y", "score"],
            );
            assert_eq!(text_column(ctx, "group"), ["a", "b", "c"]);
            observed
        },
    },
    Case {
        name: "csv-not-utf8",
        result: "exit 1",
        run: |ctx| {
            with_table(ctx, b"group,score\ncaf\xe9,1\nb,2\nc,3\n", Y).mentions(&[
                "table.csv",
                "line 2",
                "UTF-8",
            ])
        },
    },
    Case {
        name: "csv-duplicate-header",
        result: "exit 1",
        run: |ctx| {
            with_table(ctx, b"score,score\n1,1\n2,2\n3,3\n", Y).mentions(&[
                "table.csv",
                "line 1",
                "`score` appears twice",
            ])
        },
    },
    Case {
        name: "csv-empty-header",
        result: "exit 1",
        run: |ctx| {
            with_table(ctx, b"group,\na,1\nb,2\nc,3\n", Y).mentions(&[
                "table.csv",
                "line 1",
                "column 2",
            ])
        },
    },
    Case {
        name: "csv-quotes-and-newlines",
        result: "exit 0",
        run: |ctx| {
            let csv = b"label,score\n\"say \"\"hi\"\", ok\",1\n\"two\nlines\",2\nplain,3\n";
            let observed = with_table(ctx, csv, &["--y", "score", "--tooltip", "label"]);
            assert_eq!(
                text_column(ctx, "label"),
                ["say \"hi\", ok", "two\nlines", "plain"]
            );
            observed
        },
    },
    Case {
        name: "csv-too-few-rows",
        result: "exit 1",
        run: |ctx| {
            with_table(ctx, b"score\n1\n2\n", Y).mentions(&[
                "table.csv",
                "2 rows",
                "stack.npy",
                "has 3",
            ])
        },
    },
    Case {
        name: "csv-too-many-rows",
        result: "exit 1",
        run: |ctx| {
            with_table(ctx, b"score\n1\n2\n3\n4\n", Y).mentions(&[
                "table.csv",
                "4 rows",
                "stack.npy",
                "has 3",
            ])
        },
    },
    Case {
        name: "csv-empty-file",
        result: "exit 1",
        run: |ctx| with_table(ctx, b"", Y).mentions(&["table.csv", "0 rows"]),
    },
    Case {
        name: "csv-text-in-quantitative-column",
        result: "exit 1",
        run: |ctx| {
            with_table(
                ctx,
                b"score\n1\nabc\n3\n",
                &["--y", "score", "--type", "score:Q"],
            )
            .mentions(&["table.csv", "line 3", "`abc` is not a number"])
        },
    },
    Case {
        name: "csv-missing-file",
        result: "exit 1",
        run: |ctx| {
            let stack = ctx.put("stack.npy", &uint8_stack(3));
            let missing = text(&ctx.path("nowhere.csv"));
            chart(ctx, &[&stack, "--table", &missing, "--y", "index"]).mentions(&["nowhere.csv"])
        },
    },
];
