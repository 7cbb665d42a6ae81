//! HDF5 files and Zarr stores: the fixtures of `fixtures/inputs/stores`
//! (h5py, zarr), damaged or named wrongly.

use crate::run::{Case, Ctx, Observed, chart};
use std::path::Path;

/// Copies `fixtures/inputs/stores/<from>` (a file or a store's folder) into
/// the case's folder as `to`; its path as text.
fn store(ctx: &Ctx, from: &str, to: &str) -> String {
    let source = pixtip_tests::input_path(&format!("stores/{from}"));
    copy(&source, ctx, to);
    crate::run::text(&ctx.path(to))
}

fn copy(source: &Path, ctx: &Ctx, to: &str) {
    if source.is_dir() {
        for entry in std::fs::read_dir(source).unwrap() {
            let entry = entry.unwrap();
            let name = entry.file_name().to_string_lossy().into_owned();
            copy(&entry.path(), ctx, &format!("{to}/{name}"));
        }
    } else {
        ctx.put(to, &std::fs::read(source).unwrap());
    }
}

/// `pixtip chart INPUT --y index` with `input` as written (a file and a
/// dataset, or a store and an array).
fn chart_input(ctx: &Ctx, input: &str) -> Observed {
    chart(ctx, &[input, "--y", "index"])
}

/// The case `$name`, refused (exit 1): the fixture `$from` copied in as
/// `$to`, charted as `$to$inside`; the message mentions `$words`.
macro_rules! refused_store {
    ($name:literal, $from:literal as $to:literal, $inside:literal, $words:expr) => {
        Case {
            name: $name,
            result: "exit 1",
            run: |ctx| {
                let path = store(ctx, $from, $to);
                chart_input(ctx, &format!("{path}{}", $inside)).mentions(&$words)
            },
        }
    };
}

/// The case `$name`, refused (exit 1): `$bytes` written as `$file`, charted
/// as `$input` makes its path; the message mentions `$words`.
macro_rules! refused_written {
    ($name:literal, $bytes:expr => $file:literal, $input:expr, $words:expr) => {
        Case {
            name: $name,
            result: "exit 1",
            run: |ctx| {
                let input: fn(&str) -> String = $input;
                let path = ctx.put($file, $bytes);
                chart_input(ctx, &input(&path)).mentions(&$words)
            },
        }
    };
}

pub const CASES: &[Case] = &[
    refused_store!("hdf5-dataset-is-a-group", "cells.h5" as "cells.h5", ":/group",
        ["cells.h5", "dataset `/group`", "is a group"]),
    refused_store!("hdf5-missing-dataset", "cells.h5" as "cells.h5", ":/cells",
        ["cells.h5", "dataset `/cells`", "does not exist"]),
    refused_store!("hdf5-wrong-rank", "cells.h5" as "cells.h5", ":/flat",
        ["cells.h5", "dataset `/flat`"]),
    refused_store!("hdf5-strings", "cells.h5" as "cells.h5", ":/names",
        ["cells.h5", "dataset `/names`"]),
    refused_store!("hdf5-several-datasets-none-named", "cells.h5" as "cells.h5", "",
        ["cells.h5", "FILE:/path"]),
    refused_store!("hdf5-cut-short", "bad/cut.h5" as "cells.h5", ":/u8", ["cells.h5"]),
    refused_store!("hdf5-corrupt-chunks", "bad/corrupt.h5" as "cells.h5", ":/group/f32",
        ["cells.h5", "dataset `/group/f32`"]),
    refused_written!("hdf5-not-hdf5", b"\x89HDF\r\n\x1a\n but nothing after the signature"
        => "cells.h5", |file| format!("{file}:/images"), ["cells.h5"]),
    refused_store!("zarr-chunk-shorter-than-declared", "bad/short.zarr" as "cells.zarr", "/raw",
        ["cells.zarr", "array `/raw`"]),
    refused_store!("zarr-compressed-chunk-cut", "bad/broken.zarr" as "cells.zarr", "/u16",
        ["cells.zarr", "array `/u16`"]),
    // Images of 1 MB in chunks declared 100 GB long, over a store with no
    // chunk files.
    refused_written!("zarr-chunk-shape-over-limit",
        br#"{"zarr_format": 2, "shape": [2, 1000, 1000], "chunks": [100000, 1000, 1000],
            "dtype": "|u1", "compressor": null, "fill_value": 0, "order": "C", "filters": null}"#
        => "cells.zarr/.zarray", |file| file.trim_end_matches("/.zarray").to_string(),
        ["cells.zarr", "chunks of shape", "over the limit"]),
    refused_store!("zarr-missing-array", "v2.zarr" as "cells.zarr", "/cells",
        ["cells.zarr", "`/cells`"]),
    refused_store!("zarr-group-not-ome", "v3.zarr" as "cells.zarr", "",
        ["cells.zarr", "is a group"]),
    Case {
        name: "ome-zarr-first-level",
        result: "exit 0",
        run: |ctx| {
            let root = store(ctx, "ome.zarr", "image.ome.zarr");
            let observed = chart_input(ctx, &root);
            let rows = crate::run::data_rows(&crate::run::spec(ctx));
            assert_eq!(rows.len(), 4);
            observed
        },
    },
];
