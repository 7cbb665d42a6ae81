//! The one error type of pixtip-random.

use thiserror::Error;

/// Bad input to a [`Generator`](crate::Generator) method.
///
/// numpy raises `ValueError` for most of these; pixtip-random also rejects a
/// non-finite `loc` or `scale`, where numpy would quietly return NaN or inf.
#[derive(Debug, Clone, PartialEq, Error)]
#[non_exhaustive]
pub enum RandomError {
    /// `integers` was asked for an empty range.
    #[error("integers: low ({low}) must be {} high ({high})", if *.inclusive { "<=" } else { "<" })]
    EmptyRange {
        /// The lower bound given.
        low: i64,
        /// The upper bound given.
        high: i64,
        /// Whether `high` was part of the range.
        inclusive: bool,
    },
    /// `choice` was asked to draw from an empty population.
    #[error("choice: the population is empty but {size} samples were asked for")]
    EmptyPopulation {
        /// How many samples were asked for.
        size: usize,
    },
    /// A negative `scale` (standard deviation) was given.
    #[error("normal: scale must be >= 0, got {0}")]
    NegativeScale(f64),
    /// A NaN or infinite distribution parameter was given.
    #[error("normal: {name} must be finite, got {value}")]
    NonFinite {
        /// The parameter's name (`loc` or `scale`).
        name: &'static str,
        /// The value given.
        value: f64,
    },
    /// A shape whose element count overflows `usize`.
    #[error("shape {0:?} has more elements than fit in memory")]
    ShapeTooLarge(Vec<usize>),
}
