//! Turning a chart into its Vega-Lite JSON: inline data moved to top-level
//! `datasets`, `$schema` and Altair's default config added at the top.

use super::common::{Common, merge};
use crate::data::Data;
use crate::datasets::{Compiled, Cx};
use crate::error::SpecError;
use crate::param::Param;
use serde_json::{Map, Value, json};

/// The schema URL of the pinned Vega-Lite version.
pub const SCHEMA_URL: &str = "https://vega.github.io/schema/vega-lite/v6.4.1.json";

/// A compiled spec, or why it could not be compiled.
pub(crate) type SpecResult = Result<Map<String, Value>, SpecError>;

/// Implemented by every chart kind.
pub(crate) trait Compile {
    fn common(&self) -> &Common;
    fn common_mut(&mut self) -> &mut Common;
    /// Adds params where Altair's `add_params` puts them for this kind.
    fn add_params_mut(&mut self, params: &[Param]);
    /// The spec of this chart; `inherited` is the nearest ancestor's data.
    fn compile(&self, cx: &mut Cx, inherited: Option<&Data>) -> SpecResult;
}

/// The `Compile` methods every kind writes the same way: access to its `Common`.
macro_rules! common_access {
    () => {
        fn common(&self) -> &crate::chart::common::Common {
            &self.common
        }
        fn common_mut(&mut self) -> &mut crate::chart::common::Common {
            &mut self.common
        }
    };
}
pub(crate) use common_access;

/// `Compile::add_params_mut` of a kind that wraps one spec (a facet, a
/// repeat): the params go to that spec, as in Altair.
macro_rules! params_to_spec {
    () => {
        fn add_params_mut(&mut self, params: &[crate::Param]) {
            self.spec.add_params_mut(params);
        }
    };
}
pub(crate) use params_to_spec;

/// Altair's `add_params` for a chart kind: the params go where the kind's
/// [`Compile::add_params_mut`] puts them (a single view holds them; a layer's
/// first layer, a repeat's or facet's spec, every child of a concat), and
/// compiling lifts them to the top with `views`, as Altair does.
macro_rules! add_params_method {
    () => {
        /// Adds params where Altair puts them for this kind of chart (see
        /// the crate doc); compiling lifts selections to the top with `views`.
        pub fn add_params<'a>(
            mut self,
            params: impl IntoIterator<Item = &'a crate::Param>,
        ) -> Self {
            let params: Vec<crate::Param> = params.into_iter().cloned().collect();
            crate::chart::compile::Compile::add_params_mut(&mut self, &params);
            self
        }
    };
}
pub(crate) use add_params_method;

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
