//! `cargo xtask fuzz [INPUTS]`: feeds mutated inputs to every parser users
//! can reach with their own files or words, and fails on any panic.
//!
//! A small mutation fuzzer (no instrumentation): each target starts from the
//! seeds in `fuzz/corpus/<target>/` (plus the fixtures' inputs for the file
//! formats) and applies random byte flips, interesting values, inserts,
//! deletes, duplications, truncations and splices, seeded so a run can be
//! repeated. Inputs that panic are saved to `target/fuzz-crashes/`.
//! INPUTS (default 10,000,000) is shared between the targets by weight.

use crate::fuzz_stores;
use crate::fuzz_text::text;
use crate::python::workspace_root;
use anyhow::{Result, bail};
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::{Path, PathBuf};
use std::time::Instant;

/// xorshift64*: small, fast, and the same sequence for the same seed.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

const INTERESTING: &[u8] = b"\x00\x01\x7f\x80\xff0123456789(),:'\"{}[]<>-.eE\n\r\\ ";

/// One random mutation (or a few) of `input`, spliced with `other` at times.
fn mutate(rng: &mut Rng, input: &[u8], other: &[u8]) -> Vec<u8> {
    let mut data = input.to_vec();
    for _ in 0..1 + rng.below(4) {
        let len = data.len();
        match rng.below(8) {
            0 if len > 0 => {
                let i = rng.below(len);
                data[i] ^= 1 << rng.below(8);
            }
            1 if len > 0 => {
                let i = rng.below(len);
                data[i] = INTERESTING[rng.below(INTERESTING.len())];
            }
            2 => {
                let i = rng.below(len + 1);
                let n = 1 + rng.below(8);
                let bytes: Vec<u8> = (0..n).map(|_| rng.next() as u8).collect();
                data.splice(i..i, bytes);
            }
            3 if len > 0 => {
                let i = rng.below(len);
                let n = 1 + rng.below((len - i).min(64));
                data.drain(i..i + n);
            }
            4 if len > 0 => {
                let i = rng.below(len);
                let n = 1 + rng.below((len - i).min(64));
                let copy = data[i..i + n].to_vec();
                let at = rng.below(len + 1);
                data.splice(at..at, copy);
            }
            5 if len > 0 => data.truncate(rng.below(len)),
            6 if !other.is_empty() => {
                let cut = rng.below(len + 1);
                let from = rng.below(other.len());
                data.truncate(cut);
                data.extend_from_slice(&other[from..]);
            }
            _ if len > 0 => {
                // A digit run: sizes in headers and numbers in tables.
                let i = rng.below(len);
                let digits = format!("{}", rng.next() >> rng.below(64));
                data.splice(i..(i + 1).min(len), digits.into_bytes());
            }
            _ => data.push(rng.next() as u8),
        }
    }
    data
}

fn seeds(dirs: &[PathBuf], extensions: &[&str]) -> Result<Vec<Vec<u8>>> {
    let mut seeds = Vec::new();
    for dir in dirs {
        let Ok(entries) = std::fs::read_dir(dir) else {
            continue;
        };
        let mut paths: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
        paths.sort();
        for path in paths {
            let ext = path.extension().and_then(|e| e.to_str()).unwrap_or("");
            if path.is_file() && (extensions.is_empty() || extensions.contains(&ext)) {
                seeds.push(std::fs::read(&path)?);
            }
        }
    }
    if seeds.is_empty() {
        bail!("no seeds in {dirs:?}");
    }
    Ok(seeds)
}

type Target = fn(&[u8]);

/// Parses a `.npy` header and, where it parses, reads every image it holds.
fn npy(bytes: &[u8]) {
    let _ = pixtip::load::parse_npy_header(bytes);
    if let Ok(column) = pixtip::load::read_npy_bytes(bytes, "fuzz") {
        for row in 0..column.len().min(4) {
            if let Ok(pixels) = column.image(row) {
                let _ = pixels.finite_range();
            }
        }
    }
}

fn npz(bytes: &[u8]) {
    let _ = pixtip::load::read_npz_from(std::io::Cursor::new(bytes), Path::new("fuzz.npz"));
}

fn csv(bytes: &[u8]) {
    let _ = pixtip::load::read_csv_from(bytes, Path::new("fuzz.csv"), &Default::default());
}

/// Writes `bytes` to a scratch file named `name` (the readers take paths)
/// and reads it as a table, then every image of its image columns.
fn table_file(name: &str, bytes: &[u8]) {
    let dir = std::env::temp_dir().join(format!("pixtip-fuzz-{}", std::process::id()));
    if std::fs::create_dir_all(&dir).is_err() {
        return;
    }
    let path = dir.join(name);
    if std::fs::write(&path, bytes).is_err() {
        return;
    }
    let options = pixtip::load::TableOptions {
        shape: Some(vec![6, 5]),
        ..Default::default()
    };
    if let Ok(table) = pixtip::load::read_table(&path, &options) {
        let names: Vec<String> = table.column_names().map(str::to_string).collect();
        for name in names {
            if let Ok(pixtip::TableColumn::Images(column)) = table.column(&name) {
                for row in 0..column.len().min(8) {
                    let _ = column.image(row);
                }
            }
        }
    }
}

/// An encoded image (PNG, JPEG, TIFF bytes, as a table's cell holds them),
/// decoded, and reduced to the PNG a picture can be kept as.
fn png(bytes: &[u8]) {
    let _ = pixtip::load::read_image_bytes(bytes, Path::new("fuzz.png"));
    let _ = pixtip::encode::plain_png(bytes);
}

fn parquet(bytes: &[u8]) {
    table_file("fuzz.parquet", bytes);
}

fn ipc(bytes: &[u8]) {
    table_file("fuzz.feather", bytes);
}

/// A multi-page TIFF as a stack, every page read.
fn tiff(bytes: &[u8]) {
    let dir = std::env::temp_dir().join(format!("pixtip-fuzz-{}", std::process::id()));
    let path = dir.join("fuzz.tif");
    if std::fs::create_dir_all(&dir).is_err() || std::fs::write(&path, bytes).is_err() {
        return;
    }
    if let Ok(stack) = pixtip::load::TiffStack::open(&path) {
        use pixtip::ImageSource;
        for row in 0..stack.len().min(8) {
            let _ = stack.image(row);
        }
    }
}

/// Targets run in a child process per input: libhdf5 (C) can crash the
/// process on a damaged file, and a crash must be counted, not end the run.
const IN_A_CHILD: [&str; 1] = ["hdf5"];

/// `cargo xtask fuzz-one TARGET FILE`: the child's side.
pub fn run_one(target: &str, file: &std::path::Path) -> Result<()> {
    let input = std::fs::read(file)?;
    match target {
        "hdf5" => fuzz_stores::hdf5(&input),
        other => bail!("no target {other} runs in a child"),
    }
    Ok(())
}

/// Runs `target` on `input` in a child process; whether it failed (a panic
/// or a crash such as a segmentation fault) and how.
fn in_a_child(target: &str, input: &[u8], scratch: &std::path::Path) -> Result<Option<String>> {
    std::fs::write(scratch, input)?;
    let status = std::process::Command::new(std::env::current_exe()?)
        .args(["fuzz-one", target])
        .arg(scratch)
        .stderr(std::process::Stdio::null())
        .status()?;
    Ok(match status.code() {
        Some(0) => None,
        Some(code) => Some(format!("exit {code}")),
        None => Some("killed by a signal (a crash)".into()),
    })
}

pub fn run(inputs: &str, only: &[String]) -> Result<()> {
    let total: u64 = inputs.replace('_', "").parse()?;
    let root = workspace_root();
    let corpus = root.join("fuzz/corpus");
    let inputs = root.join("fixtures/inputs");
    let crashes = root.join("target/fuzz-crashes");
    let formats = inputs.join("formats");
    let stores = inputs.join("stores");
    let targets: [(&str, Target, Vec<Vec<u8>>, u64); 10] = [
        (
            "npy",
            npy,
            seeds(
                &[corpus.join("npy"), inputs.join("npy"), inputs.join("bad")],
                &["npy"],
            )?,
            38,
        ),
        ("npz", npz, seeds(&[corpus.join("npz")], &["npz"])?, 5),
        (
            "csv",
            csv,
            seeds(&[corpus.join("csv"), inputs.clone()], &["csv"])?,
            17,
        ),
        (
            "png",
            png,
            seeds(
                &[corpus.join("png"), inputs.join("folder")],
                &["png", "jpg"],
            )?,
            3,
        ),
        ("text", text, seeds(&[corpus.join("text")], &[])?, 20),
        (
            "parquet",
            parquet,
            seeds(
                &[corpus.join("parquet"), formats.clone(), formats.join("bad")],
                &["parquet"],
            )?,
            6,
        ),
        (
            "ipc",
            ipc,
            seeds(
                &[corpus.join("ipc"), formats.clone()],
                &["arrow", "feather"],
            )?,
            5,
        ),
        (
            "tiff",
            tiff,
            seeds(
                &[corpus.join("tiff"), formats.clone(), formats.join("bad")],
                &["tif"],
            )?,
            4,
        ),
        // libhdf5 is slow to open a file: a modest share.
        (
            "hdf5",
            fuzz_stores::hdf5,
            seeds(
                &[corpus.join("hdf5"), stores.clone(), stores.join("bad")],
                &["h5"],
            )?,
            1,
        ),
        (
            "zarr",
            fuzz_stores::zarr,
            fuzz_stores::zarr_seeds(&stores)?,
            1,
        ),
    ];
    // Panics are caught and counted; keep their messages off the screen.
    std::panic::set_hook(Box::new(|_| {}));
    let mut failed = 0;
    println!(
        "{:<6} {:>12} {:>10} {:>8}",
        "target", "inputs", "seconds", "panics"
    );
    for name in only {
        if !targets.iter().any(|t| t.0 == name) {
            bail!("no fuzz target {name}");
        }
    }
    let scratch = std::env::temp_dir().join(format!("pixtip-fuzz-one-{}", std::process::id()));
    let mut crash_kinds = Vec::new();
    for (name, target, seeds, weight) in targets {
        if !only.is_empty() && !only.iter().any(|o| o == name) {
            continue;
        }
        let count = total * weight / 100;
        let mut rng = Rng(0x9e37_79b9_7f4a_7c15 ^ weight);
        let start = Instant::now();
        let mut panics = 0u64;
        for i in 0..count {
            let seed = &seeds[rng.below(seeds.len())];
            let other = &seeds[rng.below(seeds.len())];
            let input = if i < seeds.len() as u64 {
                seed.clone()
            } else {
                mutate(&mut rng, seed, other)
            };
            let failed = if IN_A_CHILD.contains(&name) {
                let failure = in_a_child(name, &input, &scratch)?;
                if let Some(how) = &failure {
                    crash_kinds.push(format!("{name}-{i}: {how}"));
                }
                failure.is_some()
            } else {
                catch_unwind(AssertUnwindSafe(|| target(&input))).is_err()
            };
            if failed {
                panics += 1;
                std::fs::create_dir_all(&crashes)?;
                std::fs::write(crashes.join(format!("{name}-{i}")), &input)?;
            }
        }
        println!(
            "{name:<6} {count:>12} {:>10.1} {panics:>8}",
            start.elapsed().as_secs_f64()
        );
        failed += panics;
    }
    let _ = std::panic::take_hook();
    let _ = std::fs::remove_file(&scratch);
    for kind in &crash_kinds {
        println!("  {kind}");
    }
    if failed > 0 {
        bail!(
            "{failed} inputs panicked; they are in {}",
            crashes.display()
        );
    }
    println!("no input panicked");
    Ok(())
}
