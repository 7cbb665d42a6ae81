//! The chart kinds made of charts, as types: [`AnyChart`] and the layer,
//! repeat, concat and facet charts it holds. Their builders live in one file
//! per kind; everything here reaches the kinds only through [`Compile`].

use super::common::Common;
use super::compile::{Compile, SpecResult};
use super::repeat_over::Repeat;
use super::unit::Chart;
use crate::channel::Channel;
use crate::data::Data;
use crate::datasets::Cx;
use crate::error::SpecError;
use crate::param::Param;

/// Any chart, for holding charts of different kinds together.
#[derive(Debug, Clone)]
pub enum AnyChart {
    /// A single view.
    Unit(Chart),
    /// A layer chart.
    Layer(LayerChart),
    /// A repeat chart.
    Repeat(RepeatChart),
    /// A concat chart.
    Concat(ConcatChart),
    /// A facet chart.
    Facet(FacetChart),
}

/// `$body` for whichever kind `$any` holds, bound to `$c`.
macro_rules! each_kind {
    ($any:expr, $c:ident => $body:expr) => {
        match $any {
            AnyChart::Unit($c) => $body,
            AnyChart::Layer($c) => $body,
            AnyChart::Repeat($c) => $body,
            AnyChart::Concat($c) => $body,
            AnyChart::Facet($c) => $body,
        }
    };
}

impl AnyChart {
    fn as_compile(&self) -> &dyn Compile {
        each_kind!(self, c => c)
    }

    fn as_compile_mut(&mut self) -> &mut dyn Compile {
        each_kind!(self, c => c)
    }

    /// The chart's own data.
    pub(crate) fn data(&self) -> Option<&Data> {
        self.common().data.as_ref()
    }

    /// What kind of chart this is, for messages.
    pub(crate) fn kind_name(&self) -> &'static str {
        match self {
            AnyChart::Unit(_) => "a single view",
            AnyChart::Layer(_) => "a layer",
            AnyChart::Repeat(_) => "a repeat chart",
            AnyChart::Concat(_) => "a concat chart",
            AnyChart::Facet(_) => "a facet chart",
        }
    }
}

macro_rules! any_from {
    ($($t:ident => $v:ident),*) => {$(
        impl From<$t> for AnyChart {
            fn from(c: $t) -> AnyChart {
                AnyChart::$v(c)
            }
        }
    )*};
}
any_from!(Chart => Unit, LayerChart => Layer, RepeatChart => Repeat, ConcatChart => Concat, FacetChart => Facet);

impl Compile for AnyChart {
    fn common(&self) -> &Common {
        self.as_compile().common()
    }
    fn common_mut(&mut self) -> &mut Common {
        self.as_compile_mut().common_mut()
    }
    fn add_params_mut(&mut self, params: &[Param]) {
        self.as_compile_mut().add_params_mut(params);
    }
    fn compile(&self, cx: &mut Cx, inherited: Option<&Data>) -> SpecResult {
        self.as_compile().compile(cx, inherited)
    }
}

/// Charts drawn on top of each other (Altair's `alt.layer(a, b)` or `a + b`).
#[derive(Debug, Clone)]
pub struct LayerChart {
    pub(crate) common: Common,
    pub(crate) layers: Vec<AnyChart>,
    /// Encodings shared by every layer.
    pub(crate) encoding: Vec<Channel>,
    pub(crate) error: Option<SpecError>,
}

/// One chart repeated over fields (Altair's `chart.repeat(...)`).
#[derive(Debug, Clone)]
pub struct RepeatChart {
    pub(crate) common: Common,
    pub(crate) repeat: Repeat,
    pub(crate) spec: Box<AnyChart>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum ConcatKind {
    Wrapped,
    Horizontal,
    Vertical,
}

/// Charts side by side (`hconcat`, `a | b`), stacked (`vconcat`, `a & b`) or
/// wrapped (`concat`).
#[derive(Debug, Clone)]
pub struct ConcatChart {
    pub(crate) common: Common,
    pub(crate) kind: ConcatKind,
    pub(crate) charts: Vec<AnyChart>,
}

/// Small multiples of one chart by data fields (Altair's `chart.facet(...)`).
#[derive(Debug, Clone)]
pub struct FacetChart {
    pub(crate) common: Common,
    pub(crate) facet: Vec<Channel>,
    pub(crate) spec: Box<AnyChart>,
}
