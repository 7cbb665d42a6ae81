//! Moving data shared by child charts up to their parent, as Altair's
//! `_combine_subchart_data` does.

use super::common::Common;
use super::compile::Compile;
use super::kinds::AnyChart;

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
