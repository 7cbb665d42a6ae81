//! Writing results to disk: every file is written whole or not at all.
//!
//! Each writer puts its bytes in a temporary file in the target's own folder
//! and renames it over the target only once everything is written and synced,
//! so a failure, a full disk or an interrupted run never leaves a half-written
//! chart behind, and an existing file is only replaced by a complete new one.

use crate::error::PixtipError;
use ndarray::{ArrayBase, Data, Dimension};
use pixtip_spec::{AnyChart, HtmlOptions, TopLevel};
use std::io::Write;
use std::path::{Path, PathBuf};

/// Writes `bytes` to a new file `path`, without syncing: for the many files
/// of a [`StagedFolder`], which becomes visible only as a whole.
pub fn write_file(path: &Path, bytes: &[u8]) -> Result<(), PixtipError> {
    std::fs::write(path, bytes).map_err(|source| PixtipError::Io {
        path: path.to_path_buf(),
        source,
    })
}

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
                source,
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
        let aside = if self.target.exists() {
            let aside = staged.with_extension("old");
            std::fs::rename(&self.target, &aside).map_err(io(&self.target))?;
            Some(aside)
        } else {
            None
        };
        if let Err(error) = std::fs::rename(&staged, &self.target) {
            if let Some(aside) = &aside {
                let _ = std::fs::rename(aside, &self.target);
            }
            let _ = std::fs::remove_dir_all(&staged);
            return Err(io(&self.target)(error));
        }
        if let Some(aside) = aside {
            std::fs::remove_dir_all(&aside).map_err(io(&aside))?;
        }
        Ok(())
    }
}

/// What a chart file is, by its name's ending.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ChartFormat {
    /// `.html`: a standalone page rendered by vega-embed.
    Html,
    /// `.json` (`.vl.json`): the Vega-Lite specification, as Altair writes it.
    Json,
}

impl ChartFormat {
    /// The format `path` asks for, or an error naming the path.
    pub fn of(path: &Path) -> Result<ChartFormat, PixtipError> {
        match path
            .extension()
            .and_then(|e| e.to_str())
            .map(str::to_ascii_lowercase)
        {
            Some(e) if e == "html" || e == "htm" => Ok(ChartFormat::Html),
            Some(e) if e == "json" => Ok(ChartFormat::Json),
            _ => Err(PixtipError::BadFile {
                path: path.to_path_buf(),
                message: "a chart is saved as .html or .json (.vl.json)".into(),
            }),
        }
    }
}

/// Saving charts by file name, as Altair's `chart.save("chart.html")`.
///
/// ```
/// use pixtip::Save;
/// use pixtip::spec::{Chart, Data, Table, X};
/// let chart = Chart::new(Data::from_table(Table::new().column("x", vec![1.0, 2.0]))?)
///     .mark_point(Default::default())
///     .encode([X::new("x:Q")]);
/// let dir = tempfile::tempdir()?;
/// chart.save(dir.path().join("chart.vl.json"))?;
/// chart.save(dir.path().join("chart.html"))?;
/// assert!(std::fs::read_to_string(dir.path().join("chart.html"))?.contains("vegaEmbed"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub trait Save {
    /// Writes the chart to `path` (atomically) as HTML or JSON by its ending;
    /// pages load vega from the CDN. Returns the bytes written.
    fn save(&self, path: impl AsRef<Path>) -> Result<u64, PixtipError> {
        self.save_with(path, &HtmlOptions::default())
    }

    /// [`Save::save`] with page options (offline scripts, embed options).
    fn save_with(&self, path: impl AsRef<Path>, options: &HtmlOptions) -> Result<u64, PixtipError>;
}

impl<T: Clone + Into<AnyChart>> Save for T {
    fn save_with(&self, path: impl AsRef<Path>, options: &HtmlOptions) -> Result<u64, PixtipError> {
        let path = path.as_ref();
        let chart: AnyChart = self.clone().into();
        let text = match ChartFormat::of(path)? {
            ChartFormat::Html => chart.to_html(options)?,
            ChartFormat::Json => chart.to_json_pretty()?,
        };
        write_atomic(path, text.as_bytes())?;
        Ok(text.len() as u64)
    }
}

/// Writes `bytes` to `path` atomically (temporary file in the same folder, then rename).
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<(), PixtipError> {
    write_atomic_with(path, |file| file.write_all(bytes))
}

/// Writes `path` atomically with a writer callback, for content produced in pieces.
pub fn write_atomic_with(
    path: &Path,
    write: impl FnOnce(&mut std::fs::File) -> std::io::Result<()>,
) -> Result<(), PixtipError> {
    let io_error = |source| PixtipError::Io {
        path: path.to_path_buf(),
        source,
    };
    let folder = match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent,
        _ => Path::new("."),
    };
    let mut builder = tempfile::Builder::new();
    builder.prefix(".pixtip-").suffix(".partial");
    // Temporary files are private (0600) by default; the finished file should
    // get the usual permissions, so ask for 0666 and let the umask trim it.
    #[cfg(unix)]
    builder.permissions(std::os::unix::fs::PermissionsExt::from_mode(0o666));
    let mut temporary = builder.tempfile_in(folder).map_err(io_error)?;
    write(temporary.as_file_mut()).map_err(io_error)?;
    temporary.as_file().sync_all().map_err(io_error)?;
    temporary
        .persist(path)
        .map_err(|persist| io_error(persist.error))?;
    Ok(())
}

/// One CSV field: quoted only when it holds a comma, quote or line break, as
/// pandas' `to_csv` does.
fn csv_field(text: &str) -> std::borrow::Cow<'_, str> {
    if text.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", text.replace('"', "\"\"")).into()
    } else {
        text.into()
    }
}

/// A CSV table: a header and rows of already-formatted fields.
///
/// Floats are best formatted with [`format_float`], the shortest text that
/// reads back as the same `f64`.
pub fn csv_text(header: &[&str], rows: &[Vec<String>]) -> String {
    let mut out = String::new();
    let line = |fields: &mut dyn Iterator<Item = &str>, out: &mut String| {
        let joined: Vec<_> = fields.map(csv_field).collect();
        out.push_str(&joined.join(","));
        out.push('\n');
    };
    line(&mut header.iter().copied(), &mut out);
    for row in rows {
        line(&mut row.iter().map(String::as_str), &mut out);
    }
    out
}

/// The shortest decimal text that parses back to exactly `value`
/// (`nan`, `inf` and `-inf` for the non-finite values, as pandas writes them).
pub fn format_float(value: f64) -> String {
    if value.is_nan() {
        "nan".to_string()
    } else if value.is_infinite() {
        if value > 0.0 { "inf" } else { "-inf" }.to_string()
    } else {
        format!("{value}")
    }
}

/// Writes float64 arrays into a compressed `.npz`, as `numpy.savez_compressed` does,
/// atomically. Names are the keys numpy will show (`image1`, not `image1.npy`).
pub fn write_npz<S, D>(path: &Path, arrays: &[(&str, &ArrayBase<S, D>)]) -> Result<(), PixtipError>
where
    S: Data<Elem = f64>,
    D: Dimension,
{
    let io_error = |source| PixtipError::Io {
        path: path.to_path_buf(),
        source,
    };
    let mut buffer = std::io::Cursor::new(Vec::new());
    {
        let mut npz = ndarray_npy::NpzWriter::new_compressed(&mut buffer);
        for (name, array) in arrays {
            npz.add_array(*name, *array).map_err(|e| PixtipError::Npz {
                path: path.to_path_buf(),
                message: e.to_string(),
            })?;
        }
        npz.finish().map_err(|e| PixtipError::Npz {
            path: path.to_path_buf(),
            message: e.to_string(),
        })?;
    }
    let bytes = buffer.into_inner();
    write_atomic(path, &bytes).map_err(|e| match e {
        PixtipError::Io { source, .. } => io_error(source),
        other => other,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn floats_round_trip_through_their_text() {
        for value in [
            0.030598958333333332,
            0.09722222222222222,
            1e-5,
            0.0,
            1.0 / 3.0,
        ] {
            let text = format_float(value);
            assert_eq!(
                text.parse::<f64>().unwrap().to_bits(),
                value.to_bits(),
                "{text}"
            );
        }
        assert_eq!(format_float(0.25), "0.25");
        assert_eq!(format_float(f64::NAN), "nan");
    }

    #[test]
    fn csv_quotes_only_when_needed() {
        let text = csv_text(&["a", "b"], &[vec!["x,y".into(), "say \"hi\"".into()]]);
        assert_eq!(text, "a,b\n\"x,y\",\"say \"\"hi\"\"\"\n");
    }

    #[test]
    fn atomic_write_replaces_whole_files_and_leaves_no_temporaries() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("chart.json");
        write_atomic(&path, b"first").unwrap();
        write_atomic(&path, b"second").unwrap();
        assert_eq!(std::fs::read(&path).unwrap(), b"second");
        let names: Vec<_> = std::fs::read_dir(dir.path()).unwrap().collect();
        assert_eq!(names.len(), 1, "only the chart remains");
    }

    #[cfg(unix)]
    #[test]
    fn written_files_get_the_usual_permissions_not_private_ones() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("chart.html");
        write_atomic(&path, b"<html>").unwrap();
        let mode = std::fs::metadata(&path).unwrap().permissions().mode() & 0o777;
        // Readable by others unless the umask forbids it (it is 022 or 002 almost everywhere).
        assert_eq!(mode & 0o044, 0o044, "mode {mode:o}");
    }

    #[test]
    fn a_failed_write_keeps_the_old_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("chart.json");
        write_atomic(&path, b"old").unwrap();
        let failed = write_atomic_with(&path, |file| {
            file.write_all(b"half")?;
            Err(std::io::Error::other("disk full"))
        });
        assert!(matches!(failed, Err(PixtipError::Io { .. })));
        assert_eq!(std::fs::read(&path).unwrap(), b"old");
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
    }

    #[test]
    fn writing_into_a_missing_folder_is_an_error_naming_the_path() {
        let path = Path::new("/nonexistent-pixtip-folder/x.json");
        let error = write_atomic(path, b"x").unwrap_err();
        assert!(
            error
                .to_string()
                .contains("/nonexistent-pixtip-folder/x.json"),
            "{error}"
        );
    }

    #[test]
    fn npz_reads_back_with_the_same_values() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("arrays.npz");
        let a = ndarray::Array3::<f64>::from_shape_fn((2, 3, 4), |(i, j, k)| {
            (i * 12 + j * 4 + k) as f64 / 7.0
        });
        write_npz(&path, &[("image1", &a)]).unwrap();
        let mut npz = ndarray_npy::NpzReader::new(std::fs::File::open(&path).unwrap()).unwrap();
        let back: ndarray::Array3<f64> = npz.by_name("image1").unwrap();
        assert_eq!(back, a);
    }
}
