//! The inline datasets of a spec, collected while compiling and written once
//! under the top-level `datasets`, and the compiled spec that holds them.

use crate::data::{Data, Inline, Source};
use crate::json::{Style, WriteFn, write_object, write_seq};
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

    pub fn write(&self, style: &Style) -> String {
        // Room for the rows plus indentation, so the buffer is not regrown.
        let bytes: usize = self
            .datasets
            .iter()
            .map(|(_, i)| i.json_len + i.rows.len() * 64)
            .sum();
        let mut out = String::with_capacity(bytes + 4096);
        let mut datasets: Vec<&(String, Arc<Inline>)> = self.datasets.iter().collect();
        datasets.sort_by(|a, b| a.0.cmp(&b.0));
        let write_datasets = |out: &mut String, depth: usize| {
            let writers: Vec<Box<WriteFn<'_>>> = datasets
                .iter()
                .map(|(_, inline)| {
                    Box::new(move |out: &mut String, d: usize| {
                        let rows = &inline.rows;
                        write_seq(out, 0..rows.len(), rows.len(), style, d, |o, r, dd| {
                            rows.write_row(o, r, style, dd)
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
            write_object(&mut out, &self.spec, &[], style, 0);
        } else {
            write_object(
                &mut out,
                &self.spec,
                &[("datasets", &write_datasets)],
                style,
                0,
            );
        }
        out
    }
}
