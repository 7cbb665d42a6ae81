//! The inline datasets of a spec, collected while compiling and written once
//! under the top-level `datasets`, and the compiled spec that holds them.

use crate::data::{Data, Inline, Source};
use crate::json::{Style, WriteFn, write_object, write_seq};
use crate::sink::Sink;
use serde_json::{Map, Value, json};
use std::sync::Arc;

/// What compiling carries along: the inline datasets met so far, and whether
/// the chart being compiled hands its params up to its parent.
#[derive(Default)]
pub(crate) struct Cx {
    pub datasets: Vec<(String, Arc<Inline>)>,
    /// Set while compiling a single-view or layer child whose params the
    /// parent lifts: the child writes none of its own.
    pub params_lifted: bool,
}

impl Cx {
    /// The JSON data reference for `data`, registering inline rows once.
    pub fn data_ref(&mut self, data: &Data) -> Value {
        match &data.source {
            Source::Inline(inline) => {
                if !self.datasets.iter().any(|(n, _)| *n == inline.name) {
                    self.datasets
                        .push((inline.name.clone(), Arc::clone(inline)));
                }
                json!({ "name": inline.name })
            }
            Source::Url(source) => {
                let mut m = json!({ "url": source.url });
                if let Some(f) = &source.format {
                    m["format"] = f.clone();
                }
                m
            }
            Source::Named(name) => json!({ "name": name }),
        }
    }
}

/// A compiled top-level spec with its datasets kept by reference, so writing
/// JSON never copies the rows.
pub(crate) struct Compiled {
    pub spec: Map<String, Value>,
    pub datasets: Vec<(String, Arc<Inline>)>,
}

impl Compiled {
    pub fn to_value(&self) -> Value {
        let mut spec = self.spec.clone();
        if !self.datasets.is_empty() {
            let ds: Map<String, Value> = self
                .datasets
                .iter()
                .map(|(n, i)| {
                    let rows = (0..i.rows.len()).map(|r| i.rows.value(r)).collect();
                    (n.clone(), Value::Array(rows))
                })
                .collect();
            spec.insert("datasets".into(), Value::Object(ds));
        }
        Value::Object(spec)
    }

    /// The whole text in one string.
    pub fn write(&self, style: &Style) -> String {
        let mut out = String::with_capacity(self.text_len_estimate());
        self.write_pieces(&mut out, style, &[], &Sink::none());
        out
    }

    /// Writes the text to `writer` in pieces of about [`Sink::PIECE`] bytes,
    /// never holding it whole; the cells of table columns named in `blank`
    /// are written as `null`. Returns the bytes written.
    /// A large text is made on a second thread ([`Sink::write_made`]).
    pub fn write_to(
        &self,
        writer: &mut dyn std::io::Write,
        style: &Style,
        blank: &[&str],
    ) -> std::io::Result<u64> {
        let large = self.text_len_estimate() >= 8 * Sink::PIECE;
        Sink::write_made(writer, large, |out, sink| {
            self.write_pieces(out, style, blank, sink)
        })
    }

    /// Room for the rows plus indentation, so a whole text is not regrown.
    fn text_len_estimate(&self) -> usize {
        let bytes: usize = self
            .datasets
            .iter()
            .map(|(_, i)| i.json_len + i.rows.len() * 64)
            .sum();
        bytes + 4096
    }

    fn write_pieces(&self, out: &mut String, style: &Style, blank: &[&str], sink: &Sink<'_>) {
        let mut datasets: Vec<&(String, Arc<Inline>)> = self.datasets.iter().collect();
        datasets.sort_by(|a, b| a.0.cmp(&b.0));
        let write_datasets = |out: &mut String, depth: usize| {
            let writers: Vec<Box<WriteFn<'_>>> = datasets
                .iter()
                .map(|(_, inline)| {
                    Box::new(move |out: &mut String, d: usize| {
                        let rows = &inline.rows;
                        write_seq(out, 0..rows.len(), rows.len(), style, d, |o, r, dd| {
                            rows.write_row_blanking(o, r, style, dd, blank);
                            sink.spill(o);
                        })
                    }) as Box<WriteFn<'_>>
                })
                .collect();
            let entries: Vec<(&str, &WriteFn<'_>)> = datasets
                .iter()
                .zip(&writers)
                .map(|((name, _), w)| (name.as_str(), w.as_ref()))
                .collect();
            write_object(out, &Map::new(), &entries, style, depth);
        };
        if self.datasets.is_empty() {
            write_object(out, &self.spec, &[], style, 0);
        } else {
            write_object(out, &self.spec, &[("datasets", &write_datasets)], style, 0);
        }
    }
}
