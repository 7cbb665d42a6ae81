//! Mark types and their properties.

use crate::mark_values::{Align, Baseline, Interpolate, Orient, StrokeCap};
use crate::prop::{AnyValue, BoolValue, NumberValue, TextValue, prop_struct};
use serde_json::{Map, Value};

/// Every Vega-Lite 6 mark type, composite marks included.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MarkType {
    /// `arc`
    Arc,
    /// `area`
    Area,
    /// `bar`
    Bar,
    /// `boxplot` (composite)
    Boxplot,
    /// `circle`
    Circle,
    /// `errorband` (composite)
    Errorband,
    /// `errorbar` (composite)
    Errorbar,
    /// `geoshape`
    Geoshape,
    /// `image`
    Image,
    /// `line`
    Line,
    /// `point`
    Point,
    /// `rect`
    Rect,
    /// `rule`
    Rule,
    /// `square`
    Square,
    /// `text`
    Text,
    /// `tick`
    Tick,
    /// `trail`
    Trail,
}

impl MarkType {
    /// All mark types, for tests and tools.
    pub const ALL: [MarkType; 17] = [
        MarkType::Arc,
        MarkType::Area,
        MarkType::Bar,
        MarkType::Boxplot,
        MarkType::Circle,
        MarkType::Errorband,
        MarkType::Errorbar,
        MarkType::Geoshape,
        MarkType::Image,
        MarkType::Line,
        MarkType::Point,
        MarkType::Rect,
        MarkType::Rule,
        MarkType::Square,
        MarkType::Text,
        MarkType::Tick,
        MarkType::Trail,
    ];

    /// The Vega-Lite name.
    pub fn as_str(self) -> &'static str {
        match self {
            MarkType::Arc => "arc",
            MarkType::Area => "area",
            MarkType::Bar => "bar",
            MarkType::Boxplot => "boxplot",
            MarkType::Circle => "circle",
            MarkType::Errorband => "errorband",
            MarkType::Errorbar => "errorbar",
            MarkType::Geoshape => "geoshape",
            MarkType::Image => "image",
            MarkType::Line => "line",
            MarkType::Point => "point",
            MarkType::Rect => "rect",
            MarkType::Rule => "rule",
            MarkType::Square => "square",
            MarkType::Text => "text",
            MarkType::Tick => "tick",
            MarkType::Trail => "trail",
        }
    }
}

prop_struct! {
    /// Mark properties (Altair's `mark_*(**kwds)`); each takes a constant or an
    /// expression. Unset fields are left out.
    ///
    /// ```
    /// use pixtip_spec::{MarkProps, expr};
    /// let props = MarkProps { x_offset: expr("random() * 16 - 8").into(), size: 60.into(), ..Default::default() };
    /// # let _ = props;
    /// ```
    MarkProps {
        align: Align => "align",
        angle: NumberValue => "angle",
        aria: BoolValue => "aria",
        aspect: BoolValue => "aspect",
        band_size: NumberValue => "bandSize",
        baseline: Baseline => "baseline",
        bin_spacing: NumberValue => "binSpacing",
        blend: TextValue => "blend",
        box_: BoolValue => "box",
        clip: BoolValue => "clip",
        color: TextValue => "color",
        corner_radius: NumberValue => "cornerRadius",
        cursor: TextValue => "cursor",
        description: TextValue => "description",
        dx: NumberValue => "dx",
        dy: NumberValue => "dy",
        extent: AnyValue => "extent",
        fill: TextValue => "fill",
        fill_opacity: NumberValue => "fillOpacity",
        filled: BoolValue => "filled",
        font: TextValue => "font",
        font_size: NumberValue => "fontSize",
        font_style: TextValue => "fontStyle",
        font_weight: AnyValue => "fontWeight",
        height: NumberValue => "height",
        href: TextValue => "href",
        inner_radius: NumberValue => "innerRadius",
        interpolate: Interpolate => "interpolate",
        invalid: TextValue => "invalid",
        limit: NumberValue => "limit",
        line: BoolValue => "line",
        line_break: TextValue => "lineBreak",
        line_height: NumberValue => "lineHeight",
        median: BoolValue => "median",
        opacity: NumberValue => "opacity",
        order: BoolValue => "order",
        orient: Orient => "orient",
        outer_radius: NumberValue => "outerRadius",
        outliers: BoolValue => "outliers",
        pad_angle: NumberValue => "padAngle",
        point: AnyValue => "point",
        radius: NumberValue => "radius",
        rule: BoolValue => "rule",
        shape: TextValue => "shape",
        size: NumberValue => "size",
        stroke: TextValue => "stroke",
        stroke_cap: StrokeCap => "strokeCap",
        stroke_dash: AnyValue => "strokeDash",
        stroke_opacity: NumberValue => "strokeOpacity",
        stroke_width: NumberValue => "strokeWidth",
        style: AnyValue => "style",
        tension: NumberValue => "tension",
        text: AnyValue => "text",
        theta: NumberValue => "theta",
        thickness: NumberValue => "thickness",
        ticks: BoolValue => "ticks",
        tooltip: AnyValue => "tooltip",
        url: TextValue => "url",
        width: NumberValue => "width",
        x: AnyValue => "x",
        x2: AnyValue => "x2",
        x_offset: NumberValue => "xOffset",
        y: AnyValue => "y",
        y2: AnyValue => "y2",
        y_offset: NumberValue => "yOffset",
    }
}

/// A mark: its type and properties, written as `{"type": ..., ...}` as Altair does.
#[derive(Debug, Clone, PartialEq)]
pub struct Mark {
    /// The mark type.
    pub kind: MarkType,
    /// Its properties.
    pub props: MarkProps,
}

impl Mark {
    pub(crate) fn to_value(&self) -> Value {
        let mut map = Map::new();
        self.props.write_into(&mut map);
        map.insert("type".to_string(), Value::from(self.kind.as_str()));
        Value::Object(map)
    }
}
