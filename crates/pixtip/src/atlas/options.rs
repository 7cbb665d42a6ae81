//! What an atlas is asked to be.

/// What marks a cell on the overview.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Summary {
    /// The member nearest the cell's mean image (a real image).
    #[default]
    Representative,
    /// The cell's mean image itself.
    Mean,
}

/// How the atlas cuts and samples.
#[derive(Debug, Clone, PartialEq)]
pub struct AtlasOptions {
    /// Cells along each axis (default 48).
    pub grid: usize,
    /// Members shown in a cell's montage besides its mean (default 8).
    pub samples: usize,
    /// The most points a region page shows; a larger cell shows an even
    /// sample of this many and says so (default 20,000).
    pub detail_max: usize,
    /// What marks a cell on the overview.
    pub summary: Summary,
    /// Width and height of the overview in pixels (default 800).
    pub overview_size: u32,
}

impl Default for AtlasOptions {
    fn default() -> AtlasOptions {
        AtlasOptions {
            grid: 48,
            samples: 8,
            detail_max: 20_000,
            summary: Summary::Representative,
            overview_size: 800,
        }
    }
}

/// The fields an atlas places and shows.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct AtlasFields {
    /// The number column along x.
    pub x: String,
    /// The number column along y.
    pub y: String,
    /// The image column the cells summarise and the pages show.
    pub images: String,
    /// Colour the region pages' points by this field; the overview shows
    /// its most common value per cell.
    pub color: Option<String>,
    /// More tooltip fields on the region pages.
    pub tooltip: Vec<String>,
    /// The overview's title.
    pub title: Option<String>,
}
