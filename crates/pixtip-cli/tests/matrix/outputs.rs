//! Output folders that cannot or must not be written, for `chart` and `demo`,
//! and `demo` sizes and arguments.

use crate::files::uint8_stack;
use crate::run::{Case, Ctx, Observed, demo, pixtip_in, text};
use std::os::unix::fs::PermissionsExt;

/// `pixtip chart stack.npy --y index --out OUT`.
fn chart_into(ctx: &Ctx, out: &str) -> Observed {
    let stack = ctx.put("stack.npy", &uint8_stack(2));
    pixtip_in(ctx, &[], &["chart", &stack, "--y", "index", "--out", out])
}

/// `out/` holding a file pixtip did not write.
fn foreign_out(ctx: &Ctx) -> String {
    std::fs::remove_file(ctx.path("out").join(pixtip::output::OUTPUT_MARKER)).unwrap();
    ctx.put("out/notes.txt", b"my notes");
    ctx.out()
}

fn chmod(path: &std::path::Path, mode: u32) {
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode)).unwrap();
}

/// Runs `args` as a user who owns the case's folder but may not write to
/// the folders `read_only` (made 0555): as is, when the tests do not run as
/// root; as `nobody` through `setpriv` (the folder handed to `nobody`) when
/// they do; skipped when root has no `setpriv`.
fn read_only_run(ctx: &Ctx, read_only: &[&str], args: &[&str]) -> Observed {
    let uid = std::process::Command::new("id").arg("-u").output().unwrap();
    let root = String::from_utf8_lossy(&uid.stdout).trim() == "0";
    let has_setpriv = std::process::Command::new("sh")
        .args(["-c", "command -v setpriv"])
        .output()
        .is_ok_and(|o| o.status.success());
    if root && !has_setpriv {
        return Observed::skipped(
            "running as root and `setpriv` is missing: no user to lack the permission".into(),
        );
    }
    ctx.put("stack.npy", &uint8_stack(2));
    if root {
        for folder in [
            &ctx.dir,
            &ctx.path("cwd"),
            &ctx.path("cwd/here"),
            &ctx.path("out"),
        ] {
            std::os::unix::fs::chown(folder, Some(65534), Some(65534)).unwrap();
        }
    }
    for folder in read_only {
        chmod(&ctx.path(folder), 0o555);
    }
    let wrapper: &[&str] = if root {
        &[
            "setpriv",
            "--reuid=65534",
            "--regid=65534",
            "--clear-groups",
            "--",
        ]
    } else {
        &[]
    };
    let binary = env!("CARGO_BIN_EXE_pixtip");
    let runs = wrapper.split_first().is_none_or(|(first, rest)| {
        std::process::Command::new(first)
            .args(rest)
            .args([binary, "--version"])
            .output()
            .is_ok_and(|o| o.status.success())
    });
    if !runs {
        return Observed::skipped(format!("`nobody` cannot run {binary}"));
    }
    let observed = pixtip_in(ctx, wrapper, args);
    for folder in read_only {
        chmod(&ctx.path(folder), 0o755);
    }
    observed
}

/// [`read_only_run`] of `pixtip chart stack.npy --y index` into the case's
/// output folder, with `read_only` (relative) made read-only.
fn chart_read_only(ctx: &Ctx, read_only: &str) -> Observed {
    let (stack, out) = (text(&ctx.path("stack.npy")), ctx.out());
    read_only_run(
        ctx,
        &[read_only],
        &["chart", &stack, "--y", "index", "--out", &out],
    )
}

pub const CASES: &[Case] = &[
    Case {
        name: "out-is-a-file",
        result: "exit 1",
        run: |ctx| {
            chart_into(ctx, &ctx.put("notes.txt", b"my notes"))
                .mentions(&["notes.txt", "is a file"])
        },
    },
    Case {
        name: "out-parent-is-a-file",
        result: "exit 1",
        run: |ctx| {
            let file = ctx.put("notes.txt", b"my notes");
            chart_into(ctx, &format!("{file}/charts")).mentions(&["notes.txt"])
        },
    },
    Case {
        name: "out-holds-other-files",
        result: "exit 1",
        run: |ctx| {
            chart_into(ctx, &foreign_out(ctx)).mentions(&["out", "files pixtip did not write"])
        },
    },
    Case {
        name: "out-inside-input-folder",
        result: "exit 1",
        run: |ctx| {
            ctx.put("shots/a.png", &crate::files::png_declaring(1, 1, &[0, 5]));
            let shots = text(&ctx.path("shots"));
            let out = text(&ctx.path("shots/charts"));
            pixtip_in(ctx, &[], &["chart", &shots, "--y", "index", "--out", &out])
                .mentions(&["shots/charts", "inside an input folder"])
        },
    },
    Case {
        name: "out-read-only",
        result: "exit 1",
        run: |ctx| chart_read_only(ctx, "out").mentions(&["out"]),
    },
    Case {
        name: "out-read-only-subfolder",
        result: "exit 1",
        run: |ctx| {
            ctx.put("out/pictures/0-000000.png", b"an old picture");
            chart_read_only(ctx, "out/pictures").mentions(&["out/pictures"])
        },
    },
    Case {
        name: "out-in-read-only-folder",
        result: "exit 1",
        run: |ctx| chart_read_only(ctx, "").mentions(&["Permission denied"]),
    },
    Case {
        name: "demo-out-is-a-file",
        result: "exit 1",
        run: |ctx| {
            demo(ctx, &["--out", &ctx.put("notes.txt", b"my notes")])
                .mentions(&["notes.txt", "is a file"])
        },
    },
    Case {
        name: "demo-out-holds-other-files",
        result: "exit 1",
        run: |ctx| {
            demo(ctx, &["--out", &foreign_out(ctx)])
                .mentions(&["out", "files pixtip did not write"])
        },
    },
    Case {
        name: "demo-out-read-only",
        result: "exit 1",
        run: |ctx| {
            let out = ctx.out();
            read_only_run(ctx, &["out"], &["demo", "--rows", "2", "--out", &out]).mentions(&["out"])
        },
    },
    Case {
        name: "demo-over-memory-budget",
        result: "exit 1",
        run: |ctx| {
            demo(
                ctx,
                &[
                    "--out",
                    &ctx.out(),
                    "--width",
                    "100000",
                    "--memory-budget",
                    "100",
                ],
            )
            .mentions(&["would need", "the memory budget is"])
        },
    },
    Case {
        name: "demo-zero-width",
        result: "exit 1",
        run: |ctx| demo(ctx, &["--out", &ctx.out(), "--width", "0"]).mentions(&["width"]),
    },
    Case {
        name: "demo-bad-seed",
        result: "exit 2",
        run: |ctx| demo(ctx, &["--out", &ctx.out(), "--seed", "1,x"]).mentions(&["--seed", "`x`"]),
    },
    Case {
        name: "demo-replaces-its-own-output",
        result: "exit 0",
        run: |ctx| {
            let observed = demo(ctx, &["--out", &ctx.out()]);
            assert!(
                !ctx.path("out/chart.html").exists(),
                "the old page survived"
            );
            assert!(ctx.path("out/metric-switch.html").is_file());
            observed
        },
    },
];
