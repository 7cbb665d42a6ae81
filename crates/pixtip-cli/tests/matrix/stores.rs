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

pub const CASES: &[Case] = &[
    Case {
        name: "hdf5-dataset-is-a-group",
        result: "exit 1",
        run: |ctx| {
            let file = store(ctx, "cells.h5", "cells.h5");
            chart_input(ctx, &format!("{file}:/group")).mentions(&[
                "cells.h5",
                "dataset `/group`",
                "is a group",
            ])
        },
    },
    Case {
        name: "hdf5-missing-dataset",
        result: "exit 1",
        run: |ctx| {
            let file = store(ctx, "cells.h5", "cells.h5");
            chart_input(ctx, &format!("{file}:/cells")).mentions(&[
                "cells.h5",
                "dataset `/cells`",
                "does not exist",
            ])
        },
    },
    Case {
        name: "hdf5-wrong-rank",
        result: "exit 1",
        run: |ctx| {
            let file = store(ctx, "cells.h5", "cells.h5");
            chart_input(ctx, &format!("{file}:/flat")).mentions(&["cells.h5", "dataset `/flat`"])
        },
    },
    Case {
        name: "hdf5-strings",
        result: "exit 1",
        run: |ctx| {
            let file = store(ctx, "cells.h5", "cells.h5");
            chart_input(ctx, &format!("{file}:/names")).mentions(&["cells.h5", "dataset `/names`"])
        },
    },
    Case {
        name: "hdf5-several-datasets-none-named",
        result: "exit 1",
        run: |ctx| {
            let file = store(ctx, "cells.h5", "cells.h5");
            chart_input(ctx, &file).mentions(&["cells.h5", "FILE:/path"])
        },
    },
    Case {
        name: "hdf5-cut-short",
        result: "exit 1",
        run: |ctx| {
            let file = store(ctx, "bad/cut.h5", "cells.h5");
            chart_input(ctx, &format!("{file}:/u8")).mentions(&["cells.h5"])
        },
    },
    Case {
        name: "hdf5-corrupt-chunks",
        result: "exit 1",
        run: |ctx| {
            let file = store(ctx, "bad/corrupt.h5", "cells.h5");
            chart_input(ctx, &format!("{file}:/group/f32"))
                .mentions(&["cells.h5", "dataset `/group/f32`"])
        },
    },
    Case {
        name: "hdf5-not-hdf5",
        result: "exit 1",
        run: |ctx| {
            let file = ctx.put(
                "cells.h5",
                b"\x89HDF\r\n\x1a\n but nothing after the signature",
            );
            chart_input(ctx, &format!("{file}:/images")).mentions(&["cells.h5"])
        },
    },
    Case {
        name: "zarr-chunk-shorter-than-declared",
        result: "exit 1",
        run: |ctx| {
            let root = store(ctx, "bad/short.zarr", "cells.zarr");
            chart_input(ctx, &format!("{root}/raw")).mentions(&["cells.zarr", "array `/raw`"])
        },
    },
    Case {
        name: "zarr-compressed-chunk-cut",
        result: "exit 1",
        run: |ctx| {
            let root = store(ctx, "bad/broken.zarr", "cells.zarr");
            chart_input(ctx, &format!("{root}/u16")).mentions(&["cells.zarr", "array `/u16`"])
        },
    },
    Case {
        name: "zarr-chunk-shape-over-limit",
        result: "exit 1",
        run: |ctx| {
            // Images of 1 MB in chunks declared 100 GB long, over a store
            // with no chunk files.
            let root = ctx.put(
                "cells.zarr/.zarray",
                br#"{"zarr_format": 2, "shape": [2, 1000, 1000], "chunks": [100000, 1000, 1000],
                    "dtype": "|u1", "compressor": null, "fill_value": 0, "order": "C", "filters": null}"#,
            );
            let root = root.trim_end_matches("/.zarray");
            chart_input(ctx, root).mentions(&["cells.zarr", "chunks of shape", "over the limit"])
        },
    },
    Case {
        name: "zarr-missing-array",
        result: "exit 1",
        run: |ctx| {
            let root = store(ctx, "v2.zarr", "cells.zarr");
            chart_input(ctx, &format!("{root}/cells")).mentions(&["cells.zarr", "`/cells`"])
        },
    },
    Case {
        name: "zarr-group-not-ome",
        result: "exit 1",
        run: |ctx| {
            let root = store(ctx, "v3.zarr", "cells.zarr");
            chart_input(ctx, &root).mentions(&["cells.zarr", "is a group"])
        },
    },
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
