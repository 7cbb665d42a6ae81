//! Layers: charts drawn on top of each other.

use super::common::{Common, common_methods};
use super::compile::{Compile, SpecResult, add_params_method, common_access};
use super::kinds::{AnyChart, LayerChart};
use super::lift::lift_data;
use super::params::{compile_children, lift_params};
use super::placed::write_params;
use crate::data::Data;
use crate::datasets::Cx;
use crate::encodings::Encodings;
use crate::error::SpecError;
use crate::param::Param;
use serde_json::{Map, Value};

/// Layers charts (single views or layers).
pub fn layer<T: Into<AnyChart>>(charts: impl IntoIterator<Item = T>) -> LayerChart {
    let mut layers: Vec<AnyChart> = charts.into_iter().map(Into::into).collect();
    let mut common = Common::default();
    let mut error = None;
    if let Some(bad) = layers
        .iter()
        .find(|c| !matches!(c, AnyChart::Unit(_) | AnyChart::Layer(_)))
    {
        error = Some(SpecError::Composition(format!(
            "only single views and layers can be layered, not {}",
            bad.kind_name()
        )));
    }
    lift_data(&mut common, &mut layers);
    // Vega-Lite does not allow these inside layers; Altair moves them up.
    for prop in ["height", "width", "view"] {
        let values: Vec<Value> = layers
            .iter()
            .filter_map(|c| c.common().props.get(prop).cloned())
            .collect();
        if let Some(first) = values.first() {
            if values.iter().any(|v| v != first) {
                error = Some(SpecError::Composition(format!(
                    "layers have different values for {prop}"
                )));
            }
            common.props.insert(prop.to_string(), first.clone());
            for c in &mut layers {
                c.common_mut().props.remove(prop);
            }
        }
    }
    LayerChart {
        common,
        layers,
        encoding: Vec::new(),
        error,
    }
}

impl LayerChart {
    /// Encodings shared by every layer (Altair's `LayerChart.encode`).
    pub fn encode(mut self, channels: impl Encodings) -> LayerChart {
        for ch in channels.into_channels() {
            self.encoding.retain(|c| c.name != ch.name);
            self.encoding.push(ch);
        }
        self
    }

    /// Sets the data of the whole layer.
    pub fn data(mut self, data: Data) -> LayerChart {
        self.common.data = Some(data);
        self
    }

    add_params_method!();

    common_methods!();
}

impl Compile for LayerChart {
    common_access!();
    /// Params go to the first layer, as in Altair.
    fn add_params_mut(&mut self, params: &[Param]) {
        if let Some(first) = self.layers.first_mut() {
            first.add_params_mut(params);
        }
    }
    fn compile(&self, cx: &mut Cx, inherited: Option<&Data>) -> SpecResult {
        if let Some(e) = &self.error {
            return Err(e.clone());
        }
        let (mut out, data) = self.common.begin(cx, inherited)?;
        if !self.encoding.is_empty() {
            let mut enc = Map::new();
            for ch in &self.encoding {
                enc.insert(ch.name.as_str().to_string(), ch.resolve(data)?);
            }
            out.insert("encoding".into(), Value::Object(enc));
        }
        let (placed, names) = lift_params(&self.common.params, &self.layers)?;
        write_params(cx, &placed, &mut out)?;
        let layers = compile_children(cx, &self.layers, &names, data)?;
        out.insert(
            "layer".into(),
            Value::Array(layers.into_iter().map(Value::Object).collect()),
        );
        Ok(out)
    }
}
