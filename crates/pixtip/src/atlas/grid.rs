//! The atlas's cells: the x/y plane cut into an N×N grid of square cells in
//! data units, and which rows fall in each cell.

use crate::error::{AtlasError, PixtipError, RequestError};

/// An N×N grid of square cells covering every finite point.
///
/// The grid starts at the smallest x and y; a cell's side is the larger of
/// the x and y ranges divided by N (1 when every point is the same), so
/// cells are square in data units and the narrower axis uses fewer columns
/// or rows. A point on the far edge belongs to the last cell. Cell
/// `(col, row)` counts columns from the left and rows from the bottom.
///
/// ```
/// use pixtip::atlas::Grid;
/// let grid = Grid::fit(&[0.0, 4.0, 1.0], &[0.0, 1.0, f64::NAN], 4)?;
/// assert_eq!(grid.side, 1.0);
/// assert_eq!(grid.cell_of(4.0, 1.0), Some((3, 1)));
/// assert_eq!(grid.cell_of(1.0, f64::NAN), None);
/// # Ok::<(), pixtip::PixtipError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Grid {
    /// Cells along each axis (N).
    pub size: usize,
    /// The left edge of column 0.
    pub x0: f64,
    /// The bottom edge of row 0.
    pub y0: f64,
    /// The side of a cell, in data units.
    pub side: f64,
}

impl Grid {
    /// The grid of `size`×`size` cells over the points whose x and y are both
    /// finite. Errors: `size` 0, different lengths, no finite point, or a
    /// range too wide for f64.
    pub fn fit(xs: &[f64], ys: &[f64], size: usize) -> Result<Grid, PixtipError> {
        if size == 0 {
            return Err(RequestError::EmptyGrid.into());
        }
        if xs.len() != ys.len() {
            return Err(AtlasError::LengthMismatch {
                x: xs.len(),
                y: ys.len(),
            }
            .into());
        }
        let mut bounds: Option<(f64, f64, f64, f64)> = None;
        for (&x, &y) in xs.iter().zip(ys) {
            if !(x.is_finite() && y.is_finite()) {
                continue;
            }
            bounds = Some(match bounds {
                None => (x, x, y, y),
                Some((x0, x1, y0, y1)) => (x0.min(x), x1.max(x), y0.min(y), y1.max(y)),
            });
        }
        let (x0, x1, y0, y1) = bounds.ok_or(AtlasError::NoFinitePoint)?;
        let span = (x1 - x0).max(y1 - y0);
        if !span.is_finite() {
            return Err(AtlasError::SpanTooWide { x0, x1, y0, y1 }.into());
        }
        let side = if span > 0.0 { span / size as f64 } else { 1.0 };
        Ok(Grid { size, x0, y0, side })
    }

    /// The `(col, row)` of a point, or `None` when x or y is NaN or infinite.
    pub fn cell_of(&self, x: f64, y: f64) -> Option<(usize, usize)> {
        if !(x.is_finite() && y.is_finite()) {
            return None;
        }
        let last = (self.size - 1) as f64;
        // The same arithmetic as numpy's `minimum(floor((x - x0) / side), N - 1)`.
        let col = ((x - self.x0) / self.side).floor().clamp(0.0, last);
        let row = ((y - self.y0) / self.side).floor().clamp(0.0, last);
        Some((col as usize, row as usize))
    }

    /// The cell's left, right, bottom and top edges.
    pub fn bounds(&self, col: usize, row: usize) -> (f64, f64, f64, f64) {
        let left = self.x0 + col as f64 * self.side;
        let bottom = self.y0 + row as f64 * self.side;
        (left, left + self.side, bottom, bottom + self.side)
    }
}

/// Every row's cell, as lists of member rows per cell (in row order).
#[derive(Debug, Clone)]
pub struct Cells {
    /// The grid.
    pub grid: Grid,
    /// `starts[c]..starts[c + 1]` are cell `c`'s members in `rows`.
    starts: Vec<usize>,
    rows: Vec<u32>,
    /// Rows left out because x or y is NaN or infinite.
    pub left_out: usize,
}

impl Cells {
    /// Assigns every row with a finite x and y to its cell of a
    /// `size`×`size` grid fitted to them ([`Grid::fit`]).
    pub fn assign(xs: &[f64], ys: &[f64], size: usize) -> Result<Cells, PixtipError> {
        let grid = Grid::fit(xs, ys, size)?;
        if xs.len() > u32::MAX as usize {
            return Err(AtlasError::TooManyRows { rows: xs.len() }.into());
        }
        let cells = size
            .checked_mul(size)
            .ok_or(AtlasError::TooManyCells { size })?;
        let index = |x: f64, y: f64| grid.cell_of(x, y).map(|(c, r)| r * size + c);
        // Counting sort: counts, their running sums, then each row in place.
        let mut starts = vec![0usize; cells + 1];
        let mut left_out = 0;
        for (&x, &y) in xs.iter().zip(ys) {
            match index(x, y) {
                Some(cell) => starts[cell + 1] += 1,
                None => left_out += 1,
            }
        }
        for c in 0..cells {
            starts[c + 1] += starts[c];
        }
        let mut next = starts.clone();
        let mut rows = vec![0u32; starts[cells]];
        for (row, (&x, &y)) in xs.iter().zip(ys).enumerate() {
            if let Some(cell) = index(x, y) {
                rows[next[cell]] = row as u32;
                next[cell] += 1;
            }
        }
        Ok(Cells {
            grid,
            starts,
            rows,
            left_out,
        })
    }

    /// The member rows of cell `(col, row)`, in row order.
    pub fn members(&self, col: usize, row: usize) -> &[u32] {
        let cell = row * self.grid.size + col;
        &self.rows[self.starts[cell]..self.starts[cell + 1]]
    }

    /// The occupied cells as `(col, row)`, row by row from the bottom.
    pub fn occupied(&self) -> Vec<(usize, usize)> {
        let n = self.grid.size;
        (0..n * n)
            .filter(|&c| self.starts[c + 1] > self.starts[c])
            .map(|c| (c % n, c / n))
            .collect()
    }

    /// Rows placed in a cell.
    pub fn placed(&self) -> usize {
        self.rows.len()
    }
}

/// `k` of `members` spread evenly over them (`members[i·n/k]` for `i < k`),
/// or all of them when there are no more than `k`: the same rows every run.
pub fn even_sample(members: &[u32], k: usize) -> Vec<u32> {
    let n = members.len();
    if n <= k {
        return members.to_vec();
    }
    (0..k).map(|i| members[i * n / k]).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn points_on_the_far_edge_fall_in_the_last_cell() {
        let cells = Cells::assign(&[0.0, 1.0, 0.5], &[0.0, 0.5, 0.25], 2).unwrap();
        assert_eq!(cells.grid.side, 0.5);
        assert_eq!(cells.members(1, 1), &[1]);
        assert_eq!(cells.members(1, 0), &[2]);
        assert_eq!(cells.members(0, 0), &[0]);
        assert_eq!(cells.occupied(), vec![(0, 0), (1, 0), (1, 1)]);
    }

    #[test]
    fn one_point_and_nan_rows() {
        let cells = Cells::assign(&[3.0, f64::NAN, 3.0], &[7.0, 1.0, f64::INFINITY], 48).unwrap();
        assert_eq!((cells.left_out, cells.placed()), (2, 1));
        assert_eq!(cells.occupied(), vec![(0, 0)]);
        assert_eq!(cells.grid.bounds(0, 0), (3.0, 4.0, 7.0, 8.0));
    }

    #[test]
    fn bad_grids_are_errors() {
        assert!(Grid::fit(&[1.0], &[1.0], 0).is_err());
        assert!(Grid::fit(&[f64::NAN], &[1.0], 4).is_err());
        assert!(Grid::fit(&[-f64::MAX, f64::MAX], &[0.0, 0.0], 4).is_err());
    }

    #[test]
    fn samples_spread_and_repeat() {
        let members: Vec<u32> = (0..10).collect();
        assert_eq!(even_sample(&members, 4), vec![0, 2, 5, 7]);
        assert_eq!(even_sample(&members[..3], 4), vec![0, 1, 2]);
    }
}
