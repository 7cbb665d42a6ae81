//! Concat charts: side by side, stacked, or wrapped.

use super::common::{Common, common_methods};
use super::compile::{Compile, SpecResult, add_params_method, common_access};
use super::kinds::{AnyChart, ConcatChart, ConcatKind};
use super::lift::lift_data;
use super::params::{compile_children, lift_params};
use super::placed::write_params;
use crate::data::Data;
use crate::datasets::Cx;
use crate::param::Param;
use serde_json::Value;

fn new_concat<T: Into<AnyChart>>(
    kind: ConcatKind,
    charts: impl IntoIterator<Item = T>,
) -> ConcatChart {
    let mut charts: Vec<AnyChart> = charts.into_iter().map(Into::into).collect();
    let mut common = Common::default();
    lift_data(&mut common, &mut charts);
    ConcatChart {
        common,
        kind,
        charts,
    }
}

/// Charts side by side (Altair's `alt.hconcat`).
pub fn hconcat<T: Into<AnyChart>>(charts: impl IntoIterator<Item = T>) -> ConcatChart {
    new_concat(ConcatKind::Horizontal, charts)
}

/// Charts stacked vertically (Altair's `alt.vconcat`).
pub fn vconcat<T: Into<AnyChart>>(charts: impl IntoIterator<Item = T>) -> ConcatChart {
    new_concat(ConcatKind::Vertical, charts)
}

/// Charts wrapped in a grid (Altair's `alt.concat`); set `.columns(n)`.
pub fn concat<T: Into<AnyChart>>(charts: impl IntoIterator<Item = T>) -> ConcatChart {
    new_concat(ConcatKind::Wrapped, charts)
}

impl ConcatChart {
    /// Wraps after `n` columns (for `concat`).
    pub fn columns(self, n: u32) -> ConcatChart {
        self.set("columns", n)
    }

    add_params_method!();

    common_methods!();
}

impl Compile for ConcatChart {
    common_access!();
    /// Params go to every child; compiling lifts them back up, as in Altair.
    fn add_params_mut(&mut self, params: &[Param]) {
        for chart in &mut self.charts {
            chart.add_params_mut(params);
        }
    }
    fn compile(&self, cx: &mut Cx, inherited: Option<&Data>) -> SpecResult {
        let (mut out, data) = self.common.begin(cx, inherited)?;
        let (placed, names) = lift_params(&self.common.params, &self.charts)?;
        write_params(cx, &placed, &mut out)?;
        let charts = compile_children(cx, &self.charts, &names, data)?;
        let key = match self.kind {
            ConcatKind::Wrapped => "concat",
            ConcatKind::Horizontal => "hconcat",
            ConcatKind::Vertical => "vconcat",
        };
        out.insert(
            key.into(),
            Value::Array(charts.into_iter().map(Value::Object).collect()),
        );
        Ok(out)
    }
}
