//! Repeat charts: one chart repeated over fields.

use super::common::{Common, common_methods};
use super::compile::{Compile, SpecResult, add_params_method, common_access, params_to_spec};
use super::kinds::{AnyChart, LayerChart, RepeatChart};
use super::params::{compile_children, lift_params};
use super::placed::write_params;
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
    params_to_spec!();
    fn compile(&self, cx: &mut Cx, inherited: Option<&Data>) -> SpecResult {
        let (mut out, data) = self.common.begin(cx, inherited)?;
        out.insert("repeat".into(), self.repeat.to_value()?);
        let spec = std::slice::from_ref(self.spec.as_ref());
        let (mut placed, names) = lift_params(&self.common.params, spec)?;
        // Altair names each repeated copy of a view that holds a selection:
        // `<view>_child__<repeat string>` (a layer's `child__<repeat string>_<view>`).
        let is_layer = matches!(self.spec.as_ref(), AnyChart::Layer(_));
        let strings = self.repeat.view_suffixes();
        for views in placed.iter_mut().filter_map(|p| p.views.as_mut()) {
            *views = views
                .iter()
                .flat_map(|v| {
                    strings.iter().map(move |r| {
                        if is_layer {
                            format!("child__{r}_{v}")
                        } else {
                            format!("{v}_child__{r}")
                        }
                    })
                })
                .collect();
        }
        write_params(cx, &placed, &mut out)?;
        let spec = compile_children(cx, spec, &names, data)?;
        let [spec]: [_; 1] = spec.try_into().expect("one spec compiled");
        out.insert("spec".into(), Value::Object(spec));
        Ok(out)
    }
}
