//! Running one case of the matrix: its own folder holding an earlier run's
//! output, the command or call, what it said, and what it left on disk.

use pixtip::PixtipError;
use std::cell::RefCell;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;

/// One row of docs/bad-input.md.
pub struct Case {
    /// The doc's first column.
    pub name: &'static str,
    /// `exit N` for the binary, `Ok` or the error variant for a library call.
    pub result: &'static str,
    /// Builds the inputs in the case's folder, runs, checks what it says.
    pub run: fn(&Ctx) -> Observed,
}

/// A case's folder: inputs go anywhere in it; `out/` holds an earlier
/// run's chart; the binary runs in `cwd/here/`, so a path climbing two
/// levels from there still lands inside the folder.
pub struct Ctx {
    pub dir: PathBuf,
    /// The folder as it was just before the run or call.
    before: RefCell<Option<Files>>,
}

/// A folder's files by relative path (see [`snapshot`]).
pub type Files = BTreeMap<PathBuf, Vec<u8>>;

/// The earlier run's page in `out/`.
pub const OLD_PAGE: &str = "<html>the chart of yesterday</html>";

impl Ctx {
    pub fn new(dir: &Path) -> Ctx {
        let out = dir.join("out");
        std::fs::create_dir_all(&out).unwrap();
        std::fs::write(out.join("chart.html"), OLD_PAGE).unwrap();
        std::fs::write(out.join(pixtip::output::OUTPUT_MARKER), "").unwrap();
        std::fs::create_dir_all(dir.join("cwd/here")).unwrap();
        Ctx {
            dir: dir.to_path_buf(),
            before: RefCell::new(None),
        }
    }

    /// Takes the snapshot the run is checked against: the inputs are built.
    pub fn mark(&self) {
        *self.before.borrow_mut() = Some(snapshot(&self.dir));
    }

    /// `relative` inside the case's folder.
    pub fn path(&self, relative: &str) -> PathBuf {
        self.dir.join(relative)
    }

    /// Writes `bytes` to `relative` (making its folders); its path as text.
    pub fn put(&self, relative: &str, bytes: &[u8]) -> String {
        let path = self.path(relative);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, bytes).unwrap();
        text(&path)
    }

    /// The output folder, holding the earlier run's chart.
    pub fn out(&self) -> String {
        text(&self.path("out"))
    }
}

pub fn text(path: &Path) -> String {
    path.display().to_string()
}

/// What a case did: its result as the doc's third column shows it and its
/// one-line message (empty when it succeeded).
#[derive(Debug)]
pub struct Observed {
    pub result: String,
    pub message: String,
    /// Why the case could not run here.
    pub skipped: Option<String>,
}

impl Observed {
    pub fn ok() -> Observed {
        Observed {
            result: "Ok".into(),
            message: String::new(),
            skipped: None,
        }
    }

    pub fn skipped(why: String) -> Observed {
        Observed {
            result: String::new(),
            message: String::new(),
            skipped: Some(why),
        }
    }

    /// Checks that the message names each of `names`.
    pub fn mentions(self, names: &[&str]) -> Observed {
        for name in names {
            assert!(
                self.message.contains(name),
                "`{name}` missing from: {}",
                self.message
            );
        }
        self
    }

    pub fn succeeded(&self) -> bool {
        self.result == "Ok" || self.result == "exit 0"
    }
}

/// `pixtip ARGS...` run in `cwd/here`, optionally through `wrapper` (a
/// command and its arguments, e.g. to drop privileges).
pub fn pixtip_in(ctx: &Ctx, wrapper: &[&str], args: &[&str]) -> Observed {
    let binary = env!("CARGO_BIN_EXE_pixtip");
    let mut command = match wrapper.split_first() {
        Some((first, rest)) => {
            let mut command = Command::new(first);
            command.args(rest).arg(binary);
            command
        }
        None => Command::new(binary),
    };
    ctx.mark();
    let output = command
        .args(args)
        .current_dir(ctx.path("cwd/here"))
        .output()
        .unwrap();
    let code = output.status.code().expect("killed by a signal");
    let message = if code == 0 {
        String::new()
    } else {
        let text = String::from_utf8_lossy(&output.stderr);
        assert_eq!(text.trim_end().lines().count(), 1, "not one line: {text}");
        assert!(text.starts_with("pixtip: "), "{text}");
        text.trim_end().to_string()
    };
    Observed {
        result: format!("exit {code}"),
        message,
        skipped: None,
    }
}

/// `pixtip chart ARGS... --out out`.
pub fn chart(ctx: &Ctx, args: &[&str]) -> Observed {
    let out = ctx.out();
    let mut all = vec!["chart"];
    all.extend(args);
    all.extend(["--out", &out]);
    pixtip_in(ctx, &[], &all)
}

/// The case `$name`, refused (exit 1): `pixtip chart FILE ARGS...` with
/// `$bytes` written as FILE `$file`; the message mentions `$words`.
macro_rules! refused_file {
    ($name:literal, $file:literal: $bytes:expr, [$($arg:expr),*], $words:expr) => {
        $crate::run::Case {
            name: $name,
            result: "exit 1",
            run: |ctx| {
                let path = ctx.put($file, $bytes);
                $crate::run::chart(ctx, &[path.as_str(), $($arg),*]).mentions(&$words)
            },
        }
    };
}
pub(crate) use refused_file;

/// `pixtip demo --rows 2 ARGS...` (ARGS give `--out`).
pub fn demo(ctx: &Ctx, args: &[&str]) -> Observed {
    let mut all = vec!["demo", "--rows", "2"];
    all.extend(args);
    pixtip_in(ctx, &[], &all)
}

/// A library call's result: `Ok`, or the error's variant and message.
pub fn call<T>(ctx: &Ctx, call: impl FnOnce() -> Result<T, PixtipError>) -> Observed {
    ctx.mark();
    match call() {
        Ok(_) => Observed::ok(),
        Err(error) => {
            let debug = format!("{error:?}");
            let variant = debug
                .split(|c: char| !c.is_alphanumeric())
                .next()
                .unwrap_or_default()
                .to_string();
            Observed {
                result: variant,
                message: error.to_string(),
                skipped: None,
            }
        }
    }
}

/// The written chart's specification, as its page holds it (the spec file
/// leaves embedded pictures out).
pub fn spec(ctx: &Ctx) -> serde_json::Value {
    let html = std::fs::read_to_string(ctx.path("out/chart.html")).unwrap();
    pixtip_tests::page_spec(&html)
}

/// The chart's data rows (the datasets named `data-…`).
pub fn data_rows(spec: &serde_json::Value) -> Vec<serde_json::Value> {
    let datasets = spec["datasets"].as_object().expect("datasets");
    datasets
        .iter()
        .filter(|(name, _)| name.starts_with("data-"))
        .flat_map(|(_, rows)| rows.as_array().unwrap().clone())
        .collect()
}

/// Every file, folder and link below `dir`: its kind and bytes (a link's
/// target), by path relative to `dir`.
pub fn snapshot(dir: &Path) -> Files {
    let mut found = BTreeMap::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(folder) = stack.pop() {
        for entry in std::fs::read_dir(&folder).unwrap() {
            let path = entry.unwrap().path();
            let relative = path.strip_prefix(dir).unwrap().to_path_buf();
            let kind = std::fs::symlink_metadata(&path).unwrap().file_type();
            let content = if kind.is_symlink() {
                let mut bytes = b"link:".to_vec();
                bytes.extend(text(&std::fs::read_link(&path).unwrap()).as_bytes());
                bytes
            } else if kind.is_dir() {
                stack.push(path.clone());
                b"dir".to_vec()
            } else {
                std::fs::read(&path).unwrap()
            };
            found.insert(relative, content);
        }
    }
    found
}

/// Runs a case in a fresh folder and checks what it left there: a refused
/// case nothing at all (the earlier output as it was, no temporary files),
/// a chart or demo that succeeded only a new `out/`.
pub fn run_case(case: &Case) -> Result<Observed, String> {
    let scratch = tempfile::tempdir().unwrap();
    let ctx = Ctx::new(scratch.path());
    let observed = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| (case.run)(&ctx)))
        .map_err(|panic| crate::panic_text(&panic))?;
    if observed.skipped.is_some() {
        return Ok(observed);
    }
    let before = ctx.before.take().ok_or("the case ran nothing")?;
    if observed.result != case.result {
        return Err(format!(
            "expected {}, got {}: {}",
            case.result, observed.result, observed.message
        ));
    }
    if observed.message.contains("panicked") || observed.message.lines().count() > 1 {
        return Err(format!("not a one-line error: {}", observed.message));
    }
    let after = snapshot(&ctx.dir);
    if observed.result == "exit 0" {
        let outside = |files: &Files| {
            files
                .iter()
                .filter(|(path, _)| !path.starts_with("out"))
                .map(|(p, c)| (p.clone(), c.clone()))
                .collect::<BTreeMap<_, _>>()
        };
        if outside(&before) != outside(&after) {
            return Err(format!(
                "wrote outside out/: {:?}",
                changes(&before, &after)
            ));
        }
        let page = std::fs::read_to_string(ctx.path("out/chart.html"))
            .or_else(|_| std::fs::read_to_string(ctx.path("out/comparison.html")))
            .or_else(|_| std::fs::read_to_string(ctx.path("out/index.html")))
            .map_err(|e| format!("no new page in out/: {e}"))?;
        if page == OLD_PAGE {
            return Err("the old page is still there".into());
        }
    } else if before != after {
        return Err(format!("changed files: {:?}", changes(&before, &after)));
    }
    let dir = text(&ctx.dir);
    Ok(Observed {
        message: observed.message.replace(&dir, "<dir>"),
        ..observed
    })
}

/// Paths added, changed or removed between two snapshots.
fn changes<'a>(before: &'a Files, after: &'a Files) -> Vec<&'a PathBuf> {
    after
        .iter()
        .filter(|(path, content)| before.get(*path) != Some(content))
        .map(|(path, _)| path)
        .chain(before.keys().filter(|p| !after.contains_key(*p)))
        .collect()
}
