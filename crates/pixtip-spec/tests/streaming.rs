//! Charts written to a writer in pieces are the same bytes as the texts made
//! whole, and a spec may leave out a column's cells.

#![allow(clippy::unwrap_used)] // test helpers: a failed unwrap is a failed test

use pixtip_spec::{Chart, Data, HtmlOptions, MarkProps, Table, Tooltip, TopLevel, X, Y};

/// A chart whose text is many pieces long: 3,000 rows with 100-character
/// pictures, quotes and markup in the names, and non-ASCII text.
fn big_chart() -> Chart {
    let rows = 3000;
    let pictures: Vec<String> = (0..rows)
        .map(|r| format!("data:image/png;base64,{}", "A".repeat(60 + r % 40)))
        .collect();
    let names: Vec<String> = (0..rows).map(|r| format!("é \"{r}\" </script>")).collect();
    let table = Table::new()
        .column("x", (0..rows).map(|r| r as f64 * 0.5).collect::<Vec<_>>())
        .column("y", (0..rows).map(|r| (r % 17) as i64).collect::<Vec<_>>())
        .column("name", names)
        .column("picture", pictures);
    Chart::new(Data::from_table(table).unwrap())
        .mark_circle(MarkProps::default())
        .encode((
            X::new("x:Q"),
            Y::new("y:Q"),
            Tooltip::list([Tooltip::image("picture"), Tooltip::field("name").nominal()]),
        ))
}

#[test]
fn json_written_in_pieces_equals_the_whole_text() {
    let chart = big_chart();
    let whole = chart.to_json_pretty().unwrap();
    assert!(whole.len() > 4 << 16, "the text spans several pieces");
    let mut pieces = Vec::new();
    let written = chart.write_json_pretty(&mut pieces, &[]).unwrap();
    assert_eq!(written, whole.len() as u64);
    assert!(pieces == whole.as_bytes(), "the streamed JSON differs");
}

#[test]
fn html_written_in_pieces_equals_the_whole_page() {
    let chart = big_chart();
    let whole = chart.to_html(&HtmlOptions::default()).unwrap();
    let mut pieces = Vec::new();
    let written = chart
        .write_html(&mut pieces, &HtmlOptions::default())
        .unwrap();
    assert_eq!(written, whole.len() as u64);
    assert!(pieces == whole.as_bytes(), "the streamed page differs");
    assert_eq!(
        whole.matches("\"datasets\"").count(),
        1,
        "the spec is in the page once"
    );
}

#[test]
fn blanked_columns_are_null_and_the_rest_is_kept() {
    let chart = big_chart();
    let mut text = Vec::new();
    chart.write_json_pretty(&mut text, &["picture"]).unwrap();
    let lean: serde_json::Value = serde_json::from_slice(&text).unwrap();
    let full: serde_json::Value = serde_json::from_str(&chart.to_json_pretty().unwrap()).unwrap();
    let rows = |spec: &serde_json::Value| {
        spec["datasets"]
            .as_object()
            .unwrap()
            .values()
            .next()
            .unwrap()
            .clone()
    };
    let (lean_rows, full_rows) = (rows(&lean), rows(&full));
    assert_eq!(lean_rows.as_array().unwrap().len(), 3000);
    for (l, f) in lean_rows
        .as_array()
        .unwrap()
        .iter()
        .zip(full_rows.as_array().unwrap())
    {
        assert_eq!(l["picture"], serde_json::Value::Null);
        for key in ["x", "y", "name"] {
            assert_eq!(l[key], f[key]);
        }
    }
    assert_eq!(lean["encoding"], full["encoding"]);
    // Each picture's quoted text became `null`, and nothing else changed.
    let pictures: usize = (0..3000).map(|r| 22 + 60 + r % 40 + 2 - 4).sum();
    assert_eq!(text.len() + pictures, chart.to_json_pretty().unwrap().len());
}

/// A writer that fails after some bytes, like a full disk.
struct FullDisk(usize);

impl std::io::Write for FullDisk {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        if self.0 < buf.len() {
            return Err(std::io::Error::other("no space left"));
        }
        self.0 -= buf.len();
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

#[test]
fn a_failed_write_is_an_error() {
    let chart = big_chart();
    let error = chart.write_html(&mut FullDisk(100_000), &HtmlOptions::default());
    assert!(
        matches!(&error, Err(pixtip_spec::SpecError::Write(m)) if m.contains("no space")),
        "{error:?}"
    );
    assert!(chart.write_json_pretty(&mut FullDisk(10), &[]).is_err());
}

/// Cells kept elsewhere (here in a Vec, for pixtip's file of pictures).
#[derive(Debug)]
struct Elsewhere(Vec<String>);

impl pixtip_spec::TextCells for Elsewhere {
    fn len(&self) -> usize {
        self.0.len()
    }
    fn append(&self, row: usize, out: &mut String) -> Result<(), String> {
        out.push_str(&self.0[row]);
        Ok(())
    }
}

#[test]
fn external_text_cells_write_what_strings_would() {
    let texts: Vec<String> = (0..500)
        .map(|r| match r % 3 {
            0 => format!("data:image/png;base64,{}", "x".repeat(r)),
            1 => format!("needs \"escaping\" </script> é {r}"),
            _ => String::new(),
        })
        .collect();
    let chart = |column: pixtip_spec::DataColumn| {
        let table = Table::new()
            .column("x", (0..500).map(f64::from).collect::<Vec<_>>())
            .column("t", column);
        Chart::new(Data::from_table(table).unwrap())
            .mark_point(MarkProps::default())
            .encode((X::new("x:Q"), Tooltip::field("t").nominal()))
    };
    let strings = chart(texts.clone().into());
    let external = chart(pixtip_spec::DataColumn::External(std::sync::Arc::new(
        Elsewhere(texts),
    )));
    assert_eq!(
        external.to_json_pretty().unwrap(),
        strings.to_json_pretty().unwrap()
    );
    let options = HtmlOptions::default();
    assert_eq!(
        external.to_html(&options).unwrap(),
        strings.to_html(&options).unwrap()
    );
}
