//! A chart's params as it writes them: each once, selections lifted from
//! children with their `views`.

use crate::datasets::Cx;
use crate::error::SpecError;
use crate::param::Param;
use serde_json::{Map, Value};

/// A param as its chart writes it: selections lifted from children carry the
/// views that held them.
#[derive(Debug, Clone)]
pub(crate) struct Placed {
    pub param: Param,
    pub views: Option<Vec<String>>,
}

/// A chart's own params, each once: a repeated generated name is skipped (the
/// same definition), a repeated explicit name is an error.
pub(crate) fn own_params(params: &[Param]) -> Result<Vec<Param>, SpecError> {
    let mut out: Vec<Param> = Vec::with_capacity(params.len());
    for p in params {
        if out.iter().any(|q| q.name() == p.name()) {
            if p.has_explicit_name() {
                return Err(SpecError::DuplicateParam(p.name()));
            }
            continue;
        }
        out.push(p.clone());
    }
    Ok(out)
}

/// The params of a chart that lifts none from children (a single view, a facet).
pub(crate) fn placed_alone(params: &[Param]) -> Result<Vec<Placed>, SpecError> {
    Ok(own_params(params)?
        .into_iter()
        .map(|param| Placed { param, views: None })
        .collect())
}

/// Writes `params` into `out` unless the chart hands them to its parent.
pub(crate) fn write_params(
    cx: &Cx,
    placed: &[Placed],
    out: &mut Map<String, Value>,
) -> Result<(), SpecError> {
    if cx.params_lifted || placed.is_empty() {
        return Ok(());
    }
    let mut list = Vec::with_capacity(placed.len());
    for p in placed {
        let mut m = p.param.to_map()?;
        if let Some(views) = &p.views {
            m.insert("views".into(), Value::from(views.clone()));
        }
        list.push(Value::Object(m));
    }
    out.insert("params".into(), Value::Array(list));
    Ok(())
}
