//! Charts made of charts: layer, repeat, concat (h/v/wrapped) and facet.

use super::common::{Common, common_methods};
use super::unit::Chart;
use crate::channel::Channel;
use crate::compile::{Compile, Cx, compile_child};
use crate::data::Data;
use crate::error::SpecError;
use crate::param::Param;
use serde_json::{Map, Value, json};

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

impl AnyChart {
    /// The chart as a JSON value, `datasets` included.
    pub fn to_value(&self) -> Result<Value, SpecError> {
        Ok(crate::compile::compile_top(self)?.to_value())
    }

    /// Compact JSON (one line, UTF-8 kept), keys sorted.
    pub fn to_json(&self) -> Result<String, SpecError> {
        Ok(crate::compile::compile_top(self)?.write(&crate::json::Style::COMPACT))
    }

    /// JSON as Altair's `chart.to_json()` writes it.
    pub fn to_json_pretty(&self) -> Result<String, SpecError> {
        Ok(crate::compile::compile_top(self)?.write(&crate::json::Style::PRETTY))
    }

    /// A standalone HTML page.
    pub fn to_html(&self, options: &crate::HtmlOptions) -> Result<String, SpecError> {
        crate::html::page(&crate::compile::compile_top(self)?, options)
    }

    fn as_compile(&self) -> &dyn Compile {
        match self {
            AnyChart::Unit(c) => c,
            AnyChart::Layer(c) => c,
            AnyChart::Repeat(c) => c,
            AnyChart::Concat(c) => c,
            AnyChart::Facet(c) => c,
        }
    }

    fn common_mut(&mut self) -> &mut Common {
        match self {
            AnyChart::Unit(c) => &mut c.common,
            AnyChart::Layer(c) => &mut c.common,
            AnyChart::Repeat(c) => &mut c.common,
            AnyChart::Concat(c) => &mut c.common,
            AnyChart::Facet(c) => &mut c.common,
        }
    }

    fn data(&self) -> Option<&Data> {
        self.as_compile().common().data.as_ref()
    }

    fn add_params(self, params: &[Param]) -> AnyChart {
        match self {
            AnyChart::Unit(c) => AnyChart::Unit(c.add_params(params)),
            AnyChart::Layer(c) => AnyChart::Layer(c.add_params(params)),
            AnyChart::Repeat(c) => AnyChart::Repeat(c.add_params(params)),
            AnyChart::Concat(c) => AnyChart::Concat(c.add_params(params)),
            AnyChart::Facet(c) => AnyChart::Facet(c.add_params(params)),
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
    fn compile(
        &self,
        cx: &mut Cx,
        inherited: Option<&Data>,
    ) -> Result<Map<String, Value>, SpecError> {
        self.as_compile().compile(cx, inherited)
    }
}

/// Moves data shared by all children up to the parent, as Altair's
/// `_combine_subchart_data` does (only when it is the very same data).
fn lift_data(common: &mut Common, children: &mut [AnyChart]) {
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

fn compile_list(
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
fn lift_params(out: &mut Map<String, Value>, children: &mut [Map<String, Value>]) {
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

// ---------------------------------------------------------------- layer

/// Charts drawn on top of each other (Altair's `alt.layer(a, b)` or `a + b`).
#[derive(Debug, Clone)]
pub struct LayerChart {
    pub(crate) common: Common,
    layers: Vec<AnyChart>,
    /// Encodings shared by every layer.
    encoding: Vec<Channel>,
    error: Option<SpecError>,
}

/// Layers charts (single views or layers).
pub fn layer<T: Into<AnyChart>>(charts: impl IntoIterator<Item = T>) -> LayerChart {
    let mut layers: Vec<AnyChart> = charts.into_iter().map(Into::into).collect();
    let mut common = Common::default();
    let mut error = None;
    if let Some(bad) = layers
        .iter()
        .find(|c| !matches!(c, AnyChart::Unit(_) | AnyChart::Layer(_)))
    {
        error = Some(SpecError::Composition(format!(
            "only single views and layers can be layered, not {}",
            kind_name(bad)
        )));
    }
    lift_data(&mut common, &mut layers);
    // Vega-Lite does not allow these inside layers; Altair moves them up.
    for prop in ["height", "width", "view"] {
        let values: Vec<Value> = layers
            .iter()
            .filter_map(|c| c.common().props.get(prop).cloned())
            .collect();
        if let Some(first) = values.first() {
            if values.iter().any(|v| v != first) {
                error = Some(SpecError::Composition(format!(
                    "layers have different values for {prop}"
                )));
            }
            common.props.insert(prop.to_string(), first.clone());
            for c in &mut layers {
                c.common_mut().props.shift_remove(prop);
            }
        }
    }
    LayerChart {
        common,
        layers,
        encoding: Vec::new(),
        error,
    }
}

fn kind_name(c: &AnyChart) -> &'static str {
    match c {
        AnyChart::Unit(_) => "a single view",
        AnyChart::Layer(_) => "a layer",
        AnyChart::Repeat(_) => "a repeat chart",
        AnyChart::Concat(_) => "a concat chart",
        AnyChart::Facet(_) => "a facet chart",
    }
}

impl LayerChart {
    /// Adds params to the first layer, as Altair does.
    pub fn add_params<'a>(mut self, params: impl IntoIterator<Item = &'a Param>) -> LayerChart {
        let params: Vec<Param> = params.into_iter().cloned().collect();
        if let Some(first) = self.layers.first_mut() {
            let taken = std::mem::replace(first, AnyChart::Unit(Chart::default()));
            *first = taken.add_params(&params);
        }
        self
    }

    /// Encodings shared by every layer (Altair's `LayerChart.encode`).
    pub fn encode(mut self, channels: impl IntoIterator<Item = Channel>) -> LayerChart {
        for ch in channels {
            self.encoding.retain(|c| c.name != ch.name);
            self.encoding.push(ch);
        }
        self
    }

    /// Sets the data of the whole layer.
    pub fn data(mut self, data: Data) -> LayerChart {
        self.common.data = Some(data);
        self
    }

    /// Repeats this layer chart.
    pub fn repeat(self, repeat: Repeat) -> RepeatChart {
        RepeatChart::new(self.into(), repeat)
    }

    /// Facets this layer chart; see [`Chart::facet`].
    pub fn facet(mut self, channels: impl IntoIterator<Item = Channel>) -> FacetChart {
        let data = self.common.data.take();
        FacetChart::new(self.into(), channels, data)
    }

    common_methods!();
}

impl Compile for LayerChart {
    fn common(&self) -> &Common {
        &self.common
    }
    fn compile(
        &self,
        cx: &mut Cx,
        inherited: Option<&Data>,
    ) -> Result<Map<String, Value>, SpecError> {
        if let Some(e) = &self.error {
            return Err(e.clone());
        }
        let mut out = Map::new();
        self.common.write(cx, &mut out)?;
        let data = self.common.data.as_ref().or(inherited);
        if !self.encoding.is_empty() {
            let mut enc = Map::new();
            for ch in &self.encoding {
                enc.insert(ch.name.to_string(), ch.resolve(data)?);
            }
            out.insert("encoding".into(), Value::Object(enc));
        }
        let mut layers = compile_list(cx, &self.layers, data)?;
        lift_params(&mut out, &mut layers);
        out.insert(
            "layer".into(),
            Value::Array(layers.into_iter().map(Value::Object).collect()),
        );
        Ok(out)
    }
}

// ---------------------------------------------------------------- repeat

/// What a repeat chart repeats over.
#[derive(Debug, Clone, PartialEq)]
pub enum Repeat {
    /// A list of fields, wrapped (`repeat=[...]`); reference with `X::repeat()`.
    List(Vec<String>),
    /// Rows, columns and/or layers of fields; reference with `X::repeat_row()` etc.
    Grid {
        /// Fields per row.
        row: Vec<String>,
        /// Fields per column.
        column: Vec<String>,
        /// Fields per layer.
        layer: Vec<String>,
    },
}

fn strings<T: Into<String>>(items: impl IntoIterator<Item = T>) -> Vec<String> {
    items.into_iter().map(Into::into).collect()
}

impl Repeat {
    /// Repeat over a list of fields.
    pub fn list<T: Into<String>>(fields: impl IntoIterator<Item = T>) -> Repeat {
        Repeat::List(strings(fields))
    }

    /// Repeat over a grid of row and column fields (either may be empty).
    pub fn grid<R: Into<String>, C: Into<String>>(
        row: impl IntoIterator<Item = R>,
        column: impl IntoIterator<Item = C>,
    ) -> Repeat {
        Repeat::Grid {
            row: strings(row),
            column: strings(column),
            layer: Vec::new(),
        }
    }

    /// Repeat layers over fields (the spec must be a layer chart).
    pub fn layer<T: Into<String>>(fields: impl IntoIterator<Item = T>) -> Repeat {
        Repeat::Grid {
            row: Vec::new(),
            column: Vec::new(),
            layer: strings(fields),
        }
    }

    /// Altair's repeat strings: the fields of a list, or every
    /// `row_<f>column_<g>` (and `layer_<h>`) combination, rows outermost.
    fn view_suffixes(&self) -> Vec<String> {
        match self {
            Repeat::List(fields) => fields.clone(),
            Repeat::Grid { row, column, layer } => {
                let mut out = vec![String::new()];
                for (key, fields) in [("row", row), ("column", column), ("layer", layer)] {
                    if fields.is_empty() {
                        continue;
                    }
                    out = out
                        .iter()
                        .flat_map(|prefix| fields.iter().map(move |f| format!("{prefix}{key}_{f}")))
                        .collect();
                }
                out
            }
        }
    }

    fn to_value(&self) -> Result<Value, SpecError> {
        match self {
            Repeat::List(fields) if fields.is_empty() => Err(SpecError::EmptyRepeat),
            Repeat::List(fields) => Ok(json!(fields)),
            Repeat::Grid { row, column, layer } => {
                if row.is_empty() && column.is_empty() && layer.is_empty() {
                    return Err(SpecError::EmptyRepeat);
                }
                let mut m = Map::new();
                for (k, v) in [("row", row), ("column", column), ("layer", layer)] {
                    if !v.is_empty() {
                        m.insert(k.into(), json!(v));
                    }
                }
                Ok(Value::Object(m))
            }
        }
    }
}

/// One chart repeated over fields (Altair's `chart.repeat(...)`).
#[derive(Debug, Clone)]
pub struct RepeatChart {
    pub(crate) common: Common,
    repeat: Repeat,
    spec: Box<AnyChart>,
}

impl RepeatChart {
    fn new(spec: AnyChart, repeat: Repeat) -> RepeatChart {
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

    /// Adds params to the repeated spec, as Altair does.
    pub fn add_params<'a>(mut self, params: impl IntoIterator<Item = &'a Param>) -> RepeatChart {
        let params: Vec<Param> = params.into_iter().cloned().collect();
        self.spec = Box::new(self.spec.add_params(&params));
        self
    }

    /// Makes the scales of the repeated views pan and zoom (Altair's `.interactive()`).
    pub fn interactive(self) -> RepeatChart {
        self.add_params([&Param::pan_zoom()])
    }

    common_methods!();
}

impl Chart {
    /// Repeats this chart over fields (Altair's `.repeat([...])`).
    pub fn repeat(self, repeat: Repeat) -> RepeatChart {
        RepeatChart::new(self.into(), repeat)
    }

    /// Facets this chart by `Row`/`Column` channels, or one `Facet` channel
    /// (wrapped; set `.columns(n)`). The data moves up to the facet, as in Altair.
    pub fn facet(mut self, channels: impl IntoIterator<Item = Channel>) -> FacetChart {
        let data = self.common.data.take();
        FacetChart::new(self.into(), channels, data)
    }
}

impl Compile for RepeatChart {
    fn common(&self) -> &Common {
        &self.common
    }
    fn compile(
        &self,
        cx: &mut Cx,
        inherited: Option<&Data>,
    ) -> Result<Map<String, Value>, SpecError> {
        let mut out = Map::new();
        out.insert("repeat".into(), self.repeat.to_value()?);
        self.common.write(cx, &mut out)?;
        let data = self.common.data.as_ref().or(inherited);
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

// ---------------------------------------------------------------- concat

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum ConcatKind {
    Wrapped,
    Horizontal,
    Vertical,
}

/// Charts side by side (`hconcat`, `a | b`), stacked (`vconcat`, `a & b`) or
/// wrapped (`concat`).
#[derive(Debug, Clone)]
pub struct ConcatChart {
    pub(crate) common: Common,
    kind: ConcatKind,
    charts: Vec<AnyChart>,
}

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

    /// Adds params to every child; serialising lifts them to the top-level
    /// `params` as Altair does, selections with `views` naming the single-view
    /// children that hold them (unnamed children are called `view_<index>`;
    /// Altair's names insert a hash of the Python objects we do not reproduce).
    pub fn add_params<'a>(mut self, params: impl IntoIterator<Item = &'a Param>) -> ConcatChart {
        let params: Vec<Param> = params.into_iter().cloned().collect();
        self.charts = std::mem::take(&mut self.charts)
            .into_iter()
            .map(|c| c.add_params(&params))
            .collect();
        self
    }

    common_methods!();
}

impl Compile for ConcatChart {
    fn common(&self) -> &Common {
        &self.common
    }
    fn compile(
        &self,
        cx: &mut Cx,
        inherited: Option<&Data>,
    ) -> Result<Map<String, Value>, SpecError> {
        let mut out = Map::new();
        self.common.write(cx, &mut out)?;
        let data = self.common.data.as_ref().or(inherited);
        let mut charts = compile_list(cx, &self.charts, data)?;
        lift_params(&mut out, &mut charts);
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

// ---------------------------------------------------------------- facet

/// Small multiples of one chart by data fields (Altair's `chart.facet(...)`).
#[derive(Debug, Clone)]
pub struct FacetChart {
    pub(crate) common: Common,
    facet: Vec<Channel>,
    spec: Box<AnyChart>,
}

impl FacetChart {
    fn new(
        spec: AnyChart,
        channels: impl IntoIterator<Item = Channel>,
        data: Option<Data>,
    ) -> FacetChart {
        FacetChart {
            common: Common {
                data,
                ..Common::default()
            },
            facet: channels.into_iter().collect(),
            spec: Box::new(spec),
        }
    }

    /// Wraps a `Facet` facet after `n` columns.
    pub fn columns(self, n: u32) -> FacetChart {
        self.set("columns", n)
    }

    /// Adds params to the faceted spec, as Altair does.
    pub fn add_params<'a>(mut self, params: impl IntoIterator<Item = &'a Param>) -> FacetChart {
        let params: Vec<Param> = params.into_iter().cloned().collect();
        self.spec = Box::new(self.spec.add_params(&params));
        self
    }

    common_methods!();
}

impl Compile for FacetChart {
    fn common(&self) -> &Common {
        &self.common
    }
    fn compile(
        &self,
        cx: &mut Cx,
        inherited: Option<&Data>,
    ) -> Result<Map<String, Value>, SpecError> {
        let mut out = Map::new();
        self.common.write(cx, &mut out)?;
        let data = self.common.data.as_ref().or(inherited);
        let facet = match self.facet.as_slice() {
            [] => {
                return Err(SpecError::Composition(
                    "facet needs a Row, Column or Facet channel".into(),
                ));
            }
            [one] if one.name == "facet" => one.resolve(data)?,
            many => {
                let mut m = Map::new();
                for ch in many {
                    if ch.name != "row" && ch.name != "column" {
                        return Err(SpecError::Composition(format!(
                            "facet takes Row and Column channels, or one Facet channel, not `{}`",
                            ch.name
                        )));
                    }
                    m.insert(ch.name.into(), ch.resolve(data)?);
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

// ---------------------------------------------------------------- operators

macro_rules! operators {
    ($($t:ident),*) => {$(
        impl<T: Into<AnyChart>> std::ops::Add<T> for $t {
            type Output = LayerChart;
            /// `a + b`: layers, as in Altair.
            fn add(self, other: T) -> LayerChart {
                layer([AnyChart::from(self), other.into()])
            }
        }
        impl<T: Into<AnyChart>> std::ops::BitOr<T> for $t {
            type Output = ConcatChart;
            /// `a | b`: side by side, as in Altair.
            fn bitor(self, other: T) -> ConcatChart {
                hconcat([AnyChart::from(self), other.into()])
            }
        }
        impl<T: Into<AnyChart>> std::ops::BitAnd<T> for $t {
            type Output = ConcatChart;
            /// `a & b`: stacked, as in Altair.
            fn bitand(self, other: T) -> ConcatChart {
                vconcat([AnyChart::from(self), other.into()])
            }
        }
    )*};
}
operators!(Chart, LayerChart, RepeatChart, ConcatChart, FacetChart);
