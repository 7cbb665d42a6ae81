//! Moving data and params shared by child charts up to their parent, as
//! Altair's `_combine_subchart_data` and `_combine_subchart_params` do.

use super::common::Common;
use super::compile::{Compile, compile_child};
use super::kinds::AnyChart;
use crate::data::Data;
use crate::datasets::Cx;
use crate::error::SpecError;
use serde_json::{Map, Value};

/// Moves data shared by all children up to the parent, as Altair's
/// `_combine_subchart_data` does (only when it is the very same data).
pub(crate) fn lift_data(common: &mut Common, children: &mut [AnyChart]) {
    match &common.data {
        None => {
            let Some(first) = children.first().and_then(AnyChart::data).cloned() else {
                return;
            };
            if children
                .iter()
                .all(|c| c.data().is_some_and(|d| d.same_as(&first)))
            {
                for c in children.iter_mut() {
                    c.common_mut().data = None;
                }
                common.data = Some(first);
            }
        }
        Some(parent) => {
            if children
                .iter()
                .all(|c| c.data().is_none_or(|d| d.same_as(parent)))
            {
                for c in children.iter_mut() {
                    c.common_mut().data = None;
                }
            }
        }
    }
}

/// Compiles each child with the data it inherits.
pub(crate) fn compile_list(
    cx: &mut Cx,
    charts: &[AnyChart],
    inherited: Option<&Data>,
) -> Result<Vec<Map<String, Value>>, SpecError> {
    charts
        .iter()
        .map(|c| compile_child(c, cx, inherited))
        .collect()
}

/// Moves the params of single-view and layer children up to `out`, as
/// Altair's `_combine_subchart_params` does: variables once each, selections
/// with `views` listing the children that held them (equal selections merge).
pub(crate) fn lift_params(out: &mut Map<String, Value>, children: &mut [Map<String, Value>]) {
    let without_views = |p: &Value| {
        let mut p = p.clone();
        if let Value::Object(m) = &mut p {
            m.shift_remove("views");
        }
        p
    };
    let mut lifted: Vec<Value> = match out.shift_remove("params") {
        Some(Value::Array(list)) => list,
        _ => Vec::new(),
    };
    for (i, child) in children.iter_mut().enumerate() {
        let is_unit = child.contains_key("mark");
        if !is_unit && !child.contains_key("layer") {
            continue;
        }
        let Some(Value::Array(params)) = child.shift_remove("params") else {
            continue;
        };
        let has_selection = params.iter().any(|p| p.get("select").is_some());
        if is_unit && has_selection && !child.contains_key("name") {
            child.insert("name".into(), Value::from(format!("view_{i}")));
        }
        for p in params {
            let bare = without_views(&p);
            let found = lifted.iter().position(|q| without_views(q) == bare);
            if p.get("select").is_none() {
                if found.is_none() {
                    lifted.push(p);
                }
                continue;
            }
            // A unit child adds its own name; a layer child's params carry their views.
            let mut views: Vec<Value> = if is_unit {
                child.get("name").cloned().into_iter().collect()
            } else {
                p.get("views")
                    .and_then(Value::as_array)
                    .cloned()
                    .unwrap_or_default()
            };
            match found {
                Some(at) => {
                    if let Some(Value::Array(old)) = lifted[at].get_mut("views") {
                        views.retain(|v| !old.contains(v));
                        old.extend(views);
                    }
                }
                None => {
                    let mut p = bare;
                    p["views"] = Value::Array(views);
                    lifted.push(p);
                }
            }
        }
    }
    if !lifted.is_empty() {
        out.insert("params".into(), Value::Array(lifted));
    }
}
