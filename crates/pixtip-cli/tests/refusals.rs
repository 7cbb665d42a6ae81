//! `pixtip chart` refusing bad inputs and arguments: exit code, one line on
//! stderr naming the file, row or column, and the old chart left as it was.

#![allow(clippy::unwrap_used)] // test helpers: a failed unwrap is a failed test

mod common;

use common::{pixtip, stderr};
use pixtip_tests::{float64_stack_with_nan_image, input_path, npy_zeros_u8};

fn input(relative: &str) -> String {
    input_path(relative).display().to_string()
}

const OLD_PAGE: &str = "<html>the chart of yesterday</html>";

/// An earlier run's output folder (its marker and a `chart.html`), to see
/// it survive a failed run.
fn old_chart() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("chart.html"), OLD_PAGE).unwrap();
    std::fs::write(dir.path().join(pixtip::output::OUTPUT_MARKER), "").unwrap();
    dir
}

/// Runs `pixtip chart ARGS... [--out DIR]` into a folder with an old chart;
/// checks the exit code, that stderr is one line starting `pixtip: ` and
/// naming each of `mentions`, and that the folder holds the old chart only.
fn assert_refused(args: &[&str], with_out: bool, code: i32, mentions: &[&str]) {
    let old = old_chart();
    let out = old.path().display().to_string();
    let mut all = vec!["chart"];
    all.extend(args);
    if with_out {
        all.extend(["--out", &out]);
    }
    let output = pixtip(&all);
    let text = stderr(&output);
    assert_eq!(output.status.code(), Some(code), "{args:?}: {text}");
    assert_eq!(text.trim_end().lines().count(), 1, "{args:?}: {text}");
    assert!(text.starts_with("pixtip: "), "{args:?}: {text}");
    assert!(!text.contains("panicked"), "{args:?}: {text}");
    for mention in mentions {
        assert!(
            text.contains(mention),
            "{args:?}: `{mention}` missing from {text}"
        );
    }
    let page = std::fs::read_to_string(old.path().join("chart.html")).unwrap();
    assert_eq!(page, OLD_PAGE, "{args:?} changed chart.html");
    let left: Vec<_> = std::fs::read_dir(old.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(left.len(), 2, "{args:?} left {left:?}");
}

#[test]
fn bad_inputs_exit_1_with_one_line_naming_the_fault_and_leave_the_old_chart() {
    let scratch = tempfile::tempdir().unwrap();
    let put = |name: &str, bytes: &[u8]| {
        let path = scratch.path().join(name);
        std::fs::write(&path, bytes).unwrap();
        path.display().to_string()
    };
    let good = std::fs::read(input_path("npy/float64.npy")).unwrap();
    let garbage = put("garbage.npy", b"not numpy");
    let short = put("short.npy", &good[..good.len() - 100]);
    let not_zip = put("not_zip.npz", b"not a zip");
    let all_nan = put("cells.npy", &float64_stack_with_nan_image(1));
    let wide = put("wide.npy", &npy_zeros_u8(&[1, 300, 300]));
    let ragged = put("ragged.csv", b"group,score\na,1\nb\nc,3\n");
    let climbing = put(
        "climbing.csv",
        b"file\na_gray8.png\n../folder.csv\nb_rgb8.png\n",
    );
    let broken_folder = scratch.path().join("broken");
    std::fs::create_dir(&broken_folder).unwrap();
    std::fs::copy(
        input_path("folder/a_gray8.png"),
        broken_folder.join("a.png"),
    )
    .unwrap();
    std::fs::write(broken_folder.join("b.png"), b"\x89PNG\r\n\x1a\nnot really").unwrap();
    let broken_folder = broken_folder.display().to_string();
    let missing = scratch.path().join("missing.npy").display().to_string();

    let uint8 = input("npy/uint8.npy");
    let (object, complex) = (input("bad/object.npy"), input("bad/complex.npy"));
    let (single, folder, folder_csv) = (
        input("npy/single.npy"),
        input("folder"),
        input("folder.csv"),
    );
    let metric = "m=uint8:mean";
    let cases: Vec<(Vec<&str>, Vec<&str>)> = vec![
        (vec![&garbage, "--y", "index"], vec!["garbage.npy", "magic"]),
        (vec![&short, "--y", "index"], vec!["short.npy", "[3, 6, 5]"]),
        (vec![&object, "--y", "index"], vec!["object.npy", "pickle"]),
        (
            vec![&complex, "--y", "index"],
            vec!["complex.npy", "complex"],
        ),
        (vec![&not_zip, "--y", "index"], vec!["not_zip.npz", ".npz"]),
        (vec![&missing, "--y", "index"], vec!["missing.npy"]),
        (
            vec![&broken_folder, "--y", "index"],
            vec!["row 1", "`broken`", "b.png"],
        ),
        (
            vec![&uint8, &single, "--y", "index"],
            vec!["uint8.npy", "single.npy"],
        ),
        (
            vec![&uint8, "--table", &ragged, "--metric", metric],
            vec!["ragged.csv", "line 3"],
        ),
        (
            vec![&uint8, "--table", &folder_csv, "--metric", metric],
            vec!["folder.csv", "6 rows"],
        ),
        (
            vec![
                &folder,
                "--table",
                &climbing,
                "--file-column",
                "file",
                "--y",
                "index",
            ],
            vec!["row 1", "`file`", "../folder.csv"],
        ),
        (
            vec![&uint8, "--metric", metric, "--x", "nope"],
            vec!["`nope`", "index"],
        ),
        (
            vec![&uint8, "--metric", "m=nope:mean"],
            vec!["`nope`", "uint8"],
        ),
        (
            vec![
                &uint8, "--metric", metric, "--repeat", "m,nope", "--x", "index",
            ],
            vec!["`nope`"],
        ),
        (
            vec![
                &all_nan,
                "--y",
                "index",
                "--scale",
                "per-image",
                "--pictures",
                "files",
            ],
            vec!["row 1", "`cells`", "per-image"],
        ),
        // The library names the request's fields; the command line, its flags.
        (
            vec![&uint8, "--repeat", "index"],
            vec!["--repeat", "--x FIELD"],
        ),
        (vec![&uint8], vec!["nothing to plot on y", "--y FIELD"]),
        // 64 times 300 px on each side is over 2^28 pixels: refused, not allocated.
        (
            vec![&wide, "--y", "index", "--zoom", "64", "--thumbnail", "0"],
            vec!["row 0", "`wide`", "zoom 64", "19200×19200"],
        ),
    ];
    for (args, mentions) in cases {
        assert_refused(&args, true, 1, &mentions);
    }
}

#[test]
fn bad_arguments_exit_2_with_one_line_and_write_nothing() {
    let uint8 = input("npy/uint8.npy");
    let cases: Vec<(Vec<&str>, &str)> = vec![
        (vec![&uint8], "--out"),
        (vec![&uint8, "--pictures", "zip"], "zip"),
        (vec![&uint8, "--zoom", "0"], "--zoom"),
        (vec![&uint8, "--thumbnail", "-1"], "-1"),
        (vec![&uint8, "--colormap", "rainbow"], "rainbow"),
        (vec![&uint8, "--repeat", "a", "--switch", "b"], "--switch"),
        (vec![&uint8, "--file-column", "file"], "--table"),
        (vec![&uint8, "--frobnicate"], "--frobnicate"),
        (vec![&uint8, "--scale", "range:5,1"], "range:5,1"),
        (vec![&uint8, "--scale", "percentile:1"], "percentile"),
        (vec![&uint8, "--scale", "log"], "log"),
        (vec![&uint8, "--type", "index:X"], "index:X"),
        (vec![&uint8, "--metric", "m=uint8:median"], "median"),
        (vec![&uint8, "--metric", "m=uint8"], "m=uint8"),
    ];
    for (args, mention) in cases {
        // Without a second argument, --out is what is missing.
        assert_refused(&args, args.len() > 1, 2, &[mention]);
    }
}
