//! Why the tutorial could not run.

use thiserror::Error;

/// An error from the blob dataset or the pixtip facade.
#[derive(Debug, Error)]
#[non_exhaustive]
pub enum TutorialError {
    /// The blob dataset could not be made.
    #[error(transparent)]
    Blobs(#[from] crate::blobs::BlobError),
    /// Writing `arrays.npz` failed.
    #[error("{}: {message}", path.display())]
    Npz {
        /// The file.
        path: std::path::PathBuf,
        /// What went wrong.
        message: String,
    },
    /// Tables, pictures, charts or files failed.
    #[error(transparent)]
    Pixtip(#[from] pixtip::PixtipError),
}

impl From<pixtip::spec::SpecError> for TutorialError {
    fn from(error: pixtip::spec::SpecError) -> Self {
        TutorialError::Pixtip(error.into())
    }
}
