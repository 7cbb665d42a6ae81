//! A chart request's errors in the command line's words: the facade's
//! [`RequestError`] names the request's fields, the user typed flags.

use pixtip::{PixtipError, RequestError};

/// `error` as the command line says it: a request's fault names the flags
/// that set the fields at fault; every other error is the library's text.
pub fn in_flags(error: PixtipError) -> anyhow::Error {
    let PixtipError::Request(request) = &error else {
        return error.into();
    };
    let text = match request {
        RequestError::FileNamesNeedTable { .. } => "--file-column needs --table".to_string(),
        RequestError::NoImages { table } => format!(
            "{table} holds no image column (binary or struct<bytes, path> cells of PNG/JPEG/TIFF, or number lists with --shape) and no images are given"
        ),
        RequestError::NoGroups { .. } => {
            "--repeat and --switch need --x FIELD, the groups along x".to_string()
        }
        RequestError::NoY => {
            "nothing to plot on y: give --y FIELD, a --table with numbers, or a --metric"
                .to_string()
        }
        RequestError::BadMetric { text, why } => format!("--metric `{text}`: {why}"),
        RequestError::AtlasNotScatter { .. } => {
            "--atlas draws a scatter of --x and --y; it does not combine with --repeat or --switch"
                .to_string()
        }
        RequestError::AtlasNeedsXY => {
            "--atlas needs --x FIELD and --y FIELD, two number columns to place the images by"
                .to_string()
        }
        RequestError::EmptyGrid => {
            "--grid 0: the atlas needs at least one cell along each axis".to_string()
        }
        RequestError::AtlasAxis { axis, why } => {
            format!("the atlas's {axis} (--{axis}) must be a number column: {why}")
        }
        _ => return error.into(),
    };
    anyhow::anyhow!("chart: {text}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn request_errors_name_flags_and_other_errors_keep_their_text() {
        let said = |error: RequestError| in_flags(error.into()).to_string();
        assert_eq!(
            said(RequestError::NoGroups { chart: "repeat" }),
            "chart: --repeat and --switch need --x FIELD, the groups along x"
        );
        assert_eq!(
            said(RequestError::AtlasAxis {
                axis: "y",
                why: "column `y` is a text column".into()
            }),
            "chart: the atlas's y (--y) must be a number column: column `y` is a text column"
        );
        let two = RequestError::TwoTables {
            input: "a.parquet".into(),
            table: "b.csv".into(),
        };
        assert_eq!(said(two.clone()), PixtipError::from(two).to_string());
        let other = PixtipError::Picture("an empty image".into());
        assert_eq!(in_flags(other).to_string(), "an empty image");
    }
}
