//! 8-bit gray levels to RGB through matplotlib's perceptual colormaps.

use image::{GrayImage, ImageBuffer, Rgb, RgbImage};

/// A colormap, named as in matplotlib.
///
/// Colours come from the `colorous` crate (cividis: matplotlib's own table)
/// and stay within one level per channel of matplotlib's `cmap(v / 255, bytes=True)` (the tests check all
/// 256 levels of each map against matplotlib's table).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Colormap {
    /// Level `v` becomes `(v, v, v)`.
    #[default]
    Gray,
    /// matplotlib's `viridis`.
    Viridis,
    /// matplotlib's `magma`.
    Magma,
    /// matplotlib's `inferno`.
    Inferno,
    /// matplotlib's `plasma`.
    Plasma,
    /// matplotlib's `cividis`.
    Cividis,
}

impl Colormap {
    /// Every colormap, for loops and tests.
    pub const ALL: [Colormap; 6] = [
        Colormap::Gray,
        Colormap::Viridis,
        Colormap::Magma,
        Colormap::Inferno,
        Colormap::Plasma,
        Colormap::Cividis,
    ];

    /// matplotlib's name for it.
    pub fn name(self) -> &'static str {
        match self {
            Colormap::Gray => "gray",
            Colormap::Viridis => "viridis",
            Colormap::Magma => "magma",
            Colormap::Inferno => "inferno",
            Colormap::Plasma => "plasma",
            Colormap::Cividis => "cividis",
        }
    }

    /// The colormap matplotlib calls `name`, or a message listing the names.
    ///
    /// ```
    /// use pixtip_compose::Colormap;
    /// assert_eq!(Colormap::parse("viridis"), Ok(Colormap::Viridis));
    /// assert!(Colormap::parse("jet").unwrap_err().contains("one of gray, viridis"));
    /// ```
    pub fn parse(name: &str) -> Result<Colormap, String> {
        Colormap::ALL
            .into_iter()
            .find(|map| map.name() == name)
            .ok_or_else(|| {
                let names: Vec<&str> = Colormap::ALL.iter().map(|m| m.name()).collect();
                format!("unknown colormap `{name}`; one of {}", names.join(", "))
            })
    }

    /// The colour of each of the 256 levels.
    pub fn lut(self) -> [[u8; 3]; 256] {
        let gradient = match self {
            Colormap::Gray => return std::array::from_fn(|v| [v as u8; 3]),
            Colormap::Viridis => colorous::VIRIDIS,
            Colormap::Magma => colorous::MAGMA,
            Colormap::Inferno => colorous::INFERNO,
            Colormap::Plasma => colorous::PLASMA,
            Colormap::Cividis => return crate::cividis::CIVIDIS,
        };
        std::array::from_fn(|v| {
            let c = gradient.eval_rational(v, 256);
            [c.r, c.g, c.b]
        })
    }

    /// A gray picture coloured through this map.
    pub fn apply(self, image: &GrayImage) -> RgbImage {
        let lut = self.lut();
        let mut raw = Vec::with_capacity(image.as_raw().len() * 3);
        for &v in image.as_raw() {
            raw.extend_from_slice(&lut[usize::from(v)]);
        }
        // The length is width * height * 3 by construction.
        ImageBuffer::from_raw(image.width(), image.height(), raw)
            .unwrap_or_else(|| ImageBuffer::from_pixel(image.width(), image.height(), Rgb([0; 3])))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn gray_is_identity_and_ends_match_matplotlib() {
        assert_eq!(Colormap::Gray.lut()[77], [77, 77, 77]);
        // matplotlib: viridis(0) = #440154, viridis(1.0) = #fde725.
        assert_eq!(Colormap::Viridis.lut()[0], [0x44, 0x01, 0x54]);
        assert_eq!(Colormap::Viridis.lut()[255], [0xfd, 0xe7, 0x25]);
    }

    #[test]
    fn apply_maps_each_pixel() {
        let img = GrayImage::from_raw(2, 1, vec![0, 255]).unwrap();
        let rgb = Colormap::Magma.apply(&img);
        assert_eq!(rgb.get_pixel(1, 0).0, Colormap::Magma.lut()[255]);
    }
}
