//! Boundary modes: how a line is extended past its ends.

/// How the input is extended beyond its edges, with scipy.ndimage's names.
///
/// For these filters scipy treats the `grid-*` names as synonyms, and so does
/// pixtip: `GridMirror` is `Reflect`, `GridConstant` is `Constant` and
/// `GridWrap` is `Wrap`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Mode {
    /// `d c b a | a b c d | d c b a`: reflect about the edge of the last pixel.
    #[default]
    Reflect,
    /// `k k k k | a b c d | k k k k` with `k = cval`.
    Constant,
    /// `a a a a | a b c d | d d d d`: repeat the edge pixel.
    Nearest,
    /// `d c b | a b c d | c b a`: reflect about the centre of the last pixel.
    Mirror,
    /// `a b c d | a b c d | a b c d`: wrap around to the opposite edge.
    Wrap,
    /// scipy's `grid-constant`; the same as [`Mode::Constant`] for filters.
    GridConstant,
    /// scipy's `grid-mirror`; the same as [`Mode::Reflect`].
    GridMirror,
    /// scipy's `grid-wrap`; the same as [`Mode::Wrap`] for filters.
    GridWrap,
}

impl Mode {
    /// The mode scipy.ndimage calls `name` (`"reflect"`, `"grid-wrap"`, …),
    /// with scipy's aliases `"grid-mirror"` and its own names.
    ///
    /// ```
    /// use pixtip_filter::Mode;
    /// assert_eq!(Mode::from_scipy_name("nearest"), Some(Mode::Nearest));
    /// assert_eq!(Mode::from_scipy_name("edge"), None);
    /// ```
    pub fn from_scipy_name(name: &str) -> Option<Mode> {
        Some(match name {
            "reflect" => Mode::Reflect,
            "constant" => Mode::Constant,
            "nearest" => Mode::Nearest,
            "mirror" => Mode::Mirror,
            "wrap" => Mode::Wrap,
            "grid-constant" => Mode::GridConstant,
            "grid-mirror" => Mode::GridMirror,
            "grid-wrap" => Mode::GridWrap,
            _ => return None,
        })
    }
}

/// Where a sample outside a line of length `n` comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Source {
    /// The sample at this index of the line.
    Index(usize),
    /// The constant `cval`.
    Constant,
}

impl Mode {
    /// The source of position `p` (which may lie before 0 or past `n - 1`)
    /// on a line of length `n >= 1`.
    ///
    /// scipy extends a line by copying samples one by one and, when the pad
    /// is longer than the line, keeps copying from what it already wrote.
    /// Those copies make every mode periodic (reflect: period `2n`; mirror:
    /// `2n - 2`; wrap: `n`), so a closed form gives the same samples for
    /// lines of any length, including lines shorter than the kernel.
    pub(crate) fn source(self, p: isize, n: usize) -> Source {
        let n = n as isize;
        match self {
            Mode::Constant | Mode::GridConstant => {
                if (0..n).contains(&p) {
                    Source::Index(p as usize)
                } else {
                    Source::Constant
                }
            }
            Mode::Nearest => Source::Index(p.clamp(0, n - 1) as usize),
            Mode::Wrap | Mode::GridWrap => Source::Index(p.rem_euclid(n) as usize),
            Mode::Reflect | Mode::GridMirror => {
                let m = p.rem_euclid(2 * n);
                Source::Index(if m < n { m } else { 2 * n - 1 - m } as usize)
            }
            // scipy turns mirror on a single sample into nearest.
            Mode::Mirror if n == 1 => Source::Index(0),
            Mode::Mirror => {
                let period = 2 * n - 2;
                let m = p.rem_euclid(period);
                Source::Index(if m < n { m } else { period - m } as usize)
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn extend(mode: Mode, line: &[i32], before: isize, after: isize) -> Vec<i32> {
        let n = line.len();
        (-before..n as isize + after)
            .map(|p| match mode.source(p, n) {
                Source::Index(i) => line[i],
                Source::Constant => 0,
            })
            .collect()
    }

    #[test]
    fn matches_scipy_pictures() {
        let abcd = [1, 2, 3, 4];
        assert_eq!(
            extend(Mode::Reflect, &abcd, 4, 4),
            [4, 3, 2, 1, 1, 2, 3, 4, 4, 3, 2, 1]
        );
        assert_eq!(
            extend(Mode::Mirror, &abcd, 3, 3),
            [4, 3, 2, 1, 2, 3, 4, 3, 2, 1]
        );
        assert_eq!(
            extend(Mode::Wrap, &abcd, 4, 4),
            [1, 2, 3, 4, 1, 2, 3, 4, 1, 2, 3, 4]
        );
        assert_eq!(extend(Mode::Nearest, &abcd, 2, 2), [1, 1, 1, 2, 3, 4, 4, 4]);
        assert_eq!(extend(Mode::Constant, &abcd, 1, 1), [0, 1, 2, 3, 4, 0]);
    }

    #[test]
    fn short_lines_repeat_the_extension() {
        // scipy's copy loops, traced by hand for a two-sample line.
        assert_eq!(
            extend(Mode::Reflect, &[1, 2], 5, 5),
            [1, 1, 2, 2, 1, 1, 2, 2, 1, 1, 2, 2]
        );
        assert_eq!(
            extend(Mode::Mirror, &[1, 2], 3, 3),
            [2, 1, 2, 1, 2, 1, 2, 1]
        );
        assert_eq!(extend(Mode::Mirror, &[7], 2, 2), [7, 7, 7, 7, 7]);
        assert_eq!(
            extend(Mode::Wrap, &[1, 2, 3], 4, 4),
            [3, 1, 2, 3, 1, 2, 3, 1, 2, 3, 1]
        );
    }
}
