//! Facet charts: small multiples of one chart by data fields.

use super::common::{Common, common_methods};
use super::compile::{
    Compile, SpecResult, add_params_method, common_access, compile_child, params_to_spec,
};
use super::kinds::{AnyChart, FacetChart, LayerChart};
use super::placed::{placed_alone, write_params};
use super::unit::Chart;
use crate::channel_name::ChannelName;
use crate::data::Data;
use crate::datasets::Cx;
use crate::encodings::Encodings;
use crate::error::SpecError;
use serde_json::{Map, Value};

impl FacetChart {
    pub(crate) fn new(spec: AnyChart, channels: impl Encodings, data: Option<Data>) -> FacetChart {
        FacetChart {
            common: Common {
                data,
                ..Common::default()
            },
            facet: channels.into_channels(),
            spec: Box::new(spec),
        }
    }

    /// Wraps a `Facet` facet after `n` columns.
    pub fn columns(self, n: u32) -> FacetChart {
        self.set("columns", n)
    }

    add_params_method!();

    common_methods!();
}

impl Chart {
    /// Facets this chart by `Row`/`Column` channels, or one `Facet` channel
    /// (wrapped; set `.columns(n)`). The data moves up to the facet, as in Altair.
    pub fn facet(mut self, channels: impl Encodings) -> FacetChart {
        let data = self.common.data.take();
        FacetChart::new(self.into(), channels, data)
    }
}

impl LayerChart {
    /// Facets this layer chart; see [`Chart::facet`].
    pub fn facet(mut self, channels: impl Encodings) -> FacetChart {
        let data = self.common.data.take();
        FacetChart::new(self.into(), channels, data)
    }
}

impl Compile for FacetChart {
    common_access!();
    params_to_spec!();
    fn compile(&self, cx: &mut Cx, inherited: Option<&Data>) -> SpecResult {
        let (mut out, data) = self.common.begin(cx, inherited)?;
        write_params(cx, &placed_alone(&self.common.params)?, &mut out)?;
        let facet = match self.facet.as_slice() {
            [] => {
                return Err(SpecError::Composition(
                    "facet needs a Row, Column or Facet channel".into(),
                ));
            }
            [one] if one.name == ChannelName::Facet => one.resolve(data)?,
            many => {
                let mut m = Map::new();
                for ch in many {
                    if !matches!(ch.name, ChannelName::Row | ChannelName::Column) {
                        return Err(SpecError::Composition(format!(
                            "facet takes Row and Column channels, or one Facet channel, not `{}`",
                            ch.name
                        )));
                    }
                    m.insert(ch.name.as_str().into(), ch.resolve(data)?);
                }
                Value::Object(m)
            }
        };
        out.insert("facet".into(), facet);
        out.insert(
            "spec".into(),
            Value::Object(compile_child(self.spec.as_ref(), cx, data)?),
        );
        Ok(out)
    }
}
