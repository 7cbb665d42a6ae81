//! Turning a chart into its Vega-Lite JSON: inline data moved to top-level
//! `datasets`, `$schema` and Altair's default config added at the top.

use crate::chart::common::Common;
use crate::data::{Data, Inline, Source};
use crate::error::SpecError;
use crate::json::{Style, WriteFn, write_object, write_seq};
use serde_json::{Map, Value, json};
use std::sync::Arc;

/// The schema URL of the pinned Vega-Lite version.
pub const SCHEMA_URL: &str = "https://vega.github.io/schema/vega-lite/v6.4.1.json";

/// Implemented by every chart kind.
pub(crate) trait Compile {
    fn common(&self) -> &Common;
    /// The spec of this chart; `inherited` is the nearest ancestor's data.
    fn compile(
        &self,
        cx: &mut Cx,
        inherited: Option<&Data>,
    ) -> Result<Map<String, Value>, SpecError>;
}

/// Compiles a chart nested in another; `config` is only allowed at the top.
pub(crate) fn compile_child<C: Compile + ?Sized>(
    chart: &C,
    cx: &mut Cx,
    inherited: Option<&Data>,
) -> Result<Map<String, Value>, SpecError> {
    if !chart.common().config.is_empty() {
        return Err(SpecError::Composition(
            "config is only allowed on the top-level chart".into(),
        ));
    }
    chart.compile(cx, inherited)
}

/// Collects the inline datasets met while compiling.
#[derive(Default)]
pub(crate) struct Cx {
    datasets: Vec<(String, Arc<Inline>)>,
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

/// Deep-merges `src` into `dst` (objects merge, other values replace), like
/// Altair's `update_nested`.
pub(crate) fn merge(dst: &mut Map<String, Value>, src: Map<String, Value>) {
    for (k, v) in src {
        match (dst.get_mut(&k), v) {
            (Some(Value::Object(d)), Value::Object(s)) => merge(d, s),
            (_, v) => {
                dst.insert(k, v);
            }
        }
    }
}

/// Compiles `chart` as the top-level spec.
pub(crate) fn compile_top<C: Compile + ?Sized>(chart: &C) -> Result<Compiled, SpecError> {
    let mut cx = Cx::default();
    let mut spec = chart.compile(&mut cx, None)?;
    spec.insert("$schema".into(), Value::from(SCHEMA_URL));
    // Altair's default theme, with the user's config on top.
    let mut config = json!({ "view": { "continuousWidth": 300, "continuousHeight": 300 } })
        .as_object()
        .cloned()
        .unwrap_or_default();
    merge(&mut config, chart.common().config.clone());
    spec.insert("config".into(), Value::Object(config));
    Ok(Compiled {
        spec,
        datasets: cx.datasets,
    })
}
