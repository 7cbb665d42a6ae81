//! Whole folders swapped into place: a run's output, or its picture files,
//! is written under a temporary name and renamed in at the end.

use super::files::write_file;
use crate::error::PixtipError;
use std::path::{Path, PathBuf};

/// A folder filled under a temporary name beside its target and moved into
/// place in one rename, so readers see the old folder or the new one, never
/// a mix; dropped without [`StagedFolder::commit`], it is removed.
#[derive(Debug)]
pub struct StagedFolder {
    staging: Option<tempfile::TempDir>,
    target: PathBuf,
}

impl StagedFolder {
    /// A new empty staging folder for `target` (in `target`'s parent).
    pub fn new(target: &Path) -> Result<StagedFolder, PixtipError> {
        let parent = match target.parent() {
            Some(parent) if !parent.as_os_str().is_empty() => parent,
            _ => Path::new("."),
        };
        let staging = tempfile::Builder::new()
            .prefix(".pixtip-")
            .suffix(".partial")
            .tempdir_in(parent)
            .map_err(|source| PixtipError::Io {
                path: parent.to_path_buf(),
                source: without_path(source),
            })?;
        Ok(StagedFolder {
            staging: Some(staging),
            target: target.to_path_buf(),
        })
    }

    /// Where to write the folder's files meanwhile.
    pub fn path(&self) -> &Path {
        self.staging.as_ref().map_or(&self.target, |s| s.path())
    }

    /// Syncs the staged files' folder and moves it to the target, replacing
    /// an existing folder there (moved aside first, then removed).
    pub fn commit(mut self) -> Result<(), PixtipError> {
        let Some(staging) = self.staging.take() else {
            return Ok(());
        };
        let io = |path: &Path| {
            let path = path.to_path_buf();
            move |source| PixtipError::Io { path, source }
        };
        let staged = staging.keep();
        #[cfg(unix)]
        std::fs::set_permissions(&staged, std::os::unix::fs::PermissionsExt::from_mode(0o755))
            .map_err(io(&staged))?;
        // Another run into the same target may swap its folder in between
        // these steps: then move that one aside too and try again.
        let mut asides = Vec::new();
        let mut result = Ok(());
        for attempt in 0..8 {
            if self.target.exists() {
                let aside = staged.with_extension(format!("old{attempt}"));
                match std::fs::rename(&self.target, &aside) {
                    Ok(()) => asides.push(aside),
                    Err(error) if error.kind() == std::io::ErrorKind::NotFound => {}
                    Err(error) => {
                        result = Err(io(&self.target)(error));
                        break;
                    }
                }
            }
            match std::fs::rename(&staged, &self.target) {
                Ok(()) => {
                    result = Ok(());
                    break;
                }
                Err(error) => result = Err(io(&self.target)(error)),
            }
        }
        if result.is_err() {
            let _ = std::fs::remove_dir_all(&staged);
            if let Some(first) = asides.first()
                && !self.target.exists()
            {
                let _ = std::fs::rename(first, &self.target);
            }
        }
        for aside in asides {
            if aside.exists() {
                std::fs::remove_dir_all(&aside).map_err(io(&aside))?;
            }
        }
        result
    }
}

/// The file that marks a folder as pixtip's output, which a later run may
/// replace whole.
pub const OUTPUT_MARKER: &str = ".pixtip";

/// A run's whole output folder, written under a temporary name and swapped
/// into place at the end: a run that fails or is killed leaves the previous
/// output (or none), never a mix of old and new files. Only a new folder, an
/// empty one, or one an earlier run wrote (it holds [`OUTPUT_MARKER`]) is
/// replaced; a folder holding anything else is refused, so a mistyped
/// `--out` cannot delete someone's files.
#[derive(Debug)]
pub struct OutputFolder {
    staged: StagedFolder,
}

impl OutputFolder {
    /// Checks `out` and opens a staging folder beside it. `inputs` are the
    /// run's input files and folders: the output may not lie inside one of them.
    /// An existing `out` this run may not write in (or holding a folder it
    /// may not write in) is refused: it could not be removed after the swap.
    pub fn begin(out: &Path, inputs: &[PathBuf]) -> Result<OutputFolder, PixtipError> {
        let refuse = |message: &str| PixtipError::BadFile {
            path: out.to_path_buf(),
            message: message.to_string(),
        };
        let io = |source| PixtipError::io(out, source);
        if out.exists() {
            if !out.is_dir() {
                return Err(refuse("the output folder is a file"));
            }
            let mut entries = std::fs::read_dir(out).map_err(io)?;
            let empty = entries.next().is_none();
            if !empty && !out.join(OUTPUT_MARKER).is_file() {
                return Err(refuse(
                    "the output folder holds files pixtip did not write; choose a new or empty folder",
                ));
            }
            check_writable(out)?;
        }
        let parent = match out.parent() {
            Some(parent) if !parent.as_os_str().is_empty() => parent.to_path_buf(),
            _ => PathBuf::from("."),
        };
        if let Some(file) = parent.ancestors().find(|a| a.is_file()) {
            return Err(PixtipError::BadFile {
                path: file.to_path_buf(),
                message: "is a file, so the output folder cannot go inside it".into(),
            });
        }
        std::fs::create_dir_all(&parent).map_err(|source| PixtipError::Io {
            path: parent.clone(),
            source,
        })?;
        let resolved = parent
            .canonicalize()
            .map_err(io)?
            .join(out.file_name().unwrap_or_default());
        for input in inputs {
            if let Ok(input) = input.canonicalize()
                && input.is_dir()
                && resolved.starts_with(&input)
            {
                return Err(refuse("the output folder lies inside an input folder"));
            }
        }
        Ok(OutputFolder {
            staged: StagedFolder::new(out)?,
        })
    }

    /// Where the run writes its files meanwhile.
    pub fn path(&self) -> &Path {
        self.staged.path()
    }

    /// Marks the staged folder as pixtip's and swaps it into place.
    pub fn commit(self) -> Result<(), PixtipError> {
        write_file(
            &self.path().join(OUTPUT_MARKER),
            b"written by pixtip; the next run into this folder replaces it whole\n",
        )?;
        self.staged.commit()
    }
}

/// Checks that this run may write in `folder` and every folder inside it:
/// the old output is removed after the new one is swapped in, and a removal
/// that fails then would leave the new output beside the old one's remains.
fn check_writable(folder: &Path) -> Result<(), PixtipError> {
    let mut folders = vec![folder.to_path_buf()];
    while let Some(folder) = folders.pop() {
        let refuse = |source: std::io::Error| PixtipError::BadFile {
            path: folder.clone(),
            message: format!(
                "pixtip may not write here ({}), so the output folder cannot be replaced",
                without_path(source)
            ),
        };
        tempfile::tempfile_in(&folder).map_err(refuse)?;
        for entry in std::fs::read_dir(&folder).map_err(refuse)? {
            let entry = entry.map_err(refuse)?;
            if entry.file_type().map_err(refuse)?.is_dir() {
                folders.push(entry.path());
            }
        }
    }
    Ok(())
}

/// The system's error without the temporary path `tempfile` adds to it,
/// which means nothing to the user and differs from run to run.
fn without_path(error: std::io::Error) -> std::io::Error {
    if let Some(code) = error.raw_os_error() {
        return std::io::Error::from_raw_os_error(code);
    }
    // tempfile keeps the system's error only as text, followed by ` at path "…"`.
    let text = error.to_string();
    match text.split_once(" at path ") {
        Some((reason, _)) => std::io::Error::new(error.kind(), reason.to_string()),
        None => error,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run_into(out: &Path, tag: &str) -> Result<(), PixtipError> {
        let folder = OutputFolder::begin(out, &[])?;
        for name in ["a.json", "b.html", "c.csv"] {
            write_file(&folder.path().join(name), tag.as_bytes())?;
        }
        folder.commit()
    }

    fn contents(out: &Path) -> Vec<(String, String)> {
        let mut files: Vec<(String, String)> = std::fs::read_dir(out)
            .unwrap()
            .map(|e| {
                let e = e.unwrap();
                let text = std::fs::read_to_string(e.path()).unwrap_or_default();
                (e.file_name().to_string_lossy().into_owned(), text)
            })
            .collect();
        files.sort();
        files
    }

    #[test]
    fn output_folders_are_replaced_whole_and_only_when_pixtip_wrote_them() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("out");
        run_into(&out, "first").unwrap();
        std::fs::write(out.join("stale.txt"), "old").unwrap();
        run_into(&out, "second").unwrap();
        let files = contents(&out);
        let names: Vec<&str> = files.iter().map(|(n, _)| n.as_str()).collect();
        assert_eq!(names, [OUTPUT_MARKER, "a.json", "b.html", "c.csv"]);
        assert!(files[1..].iter().all(|(_, text)| text == "second"));
        // Nothing left beside it.
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);

        // A run that stops before its commit leaves the old folder as it was.
        let unfinished = OutputFolder::begin(&out, &[]).unwrap();
        write_file(&unfinished.path().join("a.json"), b"half").unwrap();
        drop(unfinished);
        assert_eq!(contents(&out), files);
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);

        // Someone else's folder, a file, or a folder inside an input are refused.
        let theirs = dir.path().join("theirs");
        std::fs::create_dir(&theirs).unwrap();
        std::fs::write(theirs.join("thesis.tex"), "precious").unwrap();
        let error = run_into(&theirs, "x").unwrap_err().to_string();
        assert!(error.contains("did not write"), "{error}");
        assert_eq!(
            std::fs::read_to_string(theirs.join("thesis.tex")).unwrap(),
            "precious"
        );
        let file = dir.path().join("file");
        std::fs::write(&file, "x").unwrap();
        assert!(
            run_into(&file, "x")
                .unwrap_err()
                .to_string()
                .contains("is a file")
        );
        let inside =
            OutputFolder::begin(&theirs.join("out"), std::slice::from_ref(&theirs)).unwrap_err();
        assert!(
            inside.to_string().contains("inside an input folder"),
            "{inside}"
        );
    }

    #[test]
    fn two_runs_into_one_folder_at_once_leave_one_runs_files() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("out");
        std::thread::scope(|scope| {
            for tag in ["left", "right"] {
                let out = &out;
                scope.spawn(move || {
                    for _ in 0..50 {
                        // A run may lose the race with an error; it never mixes files.
                        let _ = run_into(out, tag);
                    }
                });
            }
        });
        let files = contents(&out);
        assert_eq!(files.len(), 4, "{files:?}");
        let tags: std::collections::BTreeSet<&str> =
            files[1..].iter().map(|(_, text)| text.as_str()).collect();
        assert_eq!(tags.len(), 1, "files from both runs: {files:?}");
        assert_eq!(
            std::fs::read_dir(dir.path()).unwrap().count(),
            1,
            "leftovers"
        );
    }
}
