//! Repeat charts: one chart repeated over fields.

use super::common::{Common, common_methods};
use super::compile::{Compile, SpecResult, add_params_method, common_access, compile_child};
use super::kinds::{AnyChart, LayerChart, RepeatChart};
use super::lift::lift_params;
use super::repeat_over::Repeat;
use super::unit::Chart;
use crate::data::Data;
use crate::datasets::Cx;
use crate::param::Param;
use serde_json::Value;

impl RepeatChart {
    pub(crate) fn new(spec: AnyChart, repeat: Repeat) -> RepeatChart {
        RepeatChart {
            common: Common::default(),
            repeat,
            spec: Box::new(spec),
        }
    }

    /// Wraps a list repeat after `n` columns.
    pub fn columns(self, n: u32) -> RepeatChart {
        self.set("columns", n)
    }

    /// Makes the scales of the repeated views pan and zoom (Altair's `.interactive()`).
    pub fn interactive(self) -> RepeatChart {
        self.add_params([&Param::pan_zoom()])
    }

    add_params_method!();

    common_methods!();
}

impl Chart {
    /// Repeats this chart over fields (Altair's `.repeat([...])`).
    pub fn repeat(self, repeat: Repeat) -> RepeatChart {
        RepeatChart::new(self.into(), repeat)
    }
}

impl LayerChart {
    /// Repeats this layer chart.
    pub fn repeat(self, repeat: Repeat) -> RepeatChart {
        RepeatChart::new(self.into(), repeat)
    }
}

impl Compile for RepeatChart {
    common_access!();
    /// Params go to the repeated spec, as in Altair.
    fn add_params_mut(&mut self, params: &[Param]) {
        self.spec.add_params_mut(params);
    }
    fn compile(&self, cx: &mut Cx, inherited: Option<&Data>) -> SpecResult {
        let (mut out, data) = self.common.begin(cx, inherited)?;
        out.insert("repeat".into(), self.repeat.to_value()?);
        let mut spec = [compile_child(self.spec.as_ref(), cx, data)?];
        let own = out.get("params").cloned();
        lift_params(&mut out, &mut spec);
        // Altair names each repeated copy of a view that holds a selection:
        // `<view>_child__<repeat string>` (a layer's `child__<repeat string>_<view>`).
        if out.get("params") != own.as_ref() {
            let is_layer = matches!(self.spec.as_ref(), AnyChart::Layer(_));
            let strings = self.repeat.view_suffixes();
            if let Some(Value::Array(params)) = out.get_mut("params") {
                for p in params {
                    if let Some(Value::Array(views)) = p.get_mut("views") {
                        *views = views
                            .iter()
                            .filter_map(Value::as_str)
                            .flat_map(|v| {
                                strings.iter().map(move |r| {
                                    Value::from(if is_layer {
                                        format!("child__{r}_{v}")
                                    } else {
                                        format!("{v}_child__{r}")
                                    })
                                })
                            })
                            .collect();
                    }
                }
            }
        }
        let [spec] = spec;
        out.insert("spec".into(), Value::Object(spec));
        Ok(out)
    }
}
