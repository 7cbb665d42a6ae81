//! The demo's `areas.csv` and `arrays.npz`: CSV as pandas writes it, `.npz`
//! as `numpy.savez_compressed` writes it.

use crate::error::TutorialError;
use ndarray::{ArrayBase, Data, Dimension};
use pixtip::output::write_atomic;
use std::path::Path;

/// One CSV field: quoted only when it holds a comma, quote or line break, as
/// pandas' `to_csv` does.
fn csv_field(text: &str) -> std::borrow::Cow<'_, str> {
    if text.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", text.replace('"', "\"\"")).into()
    } else {
        text.into()
    }
}

/// A CSV table: a header and rows of already-formatted fields.
///
/// Floats are best formatted with [`format_float`], the shortest text that
/// reads back as the same `f64`.
pub(super) fn csv_text(header: &[&str], rows: &[Vec<String>]) -> String {
    let mut out = String::new();
    let line = |fields: &mut dyn Iterator<Item = &str>, out: &mut String| {
        let joined: Vec<_> = fields.map(csv_field).collect();
        out.push_str(&joined.join(","));
        out.push('\n');
    };
    line(&mut header.iter().copied(), &mut out);
    for row in rows {
        line(&mut row.iter().map(String::as_str), &mut out);
    }
    out
}

/// The shortest decimal text that parses back to exactly `value`
/// (`nan`, `inf` and `-inf` for the non-finite values, as pandas writes them).
pub(super) fn format_float(value: f64) -> String {
    if value.is_nan() {
        "nan".to_string()
    } else if value.is_infinite() {
        if value > 0.0 { "inf" } else { "-inf" }.to_string()
    } else {
        format!("{value}")
    }
}

/// Writes float64 arrays into a compressed `.npz`, as `numpy.savez_compressed` does,
/// atomically. Names are the keys numpy will show (`image1`, not `image1.npy`).
pub(super) fn write_npz<S, D>(
    path: &Path,
    arrays: &[(&str, &ArrayBase<S, D>)],
) -> Result<(), TutorialError>
where
    S: Data<Elem = f64>,
    D: Dimension,
{
    let npz_error = |e: ndarray_npy::WriteNpzError| TutorialError::Npz {
        path: path.to_path_buf(),
        message: e.to_string(),
    };
    let mut buffer = std::io::Cursor::new(Vec::new());
    {
        let mut npz = ndarray_npy::NpzWriter::new_compressed(&mut buffer);
        for (name, array) in arrays {
            npz.add_array(*name, *array).map_err(npz_error)?;
        }
        npz.finish().map_err(npz_error)?;
    }
    write_atomic(path, &buffer.into_inner())?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn floats_round_trip_through_their_text() {
        for value in [
            0.030598958333333332,
            0.09722222222222222,
            1e-5,
            0.0,
            1.0 / 3.0,
        ] {
            let text = format_float(value);
            assert_eq!(
                text.parse::<f64>().unwrap().to_bits(),
                value.to_bits(),
                "{text}"
            );
        }
        assert_eq!(format_float(0.25), "0.25");
        assert_eq!(format_float(f64::NAN), "nan");
    }

    #[test]
    fn csv_quotes_only_when_needed() {
        let text = csv_text(&["a", "b"], &[vec!["x,y".into(), "say \"hi\"".into()]]);
        assert_eq!(text, "a,b\n\"x,y\",\"say \"\"hi\"\"\"\n");
    }

    #[test]
    fn npz_reads_back_with_the_same_values() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("arrays.npz");
        let a = ndarray::Array3::<f64>::from_shape_fn((2, 3, 4), |(i, j, k)| {
            (i * 12 + j * 4 + k) as f64 / 7.0
        });
        write_npz(&path, &[("image1", &a)]).unwrap();
        let mut npz = ndarray_npy::NpzReader::new(std::fs::File::open(&path).unwrap()).unwrap();
        let back: ndarray::Array3<f64> = npz.by_name("image1").unwrap();
        assert_eq!(back, a);
    }
}
