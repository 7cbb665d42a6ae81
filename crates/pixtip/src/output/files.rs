//! Single files written whole or not at all: a temporary file in the
//! target's folder, synced, then renamed over the target.

use crate::error::PixtipError;
use std::io::Write;
use std::path::Path;

/// Writes `bytes` to a new file `path`, without syncing: for the many files
/// of a [`StagedFolder`](super::StagedFolder), which becomes visible only as a whole.
pub fn write_file(path: &Path, bytes: &[u8]) -> Result<(), PixtipError> {
    std::fs::write(path, bytes).map_err(|source| PixtipError::Io {
        path: path.to_path_buf(),
        source,
    })
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

#[cfg(test)]
mod tests {
    use super::*;

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
}
