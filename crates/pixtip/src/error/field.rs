//! Why a chart cannot use a field it was given: a type suffix it cannot
//! read, a type the column cannot have, a name the chart needs for itself.

use thiserror::Error;

/// A field a chart was asked to show that it cannot, naming the field.
#[derive(Debug, Error, Clone, PartialEq)]
#[non_exhaustive]
pub enum FieldError {
    /// A reference's Altair type suffix is none of `Q`, `N`, `O`, `T`.
    #[error("field `{reference}`: the type after `:` must be Q, N, O or T")]
    BadTypeSuffix {
        /// The reference as given (`size:X`).
        reference: String,
    },
    /// A text column was declared quantitative (`:Q`).
    #[error("field `{column}` holds text, so it cannot be quantitative (:Q)")]
    TextNotQuantitative {
        /// The column.
        column: String,
    },
    /// A column has the name of a field the metric switch computes.
    #[error("the metric switch computes a field `{computed}`; rename the column of that name")]
    ComputedNameTaken {
        /// The computed field (`image_area`).
        computed: &'static str,
    },
    /// A picture expression cannot find a column whose name the chart
    /// stores under another data key.
    #[error(
        "column `{column}` has a name a chart cannot use as it is, so a picture expression cannot find it; pair each metric with its picture column"
    )]
    NameUnusableInExpression {
        /// The column.
        column: String,
    },
}
