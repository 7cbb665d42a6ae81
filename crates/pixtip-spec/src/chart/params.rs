//! Params moving up from child charts to their parent, as Altair's
//! `_combine_subchart_params` does, decided on the typed charts: variables
//! once each, selections with `views` naming the views that hold them.

use super::compile::compile_child;
use super::kinds::AnyChart;
use super::placed::{Placed, own_params, placed_alone};
use crate::data::Data;
use crate::datasets::Cx;
use crate::error::SpecError;
use crate::param::Param;
use serde_json::{Map, Value};

/// The params of a chart whose single-view and layer children hand theirs up
/// (layer, concat, repeat), and the names the children get: an unnamed single
/// view that holds a selection is called `view_<index>`.
pub(crate) fn lift_params(
    own: &[Param],
    children: &[AnyChart],
) -> Result<(Vec<Placed>, Vec<Option<String>>), SpecError> {
    let mut placed = placed_alone(own)?;
    let mut names = Vec::with_capacity(children.len());
    for (i, child) in children.iter().enumerate() {
        let (handed, given_name) = match child {
            AnyChart::Unit(c) => {
                let params = own_params(&c.common.params)?;
                let given = (c.common.name.is_none() && params.iter().any(Param::is_selection))
                    .then(|| format!("view_{i}"));
                let view: Vec<String> = c.common.name.iter().chain(&given).cloned().collect();
                let handed = params
                    .into_iter()
                    .map(|param| {
                        let views = param.is_selection().then(|| view.clone());
                        Placed { param, views }
                    })
                    .collect();
                (handed, given)
            }
            AnyChart::Layer(l) => (lift_params(&l.common.params, &l.layers)?.0, None),
            _ => (Vec::new(), None),
        };
        names.push(given_name);
        for h in handed {
            let found = placed
                .iter()
                .position(|q| q.param.same_definition(&h.param));
            if !h.param.is_selection() {
                if found.is_none() {
                    placed.push(h);
                }
                continue;
            }
            let mut views = h.views.unwrap_or_default();
            match found {
                Some(at) => {
                    // Equal selections merge; one the parent held itself keeps no views.
                    if let Some(old) = &mut placed[at].views {
                        views.retain(|v| !old.contains(v));
                        old.extend(views);
                    }
                }
                None => placed.push(Placed {
                    param: h.param,
                    views: Some(views),
                }),
            }
        }
    }
    Ok((placed, names))
}

/// Compiles each child with the data it inherits and the name `lift_params`
/// gave it; single views and layers write no params (their parent lifted them).
pub(crate) fn compile_children(
    cx: &mut Cx,
    charts: &[AnyChart],
    names: &[Option<String>],
    inherited: Option<&Data>,
) -> Result<Vec<Map<String, Value>>, SpecError> {
    let outer = cx.params_lifted;
    let mut out = Vec::with_capacity(charts.len());
    for (chart, name) in charts.iter().zip(names) {
        cx.params_lifted = matches!(chart, AnyChart::Unit(_) | AnyChart::Layer(_));
        let compiled = compile_child(chart, cx, inherited);
        cx.params_lifted = outer;
        let mut compiled = compiled?;
        if let Some(name) = name {
            compiled.insert("name".into(), Value::from(name.as_str()));
        }
        out.push(compiled);
    }
    Ok(out)
}
