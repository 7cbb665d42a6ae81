//! Why a picture column cannot be made or read back.

use thiserror::Error;

/// A picture column that cannot be made from its sources, or whose
/// pictures are not all there.
#[derive(Debug, Error, Clone, PartialEq)]
#[non_exhaustive]
pub enum PictureColumnError {
    /// A picture column was asked for with no image column to show.
    #[error("picture column `{name}` needs at least one image column")]
    NoSources {
        /// The picture column's name.
        name: String,
    },
    /// A row's picture was never made (a worker stopped before it).
    #[error("row {row} has no `{column}` picture")]
    MissingPicture {
        /// The row (from 0).
        row: usize,
        /// The picture column.
        column: String,
    },
    /// The column read back as the pictures is of another kind.
    #[error("the picture column holds no pictures")]
    NotPictures,
}
