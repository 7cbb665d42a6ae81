//! The one error type of this crate.

use thiserror::Error;

/// Everything that can go wrong while building or serialising a spec.
#[derive(Debug, Clone, PartialEq, Error)]
#[non_exhaustive]
pub enum SpecError {
    /// An encoding shorthand such as `"x:Z"` named a type that Vega-Lite lacks.
    #[error(
        "unknown type `{ty}` in shorthand `{shorthand}` (use Q, N, O, T or G, or their long names)"
    )]
    UnknownType {
        /// The whole shorthand string.
        shorthand: String,
        /// The type part after the colon.
        ty: String,
    },
    /// A shorthand was empty or malformed, e.g. `"mean(x"`.
    #[error("malformed shorthand `{0}`")]
    BadShorthand(String),
    /// A field has no type and the data does not tell it.
    #[error("encoding field `{field}` has no type and it cannot be inferred: {reason}")]
    TypeNotInferred {
        /// The field name.
        field: String,
        /// Why inference failed.
        reason: String,
    },
    /// `repeat` was given no fields.
    #[error("repeat needs at least one field")]
    EmptyRepeat,
    /// A select or radio binding whose options do not contain the param's value.
    #[error("param `{param}` has value {value} which is not among its options {options}")]
    ValueNotInOptions {
        /// The param name.
        param: String,
        /// The value, as JSON.
        value: String,
        /// The options, as JSON.
        options: String,
    },
    /// A number in the data is NaN or infinite; JSON cannot hold it.
    #[error("column `{column}` row {row} holds {value}, which JSON cannot represent")]
    NonFinite {
        /// The column name.
        column: String,
        /// The zero-based row index.
        row: usize,
        /// The offending value.
        value: f64,
    },
    /// Columns of a table differ in length.
    #[error("column `{column}` has {len} rows but the table has {expected}")]
    RaggedTable {
        /// The column name.
        column: String,
        /// Its length.
        len: usize,
        /// The length of the first column.
        expected: usize,
    },
    /// A data row is not a JSON object.
    #[error("data row {row} is not a JSON object")]
    RowNotObject {
        /// The zero-based row index.
        row: usize,
    },
    /// Serialising user rows with serde failed.
    #[error("could not serialise data rows: {0}")]
    Serialize(String),
    /// Two params with the same explicit name were added.
    #[error("duplicate explicit param name `{0}`")]
    DuplicateParam(String),
    /// A chart kind was asked for something it cannot hold (e.g. a layer of concats).
    #[error("invalid chart composition: {0}")]
    Composition(String),
    /// Reading the local vega scripts for an offline page failed.
    #[error("could not read `{path}`: {message}")]
    Io {
        /// The file path.
        path: String,
        /// The OS error message.
        message: String,
    },
    /// Writing a chart's text to a writer failed.
    #[error("could not write the chart: {0}")]
    Write(String),
}
